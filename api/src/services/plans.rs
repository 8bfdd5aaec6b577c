//! Policy plans of a tenant.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::db::run_in_tenant;
use crate::domain::page::{Page, PageRequest};
use crate::domain::plan::{PlanFields, PlanFilter};
use crate::repo::plans::{self, PlanRow};

/// A plan as the use cases give it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    pub id: Uuid,
    pub title: String,
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    pub status: String,
    pub adopted_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<PlanRow> for PlanView {
    fn from(p: PlanRow) -> Self {
        PlanView {
            id: p.id,
            title: p.title,
            kind: p.kind,
            start_year: p.start_year,
            end_year: p.end_year,
            status: p.status,
            adopted_on: p.adopted_on,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &PlanFilter,
    page: PageRequest,
) -> Result<Page<PlanView>, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        Ok(plans::list(tc, filter, page)?.map(PlanView::from))
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<PlanView, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        plans::find(tc, id)?
            .map(PlanView::from)
            .ok_or(ServiceError::not_found("plan"))
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &PlanFields,
) -> Result<PlanView, ServiceError> {
    ctx.require(TenantAction::EditPlans)?;
    run_in_tenant(conn, &ctx.db, |tc| Ok(plans::insert(tc, fields)?.into()))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    fields: &PlanFields,
) -> Result<PlanView, ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        plans::find(tc, id)?.ok_or(ServiceError::not_found("plan"))?;
        ctx.require(TenantAction::EditPlans)?;
        plans::update(tc, id, fields)?
            .map(PlanView::from)
            .ok_or(ServiceError::not_found("plan"))
    })
}

/// Deletes a plan that is still a concept; an adopted plan is part of the record and stays.
#[tracing::instrument(skip(conn, ctx))]
pub fn delete(conn: &mut PgConnection, ctx: &TenantContext, id: Uuid) -> Result<(), ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        let plan = plans::find(tc, id)?.ok_or(ServiceError::not_found("plan"))?;
        ctx.require(TenantAction::EditPlans)?;
        if plan.status != "concept" {
            return Err(ServiceError::Conflict {
                code: "plan_not_concept",
                detail: format!(
                    "Het plan is {}: alleen een concept kan worden verwijderd; zet de status op 'afgelopen' om het af te sluiten",
                    plan.status
                ),
            });
        }
        let n = crate::repo::priorities::count_for_plan(tc, id)?;
        if n > 0 {
            return Err(ServiceError::Conflict {
                code: "plan_has_priorities",
                detail: format!("Het plan heeft nog {n} prioriteit(en); verwijder die eerst"),
            });
        }
        let letters = crate::repo::safety_letters::count_for_plan(tc, id)?;
        if letters > 0 {
            return Err(ServiceError::Conflict {
                code: "plan_has_letters",
                detail: format!(
                    "Over dit plan zijn {letters} veiligheidsbrief-versie(s) samengesteld; die blijven bewaard, dus het plan ook"
                ),
            });
        }
        plans::delete(tc, id)?;
        Ok(())
    })
}
