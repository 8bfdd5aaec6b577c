//! Which tenant a request is about, checked against the caller's memberships before any query.

use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use crate::authz::{Grant, TenantAction, tenant_allows};
use crate::db::TenantDb;
use crate::domain::role::Role;
use crate::domain::slug::TenantSlug;
use crate::repo::memberships::{self, MembershipRow};
use crate::repo::tenants::TenantRow;
use crate::repo::users;

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

/// Resolves the tenant with `slug` for the caller `user_id`, as a request about that tenant
/// needs it: the caller's account, their memberships of it and the tenant in one statement. A
/// tenant the caller is not a member of answers exactly like one that does not exist; a
/// suspended one refuses its members; a deactivated account is refused.
#[tracing::instrument(skip(conn))]
pub fn resolve_caller(
    conn: &mut PgConnection,
    user_id: Uuid,
    slug: &str,
) -> Result<TenantContext, ServiceError> {
    let gone =
        || ServiceError::unauthenticated("Dit account bestaat niet meer of is gedeactiveerd");
    // A path that cannot name a tenant is not looked up (a NUL byte would not even reach it).
    if TenantSlug::parse(slug).is_err() {
        return Err(ServiceError::not_found("samenwerkingsverband"));
    }
    let Some(found) = memberships::caller_in_tenant(conn, user_id, slug)? else {
        // No such tenant: only the rare bad slug costs a second look, at the account.
        return match users::find_by_id(conn, user_id)? {
            Some(user) if user.is_active => Err(ServiceError::not_found("samenwerkingsverband")),
            _ => Err(gone()),
        };
    };
    if found.user_active != Some(true) {
        return Err(gone());
    }
    let grants = grants_of(&found.memberships);
    if grants.is_empty() {
        return Err(ServiceError::not_found("samenwerkingsverband"));
    }
    if !found.tenant.is_active() {
        return Err(ServiceError::TenantSuspended);
    }
    let db = found
        .tenant
        .db()
        .map_err(|e| ServiceError::Internal(e.to_string()))?
        .acting_as(user_id);
    Ok(TenantContext {
        tenant: found.tenant,
        db,
        grants,
        user_id,
    })
}

/// The grants of memberships (those with a role the platform no longer knows give none).
fn grants_of(memberships: &[MembershipRow]) -> Vec<Grant> {
    memberships
        .iter()
        .filter_map(|m| {
            Role::parse(&m.role).ok().map(|role| Grant {
                role,
                municipality_id: m.municipality_id,
            })
        })
        .collect()
}
