//! `platform.users`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::users;

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub is_platform_admin: bool,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl std::fmt::Debug for UserRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRow")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("is_platform_admin", &self.is_platform_admin)
            .field("is_active", &self.is_active)
            .finish_non_exhaustive()
    }
}

#[tracing::instrument(skip(conn))]
pub fn find_by_email(conn: &mut PgConnection, email: &str) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn find_by_id(conn: &mut PgConnection, id: Uuid) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn find_many(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<UserRow>, DbError> {
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select(UserRow::as_select())
        .order(users::display_name.asc())
        .load(conn)?)
}

#[tracing::instrument(skip(conn, row), fields(id = %row.id))]
pub fn insert(conn: &mut PgConnection, row: &UserRow) -> Result<(), DbError> {
    diesel::insert_into(users::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn update_profile(
    conn: &mut PgConnection,
    id: Uuid,
    display_name: &str,
    is_active: bool,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((
            users::display_name.eq(display_name),
            users::is_active.eq(is_active),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn set_platform_admin(
    conn: &mut PgConnection,
    id: Uuid,
    is_admin: bool,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set(users::is_platform_admin.eq(is_admin))
        .execute(conn)?;
    Ok(())
}
