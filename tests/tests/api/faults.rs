//! Without its database the API answers fast and recovers by itself: a private PostgreSQL is
//! stopped and started again under load, with the worker beside it.

use std::cell::{Cell, RefCell};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use api::repo::outbox::{self, NewEmail};
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{
    AppOptions, Count, TestApp, spawn_app, spawn_app_with, spawn_app_with_pool_size,
};
use crate::mailcatcher::{MailCatcher, worker_command};

/// A PostgreSQL cluster of this test alone (the shared test cluster must stay up).
struct PrivateCluster {
    name: String,
    port: u16,
}

impl PrivateCluster {
    /// The cluster `name` on `port`, to act on it from another thread (dropping it does nothing).
    fn named(name: String, port: u16) -> std::mem::ManuallyDrop<Self> {
        std::mem::ManuallyDrop::new(PrivateCluster { name, port })
    }

    fn start(name: &str) -> Self {
        let port = free_port();
        let mut cluster = PrivateCluster {
            name: format!("{name}-{}", &Uuid::new_v4().simple().to_string()[..8]),
            port,
        };
        cluster.port = cluster
            .run("pg_private_start \"$0\" \"$1\" >/dev/null && echo $PG_PRIVATE_PORT")
            .trim()
            .parse()
            .expect("the cluster's port");
        cluster
    }

    fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Runs a line of bash with `scripts/lib/pg.sh` loaded; `$0` is the name, `$1` the port.
    fn run(&self, line: &str) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let out = Command::new("bash")
            .current_dir(&root)
            .arg("-c")
            .arg(format!("source scripts/lib/pg.sh && {line}"))
            .arg(&self.name)
            .arg(self.port.to_string())
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn stop(&self) {
        self.run("pg_run \"$(pg_bin_dir)/pg_ctl\" -D \"$(pg_data_dir \"$0\")\" -m fast -w stop >/dev/null");
    }

