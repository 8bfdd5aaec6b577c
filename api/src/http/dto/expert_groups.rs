//! JSON shapes of expert groups and their reviews.

use super::whole_number;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::InvalidField;
use crate::domain::expert_group::{ExpertGroupFields, Member};
use crate::domain::measurement::MeasurementFields;
use crate::domain::review::{CourseCorrection, ReviewContent, ReviewItem};
use crate::domain::review_cadence::Compliance;
use crate::services::expert_groups::ExpertGroupView;
use crate::services::reviews::{ReviewInput, ReviewMeasurement, ReviewView};
use crate::services::user_names::UserNames;

fn name_of(names: &UserNames, id: Uuid) -> String {
    names
        .get(&id)
        .cloned()
        .unwrap_or_else(|| "onbekende gebruiker".to_owned())
}

/// A member: `userId` for a user of the platform, or `name` and `email` for someone without an
/// account (politie, OM, jongerenwerk, GGD, RIEC, woningcorporatie …).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberRequest {
    /// A user of this cooperation; then leave out `name` and `email`.
    pub user_id: Option<Uuid>,
    /// Required without `userId`; with it, leave it out (or blank).
    #[schema(max_length = 200, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub name: Option<String>,
    /// E.g. "Politie Oost-Nederland", "OM", "GGD".
    #[schema(max_length = 200, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub organisation: Option<String>,
    /// Required without `userId`; with it, leave it out.
    #[schema(
        max_length = 254,
        pattern = r"^[^\s\x00-\x1F\x7F-\x9F@]+@[^\s\x00-\x1F\x7F-\x9F@.][^\s\x00-\x1F\x7F-\x9F@]*\.[^\s\x00-\x1F\x7F-\x9F@]*[^\s\x00-\x1F\x7F-\x9F@.]$"
    )]
    pub email: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpertGroupRequest {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub name: String,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub description: Option<String>,
    /// The theme: one or more priorities of this cooperation, each once.
    #[schema(value_type = BTreeSet<Uuid>, min_items = 1)]
    pub priority_ids: Vec<Uuid>,
    /// A user of this cooperation.
    pub chair_id: Option<Uuid>,
    /// Each member once (the same `userId` or email address twice is refused).
    #[serde(default)]
    pub members: Vec<MemberRequest>,
    /// `half_yearly` (due 30 June and 31 December) or `yearly`. Left out: as stored, or
    /// `half_yearly` for a new group.
    #[schema(value_type = Option<CadenceValue>)]
    pub cadence: Option<String>,
    /// Grace days after the period's end before the review is due (0 to 90). Left out: as
    /// stored, or 0.
    #[schema(minimum = 0, maximum = 90)]
    #[serde(default, deserialize_with = "whole_number::optional")]
    pub due_offset_days: Option<i32>,
    /// The first period the group owes a review for: a half-year (`2026-H1`) for a half-yearly
    /// group, a year (`2026`) for a yearly one. Left out: as stored, or the current one.
    #[schema(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub reviews_from: Option<String>,
}

/// How often an expert group reviews.
// Schema only: the field stays text and `Cadence::parse` checks it.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum CadenceValue {
    HalfYearly,
    Yearly,
}

