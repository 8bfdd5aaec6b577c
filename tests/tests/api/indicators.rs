use api::domain::role::Role;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{PlanSetup, refused_with, spawn_app};

#[actix_rt::test]
async fn indicators_carry_baseline_target_and_progress_per_area() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "indicatoren").await;
    let tok = &s.t.admin_token;
    let base = format!("/api/v1/tenants/{}/indicators", s.slug());

    let res = app.post(&base, tok, &s.misdrijven()).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let id = res.id();
    assert!(
        res.headers
            .get("location")
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.ends_with(&id))
    );
    let areas = &res.body["areas"];
    assert_eq!(areas[0]["areaName"], "Ermelo");
    assert_eq!(
        areas[0]["baseline"],
        json!({ "period": "2019", "value": 930.0 })
    );
    assert_eq!(
        areas[0]["target"],
        json!({ "period": "2024", "comparator": "<=", "value": 800.0 })
    );
    assert_eq!(areas[1]["target"]["comparator"], "<=", "≤ is stored as <=");
    // No figure, and 2024 is over: not known whether the target was met.
    assert_eq!(areas[0]["progress"]["status"], "outdated");
    assert_eq!(areas[0]["progress"]["label"], "Geen actuele cijfers");
    assert_eq!(
        areas[0]["progress"]["summary"],
        "Onbekend: geen cijfer over 2024"
    );

    // Figures move the verdict. The target period 2024 is over: a figure of 2021 that is not yet
    // at 800 says nothing about 2024.
    let m = |area: &str, period: &str, value: f64| json!({ "municipalityId": area, "period": period, "value": value });
    let res = app
        .record_measurement(s.slug(), tok, &id, &m(&s.ermelo, "2021", 870.0))
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    app.record_measurement(s.slug(), tok, &id, &m(&s.putten, "2022", 600.0))
        .await
        .id();
    let res = app.get(&format!("{base}/{id}"), tok).await;
    let ermelo = &res.body["areas"][0];
    assert_eq!(ermelo["progress"]["status"], "outdated", "{}", res.text);
    assert_eq!(ermelo["progress"]["label"], "Geen actuele cijfers");
    assert_eq!(
        ermelo["progress"]["summary"],
        "Onbekend: geen cijfer over 2024"
    );
    assert_eq!(
        ermelo["latest"],
        json!({ "period": "2021", "value": 870.0 })
    );
    assert_eq!(
        ermelo["notice"],
        "De streefperiode 2024 is voorbij, maar de laatste meting is van 2021: voer de nieuwere cijfers in."
    );
    assert_eq!(res.body["areas"][1]["progress"]["status"], "outdated");

    let priority_status = |res: &crate::helpers::Response| {
        (
            res.body["status"]["status"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
            res.body["status"]["explanation"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
        )
    };
    let coop_priority = format!(
        "/api/v1/tenants/{}/priorities/{}",
        s.slug(),
        s.coop_priority
    );
    assert_eq!(
        priority_status(&app.get(&coop_priority, tok).await),
        (
            "geen_actuele_cijfers".to_owned(),
            "Geen actuele cijfers voor 2 van 2 meetpunten: Totaal misdrijven (excl. cybercrime) (Ermelo), \
             Totaal misdrijven (excl. cybercrime) (Putten)."
                .to_owned()
        )
    );
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/priorities/{}",
                s.slug(),
                s.ermelo_priority
            ),
            tok,
        )
        .await;
    assert_eq!(res.body["status"]["status"], "geen_gegevens");

    // A target reached early stays reached; the outdated point is named first.
    app.record_measurement(s.slug(), tok, &id, &m(&s.putten, "2023", 480.0))
        .await
        .id();
    let res = app.get(&format!("{base}/{id}"), tok).await;
    assert_eq!(res.body["areas"][1]["progress"]["status"], "on_track");
    assert_eq!(
        res.body["areas"][1]["progress"]["summary"],
        "Gehaald in 2023"
    );
    assert_eq!(
        priority_status(&app.get(&coop_priority, tok).await),
        (
            "geen_actuele_cijfers".to_owned(),
            "Geen actuele cijfers voor 1 van 2 meetpunten: Totaal misdrijven (excl. cybercrime) (Ermelo). \
             1 van 2 meetpunten op koers."
                .to_owned()
        )
    );

    // The figure of 2024 itself decides: missed in Ermelo.
    app.record_measurement(s.slug(), tok, &id, &m(&s.ermelo, "2024", 812.0))
        .await
        .id();
    let res = app.get(&format!("{base}/{id}"), tok).await;
    let ermelo = &res.body["areas"][0];
    assert_eq!(ermelo["progress"]["status"], "off_track", "{}", res.text);
    assert_eq!(ermelo["progress"]["summary"], "Niet gehaald in 2024");
    assert!(ermelo["notice"].is_null(), "{ermelo}");
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/priorities?planId=", s.slug()),
            tok,
        )
        .await;
    assert_eq!(
        res.status.as_u16(),
        400,
        "an empty id is refused: {}",
        res.text
    );
    let res = app
        .get(&format!("/api/v1/tenants/{}/priorities", s.slug()), tok)
        .await;
    let overall = res.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|p| p["id"] == s.coop_priority.as_str())
        .expect("listed");
    assert_eq!(
        overall["status"]["status"], "aandacht_nodig",
        "{}",
        res.text
    );
    assert_eq!(
        overall["status"]["explanation"],
        "1 van 2 meetpunten op koers. Niet op koers: Totaal misdrijven (excl. cybercrime) (Ermelo)."
    );

    // Filters.
    let named = json!({ "priorityId": s.ermelo_priority, "name": "Meldingen jeugdoverlast", "unit": "aantal", "source": "politie", "direction": "lower_is_better" });
    let jeugd = app.post(&base, tok, &named).await.id();
    assert_eq!(
        app.get(&format!("{base}?priorityId={}", s.ermelo_priority), tok)
            .await
            .item_field("id"),
        [jeugd.as_str()]
    );
    assert_eq!(
        app.get(&format!("{base}?name=MISDRIJVEN"), tok)
            .await
            .item_field("id"),
        [id.as_str()]
    );
    assert_eq!(app.get(&base, tok).await.body["total"], 2);

    // Update replaces the areas; a name taken within the priority is a conflict.
    let mut changed = s.misdrijven();
    changed["areas"] = json!([{ "municipalityId": s.ermelo, "target": { "period": "2024", "comparator": "<=", "value": 850 } }]);
    let res = app.put(&format!("{base}/{id}"), tok, &changed).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let areas = res.body["areas"].as_array().expect("areas");
    assert_eq!(areas[0]["baseline"], Value::Null);
    assert_eq!(areas[0]["target"]["value"], 850.0);
    assert_eq!(
        areas[1]["target"],
        Value::Null,
        "Putten keeps its measurements but no target"
    );
    let mut clash = named.clone();
    clash["name"] = json!("meldingen JEUGDOVERLAST");
    let res = app.post(&base, tok, &clash).await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "indicator_name_taken");

    // Deleting: refused with measurements (and the priority refused with indicators).
    let res = app.delete(&format!("{base}/{id}"), tok).await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "indicator_has_measurements");
    let res = app
        .delete(
            &format!(
                "/api/v1/tenants/{}/priorities/{}",
                s.slug(),
                s.ermelo_priority
            ),
            tok,
        )
        .await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "priority_has_indicators");
    // Measurements once entered and deleted stay in the history, and so does the indicator.
    let m = app
        .record_measurement(
            s.slug(),
            tok,
            &jeugd,
            &json!({ "municipalityId": s.ermelo, "period": "2022", "value": 12 }),
        )
        .await
        .id();
    let res = app
        .delete(&format!("{base}/{jeugd}/measurements/{m}"), tok)
        .await;
    assert_eq!(res.status.as_u16(), 204, "{}", res.text);
    let res = app.delete(&format!("{base}/{jeugd}"), tok).await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "indicator_has_history");
    let fresh = json!({ "priorityId": s.ermelo_priority, "name": "Nog niet gemeten", "unit": "aantal", "source": "politie", "direction": "lower_is_better" });
    let fresh = app.post(&base, tok, &fresh).await.id();
    let res = app.delete(&format!("{base}/{fresh}"), tok).await;
    assert_eq!(res.status.as_u16(), 204, "{}", res.text);
    assert_eq!(
        app.get(&format!("{base}/{fresh}"), tok)
            .await
            .status
            .as_u16(),
        404
    );
}

