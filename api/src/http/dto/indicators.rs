//! JSON shapes of indicators, their progress, measurements and their import.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::InvalidField;
use crate::domain::indicator::{AreaTargetInput, IndicatorFields, IndicatorInput};
use crate::domain::measurement::MeasurementFields;
use crate::domain::priority_status::{DerivedStatus, PriorityStatus};
use crate::domain::progress::{Progress, Status};
use crate::services::measurement_import::ImportReport;
use crate::services::measurements::{HistoryView, MeasurementView};
use crate::services::progress::{AreaProgress, IndicatorView};

/// Status of a priority, derived from the verdicts of its indicators. Every area of every
/// indicator is a meetpunt and counts once (`no_data` ones do not count):
///
/// | Meetpunten | Status |
/// |------------|--------|
/// | none counted | `geen_gegevens` (Geen gegevens) |
/// | more than half of those on or off track are off track | `niet_op_koers` (Niet op koers) |
/// | some off track, at most half | `aandacht_nodig` (Aandacht nodig) |
/// | none off track, some `outdated` | `geen_actuele_cijfers` (Geen actuele cijfers) |
/// | all on track | `op_koers` (Op koers) |
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriorityStatusCode {
    OpKoers,
    AandachtNodig,
    NietOpKoers,
    GeenActueleCijfers,
    GeenGegevens,
}

impl From<PriorityStatus> for PriorityStatusCode {
    fn from(s: PriorityStatus) -> Self {
        match s {
            PriorityStatus::OpKoers => PriorityStatusCode::OpKoers,
            PriorityStatus::AandachtNodig => PriorityStatusCode::AandachtNodig,
            PriorityStatus::NietOpKoers => PriorityStatusCode::NietOpKoers,
            PriorityStatus::GeenActueleCijfers => PriorityStatusCode::GeenActueleCijfers,
            PriorityStatus::GeenGegevens => PriorityStatusCode::GeenGegevens,
        }
    }
}

/// Status of a priority, derived from its indicators (the rule is in `PriorityStatusCode`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriorityStatusDto {
    pub status: PriorityStatusCode,
    /// The status in words, e.g. "Aandacht nodig".
    pub label: &'static str,
    /// What the status rests on: the meetpunten without current figures first, then the share on
    /// track and those off track, e.g. "Geen actuele cijfers voor 1 van 3 meetpunten: Totaal
    /// misdrijven (Ermelo). 2 van 3 meetpunten op koers."
    pub explanation: String,
    /// What the status is derived from: `indicators`. The expert groups' own judgement is the
    /// priority's `latestReview`.
    pub basis: &'static str,
}

