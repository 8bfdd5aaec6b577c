//! The emails the worker stored for a tenant, for its admins to see what went out and what failed.

use diesel::PgConnection;

use super::ServiceError;
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::domain::page::{Page, PageRequest};
use crate::repo::outbox::{self, OutboxRow};

/// The tenant's emails, newest first, for its admins.
#[tracing::instrument(skip(conn, ctx))]
pub fn list_sent(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    status: Option<&str>,
    page: PageRequest,
) -> Result<Page<OutboxRow>, ServiceError> {
    ctx.require(TenantAction::ReadNotifications)?;
    Ok(outbox::list_for_tenant(conn, ctx.tenant.id, status, page)?)
}
