//! Tenant isolation: over HTTP, and underneath it, in PostgreSQL itself.

use api::db::{run_in_tenant, run_in_tenant_one_snapshot};
use api::domain::role::Role;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, spawn_app, spawn_app_with_pool_size};

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

fn one(conn: &mut PgConnection, sql: &str) -> String {
    diesel::sql_query(sql)
        .get_result::<Setting>(conn)
        .map(|s| s.value)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Every tenant endpoint, as (method, path, body) for a tenant slug and ids in it.
fn plan_body() -> serde_json::Value {
    json!({ "title": "Ingebroken plan", "kind": "ivp", "startYear": 2023, "endYear": 2026 })
}

fn tenant_endpoints(
    slug: &str,
    municipality: &str,
    district: &str,
    user: &str,
    plan: &str,
    priority: &str,
    action: &str,
) -> Vec<(&'static str, String, Option<serde_json::Value>)> {
    let m = format!("/api/v1/tenants/{slug}/municipalities");
    let u = format!("/api/v1/tenants/{slug}/users");
    let area = json!({ "name": "Ingebroken" });
    let user_body = json!({ "displayName": "X", "roles": [{ "role": "viewer" }] });
    vec![
        ("GET", format!("/api/v1/tenants/{slug}"), None),
        ("GET", m.clone(), None),
        ("POST", m.clone(), Some(area.clone())),
        ("GET", format!("{m}/{municipality}"), None),
        ("PUT", format!("{m}/{municipality}"), Some(area.clone())),
        ("GET", format!("{m}/{municipality}/districts"), None),
        (
            "POST",
            format!("{m}/{municipality}/districts"),
            Some(area.clone()),
        ),
        (
            "PUT",
            format!("{m}/{municipality}/districts/{district}"),
            Some(area),
        ),
        ("GET", u.clone(), None),
        (
            "POST",
            u.clone(),
            Some(
                json!({ "email": "spy@x.example", "displayName": "Spy", "roles": [{ "role": "viewer" }] }),
            ),
        ),
        ("GET", format!("{u}/{user}"), None),
        ("PUT", format!("{u}/{user}"), Some(user_body)),
        ("DELETE", format!("{u}/{user}"), None),
        ("GET", format!("/api/v1/tenants/{slug}/plans"), None),
        (
            "POST",
            format!("/api/v1/tenants/{slug}/plans"),
            Some(plan_body()),
        ),
        ("GET", format!("/api/v1/tenants/{slug}/plans/{plan}"), None),
        (
            "PUT",
            format!("/api/v1/tenants/{slug}/plans/{plan}"),
            Some(plan_body()),
        ),
        (
            "DELETE",
            format!("/api/v1/tenants/{slug}/plans/{plan}"),
            None,
        ),
        ("GET", format!("/api/v1/tenants/{slug}/priorities"), None),
        (
            "POST",
            format!("/api/v1/tenants/{slug}/priorities"),
            Some(json!({ "planId": plan, "title": "X", "scope": "cooperation" })),
        ),
        (
            "GET",
            format!("/api/v1/tenants/{slug}/priorities/{priority}"),
            None,
        ),
        (
            "PUT",
            format!("/api/v1/tenants/{slug}/priorities/{priority}"),
            Some(json!({ "planId": plan, "title": "X", "scope": "cooperation" })),
        ),
        (
            "DELETE",
            format!("/api/v1/tenants/{slug}/priorities/{priority}"),
            None,
        ),
        ("GET", format!("/api/v1/tenants/{slug}/actions"), None),
        (
            "POST",
            format!("/api/v1/tenants/{slug}/actions"),
            Some(json!({ "priorityId": priority, "title": "X" })),
        ),
        (
            "GET",
            format!("/api/v1/tenants/{slug}/actions/{action}"),
            None,
        ),
        (
            "PUT",
            format!("/api/v1/tenants/{slug}/actions/{action}"),
            Some(json!({ "priorityId": priority, "title": "X" })),
        ),
        (
            "DELETE",
            format!("/api/v1/tenants/{slug}/actions/{action}"),
            None,
        ),
        ("GET", format!("/api/v1/tenants/{slug}/audit-events"), None),
    ]
}

async fn seed(app: &TestApp, tenant: &crate::helpers::TestTenant, name: &str) -> (String, String) {
    let res = app
        .create_municipality(tenant.slug(), &tenant.admin_token, name)
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let mid = res.body["id"].as_str().expect("id").to_owned();
    let res = app
        .post(
            &format!(
                "/api/v1/tenants/{}/municipalities/{mid}/districts",
                tenant.slug()
            ),
            &tenant.admin_token,
            &json!({ "name": format!("Wijk van {name}") }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    (mid, res.body["id"].as_str().expect("id").to_owned())
}

#[actix_rt::test]
async fn a_member_of_one_tenant_gets_404_everywhere_in_another() {
    let app = spawn_app().await;
    let a = app.tenant("alpha").await;
    let b = app.tenant("beta").await;
    let (b_m, b_d) = seed(&app, &b, "Beuningen").await;
    let (a_m, a_d) = seed(&app, &a, "Apeldoorn").await;
    let b_admin = b.admin_id.to_string();
    let b_plan = app.create(&b, "plans", &plan_body()).await;
    let priority = json!({ "planId": b_plan, "title": "Ondermijning", "scope": "cooperation" });
    let b_priority = app.create(&b, "priorities", &priority).await;
    let action = json!({ "priorityId": b_priority, "title": "Bestuurlijke rapportage" });
    let b_action = app.create(&b, "actions", &action).await;

    for (method, path, body) in tenant_endpoints(
        b.slug(),
        &b_m,
        &b_d,
        &b_admin,
        &b_plan,
        &b_priority,
        &b_action,
    ) {
        let res = app
            .request(method, &path, Some(&a.admin_token), body.as_ref())
            .await;
        assert_eq!(res.status.as_u16(), 404, "{method} {path}: {}", res.text);
        assert_eq!(res.problem_code(), "not_found");
        // Exactly as a tenant that does not exist.
        let missing = path.replacen(b.slug(), "does-not-exist", 1);
        let res2 = app
            .request(method, &missing, Some(&a.admin_token), body.as_ref())
            .await;
        assert_eq!(res2.status, res.status);
        assert_eq!(res2.body["detail"], res.body["detail"], "{method} {path}");
    }
    // B's ids under A's own path are simply not there either.
    for (method, path, body) in tenant_endpoints(
        a.slug(),
        &b_m,
        &b_d,
        &b_admin,
        &b_plan,
        &b_priority,
        &b_action,
    ) {
        let is_collection = [
            "/municipalities",
            "/users",
            "/plans",
            "/priorities",
            "/actions",
            "/audit-events",
        ]
        .iter()
        .any(|c| path.ends_with(c));
        if path.ends_with(a.slug()) || is_collection {
            continue;
        }
        let res = app
            .request(method, &path, Some(&a.admin_token), body.as_ref())
            .await;
        assert_eq!(res.status.as_u16(), 404, "{method} {path}: {}", res.text);
    }
    // A's audit trail names none of B's data.
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/audit-events?pageSize=100", a.slug()),
            &a.admin_token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 200);
    for b_id in [&b_m, &b_d, &b_plan, &b_priority, &b_action] {
        assert!(!res.text.contains(b_id.as_str()), "{}", res.text);
    }
    // Nothing of B changed, and A's own data is intact.
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/municipalities", b.slug()),
            &b.admin_token,
        )
        .await;
    assert_eq!(res.body["total"], 1);
    assert_eq!(res.body["items"][0]["name"], "Beuningen");
    assert_eq!(
        res.body["items"][0]["districts"][0]["name"],
        "Wijk van Beuningen"
    );
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/municipalities/{a_m}/districts",
                a.slug()
            ),
            &a.admin_token,
        )
        .await;
    assert_eq!(res.body["items"][0]["id"], a_d.as_str());
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/users", b.slug()),
            &b.admin_token,
        )
        .await;
    assert_eq!(res.body["total"], 1, "{}", res.text);
    // B's plan, priority and action point survived every attempt, unchanged.
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/plans/{b_plan}", b.slug()),
            &b.admin_token,
        )
        .await;
    assert_eq!(res.body["title"], "Ingebroken plan");
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/priorities/{b_priority}", b.slug()),
            &b.admin_token,
        )
        .await;
    assert_eq!(res.body["title"], "Ondermijning");
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/actions/{b_action}", b.slug()),
            &b.admin_token,
        )
        .await;
    assert_eq!(res.body["title"], "Bestuurlijke rapportage");
    for collection in ["plans", "priorities", "actions"] {
        let res = app
            .get(
                &format!("/api/v1/tenants/{}/{collection}", b.slug()),
                &b.admin_token,
            )
            .await;
        assert_eq!(res.body["total"], 1, "{collection}");
    }
}

