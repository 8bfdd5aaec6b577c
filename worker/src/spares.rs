//! Spare schemas: cooperations' schemas made ahead of time, so that provisioning a cooperation
//! hands one out instead of creating its tables, indexes and triggers while the admin waits.

use diesel::{Connection, PgConnection};

use api::repo::spare_schemas;
use api::services::provisioning::prepare_spare_schema;

use crate::error::WorkerError;

/// Makes spares until `wanted` are ready; how many it made. Each spare is its own transaction,
/// counted again under a lock, so one that fails leaves the ones before it ready and two workers
/// never make more than `wanted` together.
#[tracing::instrument(skip(conn))]
pub fn keep_ready(conn: &mut PgConnection, wanted: u32) -> Result<u32, WorkerError> {
    for id in spare_schemas::forget_unusable(conn)? {
        tracing::warn!(spare = %id, "spare schema cannot be handed out (its schema or role is gone); forgotten");
    }
    let mut made = 0;
    loop {
        let id = conn.transaction(|conn| {
            spare_schemas::lock_keeping(conn)?;
            if spare_schemas::count_usable(conn)? >= i64::from(wanted) {
                return Ok::<_, WorkerError>(None);
            }
            Ok(Some(prepare_spare_schema(conn)?))
        })?;
        let Some(id) = id else {
            return Ok(made);
        };
        made += 1;
        tracing::info!(spare = %id, "spare schema ready");
    }
}
