use api::domain::role::Role;
use uuid::Uuid;

use crate::helpers::{AppOptions, PASSWORD, spawn_app, spawn_app_with};

#[actix_rt::test]
async fn login_returns_tokens_and_me_shows_memberships() {
    let app = spawn_app().await;
    let tenant = app.tenant("login").await;
    let email = format!("admin@{}.example", tenant.slug());

    // Email is matched case-insensitively.
    let res = app.login(&email.to_uppercase(), PASSWORD).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["tokenType"], "Bearer");
    assert_eq!(res.body["expiresIn"], 900);
    assert!(
        res.body["refreshToken"]
            .as_str()
            .is_some_and(|t| t.len() >= 40)
    );
    assert_eq!(
        res.headers
            .get("Cache-Control")
            .map(|v| v.to_str().unwrap_or("")),
        Some("no-store")
    );
    let token = res.body["accessToken"].as_str().expect("token");

    let me = app.get("/api/v1/me", token).await;
    assert_eq!(me.status.as_u16(), 200, "{}", me.text);
    assert_eq!(me.body["email"], email);
    assert_eq!(me.body["isPlatformAdmin"], false);
    assert_eq!(me.body["memberships"][0]["tenant"], tenant.slug());
    assert_eq!(me.body["memberships"][0]["role"], "tenant_admin");
}

#[actix_rt::test]
async fn wrong_password_and_unknown_account_answer_alike() {
    let app = spawn_app().await;
    let tenant = app.tenant("wrongpw").await;
    let wrong = app
        .login(
            &format!("admin@{}.example", tenant.slug()),
            "not the password",
        )
        .await;
    let unknown = app.login("nobody@nowhere.example", PASSWORD).await;
    for res in [&wrong, &unknown] {
        assert_eq!(res.status.as_u16(), 401);
        assert_eq!(res.problem_code(), "invalid_credentials");
    }
    assert_eq!(wrong.body["detail"], unknown.body["detail"]);
}

#[actix_rt::test]
async fn repeated_failures_lock_the_account_even_for_the_right_password() {
    let app = spawn_app().await;
    let tenant = app.tenant("lockout").await;
    let email = format!("admin@{}.example", tenant.slug());
    for _ in 0..5 {
        assert_eq!(
            app.login(&email, "wrong password!").await.status.as_u16(),
            401
        );
    }
    let res = app.login(&email, PASSWORD).await;
    assert_eq!(res.status.as_u16(), 429, "{}", res.text);
    assert_eq!(res.problem_code(), "too_many_login_attempts");
    let retry: i64 = res
        .headers
        .get("Retry-After")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=900).contains(&retry), "{retry}");

    // Another account is not locked by this one.
    let other = format!("viewer-{}@x.example", Uuid::new_v4().simple());
    app.user(&other).await;
    assert_eq!(app.login(&other, PASSWORD).await.status.as_u16(), 200);
}

#[actix_rt::test]
async fn many_failures_from_one_address_lock_that_address() {
    let app = spawn_app().await;
    for i in 0..30 {
        let res = app
            .login(&format!("guess{i}@nowhere.example"), "wrong password!")
            .await;
        assert_eq!(res.status.as_u16(), 401);
    }
    let email = format!("real-{}@x.example", Uuid::new_v4().simple());
    app.user(&email).await;
    let res = app.login(&email, PASSWORD).await;
    assert_eq!(res.status.as_u16(), 429);
    assert_eq!(res.problem_code(), "too_many_login_attempts");
}

