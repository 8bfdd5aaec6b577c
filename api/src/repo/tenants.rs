//! `platform.tenants`.

use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::platform::tenants;
use crate::db::{DbError, TenantDb};
use crate::domain::tenant_names::{DbName, InvalidDbName};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tenants)]
pub struct TenantRow {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub schema_name: String,
    pub role_name: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub const ACTIVE: &str = "active";
pub const SUSPENDED: &str = "suspended";

impl TenantRow {
    /// The tenant's validated PostgreSQL names; a row that fails validation is never used.
    pub fn db(&self) -> Result<TenantDb, InvalidDbName> {
        Ok(TenantDb {
            schema: DbName::parse(&self.schema_name)?,
            role: DbName::parse(&self.role_name)?,
            actor: None,
        })
    }

    pub fn is_active(&self) -> bool {
        self.status == ACTIVE
    }
}

/// Creates the tenant's role and schema (owned by the role), and lets the platform's login role
/// act as it. `name` is a generated, validated `DbName`: safe to put into DDL.
pub fn create_role_and_schema(conn: &mut PgConnection, name: &DbName) -> Result<(), DbError> {
    conn.batch_execute(&format!(
        "CREATE ROLE \"{name}\" NOLOGIN;
         GRANT \"{name}\" TO CURRENT_USER;
         CREATE SCHEMA \"{name}\" AUTHORIZATION \"{name}\";"
    ))?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn list_all(conn: &mut PgConnection) -> Result<Vec<TenantRow>, DbError> {
    Ok(tenants::table
        .select(TenantRow::as_select())
        .order(tenants::slug.asc())
        .load(conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn find_by_id(conn: &mut PgConnection, id: Uuid) -> Result<Option<TenantRow>, DbError> {
    Ok(tenants::table
        .find(id)
        .select(TenantRow::as_select())
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn find_by_slug(conn: &mut PgConnection, slug: &str) -> Result<Option<TenantRow>, DbError> {
    Ok(tenants::table
        .filter(tenants::slug.eq(slug))
        .select(TenantRow::as_select())
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn, row), fields(slug = %row.slug))]
pub fn insert(conn: &mut PgConnection, row: &TenantRow) -> Result<(), DbError> {
    diesel::insert_into(tenants::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn set_status(
    conn: &mut PgConnection,
    slug: &str,
    status: &str,
) -> Result<Option<TenantRow>, DbError> {
    Ok(
        diesel::update(tenants::table.filter(tenants::slug.eq(slug)))
            .set((
                tenants::status.eq(status),
                tenants::updated_at.eq(diesel::dsl::now),
            ))
            .returning(TenantRow::as_returning())
            .get_result(conn)
            .optional()?,
    )
}