#[actix_rt::test]
async fn current_figures_are_judged_on_the_line_from_baseline_to_target() {
    use chrono::Datelike;
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "indicatorlijn").await;
    let tok = &s.t.admin_token;
    let base = format!("/api/v1/tenants/{}/indicators", s.slug());
    // Years around today, so that last year's figure is current and the target still ahead.
    let year = chrono::Utc::now().year();
    let area = |m: &str| json!({ "municipalityId": m, "baseline": { "period": (year - 3).to_string(), "value": 1000 }, "target": { "period": (year + 2).to_string(), "comparator": "<=", "value": 800 } });
    let id = app
        .post(
            &base,
            tok,
            &json!({ "priorityId": s.coop_priority, "name": "Woninginbraak", "unit": "aantal", "source": "politie", "direction": "lower_is_better", "areas": [area(&s.ermelo), area(&s.putten)] }),
        )
        .await
        .id();
    // Last year ends 2 of the 5 years from the baseline's end to the target's: expected 920.
    let last_year = (year - 1).to_string();
    for (town, value) in [(&s.ermelo, 900), (&s.putten, 950)] {
        let res = app
            .record_measurement(
                s.slug(),
                tok,
                &id,
                &json!({ "municipalityId": town, "period": last_year, "value": value }),
            )
            .await;
        assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    }
    let res = app.get(&format!("{base}/{id}"), tok).await;
    let (ermelo, putten) = (&res.body["areas"][0], &res.body["areas"][1]);
    assert_eq!(ermelo["progress"]["status"], "on_track", "{}", res.text);
    assert_eq!(ermelo["progress"]["summary"], "Op koers");
    assert_eq!(ermelo["progress"]["expected"], 920.0);
    assert_eq!(
        ermelo["progress"]["explanation"],
        format!(
            "900 in {last_year}: op koers naar 800 in {} (verwacht rond 920).",
            year + 2
        )
    );
    assert!(ermelo["notice"].is_null());
    assert_eq!(putten["progress"]["status"], "off_track");
    assert_eq!(putten["progress"]["label"], "Niet op koers");
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/priorities/{}",
                s.slug(),
                s.coop_priority
            ),
            tok,
        )
        .await;
    assert_eq!(
        res.body["status"]["status"], "aandacht_nodig",
        "{}",
        res.text
    );
    assert_eq!(
        res.body["status"]["explanation"],
        "1 van 2 meetpunten op koers. Niet op koers: Woninginbraak (Putten)."
    );
}

