use api::domain::role::Role;
use api::domain::time::today;
use chrono::Days;
use serde_json::{Value, json};

use crate::helpers::PlanSetup;
use crate::helpers::{TestApp, spawn_app};

/// A cooperation with a bestuurder, and the body of commitment 26bb000713 of seed 004.
struct Setup {
    p: PlanSetup,
    bestuurder: uuid::Uuid,
    bestuurder_token: String,
}

impl Setup {
    async fn new(app: &TestApp, prefix: &str) -> Self {
        let p = PlanSetup::new(app, prefix).await;
        let (bestuurder_token, bestuurder) = app.member_user(&p.t, Role::Bestuurder, None).await;
        Setup {
            p,
            bestuurder,
            bestuurder_token,
        }
    }

    fn base(&self) -> String {
        format!("/api/v1/tenants/{}/commitments", self.p.slug())
    }

    fn wijkgericht(&self) -> Value {
        json!({
            "reference": "26bb000713",
            "title": "Effect van wijkgericht handhaven inzichtelijk maken",
            "description": "Schriftelijk informeren over de mogelijkheden om het effect van wijkgericht handhaven inzichtelijk te maken.",
            "municipalityId": self.p.ermelo,
            "madeOn": "2026-01-22",
            "meeting": "Commissie Veiligheid",
            "madeById": self.bestuurder,
            "requestedBy": "Vonk",
            "requestedByParty": "ChristenUnie",
            "responsibleOfficerId": self.p.t.admin_id,
            "dueOn": "2026-04-01",
            "priorityIds": [self.p.ermelo_priority]
        })
    }
}

