//! Priorities of a plan, scoped to the cooperation, a municipality or a district.
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::progress::priority_statuses;
use super::tenant_access::TenantContext;
use super::user_names::names_of;
use super::users::ensure_member;
use crate::authz::TenantAction;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::InvalidField;
use crate::domain::indicator::area_fits;
use crate::domain::page::{Page, PageRequest};
use crate::domain::priority::{PriorityFields, Scope};
use crate::domain::priority_status::DerivedStatus;
use crate::repo::priorities::{self, JudgedPriority, PriorityFilter, PriorityRow};
use crate::repo::reviews::LatestJudgementRow;
use crate::repo::{
    actions, commitments, districts, expert_groups, indicators, municipalities, plans, reviews,
};

/// A priority with its plain-language status, derived from its indicators.
#[derive(Debug, Clone)]
pub struct PriorityView {
    pub priority: PriorityRow,
    pub status: DerivedStatus,
    /// What the expert groups said last (a submitted or adopted review), if anything.
    pub latest_review: Option<LatestJudgementRow>,
    /// The display name of the owner, looked up in the platform schema.
    pub owner_name: Option<String>,
}

/// Fills in the owners' names (users live outside the tenant's transaction).
fn with_owner_names(conn: &mut PgConnection, mut views: Vec<PriorityView>) -> Vec<PriorityView> {
    let names = names_of(conn, views.iter().filter_map(|v| v.priority.owner_id));
    for v in &mut views {
        v.owner_name = v.priority.owner_id.and_then(|id| names.get(&id).cloned());
    }
    views
}

fn with_owner_name(conn: &mut PgConnection, view: PriorityView) -> PriorityView {
    with_owner_names(conn, vec![view])
        .pop()
        .expect("one view in, one out")
}

fn views(
    tc: &mut TenantConn<'_>,
    rows: Vec<JudgedPriority>,
) -> Result<Vec<PriorityView>, ServiceError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.row.id).collect();
    let mut statuses = priority_statuses(tc, &ids)?;
    rows.into_iter()
        .map(|JudgedPriority { row, latest_review }| {
            let status = statuses
                .remove(&row.id)
                .ok_or_else(|| ServiceError::Internal("priority status missing".to_owned()))?;
            Ok(PriorityView {
                latest_review,
                priority: row,
                status,
                owner_name: None,
            })
        })
        .collect()
}

fn view(tc: &mut TenantConn<'_>, id: Uuid) -> Result<PriorityView, ServiceError> {
    let row = priorities::find_judged(tc, id)?.ok_or(ServiceError::not_found("prioriteit"))?;
    views(tc, vec![row])?
        .pop()
        .ok_or_else(|| ServiceError::Internal("priority status missing".to_owned()))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &PriorityFilter,
    page: PageRequest,
) -> Result<Page<PriorityView>, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        priorities::list(tc, filter, page)?.try_map_all(|rows| views(tc, rows))
    })?;
    page.try_map_all(|views| Ok::<_, ServiceError>(with_owner_names(conn, views)))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<PriorityView, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let view = run_in_tenant(conn, &ctx.db, |tc| view(tc, id))?;
    Ok(with_owner_name(conn, view))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &PriorityFields,
) -> Result<PriorityView, ServiceError> {
    ctx.require(TenantAction::EditPriority(fields.scope.municipality()))?;
    ensure_member(conn, ctx, fields.owner_id, "ownerId")?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        check_references(tc, None, fields)?;
        let row = priorities::insert(tc, fields)?;
        view(tc, row.id)
    })?;
    Ok(with_owner_name(conn, view))
}

