//! Starting the API as `api serve` does, in one place: the tests start it the same way, with the
//! same checks.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use anyhow::Context;
use tokio::sync::Semaphore;

use super::metrics::Metrics;
use super::server::run;
use super::state::AppState;
use crate::auth::keys::TokenKeys;
use crate::auth::tokens::TokenIssuer;
use crate::config::Settings;
use crate::db::DbPool;
use crate::db::pool::{LoginRoleIsolation, build_request_pool, login_role_isolation};

/// The API, built and listening, not yet serving.
pub struct Application {
    server: Server,
    port: u16,
    state: AppState,
}

impl std::fmt::Debug for Application {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Application")
            .field("port", &self.port)
            .finish()
    }
}

impl Application {
    /// Token keys from the settings (or generated into the data folder), the pool, the check of
    /// the login role, the listener on `bind_addr` (port 0 takes a free one). Call inside an
    /// actix system (`actix_web::rt::System` or a test runtime).
    pub fn build(settings: Settings) -> anyhow::Result<Application> {
        let keys = TokenKeys::load_or_generate(&settings.token, &settings.data_dir)?;
        let issuer = TokenIssuer::new(
            keys,
            settings.token.issuer.clone(),
            settings.token.audience.clone(),
            settings.token.access_ttl_seconds,
        );
        let pool = build_request_pool(&settings.database_url, settings.db_pool_size)
            .context("could not connect to the database")?;
        check_login_role(&pool)?;
        let listener = TcpListener::bind(&settings.bind_addr)
            .with_context(|| format!("could not bind {}", settings.bind_addr))?;
        let port = listener.local_addr()?.port();
        tracing::info!(addr = %settings.bind_addr, port, "serving the API");
        let turns = Arc::new(Semaphore::new(pool.max_size() as usize));
        let state = AppState {
            pool,
            issuer: Arc::new(issuer),
            settings: Arc::new(settings),
            metrics: Arc::new(Metrics::new()?),
            database_away: Arc::default(),
            turns,
        };
        let server = run(listener, state.clone())?;
        Ok(Application {
            server,
            port,
            state,
        })
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// What the handlers share: the pool, the token issuer, the settings.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until the server is stopped (SIGTERM, Ctrl-C).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }

    /// The server, to spawn on a runtime (tests).
    pub fn into_server(self) -> Server {
        self.server
    }
}

/// Refuses to serve when the login role would see every tenant's data by itself.
fn check_login_role(pool: &DbPool) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    match login_role_isolation(&mut conn)? {
        LoginRoleIsolation::Enforced => Ok(()),
        LoginRoleIsolation::Superuser => {
            tracing::warn!(
                "DATABASE_URL connects as a superuser: fine for development, but PostgreSQL no longer \
                 backs up tenant isolation; use a NOINHERIT non-superuser role in production (README)"
            );
            Ok(())
        }
        LoginRoleIsolation::InheritsTenantRights => anyhow::bail!(
            "the DATABASE_URL role has INHERIT and so holds every tenant's rights by itself; \
             run `ALTER ROLE <role> NOINHERIT` (see README, PostgreSQL roles in production)"
        ),
    }
}
