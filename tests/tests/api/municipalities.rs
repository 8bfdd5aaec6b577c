use api::domain::role::Role;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::spawn_app;

#[actix_rt::test]
async fn municipalities_and_districts_crud_with_filters_and_validation() {
    let app = spawn_app().await;
    let t = app.tenant("gemeenten").await;
    let tok = &t.admin_token;
    let base = format!("/api/v1/tenants/{}/municipalities", t.slug());

    let res = app
        .post(
            &base,
            tok,
            &json!({ "name": "  Harderwijk ", "cbsCode": "gm0243" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(res.body["name"], "Harderwijk");
    assert_eq!(res.body["cbsCode"], "GM0243");
    let hw = res.body["id"].as_str().expect("id").to_owned();
    assert!(Uuid::parse_str(&hw).is_ok());
    assert_eq!(
        res.headers.get("Location").and_then(|v| v.to_str().ok()),
        Some(format!("{base}/{hw}").as_str())
    );
    for name in ["Ermelo", "Putten"] {
        assert_eq!(
            app.create_municipality(t.slug(), tok, name)
                .await
                .status
                .as_u16(),
            201
        );
    }

    let res = app.post(&base, tok, &json!({ "name": "harderwijk" })).await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "duplicate_name");
    let res = app
        .post(
            &base,
            tok,
            &json!({ "name": "Elders", "cbsCode": "GM0243" }),
        )
        .await;
    assert_eq!(res.problem_code(), "duplicate_cbs_code");
    let res = app
        .post(&base, tok, &json!({ "name": "Elders", "cbsCode": "0243" }))
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(res.body["invalidParams"][0]["name"], "cbsCode");
    assert!(
        res.body["detail"]
            .as_str()
            .unwrap_or("")
            .contains("GM gevolgd door 4 cijfers"),
        "{}",
        res.text
    );

    let res = app.get(&format!("{base}?name=er"), tok).await;
    let names = res.item_field("name");
    assert_eq!(names, ["Ermelo", "Harderwijk"]);
    let res = app.get(&format!("{base}?name=%25"), tok).await;
    assert_eq!(res.body["total"], 0, "a % is matched literally");
    let res = app.get(&format!("{base}?pageSize=2&page=2"), tok).await;
    assert_eq!(res.body["total"], 3);
    assert_eq!(res.body["items"][0]["name"], "Putten");
    let res = app.get(&format!("{base}?colour=red"), tok).await;
    assert_eq!(
        res.status.as_u16(),
        400,
        "unknown query parameters are refused"
    );

    let res = app
        .put(
            &format!("{base}/{hw}"),
            tok,
            &json!({ "name": "Harderwijk", "cbsCode": null }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["cbsCode"], serde_json::Value::Null);

    let d = format!("{base}/{hw}/districts");
    let res = app
        .post(
            &d,
            tok,
            &json!({ "name": "Stadsdennen", "cbsCode": "WK024302" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let sd = res.body["id"].as_str().expect("id").to_owned();
    assert_eq!(
        app.post(&d, tok, &json!({ "name": "stadsdennen" }))
            .await
            .status
            .as_u16(),
        409
    );
    let res = app
        .put(
            &format!("{d}/{sd}"),
            tok,
            &json!({ "name": "Stadsdennen-Noord" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let res = app.get(&format!("{base}/{hw}"), tok).await;
    assert_eq!(res.body["districts"][0]["name"], "Stadsdennen-Noord");
    let res = app.get(&d, tok).await;
    assert_eq!(res.body["items"].as_array().map(Vec::len), Some(1));

    let missing = Uuid::new_v4();
    assert_eq!(
        app.get(&format!("{base}/{missing}"), tok)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        app.put(&format!("{base}/{missing}"), tok, &json!({ "name": "X" }))
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        app.put(&format!("{d}/{missing}"), tok, &json!({ "name": "X" }))
            .await
            .status
            .as_u16(),
        404
    );
}

#[actix_rt::test]
async fn roles_decide_who_edits_municipalities() {
    let app = spawn_app().await;
    let t = app.tenant("rollen").await;
    let base = format!("/api/v1/tenants/{}/municipalities", t.slug());
    let ermelo = app
        .create_municipality(t.slug(), &t.admin_token, "Ermelo")
        .await
        .body["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let putten = app
        .create_municipality(t.slug(), &t.admin_token, "Putten")
        .await
        .body["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let ermelo_id = Uuid::parse_str(&ermelo).expect("uuid");

    let coordinator = app.member(&t, Role::Coordinator, None).await;
    let scoped = app.member(&t, Role::Coordinator, Some(ermelo_id)).await;
    let area = json!({ "name": "Nieuw" });

    assert_eq!(
        app.post(&base, &coordinator, &json!({ "name": "Harderwijk" }))
            .await
            .status
            .as_u16(),
        201
    );
    assert_eq!(
        app.post(&format!("{base}/{putten}/districts"), &coordinator, &area)
            .await
            .status
            .as_u16(),
        201
    );

    // Scoped to Ermelo: Ermelo yes, Putten and new municipalities no.
    assert_eq!(
        app.put(
            &format!("{base}/{ermelo}"),
            &scoped,
            &json!({ "name": "Ermelo" })
        )
        .await
        .status
        .as_u16(),
        200
    );
    assert_eq!(
        app.post(&format!("{base}/{ermelo}/districts"), &scoped, &area)
            .await
            .status
            .as_u16(),
        201
    );
    let res = app
        .put(
            &format!("{base}/{putten}"),
            &scoped,
            &json!({ "name": "Putten" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 403);
    assert_eq!(res.problem_code(), "forbidden");
    assert_eq!(
        app.post(&format!("{base}/{putten}/districts"), &scoped, &area)
            .await
            .status
            .as_u16(),
        403
    );
    assert_eq!(
        app.post(&base, &scoped, &json!({ "name": "Nunspeet" }))
            .await
            .status
            .as_u16(),
        403
    );

    for role in [Role::Expert, Role::Bestuurder, Role::Viewer] {
        let token = app.member(&t, role, None).await;
        assert_eq!(
            app.get(&base, &token).await.status.as_u16(),
            200,
            "{role:?} reads"
        );
        assert_eq!(
            app.get(&format!("{base}/{ermelo}"), &token)
                .await
                .status
                .as_u16(),
            200
        );
        assert_eq!(
            app.post(&base, &token, &json!({ "name": "Elburg" }))
                .await
                .status
                .as_u16(),
            403,
            "{role:?}"
        );
        assert_eq!(
            app.put(&format!("{base}/{ermelo}"), &token, &json!({ "name": "X" }))
                .await
                .status
                .as_u16(),
            403,
            "{role:?}"
        );
        assert_eq!(
            app.post(&format!("{base}/{ermelo}/districts"), &token, &area)
                .await
                .status
                .as_u16(),
            403,
            "{role:?}"
        );
    }
    // Nothing the refused calls tried got in.
    let res = app.get(&format!("{base}/{ermelo}"), &t.admin_token).await;
    assert_eq!(res.body["name"], "Ermelo");
    assert_eq!(app.get(&base, &t.admin_token).await.body["total"], 3);
}
