use api::domain::role::Role;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::spawn_app;
use crate::helpers::{PlanSetup, refused_with};

#[actix_rt::test]
async fn entering_a_value_again_replaces_it_and_keeps_the_old_one() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "metingen").await;
    let tok = &s.t.admin_token;
    let indicator = app.create(&s.t, "indicators", &s.misdrijven()).await;
    let base = format!(
        "/api/v1/tenants/{}/indicators/{indicator}/measurements",
        s.slug()
    );

    let first = json!({ "municipalityId": s.ermelo, "period": "2020", "value": 910, "sourceNote": "politie, export januari" });
    let res = app
        .record_measurement(s.slug(), tok, &indicator, &first)
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let id = res.id();
    assert_eq!(res.body["enteredBy"], s.t.admin_id.to_string());
    assert_eq!(res.body["enteredByName"], "Beheerder");
    assert_eq!(res.body["sourceNote"], "politie, export januari");

    // The same value again changes nothing.
    let res = app
        .record_measurement(s.slug(), tok, &indicator, &first)
        .await;
    assert_eq!(res.status.as_u16(), 200);
    assert_eq!(res.id(), id);

    // A correction by someone else replaces it; the first value is kept.
    let coordinator = app.member(&s.t, Role::Coordinator, None).await;
    let corrected = json!({ "municipalityId": s.ermelo, "period": "2020", "value": 905.5, "sourceNote": "politie, gecorrigeerd" });
    let res = app
        .record_measurement(s.slug(), &coordinator, &indicator, &corrected)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.id(), id, "still one value per area and period");
    assert_eq!(res.body["value"], 905.5);
    let res = app.get(&format!("{base}/{id}"), tok).await;
    assert_eq!(res.body["value"], 905.5, "{}", res.text);
    let history = res.body["history"].as_array().expect("history");
    assert_eq!(history.len(), 1, "{}", res.text);
    assert_eq!(history[0]["value"], 910.0);
    assert_eq!(history[0]["sourceNote"], "politie, export januari");
    assert_eq!(history[0]["enteredBy"], s.t.admin_id.to_string());
    assert_eq!(history[0]["change"], "updated");
    assert_eq!(history[0]["enteredByName"], "Beheerder");
    assert_eq!(history[0]["replacedByName"], "Test Gebruiker");
    assert_eq!(res.body["enteredByName"], "Test Gebruiker");

    // Half-years, the whole cooperation, list filters and order.
    for (area, period, value) in [
        (None, "2021-H1", 3000.0),
        (Some(&s.putten), "2019", 561.0),
        (Some(&s.ermelo), "2019", 930.0),
    ] {
        let body = json!({ "municipalityId": area, "period": period, "value": value });
        let res = app
            .record_measurement(s.slug(), tok, &indicator, &body)
            .await;
        assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    }
    let res = app.get(&base, tok).await;
    assert_eq!(
        res.item_field("period"),
        ["2021-H1", "2019", "2020", "2019"]
    );
    assert_eq!(
        res.body["items"][0]["municipalityId"],
        serde_json::Value::Null
    );
    let res = app
        .get(&format!("{base}?municipalityId={}", s.ermelo), tok)
        .await;
    assert_eq!(res.item_field("period"), ["2019", "2020"]);
    let res = app.get(&format!("{base}?cooperationOnly=true"), tok).await;
    assert_eq!(res.item_field("period"), ["2021-H1"]);
    let res = app
        .get(
            &format!("{base}?cooperationOnly=true&municipalityId={}", s.ermelo),
            tok,
        )
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);

    // Deleting keeps the last value in the history.
    let res = app.delete(&format!("{base}/{id}"), tok).await;
    assert_eq!(res.status.as_u16(), 204, "{}", res.text);
    assert_eq!(
        app.get(&format!("{base}/{id}"), tok).await.status.as_u16(),
        404
    );
    let again = json!({ "municipalityId": s.ermelo, "period": "2020", "value": 899 });
    let res = app
        .record_measurement(s.slug(), tok, &indicator, &again)
        .await;
    assert_eq!(res.status.as_u16(), 201);
    let res = app.get(&format!("{base}/{}", res.id()), tok).await;
    let values: Vec<f64> = res.body["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h["value"].as_f64().expect("value"))
        .collect();
    assert_eq!(values, [905.5, 910.0], "{}", res.text);
    assert_eq!(res.body["history"][0]["change"], "deleted");
}

