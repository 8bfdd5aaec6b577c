//! `platform.memberships`: which user holds which role in which tenant.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::{memberships, tenants, users};
use crate::repo::tenants::TenantRow;
use crate::repo::users::UserRow;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = memberships)]
pub struct MembershipRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub role: String,
    pub municipality_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// A membership with the slug and name of its tenant, for `GET /me` and authorisation.
#[derive(Debug, Clone, Queryable)]
pub struct MembershipWithTenant {
    pub membership: MembershipRow,
    pub tenant_slug: String,
    pub tenant_name: String,
    pub tenant_status: String,
}

/// The user with this id and their memberships with their tenants, in one statement; `None` for
/// an unknown user.
#[tracing::instrument(skip(conn))]
pub fn user_with_memberships(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> Result<Option<(UserRow, Vec<MembershipWithTenant>)>, DbError> {
    let rows: Vec<(UserRow, Option<MembershipWithTenant>)> = users::table
        .left_join(memberships::table.inner_join(tenants::table))
        .filter(users::id.eq(user_id))
        .select((
            UserRow::as_select(),
            (
                Option::<MembershipRow>::as_select(),
                tenants::slug.nullable(),
                tenants::name.nullable(),
                tenants::status.nullable(),
            ),
        ))
        .order((tenants::slug.asc(), memberships::role.asc()))
        .load::<(
            UserRow,
            (
                Option<MembershipRow>,
                Option<String>,
                Option<String>,
                Option<String>,
            ),
        )>(conn)?
        .into_iter()
        .map(|(user, (membership, slug, name, status))| {
            let with_tenant = match (membership, slug, name, status) {
                (Some(membership), Some(tenant_slug), Some(tenant_name), Some(tenant_status)) => {
                    Some(MembershipWithTenant {
                        membership,
                        tenant_slug,
                        tenant_name,
                        tenant_status,
                    })
                }
                _ => None,
            };
            (user, with_tenant)
        })
        .collect();
    let mut rows = rows.into_iter();
    let Some((user, first)) = rows.next() else {
        return Ok(None);
    };
    let memberships = first.into_iter().chain(rows.filter_map(|r| r.1)).collect();
    Ok(Some((user, memberships)))
}

/// The tenant of a request's path with the caller's memberships of it and whether their account
/// is active.
#[derive(Debug, Clone)]
pub struct CallerInTenant {
    pub tenant: TenantRow,
    pub memberships: Vec<MembershipRow>,
    /// `None` for an unknown user.
    pub user_active: Option<bool>,
}

/// The tenant `slug` with the memberships of `user_id` in it, in one statement; `None` when no
/// tenant has that slug.
#[tracing::instrument(skip(conn))]
pub fn caller_in_tenant(
    conn: &mut PgConnection,
    user_id: Uuid,
    slug: &str,
) -> Result<Option<CallerInTenant>, DbError> {
    let rows: Vec<(TenantRow, Option<MembershipRow>, Option<bool>)> = tenants::table
        .left_join(
            memberships::table.on(memberships::tenant_id
                .eq(tenants::id)
                .and(memberships::user_id.eq(user_id))),
        )
        .filter(tenants::slug.eq(slug))
        .select((
            TenantRow::as_select(),
            Option::<MembershipRow>::as_select(),
            users::table
                .filter(users::id.eq(user_id))
                .select(users::is_active)
                .single_value(),
        ))
        .load(conn)?;
    let mut rows = rows.into_iter();
    let Some((tenant, first, user_active)) = rows.next() else {
        return Ok(None);
    };
    let mut memberships: Vec<MembershipRow> =
        first.into_iter().chain(rows.filter_map(|r| r.1)).collect();
    memberships.sort_by(|a, b| a.role.cmp(&b.role));
    Ok(Some(CallerInTenant {
        tenant,
        memberships,
        user_active,
    }))
}

#[tracing::instrument(skip(conn))]
pub fn for_tenant(conn: &mut PgConnection, tenant_id: Uuid) -> Result<Vec<MembershipRow>, DbError> {
    Ok(memberships::table
        .filter(memberships::tenant_id.eq(tenant_id))
        .select(MembershipRow::as_select())
        .order(memberships::created_at.asc())
        .load(conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn for_user_in_tenant(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    user_id: Uuid,
) -> Result<Vec<MembershipRow>, DbError> {
    Ok(memberships::table
        .filter(memberships::tenant_id.eq(tenant_id))
        .filter(memberships::user_id.eq(user_id))
        .select(MembershipRow::as_select())
        .order(memberships::role.asc())
        .load(conn)?)
}

#[tracing::instrument(skip(conn, rows))]
pub fn insert_many(conn: &mut PgConnection, rows: &[MembershipRow]) -> Result<(), DbError> {
    diesel::insert_into(memberships::table)
        .values(rows)
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn delete_for_user_in_tenant(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    user_id: Uuid,
) -> Result<usize, DbError> {
    Ok(diesel::delete(
        memberships::table
            .filter(memberships::tenant_id.eq(tenant_id))
            .filter(memberships::user_id.eq(user_id)),
    )
    .execute(conn)?)
}

/// Tenant admins of a tenant, locked for the rest of the transaction so that two concurrent
/// changes cannot both remove "the other" last admin.
#[tracing::instrument(skip(conn))]
pub fn lock_admin_user_ids(conn: &mut PgConnection, tenant_id: Uuid) -> Result<Vec<Uuid>, DbError> {
    Ok(memberships::table
        .filter(memberships::tenant_id.eq(tenant_id))
        .filter(memberships::role.eq("tenant_admin"))
        .select(memberships::user_id)
        .for_update()
        .load(conn)?)
}