    fn restart(&self) {
        self.run("pg_private_start \"$0\" \"$1\" >/dev/null");
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .current_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
            .arg("-c")
            .arg("source scripts/lib/pg.sh && d=$(pg_data_dir \"$0\") && pg_run \"$(pg_bin_dir)/pg_ctl\" -D \"$d\" -m immediate stop >/dev/null 2>&1; rm -rf \"$d\" \"$d.initdb.log\"")
            .arg(&self.name)
            .status();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// What one request answered, and how long it took.
#[derive(Debug, Clone, Copy)]
struct Answer {
    status: u16,
    took: Duration,
    retry_after: bool,
}

async fn ask(app: &TestApp, path: &str, token: Option<&str>) -> Answer {
    let started = Instant::now();
    let res = app.request("GET", path, token, None).await;
    Answer {
        status: res.status.as_u16(),
        took: started.elapsed(),
        retry_after: res.headers.contains_key("retry-after"),
    }
}

/// Where the database was when a request was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Up,
    Stopping,
    Down,
    Starting,
    Back,
    Done,
}

#[actix_rt::test]
async fn without_its_database_the_api_answers_503_fast_and_both_processes_recover_by_themselves() {
    let cluster = PrivateCluster::start("storing");
    let app = spawn_app_with(AppOptions {
        admin_url: Some(cluster.admin_url()),
        ..AppOptions::default()
    })
    .await;
    let t = app.tenant("storing").await;
    let mail = MailCatcher::start().await;
    let log = std::env::temp_dir().join(format!("worker-{}.log", Uuid::new_v4()));
    let mut worker = worker_command(
        &app,
        &mail.smtp_url(),
        &["run", "--interval", "1", "--poll", "1"],
    )
    .env("RUST_LOG", "info")
    .stdout(Stdio::null())
    .stderr(std::fs::File::create(&log).expect("log file"))
    .spawn()
    .expect("the worker starts");

    let path = format!("/api/v1/tenants/{}/municipalities", t.slug());
    let phase = Cell::new(Phase::Up);
    let answers: RefCell<Vec<(Phase, Answer)>> = RefCell::new(Vec::new());
    let readiness: RefCell<Vec<(Phase, Answer)>> = RefCell::new(Vec::new());
    // Eight clients asking all the time, as users would.
    let clients = (0..8).map(|_| async {
        while phase.get() != Phase::Done {
            let asked_in = phase.get();
            let a = ask(&app, &path, Some(&t.admin_token)).await;
            // Asked while down and answered while down: a request that waited into the
            // restart may be served.
            let phase = if asked_in == Phase::Down && phase.get() != Phase::Down {
                Phase::Starting
            } else {
                asked_in
            };
            answers.borrow_mut().push((phase, a));
        }
    });
    let name = cluster.name.clone();
    let port = cluster.port;
    let control = async {
        actix_rt::time::sleep(Duration::from_secs(1)).await;
        phase.set(Phase::Stopping);
        let (n, p) = (name.clone(), port);
        actix_rt::task::spawn_blocking(move || PrivateCluster::named(n, p).stop())
            .await
            .expect("stopped");
        phase.set(Phase::Down);
        for _ in 0..4 {
            let r = ask(&app, "/readyz", None).await;
            readiness.borrow_mut().push((Phase::Down, r));
            actix_rt::time::sleep(Duration::from_millis(700)).await;
        }
        phase.set(Phase::Starting);
        let (n, p) = (name.clone(), port);
        actix_rt::task::spawn_blocking(move || PrivateCluster::named(n, p).restart())
            .await
            .expect("started");
        phase.set(Phase::Back);
        let back = Instant::now();
        loop {
            let r = ask(&app, "/readyz", None).await;
            readiness.borrow_mut().push((Phase::Back, r));
            if r.status == 200 {
                break;
            }
            assert!(
                back.elapsed() < Duration::from_secs(10),
                "ready again within 10 s"
            );
            actix_rt::time::sleep(Duration::from_millis(100)).await;
        }
        // Two more seconds of load on the recovered database.
        actix_rt::time::sleep(Duration::from_secs(2)).await;
        phase.set(Phase::Done);
    };
    futures_util::future::join(futures_util::future::join_all(clients), control).await;

    let answers = answers.into_inner();
    let readiness = readiness.into_inner();
    let count = |p: Phase, status: u16| {
        answers
            .iter()
            .filter(|(asked, a)| *asked == p && a.status == status)
            .count()
    };
    // Only 200 or 503, never another 5xx; every 503 says when to try again.
    for (asked, a) in &answers {
        assert!(matches!(a.status, 200 | 503), "{asked:?}: {a:?}");
        assert!(
            a.status != 503 || a.retry_after,
            "503 without Retry-After: {a:?}"
        );
    }
    // Every request asked while the database is away answers within 2 seconds.
    let slowest_asked_while_away = answers
        .iter()
        .filter(|(p, _)| matches!(p, Phase::Down | Phase::Starting))
        .map(|(_, a)| a.took)
        .max()
        .unwrap_or_default();
    assert!(
        slowest_asked_while_away <= Duration::from_secs(2),
        "{slowest_asked_while_away:?}"
    );
    // While it is down, they answer 503.
    let down: Vec<&Answer> = answers
        .iter()
        .filter(|(asked, _)| *asked == Phase::Down)
        .map(|(_, a)| a)
        .collect();
    assert!(
        !down.is_empty(),
        "requests were asked while the database was down"
    );
    let other: Vec<&&Answer> = down.iter().filter(|a| a.status != 503).collect();
    assert!(
        other.is_empty(),
        "not 503 while down: {other:?} of {}",
        down.len()
    );
    let slowest = down.iter().map(|a| a.took).max().unwrap_or_default();
    assert!(
        slowest <= Duration::from_secs(2),
        "the slowest 503 took {slowest:?}"
    );
    // Readiness says so within a second.
    for (_, r) in readiness.iter().filter(|(p, _)| *p == Phase::Down) {
        assert_eq!(r.status, 503, "{r:?}");
        assert!(
            r.took <= Duration::from_secs(1),
            "readiness took {:?}",
            r.took
        );
    }
    // Back without a restart of the API: the last second of load is all 200.
    let last: Vec<&Answer> = answers
        .iter()
        .rev()
        .filter(|(asked, _)| *asked == Phase::Back)
        .take(20)
        .map(|(_, a)| a)
        .collect();
    assert!(
        last.len() >= 20 && last.iter().all(|a| a.status == 200),
        "{last:?}"
    );
    assert!(count(Phase::Up, 200) > 0);
    // The figures, for the note and the log.
    let report = format!(
        "fault test: {} answers before the stop (all 200), {} while down (all 503, slowest {slowest:?}), {} after the restart ({} of them 200); readiness while down {:?}",
        count(Phase::Up, 200),
        down.len(),
        answers.iter().filter(|(p, _)| *p == Phase::Back).count(),
        count(Phase::Back, 200),
        readiness
            .iter()
            .filter(|(p, _)| *p == Phase::Down)
            .map(|(_, r)| r.took)
            .collect::<Vec<_>>(),
    );
    #[allow(clippy::print_stdout)]
    {
        println!("{report}");
    }

    // The worker paused, said so once, resumed by itself and delivers again.
    let db_url = app.db_url.clone();
    let tenant_id = t.row.id;
    actix_rt::task::spawn_blocking(move || {
        let mut conn = PgConnection::establish(&db_url).expect("the database is back");
        assert!(
            outbox::insert_if_new(
                &mut conn,
                &NewEmail {
                    tenant_id,
                    kind: "test".into(),
                    recipient: "na-de-storing@gemeente.example".into(),
                    recipient_user_id: None,
                    subject_key: "na-de-storing".into(),
                    message_id: "na-de-storing@platform.test".into(),
                    subject: "Na de storing".into(),
                    body_text: "Tekst".into(),
                    body_html: "<p>Tekst</p>".into(),
                    unsubscribe_url: None,
                    next_attempt_at: chrono::Utc::now(),
                },
            )
            .expect("stored")
        );
    })
    .await
    .expect("join");
    let deadline = Instant::now() + Duration::from_secs(30);
    while mail.message_ids().await.is_empty() {
        assert!(
            Instant::now() < deadline,
            "the worker delivers after the restart"
        );
        actix_rt::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        worker.try_wait().expect("wait").is_none(),
        "the worker is still running"
    );
    let _ = Command::new("kill")
        .args(["-TERM", &worker.id().to_string()])
        .status();
    let _ = worker.wait();
    let text = std::fs::read_to_string(&log).expect("the worker's log");
    let _ = std::fs::remove_file(&log);
    assert_eq!(
        text.matches("the database cannot be reached").count(),
        1,
        "said once: {text}"
    );
    assert!(text.contains("the database answers again"), "{text}");
    assert!(!text.contains("panicked"), "{text}");
}

#[actix_rt::test]
async fn a_connection_the_server_dropped_while_idle_is_replaced_without_an_error() {
    let app = spawn_app().await;
    let t = app.tenant("stil").await;
    let path = format!("/api/v1/tenants/{}/municipalities", t.slug());
    assert_eq!(ask(&app, &path, Some(&t.admin_token)).await.status, 200);
    // Quiet for longer than a connection may idle unchecked; meanwhile the server drops every
    // connection of the app (an idle timeout, a restart of a proxy).
    actix_rt::time::sleep(Duration::from_secs(6)).await;
    let db_url = app.db_url.clone();
    let dropped = actix_rt::task::spawn_blocking(move || {
        let mut su = crate::helpers::superuser_conn(&db_url);
        diesel::sql_query(
            // The app's own connections only (not this one: the order of AND is not fixed).
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user",
        )
        .execute(&mut su)
        .expect("terminated")
    })
    .await
    .expect("join");
    assert!(dropped > 0, "the app had connections to drop");
    for _ in 0..5 {
        let a = ask(&app, &path, Some(&t.admin_token)).await;
        assert_eq!(a.status, 200, "{a:?}");
    }
}

#[derive(diesel::QueryableByName)]
struct BackendPid {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pid: i32,
}

fn backend_pid(conn: &mut PgConnection) -> i32 {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<BackendPid>(conn)
        .expect("pid")
        .pid
}

/// PostgreSQL keeps the catalog of every schema a connection touched for as long as it lives:
/// a pooled connection that served more than `COOPERATIONS_PER_CONNECTION` cooperations is
/// replaced, and one that keeps serving the same few is kept.
#[actix_rt::test]
async fn a_connection_that_served_many_cooperations_is_replaced() {
    use api::db::pool::{COOPERATIONS_PER_CONNECTION, build_pool, note_cooperation_served};
    let app = spawn_app().await;
    let url = app.db_url.clone();
    let (kept, replaced) = tokio::task::spawn_blocking(move || {
        let pool = build_pool(&url, 1).expect("pool");
        let mut conn = pool.get().expect("conn");
        let first = backend_pid(&mut conn);
        for _ in 0..1000 {
            note_cooperation_served(&mut conn, "veluwe-west", COOPERATIONS_PER_CONNECTION);
        }
        drop(conn);
        let mut conn = pool.get().expect("conn");
        let kept = backend_pid(&mut conn) == first;
        for i in 0..=COOPERATIONS_PER_CONNECTION {
            note_cooperation_served(
                &mut conn,
                &format!("bench-{i}"),
                COOPERATIONS_PER_CONNECTION,
            );
        }
        drop(conn);
        let mut conn = pool.get().expect("conn");
        (kept, backend_pid(&mut conn) != first)
    })
    .await
    .expect("join");
    assert!(
        kept,
        "the same cooperation again and again keeps the connection"
    );
    assert!(replaced, "past the limit the pool opened a new connection");
}

/// Making a cooperation fills the connection's catalog caches as using one does: provisioning
/// counts towards the connection's limit too (one connection once held 1.3 GB after making 4,500
/// cooperations in a row).
#[actix_rt::test]
async fn a_connection_that_made_more_cooperations_than_its_limit_is_replaced() {
    let app = spawn_app_with(AppOptions {
        pool_size: 1,
        cooperations_per_connection: 1,
        ..AppOptions::default()
    })
    .await;
    let pa = app.platform_admin().await;
    let serving = || {
        let pool = app.pool.clone();
        async move {
            tokio::task::spawn_blocking(move || backend_pid(&mut pool.get().expect("conn")))
                .await
                .expect("join")
        }
    };
    let provision = |slug: &'static str| {
        let body = json!({
            "slug": slug,
            "name": slug,
            "admin": {
                "email": format!("beheer@{slug}.example"),
                "displayName": "Beheer",
                "password": crate::helpers::PASSWORD
            }
        });
        let app = &app;
        let pa = pa.clone();
        async move { app.post("/api/v1/tenants", &pa, &body).await }
    };

