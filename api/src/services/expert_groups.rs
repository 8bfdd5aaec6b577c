//! Expert groups: managed by tenant admins and coordinators of the whole cooperation, read by
//! every member. Each answer carries the group's cadence compliance on today's date.

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
use crate::domain::expert_group::ExpertGroupFields;
use crate::domain::page::{Page, PageRequest};
use crate::domain::period::Period;
use crate::domain::review_cadence::{Cadence, CadenceRule, Compliance, DoneReview, compliance};
use crate::domain::time::{date_in_netherlands, today};
use crate::domain::version::check_version;
use crate::repo::expert_groups::{
    self, ExpertGroupFilter, ExpertGroupRow, GroupPriorityRow, LinkedGroup, MemberRow,
};
use crate::repo::{priorities, reviews};

/// A group with everything its screen shows.
#[derive(Debug, Clone)]
pub struct ExpertGroupView {
    pub group: ExpertGroupRow,
    pub priorities: Vec<GroupPriorityRow>,
    pub members: Vec<MemberRow>,
    pub compliance: Compliance,
}

impl ExpertGroupView {
    fn people(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.group
            .chair_id
            .into_iter()
            .chain(self.members.iter().filter_map(|m| m.user_id))
    }
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &ExpertGroupFilter,
    page: PageRequest,
) -> Result<(Page<ExpertGroupView>, UserNames), ServiceError> {
    ctx.require(TenantAction::Read)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        expert_groups::list(tc, filter, page)?.try_map_all(|rows| views(rows, today()))
    })?;
    let names = names_of(conn, page.items.iter().flat_map(ExpertGroupView::people));
    Ok((page, names))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<(ExpertGroupView, UserNames), ServiceError> {
    ctx.require(TenantAction::Read)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| view(tc, id))?;
    let names = names_of(conn, view.people());
    Ok((view, names))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &ExpertGroupFields,
) -> Result<(ExpertGroupView, UserNames), ServiceError> {
    ctx.require(TenantAction::ManageExpertGroups)?;
    check_people(conn, ctx, fields)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        check_priorities(tc, &fields.priority_ids)?;
        let rule = fields.cadence.resolve(None, today())?;
        let row = expert_groups::insert(tc, fields, &rule).map_err(name_taken)?;
        view(tc, row.id)
    })?;
    let names = names_of(conn, view.people());
    Ok((view, names))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    fields: &ExpertGroupFields,
    expected: Option<i64>,
) -> Result<(ExpertGroupView, UserNames), ServiceError> {
    ctx.require(TenantAction::ManageExpertGroups)?;
    // A group that is not there answers 404 before anything about the input.
    run_in_tenant(conn, &ctx.db, |tc| {
        expert_groups::find(tc, id)?.ok_or(ServiceError::not_found("expertgroep"))
    })?;
    check_people(conn, ctx, fields)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let current = expert_groups::find_for_update(tc, id)?
            .ok_or(ServiceError::not_found("expertgroep"))?;
        check_version(expected, current.updated_at)?;
        check_priorities(tc, &fields.priority_ids)?;
        let rule = fields
            .cadence
            .resolve(Some(&cadence_rule(&current)?), today())?;
        if current.cadence != rule.cadence.as_str() && reviews::count_for_group(tc, id)? > 0 {
            return Err(ServiceError::Conflict {
                code: "cadence_fixed",
                detail: "Deze groep heeft al evaluaties; haar ritme (per halfjaar of per jaar) kan daarom niet meer veranderen".to_owned(),
            });
        }
        expert_groups::update(tc, id, fields, &rule)
            .map_err(name_taken)?
            .ok_or(ServiceError::not_found("expertgroep"))?;
        view(tc, id)
    })?;
    let names = names_of(conn, view.people());
    Ok((view, names))
}

/// A group with reviews stays: its reviews are the record of what was decided.
#[tracing::instrument(skip(conn, ctx))]
pub fn delete(conn: &mut PgConnection, ctx: &TenantContext, id: Uuid) -> Result<(), ServiceError> {
    ctx.require(TenantAction::ManageExpertGroups)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        expert_groups::find(tc, id)?.ok_or(ServiceError::not_found("expertgroep"))?;
        let n = reviews::count_for_group(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "expert_group_has_reviews",
                detail: format!(
                    "Deze expertgroep heeft {n} evaluatie(s) en kan daarom niet worden verwijderd; verwijder eerst de concepten, ingediende en vastgestelde evaluaties blijven bewaard"
                ),
            });
        }
        expert_groups::delete(tc, id)?;
        Ok(())
    })
}

/// Every group of the tenant with its compliance on `on` (for the worker's reminders).
pub fn all_on(
    tc: &mut TenantConn<'_>,
    on: NaiveDate,
) -> Result<Vec<ExpertGroupView>, ServiceError> {
    let rows = expert_groups::list(tc, &ExpertGroupFilter::default(), PageRequest::ALL)?.items;
    views(rows, on)
}

/// The group's view, or 404.
pub fn view(tc: &mut TenantConn<'_>, id: Uuid) -> Result<ExpertGroupView, ServiceError> {
    let group =
        expert_groups::find_linked(tc, id)?.ok_or(ServiceError::not_found("expertgroep"))?;
    views(vec![group], today())?
        .pop()
        .ok_or(ServiceError::not_found("expertgroep"))
}

fn views(groups: Vec<LinkedGroup>, on: NaiveDate) -> Result<Vec<ExpertGroupView>, ServiceError> {
    groups
        .into_iter()
        .map(|linked| {
            let group = linked.row;
            let rule = cadence_rule(&group)?;
            let done: Vec<DoneReview> = linked
                .done
                .iter()
                .filter_map(|d| {
                    let (Ok(period), Some(at)) =
                        (Period::parse("period", &d.period), d.submitted_at)
                    else {
                        return None;
                    };
                    Some(DoneReview {
                        period,
                        submitted_on: date_in_netherlands(at),
                    })
                })
                .collect();
            Ok(ExpertGroupView {
                compliance: compliance(&rule, &done, on),
                priorities: linked.priorities,
                members: linked.members,
                group,
            })
        })
        .collect()
}

/// The stored cadence of a group.
pub fn cadence_rule(group: &ExpertGroupRow) -> Result<CadenceRule, ServiceError> {
    let bad = |e: InvalidField| ServiceError::Internal(format!("stored cadence: {e}"));
    Ok(CadenceRule {
        cadence: Cadence::parse(&group.cadence).map_err(bad)?,
        due_offset_days: group.due_offset_days,
        reviews_from: Period::parse("reviewsFrom", &group.reviews_from).map_err(bad)?,
    })
}

fn check_people(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &ExpertGroupFields,
) -> Result<(), ServiceError> {
    ensure_member(conn, ctx, fields.chair_id, "chairId")?;
    for (i, m) in fields.members.iter().enumerate() {
        ensure_member(conn, ctx, m.user_id(), &format!("members[{i}].userId"))?;
    }
    Ok(())
}

fn check_priorities(tc: &mut TenantConn<'_>, ids: &[Uuid]) -> Result<(), ServiceError> {
    for (i, id) in ids.iter().enumerate() {
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

fn name_taken(e: DbError) -> ServiceError {
    if e.unique_violation() == Some("expert_groups_name_key") {
        ServiceError::Conflict {
            code: "expert_group_name_taken",
            detail: "Er is al een expertgroep met deze naam".to_owned(),
        }
    } else {
        e.into()
    }
}
