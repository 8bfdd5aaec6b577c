use crate::helpers::spawn_app;

#[actix_rt::test]
async fn healthz_readyz_and_metrics_answer() {
    let app = spawn_app().await;
    let res = app.request("GET", "/healthz", None, None).await;
    assert_eq!(res.status.as_u16(), 200);
    assert_eq!(
        res.headers
            .get("API-Version")
            .map(|v| v.to_str().unwrap_or("")),
        Some("1.0.0")
    );

    let res = app.request("GET", "/readyz", None, None).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["database"], "ok");

    // One request on a tenant route, so it shows with its pattern (not the raw path).
    let tenant = app.tenant("metrics").await;
    app.get(
        &format!("/api/v1/tenants/{}/municipalities", tenant.slug()),
        &tenant.admin_token,
    )
    .await;

    let res = app.request("GET", "/metrics", None, None).await;
    assert_eq!(res.status.as_u16(), 200);
    assert!(res.text.contains("http_requests_total"), "{}", res.text);
    assert!(
        res.text
            .contains("route=\"/api/v1/tenants/{tenant}/municipalities\""),
        "{}",
        res.text
    );
    assert!(
        !res.text.contains(tenant.slug()),
        "raw paths must not become labels"
    );
    assert!(res.text.contains("http_request_duration_seconds_bucket"));
    assert!(
        res.text.contains("db_pool_connections{state=\"max\"} 6"),
        "{}",
        res.text
    );
}
