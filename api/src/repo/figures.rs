//! An indicator's figures: its area targets and its measurements, each with its area's name.
//! The targets (a few per indicator) come as an array column beside the indicator's own (see
//! `repo`); the measurements (many) in one statement of their own for all indicators at once,
//! as plain rows: as arrays of rows they cost PostgreSQL more than the round trip they save
//! (pgbench, the indicators page: 1,060 transactions/s against 1,870). A page of indicators, or
//! the indicators of a page of priorities, is then two statements instead of four (indicators,
//! targets, measurements, municipality names).

use std::collections::HashMap;

use diesel::sql_types::{Array, Float8, Nullable, Record, Text, Uuid as SqlUuid};
use uuid::Uuid;

use super::fixed_sql::{FixedSql, fixed_sql};
use super::indicators::{IndicatorRow, TargetRow};
use super::measurements::{self, MeasurementRow};
use crate::db::{DbError, TenantConn};

/// The targets column, correlated with the `indicators` row of the statement it stands in; each
/// entry ends with its municipality's name (none for the whole cooperation).
const TARGETS_SQL: &str = "\
    ARRAY(SELECT ROW(t.id, t.indicator_id, t.municipality_id, t.baseline_period, t.baseline_value, \
                     t.target_period, t.target_comparator, t.target_value, mu.name) \
          FROM indicator_targets t LEFT JOIN municipalities mu ON mu.id = t.municipality_id \
          WHERE t.indicator_id = indicators.id)";

type TargetSql = Record<(
    SqlUuid,
    SqlUuid,
    Nullable<SqlUuid>,
    Nullable<Text>,
    Nullable<Float8>,
    Nullable<Text>,
    Nullable<Text>,
    Nullable<Float8>,
    Nullable<Text>,
)>;

/// Select this beside `IndicatorRow::as_select()` in a query on `indicators`.
pub fn targets_column() -> FixedSql<Array<TargetSql>> {
    fixed_sql(TARGETS_SQL)
}

type TargetInArea = (
    Uuid,
    Uuid,
    Option<Uuid>,
    Option<String>,
    Option<f64>,
    Option<String>,
    Option<String>,
    Option<f64>,
    Option<String>,
);

/// The targets column as read.
pub type RawTargets = Vec<TargetInArea>;

/// An indicator's targets and measurements, and the names of the municipalities they are for.
#[derive(Debug, Clone)]
pub struct Figures {
    pub targets: Vec<TargetRow>,
    /// Oldest period first.
    pub measurements: Vec<MeasurementRow>,
    pub area_names: HashMap<Uuid, String>,
}

/// An indicator with its figures.
#[derive(Debug, Clone)]
pub struct Figured {
    pub indicator: IndicatorRow,
    pub figures: Figures,
}

/// The indicators with their targets as read, and their measurements (one statement for all).
#[tracing::instrument(skip_all, fields(count = rows.len()))]
pub fn with_measurements(
    conn: &mut TenantConn<'_>,
    rows: Vec<(IndicatorRow, RawTargets)>,
) -> Result<Vec<Figured>, DbError> {
    let ids: Vec<Uuid> = rows.iter().map(|(i, _)| i.id).collect();
    let mut by_indicator: HashMap<Uuid, Vec<(MeasurementRow, Option<String>)>> = HashMap::new();
    if !ids.is_empty() {
        for (m, area) in measurements::for_indicators(conn, &ids)? {
            by_indicator
                .entry(m.indicator_id)
                .or_default()
                .push((m, area));
        }
    }
    Ok(rows
        .into_iter()
        .map(|(indicator, targets)| {
            let measurements = by_indicator.remove(&indicator.id).unwrap_or_default();
            figured(indicator, targets, measurements)
        })
        .collect())
}

fn figured(
    indicator: IndicatorRow,
    targets: RawTargets,
    measurements: Vec<(MeasurementRow, Option<String>)>,
) -> Figured {
    let mut area_names = HashMap::new();
    let mut name_area = |id: Option<Uuid>, name: Option<String>| {
        if let (Some(id), Some(name)) = (id, name) {
            area_names.insert(id, name);
        }
    };
    let targets = targets
        .into_iter()
        .map(
            |(id, indicator_id, municipality_id, bp, bv, tp, tc, tv, area)| {
                name_area(municipality_id, area);
                TargetRow {
                    id,
                    indicator_id,
                    municipality_id,
                    baseline_period: bp,
                    baseline_value: bv,
                    target_period: tp,
                    target_comparator: tc,
                    target_value: tv,
                }
            },
        )
        .collect();
    let measurements = measurements
        .into_iter()
        .map(|(m, area)| {
            name_area(m.municipality_id, area);
            m
        })
        .collect();
    Figured {
        indicator,
        figures: Figures {
            targets,
            measurements,
            area_names,
        },
    }
}
