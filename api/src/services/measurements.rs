//! Measurements of an indicator: one value per area and period; entering it again replaces it and
//! keeps the earlier value in the history. Who may enter one follows its area.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::indicators::check_areas;
use super::tenant_access::TenantContext;
use super::user_names::{UserNames, names_of};
use crate::authz::TenantAction;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::measurement::{MeasurementFields, Recorded};
use crate::domain::page::{Page, PageRequest};
use crate::repo::indicators::{self, IndicatorRow};
use crate::repo::measurements::{self, AreaFilter, HistoryRow, MeasurementRow};
use crate::repo::priorities;

/// A figure of an area and period, with the name of who entered it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementView {
    pub id: Uuid,
    pub indicator_id: Uuid,
    /// `None` for a figure of the whole cooperation.
    pub municipality_id: Option<Uuid>,
    pub period: String,
    pub value: f64,
    pub source_note: String,
    pub entered_by: Uuid,
    /// While they have an account.
    pub entered_by_name: Option<String>,
    pub entered_at: DateTime<Utc>,
}

impl MeasurementView {
    fn new(m: MeasurementRow, names: &UserNames) -> Self {
        MeasurementView {
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

/// An earlier value of a measurement, with who entered and who replaced it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryView {
    pub value: f64,
    pub source_note: String,
    pub entered_by: Uuid,
    pub entered_by_name: Option<String>,
    pub entered_at: DateTime<Utc>,
    pub replaced_by: Uuid,
    pub replaced_by_name: Option<String>,
    pub replaced_at: DateTime<Utc>,
    /// `updated` or `deleted`.
    pub change: String,
}

impl HistoryView {
    fn new(h: HistoryRow, names: &UserNames) -> Self {
        HistoryView {
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

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    indicator_id: Uuid,
    area: AreaFilter,
    page: PageRequest,
) -> Result<Page<MeasurementView>, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        indicator(tc, indicator_id)?;
        Ok::<_, ServiceError>(measurements::list(tc, indicator_id, area, page)?)
    })?;
    let names = names_of(conn, page.items.iter().map(|m| m.entered_by));
    Ok(page.map(|m| MeasurementView::new(m, &names)))
}

/// The measurement with its earlier values, newest first.
#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    indicator_id: Uuid,
    id: Uuid,
) -> Result<(MeasurementView, Vec<HistoryView>), ServiceError> {
    ctx.require(TenantAction::Read)?;
    let (row, history) = run_in_tenant(conn, &ctx.db, |tc| {
        let row =
            measurements::find(tc, indicator_id, id)?.ok_or(ServiceError::not_found("meting"))?;
        let history = measurements::history(tc, &row)?;
        Ok::<_, ServiceError>((row, history))
    })?;
    let people = std::iter::once(row.entered_by)
        .chain(history.iter().flat_map(|h| [h.entered_by, h.replaced_by]));
    let names = names_of(conn, people);
    Ok((
        MeasurementView::new(row, &names),
        history
            .into_iter()
            .map(|h| HistoryView::new(h, &names))
            .collect(),
    ))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn record(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    indicator_id: Uuid,
    fields: &MeasurementFields,
) -> Result<(MeasurementView, Recorded), ServiceError> {
    let (row, recorded) = run_in_tenant(conn, &ctx.db, |tc| {
        let indicator = indicator(tc, indicator_id)?;
        require_entry(
            tc,
            ctx,
            &indicator,
            fields.municipality_id,
            "municipalityId",
        )?;
        Ok::<_, ServiceError>(measurements::record(tc, indicator_id, fields, ctx.user_id)?)
    })?;
    let names = names_of(conn, std::iter::once(row.entered_by));
    Ok((MeasurementView::new(row, &names), recorded))
}

/// Deletes a measurement; its last value stays in the history.
#[tracing::instrument(skip(conn, ctx))]
pub fn delete(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    indicator_id: Uuid,
    id: Uuid,
) -> Result<(), ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        // Deleted and kept in one statement, so a concurrent change cannot slip in between; a
        // refusal below rolls the delete back.
        let row = measurements::delete(tc, indicator_id, id, ctx.user_id)?
            .ok_or(ServiceError::not_found("meting"))?;
        ctx.require(TenantAction::EnterMeasurement(row.municipality_id))?;
        Ok(())
    })
}

fn indicator(tc: &mut TenantConn<'_>, id: Uuid) -> Result<IndicatorRow, ServiceError> {
    indicators::find(tc, id)?.ok_or(ServiceError::not_found("indicator"))
}

/// The area fits the indicator's priority, and the caller may enter figures for it.
pub fn require_entry(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    indicator: &IndicatorRow,
    area: Option<Uuid>,
    field: &str,
) -> Result<(), ServiceError> {
    let priority = priorities::find(tc, indicator.priority_id)?
        .ok_or(ServiceError::not_found("prioriteit"))?;
    check_areas(tc, &priority, std::iter::once(area), field)?;
    ctx.require(TenantAction::EnterMeasurement(area))
}
