use api::domain::role::Role;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{refused_with, spawn_app};

#[actix_rt::test]
async fn action_points_follow_their_priority() {
    let app = spawn_app().await;
    let t = app.tenant("acties").await;
    let other = app.tenant("elders").await;
    let tok = &t.admin_token;
    let slug = t.slug().to_owned();
    let plan = (app
        .post(&format!("/api/v1/tenants/{slug}/plans"), tok, &json!({ "title": "Uitvoeringsplan 2026", "kind": "uitvoeringsplan", "startYear": 2026, "endYear": 2026 }))
        .await).id();
    let ermelo = (app.create_municipality(&slug, tok, "Ermelo").await).id();
    let putten = (app.create_municipality(&slug, tok, "Putten").await).id();
    let prio = |m: &str| json!({ "planId": plan, "title": format!("Woninginbraak {m}"), "scope": "municipality", "municipalityId": m });
    let p_ermelo = (app
        .post(
            &format!("/api/v1/tenants/{slug}/priorities"),
            tok,
            &prio(&ermelo),
        )
        .await)
        .id();
    let p_putten = (app
        .post(
            &format!("/api/v1/tenants/{slug}/priorities"),
            tok,
            &prio(&putten),
        )
        .await)
        .id();
    let base = format!("/api/v1/tenants/{slug}/actions");

    let buurtpreventie = json!({ "priorityId": p_ermelo, "title": "Buurtpreventie-app uitrollen", "ownerId": t.admin_id, "dueOn": "2026-06-30" });
    let res = app.post(&base, tok, &buurtpreventie).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(res.body["status"], "gepland");
    assert_eq!(res.body["ownerName"], "Beheerder");
    let a1 = (res).id();
    assert_eq!(
        app.get(&base, tok).await.body["items"][0]["ownerName"],
        "Beheerder"
    );
    let a2 = (app.post(&base, tok, &json!({ "priorityId": p_putten, "title": "Voorlichtingsavond", "dueOn": "2026-03-01", "status": "lopend" })).await).id();
    (app.post(
        &base,
        tok,
        &json!({ "priorityId": p_putten, "title": "Evaluatie" }),
    )
    .await)
        .id();

    assert_eq!(
        app.get(&base, tok).await.item_field("title"),
        [
            "Voorlichtingsavond",
            "Buurtpreventie-app uitrollen",
            "Evaluatie"
        ]
    );
    assert_eq!(
        app.get(&format!("{base}?priorityId={p_ermelo}"), tok)
            .await
            .item_field("title"),
        ["Buurtpreventie-app uitrollen"]
    );
    assert_eq!(
        app.get(&format!("{base}?planId={plan}&status=lopend"), tok)
            .await
            .item_field("title"),
        ["Voorlichtingsavond"]
    );
    assert_eq!(
        app.get(&format!("{base}?dueBefore=2026-04-01"), tok)
            .await
            .item_field("title"),
        ["Voorlichtingsavond"]
    );
    assert_eq!(
        app.get(&format!("{base}?dueBefore=morgen"), tok)
            .await
            .status
            .as_u16(),
        400
    );
    assert_eq!(
        app.get(&format!("{base}?status=klaar"), tok)
            .await
            .status
            .as_u16(),
        400
    );

    for (body, field) in [
        (
            json!({ "priorityId": Uuid::new_v4(), "title": "X" }),
            "priorityId",
        ),
        (json!({ "priorityId": p_ermelo, "title": " " }), "title"),
        (
            json!({ "priorityId": p_ermelo, "title": "X", "status": "klaar" }),
            "status",
        ),
        (
            json!({ "priorityId": p_ermelo, "title": "X", "ownerId": other.admin_id }),
            "ownerId",
        ),
    ] {
        let res = app.post(&base, tok, &body).await;
        assert_eq!(
            res.status.as_u16(),
            refused_with(field, &["priorityId", "ownerId"]),
            "{field}: {}",
            res.text
        );
        assert_eq!(res.body["invalidParams"][0]["name"], field);
    }

    let mut done = buurtpreventie.clone();
    done["status"] = json!("gereed");
    let res = app.put(&format!("{base}/{a1}"), tok, &done).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(
        app.get(&format!("{base}/{a1}"), tok).await.body["status"],
        "gereed"
    );

    // A priority with action points stays until they are gone.
    let res = app
        .delete(
            &format!("/api/v1/tenants/{slug}/priorities/{p_ermelo}"),
            tok,
        )
        .await;
    assert_eq!(res.problem_code(), "priority_has_actions");

    // The Ermelo coordinator edits Ermelo's action points only.
    let scoped = app
        .member(&t, Role::Coordinator, Uuid::parse_str(&ermelo).ok())
        .await;
    assert_eq!(
        app.put(&format!("{base}/{a1}"), &scoped, &done)
            .await
            .status
            .as_u16(),
        200
    );
    let mut to_putten = done.clone();
    to_putten["priorityId"] = json!(p_putten);
    assert_eq!(
        app.put(&format!("{base}/{a1}"), &scoped, &to_putten)
            .await
            .status
            .as_u16(),
        403
    );
    assert_eq!(
        app.delete(&format!("{base}/{a2}"), &scoped)
            .await
            .status
            .as_u16(),
        403
    );
    assert_eq!(
        app.post(
            &base,
            &scoped,
            &json!({ "priorityId": p_putten, "title": "X" })
        )
        .await
        .status
        .as_u16(),
        403
    );
    let viewer = app.member(&t, Role::Viewer, None).await;
    assert_eq!(
        app.get(&format!("{base}/{a2}"), &viewer)
            .await
            .status
            .as_u16(),
        200
    );
    assert_eq!(
        app.delete(&format!("{base}/{a2}"), &viewer)
            .await
            .status
            .as_u16(),
        403
    );

    // Another cooperation: not there.
    assert_eq!(
        app.get(&base, &other.admin_token).await.status.as_u16(),
        404
    );
    let theirs = format!("/api/v1/tenants/{}/actions/{a2}", other.slug());
    assert_eq!(
        app.get(&theirs, &other.admin_token).await.status.as_u16(),
        404
    );
    assert_eq!(
        app.delete(&theirs, &other.admin_token)
            .await
            .status
            .as_u16(),
        404
    );

    assert_eq!(
        app.delete(&format!("{base}/{a2}"), tok)
            .await
            .status
            .as_u16(),
        204
    );
    assert_eq!(
        app.get(&format!("{base}/{a2}"), tok).await.status.as_u16(),
        404
    );
    assert_eq!(app.get(&base, tok).await.body["total"], 2);
}
