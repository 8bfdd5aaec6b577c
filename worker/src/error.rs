//! What goes wrong in the worker, in its own terms: not an HTTP status, but whether a job can be
//! tried again (a database away, a mail server busy) or cannot be run at all (a job it cannot
//! read). Its `Debug` prints the whole cause chain for the log.

use api::db::DbError;
use api::domain::job::UnreadableJob;
use api::domain::tenant_names::InvalidDbName;
use api::error_chain::fmt_error_chain;
use api::services::ServiceError;

#[derive(thiserror::Error)]
pub enum WorkerError {
    /// A use case of the platform the worker calls failed (its database, or the data it found).
    /// Its own text and causes are what the job's `last_error` keeps.
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("database error")]
    Db(#[from] DbError),
    /// A stored job of an unknown kind or with a payload that does not fit it.
    #[error(transparent)]
    Unreadable(#[from] UnreadableJob),
    /// A tenant whose stored schema or role name is not a valid name.
    #[error("internal error: {0}")]
    TenantDb(#[from] InvalidDbName),
    /// A job that names no tenant although its kind needs one.
    #[error("job '{0}' names no tenant")]
    NoTenant(&'static str),
    /// A job taken by a lane that does not run its kind.
    #[error("job '{0}' is not run by this lane")]
    WrongLane(&'static str),
    /// A delivery job whose email is gone.
    #[error("email {0} is not in the outbox")]
    NoEmail(i64),
}

impl std::fmt::Debug for WorkerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fmt_error_chain(self, f)
    }
}

impl From<diesel::result::Error> for WorkerError {
    fn from(e: diesel::result::Error) -> Self {
        WorkerError::Db(DbError::Query(e))
    }
}
