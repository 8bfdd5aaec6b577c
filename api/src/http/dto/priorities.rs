//! JSON shapes: priorities of a plan.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::indicators::PriorityStatusDto;
use crate::domain::InvalidField;

/// An expert group's latest judgement of a priority.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriorityReviewDto {
    pub group_id: Uuid,
    pub group_name: String,
    pub review_id: Uuid,
    /// E.g. `2026-H1`.
    pub period: String,
    /// `ingediend` or `vastgesteld`.
    pub review_status: String,
    /// `op_koers`, `aandacht_nodig` or `niet_op_koers`.
    pub status: Option<String>,
    pub progress: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriorityDto {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub title: String,
    /// cooperation, municipality or district
    pub scope: String,
    pub municipality_id: Option<Uuid>,
    pub district_id: Option<Uuid>,
    pub opgave: String,
    pub ambitie: String,
    pub aanpak: String,
    pub doelstelling: String,
    pub partners: Vec<String>,
    pub flankerend_beleid: String,
    pub owner_id: Option<Uuid>,
    /// The owner's display name (leave out of requests; `ownerId` sets the owner).
    pub owner_name: Option<String>,
    /// Derived from the progress of its indicators (rule in the description of `PriorityStatusDto`).
    pub status: PriorityStatusDto,
    /// What the expert groups said last: the latest submitted or adopted review about it.
    pub latest_review: Option<PriorityReviewDto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<crate::services::priorities::PriorityView> for PriorityDto {
    fn from(v: crate::services::priorities::PriorityView) -> Self {
        let p = v.priority;
        PriorityDto {
            status: PriorityStatusDto::from(v.status),
            latest_review: v.latest_review.map(|j| PriorityReviewDto {
                group_id: j.group_id,
                group_name: j.group_name,
                review_id: j.review_id,
                period: j.period,
                review_status: j.review_status,
                status: j.status,
                progress: j.progress,
            }),
            id: p.id,
            plan_id: p.plan_id,
            parent_id: p.parent_id,
            title: p.title,
            scope: p.scope,
            municipality_id: p.municipality_id,
            district_id: p.district_id,
            opgave: p.opgave,
            ambitie: p.ambitie,
            aanpak: p.aanpak,
            doelstelling: p.doelstelling,
            partners: p.partners,
            flankerend_beleid: p.flankerend_beleid,
            owner_id: p.owner_id,
            owner_name: v.owner_name,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriorityRequest {
    /// A plan of this cooperation.
    pub plan_id: Uuid,
    /// Makes this a sub-priority (one level deep, same plan).
    pub parent_id: Option<Uuid>,
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub title: String,
    /// cooperation (bovenlokaal), municipality (lokaal) or district (wijk)
    #[schema(value_type = PriorityScopeValue)]
    pub scope: String,
    /// Required for scope municipality and district; left out for scope cooperation.
    pub municipality_id: Option<Uuid>,
    /// A district of `municipalityId`: required for scope district, left out otherwise.
    pub district_id: Option<Uuid>,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub opgave: Option<String>,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub ambitie: Option<String>,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub aanpak: Option<String>,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub doelstelling: Option<String>,
    /// Partner organisations; the same name twice (ignoring case) counts once.
    // maxItems counts before that merge: a list may repeat names and still be accepted.
    #[serde(default)]
    #[schema(
        max_items = 50,
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub partners: Vec<String>,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub flankerend_beleid: Option<String>,
    /// A user of this cooperation.
    pub owner_id: Option<Uuid>,
}

impl PriorityRequest {
    pub fn parse(&self) -> Result<crate::domain::priority::PriorityFields, InvalidField> {
        use crate::domain::priority::{Scope, long_text, partners};
        Ok(crate::domain::priority::PriorityFields {
            plan_id: self.plan_id,
            parent_id: self.parent_id,
            title: crate::domain::text::required_text("title", &self.title, 300)?,
            scope: Scope::parse(&self.scope, self.municipality_id, self.district_id)?,
            opgave: long_text("opgave", self.opgave.as_deref())?,
            ambitie: long_text("ambitie", self.ambitie.as_deref())?,
            aanpak: long_text("aanpak", self.aanpak.as_deref())?,
            doelstelling: long_text("doelstelling", self.doelstelling.as_deref())?,
            partners: partners(&self.partners)?,
            flankerend_beleid: long_text("flankerendBeleid", self.flankerend_beleid.as_deref())?,
            owner_id: self.owner_id,
        })
    }
}

/// Where a priority applies.
// Schema only: the field stays text and `Scope::parse` checks it.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum PriorityScopeValue {
    Cooperation,
    Municipality,
    District,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PriorityListQuery {
    /// Only priorities of this plan.
    pub plan_id: Option<Uuid>,
    /// Only this scope: cooperation, municipality or district.
    #[param(value_type = Option<PriorityScopeValue>, inline)]
    pub scope: Option<String>,
    /// Only priorities of this municipality (and its districts).
    pub municipality_id: Option<Uuid>,
    /// Only sub-priorities of this priority.
    pub parent_id: Option<Uuid>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}
