//! A tenant's users and their memberships, managed by its tenant admins.

use std::collections::BTreeMap;

use chrono::Utc;
use diesel::{Connection, PgConnection};
use uuid::Uuid;

use super::ServiceError;
use super::provisioning::find_or_create_user;
use super::tenant_access::TenantContext;
use crate::authz::{Grant, TenantAction};
use crate::db::{TenantDb, run_in_tenant};
use crate::domain::InvalidField;
use crate::domain::email::EmailAddress;
use crate::domain::page::{Page, PageRequest};
use crate::domain::password::NewPassword;
use crate::domain::role::Role;
use crate::repo::audit::{self, ExternalChange};
use crate::repo::memberships::{self, MembershipRow};
use crate::repo::municipalities;
use crate::repo::users::{self, UserRow};

/// A user as seen from one tenant: their account and their roles there.
#[derive(Debug, Clone)]
pub struct TenantUser {
    pub user: UserRow,
    pub grants: Vec<Grant>,
}

/// Validated input for adding a user to a tenant.
#[derive(Debug, Clone)]
pub struct NewTenantUser {
    pub email: EmailAddress,
    pub display_name: String,
    pub password: Option<NewPassword>,
    pub grants: Vec<Grant>,
}

/// Checks a set of roles: at least one, no duplicates, tenant admins never scoped.
pub fn validate_grants(grants: &[Grant]) -> Result<(), InvalidField> {
    if grants.is_empty() {
        return Err(InvalidField::new("roles", "kies minstens één rol"));
    }
    for (i, g) in grants.iter().enumerate() {
        if grants[..i].contains(g) {
            return Err(InvalidField::in_context(
                "roles",
                format!("rol '{}' staat er dubbel in", g.role.as_str()),
            ));
        }
        if g.role == Role::TenantAdmin && g.municipality_id.is_some() {
            return Err(InvalidField::in_context(
                "roles",
                "een tenant_admin geldt voor het hele samenwerkingsverband en heeft geen gemeente",
            ));
        }
    }
    Ok(())
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    page: PageRequest,
) -> Result<Page<TenantUser>, ServiceError> {
    ctx.require(TenantAction::ManageUsers)?;
    let rows = memberships::for_tenant(conn, ctx.tenant.id)?;
    let mut by_user: BTreeMap<Uuid, Vec<Grant>> = BTreeMap::new();
    for m in &rows {
        by_user.entry(m.user_id).or_default().extend(grant_of(m));
    }
    let ids: Vec<Uuid> = by_user.keys().copied().collect();
    let all: Vec<TenantUser> = users::find_many(conn, &ids)?
        .into_iter()
        .map(|user| TenantUser {
            grants: by_user.remove(&user.id).unwrap_or_default(),
            user,
        })
        .collect();
    let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
    let items = all
        .into_iter()
        .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
        .take(usize::try_from(page.page_size).unwrap_or(0))
        .collect();
    Ok(Page::new(items, total, page))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    user_id: Uuid,
) -> Result<TenantUser, ServiceError> {
    ctx.require(TenantAction::ManageUsers)?;
    load_member(conn, ctx, user_id)
}

/// Adds a user with a new account to the tenant.
#[tracing::instrument(skip(conn, ctx, new), fields(email = %new.email.as_str()))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    new: &NewTenantUser,
) -> Result<TenantUser, ServiceError> {
    ctx.require(TenantAction::ManageUsers)?;
    validate_grants(&new.grants)?;
    check_municipalities_exist(conn, ctx, &new.grants)?;
    let user_id = conn.transaction(|conn| {
        let (user, created) =
            find_or_create_user(conn, &new.email, &new.display_name, new.password.as_ref())?;
        if !created {
            // An existing account may belong to people of other cooperations, and whoever made it
            // may know its first password: a tenant admin never links it. Platform admins do.
            let here = !memberships::for_user_in_tenant(conn, ctx.tenant.id, user.id)?.is_empty();
            return Err(ServiceError::Conflict {
                code: "user_exists",
                detail: if here {
                    "Deze gebruiker hoort al bij dit samenwerkingsverband; pas zijn rollen aan".to_owned()
                } else {
                    "Er bestaat al een account met dit e-mailadres; een platformbeheerder kan het aan dit samenwerkingsverband koppelen".to_owned()
                },
            });
        }
        memberships::insert_many(conn, &membership_rows(ctx.tenant.id, user.id, &new.grants))?;
        record_member_change(
            conn,
            &ctx.db,
            user.id,
            None,
            Some(member_snapshot(&user, &new.grants)),
        )?;
        Ok::<_, ServiceError>(user.id)
    })?;
    load_member(conn, ctx, user_id)
}

/// Replaces the user's display name and roles in this tenant.
#[tracing::instrument(skip(conn, ctx, grants))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    user_id: Uuid,
    display_name: &str,
    grants: &[Grant],
) -> Result<TenantUser, ServiceError> {
    ctx.require(TenantAction::ManageUsers)?;
    validate_grants(grants)?;
    check_municipalities_exist(conn, ctx, grants)?;
    conn.transaction(|conn| {
        let current = load_member(conn, ctx, user_id)?;
        let stays_admin = grants.iter().any(|g| g.role == Role::TenantAdmin);
        ensure_other_admin_remains(conn, ctx, user_id, stays_admin)?;
        memberships::delete_for_user_in_tenant(conn, ctx.tenant.id, user_id)?;
        memberships::insert_many(conn, &membership_rows(ctx.tenant.id, user_id, grants))?;
        users::update_profile(conn, user_id, display_name, current.user.is_active)?;
        let after = UserRow {
            display_name: display_name.to_owned(),
            ..current.user.clone()
        };
        record_member_change(
            conn,
            &ctx.db,
            user_id,
            Some(member_snapshot(&current.user, &current.grants)),
            Some(member_snapshot(&after, grants)),
        )?;
        Ok::<_, ServiceError>(())
    })?;
    load_member(conn, ctx, user_id)
}