#[actix_rt::test]
async fn bad_indicators_are_refused_with_the_field_named() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "ind-invoer").await;
    let other = app.tenant("ind-elders").await;
    let other_town = app
        .create_municipality(other.slug(), &other.admin_token, "Nijkerk")
        .await
        .id();
    let base = format!("/api/v1/tenants/{}/indicators", s.slug());
    let with = |f: &dyn Fn(&mut Value)| {
        let mut b = s.misdrijven();
        f(&mut b);
        b
    };
    let cases: Vec<(Value, &str)> = vec![
        (with(&|b| b["name"] = json!(" ")), "name"),
        (with(&|b| b["unit"] = json!("")), "unit"),
        (with(&|b| b["direction"] = json!("omlaag")), "direction"),
        (with(&|b| b["policeCode"] = json!("F 44")), "policeCode"),
        (
            with(&|b| b["priorityId"] = json!(Uuid::new_v4())),
            "priorityId",
        ),
        (
            with(&|b| b["areas"][0]["target"]["comparator"] = json!(">=")),
            "areas[0].target.comparator",
        ),
        (
            with(&|b| b["areas"][0]["target"]["period"] = json!("2019")),
            "areas[0].target.period",
        ),
        (
            with(&|b| b["areas"][1]["baseline"]["period"] = json!("2019-Q1")),
            "areas[1].baseline.period",
        ),
        (
            with(&|b| b["areas"][1]["municipalityId"] = b["areas"][0]["municipalityId"].clone()),
            "areas[1].municipalityId",
        ),
        (
            with(&|b| b["areas"][1]["municipalityId"] = json!(other_town)),
            "areas",
        ),
        (
            // A local priority is measured only in its own municipality.
            with(&|b| b["priorityId"] = json!(s.ermelo_priority)),
            "areas",
        ),
    ];
    for (body, field) in cases {
        let res = app.post(&base, &s.t.admin_token, &body).await;
        assert_eq!(
            res.status.as_u16(),
            refused_with(
                field,
                &[
                    "priorityId",
                    "areas[0].target.comparator",
                    "areas[0].target.period",
                    "areas[1].municipalityId",
                    "areas"
                ]
            ),
            "{field}: {}",
            res.text
        );
        assert_eq!(res.problem_code(), "invalid_input");
        assert_eq!(res.body["invalidParams"][0]["name"], field, "{}", res.text);
        assert!(
            res.body["detail"]
                .as_str()
                .is_some_and(|d| d.contains(field)),
            "{}",
            res.text
        );
    }
    // Unknown fields and wrong types are refused too, and nothing was stored.
    let res = app
        .post(
            &base,
            &s.t.admin_token,
            &with(&|b| b["streefwaarde"] = json!(1)),
        )
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(app.get(&base, &s.t.admin_token).await.body["total"], 0);
}

