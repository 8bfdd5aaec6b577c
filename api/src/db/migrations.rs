//! Embedded diesel migrations: `migrations/platform` for the platform schema and
//! `migrations/tenant` for every tenant schema.
//!
//! Each tenant keeps its own `__diesel_schema_migrations` table in its schema, so migrating is
//! resumable: a tenant that failed is retried on the next run, tenants that succeeded are skipped.

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::{DbError, DbPool, PooledConn, TenantConn, run_in_tenant};
use crate::repo::tenants::{self, TenantRow};

pub const PLATFORM_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/platform");
pub const TENANT_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/tenant");

/// Serialises concurrent migrators of the platform schema (any constant works; this spells "platform").
const PLATFORM_LOCK_KEY: i64 = 0x706c_6174_666f_726d;

/// Creates the platform schema when missing and runs its pending migrations. Returns their names.
#[tracing::instrument(skip_all)]
pub fn migrate_platform(conn: &mut PgConnection) -> Result<Vec<String>, DbError> {
    conn.transaction(|conn| {
        conn.batch_execute(&format!(
            "SELECT pg_advisory_xact_lock({PLATFORM_LOCK_KEY});
             CREATE SCHEMA IF NOT EXISTS platform;
             SET LOCAL search_path TO platform;"
        ))?;
        let applied = conn
            .run_pending_migrations(PLATFORM_MIGRATIONS)
            .map_err(|e| DbError::Migration(e.to_string()))?;
        Ok(applied.iter().map(ToString::to_string).collect())
    })
}

/// Reverts every platform migration (tests check that migrations run down cleanly).
#[tracing::instrument(skip_all)]
pub fn revert_platform(conn: &mut PgConnection) -> Result<Vec<String>, DbError> {
    conn.transaction(|conn| {
        conn.batch_execute(&format!(
            "SELECT pg_advisory_xact_lock({PLATFORM_LOCK_KEY}); SET LOCAL search_path TO platform;"
        ))?;
        let reverted = conn
            .revert_all_migrations(PLATFORM_MIGRATIONS)
            .map_err(|e| DbError::Migration(e.to_string()))?;
        Ok(reverted.iter().map(ToString::to_string).collect())
    })
}

/// Runs the pending tenant migrations in the tenant's own schema, as the tenant's own role.
pub fn migrate_tenant(conn: &mut TenantConn<'_>) -> Result<Vec<String>, DbError> {
    let applied = conn
        .run_pending_migrations(TENANT_MIGRATIONS)
        .map_err(|e| DbError::Migration(e.to_string()))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Reverts every tenant migration (used by tests that check migrations run down cleanly).
pub fn revert_tenant(conn: &mut TenantConn<'_>) -> Result<Vec<String>, DbError> {
    let reverted = conn
        .revert_all_migrations(TENANT_MIGRATIONS)
        .map_err(|e| DbError::Migration(e.to_string()))?;
    Ok(reverted.iter().map(ToString::to_string).collect())
}

/// How migrating every tenant went.
#[derive(Debug, Default)]
pub struct MigrationReport {
    pub platform_applied: Vec<String>,
    pub tenants_migrated: usize,
    pub failures: Vec<(String, String)>,
}

impl MigrationReport {
    pub fn is_success(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Migrates the platform schema, then every tenant schema, each tenant in its own transaction,
/// on as many connections at once as the pool holds (each its own thread). A failing tenant is
/// logged and reported; the others still migrate.
///
/// Tenants are independent schemas, so migrating several at once is safe; the advisory lock per
/// schema keeps two migrators (two `api migrate` runs, say) off the same tenant.
#[tracing::instrument(skip_all)]
pub fn migrate_all(pool: &DbPool) -> Result<MigrationReport, DbError> {
    let mut conn = pool.get()?;
    let platform_applied = migrate_platform(&mut conn)?;
    tracing::info!(applied = ?platform_applied, "platform schema migrated");
    let all = tenants::list_all(&mut conn)?;
    drop(conn);
    let next = AtomicUsize::new(0);
    // Without a connection there is no use going on: the rest is reported as not tried at once,
    // instead of each tenant waiting out the pool's timeout.
    let no_connection = AtomicBool::new(false);
    let outcomes = Mutex::new(Vec::with_capacity(all.len()));
    let workers = (pool.max_size() as usize).clamp(1, all.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let mut conn = None;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(tenant) = all.get(i) else { break };
                    let outcome = if no_connection.load(Ordering::Relaxed) {
                        Err("not tried: no connection to the database".to_owned())
                    } else {
                        migrate_one(pool, &mut conn, tenant, &no_connection)
                    };
                    outcomes
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((tenant.slug.clone(), outcome));
                }
            });
        }
    });
    let mut report = MigrationReport {
        platform_applied,
        ..MigrationReport::default()
    };
    let mut outcomes = outcomes
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    outcomes.sort_by(|a, b| a.0.cmp(&b.0));
    for (slug, outcome) in outcomes {
        match outcome {
            Ok(()) => report.tenants_migrated += 1,
            Err(e) => report.failures.push((slug, e)),
        }
    }
    Ok(report)
}

/// Migrates one tenant on the thread's connection (taken from the pool on first use, and again
/// after an error, which may have been the connection's); says so in `no_connection` when the
/// pool has none to give.
fn migrate_one(
    pool: &DbPool,
    conn: &mut Option<PooledConn>,
    tenant: &TenantRow,
    no_connection: &AtomicBool,
) -> Result<(), String> {
    let db = tenant.db().map_err(|e| e.to_string())?;
    let c = match conn {
        Some(c) => c,
        None => match pool.get() {
            Ok(c) => conn.insert(c),
            Err(e) => {
                no_connection.store(true, Ordering::Relaxed);
                return Err(format!("no connection to the database: {e}"));
            }
        },
    };
    let result = run_in_tenant(c, &db, |tc| {
        // Two migrators never work on one tenant at once.
        tc.batch_execute("SELECT pg_advisory_xact_lock(hashtext(current_schema())::bigint)")?;
        migrate_tenant(tc)
    });
    match result {
        Ok(applied) => {
            tracing::info!(tenant = %tenant.slug, applied = ?applied, "tenant schema migrated");
            Ok(())
        }
        Err(e) => {
            tracing::error!(tenant = %tenant.slug, error = ?e, "tenant schema migration failed");
            *conn = None;
            Err(e.to_string())
        }
    }
}
