//! Export of indicators with their measurements as CSV: one line per measurement, with the
//! indicator, its area's baseline and target and its progress there, so a spreadsheet can pivot on
//! it. The columns `indicator_id`, `municipality`, `period`, `value` and `source_note` read back
//! into the import unchanged.

use diesel::PgConnection;

use super::ServiceError;
use super::progress::{indicator_views, municipality_names};
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::db::run_in_tenant;
use crate::domain::page::PageRequest;
use crate::repo::indicators::{self, IndicatorFilter};
use crate::repo::{measurements, priorities};

/// How the file separates fields: comma with decimal point, or semicolon with decimal comma (as
/// Dutch Excel expects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Semicolon,
}

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

#[tracing::instrument(skip(conn, ctx))]
pub fn export(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &IndicatorFilter,
    sep: Separator,
) -> Result<String, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let cooperation = ctx.tenant.name.clone();
    let (views, figures, names, titles) = run_in_tenant(conn, &ctx.db, |tc| {
        let rows = indicators::list(tc, filter, PageRequest::ALL)?.items;
        let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
        let figures = measurements::for_indicators(tc, &ids)?;
        let names = municipality_names(tc)?;
        let titles: std::collections::HashMap<_, _> = priorities::all(tc)?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect();
        Ok::<_, ServiceError>((indicator_views(tc, rows)?, figures, names, titles))
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
        let mut own: Vec<_> = figures.iter().filter(|m| m.indicator_id == i.id).collect();
        // The whole cooperation first, then municipalities by name; each oldest period first.
        own.sort_by_cached_key(|m| {
            let name = m.municipality_id.and_then(|id| names.get(&id).cloned());
            (name, m.period.clone())
        });
        for m in own {
            let area = v
                .areas
                .iter()
                .find(|a| a.municipality_id == m.municipality_id);
            let opt = |x: Option<f64>| x.map(|x| number(x, sep)).unwrap_or_default();
            let municipality = match m.municipality_id {
                None => String::new(),
                Some(id) => names.get(&id).cloned().unwrap_or_default(),
            };
            let baseline = area.and_then(|a| a.baseline);
            let target = area.and_then(|a| a.target);
            out.write_record([
                cooperation.clone(),
                municipality,
                i.name.clone(),
                i.id.to_string(),
                i.police_code.clone().unwrap_or_default(),
                i.unit.clone(),
                i.source.clone(),
                i.direction.clone(),
                titles.get(&i.priority_id).cloned().unwrap_or_default(),
                m.period.clone(),
                number(m.value, sep),
                m.source_note.clone(),
                m.entered_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                baseline.map(|b| b.period.to_string()).unwrap_or_default(),
                opt(baseline.map(|b| b.value)),
                target.map(|t| t.period.to_string()).unwrap_or_default(),
                target
                    .map(|t| t.comparator.as_str().to_owned())
                    .unwrap_or_default(),
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
