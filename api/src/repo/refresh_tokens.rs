//! `platform.refresh_tokens`: hashed opaque tokens in rotation families.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::refresh_tokens;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    pub id: Uuid,
    pub family_id: Uuid,
    pub user_id: Uuid,
    pub token_hash: Vec<u8>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[tracing::instrument(skip_all)]
pub fn insert(conn: &mut PgConnection, row: &RefreshTokenRow) -> Result<(), DbError> {
    diesel::insert_into(refresh_tokens::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The token with this hash, locked so that two refreshes with one token cannot both succeed.
#[tracing::instrument(skip_all)]
pub fn find_for_update(
    conn: &mut PgConnection,
    token_hash: &[u8],
) -> Result<Option<RefreshTokenRow>, DbError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshTokenRow::as_select())
        .for_update()
        .first(conn)
        .optional()?)
}

/// The family of the token with this hash, without locking anything.
#[tracing::instrument(skip_all)]
pub fn family_of(conn: &mut PgConnection, token_hash: &[u8]) -> Result<Option<Uuid>, DbError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(refresh_tokens::family_id)
        .first(conn)
        .optional()?)
}

/// Serialises decisions about one token family until the transaction ends.
#[tracing::instrument(skip(conn))]
pub fn lock_family(conn: &mut PgConnection, family_id: Uuid) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1::text))")
        .bind::<diesel::sql_types::Uuid, _>(family_id)
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn mark_used(conn: &mut PgConnection, id: Uuid, at: DateTime<Utc>) -> Result<(), DbError> {
    diesel::update(refresh_tokens::table.find(id))
        .set(refresh_tokens::used_at.eq(at))
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn revoke_family(
    conn: &mut PgConnection,
    family_id: Uuid,
    at: DateTime<Utc>,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(at))
    .execute(conn)?)
}