impl ExpertGroupRequest {
    pub fn parse(&self) -> Result<ExpertGroupFields, InvalidField> {
        let members = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                Member::parse(
                    m.user_id,
                    m.name.as_deref(),
                    m.organisation.as_deref(),
                    m.email.as_deref(),
                )
                .map_err(|e| e.within(&format!("members[{i}]")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        ExpertGroupFields::parse(
            &self.name,
            self.description.as_deref(),
            &self.priority_ids,
            self.chair_id,
            members,
            self.cadence.as_deref(),
            self.due_offset_days,
            self.reviews_from.as_deref(),
        )
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriorityRefDto {
    pub id: Uuid,
    pub title: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberDto {
    pub id: Uuid,
    /// Set for a user of the platform.
    pub user_id: Option<Uuid>,
    pub name: String,
    pub organisation: String,
    /// Set for a member without an account.
    pub email: Option<String>,
}

/// Whether the group keeps up with its reviews, on today's date in the Netherlands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ComplianceDto {
    /// Reviews submitted in the last 12 months.
    pub reviews_last_12_months: usize,
    /// At least two in the last 12 months.
    pub meets_good_practice: bool,
    /// The earliest period still owed: an overdue one, or else the next one.
    pub next_due_period: String,
    pub next_due_on: NaiveDate,
    pub overdue: bool,
    pub overdue_periods: Vec<String>,
    /// The same in one Dutch sentence.
    pub summary: String,
}

impl From<Compliance> for ComplianceDto {
    fn from(c: Compliance) -> Self {
        ComplianceDto {
            reviews_last_12_months: c.reviews_last_12_months,
            meets_good_practice: c.meets_good_practice,
            next_due_period: c.next_due_period.to_string(),
            next_due_on: c.next_due_on,
            overdue: c.overdue,
            overdue_periods: c.overdue_periods.iter().map(ToString::to_string).collect(),
            summary: c.summary,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExpertGroupDto {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub priorities: Vec<PriorityRefDto>,
    pub chair_id: Option<Uuid>,
    pub chair_name: Option<String>,
    pub members: Vec<MemberDto>,
    pub cadence: String,
    pub due_offset_days: i32,
    pub reviews_from: String,
    pub compliance: ComplianceDto,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ExpertGroupDto {
    pub fn new(v: ExpertGroupView, names: &UserNames) -> Self {
        let g = v.group;
        ExpertGroupDto {
            id: g.id,
            name: g.name,
            description: g.description,
            priorities: v
                .priorities
                .into_iter()
                .map(|p| PriorityRefDto {
                    id: p.priority_id,
                    title: p.title,
                })
                .collect(),
            chair_name: g.chair_id.map(|c| name_of(names, c)),
            chair_id: g.chair_id,
            members: v
                .members
                .into_iter()
                .map(|m| MemberDto {
                    id: m.id,
                    name: match (m.user_id, m.name) {
                        (Some(u), _) => name_of(names, u),
                        (None, n) => n.unwrap_or_default(),
                    },
                    user_id: m.user_id,
                    organisation: m.organisation,
                    email: m.email,
                })
                .collect(),
            cadence: g.cadence,
            due_offset_days: g.due_offset_days,
            reviews_from: g.reviews_from,
            compliance: v.compliance.into(),
            created_at: g.created_at,
            updated_at: g.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExpertGroupListQuery {
    /// Only groups with this priority in their theme.
    pub priority_id: Option<Uuid>,
    /// Only groups this user chairs or is a member of.
    pub member_id: Option<Uuid>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CourseCorrectionRequest {
    #[schema(
        min_length = 1,
        max_length = 2000,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub description: String,
    /// Who follows it up, e.g. "Teamchef politie Noord-Veluwe".
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub owner: String,
    /// The owner's account, when they have one: a user of this cooperation.
    pub owner_id: Option<Uuid>,
    /// When it is followed up: a date in the years 1900 to 2200.
    // Required: `Option` only so that a missing date gets a Dutch message.
    #[schema(value_type = NaiveDate, pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    pub follow_up_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewItemRequest {
    /// A priority of the group's theme, once per review.
    pub priority_id: Uuid,
    /// `op_koers`, `aandacht_nodig` or `niet_op_koers`; may wait while the review is a concept.
    #[schema(value_type = Option<ReviewItemStatusValue>)]
    pub status: Option<String>,
    /// Progress narrative (voortgang).
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub progress: Option<String>,
    /// Contributing activities.
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub activities: Option<String>,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub risks: Option<String>,
    #[serde(default)]
    pub course_corrections: Vec<CourseCorrectionRequest>,
}

/// A group's assessment of one priority.
// Schema only: the field stays text and `ReviewItem::parse` checks it.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum ReviewItemStatusValue {
    OpKoers,
    AandachtNodig,
    NietOpKoers,
}

/// A figure brought in with the review: for an indicator of one of the group's priorities.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewMeasurementRequest {
    /// An indicator of one of the group's priorities.
    pub indicator_id: Uuid,
    /// A municipality of this cooperation; leave out for a figure of the whole cooperation. A
    /// local priority's indicator takes only figures of its own municipality.
    pub municipality_id: Option<Uuid>,
    /// A year (2024) or a half-year (2026-H1).
    #[schema(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub period: String,
    #[schema(minimum = -1e15, maximum = 1e15)]
    pub value: f64,
    #[schema(max_length = 500, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub source_note: Option<String>,
}

/// The content of a review. Saving replaces the whole content.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewRequest {
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub summary: Option<String>,
    /// At most one item per priority.
    #[serde(default)]
    pub items: Vec<ReviewItemRequest>,
    /// Updated measurements, entered together with the review.
    #[serde(default)]
    pub measurements: Vec<ReviewMeasurementRequest>,
}

/// A new review: its period and, optionally, content.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewReviewRequest {
    /// `2026-H1`, or a year for a group that reviews yearly; a period that has begun.
    #[schema(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub period: String,
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub summary: Option<String>,
    /// At most one item per priority.
    #[serde(default)]
    pub items: Vec<ReviewItemRequest>,
    #[serde(default)]
    pub measurements: Vec<ReviewMeasurementRequest>,
}

impl NewReviewRequest {
    pub fn parse(&self) -> Result<ReviewInput, InvalidField> {
        parse_review(self.summary.as_deref(), &self.items, &self.measurements)
    }
}

impl ReviewRequest {
    pub fn parse(&self) -> Result<ReviewInput, InvalidField> {
        parse_review(self.summary.as_deref(), &self.items, &self.measurements)
    }
}

fn parse_review(
    summary: Option<&str>,
    items: &[ReviewItemRequest],
    measurements: &[ReviewMeasurementRequest],
) -> Result<ReviewInput, InvalidField> {
    let items = items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let at = format!("items[{i}]");
            let corrections = it
                .course_corrections
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    CourseCorrection::parse(&c.description, &c.owner, c.owner_id, c.follow_up_on)
                        .map_err(|e| e.within(&format!("{at}.courseCorrections[{j}]")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            ReviewItem::parse(
                it.priority_id,
                it.status.as_deref(),
                it.progress.as_deref(),
                it.activities.as_deref(),
                it.risks.as_deref(),
                corrections,
            )
            .map_err(|e| e.within(&at))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let measurements = measurements
        .iter()
        .enumerate()
        .map(|(i, m)| {
            Ok(ReviewMeasurement {
                indicator_id: m.indicator_id,
                fields: MeasurementFields::parse(
                    m.municipality_id,
                    &m.period,
                    m.value,
                    m.source_note.as_deref(),
                )
                .map_err(|e| e.within(&format!("measurements[{i}]")))?,
            })
        })
        .collect::<Result<Vec<_>, InvalidField>>()?;
    Ok(ReviewInput {
        content: ReviewContent::parse(summary, items)?,
        measurements,
    })
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendBackRequest {
    /// What the group still has to do.
    #[schema(
        min_length = 1,
        max_length = 2000,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CourseCorrectionDto {
    pub id: Uuid,
    pub description: String,
    pub owner: String,
    pub owner_id: Option<Uuid>,
    pub follow_up_on: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItemDto {
    pub priority_id: Uuid,
    pub priority_title: String,
    pub status: Option<String>,
    pub progress: String,
    pub activities: String,
    pub risks: String,
    pub course_corrections: Vec<CourseCorrectionDto>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDto {
    pub id: Uuid,
    pub group_id: Uuid,
    pub period: String,
    /// `concept`, `ingediend` or `vastgesteld`.
    pub status: String,
    /// When the review of this period is due for the group.
    pub due_on: Option<NaiveDate>,
    pub summary: String,
    pub items: Vec<ReviewItemDto>,
    pub created_by: Uuid,
    pub created_by_name: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by_name: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by_name: Option<String>,
    /// When and why it was last sent back to concept.
    pub sent_back_at: Option<DateTime<Utc>>,
    pub sent_back_by_name: Option<String>,
    pub sent_back_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ReviewDto {
    pub fn new(v: ReviewView, names: &UserNames) -> Self {
        let r = v.review;
        let mut corrections = v.corrections;
        let items = v
            .items
            .into_iter()
            .map(|i| ReviewItemDto {
                priority_title: v
                    .priority_titles
                    .get(&i.priority_id)
                    .cloned()
                    .unwrap_or_default(),
                course_corrections: corrections
                    .extract_if(.., |c| c.priority_id == i.priority_id)
                    .map(|c| CourseCorrectionDto {
                        id: c.id,
                        description: c.description,
                        owner: c.owner,
                        owner_id: c.owner_id,
                        follow_up_on: c.follow_up_on,
                    })
                    .collect(),
                priority_id: i.priority_id,
                status: i.status,
                progress: i.progress,
                activities: i.activities,
                risks: i.risks,
            })
            .collect();
        ReviewDto {
            id: r.id,
            group_id: r.group_id,
            period: r.period,
            status: r.status,
            due_on: v.due_on,
            summary: r.summary,
            items,
            created_by_name: name_of(names, r.created_by),
            created_by: r.created_by,
            submitted_at: r.submitted_at,
            submitted_by_name: r.submitted_by.map(|u| name_of(names, u)),
            decided_at: r.decided_at,
            decided_by_name: r.decided_by.map(|u| name_of(names, u)),
            sent_back_at: r.sent_back_at,
            sent_back_by_name: r.sent_back_by.map(|u| name_of(names, u)),
            sent_back_reason: r.sent_back_reason,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReviewListQuery {
    /// Only reviews with this status: `concept`, `ingediend` or `vastgesteld`.
    #[param(value_type = Option<ReviewStatusValue>, inline)]
    pub status: Option<String>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

/// Where a review is in its lifecycle.
// Schema only: the list route checks the text against `domain::review`.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum ReviewStatusValue {
    Concept,
    Ingediend,
    Vastgesteld,
}
