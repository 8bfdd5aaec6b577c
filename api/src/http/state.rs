//! What every handler can reach: the pool, the token issuer, settings and metrics.

use std::sync::Arc;

use actix_web::web;
use diesel::PgConnection;

use super::metrics::Metrics;
use super::problem::ApiError;
use crate::auth::tokens::TokenIssuer;
use crate::config::Settings;
use crate::db::DbPool;
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
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await
        .map_err(|e| ApiError::from(ServiceError::Internal(format!("blocking task failed: {e}"))))?
        .map_err(ApiError::from)
    }
}
