//! The r2d2 pool of connections of the platform's login role.

use std::collections::HashSet;
use std::time::{Duration, Instant};

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
        // How long building the pool (at startup) and the worker's checkouts wait: a database
        // that is still starting gets time. Requests wait `CHECKOUT_WAIT` (see `checkout`).
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(NeutralSession))
}

/// A connection unused for longer than this is pinged before a request uses it: the server may
/// have dropped it meanwhile (restarted, or an idle timeout of the server or the network). A
/// connection in steady use is not, which is what saves the round trip.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(5);

/// When this pooled connection was last handed out (kept with it by the pool).
struct LastUsed(Instant);

/// A connection for a request, waiting at most `wait`: one that sat idle is pinged first and
/// replaced when it no longer answers.
pub fn checkout(pool: &DbPool, wait: Duration) -> Result<PooledConn, diesel::r2d2::PoolError> {
    let deadline = Instant::now() + wait;
    loop {
        let left = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(1));
        let mut conn = pool.get_timeout(left)?;
        let idle = PooledConnection::extensions(&conn)
            .get::<LastUsed>()
            .is_none_or(|used| used.0.elapsed() > IDLE_BEFORE_PING);
        if idle && ping(&mut conn).is_err() {
            // The next round takes another one.
            retire(&mut conn);
            continue;
        }
        PooledConnection::extensions_mut(&mut conn).insert(LastUsed(Instant::now()));
        return Ok(conn);
    }
}

/// Cooperations one pooled connection serves before the pool replaces it, by default
/// (`DB_COOPERATIONS_PER_CONNECTION`; at most: each connection draws its own limit between four
/// fifths of it and it, so that connections under the same load are not all replaced at once).
/// PostgreSQL keeps, per connection and for as long as it lives, the catalog of every schema the
/// connection touched: about 0.2 MB a cooperation (`scripts/bench-api` with 1,000 of them: 185 MB
/// per connection; one that made 4,500 cooperations in a row: 1.3 GB). With thousands of
/// cooperations that would grow to a gigabyte per connection; this bounds it to about 50 MB.
pub const COOPERATIONS_PER_CONNECTION: usize = 250;

/// The cooperations this pooled connection served, and how many it may (kept with it by the pool).
struct CooperationsServed {
    slugs: HashSet<String>,
    limit: usize,
}

/// Notes that `conn` served (or made) the cooperation `slug`; past `limit` cooperations (see
/// [`COOPERATIONS_PER_CONNECTION`]) it is marked to be dropped when returned, and the pool opens a
/// fresh one in its place.
pub fn note_cooperation_served(conn: &mut PooledConn, slug: &str, limit: usize) {
    let extensions = PooledConnection::extensions_mut(conn);
    if extensions.get::<CooperationsServed>().is_none() {
        let limit = limit.max(1);
        let spread = (uuid::Uuid::new_v4().as_u128() % (limit / 5 + 1) as u128) as usize;
        extensions.insert(CooperationsServed {
            slugs: HashSet::new(),
            limit: limit - spread,
        });
    }
    let over = match extensions.get_mut::<CooperationsServed>() {
        Some(served) => {
            if !served.slugs.contains(slug) {
                served.slugs.insert(slug.to_owned());
            }
            (served.slugs.len() > served.limit).then_some(served.slugs.len())
        }
        None => return,
    };
    if let Some(cooperations) = over {
        tracing::debug!(
            cooperations,
            "database connection replaced: it served its share of cooperations"
        );
        retire(conn);
    }
}

/// Makes the pool drop this connection when it is returned (and open a fresh one when needed):
/// a connection whose transaction state is in error is "broken" to diesel's pool manager.
fn retire(conn: &mut PgConnection) {
    AnsiTransactionManager::transaction_manager_status_mut(conn).set_in_error();
}

/// Whether a failed checkout met a database that does not answer (r2d2 then names the last
/// connection error), rather than a pool whose connections were all in use.
pub fn database_unreachable(e: &diesel::r2d2::PoolError) -> bool {
    e.to_string().contains(": ")
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

/// Makes the pool drop this connection when it is returned, when `e` says it was lost.
pub fn discard_if_lost(conn: &mut PgConnection, e: &diesel::result::Error) {
    if lost_connection(e) {
        retire(conn);
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