#[actix_rt::test]
async fn indicators_and_measurements_of_another_tenant_answer_404() {
    let app = spawn_app().await;
    let a = crate::helpers::PlanSetup::new(&app, "alpha").await;
    let b = crate::helpers::PlanSetup::new(&app, "beta").await;
    let b_ind = app.create(&b.t, "indicators", &b.misdrijven()).await;
    let b_val = json!({ "municipalityId": b.ermelo, "period": "2021", "value": 870 });
    let b_m = app
        .record_measurement(b.slug(), &b.t.admin_token, &b_ind, &b_val)
        .await
        .id();
    let a_ind = app.create(&a.t, "indicators", &a.misdrijven()).await;
    let tok = &a.t.admin_token;
    let a_val = json!({ "municipalityId": a.ermelo, "period": "2021", "value": 1 });

    let endpoints = |slug: &str| {
        let i = format!("/api/v1/tenants/{slug}/indicators");
        vec![
            ("GET", i.clone(), None),
            ("POST", i.clone(), Some(a.misdrijven())),
            ("GET", format!("{i}/{b_ind}"), None),
            ("PUT", format!("{i}/{b_ind}"), Some(a.misdrijven())),
            ("DELETE", format!("{i}/{b_ind}"), None),
            ("GET", format!("{i}/{b_ind}/measurements"), None),
            (
                "POST",
                format!("{i}/{b_ind}/measurements"),
                Some(a_val.clone()),
            ),
            ("GET", format!("{i}/{b_ind}/measurements/{b_m}"), None),
            ("DELETE", format!("{i}/{b_ind}/measurements/{b_m}"), None),
            (
                "GET",
                format!("/api/v1/tenants/{slug}/measurement-exports"),
                None,
            ),
        ]
    };
    // With B's slug: the tenant is not A's.
    for (method, path, body) in endpoints(b.slug()) {
        let res = app.request(method, &path, Some(tok), body.as_ref()).await;
        assert_eq!(res.status.as_u16(), 404, "{method} {path}: {}", res.text);
        assert_eq!(res.problem_code(), "not_found");
    }
    let res = app
        .import_measurements(b.slug(), tok, "indicator,period,value\nX,2021,1\n", false)
        .await;
    assert_eq!(res.status.as_u16(), 404, "{}", res.text);
    // With A's slug and B's ids: not there.
    for (method, path, body) in endpoints(a.slug()) {
        if path.ends_with("/indicators") || path.ends_with("/measurement-exports") {
            continue;
        }
        let res = app.request(method, &path, Some(tok), body.as_ref()).await;
        assert_eq!(res.status.as_u16(), 404, "{method} {path}: {}", res.text);
    }
    // B's measurement under A's own indicator is not there either.
    let res = app
        .delete(
            &format!(
                "/api/v1/tenants/{}/indicators/{a_ind}/measurements/{b_m}",
                a.slug()
            ),
            tok,
        )
        .await;
    assert_eq!(res.status.as_u16(), 404);
    // An import into A that names B's indicator id or B's municipality is refused, row by row.
    let csv = format!(
        "indicator_id,municipality,period,value\n{b_ind},Ermelo,2022,1\n{a_ind},Ermelo,2022,1\n"
    );
    let res = app.import_measurements(a.slug(), tok, &csv, false).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["rejectedRows"][0]["line"], 2);
    assert_eq!(res.body["rejectedRows"].as_array().map(Vec::len), Some(1));
    // A's export holds A's figures only; B's are untouched.
    let res = app.export_measurements(a.slug(), tok, "").await;
    // A's indicator with its two targets, no figures: one line per area, none of B's.
    assert_eq!(res.text.lines().count(), 3, "{}", res.text);
    assert!(
        res.text.contains(&a_ind) && !res.text.contains(&b_ind),
        "{}",
        res.text
    );
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/indicators/{b_ind}/measurements/{b_m}",
                b.slug()
            ),
            &b.t.admin_token,
        )
        .await;
    assert_eq!(res.body["value"], 870.0, "{}", res.text);
    assert_eq!(res.body["history"], json!([]));
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/indicators", b.slug()),
            &b.t.admin_token,
        )
        .await;
    assert_eq!(res.body["total"], 1);
    assert_eq!(
        res.body["items"][0]["name"],
        "Totaal misdrijven (excl. cybercrime)"
    );
}