#[tracing::instrument(skip(conn, ctx, fields))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    fields: &PriorityFields,
) -> Result<PriorityView, ServiceError> {
    ensure_member(conn, ctx, fields.owner_id, "ownerId")?;
    let view = run_in_tenant(conn, &ctx.db, |tc| {
        let current = priorities::find(tc, id)?.ok_or(ServiceError::not_found("prioriteit"))?;
        // Both where it is and where it goes must be the caller's to edit.
        ctx.require(TenantAction::EditPriority(current.municipality_id))?;
        ctx.require(TenantAction::EditPriority(fields.scope.municipality()))?;
        check_references(tc, Some(id), fields)?;
        if fields.scope.municipality() != current.municipality_id {
            check_indicators_fit(tc, id, fields)?;
        }
        priorities::update(tc, id, fields)?.ok_or(ServiceError::not_found("prioriteit"))?;
        view(tc, id)
    })?;
    Ok(with_owner_name(conn, view))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn delete(conn: &mut PgConnection, ctx: &TenantContext, id: Uuid) -> Result<(), ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        let current = priorities::find(tc, id)?.ok_or(ServiceError::not_found("prioriteit"))?;
        ctx.require(TenantAction::EditPriority(current.municipality_id))?;
        let n = priorities::count_children(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "priority_has_children",
                detail: format!(
                    "De prioriteit heeft nog {n} deelprioriteit(en); verwijder of verplaats die eerst"
                ),
            });
        }
        let n = actions::count_for_priority(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "priority_has_actions",
                detail: format!(
                    "De prioriteit heeft nog {n} actiepunt(en); verwijder of verplaats die eerst"
                ),
            });
        }
        let n = indicators::count_for_priority(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "priority_has_indicators",
                detail: format!(
                    "De prioriteit heeft nog {n} indicator(en); verwijder of verplaats die eerst"
                ),
            });
        }
        let n = expert_groups::count_for_priority(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "priority_in_expert_group",
                detail: format!(
                    "De prioriteit hoort bij het thema van {n} expertgroep(en); haal haar daar eerst weg"
                ),
            });
        }
        let n = commitments::count_for_priority(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "priority_has_commitments",
                detail: format!(
                    "De prioriteit is gekoppeld aan {n} toezegging(en); ontkoppel die eerst"
                ),
            });
        }
        let n = reviews::count_for_priority(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "priority_has_reviews",
                detail: format!(
                    "Over deze prioriteit zijn {n} evaluatie(s) geschreven; die blijven bewaard, dus de prioriteit kan niet worden verwijderd"
                ),
            });
        }
        priorities::delete(tc, id)?;
        Ok(())
    })
}

/// A priority that changes scope keeps its indicators only when their areas fit the new scope.
fn check_indicators_fit(
    tc: &mut TenantConn<'_>,
    id: Uuid,
    f: &PriorityFields,
) -> Result<(), ServiceError> {
    let own = indicators::for_priorities(tc, &[id])?;
    let areas = own.iter().flat_map(|i| {
        let figures = &i.figures;
        (figures.targets.iter().map(|t| t.municipality_id))
            .chain(figures.measurements.iter().map(|m| m.municipality_id))
    });
    for area in areas {
        area_fits(f.scope.municipality(), area).map_err(|m| {
            InvalidField::in_context(
                "scope",
                format!("de indicatoren van deze prioriteit hebben cijfers die niet bij de nieuwe scope passen: {m}"),
            )
        })?;
    }
    Ok(())
}

/// Plan, municipality, district and parent exist here and fit together.
fn check_references(
    tc: &mut TenantConn<'_>,
    id: Option<Uuid>,
    f: &PriorityFields,
) -> Result<(), ServiceError> {
    let invalid = |field: &str, message: &str| {
        Err(ServiceError::Invalid(InvalidField::in_context(
            field, message,
        )))
    };
    if plans::find(tc, f.plan_id)?.is_none() {
        return invalid(
            "planId",
            "dit plan bestaat niet in dit samenwerkingsverband",
        );
    }
    if let Some(m) = f.scope.municipality()
        && municipalities::find(tc, m)?.is_none()
    {
        return invalid(
            "municipalityId",
            "deze gemeente bestaat niet in dit samenwerkingsverband",
        );
    }
    if let Scope::District {
        municipality,
        district,
    } = f.scope
        && districts::find(tc, municipality, district)?.is_none()
    {
        return invalid("districtId", "deze wijk hoort niet bij de gekozen gemeente");
    }
    if let Some(parent_id) = f.parent_id {
        if Some(parent_id) == id {
            return invalid(
                "parentId",
                "een prioriteit kan niet haar eigen hoofdprioriteit zijn",
            );
        }
        let Some(parent) = priorities::find(tc, parent_id)? else {
            return invalid("parentId", "deze hoofdprioriteit bestaat niet");
        };
        if parent.plan_id != f.plan_id {
            return invalid("parentId", "de hoofdprioriteit hoort bij een ander plan");
        }
        if parent.parent_id.is_some() {
            return invalid(
                "parentId",
                "deelprioriteiten gaan één niveau diep: kies een hoofdprioriteit",
            );
        }
        if let Some(id) = id
            && priorities::count_children(tc, id)? > 0
        {
            return invalid(
                "parentId",
                "deze prioriteit heeft zelf deelprioriteiten en kan geen deelprioriteit worden",
            );
        }
    }
    Ok(())
}
