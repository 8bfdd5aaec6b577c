use api::domain::role::Role;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, TestTenant, refused_with, spawn_app};

async fn plan(app: &TestApp, t: &TestTenant) -> String {
    app.create(
        t,
        "plans",
        &json!({ "title": "IVP 2020-2024", "kind": "ivp", "startYear": 2020, "endYear": 2024 }),
    )
    .await
}

#[actix_rt::test]
async fn priorities_crud_scopes_and_sub_priorities() {
    let app = spawn_app().await;
    let t = app.tenant("prio").await;
    let tok = &t.admin_token;
    let plan_id = plan(&app, &t).await;
    let base = format!("/api/v1/tenants/{}/priorities", t.slug());
    let harderwijk = (app.create_municipality(t.slug(), tok, "Harderwijk").await).id();
    let ermelo = (app.create_municipality(t.slug(), tok, "Ermelo").await).id();
    let stadsdennen = (app
        .post(
            &format!(
                "/api/v1/tenants/{}/municipalities/{harderwijk}/districts",
                t.slug()
            ),
            tok,
            &json!({ "name": "Stadsdennen" }),
        )
        .await)
        .id();

    let ondermijning = json!({
        "planId": plan_id, "title": "Ondermijning", "scope": "cooperation",
        "opgave": "Ondermijnende criminaliteit tegengaan", "ambitie": "Weerbare samenleving",
        "aanpak": "Integrale aanpak met RIEC", "doelstelling": "Meer signalen, minder drugslabs",
        "partners": ["Politie", "OM", "RIEC", "politie"], "flankerendBeleid": "Damoclesbeleid",
        "ownerId": t.admin_id
    });
    let res = app.post(&base, tok, &ondermijning).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(res.body["partners"], json!(["Politie", "OM", "RIEC"]));
    assert_eq!(res.body["ownerName"], "Beheerder");
    let parent = (res).id();
    assert_eq!(
        app.get(&format!("{base}/{parent}"), tok).await.body["ownerName"],
        "Beheerder"
    );

    let sub = json!({ "planId": plan_id, "parentId": parent, "title": "Drugs in Stadsdennen", "scope": "district", "municipalityId": harderwijk, "districtId": stadsdennen });
    let child = (app.post(&base, tok, &sub).await).id();
    let local = (app.post(&base, tok, &json!({ "planId": plan_id, "title": "Woninginbraak", "scope": "municipality", "municipalityId": ermelo })).await).id();

    assert_eq!(
        app.get(&format!("{base}?parentId={parent}"), tok)
            .await
            .item_field("title"),
        ["Drugs in Stadsdennen"]
    );
    assert_eq!(
        app.get(&format!("{base}?municipalityId={ermelo}"), tok)
            .await
            .item_field("title"),
        ["Woninginbraak"]
    );
    assert_eq!(
        app.get(&format!("{base}?scope=cooperation&planId={plan_id}"), tok)
            .await
            .item_field("title"),
        ["Ondermijning"]
    );
    assert_eq!(
        app.get(&format!("{base}?scope=wijk"), tok)
            .await
            .status
            .as_u16(),
        400
    );
    let got = app.get(&format!("{base}/{parent}"), tok).await;
    assert_eq!(got.body["aanpak"], "Integrale aanpak met RIEC");

    // Invalid references, each named by its field.
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({ "planId": Uuid::new_v4(), "title": "X", "scope": "cooperation" }),
            "planId",
        ),
        (
            json!({ "planId": plan_id, "title": "X", "scope": "municipality" }),
            "municipalityId",
        ),
        (
            json!({ "planId": plan_id, "title": "X", "scope": "municipality", "municipalityId": Uuid::new_v4() }),
            "municipalityId",
        ),
        (
            json!({ "planId": plan_id, "title": "X", "scope": "district", "municipalityId": ermelo, "districtId": stadsdennen }),
            "districtId",
        ),
        (
            json!({ "planId": plan_id, "title": "X", "scope": "cooperation", "parentId": child }),
            "parentId",
        ),
        (
            json!({ "planId": plan_id, "title": "X", "scope": "cooperation", "ownerId": Uuid::new_v4() }),
            "ownerId",
        ),
        (
            json!({ "planId": plan_id, "title": "", "scope": "cooperation" }),
            "title",
        ),
        (
            json!({ "planId": plan_id, "title": "X", "scope": "regio" }),
            "scope",
        ),
    ];
    for (body, field) in cases {
        let res = app.post(&base, tok, &body).await;
        assert_eq!(
            res.status.as_u16(),
            refused_with(
                field,
                &[
                    "planId",
                    "municipalityId",
                    "districtId",
                    "parentId",
                    "ownerId"
                ]
            ),
            "{field}: {}",
            res.text
        );
        assert_eq!(res.body["invalidParams"][0]["name"], field, "{}", res.text);
    }

    // A parent with children cannot go, nor can a plan with priorities.
    let res = app.delete(&format!("{base}/{parent}"), tok).await;
    assert_eq!(res.problem_code(), "priority_has_children");
    let res = app
        .delete(
            &format!("/api/v1/tenants/{}/plans/{plan_id}", t.slug()),
            tok,
        )
        .await;
    assert_eq!(res.problem_code(), "plan_has_priorities");

    let mut moved = sub.clone();
    moved["parentId"] = Value::Null;
    moved["scope"] = json!("municipality");
    moved["districtId"] = Value::Null;
    let res = app.put(&format!("{base}/{child}"), tok, &moved).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["scope"], "municipality");
    assert_eq!(
        app.delete(&format!("{base}/{parent}"), tok)
            .await
            .status
            .as_u16(),
        204
    );
    assert_eq!(
        app.delete(&format!("{base}/{local}"), tok)
            .await
            .status
            .as_u16(),
        204
    );
    assert_eq!(
        app.get(&format!("{base}/{local}"), tok)
            .await
            .status
            .as_u16(),
        404
    );
}