/// One pooled connection serves tenant after tenant: statements it cached in one tenant's schema
/// must work, with the same result types, in the next one's.
#[actix_rt::test]
async fn one_connection_serves_indicators_of_tenant_after_tenant() {
    let app = spawn_app_with_pool_size(1).await;
    let mut setups = Vec::new();
    for prefix in ["een", "twee", "drie"] {
        setups.push(crate::helpers::PlanSetup::new(&app, prefix).await);
    }
    for round in 0..2 {
        for s in &setups {
            let tok = &s.t.admin_token;
            let ind = if round == 0 {
                app.create(&s.t, "indicators", &s.misdrijven()).await
            } else {
                let res = app
                    .get(&format!("/api/v1/tenants/{}/indicators", s.slug()), tok)
                    .await;
                res.item_field("id").pop().expect("indicator")
            };
            let body =
                json!({ "municipalityId": s.ermelo, "period": "2021", "value": 870 + round });
            let res = app.record_measurement(s.slug(), tok, &ind, &body).await;
            assert!(res.status.is_success(), "{}", res.text);
            let res = app
                .get(
                    &format!("/api/v1/tenants/{}/indicators/{ind}", s.slug()),
                    tok,
                )
                .await;
            assert_eq!(
                res.body["areas"][0]["latest"]["value"],
                f64::from(870 + round),
                "{}",
                res.text
            );
            let res = app
                .get(
                    &format!("/api/v1/tenants/{}/indicators/{ind}/measurements", s.slug()),
                    tok,
                )
                .await;
            assert_eq!(res.body["total"], 1, "{}", res.text);
            let res = app.export_measurements(s.slug(), tok, "").await;
            // Ermelo's figure, and Putten's target without one.
            assert_eq!(res.text.lines().count(), 3, "{}", res.text);
        }
    }
}

