//! JSON shapes: policy plans.

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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanRequest {
    pub title: String,
    /// ivp, hup, handhavingsstrategie, prioriteringsagenda or uitvoeringsplan
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    /// concept (default), vastgesteld or afgelopen
    pub status: Option<String>,
    /// When the council adopted it; empty for a concept.
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
    pub kind: Option<String>,
    /// Only plans with this status.
    pub status: Option<String>,
    /// Only plans whose period includes this year.
    pub year: Option<i32>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    pub page_size: Option<i64>,
}
