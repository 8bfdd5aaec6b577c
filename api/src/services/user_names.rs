//! Display names of users, for answers that name who did something.

use std::collections::HashMap;

use diesel::PgConnection;
use uuid::Uuid;

use crate::repo::users;

/// Display names of users, by id.
pub type UserNames = HashMap<Uuid, String>;

/// Looked up outside the tenant's transaction: users live in the platform schema. The names are
/// a courtesy: when the lookup fails (after a write has committed), the answer goes without them.
pub fn names_of(conn: &mut PgConnection, ids: impl Iterator<Item = Uuid>) -> UserNames {
    let mut ids: Vec<Uuid> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    // Nobody to name (a list whose items have no owner): no round trip.
    if ids.is_empty() {
        return UserNames::new();
    }
    match users::find_many(conn, &ids) {
        Ok(found) => found.into_iter().map(|u| (u.id, u.display_name)).collect(),
        Err(e) => {
            tracing::warn!(error = ?e, "names of users not found; answering without them");
            UserNames::new()
        }
    }
}
