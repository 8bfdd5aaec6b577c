use api::domain::password::NewPassword;
use api::services::demo;

use crate::helpers::{DEMO_PASSWORD, demo_token, load_demo, spawn_app};

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
    assert_eq!(first.figures_loaded, ["tweestromenland", "veluwe-west"]);
    assert!(second.figures_loaded.is_empty(), "figures load once");
    assert_eq!(
        first.accountability_loaded,
        ["1stroom", "tweestromenland", "veluwe-west"]
    );
    assert!(
        second.accountability_loaded.is_empty(),
        "groups and commitments load once"
    );
    assert_eq!(
        first.letters_requested,
        ["1stroom", "tweestromenland", "veluwe-west"]
    );
    assert!(second.letters_requested.is_empty(), "one letter each");
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
    // The 13 of the plan, and the overall goal that carries the plan's two measurable targets.
    assert_eq!(priorities.body["total"], 14);
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
    assert_eq!(wide.body["total"], 6);
    // Every cooperation has an expert group whose review of 2026-H1 is submitted.
    for slug in ["1stroom", "tweestromenland", "veluwe-west"] {
        let admin = app
            .login(&format!("admin@{slug}.example"), DEMO_PASSWORD)
            .await;
        let token = admin.body["accessToken"].as_str().expect("t");
        let groups = app
            .get(&format!("/api/v1/tenants/{slug}/expert-groups"), token)
            .await;
        assert_eq!(groups.body["total"], 1, "{slug}: {}", groups.text);
        let group = groups.body["items"][0]["id"].as_str().expect("id");
        let reviews = app
            .get(
                &format!("/api/v1/tenants/{slug}/expert-groups/{group}/reviews"),
                token,
            )
            .await;
        assert_eq!(reviews.body["items"][0]["period"], "2026-H1", "{slug}");
        assert_eq!(reviews.body["items"][0]["status"], "ingediend", "{slug}");
        assert_eq!(
            groups.body["items"][0]["compliance"]["reviewsLast12Months"],
            1
        );
    }
    let groups = app
        .get("/api/v1/tenants/veluwe-west/expert-groups", &admin)
        .await;
    let g = &groups.body["items"][0];
    assert_eq!(g["name"], "Expertgroep Ondermijning");
    assert_eq!(g["priorities"][0]["title"], "Ondermijning");
    assert_eq!(g["chairName"], "Niels de Boer");
    assert!(
        g["members"]
            .as_array()
            .expect("members")
            .iter()
            .any(|m| m["organisation"] == "RIEC Oost-Nederland")
    );
    let reviews = app
        .get(
            &format!(
                "/api/v1/tenants/veluwe-west/expert-groups/{}/reviews",
                g["id"].as_str().expect("id")
            ),
            &admin,
        )
        .await;
    let review = &reviews.body["items"][0];
    assert_eq!(review["submittedByName"], "Olga Brouwer");
    assert_eq!(review["items"][0]["status"], "aandacht_nodig");
    assert_eq!(
        review["items"][0]["courseCorrections"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    // Commitment 26bb000713 of seed 004, discharged by a council letter.
    let c = app
        .get(
            "/api/v1/tenants/veluwe-west/commitments?q=26bb000713",
            &admin,
        )
        .await;
    let c = &c.body["items"][0];
    assert_eq!(c["status"], "afgedaan");
    assert_eq!(c["madeOn"], "2026-01-22");
    assert_eq!(c["requestedByParty"], "ChristenUnie");
    assert_eq!(c["madeByName"], "Pieter Dekker");
    assert!(
        c["closingLetterTitle"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Raadsinformatiebrief")
    );
    let overdue = app
        .get(
            "/api/v1/tenants/veluwe-west/commitments?overdue=true",
            &admin,
        )
        .await;
    assert_eq!(overdue.item_field("reference"), ["VW-2026-031"]);
    // Entered by the demo people, as the audit trail shows.
    let trail = app
        .get(
            "/api/v1/tenants/veluwe-west/audit-events?entityType=review",
            &admin,
        )
        .await;
    assert_eq!(
        trail.body["items"][0]["actorName"], "Olga Brouwer",
        "{}",
        trail.text
    );

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

    // Every figure of ../shared/data went in: 132 rows of Tweestromenland, 127 of Veluwe-West.
    for (slug, rows) in [("tweestromenland", 132), ("veluwe-west", 127)] {
        let admin = app
            .login(&format!("admin@{slug}.example"), DEMO_PASSWORD)
            .await;
        let token = admin.body["accessToken"].as_str().expect("t");
        let res = app.export_measurements(slug, token, "").await;
        assert_eq!(res.text.lines().count(), rows + 1, "{slug}");
    }
    let res = app
        .get("/api/v1/tenants/veluwe-west/measurement-exports", &admin)
        .await;
    assert!(
        res.text
            .lines()
            .any(|l| l.contains(",Ermelo,Totaal misdrijven,") && l.contains(",2016,1314,")),
        "table 2.1 of seed 002"
    );
}

#[actix_rt::test]
async fn ermelos_target_shows_with_its_baseline_and_the_rule_applied() {
    let app = spawn_app().await;
    load_demo(&app).await;
    let token = &demo_token(&app, "bestuurder", "veluwe-west").await;
    let res = app
        .get(
            "/api/v1/tenants/veluwe-west/indicators?name=excl.%20cybercrime",
            token,
        )
        .await;
    assert_eq!(res.body["total"], 1, "{}", res.text);
    let indicator = &res.body["items"][0];
    assert_eq!(indicator["name"], "Totaal misdrijven (excl. cybercrime)");
    assert_eq!(indicator["source"], "politie");
    let ermelo = indicator["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["areaName"] == "Ermelo")
        .expect("Ermelo");
    assert_eq!(
        ermelo["baseline"],
        serde_json::json!({ "period": "2019", "value": 930.0 })
    );
    assert_eq!(
        ermelo["target"],
        serde_json::json!({ "period": "2024", "comparator": "<=", "value": 800.0 })
    );
    // The latest figure is the 2019 baseline itself, and 2024 is over without its figure: not
    // known whether the target was met, which the status says, not only a notice.
    assert_eq!(
        ermelo["latest"],
        serde_json::json!({ "period": "2019", "value": 930.0 })
    );
    assert_eq!(ermelo["progress"]["status"], "outdated");
    assert_eq!(ermelo["progress"]["label"], "Geen actuele cijfers");
    assert_eq!(
        ermelo["progress"]["summary"],
        "Onbekend: geen cijfer over 2024"
    );
    assert_eq!(
        ermelo["progress"]["explanation"],
        "De streefperiode 2024 is voorbij, maar het laatste cijfer is van 2019: of de streefwaarde (≤ 800) is gehaald, is nog niet bekend."
    );
    assert!(
        ermelo["notice"]
            .as_str()
            .is_some_and(|n| n.contains("2024") && n.contains("laatste meting is van 2019")),
        "{ermelo}"
    );

    // The figure of 2024, 812, misses the target: off track, and the overall goal's status says
    // so after naming the points without current figures.
    let admin = app.login("admin@veluwe-west.example", DEMO_PASSWORD).await;
    let admin = admin.body["accessToken"].as_str().expect("t").to_owned();
    let id = indicator["id"].as_str().expect("id");
    let res = app
        .record_measurement(
            "veluwe-west",
            &admin,
            id,
            &serde_json::json!({ "municipalityId": ermelo["municipalityId"], "period": "2024", "value": 812 }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let res = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/indicators/{id}"),
            token,
        )
        .await;
    let ermelo = res.body["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["areaName"] == "Ermelo")
        .expect("Ermelo")
        .clone();
    assert_eq!(ermelo["progress"]["status"], "off_track", "{}", res.text);
    assert_eq!(ermelo["progress"]["summary"], "Niet gehaald in 2024");
    let priority = res.body["priorityId"].as_str().expect("priority");
    let res = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/priorities/{priority}"),
            token,
        )
        .await;
    assert_eq!(res.body["title"], "Overkoepelende veiligheidsdoelstelling");
    assert_eq!(
        res.body["status"]["status"], "niet_op_koers",
        "{}",
        res.text
    );
    let explanation = res.body["status"]["explanation"].as_str().unwrap_or("");
    assert!(
        explanation.starts_with("Geen actuele cijfers voor 5 van 6 meetpunten: ")
            && explanation.ends_with(
                "0 van 6 meetpunten op koers. Niet op koers: Totaal misdrijven (excl. cybercrime) (Ermelo)."
            ),
        "{explanation}"
    );
}
