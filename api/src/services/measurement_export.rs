//! Export of indicators with their measurements as CSV: one line per measurement, with the
//! indicator, its area's baseline and target and its progress there, so a spreadsheet can pivot
//! on it. An area with a target but no measurements, and an indicator without either, get a line
//! without period and value, which the import skips. The file reads back into the import
//! unchanged.

use diesel::PgConnection;

use super::ServiceError;
use super::progress::{indicator_views, today};
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::db::run_in_tenant;
use crate::domain::csv_table::{Separator, guard};
use crate::domain::page::PageRequest;
use crate::repo::indicators::{self, IndicatorFilter};
use crate::repo::measurements::MeasurementRow;
use crate::repo::priorities;
use uuid::Uuid;

pub const COLUMNS: [&str; 19] = [
    "cooperation",
    "municipality",
    "indicator",
    "indicator_id",
    "indicator_code",
    "unit",
    "source",
    "direction",
    "priority",
    "period",
    "value",
    "source_note",
    "entered_at",
    "baseline_period",
    "baseline_value",
    "target_period",
    "comparator",
    "target_value",
    "progress",
];

fn number(v: f64, sep: Separator) -> String {
    let s = v.to_string();
    match sep {
        Separator::Comma => s,
        Separator::Semicolon => s.replace('.', ","),
    }
}

/// One line of the file: a measurement, or an area without any.
struct Line<'a> {
    /// `None`: the whole cooperation.
    municipality: Option<String>,
    period: String,
    measurement: Option<&'a MeasurementRow>,
    area: Option<Uuid>,
}

#[tracing::instrument(skip(conn, ctx))]
pub fn export(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &IndicatorFilter,
    sep: Separator,
) -> Result<String, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let cooperation = ctx.tenant.name.clone();
    let (views, titles) = run_in_tenant(conn, &ctx.db, |tc| {
        let rows = indicators::list(tc, filter, PageRequest::ALL)?.items;
        let titles: std::collections::HashMap<_, _> = priorities::all(tc)?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect();
        Ok::<_, ServiceError>((indicator_views(rows, today())?, titles))
    })?;
    let mut out = csv::WriterBuilder::new()
        .delimiter(match sep {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        })
        .from_writer(Vec::new());
    let write_err = |e: csv::Error| ServiceError::Internal(format!("writing CSV: {e}"));
    out.write_record(COLUMNS).map_err(write_err)?;
    for v in &views {
        let i = &v.indicator;
        // One line per measurement, and one per area (or indicator) without any, so that every
        // indicator and target shows; the whole cooperation first, then municipalities by name,
        // each oldest period first.
        // Every area with measurements is among the view's areas, with its name.
        let name_of = |area: Option<Uuid>| {
            area.and_then(|_| v.areas.iter().find(|a| a.municipality_id == area))
                .map(|a| a.area_name.clone())
        };
        let mut lines: Vec<Line<'_>> = v
            .measurements
            .iter()
            .map(|m| Line {
                municipality: name_of(m.municipality_id),
                period: m.period.clone(),
                measurement: Some(m),
                area: m.municipality_id,
            })
            .collect();
        for a in v.areas.iter().filter(|a| a.measurement_count == 0) {
            lines.push(Line {
                municipality: a.municipality_id.map(|_| a.area_name.clone()),
                period: String::new(),
                measurement: None,
                area: a.municipality_id,
            });
        }
        if lines.is_empty() {
            lines.push(Line {
                municipality: None,
                period: String::new(),
                measurement: None,
                area: None,
            });
        }
        lines.sort_by(|a, b| (&a.municipality, &a.period).cmp(&(&b.municipality, &b.period)));
        for line in lines {
            let (municipality, m, area_id) = (line.municipality, line.measurement, line.area);
            let area = v.areas.iter().find(|a| a.municipality_id == area_id);
            let opt = |x: Option<f64>| x.map(|x| number(x, sep)).unwrap_or_default();
            let baseline = area.and_then(|a| a.baseline);
            let target = area.and_then(|a| a.target);
            out.write_record([
                guard(&cooperation),
                guard(&municipality.unwrap_or_default()),
                guard(&i.name),
                i.id.to_string(),
                guard(i.police_code.as_deref().unwrap_or_default()),
                guard(&i.unit),
                guard(&i.source),
                i.direction.clone(),
                guard(titles.get(&i.priority_id).map_or("", String::as_str)),
                m.map(|m| m.period.clone()).unwrap_or_default(),
                m.map(|m| number(m.value, sep)).unwrap_or_default(),
                guard(m.map_or("", |m| m.source_note.as_str())),
                m.map(|m| {
                    m.entered_at
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                })
                .unwrap_or_default(),
                baseline.map(|b| b.period.to_string()).unwrap_or_default(),
                opt(baseline.map(|b| b.value)),
                target.map(|t| t.period.to_string()).unwrap_or_default(),
                guard(target.map_or("", |t| t.comparator.as_str())),
                opt(target.map(|t| t.value)),
                area.map(|a| a.progress.status.label().to_lowercase())
                    .unwrap_or_default(),
            ])
            .map_err(write_err)?;
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| ServiceError::Internal(format!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| ServiceError::Internal(format!("CSV is not UTF-8: {e}")))
}
