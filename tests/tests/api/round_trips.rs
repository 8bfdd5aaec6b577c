//! How many statements PostgreSQL sees for one request of each main page, counted by
//! pg_stat_statements (which `scripts/test` loads into the test cluster). Each statement is a
//! round trip or part of one, and round trips bound throughput: a page that starts reading its
//! related rows in statements of their own again fails here, not first in the benchmark.

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;

use diesel::sql_types::{BigInt, Text};

use crate::helpers::{
    Count, TestApp, demo_token, load_demo, spawn_app, spawn_app_with_pool_size, superuser_conn,
};

/// The statements the API sent to its own database (not this test's) for one GET of `path`.
async fn statements_for(app: &TestApp, token: &str, path: &str) -> i64 {
    // Once unmeasured, so that the measured request finds what a running API has: the caller's
    // statements prepared, the pool's connections open.
    assert_eq!(app.get(path, token).await.status, 200, "{path}");
    let url = app.db_url.clone();
    tokio::task::spawn_blocking({
        let url = url.clone();
        move || {
            superuser_conn(&url)
                .batch_execute(
                    "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database \
                     WHERE datname = current_database()), 0)",
                )
                .expect("reset pg_stat_statements for this database")
        }
    })
    .await
    .expect("join");
    let res = app.get(path, token).await;
    assert_eq!(res.status, 200, "{path}: {}", res.text);
    tokio::task::spawn_blocking(move || {
        diesel::sql_query(
            // Not the pool's ping of a connection that sat idle for 5 s (`db::pool::checkout`):
            // not the page's, and a slow machine may pause that long between the two requests.
            "SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements s \
             JOIN pg_database d ON d.oid = s.dbid \
             WHERE d.datname = current_database() AND s.query NOT IN ('SELECT 1', 'SELECT $1') \
               AND s.userid <> (SELECT oid FROM pg_roles WHERE rolname = current_user)",
        )
        .get_result::<Count>(&mut superuser_conn(&url))
        .expect("count statements")
        .n
    })
    .await
    .expect("join")
}

#[actix_rt::test]
async fn each_main_page_is_a_handful_of_statements() {
    let app = spawn_app().await;
    load_demo(&app).await;
    tokio::task::spawn_blocking({
        let url = app.db_url.clone();
        move || {
            superuser_conn(&url)
                .batch_execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
                .expect("pg_stat_statements (scripts/test loads it into the test cluster)")
        }
    })
    .await
    .expect("join");
    let token = demo_token(&app, "bestuurder", "veluwe-west").await;

    // The caller with their membership of the cooperation (1), BEGIN and the scope (2, one
    // round trip), the page with its related rows (1), COMMIT (1); then the names of the people
    // it shows, when it shows any (1: commitments, expert groups). Municipalities read their
    // districts and indicators their measurements in one statement more; priorities read their
    // indicators (with targets) and those indicators' measurements in two more.
    let pages = [
        ("/api/v1/me", 1),
        ("/api/v1/tenants/veluwe-west/municipalities", 6),
        ("/api/v1/tenants/veluwe-west/indicators", 6),
        ("/api/v1/tenants/veluwe-west/commitments", 6),
        ("/api/v1/tenants/veluwe-west/expert-groups", 6),
        ("/api/v1/tenants/veluwe-west/priorities", 7),
    ];
    let mut seen = Vec::new();
    for (path, _) in pages {
        seen.push((path, statements_for(&app, &token, path).await));
    }
    let expected: Vec<(&str, i64)> = pages.to_vec();
    assert_eq!(seen, expected, "statements per request (path, count)");
}

/// A prepared statement of the API's one pooled connection, as PostgreSQL counts its plans.
#[derive(diesel::QueryableByName, Debug)]
struct Prepared {
    #[diesel(sql_type = Text)]
    statement: String,
    #[diesel(sql_type = BigInt)]
    generic_plans: i64,
    #[diesel(sql_type = BigInt)]
    custom_plans: i64,
}

#[derive(diesel::QueryableByName)]
struct PlanCacheMode {
    #[diesel(sql_type = Text)]
    mode: String,
}

/// Planning a page's statement cost PostgreSQL more than running it: each list statement must
/// stay prepared on its connection (no `diesel::dsl::sql` in it, which diesel never caches) and
/// run its one generic plan again (`plan_cache_mode`, set in each cooperation's transaction).
#[actix_rt::test]
async fn each_page_statement_is_prepared_once_and_runs_its_generic_plan_again() {
    let app = spawn_app_with_pool_size(1).await;
    load_demo(&app).await;
    let token = demo_token(&app, "bestuurder", "veluwe-west").await;
    let lists = [
        "municipalities",
        "indicators",
        "commitments",
        "expert-groups",
        "priorities",
    ];
    const RUNS: i64 = 3;
    for _ in 0..RUNS {
        for list in lists {
            let path = format!("/api/v1/tenants/veluwe-west/{list}");
            assert_eq!(app.get(&path, &token).await.status, 200, "{path}");
        }
    }
    let pool = app.pool.clone();
    let (prepared, mode) = tokio::task::spawn_blocking(move || {
        // The pool has one connection: the one that served the pages.
        let mut conn = pool.get().expect("the API's connection");
        let prepared = diesel::sql_query(
            "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements \
             WHERE statement LIKE '%COUNT(*) OVER ()%' ORDER BY statement",
        )
        .load::<Prepared>(&mut conn)
        .expect("read pg_prepared_statements");
        let mode = diesel::sql_query("SELECT current_setting('plan_cache_mode') AS mode")
            .get_result::<PlanCacheMode>(&mut conn)
            .expect("read plan_cache_mode")
            .mode;
        (prepared, mode)
    })
    .await
    .expect("join");
    // Generic plans only inside a cooperation's transactions: the platform's tables (the job
    // queue) have partial indexes on a status, which a generic plan could not use.
    assert_eq!(
        mode, "auto",
        "plan_cache_mode outside a cooperation's transaction"
    );
    for list in [
        "municipalities",
        "indicators",
        "commitments",
        "expert_groups",
        "priorities",
    ] {
        let page = prepared
            .iter()
            .find(|p| p.statement.starts_with(&format!("SELECT \"{list}\".")))
            .unwrap_or_else(|| panic!("{list}: its page statement is not prepared: {prepared:#?}"));
        // At least: loading the demo data may have run the same statement.
        assert!(
            page.generic_plans >= RUNS && page.custom_plans == 0,
            "{list}: its one generic plan for every run, no custom plan: {page:?}"
        );
    }
}