#[actix_rt::test]
async fn a_platform_admin_does_not_read_tenant_data() {
    let app = spawn_app().await;
    let a = app.tenant("padmin").await;
    let pa = app.platform_admin().await;
    let res = app
        .get(&format!("/api/v1/tenants/{}/municipalities", a.slug()), &pa)
        .await;
    assert_eq!(res.status.as_u16(), 404);
    let res = app
        .get(&format!("/api/v1/tenants/{}/users", a.slug()), &pa)
        .await;
    assert_eq!(res.status.as_u16(), 404);
    // But sees the tenant itself, to manage it.
    let res = app.get(&format!("/api/v1/tenants/{}", a.slug()), &pa).await;
    assert_eq!(res.status.as_u16(), 200);
}

#[actix_rt::test]
async fn a_pooled_connection_carries_no_tenant_state_after_a_request() {
    // One connection: the request and the check below use the same one.
    let app = spawn_app_with_pool_size(1).await;
    let a = app.tenant("pooled").await;
    seed(&app, &a, "Putten").await;
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/municipalities", a.slug()),
            &a.admin_token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 200);

    let pool = app.pool.clone();
    let schema = a.row.schema_name.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        assert_eq!(
            one(&mut conn, "SELECT current_setting('search_path') AS value"),
            "\"\""
        );
        assert_eq!(
            one(&mut conn, "SELECT current_user::text AS value"),
            crate::helpers::APP_ROLE
        );
        assert_eq!(
            one(&mut conn, "SELECT session_user::text AS value"),
            crate::helpers::APP_ROLE
        );

        // Outside the entry point, tenant tables cannot be found by name…
        let err = conn
            .batch_execute("SELECT * FROM municipalities")
            .expect_err("must fail");
        assert!(err.to_string().contains("does not exist"), "{err}");
        // …nor read by their qualified name: the login role inherits no tenant rights.
        let err = conn
            .batch_execute(&format!("SELECT * FROM \"{schema}\".municipalities"))
            .expect_err("must fail");
        assert!(err.to_string().contains("permission denied"), "{err}");
    })
    .await
    .expect("join");
}

