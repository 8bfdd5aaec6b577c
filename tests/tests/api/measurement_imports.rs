use api::domain::role::Role;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::PlanSetup;
use crate::helpers::{TestApp, spawn_app};

async fn measurement_count(app: &TestApp, s: &PlanSetup, indicator: &str) -> u64 {
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/indicators/{indicator}/measurements",
                s.slug()
            ),
            &s.t.admin_token,
        )
        .await;
    res.body["total"].as_u64().expect("total")
}

const GOOD: &str = "cooperation,municipality,indicator,indicator_code,unit,source,period,value,seed_file,seed_line\n\
    ,Ermelo,Totaal misdrijven (excl. cybercrime),,aantal,politie,2019,930,002.txt,303\n\
    ,Putten,Totaal misdrijven (excl. cybercrime),,aantal,politie,2019,561,002.txt,308\n\
    ,Ermelo,Totaal misdrijven (excl. cybercrime),,aantal,politie,2022,842,,\n\
    ,,Totaal misdrijven (excl. cybercrime),,aantal,politie,2023-H1,1490,,\n";

#[actix_rt::test]
async fn a_csv_is_imported_whole_or_not_at_all() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "import").await;
    let tok = &s.t.admin_token;
    let indicator = app.create(&s.t, "indicators", &s.misdrijven()).await;

    // A dry run checks and counts, and writes nothing.
    let res = app.import_measurements(s.slug(), tok, GOOD, true).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(
        res.body,
        json!({ "rows": 4, "created": 4, "updated": 0, "unchanged": 0, "skipped": 0, "dryRun": true })
    );
    assert_eq!(measurement_count(&app, &s, &indicator).await, 0);

    // One bad row among good ones: nothing is written, and the row is named.
    let one_bad =
        format!("{GOOD},Ermelo,Totaal misdrijven (excl. cybercrime),,aantal,politie,2024,veel,,\n");
    let res = app
        .import_measurements(s.slug(), tok, &one_bad, false)
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(res.problem_code(), "rows_rejected");
    assert_eq!(res.body["rejectedRows"].as_array().map(Vec::len), Some(1));
    assert_eq!(res.body["rejectedRows"][0]["line"], 6);
    let reason = res.body["rejectedRows"][0]["reason"]
        .as_str()
        .expect("reason");
    assert!(reason.contains("'veel' is geen getal"), "{reason}");
    assert!(
        res.body["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Regel 6") && d.contains("niets ingelezen")),
        "{}",
        res.text
    );
    assert_eq!(measurement_count(&app, &s, &indicator).await, 0);

    // Rows that read well but do not fit this cooperation are listed with their lines too.
    let misfits = "indicator,municipality,period,value,unit,cooperation\n\
        Totaal misdrijven (excl. cybercrime),Ermelo,2019,930,aantal,\n\
        Totaal misdrijven (excl. cybercrime),Nijkerk,2019,1,aantal,\n\
        Onbekende indicator,Ermelo,2019,1,,\n\
        Totaal misdrijven (excl. cybercrime),Ermelo,2020,1,euro,\n\
        Totaal misdrijven (excl. cybercrime),Putten,2020,1,,Tweestromenland\n\
        totaal misdrijven (EXCL. cybercrime),ermelo,2019,931,,\n\
        Totaal misdrijven (excl. cybercrime),Ermelo,2019-Q4,1,,\n";
    let res = app.import_measurements(s.slug(), tok, misfits, false).await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    let rows = res.body["rejectedRows"].as_array().expect("rows");
    let lines: Vec<u64> = rows
        .iter()
        .map(|r| r["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(
        lines,
        [3, 4, 5, 6, 7, 8],
        "every refused line at once: {}",
        res.text
    );
    let reasons: Vec<&str> = rows
        .iter()
        .map(|r| r["reason"].as_str().expect("reason"))
        .collect();
    assert!(reasons[0].contains("Nijkerk"), "{reasons:?}");
    assert!(reasons[1].contains("bestaat niet"), "{reasons:?}");
    assert!(reasons[2].contains("eenheid 'euro'"), "{reasons:?}");
    assert!(reasons[3].contains("Tweestromenland"), "{reasons:?}");
    assert!(
        reasons[4].contains("regel 2"),
        "a duplicate names the first line: {reasons:?}"
    );
    assert_eq!(measurement_count(&app, &s, &indicator).await, 0);

    // The good file goes in; again, it changes nothing; a correction keeps history.
    let res = app.import_measurements(s.slug(), tok, GOOD, false).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["created"], 4);
    assert_eq!(res.body["dryRun"], false);
    let res = app.import_measurements(s.slug(), tok, GOOD, false).await;
    assert_eq!(
        res.body,
        json!({ "rows": 4, "created": 0, "updated": 0, "unchanged": 4, "skipped": 0, "dryRun": false })
    );
    let dutch = "Gemeente;Indicator;Periode;Waarde;Toelichting\r\n\
        Ermelo;Totaal misdrijven (excl. cybercrime);2022;851,5;herziene politiecijfers\r\n";
    let res = app.import_measurements(s.slug(), tok, dutch, false).await;
    assert_eq!(res.body["updated"], 1, "{}", res.text);
    let res = app
        .get(
            &format!(
                "/api/v1/tenants/{}/indicators/{indicator}/measurements?municipalityId={}",
                s.slug(),
                s.ermelo
            ),
            tok,
        )
        .await;
    let corrected = &res.body["items"][1];
    assert_eq!(corrected["value"], 851.5, "{}", res.text);
    let detail = app
        .get(
            &format!(
                "/api/v1/tenants/{}/indicators/{indicator}/measurements/{}",
                s.slug(),
                corrected["id"].as_str().expect("id")
            ),
            tok,
        )
        .await;
    assert_eq!(detail.body["history"][0]["value"], 842.0);
    // Progress rests on the imported figures: the corrected 2022 is the latest, and with 2024
    // over without its figure the verdict says that it is not known.
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/indicators/{indicator}", s.slug()),
            tok,
        )
        .await;
    assert_eq!(res.body["areas"][1]["areaName"], "Ermelo");
    assert_eq!(
        res.body["areas"][1]["latest"],
        json!({ "period": "2022", "value": 851.5 })
    );
    assert_eq!(res.body["areas"][1]["progress"]["status"], "outdated");
    assert_eq!(
        res.body["areas"][1]["progress"]["summary"],
        "Onbekend: geen cijfer over 2024"
    );
}

