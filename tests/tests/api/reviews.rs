use api::domain::role::Role;
use serde_json::json;

use crate::expert_groups::GroupSetup;
use crate::helpers::spawn_app;

#[actix_rt::test]
async fn a_review_goes_from_concept_to_submitted_to_adopted_and_can_be_sent_back() {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "evaluaties").await;
    let reviews = format!("{}/reviews", s.base());
    let member = &s.member_token;
    let priority = format!(
        "/api/v1/tenants/{}/priorities/{}",
        s.p.slug(),
        s.p.coop_priority
    );
    assert!(
        app.get(&priority, member).await.body["latestReview"].is_null(),
        "no review yet"
    );

    // The member starts a concept with a partial assessment.
    let res = app
        .post(&reviews, member, &json!({ "period": "2026-H1", "items": [ { "priorityId": s.p.coop_priority, "status": "op_koers" } ] }))
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    assert_eq!(res.body["status"], "concept");
    assert_eq!(res.body["dueOn"], "2026-06-30");
    assert_eq!(res.body["createdByName"], "Test Gebruiker");
    let review = format!("{reviews}/{}", res.id());
    assert!(
        app.get(&priority, member).await.body["latestReview"].is_null(),
        "a concept is not a judgement yet"
    );

    // One review per period.
    let res = app
        .post(&reviews, member, &json!({ "period": "2026-h1" }))
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "review_exists");
    // The group reviews half-years.
    let res = app
        .post(&reviews, member, &json!({ "period": "2026" }))
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "period");

    // Incomplete: submitting names what is missing.
    let res = app
        .post(&format!("{review}/submit"), member, &json!({}))
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    let detail = res.body["invalidParams"][0]["reason"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        detail.contains("Overkoepelende veiligheidsdoelstelling (voortgang)")
            && detail.contains("Overlast, geweld (status en voortgang)"),
        "{}",
        res.text
    );

    // An item about a priority outside the group's theme is refused.
    let mut body = s.complete_review();
    body["items"][1]["priorityId"] = json!(uuid::Uuid::new_v4());
    let res = app.put(&review, member, &body).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "items[1].priorityId");
    // A course correction needs a follow-up date.
    let mut body = s.complete_review();
    body["items"][0]["courseCorrections"][0]["followUpOn"] = json!(null);
    let res = app.put(&review, member, &body).await;
    assert_eq!(
        res.body["invalidParams"][0]["name"], "items[0].courseCorrections[0].followUpOn",
        "{}",
        res.text
    );

    // Complete, with a figure brought in by the review.
    let indicator = app.create(&s.p.t, "indicators", &s.p.misdrijven()).await;
    let mut body = s.complete_review();
    body["measurements"] = json!([{ "indicatorId": indicator, "municipalityId": s.p.ermelo, "period": "2026-H1", "value": 402, "sourceNote": "politie, halfjaarcijfers" }]);
    let res = app.put(&review, member, &body).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let items = res.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    let coop = items
        .iter()
        .find(|i| i["priorityId"] == s.p.coop_priority.as_str())
        .expect("item");
    assert_eq!(
        coop["priorityTitle"],
        "Overkoepelende veiligheidsdoelstelling"
    );
    assert_eq!(coop["courseCorrections"][0]["owner"], "Teamchef politie");
    assert_eq!(coop["courseCorrections"][0]["followUpOn"], "2026-09-30");
    let figures = app
        .get(
            &format!(
                "/api/v1/tenants/{}/indicators/{indicator}/measurements",
                s.p.slug()
            ),
            &s.p.t.admin_token,
        )
        .await;
    assert_eq!(figures.body["items"][0]["value"], 402.0, "{}", figures.text);

    // The member cannot adopt; only coordinators and bestuurders decide.
    let res = app
        .post(&format!("{review}/adopt"), member, &json!({}))
        .await;
    assert_eq!(res.status.as_u16(), 403);
    // Adopting a concept is refused with the reason.
    let bestuurder = app.member(&s.p.t, Role::Bestuurder, None).await;
    let res = app
        .post(&format!("{review}/adopt"), &bestuurder, &json!({}))
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert!(
        res.body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("eerst indienen"),
        "{}",
        res.text
    );

    let res = app
        .post(&format!("{review}/submit"), member, &json!({}))
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["status"], "ingediend");
    assert_eq!(res.body["submittedByName"], "Test Gebruiker");

    // Submitted: read-only, also for the coordinator, except sending back.
    let res = app.put(&review, member, &s.complete_review()).await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "review_locked");
    assert!(
        res.body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("terugsturen"),
        "{}",
        res.text
    );
    assert_eq!(
        app.put(&review, &s.p.t.admin_token, &s.complete_review())
            .await
            .status
            .as_u16(),
        409
    );
    assert_eq!(app.delete(&review, member).await.status.as_u16(), 409);
    assert_eq!(
        app.post(&format!("{review}/submit"), member, &json!({}))
            .await
            .status
            .as_u16(),
        409
    );

    // Sending back needs a reason.
    let res = app
        .post(
            &format!("{review}/send-back"),
            &bestuurder,
            &json!({ "reason": " " }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 400, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "reason");
    let res = app
        .post(
            &format!("{review}/send-back"),
            &bestuurder,
            &json!({ "reason": "Graag de risico's voor Ermelo uitwerken." }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["status"], "concept");
    assert_eq!(
        res.body["sentBackReason"],
        "Graag de risico's voor Ermelo uitwerken."
    );
    assert!(res.body["submittedAt"].is_null());
    // A concept cannot be sent back again.
    let res = app
        .post(
            &format!("{review}/send-back"),
            &bestuurder,
            &json!({ "reason": "Nogmaals" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 409);
    assert!(
        res.body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("nog een concept"),
        "{}",
        res.text
    );

    // Edited, submitted again, adopted by the bestuurder: final.
    let mut body = s.complete_review();
    body["items"][1]["risks"] = json!("Verplaatsing naar Putten");
    assert_eq!(app.put(&review, member, &body).await.status.as_u16(), 200);
    assert_eq!(
        app.post(&format!("{review}/submit"), member, &json!({}))
            .await
            .status
            .as_u16(),
        200
    );
    let res = app
        .post(&format!("{review}/adopt"), &bestuurder, &json!({}))
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["status"], "vastgesteld");
    for (method, path, body) in [
        (
            "POST",
            format!("{review}/send-back"),
            json!({ "reason": "x" }),
        ),
        ("PUT", review.clone(), s.complete_review()),
        ("DELETE", review.clone(), json!({})),
        ("POST", format!("{review}/adopt"), json!({})),
    ] {
        let res = app
            .request(method, &path, Some(&s.p.t.admin_token), Some(&body))
            .await;
        assert_eq!(res.status.as_u16(), 409, "{method} {path}: {}", res.text);
        assert!(
            res.body["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("vastgesteld"),
            "{}",
            res.text
        );
    }

    // The priorities show what the group said last.
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/priorities/{}",
                s.p.slug(),
                s.p.ermelo_priority
            ),
            &s.p.t.admin_token,
        )
        .await;
    let latest = &res.body["latestReview"];
    assert_eq!(latest["period"], "2026-H1", "{}", res.text);
    assert_eq!(latest["reviewStatus"], "vastgesteld");
    assert_eq!(latest["status"], "aandacht_nodig");
    assert_eq!(latest["groupName"], "Expertgroep Ondermijning");

    // The group is now up to date for 2026-H1; 2026-H2 is next.
    let res = app.get(&s.base(), &s.p.t.admin_token).await;
    assert_eq!(res.body["compliance"]["overdue"], false, "{}", res.text);
    assert_eq!(res.body["compliance"]["nextDuePeriod"], "2026-H2");
    assert_eq!(res.body["compliance"]["nextDueOn"], "2026-12-31");
    assert_eq!(res.body["compliance"]["reviewsLast12Months"], 1);
    // A group with reviews is kept.
    let res = app.delete(&s.base(), &s.p.t.admin_token).await;
    assert_eq!(res.status.as_u16(), 409);
    assert_eq!(res.problem_code(), "expert_group_has_reviews");

    // Every step is in the audit trail, as the member and the bestuurder did it.
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/audit-events?entityType=review&pageSize=100",
                s.p.slug()
            ),
            &s.p.t.admin_token,
        )
        .await;
    let steps: Vec<String> = res.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .rev()
        .map(|e| {
            format!(
                "{}:{}",
                e["action"].as_str().unwrap_or(""),
                e["after"]["status"].as_str().unwrap_or("")
            )
        })
        .collect();
    // (The second edit changed an item only, so the review row itself has no event for it.)
    assert_eq!(
        steps,
        [
            "create:concept",
            "update:concept",
            "update:ingediend",
            "update:concept",
            "update:ingediend",
            "update:vastgesteld"
        ],
        "{}",
        res.text
    );
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/audit-events?entityType=review_item",
                s.p.slug()
            ),
            &s.p.t.admin_token,
        )
        .await;
    assert!(
        res.text.contains("Verplaatsing naar Putten"),
        "{}",
        res.text
    );

    // Out of the group's theme, a priority the adopted review judged still stays: the review
    // is kept, and so is what it is about.
    let group = app.get(&s.base(), &s.p.t.admin_token).await.body;
    let theme = json!({ "name": group["name"], "priorityIds": [s.p.coop_priority] });
    let res = app.put(&s.base(), &s.p.t.admin_token, &theme).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let res = app
        .delete(
            &format!(
                "/api/v1/tenants/{}/priorities/{}",
                s.p.slug(),
                s.p.ermelo_priority
            ),
            &s.p.t.admin_token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "priority_has_reviews");
}

