//! The r2d2 pool of connections of the platform's login role.

use std::time::Duration;

use diesel::PgConnection;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};

pub type DbPool = Pool<ConnectionManager<PgConnection>>;
pub type PooledConn = PooledConnection<ConnectionManager<PgConnection>>;

/// The search_path every pooled connection starts with: no schema at all, so an unqualified table
/// name outside the tenancy entry point fails ("relation does not exist") instead of finding data.
pub const DEFAULT_SEARCH_PATH: &str = "\"\"";

#[derive(Debug, Clone, Copy)]
struct NeutralSession;

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for NeutralSession {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute("SET search_path TO ''; SET TIME ZONE 'UTC'")
            .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Whether the database answers on this connection (readiness).
pub fn ping(conn: &mut PgConnection) -> Result<(), super::DbError> {
    Ok(conn.batch_execute("SELECT 1")?)
}

/// How long a caller waits for a connection before it is told the database is unavailable: a
/// request answers 503 within about this time when PostgreSQL is gone, instead of hanging.
pub const CHECKOUT_WAIT: Duration = Duration::from_secs(1);

/// A pool for background work (the worker, commands): every checkout is tested with a `SELECT 1`,
/// which is nothing beside a round of work and finds a connection the server dropped.
pub fn build_pool(database_url: &str, max_size: u32) -> Result<DbPool, diesel::r2d2::PoolError> {
    builder(max_size).build(ConnectionManager::new(database_url))
}

/// The API's pool: no test query per checkout (a round trip on every request); a connection
/// found broken by the request using it is dropped instead (`discard_if_lost`).
pub fn build_request_pool(
    database_url: &str,
    max_size: u32,
) -> Result<DbPool, diesel::r2d2::PoolError> {
    builder(max_size)
        .test_on_check_out(false)
        .build(ConnectionManager::new(database_url))
}

fn builder(max_size: u32) -> diesel::r2d2::Builder<ConnectionManager<PgConnection>> {
    Pool::builder()
        .max_size(max_size)
        .connection_timeout(CHECKOUT_WAIT)
        .connection_customizer(Box::new(NeutralSession))
}

/// Whether a failed statement may have left the connection unusable (the server stopped or
/// restarted, the socket broke), rather than being refused by the database for what it asked.
pub fn may_have_lost_connection(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind as Kind, Error};
    match e {
        Error::DatabaseError(
            Kind::UniqueViolation
            | Kind::ForeignKeyViolation
            | Kind::NotNullViolation
            | Kind::CheckViolation
            | Kind::RestrictViolation
            | Kind::ExclusionViolation
            | Kind::SerializationFailure
            | Kind::ReadOnlyTransaction,
            _,
        ) => false,
        Error::DatabaseError(..) => true,
        _ => false,
    }
}

/// Whether a failed statement certainly lost the connection: the database is (for now) away.
pub fn lost_connection(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind as Kind, Error};
    match e {
        Error::DatabaseError(Kind::ClosedConnection | Kind::UnableToSendCommand, _) => true,
        // What PostgreSQL says as it shuts down or refuses to start a session.
        Error::DatabaseError(_, info) => {
            let m = info.message();
            m.contains("terminating connection")
                || m.contains("shutting down")
                || m.contains("server closed the connection")
                || m.contains("no connection to the server")
                || m.contains("starting up")
        }
        _ => false,
    }
}

/// Makes the pool drop this connection when it is returned, when `e` may have broken it.
pub fn discard_if_lost(conn: &mut PgConnection, e: &diesel::result::Error) {
    if may_have_lost_connection(e) {
        // A connection whose transaction state is in error is "broken" to diesel's pool manager.
        AnsiTransactionManager::transaction_manager_status_mut(conn).set_in_error();
    }
}

#[derive(diesel::QueryableByName)]
struct RoleAttributes {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    rolsuper: bool,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    rolinherit: bool,
}

/// How the login role stands towards tenant isolation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginRoleIsolation {
    /// Not a superuser and NOINHERIT: PostgreSQL refuses tenant data outside the entry point.
    Enforced,
    /// A superuser: fine for development, but PostgreSQL no longer backs up the isolation.
    Superuser,
    /// INHERIT: the role holds every tenant role's rights by itself. Never acceptable.
    InheritsTenantRights,
}

pub fn login_role_isolation(
    conn: &mut PgConnection,
) -> Result<LoginRoleIsolation, diesel::result::Error> {
    use diesel::RunQueryDsl;
    let a: RoleAttributes =
        diesel::sql_query("SELECT rolsuper, rolinherit FROM pg_roles WHERE rolname = current_user")
            .get_result(conn)?;
    Ok(match (a.rolsuper, a.rolinherit) {
        (true, _) => LoginRoleIsolation::Superuser,
        (false, true) => LoginRoleIsolation::InheritsTenantRights,
        (false, false) => LoginRoleIsolation::Enforced,
    })
}