impl From<DerivedStatus> for PriorityStatusDto {
    fn from(d: DerivedStatus) -> Self {
        PriorityStatusDto {
            status: d.status.into(),
            label: d.status.label(),
            explanation: d.explanation,
            basis: "indicators",
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BaselineDto {
    /// A year (2019) or a half-year (2026-H1); before the target's period when both are given.
    #[schema(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub period: String,
    #[schema(minimum = -1e15, maximum = 1e15)]
    pub value: f64,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetDto {
    /// A year (2024) or a half-year (2026-H2); after the baseline's period when both are given.
    #[schema(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub period: String,
    /// `<=`, `>=` or `=` (`≤` and `≥` are accepted too). `>=` does not go with direction
    /// `lower_is_better`, nor `<=` with `higher_is_better`.
    #[schema(value_type = ComparatorValue)]
    pub comparator: String,
    #[schema(minimum = -1e15, maximum = 1e15)]
    pub value: f64,
}

/// How a target compares: at most, at least, or equal (within 5 %).
// Schema only: the field stays text and `Comparator::parse` checks it.
#[derive(Debug, ToSchema)]
pub enum ComparatorValue {
    #[schema(rename = "<=")]
    AtMost,
    #[schema(rename = ">=")]
    AtLeast,
    #[schema(rename = "=")]
    Equal,
    #[schema(rename = "≤")]
    AtMostSign,
    #[schema(rename = "≥")]
    AtLeastSign,
}

/// A value in a period.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PeriodValueDto {
    pub period: String,
    pub value: f64,
}

/// The verdict on an indicator in one area, as of today. The first rule that applies decides;
/// `summary` gives the words of the last column.
///
/// | # | Case | Status | Summary |
/// |---|------|--------|---------|
/// | 1 | no figure, while the target period runs or without a target | `no_data` | Geen cijfer |
/// | 1a | no figure, the target period is over | `outdated` | Onbekend: geen cijfer over 2024 |
/// | 2 | neither target nor baseline | `no_data` | Geen streefwaarde |
/// | 3 | target; the figure of the target period (without one: the first after it) meets it | `on_track` | Gehaald in 2024 |
/// | 4 | … misses it | `off_track` | Niet gehaald in 2024 |
/// | 5 | target; the latest figure, before the target period and later than the baseline's, already meets it | `on_track` | Gehaald in 2022 |
/// | 6 | target; its period is over without a figure of it or later | `outdated` | Onbekend: geen cijfer over 2024 |
/// | 7 | the latest figure's period ended two years ago or more (on 1 December 2026: 2023, 2024-H1) | `outdated` | Geen cijfer na 2023 |
/// | 8 | no figure after the baseline's period | `no_data` | Geen nieuw cijfer |
/// | 9 | target and an earlier baseline: at least as good as the straight line from baseline to target expects at the latest period (`expected`) | `on_track` | Op koers |
/// | 10 | … worse than that | `off_track` | Niet op koers |
/// | 11 | target without a baseline | `no_data` | Geen uitgangswaarde |
/// | 12 | no target; baseline: lower/higher is better: no worse than it; keep at level: within 5 % | `on_track` | Op koers |
/// | 13 | … otherwise | `off_track` | Niet op koers |
///
/// Figures of a period that has not begun are left out.
/// `=` targets and keep-at-level allow 5 % deviation (at least 0.05). Periods are placed on one
/// time line by their end (2026-H1 ends halfway 2026).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatusCode {
    OnTrack,
    OffTrack,
    Outdated,
    NoData,
}

impl From<Status> for ProgressStatusCode {
    fn from(s: Status) -> Self {
        match s {
            Status::OnTrack => ProgressStatusCode::OnTrack,
            Status::OffTrack => ProgressStatusCode::OffTrack,
            Status::Outdated => ProgressStatusCode::Outdated,
            Status::NoData => ProgressStatusCode::NoData,
        }
    }
}

/// Progress of an indicator in one area (the rule is in `ProgressStatusCode`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgressDto {
    pub status: ProgressStatusCode,
    /// The status in words: "Op koers", "Niet op koers", "Geen actuele cijfers" or "Geen
    /// gegevens".
    pub label: &'static str,
    /// The verdict in a few words, as the Veiligheidsbrief's table shows it: "Gehaald in 2022",
    /// "Onbekend: geen cijfer over 2024", "Geen nieuw cijfer".
    pub summary: String,
    /// The value the line from baseline to target expects at the latest period (rule 9).
    pub expected: Option<f64>,
    /// A sentence in Dutch that a bestuurder can read.
    pub explanation: String,
}

impl From<&Progress> for ProgressDto {
    fn from(p: &Progress) -> Self {
        ProgressDto {
            status: p.status.into(),
            label: p.status.label(),
            summary: p.summary.clone(),
            expected: p.expected,
            explanation: p.explanation.clone(),
        }
    }
}

/// An indicator in one area: a municipality, or the whole cooperation (`municipalityId` null).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorAreaDto {
    pub municipality_id: Option<Uuid>,
    /// The municipality's name, or "Het hele samenwerkingsverband".
    pub area_name: String,
    pub baseline: Option<BaselineDto>,
    pub target: Option<TargetDto>,
    pub measurement_count: usize,
    pub latest: Option<PeriodValueDto>,
    pub progress: ProgressDto,
    /// Set when the target period is over and its figure is missing: the verdict rests on old
    /// figures.
    pub notice: Option<String>,
}