#[actix_rt::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let tenant = app.tenant("refresh").await;
    let login = app
        .login(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    let first = login.body["refreshToken"].as_str().expect("rt").to_owned();

    let res = app.refresh(&first).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let second = res.body["refreshToken"].as_str().expect("rt").to_owned();
    assert_ne!(first, second);
    let access = res.body["accessToken"].as_str().expect("at").to_owned();
    assert_eq!(app.get("/api/v1/me", &access).await.status.as_u16(), 200);

    // The first token again: theft. The family dies, including the token issued after it.
    let res = app.refresh(&first).await;
    assert_eq!(res.status.as_u16(), 401);
    assert_eq!(res.problem_code(), "invalid_refresh_token");
    assert_eq!(app.refresh(&second).await.status.as_u16(), 401);

    // A fresh sign-in starts a new family that works.
    let login = app
        .login(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    let third = login.body["refreshToken"].as_str().expect("rt").to_owned();
    assert_eq!(app.refresh(&third).await.status.as_u16(), 200);

    assert_eq!(app.refresh("made-up-token").await.status.as_u16(), 401);
}

#[actix_rt::test]
async fn logout_revokes_the_session() {
    let app = spawn_app().await;
    let tenant = app.tenant("logout").await;
    let login = app
        .login(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    let rt = login.body["refreshToken"].as_str().expect("rt").to_owned();
    let res = app.logout(&rt).await;
    assert_eq!(res.status.as_u16(), 204, "{}", res.text);
    assert_eq!(app.refresh(&rt).await.status.as_u16(), 401);
    // Logging out twice is harmless.
    assert_eq!(app.logout(&rt).await.status.as_u16(), 204);
}

#[actix_rt::test]
async fn a_removed_membership_takes_effect_at_once() {
    let app = spawn_app().await;
    let tenant = app.tenant("revoke").await;
    let viewer = app.member(&tenant, Role::Viewer, None).await;
    let path = format!("/api/v1/tenants/{}/municipalities", tenant.slug());
    assert_eq!(app.get(&path, &viewer).await.status.as_u16(), 200);

    let me = app.get("/api/v1/me", &viewer).await;
    let viewer_id = me.body["id"].as_str().expect("id").to_owned();
    let res = app
        .delete(
            &format!("/api/v1/tenants/{}/users/{viewer_id}", tenant.slug()),
            &tenant.admin_token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 204, "{}", res.text);

    // The access token is still valid, the membership is not.
    assert_eq!(app.get(&path, &viewer).await.status.as_u16(), 404);
}

#[actix_rt::test]
async fn parallel_guesses_do_not_slip_under_the_account_limit() {
    let app = spawn_app().await;
    let tenant = app.tenant("parallel").await;
    let email = format!("admin@{}.example", tenant.slug());
    let guesses = (0..12).map(|i| {
        let app = &app;
        let email = email.clone();
        async move {
            app.login(&email, &format!("wrong guess {i}"))
                .await
                .status
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let tried = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(tried + refused, 12, "{statuses:?}");
    assert!(
        tried <= 5,
        "only 5 guesses may reach the password check, {tried} did: {statuses:?}"
    );
}

/// The attributes of a `Set-Cookie` header, trimmed.
fn attributes(set_cookie: &str) -> Vec<String> {
    set_cookie
        .split(';')
        .skip(1)
        .map(|a| a.trim().to_owned())
        .collect()
}

#[actix_rt::test]
async fn a_web_sign_in_puts_the_refresh_token_in_an_http_only_cookie() {
    let app = spawn_app().await;
    let tenant = app.tenant("cookie").await;
    let email = format!("admin@{}.example", tenant.slug());

    let res = app.login_web(&email, PASSWORD).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert!(res.body.get("refreshToken").is_none(), "{}", res.text);
    assert_eq!(res.body["tokenType"], "Bearer");
    assert_eq!(res.header("Cache-Control"), Some("no-store"));
    let set_cookie = res.refresh_cookie_header().expect("Set-Cookie");
    let attrs = attributes(set_cookie);
    for wanted in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/v1/auth",
        "Max-Age=2592000",
    ] {
        assert!(attrs.iter().any(|a| a == wanted), "{wanted}: {set_cookie}");
    }
    // http://platform.test is not https.
    assert!(!attrs.iter().any(|a| a == "Secure"), "{set_cookie}");
    let cookie = res.refresh_cookie().expect("cookie");
    assert!(cookie.len() >= 40, "{set_cookie}");
    assert!(
        !res.text.contains(&cookie),
        "the token is only in the cookie"
    );
    let access = res.body["accessToken"].as_str().expect("access token");
    assert_eq!(app.get("/api/v1/me", access).await.status.as_u16(), 200);

    // Without the header: the JSON flow as always, and no cookie.
    let res = app.login(&email, PASSWORD).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert!(
        res.body["refreshToken"]
            .as_str()
            .is_some_and(|t| t.len() >= 40)
    );
    assert!(res.header("Set-Cookie").is_none());
    assert_eq!(res.header("Cache-Control"), Some("no-store"));

    // The same refusals as the JSON flow.
    let res = app.login_web(&email, "not the password").await;
    assert_eq!(res.status.as_u16(), 401);
    assert_eq!(res.problem_code(), "invalid_credentials");
    assert!(res.refresh_cookie_header().is_none());
}

#[actix_rt::test]
async fn over_https_the_cookie_is_secure() {
    let app = spawn_app_with(AppOptions {
        app_base_url: "https://veiligheid.example".into(),
        ..AppOptions::default()
    })
    .await;
    let tenant = app.tenant("secure").await;
    let res = app
        .login_web(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let set_cookie = res.refresh_cookie_header().expect("Set-Cookie");
    assert!(
        attributes(set_cookie).iter().any(|a| a == "Secure"),
        "{set_cookie}"
    );
    let res = app
        .refresh_web(Some(&res.refresh_cookie().expect("cookie")), true)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let set_cookie = res.refresh_cookie_header().expect("Set-Cookie");
    assert!(
        attributes(set_cookie).iter().any(|a| a == "Secure"),
        "{set_cookie}"
    );
}

#[actix_rt::test]
async fn a_cookie_refresh_rotates_and_a_reused_cookie_revokes_the_family() {
    let app = spawn_app().await;
    let tenant = app.tenant("cookierot").await;
    let login = app
        .login_web(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    let first = login.refresh_cookie().expect("cookie");

    let res = app.refresh_web(Some(&first), true).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert!(res.body.get("refreshToken").is_none(), "{}", res.text);
    assert_eq!(res.header("Cache-Control"), Some("no-store"));
    let second = res.refresh_cookie().expect("a new cookie");
    assert!(second.len() >= 40);
    assert_ne!(first, second);
    let attrs = attributes(res.refresh_cookie_header().expect("Set-Cookie"));
    assert!(attrs.iter().any(|a| a == "HttpOnly") && attrs.iter().any(|a| a == "Max-Age=2592000"));
    let access = res.body["accessToken"].as_str().expect("at").to_owned();
    assert_eq!(app.get("/api/v1/me", &access).await.status.as_u16(), 200);

    // The first cookie again: theft. Refused, the cookie cleared, the whole family revoked.
    let res = app.refresh_web(Some(&first), true).await;
    assert_eq!(res.status.as_u16(), 401, "{}", res.text);
    assert_eq!(res.problem_code(), "invalid_refresh_token");
    assert_eq!(res.refresh_cookie().as_deref(), Some(""));
    let attrs = attributes(res.refresh_cookie_header().expect("Set-Cookie"));
    assert!(attrs.iter().any(|a| a == "Max-Age=0"), "{attrs:?}");
    assert!(attrs.iter().any(|a| a == "Path=/api/v1/auth"), "{attrs:?}");
    let res = app.refresh_web(Some(&second), true).await;
    assert_eq!(
        res.status.as_u16(),
        401,
        "the family is revoked: {}",
        res.text
    );
    assert_eq!(res.problem_code(), "invalid_refresh_token");
}

#[actix_rt::test]
async fn the_cookie_counts_only_with_the_client_header_and_no_token_is_401() {
    let app = spawn_app().await;
    let tenant = app.tenant("cookiecsrf").await;
    let login = app
        .login_web(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    let cookie = login.refresh_cookie().expect("cookie");

    // What a cross-site form could send: the cookie without the header.
    for res in [
        app.refresh_web(Some(&cookie), false).await,
        app.logout_web(Some(&cookie), false).await,
    ] {
        assert_eq!(res.status.as_u16(), 403, "{}", res.text);
        assert_eq!(res.problem_code(), "client_header_required");
        assert!(
            res.body["detail"]
                .as_str()
                .is_some_and(|d| d.contains("alleen")),
            "{}",
            res.text
        );
        assert!(res.refresh_cookie_header().is_none());
    }

    // Nothing at all.
    for web_client in [true, false] {
        for res in [
            app.refresh_web(None, web_client).await,
            app.logout_web(None, web_client).await,
        ] {
            assert_eq!(res.status.as_u16(), 401, "{}", res.text);
            assert_eq!(res.problem_code(), "refresh_token_missing");
            assert!(
                res.body["detail"]
                    .as_str()
                    .is_some_and(|d| d.contains("meld u")),
                "{}",
                res.text
            );
        }
    }

    // A body that is not JSON does not fall back to the cookie.
    let res = app
        .send_raw(
            "POST",
            "/api/v1/auth/refresh",
            None,
            "application/json",
            b"{\"refreshToken\": ".to_vec(),
        )
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(res.problem_code(), "malformed_json");

    // The refused requests used nothing up: with the header (and an empty JSON request, as a
    // browser's fetch may send it) the cookie still works.
    let mut res = app
        .client
        .post(format!("{}/api/v1/auth/refresh", app.address))
        .insert_header(("Content-Type", "application/json"))
        .insert_header(("Cookie", format!("theme=donker; refresh_token={cookie}")))
        .insert_header(("X-Client", "web"))
        .send_body("")
        .await
        .expect("sent");
    assert_eq!(res.status().as_u16(), 200, "{:?}", res.body().await);
}

#[actix_rt::test]
async fn a_web_sign_out_clears_the_cookie_and_ends_the_session() {
    let app = spawn_app().await;
    let tenant = app.tenant("cookieout").await;
    let login = app
        .login_web(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    let first = login.refresh_cookie().expect("cookie");
    let res = app.refresh_web(Some(&first), true).await;
    let second = res.refresh_cookie().expect("cookie");

    let res = app.logout_web(Some(&second), true).await;
    assert_eq!(res.status.as_u16(), 204, "{}", res.text);
    assert_eq!(res.refresh_cookie().as_deref(), Some(""));
    let attrs = attributes(res.refresh_cookie_header().expect("Set-Cookie"));
    for wanted in [
        "Max-Age=0",
        "Path=/api/v1/auth",
        "HttpOnly",
        "SameSite=Strict",
    ] {
        assert!(attrs.iter().any(|a| a == wanted), "{wanted}: {attrs:?}");
    }
    let res = app.refresh_web(Some(&second), true).await;
    assert_eq!(res.status.as_u16(), 401, "{}", res.text);
    assert_eq!(res.problem_code(), "invalid_refresh_token");

    // Signing out again with the old cookie is harmless, and clears it again.
    let res = app.logout_web(Some(&second), true).await;
    assert_eq!(res.status.as_u16(), 204);
    assert_eq!(res.refresh_cookie().as_deref(), Some(""));

    // The JSON flow does not touch cookies.
    let login = app
        .login(&format!("admin@{}.example", tenant.slug()), PASSWORD)
        .await;
    let rt = login.body["refreshToken"].as_str().expect("rt").to_owned();
    let res = app.logout(&rt).await;
    assert_eq!(res.status.as_u16(), 204);
    assert!(res.refresh_cookie_header().is_none());
}