#[actix_rt::test]
async fn commitments_are_registered_followed_and_discharged_with_the_letter() {
    let app = spawn_app().await;
    let s = Setup::new(&app, "toezeggingen").await;
    let tok = &s.p.t.admin_token;
    let res = app.post(&s.base(), tok, &s.wijkgericht()).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    // A priority a commitment is linked to is not deleted from under it.
    let priority = format!(
        "/api/v1/tenants/{}/priorities/{}",
        s.p.slug(),
        s.p.ermelo_priority
    );
    let refused = app.delete(&priority, tok).await;
    assert_eq!(refused.status.as_u16(), 409, "{}", refused.text);
    assert_eq!(refused.problem_code(), "priority_has_commitments");
    let c = &res.body;
    assert_eq!(c["status"], "open");
    assert_eq!(c["statusLabel"], "open");
    assert_eq!(c["municipalityName"], "Ermelo");
    assert_eq!(c["madeByName"], "Test Gebruiker");
    assert_eq!(c["responsibleOfficerName"], "Beheerder");
    assert_eq!(c["priorities"][0]["title"], "Overlast, geweld");
    // Due 1 April 2026, still open on today's date: overdue.
    assert_eq!(c["overdue"], true);
    assert!(c["daysOverdue"].as_i64().unwrap_or(0) > 0);
    let path = format!("{}/{}", s.base(), res.id());

    // The reference is unique (whatever its case).
    let mut twin = s.wijkgericht();
    twin["reference"] = json!("26BB000713");
    let res = app.post(&s.base(), tok, &twin).await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "commitment_reference_taken");
    // Made by someone who is not a bestuurder.
    let mut body = s.wijkgericht();
    body["reference"] = json!("X-1");
    body["madeById"] = json!(s.p.t.admin_id);
    let res = app.post(&s.base(), tok, &body).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "madeById");

    // Discharging needs the closing date and the council letter.
    let mut body = s.wijkgericht();
    body["status"] = json!("afgedaan");
    body["closedOn"] = json!("2026-03-12");
    let res = app.put(&path, tok, &body).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(
        res.body["invalidParams"][0]["name"],
        "closingLetterReference"
    );
    assert!(
        res.body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("afgedane"),
        "{}",
        res.text
    );
    body["closingLetterReference"] = json!("RIB 2026-014");
    body["closingLetterTitle"] = json!("Raadsinformatiebrief effect wijkgericht handhaven");
    let res = app.put(&path, tok, &body).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["status"], "afgedaan");
    assert_eq!(res.body["overdue"], false);
    assert_eq!(
        res.body["closingLetterTitle"],
        "Raadsinformatiebrief effect wijkgericht handhaven"
    );
    // Lapsing needs a reason; the letter does not belong to a lapsed one.
    body["status"] = json!("vervallen");
    let res = app.put(&path, tok, &body).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "lapseReason");

    // Reopened: the closing details go with it.
    let res = app.put(&path, tok, &s.wijkgericht()).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert!(res.body["closedOn"].is_null());

    // The audit trail has every version.
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/audit-events?entityType=commitment",
                s.p.slug()
            ),
            tok,
        )
        .await;
    let statuses: Vec<&str> = res.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .rev()
        .map(|e| e["after"]["status"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(statuses, ["open", "afgedaan", "open"], "{}", res.text);
}

#[actix_rt::test]
async fn overdue_is_computed_on_the_dutch_date_and_filters_find_what_needs_attention() {
    let app = spawn_app().await;
    let s = Setup::new(&app, "termijnen").await;
    let tok = &s.p.t.admin_token;
    let day = |offset: i64| {
        let t = today();
        if offset >= 0 {
            t.checked_add_days(Days::new(offset.unsigned_abs()))
        } else {
            t.checked_sub_days(Days::new(offset.unsigned_abs()))
        }
        .expect("date")
        .to_string()
    };
    let commit = |reference: &str, due: Option<String>, muni: &str| {
        let mut b = s.wijkgericht();
        b["reference"] = json!(reference);
        b["madeOn"] = json!(day(-60));
        b["dueOn"] = json!(due);
        b["municipalityId"] = json!(muni);
        b["priorityIds"] = json!([]);
        b
    };
    for (r, due, muni) in [
        ("gisteren", Some(day(-1)), &s.p.ermelo),
        ("vandaag", Some(day(0)), &s.p.ermelo),
        ("morgen", Some(day(1)), &s.p.putten),
        ("zonder", None, &s.p.putten),
    ] {
        let res = app.post(&s.base(), tok, &commit(r, due, muni)).await;
        assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    }
    let refs = |res: &crate::helpers::Response| res.item_field("reference");
    let all = app.get(&s.base(), tok).await;
    assert_eq!(refs(&all), ["gisteren", "vandaag", "morgen", "zonder"]);
    let overdue: Vec<bool> = all.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["overdue"] == true)
        .collect();
    assert_eq!(
        overdue,
        [true, false, false, false],
        "due today is not late; yesterday is"
    );
    assert_eq!(
        refs(&app.get(&format!("{}?overdue=true", s.base()), tok).await),
        ["gisteren"]
    );
    assert_eq!(
        refs(&app.get(&format!("{}?overdue=false", s.base()), tok).await),
        ["vandaag", "morgen", "zonder"]
    );
    assert_eq!(
        refs(
            &app.get(&format!("{}?municipalityId={}", s.base(), s.p.putten), tok)
                .await
        ),
        ["morgen", "zonder"]
    );
    assert_eq!(
        refs(
            &app.get(&format!("{}?dueBefore={}", s.base(), day(1)), tok)
                .await
        ),
        ["gisteren", "vandaag"]
    );
    assert_eq!(
        refs(
            &app.get(&format!("{}?madeById={}", s.base(), s.bestuurder), tok)
                .await
        )
        .len(),
        4
    );
    assert_eq!(
        refs(
            &app.get(&format!("{}?madeById={}", s.base(), s.p.t.admin_id), tok)
                .await
        )
        .len(),
        0
    );
    assert_eq!(
        refs(&app.get(&format!("{}?q=morg", s.base()), tok).await),
        ["morgen"]
    );
    assert_eq!(
        refs(&app.get(&format!("{}?status=open", s.base()), tok).await).len(),
        4
    );
    for bad in ["q=%00", "dueBefore=20026-01-01"] {
        let res = app.get(&format!("{}?{bad}", s.base()), tok).await;
        assert_eq!(res.status.as_u16(), 400, "{bad}: {}", res.text);
    }
    let mut body = commit("nul", None, &s.p.ermelo);
    body["description"] = json!("a\u{0000}b");
    assert_eq!(app.post(&s.base(), tok, &body).await.status.as_u16(), 400);
    let mut body = commit("ver", None, &s.p.ermelo);
    body["madeOn"] = json!("-5000-01-01");
    assert_eq!(app.post(&s.base(), tok, &body).await.status.as_u16(), 400);
    let res = app.get(&format!("{}?status=klaar", s.base()), tok).await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(res.body["invalidParams"][0]["name"], "status");

    // Roles: the bestuurder reads but does not edit; a coordinator of Ermelo edits Ermelo's only.
    let first = all.first_id();
    let putten = all.body["items"][2]["id"].as_str().expect("id").to_owned();
    assert_eq!(
        app.get(&s.base(), &s.bestuurder_token)
            .await
            .status
            .as_u16(),
        200
    );
    let res = app
        .put(
            &format!("{}/{first}", s.base()),
            &s.bestuurder_token,
            &commit("gisteren", Some(day(-1)), &s.p.ermelo),
        )
        .await;
    assert_eq!(res.status.as_u16(), 403);
    let viewer = app.member(&s.p.t, Role::Viewer, None).await;
    assert_eq!(
        app.delete(&format!("{}/{first}", s.base()), &viewer)
            .await
            .status
            .as_u16(),
        403
    );
    let ermelo = app
        .member(
            &s.p.t,
            Role::Coordinator,
            Some(s.p.ermelo.parse().expect("id")),
        )
        .await;
    let res = app
        .put(
            &format!("{}/{first}", s.base()),
            &ermelo,
            &commit("gisteren", Some(day(3)), &s.p.ermelo),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["overdue"], false);
    let res = app
        .put(
            &format!("{}/{putten}", s.base()),
            &ermelo,
            &commit("morgen", Some(day(1)), &s.p.putten),
        )
        .await;
    assert_eq!(res.status.as_u16(), 403);
    let res = app
        .post(
            &s.base(),
            &ermelo,
            &commit("nieuw-putten", None, &s.p.putten),
        )
        .await;
    assert_eq!(res.status.as_u16(), 403);
    assert_eq!(
        app.delete(&format!("{}/{first}", s.base()), &ermelo)
            .await
            .status
            .as_u16(),
        204
    );
}

