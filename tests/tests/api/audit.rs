use api::db::run_in_tenant;
use api::domain::role::Role;
use diesel::RunQueryDsl;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestTenant, spawn_app};

async fn events(app: &TestApp, t: &TestTenant, query: &str) -> Vec<Value> {
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/audit-events?pageSize=100{query}",
                t.slug()
            ),
            &t.admin_token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    res.body["items"].as_array().expect("items").clone()
}

#[actix_rt::test]
async fn every_write_leaves_an_event_with_before_and_after_and_reads_leave_none() {
    let app = spawn_app().await;
    let t = app.tenant("audit").await;
    let slug = t.slug().to_owned();
    let tok = &t.admin_token;

    let ermelo = app.create_municipality(&slug, tok, "Ermelo").await.id();
    let path = format!("/api/v1/tenants/{slug}/municipalities/{ermelo}");
    let res = app
        .put(
            &path,
            tok,
            &json!({ "name": "Ermelo", "cbsCode": "GM0233" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let plan = app
        .create(
            &t,
            "plans",
            &json!({ "title": "IVP 2026", "kind": "ivp", "startYear": 2026, "endYear": 2026 }),
        )
        .await;
    let action_plan_priority = app
        .create(
            &t,
            "priorities",
            &json!({ "planId": plan, "title": "Ondermijning", "scope": "cooperation" }),
        )
        .await;
    let action = app
        .create(
            &t,
            "actions",
            &json!({ "priorityId": action_plan_priority, "title": "Bestuurlijke weerbaarheid" }),
        )
        .await;
    let res = app
        .delete(&format!("/api/v1/tenants/{slug}/actions/{action}"), tok)
        .await;
    assert_eq!(res.status.as_u16(), 204);

    let all = events(&app, &t, "").await;
    let summary: Vec<(String, String)> = all
        .iter()
        .rev()
        .map(|e| {
            (
                e["entityType"].as_str().expect("text").to_owned(),
                e["action"].as_str().expect("text").to_owned(),
            )
        })
        .collect();
    let expected = [
        // The first tenant admin, at provisioning.
        ("member", "create"),
        ("municipality", "create"),
        ("municipality", "update"),
        ("plan", "create"),
        ("priority", "create"),
        ("action", "create"),
        ("action", "delete"),
    ];
    assert_eq!(
        summary,
        expected.map(|(a, b)| (a.to_owned(), b.to_owned())),
        "{all:#?}"
    );
    for e in &all[..all.len() - 1] {
        assert_eq!(e["actorId"], t.admin_id.to_string());
        assert_eq!(e["actorName"], "Beheerder");
    }
    // Provisioning is done by the platform itself.
    assert_eq!(all[all.len() - 1]["actorName"], "systeem");
    let update = &all[4];
    assert_eq!(update["entityId"], ermelo);
    assert_eq!(update["changedFields"], json!(["cbs_code"]));
    assert_eq!(update["before"]["cbs_code"], Value::Null);
    assert_eq!(update["after"]["cbs_code"], "GM0233");
    assert_eq!(update["after"]["name"], "Ermelo");
    let deleted = &all[0];
    assert_eq!(deleted["after"], Value::Null);
    assert_eq!(deleted["before"]["title"], "Bestuurlijke weerbaarheid");

    // Filters by entity and actor.
    let only = events(
        &app,
        &t,
        &format!("&entityType=municipality&entityId={ermelo}"),
    )
    .await;
    assert_eq!(only.len(), 2);
    let someone_else = uuid::Uuid::new_v4();
    assert!(
        events(&app, &t, &format!("&actorId={someone_else}"))
            .await
            .is_empty()
    );

    // Reads leave nothing.
    let before = all.len();
    for p in [
        "municipalities",
        "plans",
        "priorities",
        "actions",
        "indicators",
    ] {
        let res = app.get(&format!("/api/v1/tenants/{slug}/{p}"), tok).await;
        assert_eq!(res.status.as_u16(), 200);
    }
    app.get(&path, tok).await;
    assert_eq!(events(&app, &t, "").await.len(), before);

    // Saving the same fields again is no change.
    app.put(
        &path,
        tok,
        &json!({ "name": "Ermelo", "cbsCode": "GM0233" }),
    )
    .await;
    assert_eq!(events(&app, &t, "").await.len(), before);

    // Unknown filter values are named.
    let res = app
        .get(
            &format!("/api/v1/tenants/{slug}/audit-events?entityType=taart"),
            tok,
        )
        .await;
    assert_eq!(res.status.as_u16(), 400, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "entityType");
}

#[actix_rt::test]
async fn member_changes_are_recorded_too() {
    let app = spawn_app().await;
    let t = app.tenant("auditusers").await;
    let base = format!("/api/v1/tenants/{}/users", t.slug());
    let res = app
        .post(&base, &t.admin_token, &json!({ "email": "olga@example.nl", "displayName": "Olga Brouwer", "roles": [{ "role": "expert" }] }))
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let id = res.body["id"].as_str().expect("text").to_owned();
    let res = app
        .put(
            &format!("{base}/{id}"),
            &t.admin_token,
            &json!({ "displayName": "Olga Brouwer", "roles": [{ "role": "coordinator" }] }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let res = app.delete(&format!("{base}/{id}"), &t.admin_token).await;
    assert_eq!(res.status.as_u16(), 204);

    let got = events(&app, &t, &format!("&entityType=member&entityId={id}")).await;
    let actions: Vec<&str> = got
        .iter()
        .rev()
        .map(|e| e["action"].as_str().expect("text"))
        .collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    assert_eq!(got[1]["changedFields"], json!(["roles"]));
    assert_eq!(got[1]["before"]["roles"][0]["role"], "expert");
    assert_eq!(got[1]["after"]["roles"][0]["role"], "coordinator");
    assert_eq!(got[0]["before"]["email"], "olga@example.nl");
}

#[actix_rt::test]
async fn the_trail_is_read_by_admins_and_coordinators_only_and_never_changes() {
    let app = spawn_app().await;
    let t = app.tenant("auditroles").await;
    app.create_municipality(t.slug(), &t.admin_token, "Putten")
        .await;
    let path = format!("/api/v1/tenants/{}/audit-events", t.slug());
    let scoped = app.member(&t, Role::Coordinator, None).await;
    assert_eq!(app.get(&path, &scoped).await.status.as_u16(), 200);
    for role in [Role::Expert, Role::Bestuurder, Role::Viewer] {
        let tok = app.member(&t, role, None).await;
        let res = app.get(&path, &tok).await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}");
    }
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let res = app
            .request(method, &path, Some(&t.admin_token), Some(&json!({})))
            .await;
        assert_eq!(res.status.as_u16(), 405, "{method}");
    }

    // Not even the tenant's own database role can rewrite history.
    let pool = app.pool.clone();
    let db = t.db();
    let (update, delete) = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        let update = run_in_tenant(&mut conn, &db, |tc| {
            diesel::sql_query("UPDATE audit_events SET actor_id = NULL").execute(&mut **tc)
        });
        let delete = run_in_tenant(&mut conn, &db, |tc| {
            diesel::sql_query("DELETE FROM audit_events").execute(&mut **tc)
        });
        (update, delete)
    })
    .await
    .expect("join");
    assert!(update.is_err() && delete.is_err(), "{update:?} {delete:?}");
    // The first admin's membership and the municipality.
    assert_eq!(events(&app, &t, "").await.len(), 2);
}

/// Each kind of tenant data the trail knows is really recorded: a walk through writes of every
/// kind leaves events of every entity type, and every tenant table with data has a trigger.
#[actix_rt::test]
async fn every_kind_of_tenant_data_is_recorded() {
    let app = spawn_app().await;
    let s = crate::expert_groups::GroupSetup::new(&app, "auditall").await;
    let t = &s.p.t;
    let slug = s.p.slug().to_owned();
    let tok = &t.admin_token;
    let res = app
        .post(
            &format!(
                "/api/v1/tenants/{slug}/municipalities/{}/districts",
                s.p.ermelo
            ),
            tok,
            &json!({ "name": "Centrum" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    app.create(
        t,
        "actions",
        &json!({ "priorityId": s.p.coop_priority, "title": "Controles" }),
    )
    .await;
    let indicator = app.create(t, "indicators", &s.p.misdrijven()).await;
    let mut review = s.complete_review();
    review["period"] = json!("2026-H1");
    review["measurements"] = json!([{ "indicatorId": indicator, "municipalityId": s.p.ermelo, "period": "2026-H1", "value": 400 }]);
    let res = app
        .post(&format!("{}/reviews", s.base()), &s.member_token, &review)
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let (_, bestuurder) = app.member_user(t, Role::Bestuurder, None).await;
    app.create(t, "commitments", &json!({
        "reference": "A-1", "title": "Toezegging", "municipalityId": s.p.ermelo, "madeOn": "2026-01-22",
        "madeById": bestuurder, "priorityIds": [s.p.coop_priority]
    }))
    .await;
    let plans = app.get(&format!("/api/v1/tenants/{slug}/plans"), tok).await;
    let plan = plans.body["items"][0]["id"].clone();
    let res = app
        .post(
            &format!("/api/v1/tenants/{slug}/safety-letters"),
            tok,
            &json!({ "planId": plan, "period": "2025" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 202, "{}", res.text);
    let res = app
        .put(
            &format!("/api/v1/tenants/{slug}/safety-letter-schedule"),
            tok,
            &json!({ "enabled": true, "halfYearly": true, "dueDays": 45, "leadDays": 14 }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let res = app
        .post(&format!("/api/v1/tenants/{slug}/users"), tok, &json!({ "email": "nieuw@example.nl", "displayName": "Nieuw Lid", "roles": [{ "role": "viewer" }] }))
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);

    let mut seen = std::collections::BTreeSet::new();
    let mut page = 1;
    loop {
        let res = app
            .get(
                &format!("/api/v1/tenants/{slug}/audit-events?pageSize=100&page={page}"),
                tok,
            )
            .await;
        let items = res.body["items"].as_array().expect("items").clone();
        for e in &items {
            seen.insert(e["entityType"].as_str().expect("type").to_owned());
        }
        if items.len() < 100 {
            break;
        }
        page += 1;
    }
    let expected: std::collections::BTreeSet<String> = api::domain::audit::ENTITY_TYPES
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(seen, expected);

    // Every table of the tenant schema but the trail itself and the measurement history (which
    // is a trail of its own) carries the audit trigger.
    let pool = app.pool.clone();
    let db = t.db();
    let untriggered: Vec<String> = tokio::task::spawn_blocking(move || {
        #[derive(diesel::QueryableByName)]
        struct Name {
            #[diesel(sql_type = diesel::sql_types::Text)]
            name: String,
        }
        let mut conn = pool.get().expect("conn");
        run_in_tenant(&mut conn, &db, |tc| {
            diesel::sql_query(
                "SELECT c.relname::text AS name FROM pg_class c
                 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                   AND c.relname NOT IN ('audit_events', 'measurement_history', 'safety_letter_documents', '__diesel_schema_migrations')
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'audit')
                 ORDER BY 1",
            )
            .load::<Name>(&mut **tc)
        })
        .expect("query")
        .into_iter()
        .map(|n| n.name)
        .collect()
    })
    .await
    .expect("join");
    assert!(
        untriggered.is_empty(),
        "tables without audit trigger: {untriggered:?}"
    );
}
