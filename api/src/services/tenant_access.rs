//! Which tenant a request is about, checked against the caller's memberships before any query.

use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::principal::Principal;
use crate::authz::{Grant, TenantAction, tenant_allows};
use crate::db::TenantDb;
use crate::repo::tenants::{self, TenantRow};

/// A tenant the caller is a member of, with their grants there.
#[derive(Debug, Clone)]
pub struct TenantContext {
    pub tenant: TenantRow,
    pub db: TenantDb,
    pub grants: Vec<Grant>,
    pub user_id: Uuid,
}

impl TenantContext {
    pub fn allows(&self, action: TenantAction) -> bool {
        tenant_allows(&self.grants, action)
    }

    pub fn require(&self, action: TenantAction) -> Result<(), ServiceError> {
        if self.allows(action) {
            Ok(())
        } else {
            Err(ServiceError::forbidden())
        }
    }
}

/// Resolves the tenant with `slug` for `principal`. A tenant the caller is not a member of answers
/// exactly like one that does not exist; a suspended one refuses its members.
#[tracing::instrument(skip(conn, principal), fields(user = %principal.user.id))]
pub fn resolve(
    conn: &mut PgConnection,
    principal: &Principal,
    slug: &str,
) -> Result<TenantContext, ServiceError> {
    let grants = principal.grants_in(slug);
    if grants.is_empty() {
        return Err(ServiceError::not_found("samenwerkingsverband"));
    }
    let tenant = tenants::find_by_slug(conn, slug)?
        .ok_or(ServiceError::not_found("samenwerkingsverband"))?;
    if !tenant.is_active() {
        return Err(ServiceError::TenantSuspended);
    }
    let db = tenant
        .db()
        .map_err(|e| ServiceError::Internal(e.to_string()))?
        .acting_as(principal.user.id);
    Ok(TenantContext {
        tenant,
        db,
        grants,
        user_id: principal.user.id,
    })
}
