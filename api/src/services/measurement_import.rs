//! Bulk import of measurements from CSV: every row is checked against the tenant's indicators,
//! municipalities and the caller's rights; either every row is written, in one transaction, or
//! none is and the answer lists each refused row with its line and reason.
//!
//! A row names its indicator by `indicator_id`, or by name (`indicator`; exact spelling first,
//! then ignoring case), narrowed by `indicator_code` when given. A name that fits indicators of
//! several priorities is refused as ambiguous rather than guessed. `unit` and `cooperation`, when
//! given, must match the indicator and the tenant: a file meant for another cooperation is refused.

use std::collections::HashMap;

use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::csv_import::{Abort, rejected};
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::indicator::area_fits;
use crate::domain::measurement::{MeasurementFields, Recorded};
use crate::domain::measurement_csv::{self, CsvRow, RowError};
use crate::repo::indicators::{self, IndicatorRow};
use crate::repo::municipalities::{self, MunicipalityRow};
use crate::repo::{measurements, priorities};

/// What an import did (or, as a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Lines without period and value (an indicator or area without figures, as exported).
    pub skipped: usize,
    pub dry_run: bool,
}

#[tracing::instrument(skip(conn, ctx, csv), fields(bytes = csv.len()))]
pub fn import(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    csv: &[u8],
    dry_run: bool,
) -> Result<ImportReport, ServiceError> {
    require_import_rights(ctx)?;
    let parsed = measurement_csv::parse(csv).map_err(|e| rejected(vec![e]))?;
    let outcome = run_in_tenant(conn, &ctx.db, |tc| {
        let (placed, mut errors) = resolve(tc, ctx, &parsed.rows)?;
        errors.extend(parsed.errors.iter().cloned());
        let items: Vec<(Uuid, MeasurementFields)> = placed
            .iter()
            .map(|p| (p.indicator_id, p.fields.clone()))
            .collect();
        let mut indicator_ids: Vec<Uuid> = items.iter().map(|(i, _)| *i).collect();
        indicator_ids.sort_unstable();
        indicator_ids.dedup();
        let existing =
            measurements::lock_for_indicators(tc, &indicator_ids).map_err(ServiceError::from)?;
        // Rights count for what a row changes: a line that leaves its value as it is (as in a
        // re-imported export of the whole cooperation) needs no right to that area.
        for (p, recorded) in placed.iter().zip(measurements::classify(&existing, &items)) {
            if recorded != Recorded::Unchanged
                && ctx
                    .require(TenantAction::EnterMeasurement(p.fields.municipality_id))
                    .is_err()
            {
                errors.push(RowError::new(
                    p.line,
                    format!("u mag geen metingen invoeren voor {}", p.area_label),
                ));
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            return Err(Abort::Failed(rejected(errors)));
        }
        let mut report = ImportReport {
            rows: items.len(),
            skipped: parsed.skipped,
            dry_run,
            ..ImportReport::default()
        };
        let outcome = measurements::record_many(tc, &items, &existing, ctx.user_id)
            .map_err(ServiceError::from)?;
        for recorded in outcome {
            match recorded {
                Recorded::Created => report.created += 1,
                Recorded::Updated => report.updated += 1,
                Recorded::Unchanged => report.unchanged += 1,
            }
        }
        if dry_run {
            // Everything was checked and counted against the real data; now undo it.
            return Err(Abort::DryRun(report));
        }
        Ok::<_, Abort<ImportReport>>(report)
    });
    Abort::settle(outcome)
}

/// Whether the caller may enter measurements for at least one area: checked before the file is
/// read, so that a reader does not upload a file only to be refused.
pub fn require_import_rights(ctx: &TenantContext) -> Result<(), ServiceError> {
    let may_enter_anything = std::iter::once(None)
        .chain(
            ctx.grants
                .iter()
                .map(|g| g.municipality_id)
                .filter(Option::is_some),
        )
        .any(|area| ctx.require(TenantAction::EnterMeasurement(area)).is_ok());
    if may_enter_anything {
        Ok(())
    } else {
        Err(ServiceError::forbidden())
    }
}

/// A row placed: its line, its indicator, and the measurement it enters.
#[derive(Debug)]
struct Placed {
    line: usize,
    indicator_id: Uuid,
    fields: MeasurementFields,
    /// The area as the file names it, for messages.
    area_label: String,
}

/// Which indicator and area every row means; every row that cannot be placed, with the reason.
fn resolve(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    rows: &[CsvRow],
) -> Result<(Vec<Placed>, Vec<RowError>), ServiceError> {
    let all = indicators::all(tc)?;
    let towns = municipalities::all(tc)?;
    let scopes: HashMap<Uuid, (Option<Uuid>, String)> = priorities::all(tc)?
        .into_iter()
        .map(|p| (p.id, (p.municipality_id, p.title)))
        .collect();

    let mut out = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    let mut seen: HashMap<(Uuid, Option<Uuid>, String), usize> = HashMap::new();
    for row in rows {
        let placed = place(ctx, row, &all, &towns, &scopes).and_then(|(indicator, area)| {
            let key = (indicator, area, row.period.to_string());
            match seen.get(&key) {
                Some(first) => Err(format!(
                    "dezelfde indicator, hetzelfde gebied en dezelfde periode staan al op regel {first}"
                )),
                None => {
                    seen.insert(key, row.line);
                    Ok((indicator, area))
                }
            }
        });
        match placed {
            Ok((indicator, area)) => out.push(Placed {
                line: row.line,
                indicator_id: indicator,
                fields: MeasurementFields {
                    municipality_id: area,
                    period: row.period,
                    value: row.value,
                    source_note: row.source_note.clone(),
                },
                area_label: row
                    .municipality
                    .clone()
                    .unwrap_or_else(|| "het hele samenwerkingsverband".to_owned()),
            }),
            Err(reason) => errors.push(RowError::new(row.line, reason)),
        }
    }
    Ok((out, errors))
}

fn place(
    ctx: &TenantContext,
    row: &CsvRow,
    all: &[IndicatorRow],
    towns: &[MunicipalityRow],
    scopes: &HashMap<Uuid, (Option<Uuid>, String)>,
) -> Result<(Uuid, Option<Uuid>), String> {
    if let Some(c) = &row.cooperation {
        let name = ctx.tenant.name.to_lowercase();
        let c_low = c.to_lowercase();
        let ours =
            c_low == ctx.tenant.slug || c_low == name || name.starts_with(&format!("{c_low} ("));
        if !ours {
            return Err(format!(
                "de regel hoort bij samenwerkingsverband '{c}', niet bij {}",
                ctx.tenant.name
            ));
        }
    }
    let indicator = find_indicator(row, all, scopes)?;
    if let Some(unit) = &row.unit
        && !unit.eq_ignore_ascii_case(&indicator.unit)
    {
        return Err(format!(
            "eenheid '{unit}' past niet bij indicator '{}' (eenheid {})",
            indicator.name, indicator.unit
        ));
    }
    let area = match &row.municipality {
        None => None,
        Some(name) => Some(
            towns
                .iter()
                .find(|m| m.name.eq_ignore_ascii_case(name))
                .map(|m| m.id)
                .ok_or_else(|| {
                    format!("gemeente '{name}' hoort niet bij dit samenwerkingsverband")
                })?,
        ),
    };
    let scope = scopes.get(&indicator.priority_id).and_then(|s| s.0);
    area_fits(scope, area).map_err(|m| format!("indicator '{}': {m}", indicator.name))?;
    Ok((indicator.id, area))
}

fn find_indicator<'a>(
    row: &CsvRow,
    all: &'a [IndicatorRow],
    scopes: &HashMap<Uuid, (Option<Uuid>, String)>,
) -> Result<&'a IndicatorRow, String> {
    if let Some(id) = row.indicator_id {
        let found = all
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(|| format!("indicator_id {id} bestaat niet in dit samenwerkingsverband"))?;
        if let (Some(code), Some(own)) = (&row.indicator_code, &found.police_code)
            && !code.eq_ignore_ascii_case(own)
        {
            return Err(format!(
                "indicator_id {id} heeft politiecode {own}, niet {code}"
            ));
        }
        if let Some(name) = &row.indicator
            && !name.eq_ignore_ascii_case(&found.name)
        {
            return Err(format!(
                "indicator_id {id} is '{}', niet '{name}'",
                found.name
            ));
        }
        return Ok(found);
    }
    let name = row.indicator.as_deref().unwrap_or_default();
    let mut candidates: Vec<&IndicatorRow> = all.iter().filter(|i| i.name == name).collect();
    if candidates.is_empty() {
        candidates = all
            .iter()
            .filter(|i| i.name.to_lowercase() == name.to_lowercase())
            .collect();
    }
    if let Some(code) = &row.indicator_code {
        candidates.retain(|i| {
            i.police_code
                .as_deref()
                .is_none_or(|c| c.eq_ignore_ascii_case(code))
        });
    }
    match candidates.as_slice() {
        [] => Err(format!(
            "indicator '{name}' bestaat niet; maak de indicator eerst aan bij de prioriteit"
        )),
        [one] => Ok(one),
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|i| {
                    scopes
                        .get(&i.priority_id)
                        .map_or_else(|| i.priority_id.to_string(), |s| s.1.clone())
                })
                .collect();
            Err(format!(
                "indicator '{name}' bestaat bij meer dan één prioriteit ({}); gebruik de kolom indicator_id",
                names.join(", ")
            ))
        }
    }
}
