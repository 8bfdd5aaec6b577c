//! Domain services: the rules of the platform, free of HTTP. Each takes a connection (or the
//! tenancy entry point) and validated input, and answers with rows or a [`ServiceError`].

pub mod actions;
pub mod audit;
pub mod commitment_csv;
pub mod commitments;
pub mod csv_import;
pub mod demo;
pub mod expert_groups;
pub mod indicators;
pub mod measurement_export;
pub mod measurement_import;
pub mod measurements;
pub mod municipalities;
pub mod notification_prefs;
pub mod plans;
pub mod principal;
pub mod priorities;
pub mod progress;
pub mod provisioning;
pub mod reviews;
pub mod safety_letters;
pub mod sent_emails;
pub mod sessions;
pub mod tenant_access;
pub mod user_names;
pub mod users;

use crate::db::DbError;
use crate::domain::InvalidField;
use crate::error_chain::fmt_error_chain;

#[derive(thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Invalid(#[from] InvalidField),
    /// `what` is the Dutch name of the missing thing, e.g. "gemeente".
    #[error("{what} niet gevonden")]
    NotFound { what: &'static str },
    /// Input with many parts (a CSV file) of which these were refused; nothing was written.
    #[error("{detail}")]
    Rejected {
        detail: String,
        rows: Vec<crate::domain::csv_table::RowError>,
    },
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    /// The resource changed after the writer read it (`If-Match`).
    #[error("{0}")]
    Stale(#[from] crate::domain::version::StaleVersion),
    #[error("{0}")]
    Forbidden(String),
    #[error("dit samenwerkingsverband is opgeschort")]
    TenantSuspended,
    #[error("{detail}")]
    Unauthenticated { code: &'static str, detail: String },
    #[error("te veel mislukte aanmeldpogingen")]
    TooManyAttempts { retry_after_seconds: i64 },
    #[error("database error")]
    Db(#[from] DbError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl std::fmt::Debug for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fmt_error_chain(self, f)
    }
}

impl From<diesel::result::Error> for ServiceError {
    fn from(e: diesel::result::Error) -> Self {
        ServiceError::Db(DbError::Query(e))
    }
}

impl From<diesel::r2d2::PoolError> for ServiceError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        ServiceError::Db(DbError::Pool(e))
    }
}

impl ServiceError {
    pub fn not_found(what: &'static str) -> Self {
        ServiceError::NotFound { what }
    }

    pub fn forbidden() -> Self {
        ServiceError::Forbidden(
            "Uw rol in dit samenwerkingsverband staat deze handeling niet toe".to_owned(),
        )
    }

    pub fn unauthenticated(detail: impl Into<String>) -> Self {
        ServiceError::Unauthenticated {
            code: "unauthenticated",
            detail: detail.into(),
        }
    }
}
