//! One verdict everywhere: for the demo data, what the indicator endpoint says of every indicator
//! in every area is what the priority endpoint counts and names, what the digest reports as off
//! track, and what the compiled Veiligheidsbrief's tables say.

use std::collections::{BTreeMap, BTreeSet};

use api::domain::english::{english_words, visible_text};
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::helpers::spawn_app;
use crate::helpers::{demo_token, load_demo};
use crate::mailcatcher::{MailCatcher, run_once};

/// (indicator, area) → (status, summary), as the indicator endpoint gives them.
type Verdicts = BTreeMap<(String, String), (String, String)>;

async fn indicator_verdicts(app: &TestApp, token: &str) -> (Verdicts, Vec<Value>) {
    let res = app
        .get("/api/v1/tenants/veluwe-west/indicators?pageSize=100", token)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let items = res.body["items"].as_array().expect("items").clone();
    let mut verdicts = Verdicts::new();
    for i in &items {
        for a in i["areas"].as_array().expect("areas") {
            let key = (
                i["name"].as_str().expect("name").to_owned(),
                a["areaName"].as_str().expect("area").to_owned(),
            );
            let value = (
                a["progress"]["status"].as_str().expect("status").to_owned(),
                a["progress"]["summary"]
                    .as_str()
                    .expect("summary")
                    .to_owned(),
            );
            assert!(verdicts.insert(key, value).is_none());
        }
    }
    (verdicts, items)
}

/// The text between `<tag` and `</tag>` occurrences in `html`, as plain text.
fn cells(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    html.split(&open)
        .skip(1)
        .filter_map(|part| {
            let inner = &part[part.find('>')? + 1..];
            Some(inner[..inner.find(&close)?].to_owned())
        })
        .map(|c| {
            c.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace('\u{ad}', "")
        })
        .collect()
}

/// (indicator heading or caption, area) → status, from the letter's progress tables.
fn letter_rows(html: &str) -> BTreeMap<(String, String), String> {
    let mut rows = BTreeMap::new();
    let mut title = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<table") {
        // The indicator is the last heading before the table, or the table's caption.
        for level in 2..=6 {
            if let Some(h) = cells(&rest[..start], &format!("h{level}")).pop() {
                title = h;
            }
        }
        let end = rest[start..]
            .find("</table>")
            .map_or(rest.len(), |e| start + e);
        let table = &rest[start..end];
        if let Some(caption) = cells(table, "caption").pop() {
            title = caption;
        }
        let header = cells(table, "th");
        let progress = [
            "Gebied",
            "Uitgangswaarde",
            "Laatste waarde",
            "Streefwaarde",
            "Status",
        ];
        if header == progress {
            for row in table.split("<tr").skip(1) {
                let tds = cells(row, "td");
                if tds.len() == 5 {
                    rows.insert((title.clone(), tds[0].clone()), tds[4].clone());
                }
            }
        }
        rest = &rest[end..];
    }
    rows
}