/// Removes the user from this tenant (their account and other tenants stay).
#[tracing::instrument(skip(conn, ctx))]
pub fn remove(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    user_id: Uuid,
) -> Result<(), ServiceError> {
    ctx.require(TenantAction::ManageUsers)?;
    conn.transaction(|conn| {
        let current = load_member(conn, ctx, user_id)?;
        ensure_other_admin_remains(conn, ctx, user_id, false)?;
        memberships::delete_for_user_in_tenant(conn, ctx.tenant.id, user_id)?;
        record_member_change(
            conn,
            &ctx.db,
            user_id,
            Some(member_snapshot(&current.user, &current.grants)),
            None,
        )?;
        Ok(())
    })
}

/// `user` (when given) must be a member of this cooperation; `field` names it in the error.
pub fn ensure_member(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    user: Option<Uuid>,
    field: &str,
) -> Result<(), ServiceError> {
    if let Some(user) = user
        && memberships::for_user_in_tenant(conn, ctx.tenant.id, user)?.is_empty()
    {
        return Err(InvalidField::in_context(
            field,
            "is geen gebruiker van dit samenwerkingsverband",
        )
        .into());
    }
    Ok(())
}

fn load_member(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    user_id: Uuid,
) -> Result<TenantUser, ServiceError> {
    let rows = memberships::for_user_in_tenant(conn, ctx.tenant.id, user_id)?;
    if rows.is_empty() {
        return Err(ServiceError::not_found("gebruiker"));
    }
    let user = users::find_by_id(conn, user_id)?.ok_or(ServiceError::not_found("gebruiker"))?;
    Ok(TenantUser {
        user,
        grants: rows.iter().filter_map(grant_of).collect(),
    })
}

/// A tenant never loses its last tenant admin.
fn ensure_other_admin_remains(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    user_id: Uuid,
    user_stays_admin: bool,
) -> Result<(), ServiceError> {
    if user_stays_admin {
        return Ok(());
    }
    let admins = memberships::lock_admin_user_ids(conn, ctx.tenant.id)?;
    if admins.contains(&user_id) && admins.iter().all(|a| *a == user_id) {
        return Err(ServiceError::Conflict {
            code: "last_tenant_admin",
            detail: "Dit is de laatste beheerder van het samenwerkingsverband; wijs eerst een andere beheerder aan".to_owned(),
        });
    }
    Ok(())
}

/// Every municipality a role is scoped to must exist in this tenant.
fn check_municipalities_exist(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    grants: &[Grant],
) -> Result<(), ServiceError> {
    let ids: Vec<Uuid> = grants.iter().filter_map(|g| g.municipality_id).collect();
    if ids.is_empty() {
        return Ok(());
    }
    run_in_tenant(conn, &ctx.db, |tc| {
        for id in &ids {
            if municipalities::find(tc, *id)?.is_none() {
                return Err(ServiceError::Invalid(InvalidField::in_context(
                    "roles",
                    format!("gemeente {id} bestaat niet in dit samenwerkingsverband"),
                )));
            }
        }
        Ok(())
    })
}

/// Members live in the platform schema, so no trigger sees them: their changes go into the
/// tenant's audit trail here, in the transaction that makes them.
pub fn record_member_change(
    conn: &mut PgConnection,
    db: &TenantDb,
    user_id: Uuid,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), ServiceError> {
    run_in_tenant(conn, db, |tc| {
        audit::record(
            tc,
            &ExternalChange {
                entity_type: "member",
                entity_id: user_id,
                before,
                after,
            },
        )
    })?;
    Ok(())
}

/// A member as the audit trail shows them; roles in a fixed order, so that the same roles given
/// in another order are no change.
pub fn member_snapshot(user: &UserRow, grants: &[Grant]) -> serde_json::Value {
    let mut roles: Vec<(&str, Option<Uuid>)> = grants
        .iter()
        .map(|g| (g.role.as_str(), g.municipality_id))
        .collect();
    roles.sort();
    serde_json::json!({
        "email": user.email,
        "display_name": user.display_name,
        "roles": roles
            .iter()
            .map(|(role, m)| serde_json::json!({ "role": role, "municipality_id": m }))
            .collect::<Vec<_>>(),
    })
}

fn grant_of(m: &MembershipRow) -> Option<Grant> {
    Role::parse(&m.role).ok().map(|role| Grant {
        role,
        municipality_id: m.municipality_id,
    })
}

fn membership_rows(tenant_id: Uuid, user_id: Uuid, grants: &[Grant]) -> Vec<MembershipRow> {
    let now = Utc::now();
    grants
        .iter()
        .map(|g| MembershipRow {
            id: Uuid::new_v4(),
            user_id,
            tenant_id,
            role: g.role.as_str().to_owned(),
            municipality_id: g.municipality_id,
            created_at: now,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_rules() {
        let m = Some(Uuid::new_v4());
        let g = |role, municipality_id| Grant {
            role,
            municipality_id,
        };
        assert!(validate_grants(&[]).is_err());
        assert!(validate_grants(&[g(Role::TenantAdmin, m)]).is_err());
        assert!(validate_grants(&[g(Role::Viewer, None), g(Role::Viewer, None)]).is_err());
        assert!(validate_grants(&[g(Role::Coordinator, m), g(Role::Viewer, None)]).is_ok());
    }
}