    let first = serving().await;
    let res = provision("eerste").await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(
        serving().await,
        first,
        "one cooperation is within the limit"
    );
    let res = provision("tweede").await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_ne!(
        serving().await,
        first,
        "the connection that made a second cooperation was replaced"
    );
}

/// A worker round works in every cooperation; the connection it does that on is replaced past
/// `DB_COOPERATIONS_PER_CONNECTION`, as the API's are, and the round still plans them all.
#[actix_rt::test]
async fn the_workers_connection_for_cooperations_is_replaced_past_its_limit() {
    let app = spawn_app().await;
    for i in 0..4 {
        app.tenant(&format!("ronde{i}")).await;
    }
    let round = |limit: &str, now: &str| {
        let mut worker = worker_command(&app, "smtp://127.0.0.1:9", &["run-once", "--now", now]);
        worker
            .env("DB_COOPERATIONS_PER_CONNECTION", limit)
            .env("RUST_LOG", "warn,api::db::pool=debug");
        async move {
            let out = tokio::task::spawn_blocking(move || worker.output().expect("worker runs"))
                .await
                .expect("join");
            let log = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(out.status.success(), "{log}");
            log.matches("database connection replaced").count()
        }
    };
    // Limit 1: each connection serves two cooperations (past one), so four take two of them.
    assert_eq!(round("1", "2026-12-07T09:00:00Z").await, 2);
    assert_eq!(round("250", "2026-12-07T09:01:00Z").await, 0);
    let planned: i64 = {
        let pool = app.pool.clone();
        tokio::task::spawn_blocking(move || {
            diesel::sql_query(
                "SELECT count(*) AS n FROM platform.jobs WHERE kind = 'plan_tenant' AND status = 'done'",
            )
            .get_result::<Count>(&mut pool.get().expect("conn"))
            .expect("count")
            .n
        })
        .await
        .expect("join")
    };
    assert_eq!(planned, 8, "both rounds planned all four cooperations");
}

/// Requests take turns for the connections, first come first served; one that gets no turn in
/// its whole wait (every connection stays in use) is told so with a 503 it may retry, and the
/// next one, after the turn came free, is served.
#[actix_rt::test]
async fn a_request_that_gets_no_connection_in_time_answers_503_and_the_next_is_served() {
    let app = spawn_app_with_pool_size(1).await;
    let token = app.platform_admin().await;
    let held = app
        .turns
        .clone()
        .acquire_owned()
        .await
        .expect("the only turn");

    let started = Instant::now();
    let res = app.request("GET", "/api/v1/me", Some(&token), None).await;
    let took = started.elapsed();
    assert_eq!(res.status.as_u16(), 503, "{}", res.text);
    assert_eq!(res.body["code"], "service_unavailable", "{}", res.text);
    assert_eq!(res.content_type, "application/problem+json");
    assert!(res.headers.contains_key("retry-after"));
    assert!(
        took >= Duration::from_millis(900),
        "it waited its turn for about a second first, not {took:?}"
    );

    drop(held);
    let res = app.request("GET", "/api/v1/me", Some(&token), None).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
}
