//! JSON shapes of commitments (toezeggingen).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::expert_groups::PriorityRefDto;
use crate::domain::InvalidField;
use crate::domain::commitment::{CommitmentFields, CommitmentInput, status_label};
use crate::services::commitment_csv::CommitmentImportReport;
use crate::services::commitments::CommitmentView;
use crate::services::user_names::UserNames;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommitmentRequest {
    /// The council's own number, e.g. `26bb000713`; unique in the cooperation.
    pub reference: String,
    pub title: String,
    pub description: Option<String>,
    /// The municipality whose council it was made to.
    pub municipality_id: Option<Uuid>,
    pub made_on: Option<NaiveDate>,
    /// E.g. "Commissie Veiligheid".
    pub meeting: Option<String>,
    /// The bestuurder who made it (a user with the bestuurder role).
    pub made_by_id: Option<Uuid>,
    /// The council member who asked for it.
    pub requested_by: Option<String>,
    /// Their party (fractie).
    pub requested_by_party: Option<String>,
    /// The officer who prepares the answer (a user of this cooperation).
    pub responsible_officer_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub priority_ids: Vec<Uuid>,
    /// `open` (default), `in_behandeling`, `afgedaan` or `vervallen`.
    pub status: Option<String>,
    /// Required when `afgedaan`.
    pub closed_on: Option<NaiveDate>,
    /// The answering council letter's reference; required when `afgedaan`.
    pub closing_letter_reference: Option<String>,
    /// The answering council letter's title; required when `afgedaan`.
    pub closing_letter_title: Option<String>,
    /// Required when `vervallen`.
    pub lapse_reason: Option<String>,
}

impl CommitmentRequest {
    pub fn parse(&self) -> Result<CommitmentFields, InvalidField> {
        CommitmentFields::parse(&CommitmentInput {
            reference: &self.reference,
            title: &self.title,
            description: self.description.as_deref(),
            municipality_id: self.municipality_id,
            made_on: self.made_on,
            meeting: self.meeting.as_deref(),
            made_by_id: self.made_by_id,
            requested_by: self.requested_by.as_deref(),
            requested_by_party: self.requested_by_party.as_deref(),
            responsible_officer_id: self.responsible_officer_id,
            due_on: self.due_on,
            priority_ids: &self.priority_ids,
            status: self.status.as_deref(),
            closed_on: self.closed_on,
            closing_letter_reference: self.closing_letter_reference.as_deref(),
            closing_letter_title: self.closing_letter_title.as_deref(),
            lapse_reason: self.lapse_reason.as_deref(),
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentDto {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub municipality_id: Uuid,
    pub municipality_name: String,
    pub made_on: NaiveDate,
    pub meeting: String,
    pub made_by_id: Uuid,
    pub made_by_name: String,
    pub requested_by: String,
    pub requested_by_party: String,
    pub responsible_officer_id: Option<Uuid>,
    pub responsible_officer_name: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub priorities: Vec<PriorityRefDto>,
    /// `open`, `in_behandeling`, `afgedaan` or `vervallen`.
    pub status: String,
    /// The status in Dutch words.
    pub status_label: String,
    /// Still open or in behandeling after the due date (today, in the Netherlands).
    pub overdue: bool,
    pub days_overdue: Option<i64>,
    pub closed_on: Option<NaiveDate>,
    pub closing_letter_reference: Option<String>,
    pub closing_letter_title: Option<String>,
    pub lapse_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl CommitmentDto {
    pub fn new(v: CommitmentView, names: &UserNames) -> Self {
        let r = v.row;
        let name = |id: Uuid| {
            names
                .get(&id)
                .cloned()
                .unwrap_or_else(|| "onbekende gebruiker".to_owned())
        };
        CommitmentDto {
            id: r.id,
            reference: r.reference,
            title: r.title,
            description: r.description,
            municipality_id: r.municipality_id,
            municipality_name: v.municipality_name,
            made_on: r.made_on,
            meeting: r.meeting,
            made_by_name: name(r.made_by_id),
            made_by_id: r.made_by_id,
            requested_by: r.requested_by,
            requested_by_party: r.requested_by_party,
            responsible_officer_name: r.responsible_officer_id.map(name),
            responsible_officer_id: r.responsible_officer_id,
            due_on: r.due_on,
            priorities: v
                .priorities
                .into_iter()
                .map(|p| PriorityRefDto {
                    id: p.priority_id,
                    title: p.title,
                })
                .collect(),
            status_label: status_label(&r.status).to_owned(),
            status: r.status,
            overdue: v.overdue,
            days_overdue: v.days_overdue,
            closed_on: r.closed_on,
            closing_letter_reference: r.closing_letter_reference,
            closing_letter_title: r.closing_letter_title,
            lapse_reason: r.lapse_reason,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CommitmentListQuery {
    /// Only commitments with this status.
    pub status: Option<String>,
    /// Only commitments made to this municipality's council.
    pub municipality_id: Option<Uuid>,
    /// Only commitments made by this bestuurder.
    pub made_by_id: Option<Uuid>,
    /// Only commitments this officer prepares.
    pub responsible_officer_id: Option<Uuid>,
    /// Only commitments touching this priority.
    pub priority_id: Option<Uuid>,
    /// Only overdue ones (`true`) or only those not overdue (`false`).
    pub overdue: Option<bool>,
    /// Only commitments due before this date.
    pub due_before: Option<NaiveDate>,
    /// Reference or title contains this text.
    pub q: Option<String>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    pub page_size: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CommitmentExportQuery {
    /// Only commitments with this status.
    pub status: Option<String>,
    /// Only commitments made to this municipality's council.
    pub municipality_id: Option<Uuid>,
    /// Only commitments made by this bestuurder.
    pub made_by_id: Option<Uuid>,
    /// Only overdue ones (`true`) or only those not overdue (`false`).
    pub overdue: Option<bool>,
    /// `comma` (default) or `semicolon` (for Dutch Excel).
    pub separator: Option<String>,
}

/// What a commitment import did (or, as a dry run, would do).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentImportReportDto {
    /// Commitment lines read.
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    /// Lines that matched the stored commitment exactly.
    pub unchanged: usize,
    pub dry_run: bool,
}

impl From<CommitmentImportReport> for CommitmentImportReportDto {
    fn from(r: CommitmentImportReport) -> Self {
        CommitmentImportReportDto {
            rows: r.rows,
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
            dry_run: r.dry_run,
        }
    }
}
