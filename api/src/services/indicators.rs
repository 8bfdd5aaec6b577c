//! Indicators of a priority, with their baseline and target per area. Who may edit one follows its
//! priority; the areas must fit the priority's scope.

use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::progress::{IndicatorView, indicator_views, today};
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::db::{DbError, TenantConn, run_in_tenant};
use crate::domain::InvalidField;
use crate::domain::indicator::{IndicatorFields, area_fits};
use crate::domain::page::{Page, PageRequest};
use crate::repo::indicators::{self, IndicatorFilter};
use crate::repo::priorities::{self, PriorityRow};
use crate::repo::{measurements, municipalities};

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &IndicatorFilter,
    page: PageRequest,
) -> Result<Page<IndicatorView>, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        indicators::list(tc, filter, page)?.try_map_all(|rows| indicator_views(rows, today()))
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<IndicatorView, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| view(tc, id))
}

fn view(tc: &mut TenantConn<'_>, id: Uuid) -> Result<IndicatorView, ServiceError> {
    let row = indicators::find_figured(tc, id)?.ok_or(ServiceError::not_found("indicator"))?;
    indicator_views(vec![row], today())?
        .pop()
        .ok_or(ServiceError::not_found("indicator"))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &IndicatorFields,
) -> Result<IndicatorView, ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        priority_for(tc, ctx, fields)?;
        let row = indicators::insert(tc, fields).map_err(name_taken)?;
        view(tc, row.id)
    })
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    fields: &IndicatorFields,
) -> Result<IndicatorView, ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        let current = indicators::find(tc, id)?.ok_or(ServiceError::not_found("indicator"))?;
        priority_to_edit(tc, ctx, current.priority_id)?;
        let priority = priority_for(tc, ctx, fields)?;
        if current.priority_id != fields.priority_id {
            // The measurements move along: their areas must fit the new priority as well.
            let figures = measurements::for_indicators(tc, &[id])?;
            check_areas(
                tc,
                &priority,
                figures.iter().map(|(m, _)| m.municipality_id),
                "priorityId",
            )?;
        }
        indicators::update(tc, id, fields)
            .map_err(name_taken)?
            .ok_or(ServiceError::not_found("indicator"))?;
        view(tc, id)
    })
}

/// Deletes an indicator without measurements; measurements are part of the record and stay.
#[tracing::instrument(skip(conn, ctx))]
pub fn delete(conn: &mut PgConnection, ctx: &TenantContext, id: Uuid) -> Result<(), ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        let current = indicators::find(tc, id)?.ok_or(ServiceError::not_found("indicator"))?;
        priority_to_edit(tc, ctx, current.priority_id)?;
        let n = measurements::count_for_indicator(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "indicator_has_measurements",
                detail: format!(
                    "De indicator heeft {n} meting(en); die horen bij het dossier, dus de indicator blijft bestaan"
                ),
            });
        }
        if measurements::has_history(tc, id)? {
            return Err(ServiceError::Conflict {
                code: "indicator_has_history",
                detail: "Voor deze indicator zijn eerder metingen ingevoerd; die blijven in de geschiedenis bewaard, dus de indicator blijft bestaan"
                    .to_owned(),
            });
        }
        indicators::delete(tc, id)?;
        Ok(())
    })
}

/// The priority, when it exists here and the caller may edit it.
fn priority_to_edit(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    priority_id: Uuid,
) -> Result<PriorityRow, ServiceError> {
    let priority = priorities::find(tc, priority_id)?.ok_or_else(|| {
        ServiceError::Invalid(InvalidField::in_context(
            "priorityId",
            "deze prioriteit bestaat niet in dit samenwerkingsverband",
        ))
    })?;
    ctx.require(TenantAction::EditPriority(priority.municipality_id))?;
    Ok(priority)
}

/// The priority `fields` go under, when the caller may edit it and the areas fit it.
fn priority_for(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    fields: &IndicatorFields,
) -> Result<PriorityRow, ServiceError> {
    let priority = priority_to_edit(tc, ctx, fields.priority_id)?;
    let areas = fields.areas.iter().map(|a| a.municipality_id);
    check_areas(tc, &priority, areas, "areas")?;
    Ok(priority)
}

/// Areas must exist here and fit the priority's scope (`domain::indicator::area_fits`).
pub fn check_areas(
    tc: &mut TenantConn<'_>,
    priority: &PriorityRow,
    areas: impl Iterator<Item = Option<Uuid>>,
    field: &str,
) -> Result<(), ServiceError> {
    for area in areas {
        area_fits(priority.municipality_id, area)
            .map_err(|m| InvalidField::in_context(field, m))?;
        if let Some(m) = area
            && municipalities::find(tc, m)?.is_none()
        {
            return Err(InvalidField::in_context(
                field,
                "deze gemeente bestaat niet in dit samenwerkingsverband",
            )
            .into());
        }
    }
    Ok(())
}

fn name_taken(e: DbError) -> ServiceError {
    if e.unique_violation() == Some("indicators_name_key") {
        ServiceError::Conflict {
            code: "indicator_name_taken",
            detail: "Deze prioriteit heeft al een indicator met deze naam".to_owned(),
        }
    } else {
        e.into()
    }
}