#[actix_rt::test]
async fn bad_files_and_callers_are_refused() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "import-fout").await;
    let tok = &s.t.admin_token;
    app.create(&s.t, "indicators", &s.misdrijven()).await;
    let path = format!("/api/v1/tenants/{}/measurement-imports", s.slug());

    let res = app
        .send_raw("POST", &path, Some(tok), "application/json", b"{}".to_vec())
        .await;
    assert_eq!(res.status.as_u16(), 415, "{}", res.text);
    assert_eq!(res.problem_code(), "unsupported_media_type");
    let res = app.import_measurements(s.slug(), tok, "", false).await;
    assert_eq!(res.status.as_u16(), 422);
    assert_eq!(res.body["rejectedRows"][0]["line"], 1);
    let res = app
        .import_measurements(s.slug(), tok, "gemeente,waarde\nErmelo,1\n", false)
        .await;
    assert_eq!(res.status.as_u16(), 422);
    assert!(
        res.body["rejectedRows"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("indicator") && r.contains("period")),
        "{}",
        res.text
    );
    let huge = "x".repeat(11 * 1024 * 1024);
    let res = app.import_measurements(s.slug(), tok, &huge, false).await;
    assert_eq!(res.status.as_u16(), 413, "{}", res.text);
    assert_eq!(res.problem_code(), "payload_too_large");

    for role in [Role::Viewer, Role::Bestuurder, Role::Expert] {
        let viewer = app.member(&s.t, role, None).await;
        let res = app
            .import_measurements(s.slug(), &viewer, GOOD, false)
            .await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}: {}", res.text);
    }
    // A coordinator of Ermelo may import Ermelo's rows only.
    let ermelo_id: Uuid = s.ermelo.parse().expect("uuid");
    let scoped = app.member(&s.t, Role::Coordinator, Some(ermelo_id)).await;
    let res = app
        .import_measurements(s.slug(), &scoped, GOOD, false)
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    let lines: Vec<u64> = res.body["rejectedRows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(
        lines,
        [3, 5],
        "Putten and the whole cooperation: {}",
        res.text
    );
    let ermelo_only: String = GOOD
        .lines()
        .enumerate()
        .filter(|(i, _)| ![2, 4].contains(i))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    let res = app
        .import_measurements(s.slug(), &scoped, &ermelo_only, false)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["created"], 2);
}