#[actix_rt::test]
async fn inside_the_entry_point_another_tenants_schema_is_denied_by_postgres() {
    let app = spawn_app().await;
    let a = app.tenant("inside").await;
    let b = app.tenant("other").await;
    seed(&app, &b, "Beuningen").await;
    let pool = app.pool.clone();
    let (a_db, b_schema) = (a.db(), b.row.schema_name.clone());
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        // Its own tables work.
        run_in_tenant(&mut conn, &a_db, |tc| {
            tc.batch_execute("SELECT * FROM municipalities")
        })
        .expect("own schema readable");
        // Another tenant's schema and the platform's tables are refused by PostgreSQL itself; the
        // error rolls the tenant transaction back.
        for table in [
            format!("\"{b_schema}\".municipalities"),
            format!("\"{b_schema}\".measurements"),
            format!("\"{b_schema}\".measurement_history"),
            "platform.users".to_owned(),
        ] {
            let err = run_in_tenant(&mut conn, &a_db, |tc| {
                tc.batch_execute(&format!("SELECT * FROM {table}"))
            })
            .expect_err("must be refused");
            assert!(
                err.to_string().contains("permission denied"),
                "{table}: {err}"
            );
        }
        // After the entry point the connection is neutral again.
        assert_eq!(
            one(&mut conn, "SELECT current_user::text AS value"),
            crate::helpers::APP_ROLE
        );
    })
    .await
    .expect("join");
}

#[actix_rt::test]
async fn a_one_snapshot_transaction_reads_one_moment_writes_nothing_and_stays_in_its_tenant() {
    let app = spawn_app().await;
    let a = app.tenant("snapshot").await;
    let b = app.tenant("beside").await;
    seed(&app, &a, "Putten").await;
    let pool = app.pool.clone();
    let (a_db, b_schema) = (a.db(), b.row.schema_name.clone());
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        let mut other = pool.get().expect("second conn");
        let count = |conn: &mut PgConnection| {
            one(conn, "SELECT count(*)::text AS value FROM municipalities")
        };
        let (before, after) = run_in_tenant_one_snapshot(&mut conn, &a_db, |tc| {
            let before = count(tc);
            // Another connection adds a municipality and commits while this one reads.
            run_in_tenant(&mut other, &a_db, |tc| {
                tc.batch_execute(
                    "INSERT INTO municipalities (id, name, cbs_code) VALUES (gen_random_uuid(), 'Ermelo', 'GM0233')",
                )
            })
            .expect("insert beside");
            let after = count(tc);
            Ok::<_, diesel::result::Error>((before, after))
        })
        .expect("snapshot read");
        assert_eq!(before, after, "one snapshot sees no commit made after it began");
        assert_eq!(
            run_in_tenant(&mut conn, &a_db, |tc| Ok::<_, diesel::result::Error>(count(tc)))
                .expect("read"),
            (before.parse::<i64>().expect("a count") + 1).to_string(),
            "the next transaction sees it"
        );

        let err = run_in_tenant_one_snapshot(&mut conn, &a_db, |tc| {
            tc.batch_execute("DELETE FROM municipalities")
        })
        .expect_err("a snapshot transaction writes nothing");
        assert!(err.to_string().contains("read-only"), "{err}");
        let err = run_in_tenant_one_snapshot(&mut conn, &a_db, |tc| {
            tc.batch_execute(&format!("SELECT * FROM \"{b_schema}\".municipalities"))
        })
        .expect_err("another tenant's schema stays refused");
        assert!(err.to_string().contains("permission denied"), "{err}");

        assert_eq!(
            one(&mut conn, "SELECT current_user::text AS value"),
            crate::helpers::APP_ROLE
        );
        assert_eq!(
            one(&mut conn, "SELECT current_setting('transaction_isolation') AS value"),
            "read committed",
            "the next transaction on the connection has the default isolation again"
        );
    })
    .await
    .expect("join");
}

