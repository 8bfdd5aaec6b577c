//! The audit trail: read by tenant admins and coordinators, written only by the database triggers
//! and by services that change tenant data kept in the platform schema.

use diesel::PgConnection;

use super::ServiceError;
use super::tenant_access::TenantContext;
use super::user_names::{UserNames, names_of};
use crate::authz::TenantAction;
use crate::db::run_in_tenant;
use crate::domain::page::{Page, PageRequest};
use crate::repo::audit::{self, AuditEventRow, AuditFilter};

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &AuditFilter,
    page: PageRequest,
) -> Result<(Page<AuditEventRow>, UserNames), ServiceError> {
    ctx.require(TenantAction::ReadAudit)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        Ok::<_, ServiceError>(audit::list(tc, filter, page)?)
    })?;
    let names = names_of(conn, page.items.iter().filter_map(|e| e.actor_id));
    Ok((page, names))
}