#[actix_rt::test]
async fn only_members_of_the_group_and_coordinators_write_its_review() {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "evalrollen").await;
    let reviews = format!("{}/reviews", s.base());
    let outsider = app.member(&s.p.t, Role::Expert, None).await;
    let viewer = app.member(&s.p.t, Role::Viewer, None).await;
    let scoped = app
        .member(
            &s.p.t,
            Role::Coordinator,
            Some(s.p.ermelo.parse().expect("id")),
        )
        .await;
    for tok in [&outsider, &viewer, &scoped] {
        let res = app
            .post(&reviews, tok, &json!({ "period": "2026-H2" }))
            .await;
        assert_eq!(res.status.as_u16(), 403, "{}", res.text);
    }
    let coordinator = app.member(&s.p.t, Role::Coordinator, None).await;
    let res = app
        .post(&reviews, &coordinator, &json!({ "period": "2026-H2" }))
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let review = format!("{reviews}/{}", res.id());
    for tok in [&outsider, &viewer] {
        assert_eq!(
            app.put(&review, tok, &s.complete_review())
                .await
                .status
                .as_u16(),
            403
        );
        assert_eq!(app.delete(&review, tok).await.status.as_u16(), 403);
        assert_eq!(
            app.post(&format!("{review}/submit"), tok, &json!({}))
                .await
                .status
                .as_u16(),
            403
        );
        // Everyone reads.
        assert_eq!(app.get(&review, tok).await.status.as_u16(), 200);
    }
    // A figure through the review must belong to the group's indicators and fit the area.
    let other_plan = app
        .create(
            &s.p.t,
            "plans",
            &json!({ "title": "HUP", "kind": "hup", "startYear": 2026, "endYear": 2026 }),
        )
        .await;
    let other_priority = app
        .create(
            &s.p.t,
            "priorities",
            &json!({ "planId": other_plan, "title": "Horeca", "scope": "cooperation" }),
        )
        .await;
    let mut foreign = s.p.misdrijven();
    foreign["priorityId"] = json!(other_priority);
    let foreign = app.create(&s.p.t, "indicators", &foreign).await;
    let mut body = s.complete_review();
    body["measurements"] = json!([{ "indicatorId": foreign, "municipalityId": s.p.ermelo, "period": "2026-H2", "value": 1 }]);
    let res = app.put(&review, &s.member_token, &body).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(
        res.body["invalidParams"][0]["name"],
        "measurements[0].indicatorId"
    );
    // A member whose role is scoped to Ermelo brings Ermelo's figures, not Putten's.
    let (scoped_expert, scoped_id) = app
        .member_user(&s.p.t, Role::Expert, Some(s.p.ermelo.parse().expect("id")))
        .await;
    let group = app.get(&s.base(), &s.p.t.admin_token).await.body;
    let mut members: Vec<serde_json::Value> = group["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| {
            if m["userId"].is_null() {
                json!({ "name": m["name"], "email": m["email"], "organisation": m["organisation"] })
            } else {
                json!({ "userId": m["userId"] })
            }
        })
        .collect();
    members.push(json!({ "userId": scoped_id }));
    let update = json!({ "name": group["name"], "priorityIds": [s.p.coop_priority, s.p.ermelo_priority], "members": members });
    let res = app.put(&s.base(), &s.p.t.admin_token, &update).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    // Left out of the update, the cadence and first period stayed.
    assert_eq!(res.body["reviewsFrom"], "2026-H1", "{}", res.text);
    // With a review, the group's rhythm is fixed.
    let mut yearly = update.clone();
    yearly["cadence"] = json!("yearly");
    let res = app.put(&s.base(), &s.p.t.admin_token, &yearly).await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "cadence_fixed");
    let indicator = app.create(&s.p.t, "indicators", &s.p.misdrijven()).await;
    let mut body = s.complete_review();
    body["measurements"] = json!([{ "indicatorId": indicator, "municipalityId": s.p.putten, "period": "2026-H2", "value": 1 }]);
    let res = app.put(&review, &scoped_expert, &body).await;
    assert_eq!(res.status.as_u16(), 403, "{}", res.text);
    body["measurements"][0]["municipalityId"] = json!(s.p.ermelo);
    let res = app.put(&review, &scoped_expert, &body).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    // A period that has not begun, hostile text and impossible dates are refused.
    let res = app
        .post(&reviews, &coordinator, &json!({ "period": "2099-H1" }))
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "period");
    let mut body = s.complete_review();
    body["summary"] = json!("nul\u{0000}teken");
    assert_eq!(
        app.put(&review, &coordinator, &body).await.status.as_u16(),
        400
    );
    let mut body = s.complete_review();
    body["items"][0]["courseCorrections"][0]["followUpOn"] = json!("20026-01-01");
    assert_eq!(
        app.put(&review, &coordinator, &body).await.status.as_u16(),
        400
    );

    // The member deletes the concept.
    assert_eq!(
        app.delete(&review, &s.member_token).await.status.as_u16(),
        204
    );
    let res = app.get(&reviews, &s.member_token).await;
    assert_eq!(res.body["total"], 0);
}