#[actix_rt::test]
async fn a_tenant_transaction_inside_another_transaction_hands_it_back_neutral() {
    let app = spawn_app().await;
    let a = app.tenant("nested").await;
    seed(&app, &a, "Putten").await;
    let pool = app.pool.clone();
    let a_db = a.db();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        conn.transaction(|conn| {
            let inside = run_in_tenant(conn, &a_db, |tc| {
                Ok::<_, diesel::result::Error>(one(tc, "SELECT current_user::text AS value"))
            })?;
            assert_eq!(inside, a_db.role.to_string());
            // Back in the outer transaction: the login role, and no tenant tables by name.
            assert_eq!(
                one(conn, "SELECT current_user::text AS value"),
                crate::helpers::APP_ROLE
            );
            assert_eq!(
                one(
                    conn,
                    "SELECT array_to_string(current_schemas(false), ',') AS value"
                ),
                ""
            );
            Ok::<_, diesel::result::Error>(())
        })
        .expect("outer transaction");
    })
    .await
    .expect("join");
}

#[actix_rt::test]
async fn concurrent_requests_of_many_tenants_never_see_each_others_rows() {
    let app = spawn_app().await;
    let mut tenants = vec![];
    for i in 0..4 {
        let t = app.tenant(&format!("conc{i}")).await;
        for j in 0..3 {
            let res = app
                .create_municipality(t.slug(), &t.admin_token, &format!("Gemeente {i}-{j}"))
                .await;
            assert_eq!(res.status.as_u16(), 201);
        }
        let viewer = app.member(&t, Role::Viewer, None).await;
        tenants.push((t, viewer, i));
    }
    let mut requests = vec![];
    for round in 0..25 {
        for (t, viewer, i) in &tenants {
            let token = if round % 2 == 0 {
                &t.admin_token
            } else {
                viewer
            };
            let path = format!("/api/v1/tenants/{}/municipalities", t.slug());
            let app = &app;
            requests.push(async move { (*i, app.get(&path, token).await) });
        }
    }
    let results = futures_util::future::join_all(requests).await;
    assert_eq!(results.len(), 100);
    for (i, res) in results {
        assert_eq!(res.status.as_u16(), 200, "{}", res.text);
        let items = res.body["items"].as_array().expect("items");
        assert_eq!(items.len(), 3);
        for m in items {
            let name = m["name"].as_str().unwrap_or("");
            assert!(
                name.starts_with(&format!("Gemeente {i}-")),
                "tenant {i} saw {name}"
            );
        }
    }
}