#[actix_rt::test]
async fn bad_measurements_are_refused_and_areas_follow_the_priority() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "meting-invoer").await;
    let tok = &s.t.admin_token;
    let indicator = app.create(&s.t, "indicators", &s.misdrijven()).await;
    let local = app
        .create(
            &s.t,
            "indicators",
            &json!({ "priorityId": s.ermelo_priority, "name": "Geweld", "unit": "aantal", "source": "politie", "direction": "lower_is_better" }),
        )
        .await;
    for (ind, body, field) in [
        (
            &indicator,
            json!({ "period": "2026-Q1", "value": 1 }),
            "period",
        ),
        (&indicator, json!({ "period": "26", "value": 1 }), "period"),
        (
            &indicator,
            json!({ "period": "2026", "value": 1, "sourceNote": "a\u{7}b" }),
            "sourceNote",
        ),
        (
            &indicator,
            json!({ "period": "2026", "value": 1, "municipalityId": Uuid::new_v4() }),
            "municipalityId",
        ),
        (
            &local,
            json!({ "period": "2026", "value": 1 }),
            "municipalityId",
        ),
        (
            &local,
            json!({ "period": "2026", "value": 1, "municipalityId": s.putten }),
            "municipalityId",
        ),
    ] {
        let res = app.record_measurement(s.slug(), tok, ind, &body).await;
        assert_eq!(
            res.status.as_u16(),
            refused_with(field, &["municipalityId"]),
            "{field}: {}",
            res.text
        );
        assert_eq!(res.body["invalidParams"][0]["name"], field, "{}", res.text);
    }
    let res = app
        .record_measurement(
            s.slug(),
            tok,
            &indicator,
            &json!({ "period": "2026", "value": "veel" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(res.problem_code(), "invalid_input");
    let res = app
        .record_measurement(
            s.slug(),
            tok,
            &Uuid::new_v4().to_string(),
            &json!({ "period": "2026", "value": 1 }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 404);
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/indicators/{indicator}/measurements",
                s.slug()
            ),
            tok,
        )
        .await;
    assert_eq!(res.body["total"], 0, "nothing was stored");
}

#[actix_rt::test]
async fn who_may_enter_measurements() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "meting-rollen").await;
    let indicator = app.create(&s.t, "indicators", &s.misdrijven()).await;
    let ermelo_id: Uuid = s.ermelo.parse().expect("uuid");
    let at = |area: Option<&str>| json!({ "municipalityId": area, "period": "2022", "value": 850 });

    let scoped = app.member(&s.t, Role::Coordinator, Some(ermelo_id)).await;
    let res = app
        .record_measurement(s.slug(), &scoped, &indicator, &at(Some(&s.ermelo)))
        .await;
    assert_eq!(res.status.as_u16(), 201, "own municipality: {}", res.text);
    let ermelo_measurement = res.id();
    for area in [Some(s.putten.as_str()), None] {
        let res = app
            .record_measurement(s.slug(), &scoped, &indicator, &at(area))
            .await;
        assert_eq!(res.status.as_u16(), 403, "{area:?}: {}", res.text);
    }
    let putten = app
        .record_measurement(s.slug(), &s.t.admin_token, &indicator, &at(Some(&s.putten)))
        .await
        .id();
    let base = format!(
        "/api/v1/tenants/{}/indicators/{indicator}/measurements",
        s.slug()
    );
    assert_eq!(
        app.delete(&format!("{base}/{putten}"), &scoped)
            .await
            .status
            .as_u16(),
        403
    );
    for role in [Role::Viewer, Role::Bestuurder, Role::Expert] {
        let tok = app.member(&s.t, role, None).await;
        let res = app
            .record_measurement(s.slug(), &tok, &indicator, &at(Some(&s.ermelo)))
            .await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}");
        assert_eq!(
            app.delete(&format!("{base}/{ermelo_measurement}"), &tok)
                .await
                .status
                .as_u16(),
            403
        );
        assert_eq!(
            app.get(&base, &tok).await.body["total"],
            2,
            "{role:?} reads"
        );
    }
}