#[actix_rt::test]
async fn a_change_made_since_reading_is_not_overwritten() {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "evalversie").await;
    let reviews = format!("{}/reviews", s.base());
    let res = app
        .post(&reviews, &s.member_token, &json!({ "period": "2026-H1" }))
        .await;
    let review = format!("{reviews}/{}", res.id());
    let read = app.get(&review, &s.member_token).await;
    let tag = read
        .headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("etag")
        .to_owned();
    // The coordinator saves first.
    let coordinator = app.member(&s.p.t, Role::Coordinator, None).await;
    assert_eq!(
        app.put(&review, &coordinator, &s.complete_review())
            .await
            .status
            .as_u16(),
        200
    );
    // The member's save, based on what they read before, is refused and names why.
    let res = app
        .send_raw(
            "PUT",
            &review,
            Some(&s.member_token),
            "application/json",
            serde_json::to_vec(&s.complete_review()).expect("json"),
        )
        .await;
    assert_eq!(
        res.status.as_u16(),
        200,
        "without If-Match no check: {}",
        res.text
    );
    let stale = app
        .request_with_headers(
            "PUT",
            &review,
            &s.member_token,
            &s.complete_review(),
            &[("If-Match", &tag)],
        )
        .await;
    assert_eq!(stale.status.as_u16(), 412, "{}", stale.text);
    assert_eq!(stale.problem_code(), "precondition_failed");
    assert!(
        stale.body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("intussen gewijzigd")
    );
    // With the current version it goes through.
    let fresh = app.get(&review, &s.member_token).await;
    let tag = fresh
        .headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("etag")
        .to_owned();
    let ok = app
        .request_with_headers(
            "PUT",
            &review,
            &s.member_token,
            &s.complete_review(),
            &[("If-Match", &tag)],
        )
        .await;
    assert_eq!(ok.status.as_u16(), 200, "{}", ok.text);
    let bad = app
        .request_with_headers(
            "PUT",
            &review,
            &s.member_token,
            &s.complete_review(),
            &[("If-Match", "gisteren")],
        )
        .await;
    assert_eq!(bad.status.as_u16(), 400, "{}", bad.text);
    assert_eq!(bad.problem_code(), "invalid_if_match");
    // The same for commitments and expert groups.
    let res = app.get(&s.base(), &s.p.t.admin_token).await;
    let old = res
        .headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("etag")
        .to_owned();
    let body = json!({ "name": "Expertgroep Ondermijning", "priorityIds": [s.p.coop_priority, s.p.ermelo_priority] });
    assert_eq!(
        app.put(&s.base(), &s.p.t.admin_token, &body)
            .await
            .status
            .as_u16(),
        200
    );
    let res = app
        .request_with_headers(
            "PUT",
            &s.base(),
            &s.p.t.admin_token,
            &body,
            &[("If-Match", &old)],
        )
        .await;
    assert_eq!(res.status.as_u16(), 412, "{}", res.text);
}
