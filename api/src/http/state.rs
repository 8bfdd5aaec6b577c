//! What every handler can reach: the pool, the token issuer, settings and metrics.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use actix_web::web;
use diesel::PgConnection;
use tokio::sync::Semaphore;

use super::metrics::Metrics;
use super::problem::ApiError;
use crate::auth::tokens::TokenIssuer;
use crate::config::Settings;
use crate::db::pool::{
    CHECKOUT_WAIT, checkout, database_unreachable, discard_if_lost, lost_connection,
    note_cooperation_served,
};
use crate::db::{DbError, DbPool};
use crate::services::ServiceError;

#[derive(Debug, Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub issuer: Arc<TokenIssuer>,
    pub settings: Arc<Settings>,
    pub metrics: Arc<Metrics>,
    /// Set while the database is found away: requests then wait only briefly for a connection,
    /// so that a queue of them is answered 503 quickly instead of one second each.
    pub database_away: Arc<AtomicBool>,
    /// One turn per pooled connection. Requests queue here, first come first served, before they
    /// take a blocking thread and a connection: the pool's own wait wakes its waiters in no
    /// particular order, so under load a request could be passed over again and again. (The
    /// long tail measured at 16 connections came mostly from a pool larger than the cores, see
    /// `DB_POOL_SIZE` in README.)
    pub turns: Arc<Semaphore>,
}

/// The least time a request that got its turn waits for the connection itself.
const MIN_CHECKOUT_WAIT: Duration = Duration::from_millis(250);

/// Whether database work queues for a turn, and for which cooperation.
enum Queue {
    /// Readiness: straight to the pool.
    Skip,
    /// Requests: first come first served; `Some(slug)` for work in that cooperation.
    Take(Option<String>),
}

/// How long a request waits for a connection while the database is known to be away (the pool
/// keeps trying to connect; once it answers, requests get connections again).
const WAIT_WHILE_AWAY: Duration = Duration::from_millis(100);

impl AppState {
    /// Runs blocking database work on the blocking thread pool with a pooled connection.
    pub async fn db<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        self.run(CHECKOUT_WAIT, Queue::Take(None), work).await
    }

    /// As `db`, for work in the cooperation `slug` (also making it): the connection keeps count
    /// of the cooperations it served (see `COOPERATIONS_PER_CONNECTION`).
    pub async fn db_in_cooperation<T, F>(&self, slug: String, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        self.run(CHECKOUT_WAIT, Queue::Take(Some(slug)), work).await
    }

    /// For readiness: waits at most `wait` for a connection, without queueing behind the requests
    /// (a busy API is ready; only a database that does not answer makes it not ready).
    pub async fn db_for_readiness<T, F>(&self, wait: Duration, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        self.run(wait, Queue::Skip, work).await
    }

    async fn run<T, F>(&self, wait: Duration, queue: Queue, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let away = self.database_away.clone();
        let cooperations_per_connection = self.settings.cooperations_per_connection;
        let wait = if away.load(Ordering::Relaxed) {
            wait.min(WAIT_WHILE_AWAY)
        } else {
            wait
        };
        let deadline = Instant::now() + wait;
        let (turn, cooperation) = match queue {
            Queue::Skip => (None, None),
            Queue::Take(cooperation) => {
                match tokio::time::timeout(wait, self.turns.clone().acquire_owned()).await {
                    Ok(Ok(turn)) => (Some(turn), cooperation),
                    // Closed never happens (nothing closes it); a timeout means every connection
                    // stayed in use all along.
                    Ok(Err(_)) | Err(_) => {
                        return Err(ApiError::from(ServiceError::Db(DbError::Busy)));
                    }
                }
            }
        };
        web::block(move || {
            // Declared before the connection, so dropped after it has gone back to the pool.
            let _turn = turn;
            // A turn does not promise an idle connection (one retired a moment ago is being
            // replaced): the checkout gets a little time of its own even after a long queue.
            let wait = deadline
                .saturating_duration_since(Instant::now())
                .max(MIN_CHECKOUT_WAIT.min(wait));
            let mut conn = match checkout(&pool, wait) {
                Ok(conn) => conn,
                Err(e) => {
                    // A pool busy with slow requests is not a database away.
                    if database_unreachable(&e) {
                        away.store(true, Ordering::Relaxed);
                    }
                    return Err(DbError::Pool(e).into());
                }
            };
            let result = work(&mut conn);
            // Only a cooperation the caller reached: a made-up slug touches no schema.
            if let (Some(slug), Ok(_)) = (&cooperation, &result) {
                note_cooperation_served(&mut conn, slug, cooperations_per_connection);
            }
            match &result {
                Err(ServiceError::Db(DbError::Query(e))) => {
                    if lost_connection(e) {
                        away.store(true, Ordering::Relaxed);
                    }
                    discard_if_lost(&mut conn, e);
                }
                _ => away.store(false, Ordering::Relaxed),
            }
            result
        })
        .await
        .map_err(|e| ApiError::from(ServiceError::Internal(format!("blocking task failed: {e}"))))?
        .map_err(ApiError::from)
    }
}