impl From<&AreaProgress> for IndicatorAreaDto {
    fn from(a: &AreaProgress) -> Self {
        IndicatorAreaDto {
            municipality_id: a.municipality_id,
            area_name: a.area_name.clone(),
            baseline: a.baseline.map(|b| BaselineDto {
                period: b.period.to_string(),
                value: b.value,
            }),
            target: a.target.map(|t| TargetDto {
                period: t.period.to_string(),
                comparator: t.comparator.as_str().to_owned(),
                value: t.value,
            }),
            measurement_count: a.measurement_count,
            latest: a.progress.latest.map(|m| PeriodValueDto {
                period: m.period.to_string(),
                value: m.value,
            }),
            progress: ProgressDto::from(&a.progress),
            notice: a.progress.missing.map(|m| m.notice()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorDto {
    pub id: Uuid,
    pub priority_id: Uuid,
    pub name: String,
    pub description: String,
    /// e.g. aantal, procent, rapportcijfer, euro
    pub unit: String,
    /// e.g. politie, Veiligheidsmonitor, CBS, eigen registratie
    pub source: String,
    /// lower_is_better, higher_is_better or keep_at_level
    pub direction: String,
    /// e.g. F44 (police crime code)
    pub police_code: Option<String>,
    /// Baseline, target, latest measurement and progress per area: every area with a baseline,
    /// a target or measurements; the whole cooperation first, then municipalities by name.
    pub areas: Vec<IndicatorAreaDto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<IndicatorView> for IndicatorDto {
    fn from(v: IndicatorView) -> Self {
        let i = v.indicator;
        IndicatorDto {
            id: i.id,
            priority_id: i.priority_id,
            name: i.name,
            description: i.description,
            unit: i.unit,
            source: i.source,
            direction: i.direction,
            police_code: i.police_code,
            areas: v.areas.iter().map(IndicatorAreaDto::from).collect(),
            created_at: i.created_at,
            updated_at: i.updated_at,
        }
    }
}

/// Baseline and target of an indicator for one area: at least one of the two.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AreaTargetRequest {
    /// A municipality of this cooperation; leave out for the whole cooperation. Each area once
    /// per indicator; a local priority's indicator has only its own municipality.
    pub municipality_id: Option<Uuid>,
    /// Required when `target` is left out.
    pub baseline: Option<BaselineDto>,
    /// Required when `baseline` is left out.
    pub target: Option<TargetDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IndicatorRequest {
    /// A priority of this cooperation.
    pub priority_id: Uuid,
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
    /// e.g. aantal, procent, rapportcijfer, euro
    #[schema(
        min_length = 1,
        max_length = 50,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub unit: String,
    /// e.g. politie, Veiligheidsmonitor, CBS, eigen registratie
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub source: String,
    /// lower_is_better, higher_is_better or keep_at_level
    #[schema(value_type = DirectionValue)]
    pub direction: String,
    /// e.g. F44: ASCII letters and digits only (blank: none).
    #[schema(max_length = 20, pattern = r"^[A-Za-z0-9]*$")]
    pub police_code: Option<String>,
    /// Baseline and target per area, each area once; a PUT replaces them all.
    #[serde(default)]
    pub areas: Vec<AreaTargetRequest>,
}

/// Which way is better for an indicator.
// Schema only: the field stays text and `Direction::parse` checks it.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum DirectionValue {
    LowerIsBetter,
    HigherIsBetter,
    KeepAtLevel,
}

impl IndicatorRequest {
    pub fn parse(&self) -> Result<IndicatorFields, InvalidField> {
        IndicatorFields::parse(&IndicatorInput {
            priority_id: self.priority_id,
            name: &self.name,
            description: self.description.as_deref(),
            unit: &self.unit,
            source: &self.source,
            direction: &self.direction,
            police_code: self.police_code.as_deref(),
            areas: self
                .areas
                .iter()
                .map(|a| AreaTargetInput {
                    municipality_id: a.municipality_id,
                    baseline: a.baseline.as_ref().map(|b| (b.period.as_str(), b.value)),
                    target: a
                        .target
                        .as_ref()
                        .map(|t| (t.period.as_str(), t.comparator.as_str(), t.value)),
                })
                .collect(),
        })
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IndicatorListQuery {
    /// Only indicators of this priority.
    pub priority_id: Option<Uuid>,
    /// Only indicators of this plan's priorities.
    pub plan_id: Option<Uuid>,
    /// Only indicators whose name contains this text (case-insensitive).
    #[param(max_length = 200, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub name: Option<String>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeasurementDto {
    pub id: Uuid,
    pub indicator_id: Uuid,
    /// Null for a figure of the whole cooperation.
    pub municipality_id: Option<Uuid>,
    /// A year (2024) or a half-year (2026-H1).
    pub period: String,
    pub value: f64,
    pub source_note: String,
    /// The user who entered the current value.
    pub entered_by: Uuid,
    /// Their name, while they have an account.
    pub entered_by_name: Option<String>,
    pub entered_at: DateTime<Utc>,
}

impl From<MeasurementView> for MeasurementDto {
    fn from(m: MeasurementView) -> Self {
        MeasurementDto {
            entered_by_name: m.entered_by_name,
            id: m.id,
            indicator_id: m.indicator_id,
            municipality_id: m.municipality_id,
            period: m.period,
            value: m.value,
            source_note: m.source_note,
            entered_by: m.entered_by,
            entered_at: m.entered_at,
        }
    }
}

/// An earlier value of a measurement.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeasurementHistoryDto {
    pub value: f64,
    pub source_note: String,
    pub entered_by: Uuid,
    pub entered_by_name: Option<String>,
    pub entered_at: DateTime<Utc>,
    /// Who replaced or deleted it, and when.
    pub replaced_by: Uuid,
    pub replaced_by_name: Option<String>,
    pub replaced_at: DateTime<Utc>,
    /// updated or deleted
    pub change: String,
}

impl From<HistoryView> for MeasurementHistoryDto {
    fn from(h: HistoryView) -> Self {
        MeasurementHistoryDto {
            entered_by_name: h.entered_by_name,
            replaced_by_name: h.replaced_by_name,
            value: h.value,
            source_note: h.source_note,
            entered_by: h.entered_by,
            entered_at: h.entered_at,
            replaced_by: h.replaced_by,
            replaced_at: h.replaced_at,
            change: h.change,
        }
    }
}

/// A measurement with every earlier value it had for the same area and period, newest first.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeasurementDetailDto {
    #[serde(flatten)]
    pub measurement: MeasurementDto,
    pub history: Vec<MeasurementHistoryDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeasurementRequest {
    /// A municipality of this cooperation; leave out for a figure of the whole cooperation. A
    /// local priority's indicator takes only figures of its own municipality.
    pub municipality_id: Option<Uuid>,
    /// A year (2024) or a half-year (2026-H1).
    #[schema(pattern = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)(-[Hh][12])?$")]
    pub period: String,
    #[schema(minimum = -1e15, maximum = 1e15)]
    pub value: f64,
    /// Where the figure comes from, e.g. "politie, export 12 januari"; one line.
    #[schema(max_length = 500, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub source_note: Option<String>,
}

impl MeasurementRequest {
    pub fn parse(&self) -> Result<MeasurementFields, InvalidField> {
        MeasurementFields::parse(
            self.municipality_id,
            &self.period,
            self.value,
            self.source_note.as_deref(),
        )
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MeasurementListQuery {
    /// Only this municipality's figures.
    pub municipality_id: Option<Uuid>,
    /// Only the figures of the whole cooperation; not together with `municipalityId`.
    pub cooperation_only: Option<bool>,
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
pub struct ImportQuery {
    /// Check and count everything, write nothing.
    pub dry_run: Option<bool>,
}

/// What an import did (or, as a dry run, would do).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportReportDto {
    /// Measurement lines read.
    pub rows: usize,
    pub created: usize,
    /// Replaced values; the earlier ones are kept in the history.
    pub updated: usize,
    /// The same value and note were there already.
    pub unchanged: usize,
    /// Lines without period and value (an indicator or area without figures, as exported).
    pub skipped: usize,
    pub dry_run: bool,
}

impl From<ImportReport> for ImportReportDto {
    fn from(r: ImportReport) -> Self {
        ImportReportDto {
            rows: r.rows,
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
            skipped: r.skipped,
            dry_run: r.dry_run,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only indicators of this plan's priorities.
    pub plan_id: Option<Uuid>,
    /// Only indicators of this priority.
    pub priority_id: Option<Uuid>,
    /// `comma` (default; decimal point) or `semicolon` (decimal comma, for Dutch Excel).
    #[param(value_type = Option<SeparatorValue>, inline)]
    pub separator: Option<String>,
}

/// The CSV field separator.
// Schema only: the field stays text and `Separator::parse` checks it.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum SeparatorValue {
    Comma,
    Semicolon,
}
