//! The signed-in user with their memberships, loaded fresh for every request.

use diesel::PgConnection;
use uuid::Uuid;

use crate::db::DbError;
use crate::repo::memberships::{self, MembershipWithTenant};
use crate::repo::users::UserRow;

#[derive(Debug, Clone)]
pub struct Principal {
    pub user: UserRow,
    pub memberships: Vec<MembershipWithTenant>,
}

/// The signed-in user as they see themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeView {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub is_platform_admin: bool,
    pub memberships: Vec<MembershipView>,
}

/// A membership of a cooperation: its names and status, the role, the municipality if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipView {
    pub tenant_slug: String,
    pub tenant_name: String,
    pub tenant_status: String,
    pub role: String,
    pub municipality_id: Option<Uuid>,
}

impl Principal {
    /// Who the user is and where they are a member, as they see it.
    pub fn me(&self) -> MeView {
        MeView {
            id: self.user.id,
            email: self.user.email.clone(),
            display_name: self.user.display_name.clone(),
            is_platform_admin: self.user.is_platform_admin,
            memberships: self
                .memberships
                .iter()
                .map(|m| MembershipView {
                    tenant_slug: m.tenant_slug.clone(),
                    tenant_name: m.tenant_name.clone(),
                    tenant_status: m.tenant_status.clone(),
                    role: m.membership.role.clone(),
                    municipality_id: m.membership.municipality_id,
                })
                .collect(),
        }
    }

    /// `slug:role` pairs, as put in access tokens.
    pub fn membership_claims(&self) -> Vec<String> {
        self.memberships
            .iter()
            .map(|m| format!("{}:{}", m.tenant_slug, m.membership.role))
            .collect()
    }
}

/// The active user with this id and their memberships; `None` for an unknown or deactivated user.
#[tracing::instrument(skip(conn))]
pub fn load(conn: &mut PgConnection, user_id: Uuid) -> Result<Option<Principal>, DbError> {
    let Some((user, memberships)) = memberships::user_with_memberships(conn, user_id)? else {
        return Ok(None);
    };
    if !user.is_active {
        return Ok(None);
    }
    Ok(Some(Principal { user, memberships }))
}