#[actix_rt::test]
async fn the_export_reads_back_into_the_import_unchanged() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "export").await;
    let tok = &s.t.admin_token;
    let indicator = app.create(&s.t, "indicators", &s.misdrijven()).await;
    let res = app.import_measurements(s.slug(), tok, GOOD, false).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    app.record_measurement(
        s.slug(),
        tok,
        &indicator,
        &json!({ "municipalityId": s.putten, "period": "2021", "value": 540.25, "sourceNote": "politie; \"voorlopig\", met komma" }),
    )
    .await
    .id();

    // An indicator without figures or targets still shows, on a line of its own; a name that
    // starts like a formula is guarded for spreadsheets.
    app.create(
        &s.t,
        "indicators",
        &json!({ "priorityId": s.coop_priority, "name": "=Geweld", "unit": "aantal", "source": "politie", "direction": "lower_is_better" }),
    )
    .await;
    let res = app.export_measurements(s.slug(), tok, "").await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let guarded: Vec<&str> = res
        .text
        .lines()
        .filter(|l| l.contains("'=Geweld"))
        .collect();
    assert_eq!(guarded.len(), 1, "{}", res.text);
    assert!(
        guarded[0].contains(",,,,"),
        "no period, value or note: {}",
        guarded[0]
    );
    assert!(
        res.content_type.starts_with("text/csv"),
        "{}",
        res.content_type
    );
    assert!(
        res.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(".csv"))
    );
    let lines: Vec<&str> = res
        .text
        .lines()
        .filter(|l| !l.contains("'=Geweld"))
        .collect();
    assert_eq!(lines.len(), 6, "{}", res.text);
    assert!(lines[0].starts_with("cooperation,municipality,indicator,indicator_id"));
    // The whole cooperation first, then Ermelo and Putten, oldest first.
    assert!(lines[1].contains(",,Totaal misdrijven"), "{}", lines[1]);
    assert!(
        lines[2].contains(",Ermelo,") && lines[2].contains(",2019,930,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].ends_with(",2019,930,2024,<=,800,geen actuele cijfers"),
        "{}",
        lines[2]
    );
    assert!(lines[5].contains("540.25"), "{}", lines[5]);

    let res = app
        .import_measurements(s.slug(), tok, &res.text, false)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(
        res.body,
        json!({ "rows": 5, "created": 0, "updated": 0, "unchanged": 5, "skipped": 1, "dryRun": false })
    );

    let res = app
        .export_measurements(s.slug(), tok, "?separator=semicolon")
        .await;
    assert!(
        res.text.lines().any(|l| l.contains(";540,25;")),
        "{}",
        res.text
    );
    let res = app
        .import_measurements(s.slug(), tok, &res.text, false)
        .await;
    assert_eq!(res.body["unchanged"], 5, "{}", res.text);

    let res = app
        .export_measurements(s.slug(), tok, &format!("?priorityId={}", s.ermelo_priority))
        .await;
    assert_eq!(res.text.lines().count(), 1, "only the header: {}", res.text);
    // A coordinator of Ermelo re-imports the whole export with one Ermelo figure changed: the
    // other areas' lines change nothing and need no rights; the Ermelo line is entered.
    let ermelo_id: Uuid = s.ermelo.parse().expect("uuid");
    let scoped = app.member(&s.t, Role::Coordinator, Some(ermelo_id)).await;
    let export = app.export_measurements(s.slug(), &scoped, "").await.text;
    let edited = export
        .lines()
        .map(|l| {
            if l.contains(",Ermelo,") && l.contains(",2022,842,") {
                l.replace(",2022,842,", ",2022,845,")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let res = app
        .import_measurements(s.slug(), &scoped, &edited, false)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["updated"], 1, "{}", res.text);
    assert_eq!(res.body["unchanged"], 4, "{}", res.text);
    let putten = edited.replace(",2021,540.25,", ",2021,541,");
    let res = app
        .import_measurements(s.slug(), &scoped, &putten, false)
        .await;
    assert_eq!(
        res.status.as_u16(),
        422,
        "a change to Putten needs rights there: {}",
        res.text
    );

    // A note that starts with a quote or a minus survives the guard both ways.
    app.record_measurement(
        s.slug(),
        tok,
        &indicator,
        &json!({ "municipalityId": s.putten, "period": "2022", "value": 530, "sourceNote": "'-voorlopig" }),
    )
    .await
    .id();
    let export = app.export_measurements(s.slug(), tok, "").await.text;
    assert!(export.contains(",''-voorlopig,"), "{export}");
    let res = app.import_measurements(s.slug(), tok, &export, false).await;
    assert_eq!(res.body["unchanged"], 6, "{}", res.text);
    assert_eq!(res.body["updated"], 0, "{}", res.text);

    let res = app
        .export_measurements(s.slug(), tok, "?separator=tab")
        .await;
    assert_eq!(res.status.as_u16(), 400);
    let viewer = app.member(&s.t, Role::Viewer, None).await;
    let res = app.export_measurements(s.slug(), &viewer, "").await;
    assert_eq!(res.status.as_u16(), 200, "viewers read");
}

#[actix_rt::test]
async fn concurrent_imports_lose_nothing_and_never_fail_with_500() {
    let app = spawn_app().await;
    let s = PlanSetup::new(&app, "gelijktijdig").await;
    let tok = s.t.admin_token.clone();
    let indicator = app.create(&s.t, "indicators", &s.misdrijven()).await;
    let file = |value: u32| {
        let mut csv = String::from("indicator_id,municipality,period,value\n");
        for year in 1950..2100 {
            csv.push_str(&format!("{indicator},Ermelo,{year},{value}\n"));
        }
        csv
    };
    let imports = (1..=4).map(|k| {
        let (app, tok, slug, csv) = (&app, &tok, s.slug(), file(k));
        async move { (k, app.import_measurements(slug, tok, &csv, false).await) }
    });
    let results = futures_util::future::join_all(imports).await;
    let mut succeeded = Vec::new();
    for (k, res) in &results {
        assert!(
            [200, 409].contains(&res.status.as_u16()),
            "import {k}: {}",
            res.text
        );
        if res.status.as_u16() == 200 {
            succeeded.push(f64::from(*k));
        } else {
            assert_eq!(res.problem_code(), "concurrent_change");
        }
    }
    assert!(!succeeded.is_empty());
    // Every value that went in is either the current one or kept in the history.
    let base = format!(
        "/api/v1/tenants/{}/indicators/{indicator}/measurements",
        s.slug()
    );
    let list = app.get(&format!("{base}?pageSize=100"), &tok).await;
    assert_eq!(list.body["total"], 150, "{}", list.text);
    let first = list.first_id();
    let detail = app.get(&format!("{base}/{first}"), &tok).await;
    let mut seen: Vec<f64> = detail.body["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h["value"].as_f64().expect("value"))
        .collect();
    seen.push(detail.body["value"].as_f64().expect("value"));
    seen.sort_by(f64::total_cmp);
    succeeded.sort_by(f64::total_cmp);
    assert_eq!(seen, succeeded, "{}", detail.text);
}
