//! Embedded diesel migrations: `migrations/platform` for the platform schema and
//! `migrations/tenant` for every tenant schema.
//!
//! Each tenant keeps its own `__diesel_schema_migrations` table in its schema, so migrating is
//! resumable: a tenant that failed is retried on the next run, tenants that succeeded are skipped.

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::{DbError, DbPool, TenantConn, run_in_tenant};
use crate::repo::tenants;

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

/// Migrates the platform schema, then every tenant schema, each tenant in its own transaction.
/// A failing tenant is logged and reported; the others still migrate.
#[tracing::instrument(skip_all)]
pub fn migrate_all(pool: &DbPool) -> Result<MigrationReport, DbError> {
    let mut conn = pool.get()?;
    let platform_applied = migrate_platform(&mut conn)?;
    tracing::info!(applied = ?platform_applied, "platform schema migrated");
    let all = tenants::list_all(&mut conn)?;
    let mut report = MigrationReport {
        platform_applied,
        ..MigrationReport::default()
    };
    for tenant in &all {
        let db = match tenant.db() {
            Ok(db) => db,
            Err(e) => {
                report.failures.push((tenant.slug.clone(), e.to_string()));
                continue;
            }
        };
        let result = run_in_tenant(&mut conn, &db, |tc| {
            // Two migrators never work on one tenant at once.
            tc.batch_execute("SELECT pg_advisory_xact_lock(hashtext(current_schema())::bigint)")?;
            migrate_tenant(tc)
        });
        match result {
            Ok(applied) => {
                report.tenants_migrated += 1;
                tracing::info!(tenant = %tenant.slug, applied = ?applied, "tenant schema migrated");
            }
            Err(e) => {
                tracing::error!(tenant = %tenant.slug, error = ?e, "tenant schema migration failed");
                report.failures.push((tenant.slug.clone(), e.to_string()));
            }
        }
    }
    Ok(report)
}