#[actix_rt::test]
async fn expert_groups_reviews_and_commitments_of_another_tenant_answer_404() {
    let app = spawn_app().await;
    let a = crate::expert_groups::GroupSetup::new(&app, "alpha").await;
    let b = crate::expert_groups::GroupSetup::new(&app, "beta").await;
    let b_review = app
        .post(
            &format!("{}/reviews", b.base()),
            &b.member_token,
            &json!({ "period": "2026-H1" }),
        )
        .await
        .id();
    let (_, b_bestuurder) = app.member_user(&b.p.t, Role::Bestuurder, None).await;
    let commitment = |p: &crate::helpers::PlanSetup, by: &uuid::Uuid| json!({ "reference": "26bb000713", "title": "Wijkgericht handhaven", "municipalityId": p.ermelo, "madeOn": "2026-01-22", "madeById": by });
    let b_commitment = app
        .create(&b.p.t, "commitments", &commitment(&b.p, &b_bestuurder))
        .await;
    let tok = &a.p.t.admin_token;
    let endpoints = |slug: &str| {
        let g = format!("/api/v1/tenants/{slug}/expert-groups/{}", b.group);
        let r = format!("{g}/reviews/{b_review}");
        let c = format!("/api/v1/tenants/{slug}/commitments");
        vec![
            ("GET", format!("/api/v1/tenants/{slug}/expert-groups"), None),
            ("GET", g.clone(), None),
            (
                "PUT",
                g.clone(),
                Some(json!({ "name": "X", "priorityIds": [b.p.coop_priority] })),
            ),
            ("DELETE", g.clone(), None),
            ("GET", format!("{g}/reviews"), None),
            (
                "POST",
                format!("{g}/reviews"),
                Some(json!({ "period": "2026-H2" })),
            ),
            ("GET", r.clone(), None),
            ("PUT", r.clone(), Some(b.complete_review())),
            ("DELETE", r.clone(), None),
            ("POST", format!("{r}/submit"), None),
            ("POST", format!("{r}/adopt"), None),
            (
                "POST",
                format!("{r}/send-back"),
                Some(json!({ "reason": "x" })),
            ),
            ("GET", c.clone(), None),
            ("GET", format!("{c}/{b_commitment}"), None),
            (
                "PUT",
                format!("{c}/{b_commitment}"),
                Some(commitment(&b.p, &b_bestuurder)),
            ),
            ("DELETE", format!("{c}/{b_commitment}"), None),
            (
                "GET",
                format!("/api/v1/tenants/{slug}/commitment-exports"),
                None,
            ),
        ]
    };
    // With B's slug: not A's tenant.
    for (method, path, body) in endpoints(b.p.slug()) {
        let res = app.request(method, &path, Some(tok), body.as_ref()).await;
        assert_eq!(res.status.as_u16(), 404, "{method} {path}: {}", res.text);
    }
    // With A's slug and B's ids: not there.
    for (method, path, body) in endpoints(a.p.slug()) {
        if path.ends_with("/expert-groups")
            || path.ends_with("/commitments")
            || path.ends_with("/commitment-exports")
        {
            continue;
        }
        let res = app.request(method, &path, Some(tok), body.as_ref()).await;
        assert_eq!(res.status.as_u16(), 404, "{method} {path}: {}", res.text);
    }
    // A cannot point at B's priorities, people or municipalities.
    let res = app
        .post(
            &format!("/api/v1/tenants/{}/expert-groups", a.p.slug()),
            tok,
            &json!({ "name": "Spion", "priorityIds": [b.p.coop_priority] }),
        )
        .await;
    assert_eq!(
        res.body["invalidParams"][0]["name"], "priorityIds[0]",
        "{}",
        res.text
    );
    let res = app
        .post(
            &format!("/api/v1/tenants/{}/expert-groups", a.p.slug()),
            tok,
            &json!({ "name": "Spion", "priorityIds": [a.p.coop_priority], "members": [{ "userId": b.member_id }] }),
        )
        .await;
    assert_eq!(
        res.body["invalidParams"][0]["name"], "members[0].userId",
        "{}",
        res.text
    );
    let res = app
        .post(
            &format!("/api/v1/tenants/{}/commitments", a.p.slug()),
            tok,
            &commitment(&b.p, &b_bestuurder),
        )
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "madeById");
    let res = app
        .send_raw(
            "POST",
            &format!("/api/v1/tenants/{}/commitment-imports", b.p.slug()),
            Some(tok),
            "text/csv",
            b"kenmerk,titel,gemeente,datum_toezegging,bestuurder\nX,Y,Ermelo,2026-01-01,x@y.nl\n"
                .to_vec(),
        )
        .await;
    assert_eq!(res.status.as_u16(), 404, "{}", res.text);
    // A's lists and export hold nothing of B; B's data is intact.
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/commitment-exports", a.p.slug()),
            tok,
        )
        .await;
    assert_eq!(res.text.lines().count(), 1, "{}", res.text);
    let res = app
        .get(&format!("{}/reviews", b.base()), &b.p.t.admin_token)
        .await;
    assert_eq!(res.body["total"], 1);
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/commitments", b.p.slug()),
            &b.p.t.admin_token,
        )
        .await;
    assert_eq!(res.body["total"], 1);
}

