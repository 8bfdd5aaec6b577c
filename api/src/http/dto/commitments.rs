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

/// Status of a commitment.
// Schema only: the request keeps the text, which `parse` checks.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum CommitmentStatusValue {
    Open,
    InBehandeling,
    Afgedaan,
    Vervallen,
}

/// Field separator of a CSV file.
// Schema only: `domain::csv_table::Separator::parse` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum CsvSeparatorValue {
    Comma,
    Semicolon,
}

/// `priorityIds`: utoipa has no `unique_items` attribute, so the array is written out.
fn priority_ids_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid))),
        )
        .unique_items(true)
        .description(Some(
            "Priorities of this cooperation the commitment touches, each at most once.",
        ))
        .build()
}

// The domain, not serde, refuses a missing `municipalityId`, `madeOn` or `madeById` (with a
// Dutch message), so they stay `Option` here; `value_type` makes the document require them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommitmentRequest {
    /// The council's own number, e.g. `26bb000713`; unique in the cooperation.
    #[schema(
        min_length = 1,
        max_length = 50,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub reference: String,
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub title: String,
    /// Line breaks and tabs are allowed; other control characters are not.
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub description: Option<String>,
    /// The municipality (of this cooperation) whose council it was made to.
    #[schema(value_type = Uuid)]
    pub municipality_id: Option<Uuid>,
    /// A date in the years 1900 to 2200.
    #[schema(value_type = NaiveDate, pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    pub made_on: Option<NaiveDate>,
    /// E.g. "Commissie Veiligheid".
    #[schema(max_length = 200, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub meeting: Option<String>,
    /// The bestuurder who made it (a user with the bestuurder role in this cooperation).
    #[schema(value_type = Uuid)]
    pub made_by_id: Option<Uuid>,
    /// The council member who asked for it.
    #[schema(max_length = 200, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub requested_by: Option<String>,
    /// Their party (fractie).
    #[schema(max_length = 100, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub requested_by_party: Option<String>,
    /// The officer who prepares the answer (a user of this cooperation).
    pub responsible_officer_id: Option<Uuid>,
    /// In the years 1900 to 2200, and not before `madeOn`.
    #[schema(
        pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    )]
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    #[schema(schema_with = priority_ids_schema)]
    pub priority_ids: Vec<Uuid>,
    /// `open` (default), `in_behandeling`, `afgedaan` or `vervallen`.
    #[schema(value_type = Option<CommitmentStatusValue>)]
    pub status: Option<String>,
    /// Required when `afgedaan`, allowed when `vervallen`, otherwise absent; in the years 1900
    /// to 2200 and not before `madeOn`.
    #[schema(
        pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    )]
    pub closed_on: Option<NaiveDate>,
    /// The answering council letter's reference; required when `afgedaan`, otherwise absent.
    #[schema(max_length = 100, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub closing_letter_reference: Option<String>,
    /// The answering council letter's title; required when `afgedaan`, otherwise absent.
    #[schema(max_length = 300, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub closing_letter_title: Option<String>,
    /// Why it lapsed; required when `vervallen`, otherwise absent.
    #[schema(max_length = 2000, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
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
    #[param(value_type = Option<CommitmentStatusValue>, inline)]
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
    /// Only commitments due before this date (in the years 1900 to 2200).
    #[param(
        pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    )]
    pub due_before: Option<NaiveDate>,
    /// Reference or title contains this text.
    #[param(max_length = 200, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub q: Option<String>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CommitmentExportQuery {
    /// Only commitments with this status.
    #[param(value_type = Option<CommitmentStatusValue>, inline)]
    pub status: Option<String>,
    /// Only commitments made to this municipality's council.
    pub municipality_id: Option<Uuid>,
    /// Only commitments made by this bestuurder.
    pub made_by_id: Option<Uuid>,
    /// Only overdue ones (`true`) or only those not overdue (`false`).
    pub overdue: Option<bool>,
    /// `comma` (default) or `semicolon` (for Dutch Excel).
    #[param(value_type = Option<CsvSeparatorValue>, inline)]
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
