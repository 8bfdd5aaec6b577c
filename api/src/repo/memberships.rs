//! `platform.memberships`: which user holds which role in which tenant.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::{memberships, tenants};

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

#[tracing::instrument(skip(conn))]
pub fn for_user(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> Result<Vec<MembershipWithTenant>, DbError> {
    Ok(memberships::table
        .inner_join(tenants::table)
        .filter(memberships::user_id.eq(user_id))
        .select((
            MembershipRow::as_select(),
            tenants::slug,
            tenants::name,
            tenants::status,
        ))
        .order((tenants::slug.asc(), memberships::role.asc()))
        .load(conn)?)
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
