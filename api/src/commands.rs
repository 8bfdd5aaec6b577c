//! Operator commands shared by the `api` and `worker` binaries (no HTTP here).

use anyhow::Context;

use crate::config::Settings;
use crate::db::migrations::migrate_all;
use crate::db::pool::build_pool;

/// Migrates the platform schema and then every tenant schema. Fails when any tenant failed.
pub fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let pool = build_pool(&settings.database_url, settings.migrate_jobs)
        .context("could not connect to the database")?;
    let report = migrate_all(&pool).context("migration failed")?;
    tracing::info!(
        platform_applied = report.platform_applied.len(),
        tenants_migrated = report.tenants_migrated,
        tenants_failed = report.failures.len(),
        "migration finished"
    );
    if report.is_success() {
        Ok(())
    } else {
        let failed: Vec<String> = report
            .failures
            .iter()
            .map(|(slug, e)| format!("{slug}: {e}"))
            .collect();
        anyhow::bail!(
            "{} tenant(s) failed to migrate:\n{}",
            failed.len(),
            failed.join("\n")
        )
    }
}