#[actix_rt::test]
async fn who_may_edit_indicators() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "ind-rollen").await;
    let base = format!("/api/v1/tenants/{}/indicators", s.slug());
    let ermelo_id: Uuid = s.ermelo.parse().expect("uuid");
    let local = json!({ "priorityId": s.ermelo_priority, "name": "Geweld", "unit": "aantal", "source": "politie", "direction": "lower_is_better",
        "areas": [{ "municipalityId": s.ermelo, "baseline": { "period": "2019", "value": 128 } }] });

    for role in [Role::Viewer, Role::Bestuurder, Role::Expert] {
        let tok = app.member(&s.t, role, None).await;
        let res = app.post(&base, &tok, &s.misdrijven()).await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}: {}", res.text);
        assert_eq!(res.problem_code(), "forbidden");
        assert_eq!(
            app.get(&base, &tok).await.status.as_u16(),
            200,
            "{role:?} reads"
        );
    }
    let coordinator = app.member(&s.t, Role::Coordinator, None).await;
    let coop = app.post(&base, &coordinator, &s.misdrijven()).await;
    assert_eq!(coop.status.as_u16(), 201, "{}", coop.text);

    let scoped = app.member(&s.t, Role::Coordinator, Some(ermelo_id)).await;
    let res = app.post(&base, &scoped, &local).await;
    assert_eq!(res.status.as_u16(), 201, "own municipality: {}", res.text);
    let mut cooperation_wide = s.misdrijven();
    cooperation_wide["name"] = json!("Woninginbraak");
    let res = app.post(&base, &scoped, &cooperation_wide).await;
    assert_eq!(res.status.as_u16(), 403, "{}", res.text);
    let res = app
        .put(&format!("{base}/{}", coop.id()), &scoped, &s.misdrijven())
        .await;
    assert_eq!(res.status.as_u16(), 403, "{}", res.text);
    let res = app.delete(&format!("{base}/{}", coop.id()), &scoped).await;
    assert_eq!(res.status.as_u16(), 403, "{}", res.text);
}
