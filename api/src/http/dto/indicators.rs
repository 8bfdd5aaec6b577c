//! JSON shapes of indicators, their progress, measurements and their import.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::InvalidField;
use crate::domain::indicator::{AreaTargetInput, IndicatorFields, IndicatorInput};
use crate::domain::measurement::MeasurementFields;
use crate::domain::priority_status::DerivedStatus;
use crate::domain::progress::Progress;
use crate::repo::measurements::{HistoryRow, MeasurementRow};
use crate::services::measurement_import::ImportReport;
use crate::services::measurements::UserNames;
use crate::services::progress::{AreaProgress, IndicatorView};

/// Status of a priority, derived from its indicators: every area of every indicator that can be
/// judged (on or off track) counts once. Nothing judged: `geen_gegevens`; none off track:
/// `op_koers`; at most half off track: `aandacht_nodig`; more than half: `niet_op_koers`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriorityStatusDto {
    /// op_koers, aandacht_nodig, niet_op_koers or geen_gegevens
    pub status: &'static str,
    /// The status in words, e.g. "Aandacht nodig".
    pub label: &'static str,
    /// What the status rests on, e.g. "2 van 3 meetpunten op koers. Niet op koers: …".
    pub explanation: String,
    /// What the status is derived from: `indicators`. The expert groups' own judgement is the
    /// priority's `latestReview`.
    pub basis: &'static str,
}

impl From<DerivedStatus> for PriorityStatusDto {
    fn from(d: DerivedStatus) -> Self {
        PriorityStatusDto {
            status: d.status.as_str(),
            label: d.status.label(),
            explanation: d.explanation,
            basis: "indicators",
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BaselineDto {
    /// A year (2019) or a half-year (2026-H1).
    pub period: String,
    pub value: f64,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetDto {
    /// A year (2024) or a half-year (2026-H2).
    pub period: String,
    /// `<=`, `>=` or `=` (`≤` and `≥` are accepted too).
    pub comparator: String,
    pub value: f64,
}

/// A value in a period.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PeriodValueDto {
    pub period: String,
    pub value: f64,
}

/// Progress of an indicator in one area. The rule, in order:
/// 1. No measurement: `no_data`.
/// 2. With a target: (a) the latest measurement meets it: `on_track`, also when reached early;
///    (b) otherwise, once the target period is reached: `off_track`; (c) otherwise, with a
///    baseline before the target period: the straight line from baseline to target gives the
///    expected value at the latest measurement's period (`expected`); `on_track` when the
///    measurement is at least as good, else `off_track`; (d) without a baseline: `no_data`.
/// 3. Without a target but with a baseline: lower/higher is better: `on_track` when no worse than
///    the baseline; keep at level: `on_track` within 5% of it.
/// 4. Neither: `no_data`.
///
/// `=` targets and keep-at-level allow 5% deviation (at least 0.05). Periods are placed on one
/// time line by their end (2026-H1 ends halfway 2026), so missing years need no special care.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgressDto {
    /// on_track, off_track or no_data
    pub status: &'static str,
    /// The status in words: "Op koers", "Niet op koers" or "Geen gegevens".
    pub label: &'static str,
    /// The value the line from baseline to target expects at the latest period (rule 2c).
    pub expected: Option<f64>,
    /// A sentence in Dutch that a bestuurder can read.
    pub explanation: String,
}

impl From<&Progress> for ProgressDto {
    fn from(p: &Progress) -> Self {
        ProgressDto {
            status: p.status.as_str(),
            label: p.status.label(),
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
            notice: a.notice.clone(),
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

/// Baseline and target of an indicator for one area.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AreaTargetRequest {
    /// A municipality of this cooperation; leave out for the whole cooperation.
    pub municipality_id: Option<Uuid>,
    pub baseline: Option<BaselineDto>,
    pub target: Option<TargetDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IndicatorRequest {
    pub priority_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    /// e.g. aantal, procent, rapportcijfer, euro
    pub unit: String,
    /// e.g. politie, Veiligheidsmonitor, CBS, eigen registratie
    pub source: String,
    /// lower_is_better, higher_is_better or keep_at_level
    pub direction: String,
    /// e.g. F44
    pub police_code: Option<String>,
    /// Baseline and target per area; a PUT replaces them all.
    #[serde(default)]
    pub areas: Vec<AreaTargetRequest>,
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
    pub name: Option<String>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
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

impl MeasurementDto {
    pub fn new(m: MeasurementRow, names: &UserNames) -> Self {
        MeasurementDto {
            entered_by_name: names.get(&m.entered_by).cloned(),
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

impl MeasurementHistoryDto {
    pub fn new(h: HistoryRow, names: &UserNames) -> Self {
        MeasurementHistoryDto {
            entered_by_name: names.get(&h.entered_by).cloned(),
            replaced_by_name: names.get(&h.replaced_by).cloned(),
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
    /// A municipality of this cooperation; leave out for a figure of the whole cooperation.
    pub municipality_id: Option<Uuid>,
    /// A year (2024) or a half-year (2026-H1).
    pub period: String,
    pub value: f64,
    /// Where the figure comes from, e.g. "politie, export 12 januari".
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
    /// Only the figures of the whole cooperation.
    pub cooperation_only: Option<bool>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
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
    pub separator: Option<String>,
}
