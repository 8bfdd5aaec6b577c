//! Action points (actiepunten) of the uitvoeringsplan. Who may edit one follows its priority's
//! scope, as for the priority itself.

use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::tenant_access::TenantContext;
use super::user_names::names_of;
use super::users::ensure_member;
use crate::authz::TenantAction;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::InvalidField;
use crate::domain::action::ActionFields;
use crate::domain::page::{Page, PageRequest};
use crate::repo::actions::{self, ActionFilter, ActionRow};
use crate::repo::priorities;

/// An action point with its owner's display name.
#[derive(Debug, Clone)]
pub struct ActionView {
    pub action: ActionRow,
    pub owner_name: Option<String>,
}

/// Names the owners (users live in the platform schema, outside the tenant's transaction).
fn views(conn: &mut PgConnection, rows: Vec<ActionRow>) -> Vec<ActionView> {
    let names = names_of(conn, rows.iter().filter_map(|a| a.owner_id));
    rows.into_iter()
        .map(|action| ActionView {
            owner_name: action.owner_id.and_then(|id| names.get(&id).cloned()),
            action,
        })
        .collect()
}

fn view(conn: &mut PgConnection, row: ActionRow) -> ActionView {
    views(conn, vec![row])
        .pop()
        .expect("one row in, one view out")
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &ActionFilter,
    page: PageRequest,
) -> Result<Page<ActionView>, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        Ok::<_, ServiceError>(actions::list(tc, filter, page)?)
    })?;
    page.try_map_all(|rows| Ok::<_, ServiceError>(views(conn, rows)))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<ActionView, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let row = run_in_tenant(conn, &ctx.db, |tc| {
        actions::find(tc, id)?.ok_or(ServiceError::not_found("actiepunt"))
    })?;
    Ok(view(conn, row))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &ActionFields,
) -> Result<ActionView, ServiceError> {
    ensure_member(conn, ctx, fields.owner_id, "ownerId")?;
    let row = run_in_tenant(conn, &ctx.db, |tc| {
        require_edit_of_priority(tc, ctx, fields.priority_id)?;
        Ok::<_, ServiceError>(actions::insert(tc, fields)?)
    })?;
    Ok(view(conn, row))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    fields: &ActionFields,
) -> Result<ActionView, ServiceError> {
    ensure_member(conn, ctx, fields.owner_id, "ownerId")?;
    let row = run_in_tenant(conn, &ctx.db, |tc| {
        let current = actions::find(tc, id)?.ok_or(ServiceError::not_found("actiepunt"))?;
        require_edit_of_priority(tc, ctx, current.priority_id)?;
        require_edit_of_priority(tc, ctx, fields.priority_id)?;
        actions::update(tc, id, fields)?.ok_or(ServiceError::not_found("actiepunt"))
    })?;
    Ok(view(conn, row))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn delete(conn: &mut PgConnection, ctx: &TenantContext, id: Uuid) -> Result<(), ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        let current = actions::find(tc, id)?.ok_or(ServiceError::not_found("actiepunt"))?;
        require_edit_of_priority(tc, ctx, current.priority_id)?;
        actions::delete(tc, id)?;
        Ok(())
    })
}

fn require_edit_of_priority(
    tc: &mut TenantConn<'_>,
    ctx: &TenantContext,
    priority_id: Uuid,
) -> Result<(), ServiceError> {
    let priority = priorities::find(tc, priority_id)?.ok_or_else(|| {
        ServiceError::Invalid(InvalidField::in_context(
            "priorityId",
            "deze prioriteit bestaat niet in dit samenwerkingsverband",
        ))
    })?;
    ctx.require(TenantAction::EditPriority(priority.municipality_id))
}
