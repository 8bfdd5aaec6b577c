//! `platform.spare_schemas`: cooperations' schemas made ahead of time, waiting to be handed out.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::spare_schemas;

/// Whether a spare can be handed out: its schema and role exist, the login role may act as that
/// role, and no cooperation has its id (a restore, say). A spare that fails this is skipped, so
/// one broken spare cannot block every provisioning after it.
const USABLE: &str = "EXISTS (SELECT 1 FROM pg_namespace n \
       JOIN pg_roles r ON r.oid = n.nspowner \
       WHERE n.nspname = 'tn_' || replace(spare_schemas.id::text, '-', '') \
         AND r.rolname = n.nspname \
         AND pg_has_role(current_user, r.oid, 'MEMBER')) \
     AND NOT EXISTS (SELECT 1 FROM platform.tenants t WHERE t.id = spare_schemas.id)";

/// Takes the oldest usable spare for the caller's transaction: its row is gone when the
/// transaction commits and back when it rolls back. Spares another transaction is taking are
/// skipped, so two provisionings at once never get the same one. `None` when none is ready.
#[tracing::instrument(skip(conn))]
pub fn take(conn: &mut PgConnection) -> Result<Option<Uuid>, DbError> {
    let oldest: Option<Uuid> = spare_schemas::table
        .select(spare_schemas::id)
        .filter(sql::<Bool>(USABLE))
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

/// The usable spares.
#[tracing::instrument(skip(conn))]
pub fn count_usable(conn: &mut PgConnection) -> Result<i64, DbError> {
    Ok(spare_schemas::table
        .filter(sql::<Bool>(USABLE))
        .count()
        .get_result(conn)?)
}

/// Forgets the spares that cannot be handed out; their ids. What is left of their schema or role
/// stays for an operator to look at (the log names them).
#[tracing::instrument(skip(conn))]
pub fn forget_unusable(conn: &mut PgConnection) -> Result<Vec<Uuid>, DbError> {
    Ok(
        diesel::delete(spare_schemas::table.filter(sql::<Bool>(&format!("NOT ({USABLE})"))))
            .returning(spare_schemas::id)
            .get_results(conn)?,
    )
}

/// Serialises the keeping of spares for the rest of the transaction: two workers counting at
/// once would both make the missing ones.
#[tracing::instrument(skip(conn))]
pub fn lock_keeping(conn: &mut PgConnection) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('platform.spare_schemas'))")
        .execute(conn)?;
    Ok(())
}
