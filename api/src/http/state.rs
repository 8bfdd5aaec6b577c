//! What every handler can reach: the pool, the token issuer, settings and metrics.

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use diesel::PgConnection;

use super::metrics::Metrics;
use super::problem::ApiError;
use crate::auth::tokens::TokenIssuer;
use crate::config::Settings;
use crate::db::pool::{CHECKOUT_WAIT, discard_if_lost};
use crate::db::{DbError, DbPool};
use crate::services::ServiceError;

#[derive(Debug, Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub issuer: Arc<TokenIssuer>,
    pub settings: Arc<Settings>,
    pub metrics: Arc<Metrics>,
}

impl AppState {
    /// Runs blocking database work on the blocking thread pool with a pooled connection.
    pub async fn db<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        self.db_waiting(CHECKOUT_WAIT, work).await
    }

    /// As `db`, waiting at most `wait` for a connection (readiness answers sooner than requests).
    pub async fn db_waiting<T, F>(&self, wait: Duration, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get_timeout(wait).map_err(DbError::Pool)?;
            let result = work(&mut conn);
            if let Err(ServiceError::Db(DbError::Query(e))) = &result {
                discard_if_lost(&mut conn, e);
            }
            result
        })
        .await
        .map_err(|e| ApiError::from(ServiceError::Internal(format!("blocking task failed: {e}"))))?
        .map_err(ApiError::from)
    }
}
