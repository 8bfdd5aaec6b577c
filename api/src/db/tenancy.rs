//! The one entry point for tenant work.
//!
//! [`run_in_tenant`] (and [`run_in_tenant_one_snapshot`], the same with one snapshot and no
//! writes) opens a transaction, sets `search_path` and the role to the tenant's own schema and
//! NOLOGIN role for that transaction only (so nothing survives it on the pooled connection),
//! records who acts for the audit trail (`app.actor_id`), and hands the closure a [`TenantConn`].
//! Repository functions for tenant tables take a `TenantConn`, which nothing else can make.
//! Inside, PostgreSQL itself refuses any other tenant's schema: the tenant role has rights on its
//! own schema only.

use std::ops::{Deref, DerefMut};

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::{Connection, PgConnection};
use uuid::Uuid;

use crate::domain::tenant_names::DbName;

/// The PostgreSQL names of one tenant, as generated and stored by the platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantDb {
    pub schema: DbName,
    pub role: DbName,
    /// Who acts: the audit trail names this user for every change in the transaction. `None`
    /// for the platform itself (provisioning, demo data).
    pub actor: Option<Uuid>,
}

impl TenantDb {
    /// The names of a tenant whose schema and role are both `name` (as the platform makes them),
    /// acting as the platform itself.
    pub fn for_name(name: DbName) -> Self {
        TenantDb {
            schema: name.clone(),
            role: name,
            actor: None,
        }
    }

    pub fn acting_as(self, user_id: Uuid) -> Self {
        TenantDb {
            actor: Some(user_id),
            ..self
        }
    }
}

/// A connection inside a tenant's transaction; only this module's entry points make one.
pub struct TenantConn<'a> {
    conn: &'a mut PgConnection,
}

impl Deref for TenantConn<'_> {
    type Target = PgConnection;
    fn deref(&self) -> &PgConnection {
        self.conn
    }
}

impl DerefMut for TenantConn<'_> {
    fn deref_mut(&mut self) -> &mut PgConnection {
        self.conn
    }
}

impl std::fmt::Debug for TenantConn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TenantConn")
    }
}

/// How the outermost transaction begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Begin {
    /// Read and write, each statement with its own snapshot (PostgreSQL's default).
    ReadWrite,
    /// Everything in the transaction reads one snapshot and writes nothing.
    OneSnapshot,
}

impl Begin {
    fn sql(self) -> &'static str {
        match self {
            Begin::ReadWrite => "BEGIN",
            Begin::OneSnapshot => "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        }
    }
}

/// Runs `work` in one transaction scoped to `tenant`. Commits when `work` returns `Ok`.
#[tracing::instrument(skip_all, fields(schema = %tenant.schema))]
pub fn run_in_tenant<T, E, F>(conn: &mut PgConnection, tenant: &TenantDb, work: F) -> Result<T, E>
where
    F: FnOnce(&mut TenantConn<'_>) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    run_scoped(conn, tenant, Begin::ReadWrite, work)
}

/// As [`run_in_tenant`], but all of `work` reads one snapshot and writes nothing: a letter's
/// figures, reviews and commitments are then all of one moment, also while an import commits
/// beside it. Nested in another transaction (a savepoint) it can neither: it then runs with
/// that transaction's isolation and may write, so the worker calls it only at the outermost level.
#[tracing::instrument(skip_all, fields(schema = %tenant.schema))]
pub fn run_in_tenant_one_snapshot<T, E, F>(
    conn: &mut PgConnection,
    tenant: &TenantDb,
    work: F,
) -> Result<T, E>
where
    F: FnOnce(&mut TenantConn<'_>) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    run_scoped(conn, tenant, Begin::OneSnapshot, work)
}

/// The one statement that scopes a transaction to `tenant`. `set_config(…, true)` lasts until the
/// transaction (or savepoint) ends, as `SET LOCAL` does, but four of them are one statement
/// instead of four, and the statement reads the same for every tenant, so PostgreSQL's
/// statistics keep one entry for it instead of one per cooperation.
///
/// Generic plans inside a cooperation: diesel keeps the statements prepared, but PostgreSQL's
/// default (`auto`) planned one with parameters such as `LIMIT $1` again for its values on every
/// run, and planning cost more than running (`scripts/bench-api`: 10 to 50 % more requests/s per
/// page with generic plans). A cooperation's tables are small and read by key, where the values
/// do not change the best plan. Not outside: the platform's own tables (the job queue above all)
/// have partial indexes on a status, which a generic plan with the status as a parameter cannot
/// use. A plan still follows the tenant: PostgreSQL plans a prepared statement again when
/// `search_path` differs from the one it was planned under, and checks the role's rights at
/// every run.
fn scope_sql(tenant: &TenantDb) -> String {
    // The names are validated `DbName`s (`tn_` + 32 hex digits) and a formatted Uuid holds only
    // hex digits and dashes, so no quoting can be escaped.
    format!(
        "SELECT set_config('search_path', '\"{schema}\"', true), set_config('role', '{role}', true), \
         set_config('app.actor_id', '{actor}', true), \
         set_config('plan_cache_mode', 'force_generic_plan', true)",
        schema = tenant.schema,
        role = tenant.role,
        actor = tenant.actor.map(|a| a.to_string()).unwrap_or_default(),
    )
}

fn run_scoped<T, E, F>(
    conn: &mut PgConnection,
    tenant: &TenantDb,
    begin: Begin,
    work: F,
) -> Result<T, E>
where
    F: FnOnce(&mut TenantConn<'_>) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let scope = scope_sql(tenant);
    let nested = AnsiTransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()?
        .is_some();
    if nested {
        return conn.transaction(|conn| {
            conn.batch_execute(&scope)?;
            let result = work(&mut TenantConn { conn })?;
            // A savepoint's settings would outlive it: restore the login role's settings so
            // that the caller continues as it was.
            conn.batch_execute(
                "SELECT set_config('role', 'none', true), set_config('search_path', '', true), \
                 set_config('plan_cache_mode', 'auto', true)",
            )?;
            Ok(result)
        });
    }
    // The outermost transaction: BEGIN and the scope in one round trip; its end (commit or
    // rollback) ends the settings too, so nothing needs resetting.
    if let Err(e) =
        AnsiTransactionManager::begin_transaction_sql(conn, &format!("{}; {scope}", begin.sql()))
    {
        // BEGIN may have gone through before the scope failed: leave no transaction open.
        let _ = conn.batch_execute("ROLLBACK");
        return Err(e.into());
    }
    match work(&mut TenantConn { conn }) {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => match AnsiTransactionManager::rollback_transaction(conn) {
            Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(rollback.into()),
        },
    }
}
