//! Progress of indicators per area, and the status of priorities derived from it. The rules are in
//! `domain::progress` and `domain::priority_status`; this gathers their inputs from the database.

use std::collections::HashMap;

use uuid::Uuid;

use super::ServiceError;
use crate::db::TenantConn;
use crate::domain::period::{Moment, Period};
use crate::domain::priority_status::{self, AreaVerdict, DerivedStatus};
use crate::domain::progress::{
    self, Baseline, Comparator, Direction, Measurement, Progress, Target,
};
use crate::domain::time::date_in_netherlands;
use crate::repo::figures::Figured;
use crate::repo::indicators::{self, IndicatorRow, TargetRow};
use crate::repo::measurements::MeasurementRow;

/// How the whole cooperation is named where a municipality's name would stand.
pub const COOPERATION_AREA: &str = "Het hele samenwerkingsverband";

/// An indicator in one area: its baseline and target there, and how it is doing.
#[derive(Debug, Clone)]
pub struct AreaProgress {
    pub municipality_id: Option<Uuid>,
    pub area_name: String,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
    pub measurement_count: usize,
    pub progress: Progress,
}

/// An indicator with its progress in every area that has a target, a baseline or measurements.
#[derive(Debug, Clone)]
pub struct IndicatorView {
    pub indicator: IndicatorRow,
    pub areas: Vec<AreaProgress>,
    /// The measurements the progress was computed from, oldest period first.
    pub measurements: Vec<MeasurementRow>,
}

fn stored<T>(r: Result<T, crate::domain::InvalidField>) -> Result<T, ServiceError> {
    r.map_err(|e| ServiceError::Internal(format!("stored value does not parse: {e}")))
}

pub fn period(s: &str) -> Result<Period, ServiceError> {
    stored(Period::parse("period", s))
}

pub fn direction(row: &IndicatorRow) -> Result<Direction, ServiceError> {
    stored(Direction::parse(&row.direction))
}

/// The baseline and target a stored row holds.
pub fn target_of(row: &TargetRow) -> Result<(Option<Baseline>, Option<Target>), ServiceError> {
    let baseline = match (&row.baseline_period, row.baseline_value) {
        (Some(p), Some(value)) => Some(Baseline {
            period: period(p)?,
            value,
        }),
        _ => None,
    };
    let target = match (&row.target_period, &row.target_comparator, row.target_value) {
        (Some(p), Some(c), Some(value)) => Some(Target {
            period: period(p)?,
            comparator: stored(Comparator::parse("comparator", c))?,
            value,
        }),
        _ => None,
    };
    Ok((baseline, target))
}

pub fn area_name(names: &HashMap<Uuid, String>, municipality_id: Option<Uuid>) -> String {
    match municipality_id {
        None => COOPERATION_AREA.to_owned(),
        Some(id) => names.get(&id).cloned().unwrap_or_else(|| id.to_string()),
    }
}

/// Today in the Netherlands, the moment the API gives its verdicts as of.
pub fn today() -> Moment {
    Moment::of_date(date_in_netherlands(chrono::Utc::now()))
}

/// The indicators with their progress per area (the whole cooperation first, then by name), as
/// of `as_of`.
#[tracing::instrument(skip_all, fields(count = rows.len()))]
pub fn indicator_views(
    rows: Vec<Figured>,
    as_of: Moment,
) -> Result<Vec<IndicatorView>, ServiceError> {
    rows.into_iter()
        .map(|Figured { indicator, figures }| {
            let areas = areas_of(
                &indicator,
                figures.targets.iter(),
                figures.measurements.iter(),
                &figures.area_names,
                as_of,
            )?;
            Ok(IndicatorView {
                indicator,
                areas,
                measurements: figures.measurements,
            })
        })
        .collect()
}

fn areas_of<'a>(
    indicator: &IndicatorRow,
    targets: impl Iterator<Item = &'a TargetRow>,
    figures: impl Iterator<Item = &'a MeasurementRow>,
    names: &HashMap<Uuid, String>,
    as_of: Moment,
) -> Result<Vec<AreaProgress>, ServiceError> {
    let direction = direction(indicator)?;
    let mut by_area: Vec<(Option<Uuid>, Option<&TargetRow>, Vec<Measurement>)> = Vec::new();
    for t in targets {
        by_area.push((t.municipality_id, Some(t), Vec::new()));
    }
    for m in figures {
        let measurement = Measurement {
            period: period(&m.period)?,
            value: m.value,
        };
        match by_area.iter_mut().find(|(a, _, _)| *a == m.municipality_id) {
            Some((_, _, list)) => list.push(measurement),
            None => by_area.push((m.municipality_id, None, vec![measurement])),
        }
    }
    let mut areas = by_area
        .into_iter()
        .map(|(municipality_id, target_row, list)| {
            let (baseline, target) = match target_row {
                Some(t) => target_of(t)?,
                None => (None, None),
            };
            Ok(AreaProgress {
                municipality_id,
                area_name: area_name(names, municipality_id),
                baseline,
                target,
                measurement_count: list.len(),
                progress: progress::assess(direction, baseline, target, &list, as_of),
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    areas.sort_by(|a, b| {
        (a.municipality_id.is_some(), &a.area_name)
            .cmp(&(b.municipality_id.is_some(), &b.area_name))
    });
    Ok(areas)
}

/// The derived status of each of these priorities, from their own indicators.
#[tracing::instrument(skip_all, fields(count = priority_ids.len()))]
pub fn priority_statuses(
    tc: &mut TenantConn<'_>,
    priority_ids: &[Uuid],
) -> Result<HashMap<Uuid, DerivedStatus>, ServiceError> {
    let views = indicator_views(indicators::for_priorities(tc, priority_ids)?, today())?;
    Ok(priority_ids
        .iter()
        .map(|pid| {
            let own: Vec<&IndicatorView> = views
                .iter()
                .filter(|v| v.indicator.priority_id == *pid)
                .collect();
            let verdicts: Vec<AreaVerdict> = own
                .iter()
                .flat_map(|v| {
                    v.areas.iter().map(|a| AreaVerdict {
                        indicator: v.indicator.name.clone(),
                        area: a.area_name.clone(),
                        status: a.progress.status,
                    })
                })
                .collect();
            (*pid, priority_status::derive(own.len(), &verdicts))
        })
        .collect())
}
