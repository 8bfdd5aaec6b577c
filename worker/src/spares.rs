//! Spare schemas: cooperations' schemas made ahead of time, so that provisioning a cooperation
//! hands one out instead of creating its tables, indexes and triggers while the admin waits.

use diesel::PgConnection;

use api::repo::spare_schemas;
use api::services::provisioning::prepare_spare_schema;

use crate::error::WorkerError;

/// Makes spares until `wanted` are ready; how many it made. Each spare is its own transaction, so
/// one that fails leaves the ones before it ready.
#[tracing::instrument(skip(conn))]
pub fn keep_ready(conn: &mut PgConnection, wanted: u32) -> Result<u32, WorkerError> {
    let ready = spare_schemas::count(conn)?;
    let missing = u32::try_from(i64::from(wanted) - ready).unwrap_or(0);
    for _ in 0..missing {
        let id = prepare_spare_schema(conn)?;
        tracing::info!(spare = %id, "spare schema ready");
    }
    Ok(missing)
}
