//! Commitments (toezeggingen): registered and followed by tenant admins and coordinators (a
//! coordinator scoped to one municipality: that municipality's commitments), read by every
//! member. Whether one is overdue is computed on today's date in the Netherlands.

use chrono::NaiveDate;
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::tenant_access::TenantContext;
use super::user_names::{UserNames, names_of};
use super::users::ensure_member;
use crate::authz::TenantAction;
use crate::db::{DbError, TenantConn, run_in_tenant};
use crate::domain::InvalidField;
use crate::domain::commitment::{CommitmentFields, is_overdue};
use crate::domain::page::{Page, PageRequest};
use crate::domain::role::Role;
use crate::domain::time::today;
use crate::domain::version::check_version;
use crate::repo::commitments::{
    self, CommitmentFilter, CommitmentPriorityRow, CommitmentRow, LinkedCommitment,
};
use crate::repo::{memberships, municipalities, priorities};

/// A commitment with everything its screen shows.
#[derive(Debug, Clone)]
pub struct CommitmentView {
    pub row: CommitmentRow,
    pub municipality_name: String,
    pub priorities: Vec<CommitmentPriorityRow>,
    pub overdue: bool,
    /// Days past the due date, while overdue.
    pub days_overdue: Option<i64>,
}

impl CommitmentView {
    fn people(&self) -> impl Iterator<Item = Uuid> + '_ {
        std::iter::once(self.row.made_by_id).chain(self.row.responsible_officer_id)
    }
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &CommitmentFilter,
    page: PageRequest,
) -> Result<(Page<CommitmentView>, UserNames), ServiceError> {
    ctx.require(TenantAction::Read)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        commitments::list(tc, filter, page)?
            .try_map_all(|rows| Ok::<_, ServiceError>(views(rows, filter.today)))
    })?;
    let names = names_of(conn, page.items.iter().flat_map(CommitmentView::people));
    Ok((page, names))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<(CommitmentView, UserNames), ServiceError> {
    ctx.require(TenantAction::Read)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| view(tc, id))?;
    named(conn, view)
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &CommitmentFields,
) -> Result<(CommitmentView, UserNames), ServiceError> {
    ctx.require(TenantAction::EditCommitment(fields.municipality_id))?;
    check_people(conn, ctx, fields, None)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        check_places(tc, fields)?;
        let row = commitments::insert(tc, fields).map_err(reference_taken)?;
        view(tc, row.id)
    })?;
    named(conn, view)
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    fields: &CommitmentFields,
    expected: Option<i64>,
) -> Result<(CommitmentView, UserNames), ServiceError> {
    // A commitment that is not there answers 404 before anything about the input.
    let stored = run_in_tenant(conn, &ctx.db, |tc| find(tc, id))?;
    check_people(conn, ctx, fields, Some(&stored))?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let current =
            commitments::find_for_update(tc, id)?.ok_or(ServiceError::not_found("toezegging"))?;
        ctx.require(TenantAction::EditCommitment(current.municipality_id))?;
        ctx.require(TenantAction::EditCommitment(fields.municipality_id))?;
        check_version(expected, current.updated_at)?;
        check_places(tc, fields)?;
        commitments::update(tc, id, fields)
            .map_err(reference_taken)?
            .ok_or(ServiceError::not_found("toezegging"))?;
        view(tc, id)
    })?;
    named(conn, view)
}

#[tracing::instrument(skip(conn, ctx))]
pub fn delete(conn: &mut PgConnection, ctx: &TenantContext, id: Uuid) -> Result<(), ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        let current = find(tc, id)?;
        ctx.require(TenantAction::EditCommitment(current.municipality_id))?;
        commitments::delete(tc, id)?;
        Ok(())
    })
}

fn named(
    conn: &mut PgConnection,
    view: CommitmentView,
) -> Result<(CommitmentView, UserNames), ServiceError> {
    let names = names_of(conn, view.people());
    Ok((view, names))
}

fn find(tc: &mut TenantConn<'_>, id: Uuid) -> Result<CommitmentRow, ServiceError> {
    commitments::find(tc, id)?.ok_or(ServiceError::not_found("toezegging"))
}

/// Views of the commitments, overdue as of `on`.
fn views(rows: Vec<LinkedCommitment>, on: NaiveDate) -> Vec<CommitmentView> {
    rows.into_iter()
        .map(|linked| {
            let row = linked.row;
            let overdue = is_overdue(&row.status, row.due_on, on);
            CommitmentView {
                municipality_name: linked.municipality_name,
                priorities: linked.priorities,
                overdue,
                days_overdue: row.due_on.filter(|_| overdue).map(|d| (on - d).num_days()),
                row,
            }
        })
        .collect()
}

fn view(tc: &mut TenantConn<'_>, id: Uuid) -> Result<CommitmentView, ServiceError> {
    let linked = commitments::find_linked(tc, id)?.ok_or(ServiceError::not_found("toezegging"))?;
    Ok(views(vec![linked], today()).remove(0))
}

/// The commitment was made by a bestuurder of this cooperation; its officer is a member. Who is
/// already stored stays valid after leaving (a wethouder after an election): a commitment made
/// by a former bestuurder can still be discharged.
fn check_people(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &CommitmentFields,
    stored: Option<&CommitmentRow>,
) -> Result<(), ServiceError> {
    if stored.is_none_or(|s| s.made_by_id != fields.made_by_id) {
        let roles = memberships::for_user_in_tenant(conn, ctx.tenant.id, fields.made_by_id)?;
        if !roles.iter().any(|m| m.role == Role::Bestuurder.as_str()) {
            return Err(InvalidField::in_context(
                "madeById",
                "is geen bestuurder van dit samenwerkingsverband",
            )
            .into());
        }
    }
    if stored.is_none_or(|s| s.responsible_officer_id != fields.responsible_officer_id) {
        ensure_member(
            conn,
            ctx,
            fields.responsible_officer_id,
            "responsibleOfficerId",
        )?;
    }
    Ok(())
}

/// The municipality and priorities are of this cooperation.
fn check_places(tc: &mut TenantConn<'_>, fields: &CommitmentFields) -> Result<(), ServiceError> {
    if municipalities::find(tc, fields.municipality_id)?.is_none() {
        return Err(InvalidField::in_context(
            "municipalityId",
            "deze gemeente bestaat niet in dit samenwerkingsverband",
        )
        .into());
    }
    for (i, id) in fields.priority_ids.iter().enumerate() {
        if priorities::find(tc, *id)?.is_none() {
            return Err(InvalidField::in_context(
                format!("priorityIds[{i}]"),
                "deze prioriteit bestaat niet in dit samenwerkingsverband",
            )
            .into());
        }
    }
    Ok(())
}

pub fn reference_taken(e: DbError) -> ServiceError {
    if e.unique_violation() == Some("commitments_reference_key") {
        ServiceError::Conflict {
            code: "commitment_reference_taken",
            detail: "Er is al een toezegging met dit kenmerk".to_owned(),
        }
    } else {
        e.into()
    }
}
