//! `platform.spare_schemas`: cooperations' schemas made ahead of time, waiting to be handed out.

use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::spare_schemas;

/// Takes the oldest spare for the caller's transaction: its row is gone when the transaction
/// commits and back when it rolls back. Spares another transaction is taking are skipped, so two
/// provisionings at once never get the same one. `None` when none is ready.
#[tracing::instrument(skip(conn))]
pub fn take(conn: &mut PgConnection) -> Result<Option<Uuid>, DbError> {
    let oldest: Option<Uuid> = spare_schemas::table
        .select(spare_schemas::id)
        .order(spare_schemas::created_at.asc())
        .for_update()
        .skip_locked()
        .first(conn)
        .optional()?;
    if let Some(id) = oldest {
        diesel::delete(spare_schemas::table.find(id)).execute(conn)?;
    }
    Ok(oldest)
}

#[tracing::instrument(skip(conn))]
pub fn insert(conn: &mut PgConnection, id: Uuid) -> Result<(), DbError> {
    diesel::insert_into(spare_schemas::table)
        .values(spare_schemas::id.eq(id))
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn count(conn: &mut PgConnection) -> Result<i64, DbError> {
    Ok(spare_schemas::table.count().get_result(conn)?)
}