#[actix_rt::test]
async fn commitments_go_out_as_csv_and_come_back_unchanged_and_bad_rows_are_listed() {
    let app = spawn_app().await;
    let s = Setup::new(&app, "toezeggingcsv").await;
    let tok = &s.p.t.admin_token;
    let slug = s.p.slug().to_owned();
    let mut discharged = s.wijkgericht();
    discharged["status"] = json!("afgedaan");
    discharged["closedOn"] = json!("2026-03-12");
    discharged["closingLetterReference"] = json!("RIB 2026-014");
    discharged["closingLetterTitle"] = json!("=Raadsinformatiebrief; wijkgericht handhaven");
    assert_eq!(
        app.post(&s.base(), tok, &discharged).await.status.as_u16(),
        201
    );
    let mut open = s.wijkgericht();
    open["reference"] = json!("26bb000901");
    open["title"] = json!("Cameratoezicht \"Stationsgebied\" evalueren");
    open["description"] = json!("Eerste regel.\nTweede regel, met een komma; en een puntkomma.");
    open["dueOn"] = json!("2026-12-01");
    open["priorityIds"] = json!([s.p.coop_priority, s.p.ermelo_priority]);
    assert_eq!(app.post(&s.base(), tok, &open).await.status.as_u16(), 201);

    for sep in ["comma", "semicolon"] {
        let res = app
            .get(
                &format!("/api/v1/tenants/{slug}/commitment-exports?separator={sep}"),
                tok,
            )
            .await;
        assert_eq!(res.status.as_u16(), 200, "{}", res.text);
        assert!(
            res.content_type.starts_with("text/csv"),
            "{}",
            res.content_type
        );
        let csv = res.text.clone();
        assert!(
            csv.lines()
                .next()
                .unwrap_or_default()
                .starts_with("kenmerk"),
            "{csv}"
        );
        assert!(
            csv.contains("'=Raadsinformatiebrief"),
            "a formula-like title is guarded: {csv}"
        );
        assert!(
            csv.contains("Overkoepelende veiligheidsdoelstelling | Overlast, geweld"),
            "{csv}"
        );
        let res = import(&app, &slug, tok, &csv, false).await;
        assert_eq!(res.status.as_u16(), 200, "{}", res.text);
        assert_eq!(res.body["unchanged"], 2, "{sep}: {}", res.text);
        assert_eq!(res.body["created"], 0);
    }
    let before = app.get(&s.base(), tok).await;
    assert!(
        before
            .text
            .contains("=Raadsinformatiebrief; wijkgericht handhaven"),
        "{}",
        before.text
    );

    // A council system's export, with its own column names and Dutch dates.
    let bestuurder_email = app
        .get(
            &format!("/api/v1/tenants/{slug}/users/{}", s.bestuurder),
            tok,
        )
        .await
        .body["email"]
        .as_str()
        .expect("email")
        .to_owned();
    let ibabs = format!(
        "Nummer;Onderwerp;Gemeente;Datum;Commissie;Portefeuillehouder;Raadslid;Fractie;Streefdatum;Status\r\n\
         26bb000901;Cameratoezicht Stationsgebied evalueren;Ermelo;22-01-2026;Commissie Veiligheid;{bestuurder_email};Vonk;ChristenUnie;01-12-2026;In behandeling\r\n\
         26bb000950;Aanpak ondermijning vakantieparken;Putten;05-02-2026;Raadsvergadering;{bestuurder_email};De Jong;VVD;30-06-2026;Open\r\n"
    );
    let dry = import(&app, &slug, tok, &ibabs, true).await;
    assert_eq!(dry.status.as_u16(), 200, "{}", dry.text);
    assert_eq!(
        (
            dry.body["created"].as_i64(),
            dry.body["updated"].as_i64(),
            dry.body["dryRun"].as_bool()
        ),
        (Some(1), Some(1), Some(true))
    );
    assert_eq!(
        app.get(&s.base(), tok).await.body["total"],
        2,
        "a dry run writes nothing"
    );
    let res = import(&app, &slug, tok, &ibabs, false).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let res = app.get(&format!("{}?q=26bb000901", s.base()), tok).await;
    let c = &res.body["items"][0];
    assert_eq!(c["status"], "in_behandeling", "{}", res.text);
    assert_eq!(c["title"], "Cameratoezicht Stationsgebied evalueren");
    // What the council system's file does not have stays as it was.
    assert_eq!(
        c["priorities"].as_array().map(Vec::len),
        Some(2),
        "{}",
        res.text
    );
    assert_eq!(
        c["description"],
        "Eerste regel.\nTweede regel, met een komma; en een puntkomma."
    );
    assert_eq!(c["responsibleOfficerName"], "Beheerder");
    // A file without a status column does not reopen a discharged commitment.
    let res = import(&app, &slug, tok, &format!("kenmerk,titel,gemeente,datum_toezegging,bestuurder\n26bb000713,Effect van wijkgericht handhaven inzichtelijk maken,Ermelo,2026-01-22,{bestuurder_email}\n"), false).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["unchanged"], 1, "{}", res.text);
    let res = app.get(&format!("{}?q=26bb000713", s.base()), tok).await;
    assert_eq!(res.body["items"][0]["status"], "afgedaan");

    // Every bad row at once, nothing written.
    let admin_email = format!("admin@{slug}.example");
    let bad = format!(
        "kenmerk,titel,gemeente,datum_toezegging,bestuurder,status,datum_afdoening,prioriteiten\n\
         N-1,Nieuw,Ermelo,2026-02-01,{bestuurder_email},open,,\n\
         N-2,Onbekende gemeente,Apeldoorn,2026-02-01,{bestuurder_email},open,,\n\
         N-3,Geen bestuurder,Ermelo,2026-02-01,{admin_email},open,,\n\
         N-4,Afgedaan zonder brief,Ermelo,2026-02-01,{bestuurder_email},afgedaan,2026-03-01,\n\
         N-1,Dubbel,Ermelo,2026-02-01,{bestuurder_email},open,,\n\
         N-6,Onbekende prioriteit,Ermelo,2026-02-01,{bestuurder_email},open,,Taart\n"
    );
    let res = import(&app, &slug, tok, &bad, false).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    let rows = res.body["rejectedRows"].as_array().expect("rows");
    let lines: Vec<i64> = rows
        .iter()
        .map(|r| r["line"].as_i64().unwrap_or(0))
        .collect();
    assert_eq!(lines, [3, 4, 5, 6, 7], "{}", res.text);
    assert!(
        rows[0]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("Apeldoorn"),
        "{}",
        res.text
    );
    assert!(
        rows[1]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("geen bestuurder"),
        "{}",
        res.text
    );
    assert!(
        rows[2]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("kenmerk_brief"),
        "{}",
        res.text
    );
    assert!(
        rows[3]["reason"].as_str().unwrap_or("").contains("regel 2"),
        "{}",
        res.text
    );
    assert!(
        rows[4]["reason"].as_str().unwrap_or("").contains("Taart"),
        "{}",
        res.text
    );
    assert_eq!(
        app.get(&s.base(), tok).await.body["total"],
        3,
        "nothing of the bad file was written"
    );

    // A coordinator of Ermelo re-imports the export; a changed Putten line is refused.
    let export = app
        .get(&format!("/api/v1/tenants/{slug}/commitment-exports"), tok)
        .await
        .text;
    let ermelo = app
        .member(
            &s.p.t,
            Role::Coordinator,
            Some(s.p.ermelo.parse().expect("id")),
        )
        .await;
    let res = import(&app, &slug, &ermelo, &export, false).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["unchanged"], 3);
    let changed = export.replace(
        "Aanpak ondermijning vakantieparken",
        "Aanpak ondermijning recreatieparken",
    );
    let res = import(&app, &slug, &ermelo, &changed, false).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert!(
        res.text
            .contains("u mag geen toezeggingen van Putten wijzigen"),
        "{}",
        res.text
    );
    // Readers cannot import at all.
    let res = import(&app, &slug, &s.bestuurder_token, &export, false).await;
    assert_eq!(res.status.as_u16(), 403);
}

async fn import(
    app: &TestApp,
    slug: &str,
    token: &str,
    csv: &str,
    dry_run: bool,
) -> crate::helpers::Response {
    app.send_raw(
        "POST",
        &format!("/api/v1/tenants/{slug}/commitment-imports?dryRun={dry_run}"),
        Some(token),
        "text/csv; charset=utf-8",
        csv.as_bytes().to_vec(),
    )
    .await
}
