//! JSON shapes: policy plans.

use super::whole_number;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::InvalidField;
use crate::services::plans::PlanView;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PlanDto {
    pub id: Uuid,
    pub title: String,
    /// ivp, hup, handhavingsstrategie, prioriteringsagenda or uitvoeringsplan
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    /// concept, vastgesteld or afgelopen
    pub status: String,
    pub adopted_on: Option<chrono::NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<PlanView> for PlanDto {
    fn from(p: PlanView) -> Self {
        PlanDto {
            id: p.id,
            title: p.title,
            kind: p.kind,
            start_year: p.start_year,
            end_year: p.end_year,
            status: p.status,
            adopted_on: p.adopted_on,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// Kind of a plan.
// Schema only: `domain::plan::parse_kind` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum PlanKindValue {
    Ivp,
    Hup,
    Handhavingsstrategie,
    Prioriteringsagenda,
    Uitvoeringsplan,
}

/// Status of a plan.
// Schema only: `domain::plan::parse_status` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum PlanStatusValue {
    Concept,
    Vastgesteld,
    Afgelopen,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanRequest {
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub title: String,
    /// ivp, hup, handhavingsstrategie, prioriteringsagenda or uitvoeringsplan
    #[schema(value_type = PlanKindValue)]
    pub kind: String,
    #[schema(minimum = 1990, maximum = 2100)]
    #[serde(deserialize_with = "whole_number::exact")]
    pub start_year: i32,
    /// Not before `startYear`.
    #[schema(minimum = 1990, maximum = 2100)]
    #[serde(deserialize_with = "whole_number::exact")]
    pub end_year: i32,
    /// concept (default), vastgesteld or afgelopen
    #[schema(value_type = Option<PlanStatusValue>)]
    pub status: Option<String>,
    /// When the council adopted it; must be absent while the status is `concept` (the default).
    pub adopted_on: Option<chrono::NaiveDate>,
}

impl PlanRequest {
    pub fn parse(&self) -> Result<crate::domain::plan::PlanFields, InvalidField> {
        crate::domain::plan::PlanFields::parse(
            &self.title,
            &self.kind,
            self.start_year,
            self.end_year,
            self.status.as_deref(),
            self.adopted_on,
        )
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PlanListQuery {
    /// Only plans of this kind.
    #[param(value_type = Option<PlanKindValue>, inline)]
    pub kind: Option<String>,
    /// Only plans with this status.
    #[param(value_type = Option<PlanStatusValue>, inline)]
    pub status: Option<String>,
    /// Only plans whose period includes this year.
    pub year: Option<i32>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}
