use api::domain::role::Role;
use serde_json::json;

use crate::helpers::{PASSWORD, refused_with, spawn_app};

#[actix_rt::test]
async fn a_tenant_admin_manages_users_and_roles() {
    let app = spawn_app().await;
    let t = app.tenant("users").await;
    let slug = t.slug().to_owned();
    let ermelo = app
        .create_municipality(&slug, &t.admin_token, "Ermelo")
        .await
        .body["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let base = format!("/api/v1/tenants/{slug}/users");

    // Without a password, a first one is generated and shown once.
    let res = app
        .post(
            &base,
            &t.admin_token,
            &json!({
                "email": "Coordinator-Ermelo@Example.nl",
                "displayName": "Niels de Boer",
                "roles": [{ "role": "coordinator", "municipalityId": ermelo }]
            }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(res.body["email"], "coordinator-ermelo@example.nl");
    assert_eq!(res.body["roles"][0]["municipalityId"], ermelo.as_str());
    let initial = res.body["initialPassword"]
        .as_str()
        .expect("generated password")
        .to_owned();
    let id = res.body["id"].as_str().expect("id").to_owned();
    assert_eq!(
        app.login("coordinator-ermelo@example.nl", &initial)
            .await
            .status
            .as_u16(),
        200
    );

    let res = app.get(&format!("{base}/{id}"), &t.admin_token).await;
    assert_eq!(res.status.as_u16(), 200);
    assert!(res.body.get("initialPassword").is_none());

    let res = app.post(&base, &t.admin_token, &json!({ "email": "coordinator-ermelo@example.nl", "displayName": "X", "roles": [{ "role": "viewer" }] })).await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "user_exists");

    let res = app
        .put(
            &format!("{base}/{id}"),
            &t.admin_token,
            &json!({
                "displayName": "Niels de Boer",
                "roles": [{ "role": "viewer" }, { "role": "expert" }]
            }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["roles"].as_array().map(Vec::len), Some(2));

    let res = app
        .get(&format!("{base}?pageSize=1&page=2"), &t.admin_token)
        .await;
    assert_eq!(res.body["total"], 2);
    assert_eq!(res.body["items"].as_array().map(Vec::len), Some(1));

    // Validation: unknown role, scoped admin, municipality of nowhere, no roles.
    for (roles, what) in [
        (json!([{ "role": "superuser" }]), "unknown role"),
        (
            json!([{ "role": "tenant_admin", "municipalityId": ermelo }]),
            "scoped admin",
        ),
        (
            json!([{ "role": "coordinator", "municipalityId": "00000000-0000-0000-0000-000000000001" }]),
            "unknown municipality",
        ),
        (json!([]), "no roles"),
    ] {
        let res = app
            .put(
                &format!("{base}/{id}"),
                &t.admin_token,
                &json!({ "displayName": "X", "roles": roles }),
            )
            .await;
        assert_eq!(
            res.status.as_u16(),
            refused_with(what, &["scoped admin", "unknown municipality"]),
            "{what}: {}",
            res.text
        );
        assert_eq!(res.body["invalidParams"][0]["name"], "roles", "{what}");
    }

    let res = app.delete(&format!("{base}/{id}"), &t.admin_token).await;
    assert_eq!(res.status.as_u16(), 204);
    assert_eq!(
        app.get(&format!("{base}/{id}"), &t.admin_token)
            .await
            .status
            .as_u16(),
        404
    );
}

#[actix_rt::test]
async fn the_last_tenant_admin_cannot_be_removed_or_demoted() {
    let app = spawn_app().await;
    let t = app.tenant("lastadmin").await;
    let path = format!("/api/v1/tenants/{}/users/{}", t.slug(), t.admin_id);
    let res = app.delete(&path, &t.admin_token).await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "last_tenant_admin");
    let res = app
        .put(
            &path,
            &t.admin_token,
            &json!({ "displayName": "B", "roles": [{ "role": "viewer" }] }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 409);
}

#[actix_rt::test]
async fn only_tenant_admins_manage_users() {
    let app = spawn_app().await;
    let t = app.tenant("usersroles").await;
    let base = format!("/api/v1/tenants/{}/users", t.slug());
    for role in [
        Role::Coordinator,
        Role::Expert,
        Role::Bestuurder,
        Role::Viewer,
    ] {
        let token = app.member(&t, role, None).await;
        let res = app.get(&base, &token).await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}");
        assert_eq!(res.problem_code(), "forbidden");
        let res = app.post(&base, &token, &json!({ "email": "x@y.nl", "displayName": "X", "password": PASSWORD, "roles": [{ "role": "viewer" }] })).await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}");
    }
}

#[actix_rt::test]
async fn a_tenant_admin_cannot_link_an_account_of_another_cooperation() {
    let app = spawn_app().await;
    let a = app.tenant("linka").await;
    let b = app.tenant("linkb").await;
    // A's admin makes an account and knows its password…
    let res = app
        .post(&format!("/api/v1/tenants/{}/users", a.slug()), &a.admin_token, &json!({
            "email": "wethouder@example.nl", "displayName": "W", "password": PASSWORD, "roles": [{ "role": "viewer" }]
        }))
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    // …so B's admin may not link it into B, where A's admin could then read B's data.
    let res = app
        .post(&format!("/api/v1/tenants/{}/users", b.slug()), &b.admin_token, &json!({
            "email": "Wethouder@example.nl", "displayName": "W", "roles": [{ "role": "bestuurder" }]
        }))
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "user_exists");
    assert!(res.body.get("initialPassword").is_none());
    let token = app.token_for("wethouder@example.nl").await;
    assert_eq!(
        app.get(
            &format!("/api/v1/tenants/{}/municipalities", b.slug()),
            &token
        )
        .await
        .status
        .as_u16(),
        404
    );
}
