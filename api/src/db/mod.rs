//! The database layer: connection pool, migrations, the tenancy entry point and table definitions.
//! SQL lives here and in `repo`; nothing above this layer builds queries.

pub mod migrations;
pub mod pool;
pub mod schema;
pub mod tenancy;

pub use pool::{DbPool, PooledConn};
pub use tenancy::{TenantConn, TenantDb, run_in_tenant, run_in_tenant_one_snapshot};

use crate::error_chain::fmt_error_chain;

/// What can go wrong talking to PostgreSQL.
#[derive(thiserror::Error)]
pub enum DbError {
    #[error("could not get a database connection from the pool")]
    Pool(#[from] diesel::r2d2::PoolError),
    /// Every connection stayed in use by other requests for as long as a request may wait.
    #[error("every database connection stayed in use")]
    Busy,
    #[error("database query failed")]
    Query(#[from] diesel::result::Error),
    #[error("database migration failed: {0}")]
    Migration(String),
}

impl std::fmt::Debug for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fmt_error_chain(self, f)
    }
}

impl DbError {
    /// The name of the violated unique constraint, when this is a unique violation.
    pub fn unique_violation(&self) -> Option<&str> {
        match self {
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                info,
            )) => Some(info.constraint_name().unwrap_or("")),
            _ => None,
        }
    }
}
