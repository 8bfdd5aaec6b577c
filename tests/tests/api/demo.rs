use api::domain::password::NewPassword;
use api::services::demo;

use crate::helpers::spawn_app;

const DEMO_PASSWORD: &str = "demo-password-for-tests";

#[actix_rt::test]
async fn demo_data_loads_once_with_every_role() {
    let app = spawn_app().await;
    let pool = app.pool.clone();
    let (first, second) = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        let pw = NewPassword::parse(DEMO_PASSWORD).expect("pw");
        (
            demo::load(&mut conn, &pw).expect("first"),
            demo::load(&mut conn, &pw).expect("second"),
        )
    })
    .await
    .expect("join");
    assert_eq!(
        first.tenants_created,
        ["1stroom", "tweestromenland", "veluwe-west"]
    );
    assert!(second.tenants_created.is_empty());
    assert_eq!(first.users.len(), 19);

    let login = app
        .login("coordinator-ermelo@veluwe-west.example", DEMO_PASSWORD)
        .await;
    assert_eq!(login.status.as_u16(), 200, "{}", login.text);
    let token = login.body["accessToken"].as_str().expect("token");
    let res = app
        .get("/api/v1/tenants/veluwe-west/municipalities", token)
        .await;
    let names = res.item_field("name");
    assert_eq!(names, ["Ermelo", "Harderwijk", "Putten"]);
    let ermelo = res.body["items"][0]["id"].clone();
    let me = app.get("/api/v1/me", token).await;
    assert_eq!(me.body["memberships"][0]["municipalityId"], ermelo);

    let res = app
        .get("/api/v1/tenants/tweestromenland/municipalities", token)
        .await;
    assert_eq!(
        res.status.as_u16(),
        404,
        "a Veluwe-West coordinator does not see Tweestromenland"
    );

    for slug in ["1stroom", "tweestromenland", "veluwe-west"] {
        for role in ["admin", "coordinator", "expert", "bestuurder", "viewer"] {
            let res = app
                .login(&format!("{role}@{slug}.example"), DEMO_PASSWORD)
                .await;
            assert_eq!(res.status.as_u16(), 200, "{role}@{slug}");
        }
    }
    let admin = app
        .login("admin@tweestromenland.example", DEMO_PASSWORD)
        .await;
    let res = app
        .get(
            "/api/v1/tenants/tweestromenland/municipalities",
            admin.body["accessToken"].as_str().expect("t"),
        )
        .await;
    assert_eq!(res.body["total"], 6);

    let pa = app
        .login("platform-admin@platform.example", DEMO_PASSWORD)
        .await;
    let pa = pa.body["accessToken"].as_str().expect("t");
    assert_eq!(
        app.get("/api/v1/tenants", pa).await.body["items"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    assert_eq!(
        app.get("/api/v1/tenants/veluwe-west/municipalities", pa)
            .await
            .status
            .as_u16(),
        404
    );

    // The plans and priorities of the seeds, loaded once.
    let admin = app.login("admin@veluwe-west.example", DEMO_PASSWORD).await;
    let admin = admin.body["accessToken"].as_str().expect("t").to_owned();
    let plans = app.get("/api/v1/tenants/veluwe-west/plans", &admin).await;
    assert_eq!(
        plans.item_field("title"),
        ["Integraal Veiligheidsplan Veluwe-West 2020-2024"]
    );
    assert_eq!(plans.body["items"][0]["status"], "vastgesteld");
    let priorities = app
        .get(
            "/api/v1/tenants/veluwe-west/priorities?pageSize=100",
            &admin,
        )
        .await;
    assert_eq!(priorities.body["total"], 13);
    let ermelo_id = ermelo.as_str().expect("id");
    let local = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/priorities?municipalityId={ermelo_id}"),
            &admin,
        )
        .await;
    assert_eq!(
        local.item_field("title"),
        [
            "Jeugd en Veiligheid",
            "Overlast, geweld",
            "Verkeersveiligheid"
        ]
    );
    let wide = app
        .get(
            "/api/v1/tenants/veluwe-west/priorities?scope=cooperation",
            &admin,
        )
        .await;
    assert_eq!(wide.body["total"], 5);
    for (slug, n) in [("1stroom", 6), ("tweestromenland", 5)] {
        let admin = app
            .login(&format!("admin@{slug}.example"), DEMO_PASSWORD)
            .await;
        let token = admin.body["accessToken"].as_str().expect("t");
        let res = app
            .get(&format!("/api/v1/tenants/{slug}/priorities"), token)
            .await;
        assert_eq!(res.body["total"], n, "{slug}");
    }
}
