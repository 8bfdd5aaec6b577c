use api::domain::role::Role;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{refused_with, spawn_app};

fn ivp() -> serde_json::Value {
    json!({
        "title": "Integraal Veiligheidsplan 2023-2026",
        "kind": "ivp",
        "startYear": 2023,
        "endYear": 2026,
        "status": "vastgesteld",
        "adoptedOn": "2023-01-26"
    })
}

#[actix_rt::test]
async fn plans_crud_filters_and_validation() {
    let app = spawn_app().await;
    let t = app.tenant("plannen").await;
    let tok = &t.admin_token;
    let base = format!("/api/v1/tenants/{}/plans", t.slug());

    let res = app.post(&base, tok, &ivp()).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let id = res.body["id"].as_str().expect("id").to_owned();
    assert_eq!(res.body["adoptedOn"], "2023-01-26");
    let res = app
        .post(&base, tok, &json!({ "title": "Uitvoeringsplan 2027", "kind": "uitvoeringsplan", "startYear": 2027, "endYear": 2027 }))
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(res.body["status"], "concept");
    let concept = res.body["id"].as_str().expect("id").to_owned();

    assert_eq!(
        app.get(&base, tok).await.item_field("title"),
        [
            "Uitvoeringsplan 2027",
            "Integraal Veiligheidsplan 2023-2026"
        ]
    );
    assert_eq!(
        app.get(&format!("{base}?year=2025"), tok)
            .await
            .item_field("kind"),
        ["ivp"]
    );
    assert_eq!(
        app.get(&format!("{base}?status=concept"), tok)
            .await
            .item_field("kind"),
        ["uitvoeringsplan"]
    );
    assert_eq!(
        app.get(&format!("{base}?kind=hup"), tok).await.body["total"],
        0
    );
    let res = app.get(&format!("{base}?kind=nota"), tok).await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(res.body["invalidParams"][0]["name"], "kind");

    for (patch, field) in [
        (json!({ "status": "concept" }), "adoptedOn"),
        (json!({ "endYear": 2020 }), "endYear"),
        (json!({ "kind": "nota" }), "kind"),
        (json!({ "title": "" }), "title"),
    ] {
        let mut body = ivp();
        for (k, v) in patch.as_object().expect("object") {
            body[k] = v.clone();
        }
        let res = app.post(&base, tok, &body).await;
        assert_eq!(
            res.status.as_u16(),
            refused_with(field, &["adoptedOn", "endYear"]),
            "{field}: {}",
            res.text
        );
        assert_eq!(res.body["invalidParams"][0]["name"], field);
    }

    let mut changed = ivp();
    changed["status"] = json!("afgelopen");
    let res = app.put(&format!("{base}/{id}"), tok, &changed).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["status"], "afgelopen");
    assert_eq!(
        app.get(&format!("{base}/{id}"), tok).await.body["status"],
        "afgelopen"
    );

    // An adopted plan stays on record; a concept can go.
    let res = app.delete(&format!("{base}/{id}"), tok).await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "plan_not_concept");
    assert_eq!(
        app.delete(&format!("{base}/{concept}"), tok)
            .await
            .status
            .as_u16(),
        204
    );
    assert_eq!(
        app.get(&format!("{base}/{concept}"), tok)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        app.get(&format!("{base}/{}", Uuid::new_v4()), tok)
            .await
            .status
            .as_u16(),
        404
    );
}

#[actix_rt::test]
async fn roles_decide_who_edits_plans_and_other_tenants_see_nothing() {
    let app = spawn_app().await;
    let t = app.tenant("planrollen").await;
    let other = app.tenant("anderen").await;
    let base = format!("/api/v1/tenants/{}/plans", t.slug());
    let id = app.post(&base, &t.admin_token, &ivp()).await.body["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let municipality = app
        .create_municipality(t.slug(), &t.admin_token, "Ermelo")
        .await
        .body["id"]
        .as_str()
        .and_then(|s| Uuid::parse_str(s).ok());

    let coordinator = app.member(&t, Role::Coordinator, None).await;
    assert_eq!(
        app.post(&base, &coordinator, &ivp()).await.status.as_u16(),
        201
    );
    let scoped = app.member(&t, Role::Coordinator, municipality).await;
    for token in [
        scoped,
        app.member(&t, Role::Expert, None).await,
        app.member(&t, Role::Bestuurder, None).await,
        app.member(&t, Role::Viewer, None).await,
    ] {
        assert_eq!(
            app.get(&format!("{base}/{id}"), &token)
                .await
                .status
                .as_u16(),
            200
        );
        assert_eq!(app.post(&base, &token, &ivp()).await.status.as_u16(), 403);
        assert_eq!(
            app.put(&format!("{base}/{id}"), &token, &ivp())
                .await
                .status
                .as_u16(),
            403
        );
        assert_eq!(
            app.delete(&format!("{base}/{id}"), &token)
                .await
                .status
                .as_u16(),
            403
        );
    }

    // Another cooperation: its path is not there for us, and our plan is not there in its path.
    for (method, path) in [
        ("GET", base.clone()),
        ("GET", format!("{base}/{id}")),
        ("PUT", format!("{base}/{id}")),
        ("DELETE", format!("{base}/{id}")),
    ] {
        let res = app
            .request(method, &path, Some(&other.admin_token), Some(&ivp()))
            .await;
        assert_eq!(res.status.as_u16(), 404, "{method} {path}");
    }
    let theirs = format!("/api/v1/tenants/{}/plans/{id}", other.slug());
    assert_eq!(
        app.get(&theirs, &other.admin_token).await.status.as_u16(),
        404
    );
    assert_eq!(
        app.get(
            &format!("/api/v1/tenants/{}/plans", other.slug()),
            &other.admin_token
        )
        .await
        .body["total"],
        0
    );
    assert_eq!(
        app.get(&format!("{base}/{id}"), &t.admin_token).await.body["status"],
        "vastgesteld"
    );
}
