//! The r2d2 pool of connections of the platform's login role.

use diesel::PgConnection;
use diesel::connection::SimpleConnection;
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

pub fn build_pool(database_url: &str, max_size: u32) -> Result<DbPool, diesel::r2d2::PoolError> {
    Pool::builder()
        .max_size(max_size)
        .connection_timeout(std::time::Duration::from_secs(10))
        .connection_customizer(Box::new(NeutralSession))
        .build(ConnectionManager::new(database_url))
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