#[actix_rt::test]
async fn a_scoped_coordinator_edits_only_their_municipalitys_priorities() {
    let app = spawn_app().await;
    let t = app.tenant("prorol").await;
    let other = app.tenant("prother").await;
    let tok = &t.admin_token;
    let plan_id = plan(&app, &t).await;
    let base = format!("/api/v1/tenants/{}/priorities", t.slug());
    let ermelo = (app.create_municipality(t.slug(), tok, "Ermelo").await).id();
    let putten = (app.create_municipality(t.slug(), tok, "Putten").await).id();
    let body = |scope: &str, m: Option<&str>| json!({ "planId": plan_id, "title": "P", "scope": scope, "municipalityId": m });
    let wide = (app.post(&base, tok, &body("cooperation", None)).await).id();
    let in_putten = (app
        .post(&base, tok, &body("municipality", Some(&putten)))
        .await)
        .id();

    let scoped = app
        .member(&t, Role::Coordinator, Uuid::parse_str(&ermelo).ok())
        .await;
    let in_ermelo = app
        .post(&base, &scoped, &body("municipality", Some(&ermelo)))
        .await;
    assert_eq!(in_ermelo.status.as_u16(), 201, "{}", in_ermelo.text);
    let in_ermelo = (in_ermelo).id();
    assert_eq!(
        app.post(&base, &scoped, &body("municipality", Some(&putten)))
            .await
            .status
            .as_u16(),
        403
    );
    assert_eq!(
        app.post(&base, &scoped, &body("cooperation", None))
            .await
            .status
            .as_u16(),
        403
    );
    assert_eq!(
        app.put(
            &format!("{base}/{wide}"),
            &scoped,
            &body("cooperation", None)
        )
        .await
        .status
        .as_u16(),
        403
    );
    assert_eq!(
        app.put(
            &format!("{base}/{in_putten}"),
            &scoped,
            &body("municipality", Some(&ermelo))
        )
        .await
        .status
        .as_u16(),
        403,
        "cannot take over Putten's"
    );
    assert_eq!(
        app.put(
            &format!("{base}/{in_ermelo}"),
            &scoped,
            &body("municipality", Some(&putten))
        )
        .await
        .status
        .as_u16(),
        403,
        "cannot move to Putten"
    );
    assert_eq!(
        app.delete(&format!("{base}/{in_putten}"), &scoped)
            .await
            .status
            .as_u16(),
        403
    );
    assert_eq!(
        app.get(&format!("{base}/{in_putten}"), &scoped)
            .await
            .status
            .as_u16(),
        200,
        "reads everything"
    );

    for role in [Role::Expert, Role::Bestuurder, Role::Viewer] {
        let token = app.member(&t, role, None).await;
        assert_eq!(app.get(&base, &token).await.body["total"], 3);
        assert_eq!(
            app.post(&base, &token, &body("cooperation", None))
                .await
                .status
                .as_u16(),
            403
        );
        assert_eq!(
            app.delete(&format!("{base}/{wide}"), &token)
                .await
                .status
                .as_u16(),
            403
        );
    }

    // Another cooperation sees none of it, by path or by id.
    assert_eq!(
        app.get(&base, &other.admin_token).await.status.as_u16(),
        404
    );
    let theirs = format!("/api/v1/tenants/{}/priorities", other.slug());
    assert_eq!(
        app.get(&format!("{theirs}/{wide}"), &other.admin_token)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        app.delete(&format!("{theirs}/{wide}"), &other.admin_token)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(app.get(&theirs, &other.admin_token).await.body["total"], 0);
    assert_eq!(app.get(&base, tok).await.body["total"], 3);
}
