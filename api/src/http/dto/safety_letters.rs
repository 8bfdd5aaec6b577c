//! JSON shapes of Veiligheidsbrieven and their schedule.

use super::whole_number;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::InvalidField;
use crate::domain::safety_letter::schedule::Schedule;
use crate::domain::safety_letter::status_label;
use crate::domain::time::today;
use crate::services::safety_letters::{LetterRequest, Person, SafetyLetterView};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SafetyLetterRequest {
    /// The plan the letter reports on: a plan of this cooperation.
    // Required: `Option` only so that a missing plan gets a Dutch message.
    #[schema(value_type = Uuid)]
    pub plan_id: Option<Uuid>,
    /// A year (`2026`) or a half-year (`2026-H1`) that has begun.
    #[schema(value_type = String, pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub period: Option<String>,
    /// The municipalities the letter is for, each of this cooperation; left out or empty: all of
    /// the cooperation's.
    #[serde(default)]
    pub municipality_ids: Vec<Uuid>,
}

impl SafetyLetterRequest {
    pub fn parse(&self) -> Result<LetterRequest, InvalidField> {
        Ok(LetterRequest {
            plan_id: self.plan_id.ok_or_else(|| {
                InvalidField::new("planId", "kies het plan waarover de brief gaat")
            })?,
            period: self
                .period
                .clone()
                .filter(|p| !p.trim().is_empty())
                .ok_or_else(|| {
                    InvalidField::new("period", "kies het jaar (2026) of het halfjaar (2026-H1)")
                })?,
            municipality_ids: self.municipality_ids.clone(),
        })
    }
}

/// A municipality the letter is for.
#[derive(Debug, Serialize, ToSchema)]
pub struct LetterMunicipalityDto {
    pub id: Uuid,
    pub name: String,
}

/// Someone, by id and display name.
#[derive(Debug, Serialize, ToSchema)]
pub struct LetterPersonDto {
    pub id: Uuid,
    pub name: String,
}

/// Where the compiled document is.
#[derive(Debug, Serialize, ToSchema)]
pub struct LetterLinksDto {
    /// The Word file.
    pub docx: String,
    /// The preview in the browser.
    pub html: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SafetyLetterDto {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub plan_title: String,
    pub period: String,
    /// 1 for the first compilation of this plan and period, then 2, 3 …
    pub version: i32,
    /// For all of the cooperation's municipalities (`municipalities` then lists them all).
    pub all_municipalities: bool,
    pub municipalities: Vec<LetterMunicipalityDto>,
    /// `wordt_samengesteld`, `concept`, `vastgesteld` or `mislukt`.
    pub status: String,
    /// The status in Dutch words.
    pub status_label: String,
    /// Why the compilation failed (status `mislukt`).
    pub failure_reason: Option<String>,
    /// Compiled on the schedule rather than asked for by someone.
    pub automatic: bool,
    pub requested_by: Option<LetterPersonDto>,
    pub requested_at: DateTime<Utc>,
    pub compiled_at: Option<DateTime<Utc>>,
    pub adopted_by: Option<LetterPersonDto>,
    pub adopted_at: Option<DateTime<Utc>>,
    /// Size of the Word file in bytes, once compiled.
    pub document_size: Option<i32>,
    /// Present once compiled.
    pub links: Option<LetterLinksDto>,
}

impl SafetyLetterDto {
    pub fn new(v: SafetyLetterView, tenant_slug: &str) -> Self {
        let person = |p: Person| LetterPersonDto {
            id: p.id,
            name: p.name,
        };
        let base = format!(
            "/api/v1/tenants/{tenant_slug}/safety-letters/{}/document",
            v.id
        );
        let links = v.is_compiled().then(|| LetterLinksDto {
            docx: format!("{base}?format=docx"),
            html: format!("{base}?format=html"),
        });
        SafetyLetterDto {
            id: v.id,
            plan_id: v.plan_id,
            plan_title: v.plan_title,
            period: v.period,
            version: v.version,
            all_municipalities: v.all_municipalities,
            municipalities: v
                .municipalities
                .into_iter()
                .map(|(id, name)| LetterMunicipalityDto { id, name })
                .collect(),
            status_label: status_label(&v.status).to_owned(),
            status: v.status,
            failure_reason: v.failure_reason,
            automatic: v.automatic,
            requested_by: v.requested_by.map(person),
            requested_at: v.requested_at,
            compiled_at: v.compiled_at,
            adopted_by: v.adopted_by.map(person),
            adopted_at: v.adopted_at,
            document_size: v.document_size,
            links,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SafetyLetterListQuery {
    pub plan_id: Option<Uuid>,
    /// Only letters over this period (`2026`, `2026-H1`).
    #[param(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub period: Option<String>,
    /// Only versions with this status.
    #[param(value_type = Option<LetterStatusValue>, inline)]
    pub status: Option<String>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

/// Where a letter version is.
// Schema only: the list route checks the text against `safety_letter::STATUSES`.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum LetterStatusValue {
    WordtSamengesteld,
    Concept,
    Vastgesteld,
    Mislukt,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LetterDocumentQuery {
    /// `docx` (the Word file) or `html` (a preview); without it, the `Accept` header decides and
    /// Word is the default.
    #[param(value_type = Option<LetterFormatValue>, inline)]
    pub format: Option<String>,
}

/// The form of a compiled letter.
// Schema only: the route reads the text (ignoring case and surrounding spaces).
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum LetterFormatValue {
    Docx,
    Html,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LetterScheduleRequest {
    /// Whether the worker compiles drafts on its own.
    pub enabled: bool,
    /// A letter per half-year instead of per year.
    pub half_yearly: bool,
    /// Days after the end of a period that its letter is due (0 to 365).
    #[schema(minimum = 0, maximum = 365)]
    #[serde(deserialize_with = "whole_number::exact")]
    pub due_days: i64,
    /// Days before that day that the draft is compiled (0 to 120).
    #[schema(minimum = 0, maximum = 120)]
    #[serde(deserialize_with = "whole_number::exact")]
    pub lead_days: i64,
}

impl LetterScheduleRequest {
    pub fn parse(&self) -> Result<Schedule, InvalidField> {
        Schedule::parse(
            self.enabled,
            self.half_yearly,
            self.due_days,
            self.lead_days,
        )
    }
}

/// The next draft the schedule will compile.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NextDraftDto {
    pub period: String,
    pub draft_on: NaiveDate,
    pub due_on: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LetterScheduleDto {
    pub enabled: bool,
    pub half_yearly: bool,
    pub due_days: u32,
    pub lead_days: u32,
    /// The next period whose draft is still to come (none when the schedule is off).
    pub next_draft: Option<NextDraftDto>,
}

impl LetterScheduleDto {
    pub fn new(s: Schedule) -> Self {
        let next_draft = s.next_draft(today()).map(|p| NextDraftDto {
            period: p.to_string(),
            draft_on: s.draft_on(p),
            due_on: s.due_on(p),
        });
        LetterScheduleDto {
            enabled: s.enabled,
            half_yearly: s.half_yearly,
            due_days: s.due_days,
            lead_days: s.lead_days,
            next_draft,
        }
    }
}