#[actix_rt::test]
async fn the_indicator_priority_digest_and_letter_give_the_same_verdict_for_every_area() {
    let app = spawn_app().await;
    load_demo(&app).await;
    let token = demo_token(&app, "coordinator", "veluwe-west").await;
    // Two figures of 2024 next to the demo's old ones: missed in Ermelo, met in Putten.
    let (_, items) = indicator_verdicts(&app, &token).await;
    let misdrijven = items
        .iter()
        .find(|i| i["name"] == "Totaal misdrijven (excl. cybercrime)")
        .expect("the key indicator");
    let town = |name: &str| {
        misdrijven["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .find(|a| a["areaName"] == name)
            .map(|a| a["municipalityId"].clone())
            .expect("area")
    };
    for (area, value) in [("Ermelo", 812), ("Putten", 490)] {
        let res = app
            .record_measurement(
                "veluwe-west",
                &token,
                misdrijven["id"].as_str().expect("id"),
                &json!({ "municipalityId": town(area), "period": "2024", "value": value, "sourceNote": "politie" }),
            )
            .await;
        assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    }
    // A target still ahead, judged on the line: the Rapportcijfer of Harderwijk, 7,5 in 2019, to
    // at least 8 in three years, with last year's 7,9.
    use chrono::Datelike;
    let year = chrono::Utc::now().year();
    let rapport = items
        .iter()
        .find(|i| i["name"] == "Rapportcijfer veiligheid van de buurt")
        .expect("the other key indicator");
    let mut areas: Vec<Value> = rapport["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| json!({ "municipalityId": a["municipalityId"], "baseline": a["baseline"], "target": a["target"] }))
        .collect();
    let harderwijk = rapport["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .position(|a| a["areaName"] == "Harderwijk")
        .expect("Harderwijk");
    areas[harderwijk]["target"] =
        json!({ "period": (year + 3).to_string(), "comparator": ">=", "value": 8 });
    let rapport_id = rapport["id"].as_str().expect("id");
    let res = app
        .put(
            &format!("/api/v1/tenants/veluwe-west/indicators/{rapport_id}"),
            &token,
            &json!({ "priorityId": rapport["priorityId"], "name": rapport["name"], "description": rapport["description"],
                "unit": rapport["unit"], "source": rapport["source"], "direction": rapport["direction"],
                "policeCode": rapport["policeCode"], "areas": areas }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let res = app
        .record_measurement(
            "veluwe-west",
            &token,
            rapport_id,
            &json!({ "municipalityId": rapport["areas"][harderwijk]["municipalityId"], "period": (year - 1).to_string(), "value": 7.9 }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);

    let (verdicts, items) = indicator_verdicts(&app, &token).await;
    let of =
        |indicator: &str, area: &str| verdicts[&(indicator.to_owned(), area.to_owned())].clone();
    let key = "Totaal misdrijven (excl. cybercrime)";
    assert_eq!(
        of(key, "Ermelo"),
        ("off_track".into(), "Niet gehaald in 2024".into())
    );
    assert_eq!(
        of(key, "Putten"),
        ("on_track".into(), "Gehaald in 2024".into())
    );
    assert_eq!(
        of(key, "Harderwijk"),
        ("outdated".into(), "Onbekend: geen cijfer over 2024".into())
    );
    assert_eq!(
        of("Rapportcijfer veiligheid van de buurt", "Harderwijk"),
        ("on_track".into(), "Op koers".into())
    );
    let statuses: BTreeSet<&str> = verdicts.values().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        statuses,
        BTreeSet::from(["no_data", "off_track", "on_track", "outdated"])
    );

    // The priority endpoint counts and names every area of its indicators by the same verdict.
    let res = app
        .get(
            "/api/v1/tenants/veluwe-west/priorities?pageSize=100",
            &token,
        )
        .await;
    for p in res.body["items"].as_array().expect("items") {
        let own: Vec<&Value> = items
            .iter()
            .filter(|i| i["priorityId"] == p["id"])
            .collect();
        let explanation = p["status"]["explanation"].as_str().unwrap_or_default();
        let (mut counted, mut on, mut outdated) = (0, 0, 0);
        for i in &own {
            for a in i["areas"].as_array().expect("areas") {
                let point = format!(
                    "{} ({})",
                    i["name"].as_str().unwrap_or(""),
                    a["areaName"].as_str().unwrap_or("")
                );
                match a["progress"]["status"].as_str().unwrap_or("") {
                    "outdated" => {
                        counted += 1;
                        outdated += 1;
                        // Named in the first sentence, before the share on track.
                        let first = &explanation[..explanation
                            .find(" meetpunten op koers")
                            .unwrap_or(explanation.len())];
                        let named =
                            first.starts_with("Geen actuele cijfers") && first.contains(&point);
                        assert!(named, "{point} is not named first: {explanation}");
                    }
                    "off_track" => {
                        counted += 1;
                        let after = explanation.split("Niet op koers: ").nth(1).unwrap_or("");
                        assert!(
                            after.contains(&point),
                            "{point} is not named off track: {explanation}"
                        );
                    }
                    "on_track" => {
                        counted += 1;
                        on += 1;
                    }
                    _ => {}
                }
            }
        }
        // The status follows from the counts as the rule in README says.
        let off = counted - on - outdated;
        let expected = if counted == 0 {
            "geen_gegevens"
        } else if off * 2 > on + off {
            "niet_op_koers"
        } else if off > 0 {
            "aandacht_nodig"
        } else if outdated > 0 {
            "geen_actuele_cijfers"
        } else {
            "op_koers"
        };
        assert_eq!(
            p["status"]["status"], expected,
            "{}: {explanation}",
            p["title"]
        );
        // The share on track is given unless every counted point is outdated.
        if counted > outdated {
            assert!(
                explanation.contains(&format!("{on} van {counted} meetpunten op koers")),
                "{}: {explanation}",
                p["title"]
            );
        }
    }
    let overall = res.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|p| p["title"] == "Overkoepelende veiligheidsdoelstelling")
        .expect("the overall goal");
    assert_eq!(overall["status"]["status"], "aandacht_nodig", "{overall}");

    // The worker's round: the bestuurder's first digest lists exactly the areas off track, and
    // the demo's letter over 2026 is compiled from the same figures.
    let mail = MailCatcher::start().await;
    let out = run_once(&app, &mail.smtp_url(), &chrono::Utc::now().to_rfc3339()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let messages = mail.messages().await;
    let digest = messages
        .iter()
        .find(|m| {
            m["to"][0]["address"] == "bestuurder@veluwe-west.example"
                && m["subject"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("Veiligheidsoverzicht"))
        })
        .expect("the bestuurder's digest");
    let text = digest["text"].as_str().unwrap_or_default();
    let reported: BTreeSet<String> = text
        .split("Indicatoren die niet op koers zijn geraakt:")
        .nth(1)
        .unwrap_or("")
        .lines()
        .skip(1)
        .map_while(|l| l.strip_prefix("- "))
        .filter_map(|l| l.split(": ").next().map(str::to_owned))
        .collect();
    let off_track: BTreeSet<String> = verdicts
        .iter()
        .filter(|(_, (status, _))| status == "off_track")
        .map(|((indicator, area), _)| format!("{indicator} ({area})"))
        .collect();
    assert_eq!(reported, off_track, "{text}");

    let letters = app
        .get("/api/v1/tenants/veluwe-west/safety-letters", &token)
        .await;
    let letter = letters.first_id();
    let res = app
        .get(
            &format!("/api/v1/tenants/veluwe-west/safety-letters/{letter}/document?format=html"),
            &token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let english = english_words(&visible_text(&res.text));
    assert!(
        english.is_empty(),
        "the letter has English words: {english:?}"
    );
    let rows = letter_rows(&res.text);
    let units: BTreeMap<String, String> = items
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap_or("").to_owned(),
                i["unit"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let mut compared = 0;
    for ((indicator, area), (_, summary)) in &verdicts {
        let title = format!("{indicator} ({})", units[indicator]);
        let Some(in_letter) = rows.get(&(title.clone(), area.clone())) else {
            panic!("{title}, {area} is not in the letter: {rows:#?}");
        };
        assert_eq!(in_letter, summary, "{title}, {area}");
        compared += 1;
    }
    assert_eq!(
        compared,
        rows.len(),
        "the letter has rows the API has not: {rows:#?}"
    );
}
