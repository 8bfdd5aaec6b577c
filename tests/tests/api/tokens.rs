//! Every kind of bad access token answers 401.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use uuid::Uuid;

use api::auth::keys::{TokenKeys, generate_pem_pair};
use api::auth::tokens::{AccessClaims, TokenIssuer};

use crate::helpers::spawn_app;

fn claims(app: &crate::helpers::TestApp, sub: Uuid) -> AccessClaims {
    let now = Utc::now().timestamp();
    AccessClaims {
        iss: app.issuer.issuer().to_owned(),
        aud: app.issuer.audience().to_owned(),
        sub,
        iat: now,
        nbf: now,
        exp: now + 600,
        jti: Uuid::new_v4(),
        pa: false,
        mem: vec![],
    }
}

#[actix_rt::test]
async fn bad_tokens_are_refused() {
    let app = spawn_app().await;
    let tenant = app.tenant("tokens").await;
    let sub = tenant.admin_id;
    let path = format!("/api/v1/tenants/{}/municipalities", tenant.slug());

    // The good one first, so that the refusals below are about the token and nothing else.
    let good = app.issuer.sign(&claims(&app, sub)).expect("sign");
    assert_eq!(app.get(&path, &good).await.status.as_u16(), 200);

    let now = Utc::now().timestamp();
    let mut cases: Vec<(&str, String)> = vec![];

    let mut c = claims(&app, sub);
    c.exp = now - 60;
    c.iat = now - 1000;
    c.nbf = now - 1000;
    cases.push(("expired", app.issuer.sign(&c).expect("sign")));

    let mut c = claims(&app, sub);
    c.nbf = now + 3600;
    cases.push(("not yet valid", app.issuer.sign(&c).expect("sign")));

    let mut c = claims(&app, sub);
    c.iss = "https://evil.example".into();
    cases.push(("wrong issuer", app.issuer.sign(&c).expect("sign")));

    let mut c = claims(&app, sub);
    c.aud = "another-api".into();
    cases.push(("wrong audience", app.issuer.sign(&c).expect("sign")));

    let (private, public) = generate_pem_pair().expect("keys");
    let other = TokenIssuer::new(
        TokenKeys::from_pem(&private, &public).expect("keys"),
        app.issuer.issuer().to_owned(),
        app.issuer.audience().to_owned(),
        900,
    );
    cases.push((
        "signed by another key",
        other.sign(&claims(&app, sub)).expect("sign"),
    ));

    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims(&app, sub)).expect("json"));
    let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    cases.push(("alg none", format!("{none_header}.{payload}.")));

    let hs = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims(&app, sub),
        &jsonwebtoken::EncodingKey::from_secret(app.issuer.keys().public_pem.as_bytes()),
    )
    .expect("hmac token");
    cases.push(("HMAC signed with the public key", hs));

    // Tampered claims with the original signature.
    let parts: Vec<&str> = good.split('.').collect();
    let mut c = claims(&app, sub);
    c.pa = true;
    c.mem = vec![format!("{}:tenant_admin", tenant.slug())];
    let tampered = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&c).expect("json"));
    cases.push((
        "tampered role claim",
        format!("{}.{tampered}.{}", parts[0], parts[2]),
    ));
    let mut c = claims(&app, Uuid::new_v4());
    c.mem = vec!["other-tenant:tenant_admin".into()];
    let tampered = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&c).expect("json"));
    cases.push((
        "tampered subject and tenant",
        format!("{}.{tampered}.{}", parts[0], parts[2]),
    ));

    cases.push(("garbage", "not.a.token".into()));
    cases.push(("empty", String::new()));

    // A valid token of a user that does not exist.
    cases.push((
        "unknown user",
        app.issuer
            .sign(&claims(&app, Uuid::new_v4()))
            .expect("sign"),
    ));

    for (name, token) in cases {
        let res = app.request("GET", &path, Some(&token), None).await;
        assert_eq!(res.status.as_u16(), 401, "{name}: {}", res.text);
        assert_eq!(res.problem_code(), "unauthenticated", "{name}");
    }
}
