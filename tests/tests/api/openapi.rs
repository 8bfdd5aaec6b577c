use crate::helpers::spawn_app;

const COMMITTED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../openapi/openapi.json"
));

#[actix_rt::test]
async fn the_served_document_is_the_committed_one() {
    let app = spawn_app().await;
    let res = app.request("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(res.status.as_u16(), 200);
    assert!(
        res.text == COMMITTED,
        "openapi/openapi.json is out of date: run `cargo run -q -p api -- openapi > openapi/openapi.json` and review the diff"
    );
    assert_eq!(res.body["openapi"], "3.1.0");
    assert_eq!(res.body["info"]["version"], api::http::API_VERSION);
}

#[actix_rt::test]
async fn every_operation_declares_problem_errors_and_the_version_header() {
    let doc: serde_json::Value = serde_json::from_str(COMMITTED).expect("json");
    let paths = doc["paths"].as_object().expect("paths");
    let mut operations = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("item") {
            operations += 1;
            let responses = op["responses"].as_object().expect("responses");
            assert!(responses.contains_key("500"), "{method} {path}");
            for (status, r) in responses {
                if status.starts_with('2') {
                    assert!(
                        r["headers"]["API-Version"].is_object(),
                        "{method} {path} {status}"
                    );
                } else if !status.starts_with('3') {
                    assert!(
                        r["content"]["application/problem+json"].is_object(),
                        "{method} {path} {status}"
                    );
                }
            }
            if path.contains("{tenant}") {
                assert!(responses.contains_key("404"), "{method} {path}");
            }
        }
    }
    assert_eq!(operations, 79, "every operation of the API is described");
}

#[actix_rt::test]
async fn interactive_docs_are_served_without_external_resources() {
    let app = spawn_app().await;
    let res = app.request("GET", "/api/docs/", None, None).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert!(res.text.contains("swagger"), "{}", res.text);
    for external in ["src=\"http", "href=\"http", "//cdn", "unpkg.com"] {
        assert!(
            !res.text.contains(external),
            "the docs page loads {external}"
        );
    }
    let res = app
        .request("GET", "/api/docs/swagger-initializer.js", None, None)
        .await;
    assert_eq!(res.status.as_u16(), 200);
    assert!(res.text.contains("/api/v1/openapi.json"), "{}", res.text);
    let res = app.request("GET", "/api/docs", None, None).await;
    assert!(res.status.is_redirection() || res.status.is_success());
}

/// The router and the document come from one list (`routes::endpoints!`); this checks the
/// outcome from outside: every documented operation reaches a handler, and every endpoint the
/// router has is documented.
#[actix_rt::test]
async fn every_documented_operation_is_routed_and_every_route_is_documented() {
    let app = spawn_app().await;
    let doc: serde_json::Value = serde_json::from_str(COMMITTED).expect("json");
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("item").keys() {
            documented.insert((path.clone(), method.to_uppercase()));
            // Any value for the parameters: the route must be found, whatever the handler then
            // says of the value (401, 400, 404 of a resource, …).
            let concrete: String = path
                .split('/')
                .map(|s| {
                    if s.starts_with('{') {
                        "00000000-0000-0000-0000-000000000000"
                    } else {
                        s
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            let res = app
                .send_raw(
                    &method.to_uppercase(),
                    &format!("/api/v1{concrete}"),
                    None,
                    "application/json",
                    b"{}".to_vec(),
                )
                .await;
            let unrouted = res.status.as_u16() == 405
                || res.body["detail"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("Het pad "));
            assert!(
                !unrouted,
                "{method} {path} is documented but not routed: {}",
                res.text
            );
        }
    }
    let routed: std::collections::BTreeSet<(String, String)> = api::http::routes::endpoints()
        .into_iter()
        .map(|(path, method, _)| (path, method.to_string()))
        .collect();
    assert_eq!(routed, documented);
    assert_eq!(routed.len(), 79);
    // A path without its method answers 405, not 404: one resource per path.
    let res = app.request("DELETE", "/api/v1/tenants", None, None).await;
    assert_eq!(res.status.as_u16(), 405, "{}", res.text);
}
