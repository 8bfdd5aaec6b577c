//! The Veiligheidsbrief: asked for over the API, compiled by the worker binary, read back as a
//! Word file (text, tables, structure, LibreOffice) and as HTML.

use api::domain::role::Role;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::docx_check::{Docx, pdf_pages};
use crate::helpers::PlanSetup;
use crate::helpers::{Response, TestApp, demo_token, load_demo, spawn_app, superuser_conn};
use crate::mailcatcher::{run_once, spawn_daemon};

/// Nothing listens here: these tests need no email, and the worker waits out a mail server
/// that is away.
const NO_SMTP: &str = "smtp://127.0.0.1:9";

/// One round of the worker now.
async fn worker_round(app: &TestApp) {
    let out = run_once(app, NO_SMTP, &chrono::Utc::now().to_rfc3339()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn request(app: &TestApp, slug: &str, token: &str, body: &Value) -> Value {
    let res = app
        .post(
            &format!("/api/v1/tenants/{slug}/safety-letters"),
            token,
            body,
        )
        .await;
    assert_eq!(res.status.as_u16(), 202, "{}", res.text);
    assert_eq!(res.body["status"], "wordt_samengesteld");
    assert_eq!(res.body["statusLabel"], "Wordt samengesteld");
    assert!(res.body["links"].is_null(), "no document yet");
    let location = res
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location");
    assert!(location.ends_with(res.body["id"].as_str().expect("id")));
    res.body
}

/// The version failed, and its reason says `part`.
fn assert_failed_with(letter: &Value, part: &str) {
    assert_eq!(letter["status"], "mislukt", "{letter}");
    assert!(
        letter["failureReason"]
            .as_str()
            .is_some_and(|r| r.contains(part)),
        "{letter}"
    );
}

/// `POST …/safety-letters/{id}/adopt`.
async fn adopt(app: &TestApp, slug: &str, token: &str, id: &str) -> Response {
    app.post(
        &format!("/api/v1/tenants/{slug}/safety-letters/{id}/adopt"),
        token,
        &json!({}),
    )
    .await
}

async fn letter(app: &TestApp, slug: &str, token: &str, id: &str) -> Value {
    let res = app
        .get(
            &format!("/api/v1/tenants/{slug}/safety-letters/{id}"),
            token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    res.body
}

async fn docx_of(app: &TestApp, slug: &str, token: &str, id: &str) -> Vec<u8> {
    let res = app
        .get(
            &format!("/api/v1/tenants/{slug}/safety-letters/{id}/document?format=docx"),
            token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(
        res.content_type,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    res.bytes
}

/// Adopts the demo review of Veluwe-West's expert group, as its bestuurder.
async fn adopt_demo_review(app: &TestApp) {
    let token = demo_token(app, "bestuurder", "veluwe-west").await;
    let groups = app
        .get("/api/v1/tenants/veluwe-west/expert-groups", &token)
        .await;
    let group = groups.first_id();
    let reviews = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/expert-groups/{group}/reviews"),
            &token,
        )
        .await;
    let review = reviews.first_id();
    let res = app
        .post(
            &format!("/api/v1/tenants/veluwe-west/expert-groups/{group}/reviews/{review}/adopt"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
}

#[actix_rt::test]
async fn the_veluwe_west_letter_from_the_demo_data() {
    let app = spawn_app().await;
    load_demo(&app).await;
    let token = demo_token(&app, "coordinator", "veluwe-west").await;
    let plan = plan_of(&app, "veluwe-west", &token).await;

    // The demo asked for the letter over 2026; the worker's round compiles it. The expert group's
    // review is submitted, not yet adopted, and the letter says so.
    let demo_letters = app
        .get("/api/v1/tenants/veluwe-west/safety-letters", &token)
        .await;
    assert_eq!(demo_letters.body["total"], 1, "{}", demo_letters.text);
    let first = demo_letters.body["items"][0].clone();
    assert_eq!(first["status"], "wordt_samengesteld");
    assert_eq!(first["version"], 1);
    assert_eq!(first["period"], "2026");
    assert_eq!(first["requestedBy"]["name"], "Niels de Boer");
    let first_id = first["id"].as_str().expect("id").to_owned();
    worker_round(&app).await;
    assert_eq!(
        letter(&app, "veluwe-west", &token, &first_id).await["status"],
        "concept"
    );
    let first_docx = Docx::read(&docx_of(&app, "veluwe-west", &token, &first_id).await);
    first_docx.check_structure();
    assert!(
        first_docx.text().contains("Een beoordeling van Expertgroep Ondermijning over het eerste halfjaar van 2026 is ingediend en wacht op vaststelling door het bestuur"),
        "{}",
        first_docx.text()
    );

    // Once the bestuurder adopted the review, the next version carries its judgement.
    adopt_demo_review(&app).await;

    let asked = request(
        &app,
        "veluwe-west",
        &token,
        &json!({ "planId": plan, "period": "2026" }),
    )
    .await;
    let id = asked["id"].as_str().expect("id").to_owned();
    assert_eq!(asked["version"], 2);
    assert_eq!(asked["allMunicipalities"], true);
    assert_eq!(asked["requestedBy"]["name"], "Niels de Boer", "{asked}");
    let res = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/safety-letters/{id}/document"),
            &token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "letter_not_compiled");

    worker_round(&app).await;
    let done = letter(&app, "veluwe-west", &token, &id).await;
    assert_eq!(done["status"], "concept", "{done}");
    assert!(done["compiledAt"].is_string());
    assert!(
        done["documentSize"].as_i64().is_some_and(|n| n > 10_000),
        "{done}"
    );
    let bytes = docx_of(&app, "veluwe-west", &token, &id).await;
    assert_eq!(done["documentSize"].as_i64(), Some(bytes.len() as i64));

    let docx = Docx::read(&bytes);
    docx.check_structure();
    let text = docx.text();
    // The bovenlokale priorities in the plan's order (the order they were entered), then the
    // overall goal the figures came with.
    let plan_order = [
        "Kwetsbare personen",
        "Ondermijning",
        "Cybercrime/gedigitaliseerde criminaliteit",
        "Informatievoorziening",
        "Veilige, vitale vakantieparken",
        "Overkoepelende veiligheidsdoelstelling",
    ];
    let in_letter: Vec<String> = docx
        .headings(2)
        .into_iter()
        .filter(|h| plan_order.contains(&h.as_str()))
        .collect();
    assert_eq!(in_letter, plan_order, "{:?}", docx.headings(2));
    assert!(
        text.contains(
            "de speelruimte en invloed van criminele netwerken/fenomenen verder verkleinen"
        ),
        "Ondermijning's doelstelling"
    );
    assert_eq!(
        docx.headings(1),
        [
            "Inleiding",
            "Voortgang per prioriteit",
            "Lokale paragrafen",
            "Toezeggingen aan de raden",
            "Bijlage: bronnen van de cijfers"
        ]
    );
    for local in [
        "Overlast, geweld",
        "Veilig Thuis",
        "Veilig (agrarisch) buitengebied",
    ] {
        assert!(
            docx.headings(3).contains(&local.to_owned()),
            "local priority {local}"
        );
    }
    assert!(text.contains("Veiligheidsbrief 2026"));
    assert!(text.contains("Aan: de gemeenteraden van Ermelo, Harderwijk en Putten"));

    // Ermelo's "totaal misdrijven": baseline 930 (2019), target at most 800 (2024), latest 930.
    let ermelo = docx
        .tables()
        .into_iter()
        .flatten()
        .find(|row| row[0] == "Ermelo" && row.get(3).is_some_and(|c| c == "≤ 800 (2024)"))
        .expect("Ermelo's row of totaal misdrijven");
    assert_eq!(ermelo[1], "930 (2019)", "baseline");
    assert_eq!(ermelo[2], "930 (2019)", "latest value");
    // The 2024 target is over and 2019 is the latest figure: whether it was met is not known.
    assert_eq!(ermelo[4], "Onbekend: geen cijfer over 2024");
    assert!(text.contains(
        "Let op. Voor Ermelo, Harderwijk en Putten gold de streefwaarde voor 2024, maar het laatste cijfer is van 2019."
    ));

    // The adopted review of Expertgroep Ondermijning, its course corrections, the commitments.
    assert!(
        text.contains("Expertgroep Ondermijning over het eerste halfjaar van 2026, vastgesteld op"),
        "{text}"
    );
    assert!(
        text.contains("terugkoppeling uiterlijk"),
        "course corrections"
    );
    let commitments: Vec<Vec<String>> = docx
        .tables()
        .into_iter()
        .filter(|t| t[0][0] == "Kenmerk")
        .flatten()
        .collect();
    let discharged = commitments
        .iter()
        .find(|r| r[0] == "26bb000713")
        .expect("26bb000713 discharged in 2026");
    assert!(
        discharged[4].contains('('),
        "with the answering letter: {discharged:?}"
    );
    let open: Vec<&Vec<String>> = commitments
        .iter()
        .filter(|r| {
            r.get(4)
                .is_some_and(|s| s == "open" || s == "in behandeling")
        })
        .collect();
    assert!(
        open.first().is_some_and(|r| r[3].contains("(verlopen)")),
        "overdue first: {open:?}"
    );

    // Charts with alternative text; every figure's source and entry date in the annex.
    let alts = docx.picture_descriptions();
    assert!(
        alts.iter()
            .any(|a| a.contains("Totaal misdrijven (excl. cybercrime)") && a.contains("≤ 800")),
        "{alts:?}"
    );
    let annex: Vec<Vec<Vec<String>>> = docx
        .tables()
        .into_iter()
        .filter(|t| t[0] == ["Gebied", "Periode", "Waarde", "Bron", "Ingevoerd op"])
        .collect();
    assert!(
        annex
            .iter()
            .flatten()
            .any(|r| r[0] == "Ermelo" && r[1] == "2019" && r[2] == "930"),
        "Ermelo's 930 of 2019 with its source and entry date"
    );
    let figures: usize = annex.iter().map(|t| t.len() - 1).sum();
    assert!(figures > 100, "every Veluwe-West figure: {figures}");
    assert!(
        docx.paragraphs()
            .iter()
            .any(|p| p.text == "Totaal misdrijven (excl. cybercrime) (aantal)"),
        "each indicator's figures under its name"
    );

    let pages = pdf_pages(&bytes);
    eprintln!("Veluwe-West letter: {} bytes, {} pages", bytes.len(), pages);
    assert!((8..=80).contains(&pages), "{pages} pages");

    // The preview: by format or by Accept; nothing else is acceptable.
    let html = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/safety-letters/{id}/document?format=html"),
            &token,
        )
        .await;
    assert_eq!(html.status.as_u16(), 200);
    assert_eq!(html.content_type, "text/html; charset=utf-8");
    assert!(html.headers.get("content-security-policy").is_some());
    assert!(
        html.text.contains("<h3>Ondermijning</h3>"),
        "priority headings"
    );
    assert!(html.text.contains("930 (2019)"));
    let negotiated = app
        .get_with_headers(
            &format!("/api/v1/tenants/veluwe-west/safety-letters/{id}/document"),
            &token,
            &[("Accept", "text/html")],
        )
        .await;
    assert_eq!(negotiated.text, html.text);
    let refused = app
        .get_with_headers(
            &format!("/api/v1/tenants/veluwe-west/safety-letters/{id}/document"),
            &token,
            &[("Accept", "application/json")],
        )
        .await;
    assert_eq!(refused.status.as_u16(), 406);
    assert_eq!(refused.problem_code(), "not_acceptable");
    let etag = app
        .get_with_headers(
            &format!("/api/v1/tenants/veluwe-west/safety-letters/{id}/document"),
            &token,
            &[],
        )
        .await
        .headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("ETag")
        .to_owned();
    let unchanged = app
        .get_with_headers(
            &format!("/api/v1/tenants/veluwe-west/safety-letters/{id}/document"),
            &token,
            &[("If-None-Match", &etag)],
        )
        .await;
    assert_eq!(unchanged.status.as_u16(), 304);

    // Compiling again makes version 3 and leaves version 2 as it was.
    let again = request(
        &app,
        "veluwe-west",
        &token,
        &json!({ "planId": plan, "period": "2026" }),
    )
    .await;
    assert_eq!(again["version"], 3);
    worker_round(&app).await;
    let v2 = again["id"].as_str().expect("id");
    assert_eq!(
        letter(&app, "veluwe-west", &token, v2).await["status"],
        "concept"
    );
    assert_eq!(
        docx_of(&app, "veluwe-west", &token, &id).await,
        bytes,
        "version 2 never changes"
    );

    // A coordinator adopts one version; then no other.
    let viewer = demo_token(&app, "viewer", "veluwe-west").await;
    let res = adopt(&app, "veluwe-west", &viewer, &id).await;
    assert_eq!(res.status.as_u16(), 403, "{}", res.text);
    let res = adopt(&app, "veluwe-west", &token, &id).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["status"], "vastgesteld");
    assert_eq!(res.body["adoptedBy"]["name"], "Niels de Boer");
    let res = adopt(&app, "veluwe-west", &token, v2).await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "letter_locked");
    assert!(
        res.body["detail"]
            .as_str()
            .expect("detail")
            .contains("Versie 2")
    );

    // The list: newest first, filtered; every member reads it.
    let list = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/safety-letters?planId={plan}&period=2026"),
            &viewer,
        )
        .await;
    assert_eq!(
        list.item_field("status"),
        ["concept", "vastgesteld", "concept"]
    );
    let list = app
        .get(
            "/api/v1/tenants/veluwe-west/safety-letters?status=vastgesteld",
            &viewer,
        )
        .await;
    assert_eq!(list.body["total"], 1);

    // The stored document cannot be changed, not even by the tenant's own role.
    let db_url = app.db_url.clone();
    let schema = tenant_row(&app, "veluwe-west").await;
    let refused = tokio::task::spawn_blocking(move || {
        use diesel::RunQueryDsl;
        let mut conn = superuser_conn(&db_url);
        let db = schema.db().expect("db");
        api::db::run_in_tenant(&mut conn, &db, |tc| {
            diesel::sql_query("UPDATE safety_letter_documents SET html = 'x'").execute(&mut **tc)
        })
        .map_err(|e| e.to_string())
    })
    .await
    .expect("join");
    assert!(refused.is_err_and(|e| e.contains("never changes")));
}

async fn tenant_row(app: &TestApp, slug: &str) -> api::repo::tenants::TenantRow {
    let pool = app.pool.clone();
    let slug = slug.to_owned();
    tokio::task::spawn_blocking(move || {
        api::repo::tenants::find_by_slug(&mut pool.get().expect("conn"), &slug)
            .expect("query")
            .expect("tenant")
    })
    .await
    .expect("join")
}

#[actix_rt::test]
async fn a_letter_holds_nothing_of_another_cooperation() {
    let app = spawn_app().await;
    let ours = PlanSetup::new(&app, "brief-ons").await;
    let theirs = PlanSetup::new(&app, "brief-hun").await;
    let (slug, tok) = (ours.slug().to_owned(), ours.t.admin_token.clone());
    let (their_slug, their_tok) = (theirs.slug().to_owned(), theirs.t.admin_token.clone());
    // Their data carries names that must never show in our letter.
    app.create_municipality(&their_slug, &their_tok, "Zeewolde-Geheim")
        .await
        .id();
    let their_plan = plan_of(&app, &their_slug, &their_tok).await;
    app.create(&theirs.t, "priorities", &json!({ "planId": their_plan, "title": "Geheime prioriteit van hen", "scope": "cooperation" })).await;
    app.create(&theirs.t, "indicators", &theirs.misdrijven())
        .await;
    let their_ind = app
        .get(
            &format!("/api/v1/tenants/{their_slug}/indicators"),
            &their_tok,
        )
        .await;
    let their_ind = their_ind.first_id();
    let res = app.record_measurement(&their_slug, &their_tok, &their_ind, &json!({ "municipalityId": theirs.ermelo, "period": "2025", "value": 4242, "sourceNote": "geheime bron" })).await;
    assert!(res.status.is_success(), "{}", res.text);

    let plan = plan_of(&app, &slug, &tok).await;
    app.create(&ours.t, "indicators", &ours.misdrijven()).await;

    // Their plan, their municipality: refused as unknown.
    let res = app
        .post(
            &format!("/api/v1/tenants/{slug}/safety-letters"),
            &tok,
            &json!({ "planId": their_plan, "period": "2025" }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "planId");
    let res = app
        .post(
            &format!("/api/v1/tenants/{slug}/safety-letters"),
            &tok,
            &json!({ "planId": plan, "period": "2025", "municipalityIds": [theirs.ermelo] }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "municipalityIds[0]");

    let asked = request(
        &app,
        &slug,
        &tok,
        &json!({ "planId": plan, "period": "2025", "municipalityIds": [ours.ermelo] }),
    )
    .await;
    let id = asked["id"].as_str().expect("id").to_owned();
    assert_eq!(asked["allMunicipalities"], false);
    assert_eq!(asked["municipalities"][0]["name"], "Ermelo");
    worker_round(&app).await;
    let bytes = docx_of(&app, &slug, &tok, &id).await;
    let docx = Docx::read(&bytes);
    docx.check_structure();
    let text = docx.text();
    assert!(text.contains("Overkoepelende veiligheidsdoelstelling"));
    assert!(text.contains("Aan: de gemeenteraad van Ermelo"));
    for foreign in [
        "Zeewolde-Geheim",
        "Geheime prioriteit",
        "4.242",
        "geheime bron",
        theirs.slug(),
    ] {
        assert!(
            !text.contains(foreign),
            "{foreign} of the other cooperation is in our letter"
        );
    }
    let html = app
        .get(
            &format!("/api/v1/tenants/{slug}/safety-letters/{id}/document?format=html"),
            &tok,
        )
        .await;
    assert!(!html.text.contains("Zeewolde-Geheim") && !html.text.contains("4.242"));
    // Only the chosen municipality: Putten's row is not in the letter.
    assert!(
        !docx
            .tables()
            .into_iter()
            .flatten()
            .any(|r| r[0] == "Putten")
    );

    // The other cooperation sees none of it.
    for path in [
        format!("/api/v1/tenants/{their_slug}/safety-letters/{id}"),
        format!("/api/v1/tenants/{their_slug}/safety-letters/{id}/document"),
        format!("/api/v1/tenants/{slug}/safety-letters/{id}"),
        format!("/api/v1/tenants/{slug}/safety-letters"),
    ] {
        let res = app.get(&path, &their_tok).await;
        assert_eq!(res.status.as_u16(), 404, "{path}: {}", res.text);
    }
    let res = adopt(&app, &their_slug, &their_tok, &id).await;
    assert_eq!(res.status.as_u16(), 404, "{}", res.text);
    let list = app
        .get(
            &format!("/api/v1/tenants/{their_slug}/safety-letters"),
            &their_tok,
        )
        .await;
    assert_eq!(list.body["total"], 0);
}

/// A cooperation with a plan: its setup, slug, admin token and plan id.
async fn with_plan(app: &TestApp, name: &str) -> (PlanSetup, String, String, String) {
    let s = PlanSetup::new(app, name).await;
    let (slug, tok) = (s.slug().to_owned(), s.t.admin_token.clone());
    let plan = plan_of(app, &slug, &tok).await;
    (s, slug, tok, plan)
}

async fn plan_of(app: &TestApp, slug: &str, token: &str) -> String {
    let plans = app
        .get(&format!("/api/v1/tenants/{slug}/plans"), token)
        .await;
    plans.first_id()
}

#[actix_rt::test]
async fn a_failed_compile_shows_mislukt_with_its_reason() {
    let app = spawn_app().await;
    let (s, slug, tok, plan) = with_plan(&app, "brief-mis").await;
    let schema = s.t.row.schema_name.clone();

    // The targets table is gone: the compile cannot read the figures.
    let rename = |from: &'static str, to: &'static str| {
        let db_url = app.db_url.clone();
        let schema = schema.clone();
        tokio::task::spawn_blocking(move || {
            use diesel::RunQueryDsl;
            diesel::sql_query(format!("ALTER TABLE \"{schema}\".{from} RENAME TO {to}"))
                .execute(&mut superuser_conn(&db_url))
                .expect("rename");
        })
    };
    rename("indicator_targets", "targets_away")
        .await
        .expect("join");
    let asked = request(
        &app,
        &slug,
        &tok,
        &json!({ "planId": plan, "period": "2025" }),
    )
    .await;
    let id = asked["id"].as_str().expect("id").to_owned();
    // A technical fault may pass: the job tries again after 1 and 2 minutes, then gives up.
    let start = chrono::Utc::now();
    for minutes in [0, 2] {
        let at = (start + chrono::Duration::minutes(minutes)).to_rfc3339();
        let out = run_once(&app, NO_SMTP, &at).await;
        assert!(out.status.success());
        let waiting = letter(&app, &slug, &tok, &id).await;
        assert_eq!(
            waiting["status"], "wordt_samengesteld",
            "still trying: {waiting}"
        );
    }
    let at = (start + chrono::Duration::minutes(5)).to_rfc3339();
    let out = run_once(&app, NO_SMTP, &at).await;
    assert!(out.status.success());
    let failed = letter(&app, &slug, &tok, &id).await;
    assert_eq!(failed["status"], "mislukt", "{failed}");
    assert_eq!(failed["statusLabel"], "Mislukt");
    let reason = failed["failureReason"].as_str().expect("a reason");
    assert!(
        reason.contains("technische fout") && reason.contains(&id),
        "{reason}"
    );
    let res = app
        .get(
            &format!("/api/v1/tenants/{slug}/safety-letters/{id}/document"),
            &tok,
        )
        .await;
    assert_eq!(res.status.as_u16(), 409);
    assert!(
        res.body["detail"]
            .as_str()
            .expect("detail")
            .contains("mislukt")
    );
    // Not a stuck job: the job is finished, nothing waits to be retried.
    let key = format!("letter:{id}");
    let pool = app.pool.clone();
    let status: String = tokio::task::spawn_blocking(move || {
        use api::db::schema::platform::jobs;
        use diesel::prelude::*;
        jobs::table
            .filter(jobs::dedup_key.eq(key))
            .select(jobs::status)
            .first(&mut pool.get().expect("conn"))
            .expect("the job")
    })
    .await
    .expect("join");
    assert_eq!(status, "done");

    // Repaired, the next version compiles; the failed one stays failed.
    rename("targets_away", "indicator_targets")
        .await
        .expect("join");
    let again = request(
        &app,
        &slug,
        &tok,
        &json!({ "planId": plan, "period": "2025" }),
    )
    .await;
    worker_round(&app).await;
    let v2 = letter(&app, &slug, &tok, again["id"].as_str().expect("id")).await;
    assert_eq!(v2["status"], "concept", "{v2}");
    assert_eq!(v2["version"], 2);
    assert_eq!(letter(&app, &slug, &tok, &id).await["status"], "mislukt");
}

#[actix_rt::test]
async fn asking_is_checked_and_only_for_coordinators_of_the_whole_cooperation() {
    let app = spawn_app().await;
    let (s, slug, tok, plan) = with_plan(&app, "brief-rol").await;
    let base = format!("/api/v1/tenants/{slug}/safety-letters");
    let next_year = chrono::Utc::now()
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .expect("year")
        + 1;
    for (body, field, status) in [
        (json!({ "period": "2025" }), "planId", 400),
        (json!({ "planId": plan }), "period", 400),
        (
            json!({ "planId": plan, "period": "2025-Q3" }),
            "period",
            400,
        ),
        (
            json!({ "planId": plan, "period": next_year.to_string() }),
            "period",
            422,
        ),
        (
            json!({ "planId": Uuid::new_v4(), "period": "2025" }),
            "planId",
            422,
        ),
        (
            json!({ "planId": plan, "period": "2025", "municipalityIds": [Uuid::new_v4()] }),
            "municipalityIds[0]",
            422,
        ),
    ] {
        let res = app.post(&base, &tok, &body).await;
        assert_eq!(res.status.as_u16(), status, "{body}: {}", res.text);
        assert_eq!(res.problem_code(), "invalid_input");
        assert_eq!(res.body["invalidParams"][0]["name"], field, "{body}");
    }
    let res = app
        .post(
            &base,
            &tok,
            &json!({ "planId": plan, "period": "2025", "extra": 1 }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 400, "{}", res.text);

    let ermelo = Uuid::parse_str(&s.ermelo).expect("uuid");
    for (role, scope) in [
        (Role::Coordinator, Some(ermelo)),
        (Role::Bestuurder, None),
        (Role::Expert, None),
        (Role::Viewer, None),
    ] {
        let member = app.member(&s.t, role, scope).await;
        let res = app
            .post(&base, &member, &json!({ "planId": plan, "period": "2025" }))
            .await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}: {}", res.text);
        let res = app.get(&base, &member).await;
        assert_eq!(res.status.as_u16(), 200, "{role:?} reads the letters");
    }
    let coordinator = app.member(&s.t, Role::Coordinator, None).await;
    request(
        &app,
        &slug,
        &coordinator,
        &json!({ "planId": plan, "period": "2025-H2" }),
    )
    .await;

    for query in ["?status=klaar", "?period=2025-Q1", "?format=pdf"] {
        let res = app.get(&format!("{base}{query}"), &tok).await;
        assert_eq!(res.status.as_u16(), 400, "{query}: {}", res.text);
    }
    let id = app.get(&base, &tok).await.first_id();
    let res = app
        .get(&format!("{base}/{id}/document?format=pdf"), &tok)
        .await;
    assert_eq!(res.status.as_u16(), 400, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "format");
    let res = adopt(&app, &slug, &tok, &id).await;
    assert_eq!(res.status.as_u16(), 409, "not compiled yet: {}", res.text);
    assert!(
        res.body["detail"]
            .as_str()
            .expect("detail")
            .contains("nog samengesteld")
    );
    let res = app.get(&format!("{base}/{}", Uuid::new_v4()), &tok).await;
    assert_eq!(res.status.as_u16(), 404);
}

#[actix_rt::test]
async fn the_worker_compiles_a_draft_on_the_schedule_once() {
    let app = spawn_app().await;
    let (s, slug, tok, plan) = with_plan(&app, "brief-plan").await;
    // An adopted plan that covers 2026.
    let res = app
        .put(&format!("/api/v1/tenants/{slug}/plans/{plan}"), &tok, &json!({ "title": "IVP 2024-2027", "kind": "ivp", "startYear": 2024, "endYear": 2027, "status": "vastgesteld", "adoptedOn": "2024-01-25" }))
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);

    let schedule = format!("/api/v1/tenants/{slug}/safety-letter-schedule");
    let res = app.get(&schedule, &tok).await;
    assert_eq!(res.body["enabled"], true);
    assert_eq!(res.body["dueDays"], 60);
    assert_eq!(res.body["leadDays"], 21);
    for bad in [
        json!({ "enabled": true, "halfYearly": false, "dueDays": 400, "leadDays": 21 }),
        json!({ "enabled": true, "halfYearly": false, "dueDays": 60, "leadDays": -1 }),
        json!({ "enabled": true, "halfYearly": false, "dueDays": 60 }),
    ] {
        let res = app.put(&schedule, &tok, &bad).await;
        assert_eq!(res.status.as_u16(), 400, "{bad}: {}", res.text);
    }
    let viewer = app.member(&s.t, Role::Viewer, None).await;
    let res = app
        .put(
            &schedule,
            &viewer,
            &json!({ "enabled": false, "halfYearly": false, "dueDays": 60, "leadDays": 21 }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 403);

    // 2026's letter is due on 1 March 2027; the draft comes on 8 February.
    let run = |now: &'static str| {
        let app = &app;
        async move {
            let out = run_once(app, NO_SMTP, now).await;
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    };
    let list = format!("/api/v1/tenants/{slug}/safety-letters");
    run("2027-02-07T12:00:00+01:00").await;
    assert_eq!(
        app.get(&list, &tok).await.body["total"],
        0,
        "not before the draft day"
    );
    run("2027-02-08T08:00:00+01:00").await;
    run("2027-02-09T08:00:00+01:00").await;
    let letters = app.get(&list, &tok).await;
    assert_eq!(letters.body["total"], 1, "once: {}", letters.text);
    let draft = &letters.body["items"][0];
    assert_eq!(draft["automatic"], true);
    assert!(draft["requestedBy"].is_null());
    assert_eq!(draft["period"], "2026");
    assert_eq!(draft["status"], "concept", "{draft}");
    let id = draft["id"].as_str().expect("id");
    let docx = Docx::read(&docx_of(&app, &slug, &tok, id).await);
    assert!(
        docx.text()
            .contains("Automatisch samengesteld door het veiligheidsplatform op 8 februari 2027")
    );
    assert!(
        docx.text().contains("Datum: 8 februari 2027"),
        "the letter speaks from its day"
    );

    // Switched off: no draft for the next half-year schedule either.
    let res = app
        .put(
            &schedule,
            &tok,
            &json!({ "enabled": false, "halfYearly": true, "dueDays": 30, "leadDays": 10 }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert!(res.body["nextDraft"].is_null());
    run("2027-07-25T08:00:00+02:00").await;
    assert_eq!(app.get(&list, &tok).await.body["total"], 1);
    let res = app
        .put(
            &schedule,
            &tok,
            &json!({ "enabled": true, "halfYearly": true, "dueDays": 30, "leadDays": 10 }),
        )
        .await;
    assert!(res.body["nextDraft"]["period"].is_string(), "{}", res.text);
    run("2027-07-25T08:00:00+02:00").await;
    let letters = app.get(&format!("{list}?period=2027-H1"), &tok).await;
    assert_eq!(letters.body["total"], 1, "{}", letters.text);
}

#[actix_rt::test]
async fn a_failed_scheduled_draft_is_tried_again_a_day_later_three_times_at_most() {
    let app = spawn_app().await;
    // A cooperation without municipalities: every draft fails, with a reason.
    let t = app.tenant("brief-opnieuw").await;
    let tok = t.admin_token.clone();
    app.create(&t, "plans", &json!({ "title": "IVP 2024-2027", "kind": "ivp", "startYear": 2024, "endYear": 2027, "status": "vastgesteld", "adoptedOn": "2024-01-25" }))
        .await;
    let list = format!("/api/v1/tenants/{}/safety-letters", t.slug());
    let mut seen = Vec::new();
    for (now, total) in [
        ("2027-02-08T08:00:00+01:00", 1),
        // The same day: not again.
        ("2027-02-08T20:00:00+01:00", 1),
        ("2027-02-09T08:30:00+01:00", 2),
        ("2027-02-10T09:00:00+01:00", 3),
        // Three tries: the coordinator takes over.
        ("2027-02-11T10:00:00+01:00", 3),
        ("2027-02-20T10:00:00+01:00", 3),
    ] {
        let out = run_once(&app, NO_SMTP, now).await;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let letters = app.get(&list, &tok).await;
        assert_eq!(letters.body["total"], total, "at {now}: {}", letters.text);
        seen.push(letters.body);
    }
    let last = seen.pop().expect("a list");
    let items = last["items"].as_array().expect("items");
    for item in items {
        assert_eq!(item["automatic"], true);
        assert_failed_with(item, "nog geen gemeenten");
    }
    let mut versions: Vec<i64> = items.iter().filter_map(|i| i["version"].as_i64()).collect();
    versions.sort_unstable();
    assert_eq!(versions, [1, 2, 3]);
}

#[actix_rt::test]
async fn two_versions_adopted_at_once_leave_one_adopted_and_say_which() {
    let app = spawn_app().await;
    let (_setup, slug, tok, plan) = with_plan(&app, "brief-tegelijk").await;
    // A race may or may not happen in one try; four periods give it four chances.
    for period in ["2024", "2025", "2025-H1", "2025-H2"] {
        let body = json!({ "planId": plan, "period": period });
        let a = request(&app, &slug, &tok, &body).await;
        let b = request(&app, &slug, &tok, &body).await;
        worker_round(&app).await;
        let id = |v: &Value| v["id"].as_str().unwrap_or_default().to_owned();
        let (a, b) = (id(&a), id(&b));
        let (ra, rb) = tokio::join!(adopt(&app, &slug, &tok, &a), adopt(&app, &slug, &tok, &b));
        let mut codes = [ra.status.as_u16(), rb.status.as_u16()];
        codes.sort_unstable();
        assert_eq!(codes, [200, 409], "{period}: {} / {}", ra.text, rb.text);
        let refused = if ra.status.as_u16() == 409 { &ra } else { &rb };
        assert_eq!(refused.problem_code(), "letter_locked", "{}", refused.text);
        let adopted = app
            .get(
                &format!(
                    "/api/v1/tenants/{slug}/safety-letters?status=vastgesteld&period={period}"
                ),
                &tok,
            )
            .await;
        assert_eq!(adopted.body["total"], 1, "{}", adopted.text);
    }
}

#[actix_rt::test]
async fn the_running_worker_compiles_a_requested_letter_within_seconds() {
    let app = spawn_app().await;
    let (_setup, slug, tok, plan) = with_plan(&app, "brief-nu").await;
    let mut daemon = spawn_daemon(&app, NO_SMTP, 3600);
    // Let the first round pass; the letter is then picked up by the job poll, not by a round.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let asked = request(
        &app,
        &slug,
        &tok,
        &json!({ "planId": plan, "period": "2025" }),
    )
    .await;
    let id = asked["id"].as_str().expect("id").to_owned();
    let started = std::time::Instant::now();
    let mut status = String::new();
    while started.elapsed() < std::time::Duration::from_secs(30) {
        status = letter(&app, &slug, &tok, &id).await["status"]
            .as_str()
            .unwrap_or("")
            .to_owned();
        if status != "wordt_samengesteld" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let _ = daemon.kill();
    let _ = daemon.wait();
    assert_eq!(status, "concept", "compiled by the running worker");
    eprintln!("compiled {:?} after the request", started.elapsed());
}

#[actix_rt::test]
async fn a_letter_whose_worker_died_on_its_last_attempt_is_marked_failed() {
    let app = spawn_app().await;
    let (s, slug, tok, plan) = with_plan(&app, "brief-dood").await;
    let asked = request(
        &app,
        &slug,
        &tok,
        &json!({ "planId": plan, "period": "2025" }),
    )
    .await;
    let id = asked["id"].as_str().expect("id").to_owned();
    // As a worker killed during its last attempt leaves it: running, its claim run out, asked
    // for 20 minutes ago.
    let db_url = app.db_url.clone();
    let schema = s.t.row.schema_name.clone();
    let letter_id = id.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::RunQueryDsl;
        let mut conn = superuser_conn(&db_url);
        diesel::sql_query(format!(
            "UPDATE platform.jobs SET status = 'running', attempts = max_attempts, locked_until = now() - interval '1 minute'
             WHERE dedup_key = 'letter:{letter_id}'"
        ))
        .execute(&mut conn)
        .expect("job");
        diesel::sql_query(format!(
            "UPDATE \"{schema}\".safety_letters SET requested_at = now() - interval '20 minutes' WHERE id = '{letter_id}'"
        ))
        .execute(&mut conn)
        .expect("letter");
    })
    .await
    .expect("join");
    worker_round(&app).await;
    let failed = letter(&app, &slug, &tok, &id).await;
    assert_failed_with(&failed, "onderbroken");
}

#[actix_rt::test]
async fn a_plan_with_letters_is_kept() {
    let app = spawn_app().await;
    let t = app.tenant("brief-bewaard").await;
    let tok = t.admin_token.clone();
    let plan = app
        .create(&t, "plans", &json!({ "title": "Uitvoeringsplan 2025", "kind": "uitvoeringsplan", "startYear": 2025, "endYear": 2025 }))
        .await;
    request(
        &app,
        t.slug(),
        &tok,
        &json!({ "planId": plan, "period": "2025" }),
    )
    .await;
    let res = app
        .delete(&format!("/api/v1/tenants/{}/plans/{plan}", t.slug()), &tok)
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "plan_has_letters");
    // A cooperation without municipalities gets a reason, not a stuck letter.
    worker_round(&app).await;
    let letters = app
        .get(
            &format!("/api/v1/tenants/{}/safety-letters", t.slug()),
            &tok,
        )
        .await;
    assert_failed_with(&letters.body["items"][0], "nog geen gemeenten");
}
