use api::domain::email::EmailAddress;
use api::domain::password::NewPassword;
use api::domain::slug::TenantSlug;
use api::repo::spare_schemas;
use api::services::ServiceError;
use api::services::provisioning::{NewTenant, ProvisionStep, create_tenant_with_hook};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use serde_json::json;

use crate::helpers::{Count, PASSWORD, TestApp, spawn_app, superuser_conn};
use crate::mailcatcher::worker_command;

#[actix_rt::test]
async fn a_platform_admin_creates_lists_suspends_and_reactivates_tenants() {
    let app = spawn_app().await;
    let pa = app.platform_admin().await;
    let body = json!({
        "slug": "veluwe-west",
        "name": "Veluwe-West",
        "admin": { "email": "Beheer@Veluwe-West.example", "displayName": "Maaike Visser", "password": PASSWORD }
    });
    let res = app.post("/api/v1/tenants", &pa, &body).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(res.body["slug"], "veluwe-west");
    assert_eq!(res.body["status"], "active");
    assert_eq!(
        res.headers
            .get("Location")
            .map(|v| v.to_str().unwrap_or("")),
        Some("/api/v1/tenants/veluwe-west")
    );

    // Again: conflict, nothing changes.
    let res = app.post("/api/v1/tenants", &pa, &body).await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "tenant_exists");

    let res = app.get("/api/v1/tenants", &pa).await;
    let slugs = res.item_field("slug");
    assert_eq!(slugs, ["veluwe-west"]);

    // The first admin works in the new tenant straight away.
    let admin = app.token_for("beheer@veluwe-west.example").await;
    let path = "/api/v1/tenants/veluwe-west/municipalities";
    assert_eq!(
        app.create_municipality("veluwe-west", &admin, "Ermelo")
            .await
            .status
            .as_u16(),
        201
    );

    let res = app
        .patch(
            "/api/v1/tenants/veluwe-west",
            &pa,
            &json!({ "status": "suspended" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["status"], "suspended");
    let res = app.get(path, &admin).await;
    assert_eq!(res.status.as_u16(), 403);
    assert_eq!(res.problem_code(), "tenant_suspended");

    let res = app
        .patch(
            "/api/v1/tenants/veluwe-west",
            &pa,
            &json!({ "status": "active" }),
        )
        .await;
    assert_eq!(res.body["status"], "active");
    let res = app.get(path, &admin).await;
    assert_eq!(res.status.as_u16(), 200);
    assert_eq!(res.body["items"][0]["name"], "Ermelo");

    let res = app
        .patch(
            "/api/v1/tenants/veluwe-west",
            &pa,
            &json!({ "status": "deleted" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(res.body["invalidParams"][0]["name"], "status");
    let res = app
        .patch("/api/v1/tenants/nope", &pa, &json!({ "status": "active" }))
        .await;
    assert_eq!(res.status.as_u16(), 404);
}

#[actix_rt::test]
async fn only_platform_admins_manage_tenants_and_slugs_are_validated() {
    let app = spawn_app().await;
    let tenant = app.tenant("plain").await;
    let body = json!({ "slug": "nieuw", "name": "Nieuw", "admin": { "email": "a@nieuw.example", "displayName": "A", "password": PASSWORD } });
    for (method, path) in [("GET", "/api/v1/tenants"), ("POST", "/api/v1/tenants")] {
        let res = app
            .request(method, path, Some(&tenant.admin_token), Some(&body))
            .await;
        assert_eq!(res.status.as_u16(), 403, "{method} {path}");
        assert_eq!(res.problem_code(), "forbidden");
    }
    let res = app
        .patch(
            &format!("/api/v1/tenants/{}", tenant.slug()),
            &tenant.admin_token,
            &json!({ "status": "suspended" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 403);

    let pa = app.platform_admin().await;
    for bad in ["Veluwe", "veluwe_west", "-x", "a", "a--b", "ümlaut"] {
        let mut b = body.clone();
        b["slug"] = json!(bad);
        let res = app.post("/api/v1/tenants", &pa, &b).await;
        assert_eq!(res.status.as_u16(), 400, "{bad}: {}", res.text);
        assert_eq!(res.body["invalidParams"][0]["name"], "slug");
    }
    // A new admin account needs a password.
    let mut b = body.clone();
    b["admin"] = json!({ "email": "a@nieuw.example", "displayName": "A" });
    let res = app.post("/api/v1/tenants", &pa, &b).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "password");
}

#[actix_rt::test]
async fn a_failure_at_any_step_leaves_no_half_tenant_behind() {
    let app = spawn_app().await;
    for fail_at in [
        ProvisionStep::TenantRecorded,
        ProvisionStep::SchemaCreated,
        ProvisionStep::Migrated,
        ProvisionStep::AdminCreated,
    ] {
        let pool = app.pool.clone();
        let (result, attempted) = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("conn");
            let new = NewTenant {
                slug: TenantSlug::parse("half-tenant").expect("slug"),
                name: "Half".into(),
                admin_email: EmailAddress::parse("first-admin@half.example").expect("email"),
                admin_name: "Eerste".into(),
                admin_password: Some(NewPassword::parse(PASSWORD).expect("pw")),
            };
            let mut attempted = vec![];
            let result = create_tenant_with_hook(&mut conn, &new, |step, row| {
                attempted.push((step, row.role_name.clone()));
                if step == fail_at {
                    Err(ServiceError::Internal(format!(
                        "injected failure at {step:?}"
                    )))
                } else {
                    Ok(())
                }
            });
            (result.map(|_| ()), attempted)
        })
        .await
        .expect("join");
        assert!(result.is_err(), "{fail_at:?}");
        let (last_step, role_name) = attempted.last().cloned().expect("a step ran");
        assert_eq!(last_step, fail_at);

        let mut su = superuser_conn(&app.db_url);
        let count = |su: &mut PgConnection, sql: &str| {
            diesel::sql_query(sql).get_result::<Count>(su).expect(sql).n
        };
        assert_eq!(
            count(&mut su, "SELECT count(*) AS n FROM platform.tenants"),
            0,
            "{fail_at:?}"
        );
        assert_eq!(
            count(&mut su, "SELECT count(*) AS n FROM platform.users"),
            0,
            "{fail_at:?}"
        );
        assert_eq!(
            count(&mut su, "SELECT count(*) AS n FROM platform.memberships"),
            0,
            "{fail_at:?}"
        );
        assert_eq!(
            count(
                &mut su,
                "SELECT count(*) AS n FROM pg_namespace WHERE nspname LIKE 'tn\\_%'"
            ),
            0,
            "{fail_at:?}"
        );
        // Roles are cluster-wide and must not outlive a failed provisioning either.
        assert_eq!(
            count(
                &mut su,
                &format!("SELECT count(*) AS n FROM pg_roles WHERE rolname = '{role_name}'")
            ),
            0,
            "{fail_at:?}"
        );
    }
    // And then it succeeds for real.
    let pa = app.platform_admin().await;
    let res = app
        .post(
            "/api/v1/tenants",
            &pa,
            &json!({ "slug": "half-tenant", "name": "Heel", "admin": { "email": "first-admin@half.example", "displayName": "Eerste", "password": PASSWORD } }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
}

/// Runs `worker run-once` at `now` keeping `spares` spare schemas (no mail is due, so no mail
/// server). The job is queued once a minute: each call takes a minute of its own.
async fn worker_keeps(app: &TestApp, spares: u32, now: &str) {
    let mut c = worker_command(app, "smtp://127.0.0.1:9", &["run-once", "--now", now]);
    c.env("SPARE_SCHEMAS", spares.to_string());
    let out = tokio::task::spawn_blocking(move || c.output().expect("worker runs"))
        .await
        .expect("join");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

/// The spare schemas waiting, oldest first, as schema names.
fn spares(su: &mut PgConnection) -> Vec<String> {
    diesel::sql_query(
        "SELECT 'tn_' || replace(id::text, '-', '') AS name FROM platform.spare_schemas ORDER BY created_at",
    )
    .load::<Name>(su)
    .expect("spares")
    .into_iter()
    .map(|n| n.name)
    .collect()
}

/// The schema of the cooperation `slug`.
fn schema_of(su: &mut PgConnection, slug: &str) -> String {
    diesel::sql_query(format!(
        "SELECT schema_name AS name FROM platform.tenants WHERE slug = '{slug}'"
    ))
    .get_result::<Name>(su)
    .expect("tenant")
    .name
}

/// How many tenant migrations `schema` has applied.
fn applied(su: &mut PgConnection, schema: &str) -> i64 {
    diesel::sql_query(format!(
        "SELECT count(*) AS n FROM \"{schema}\".__diesel_schema_migrations"
    ))
    .get_result::<Count>(su)
    .expect("applied migrations")
    .n
}

#[actix_rt::test]
async fn provisioning_hands_out_a_spare_schema_the_worker_made_ahead_of_time() {
    use api::db::migrations::revert_tenant;
    use api::db::{TenantDb, run_in_tenant};
    use api::domain::tenant_names::DbName;

    let app = spawn_app().await;
    let pa = app.platform_admin().await;
    let mut su = superuser_conn(&app.db_url);

    worker_keeps(&app, 3, "2026-12-07T10:01:00Z").await;
    let ready = spares(&mut su);
    assert_eq!(ready.len(), 3, "the worker made the spares it keeps");
    let all_migrations = applied(&mut su, &ready[0]);
    assert!(all_migrations > 0);
    for spare in &ready {
        assert_eq!(
            applied(&mut su, spare),
            all_migrations,
            "{spare} is complete"
        );
    }

    let body = |slug: &str| json!({ "slug": slug, "name": slug, "admin": { "email": format!("admin@{slug}.example"), "displayName": "Beheer", "password": PASSWORD } });
    // The oldest spare becomes the new cooperation's schema.
    let res = app.post("/api/v1/tenants", &pa, &body("eerste")).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(schema_of(&mut su, "eerste"), ready[0]);
    assert_eq!(spares(&mut su), ready[1..].to_vec());
    // It works as any cooperation does, for its admin.
    let token = app.token_for("admin@eerste.example").await;
    let res = app.create_municipality("eerste", &token, "Ermelo").await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);

    // A provisioning that fails (the slug is taken) leaves the spare it took ready.
    let res = app.post("/api/v1/tenants", &pa, &body("eerste")).await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(spares(&mut su), ready[1..].to_vec());

    // A spare made before an upgrade gets the migrations it lacks when it is handed out.
    let stale = ready[1].clone();
    let db = TenantDb::for_name(DbName::parse(&stale).expect("name"));
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        run_in_tenant(&mut pool.get().expect("conn"), &db, revert_tenant).expect("revert")
    })
    .await
    .expect("join");
    assert!(applied(&mut su, &stale) < all_migrations);
    let res = app.post("/api/v1/tenants", &pa, &body("tweede")).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(schema_of(&mut su, "tweede"), stale);
    assert_eq!(applied(&mut su, &stale), all_migrations);
    // A cooperation from a spare starts empty and is its own: the first one's admin cannot reach it.
    let second = app.token_for("admin@tweede.example").await;
    let res = app
        .get("/api/v1/tenants/tweede/municipalities", &second)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["total"], 0, "{}", res.text);
    let res = app
        .get("/api/v1/tenants/tweede/municipalities", &token)
        .await;
    assert_eq!(res.status.as_u16(), 404, "{}", res.text);

    // The next round makes up for what was handed out, and no more.
    worker_keeps(&app, 3, "2026-12-07T10:02:00Z").await;
    assert_eq!(spares(&mut su).len(), 3);
    worker_keeps(&app, 3, "2026-12-07T10:03:00Z").await;
    assert_eq!(spares(&mut su).len(), 3);

    // Two provisionings at once never get the same spare: the one taken in an open transaction
    // is skipped by the other, without waiting for it (a lock wait would fail after 2 s).
    let pool = app.pool.clone();
    let probe = tokio::task::spawn_blocking(move || {
        let (mut a, mut b) = (pool.get().expect("conn"), pool.get().expect("conn"));
        a.transaction::<(), _, _>(|a| {
            let first = spare_schemas::take(a)?;
            // Both transactions roll back (an Err), so the spares stay for what follows.
            let second = b.transaction::<(), _, _>(|b| {
                b.batch_execute("SET LOCAL lock_timeout = '2s'")?;
                Err(Probe::Taken(None, spare_schemas::take(b)?))
            });
            match second {
                Err(Probe::Taken(None, second)) => Err(Probe::Taken(first, second)),
                Err(other) => Err(other),
                Ok(()) => unreachable!("the transaction always rolls back"),
            }
        })
    })
    .await
    .expect("join");
    match probe {
        Err(Probe::Taken(Some(first), Some(second))) => assert_ne!(first, second),
        other => panic!("both take a spare: {other:?}"),
    }
    assert_eq!(spares(&mut su).len(), 3);

    // A provisioning that fails after it took a spare leaves it ready, schema and role.
    let ready = spares(&mut su);
    let pool = app.pool.clone();
    let failed = tokio::task::spawn_blocking(move || {
        let new = NewTenant {
            slug: TenantSlug::parse("mislukt").expect("slug"),
            name: "Mislukt".into(),
            admin_email: EmailAddress::parse("admin@mislukt.example").expect("email"),
            admin_name: "Beheer".into(),
            admin_password: Some(NewPassword::parse(PASSWORD).expect("pw")),
        };
        create_tenant_with_hook(&mut pool.get().expect("conn"), &new, |step, row| {
            if step == ProvisionStep::AdminCreated {
                Err(ServiceError::Internal(format!(
                    "injected after {}",
                    row.schema_name
                )))
            } else {
                Ok(())
            }
        })
        .map(|_| ())
    })
    .await
    .expect("join");
    assert!(failed.is_err());
    assert_eq!(spares(&mut su), ready);
    assert_eq!(applied(&mut su, &ready[0]), all_migrations);

    // A spare whose schema is gone is passed over (and forgotten by the next round), so it
    // cannot block every provisioning after it.
    let broken = ready[0].clone();
    su.batch_execute(&format!("DROP SCHEMA \"{broken}\" CASCADE"))
        .expect("schema dropped");
    let res = app.post("/api/v1/tenants", &pa, &body("derde")).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(schema_of(&mut su, "derde"), ready[1]);
    assert!(spares(&mut su).contains(&broken));
    worker_keeps(&app, 3, "2026-12-07T10:05:00Z").await;
    let now = spares(&mut su);
    assert!(!now.contains(&broken), "{now:?}");
    assert_eq!(now.len(), 3);
    let res = app.post("/api/v1/tenants", &pa, &body("vierde")).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);

    // Without spares, provisioning makes its own schema.
    worker_keeps(&app, 0, "2026-12-07T10:04:00Z").await;
    let left = spares(&mut su);
    assert_eq!(left.len(), 2, "the worker with 0 makes none");
    for slug in ["vijfde", "zesde", "zevende"] {
        let res = app.post("/api/v1/tenants", &pa, &body(slug)).await;
        assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    }
    assert!(!left.contains(&schema_of(&mut su, "zevende")));
    assert!(spares(&mut su).is_empty());
}

/// What two transactions taking spares at once got, or why they could not.
#[derive(Debug)]
enum Probe {
    Taken(Option<uuid::Uuid>, Option<uuid::Uuid>),
    Db(#[expect(dead_code, reason = "read by Debug, in the failure message")] String),
}

impl From<diesel::result::Error> for Probe {
    fn from(e: diesel::result::Error) -> Self {
        Probe::Db(e.to_string())
    }
}

impl From<api::db::DbError> for Probe {
    fn from(e: api::db::DbError) -> Self {
        Probe::Db(format!("{e:?}"))
    }
}