#[actix_rt::test]
async fn an_access_token_from_a_cookie_refresh_sees_only_its_own_tenant() {
    let app = spawn_app().await;
    let veluwe = app.tenant("veluwe-west").await;
    let other = app.tenant("tweestromenland").await;
    let (own_m, _) = seed(&app, &veluwe, "Ermelo").await;
    let (other_m, _) = seed(&app, &other, "Tiel").await;
    let (token, _) = app.member_user(&veluwe, Role::Coordinator, None).await;
    let me = app.get("/api/v1/me", &token).await;
    let email = me.body["email"].as_str().expect("email").to_owned();

    // Signed in as the web UI is: the session in the cookie, a new access token by refresh.
    let login = app.login_web(&email, PASSWORD).await;
    assert_eq!(login.status.as_u16(), 200, "{}", login.text);
    let res = app
        .refresh_web(Some(&login.refresh_cookie().expect("cookie")), true)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let access = res.body["accessToken"].as_str().expect("at").to_owned();

    let own = format!("/api/v1/tenants/{}/municipalities/{own_m}", veluwe.slug());
    assert_eq!(app.get(&own, &access).await.status.as_u16(), 200);
    for path in [
        format!("/api/v1/tenants/{}", other.slug()),
        format!("/api/v1/tenants/{}/municipalities", other.slug()),
        format!("/api/v1/tenants/{}/municipalities/{other_m}", other.slug()),
        format!("/api/v1/tenants/{}/municipalities/{other_m}", veluwe.slug()),
    ] {
        let res = app.get(&path, &access).await;
        assert_eq!(res.status.as_u16(), 404, "{path}: {}", res.text);
        assert_eq!(res.problem_code(), "not_found");
    }
}

/// Lists carry their related rows in the list's own (prepared, cached) statement: one pooled
/// connection serving cooperation after cooperation must give each only its own related rows.
#[actix_rt::test]
async fn one_connection_serves_related_rows_of_tenant_after_tenant() {
    let app = spawn_app_with_pool_size(1).await;
    let mut setups = Vec::new();
    for prefix in ["rel-a", "rel-b"] {
        let g = crate::expert_groups::GroupSetup::new(&app, prefix).await;
        let (_, bestuurder) = app.member_user(&g.p.t, Role::Bestuurder, None).await;
        app.create(
            &g.p.t,
            "commitments",
            &json!({ "reference": "26rel001", "title": "Wijkgericht handhaven",
                     "municipalityId": g.p.ermelo, "madeOn": "2026-01-22",
                     "madeById": bestuurder, "priorityIds": [g.p.coop_priority] }),
        )
        .await;
        setups.push(g);
    }
    let ids = |items: &serde_json::Value, field: &str, key: &str| -> Vec<String> {
        let mut out: Vec<String> = items
            .as_array()
            .expect("items")
            .iter()
            .flat_map(|i| i[field].as_array().expect("related").clone())
            .filter_map(|r| r[key].as_str().map(str::to_owned))
            .collect();
        out.sort();
        out
    };
    for _ in 0..3 {
        for g in &setups {
            let (slug, tok) = (g.p.slug(), &g.p.t.admin_token);
            let groups = app
                .get(&format!("/api/v1/tenants/{slug}/expert-groups"), tok)
                .await;
            assert_eq!(groups.status.as_u16(), 200, "{}", groups.text);
            let mut own = vec![g.p.coop_priority.clone(), g.p.ermelo_priority.clone()];
            own.sort();
            assert_eq!(
                ids(&groups.body["items"], "priorities", "id"),
                own,
                "{slug}"
            );
            assert_eq!(
                ids(&groups.body["items"], "members", "userId"),
                vec![g.member_id.to_string()],
                "{slug}"
            );
            let commitments = app
                .get(&format!("/api/v1/tenants/{slug}/commitments"), tok)
                .await;
            assert_eq!(commitments.status.as_u16(), 200, "{}", commitments.text);
            assert_eq!(
                ids(&commitments.body["items"], "priorities", "id"),
                vec![g.p.coop_priority.clone()],
                "{slug}"
            );
            assert_eq!(commitments.body["items"][0]["municipalityName"], "Ermelo");
        }
    }
}
