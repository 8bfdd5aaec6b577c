//! The letter built from a fixture: its order, tables, notes and bytes.

use super::*;
use crate::document::{docx, html};
use api::domain::progress::Comparator;
use api::domain::progress::{Baseline, Direction, Target};
use chrono::DateTime;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn year(y: i32) -> Period {
    Period::Year(y)
}

fn figure(y: i32, value: f64) -> FigureInput {
    FigureInput {
        period: year(y),
        value,
        source_note: String::new(),
        entered_on: day("2026-11-01"),
    }
}

fn commitment(reference: &str, due: Option<&str>, status: &str) -> CommitmentInput {
    CommitmentInput {
        reference: reference.to_owned(),
        title: format!("Toezegging {reference}"),
        municipality: "Ermelo".to_owned(),
        made_on: day("2026-01-22"),
        meeting: "Commissie Bestuur".to_owned(),
        made_by: "Wethouder Jansen".to_owned(),
        due_on: due.map(day),
        status: status.to_owned(),
        closed_on: None,
        letter_reference: None,
        letter_title: None,
    }
}

/// A small letter in the shape of Veluwe-West's.
pub(crate) fn fixture() -> LetterInput {
    let misdrijven = IndicatorInput {
        name: "totaal misdrijven".to_owned(),
        unit: "aantal".to_owned(),
        source: "politie".to_owned(),
        direction: Direction::LowerIsBetter,
        areas: vec![AreaInput {
            name: "Ermelo".to_owned(),
            baseline: Some(Baseline {
                period: year(2019),
                value: 930.0,
            }),
            target: Some(Target {
                period: year(2024),
                comparator: Comparator::AtMost,
                value: 800.0,
            }),
            figures: vec![figure(2018, 1006.0), figure(2019, 930.0)],
        }],
    };
    LetterInput {
        cooperation: "Veluwe-West".to_owned(),
        plan: PlanInput {
            title: "Integraal Veiligheidsplan Veluwe-West 2020-2024".to_owned(),
            start_year: 2020,
            end_year: 2024,
            adopted_on: None,
        },
        period: year(2026),
        version: 1,
        municipalities: vec!["Ermelo".to_owned(), "Putten".to_owned()],
        priorities: vec![PriorityInput {
            title: "Ondermijning".to_owned(),
            goal: "Minder ondermijnende criminaliteit <samen>".to_owned(),
            judgement: Some(Judgement {
                group: "Expertgroep Ondermijning".to_owned(),
                period: Period::HalfYear {
                    year: 2026,
                    half: 1,
                },
                adopted_on: Some(day("2026-07-10")),
                status: Some("aandacht_nodig".to_owned()),
                progress: "Meer meldingen.\nMinder zicht op vakantieparken.".to_owned(),
                activities: String::new(),
                risks: "Capaciteit".to_owned(),
                corrections: vec![CorrectionInput {
                    description: "Extra controles".to_owned(),
                    owner: "RIEC".to_owned(),
                    follow_up_on: day("2026-12-01"),
                }],
            }),
            pending_review: None,
            indicators: vec![misdrijven],
        }],
        local: vec![(
            "Putten".to_owned(),
            vec![PriorityInput {
                title: "Veilig (agrarisch) buitengebied".to_owned(),
                goal: String::new(),
                judgement: None,
                pending_review: Some(PendingReview {
                    group: "Expertgroep Buitengebied".to_owned(),
                    period: Period::HalfYear {
                        year: 2026,
                        half: 1,
                    },
                }),
                indicators: vec![],
            }],
        )],
        discharged: vec![CommitmentInput {
            closed_on: Some(day("2026-03-05")),
            letter_reference: Some("RIB-2026-014".to_owned()),
            letter_title: Some("Raadsinformatiebrief cameratoezicht".to_owned()),
            ..commitment("26bb000713", None, "afgedaan")
        }],
        open: vec![
            commitment("VW-2", Some("2027-01-31"), "open"),
            commitment("VW-1", Some("2026-10-01"), "in_behandeling"),
            commitment("VW-3", None, "open"),
        ],
        as_of: day("2026-11-23"),
        generated_at: DateTime::parse_from_rfc3339("2026-11-23T09:30:00Z")
            .map(|t| t.to_utc())
            .unwrap_or_default(),
        requested_by: Some("Coördinator Veluwe-West".to_owned()),
    }
}

fn texts(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .flat_map(|b| match b {
            Block::Title(t) | Block::Note(t) => vec![t.clone()],
            Block::Heading { text, .. } => vec![text.clone()],
            Block::Paragraph(spans) => vec![spans.iter().map(|s| s.text.as_str()).collect()],
            Block::Bullets(items) => items
                .iter()
                .map(|spans| spans.iter().map(|s| s.text.as_str()).collect())
                .collect(),
            Block::Table(t) => t.rows.iter().map(|r| r.join(" | ")).collect(),
            Block::Image(i) => vec![i.alt.clone()],
        })
        .collect()
}

#[test]
fn sections_come_in_the_order_of_a_council_letter() {
    let doc = build(&fixture()).expect("builds");
    let headings: Vec<(u8, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.clone())),
            _ => None,
        })
        .collect();
    let top: Vec<&str> = headings
        .iter()
        .filter(|(l, _)| *l == 1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "Inleiding",
            "Voortgang per prioriteit",
            "Lokale paragrafen",
            "Toezeggingen aan de raden",
            "Bijlage: bronnen van de cijfers"
        ]
    );
    assert!(headings.contains(&(2, "Ondermijning".to_owned())));
    assert!(headings.contains(&(2, "Putten".to_owned())));
    assert!(headings.contains(&(3, "Veilig (agrarisch) buitengebied".to_owned())));
    assert!(matches!(&doc.blocks[0], Block::Title(t) if t == "Veiligheidsbrief 2026"));
}

#[test]
fn the_indicator_table_has_baseline_latest_value_target_and_status() {
    let doc = build(&fixture()).expect("builds");
    let all = texts(&doc);
    assert!(
        all.contains(
            &"Ermelo | 930 (2019) | 930 (2019) | ≤ 800 (2024) | Onbekend: geen cijfer over 2024"
                .to_owned()
        ),
        "{all:#?}"
    );
    assert!(all.contains(
        &"Let op. Voor Ermelo gold de streefwaarde voor 2024, maar het laatste cijfer is van 2019."
            .to_owned()
    ));
    assert!(
        all.iter()
            .any(|t| t.starts_with("Aandacht nodig. Expertgroep Ondermijning over het eerste halfjaar van 2026, vastgesteld op 10 juli 2026."))
    );
    assert!(
        all.iter()
            .any(|t| t.contains("Extra controles (eigenaar: RIEC"))
    );
    assert!(all.iter().any(|t| t.contains("wacht op vaststelling")));
    let image = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Image(i) => Some(i),
            _ => None,
        })
        .expect("a chart of the key indicator");
    assert_eq!(
        image.alt,
        "Lijngrafiek van totaal misdrijven (aantal). Ermelo: van 1.006 in 2018 naar 930 in 2019, streefwaarde ≤ 800 in 2024."
    );
}

#[test]
fn a_status_says_what_is_missing_rather_than_no_data() {
    let mut input = fixture();
    let area = |name: &str, baseline: bool, target: bool, figures: Vec<FigureInput>| AreaInput {
        name: name.to_owned(),
        baseline: baseline.then_some(Baseline {
            period: year(2019),
            value: 100.0,
        }),
        target: target.then_some(Target {
            period: year(2030),
            comparator: Comparator::AtMost,
            value: 80.0,
        }),
        figures,
    };
    input.priorities[0].indicators.push(IndicatorInput {
        name: "woninginbraak".to_owned(),
        unit: "aantal".to_owned(),
        source: "politie".to_owned(),
        direction: Direction::LowerIsBetter,
        areas: vec![
            area(
                "Zonder streefwaarde",
                false,
                false,
                vec![figure(2025, 90.0)],
            ),
            area(
                "Zonder uitgangswaarde",
                false,
                true,
                vec![figure(2025, 90.0)],
            ),
            area("Zonder cijfer", true, true, vec![]),
            area("Alleen de nulmeting", true, true, vec![figure(2019, 100.0)]),
            AreaInput {
                baseline: Some(Baseline {
                    period: year(2025),
                    value: 100.0,
                }),
                ..area("Net begonnen", true, true, vec![figure(2025, 100.0)])
            },
            area(
                "Op weg",
                true,
                true,
                vec![figure(2019, 100.0), figure(2025, 85.0)],
            ),
        ],
    });
    // A target of 2024, over by the end of 2026, without a figure of 2024.
    let past = |name: &str, value: f64| AreaInput {
        target: Some(Target {
            period: year(2024),
            comparator: Comparator::AtMost,
            value: 80.0,
        }),
        ..area(
            name,
            true,
            true,
            vec![figure(2019, 100.0), figure(2022, value)],
        )
    };
    input.priorities[0].indicators.push(IndicatorInput {
        name: "diefstal".to_owned(),
        unit: "aantal".to_owned(),
        source: "politie".to_owned(),
        direction: Direction::LowerIsBetter,
        areas: vec![
            past("Vroeg gehaald", 75.0),
            past("Niet bekend", 90.0),
            AreaInput {
                figures: vec![figure(2019, 75.0)],
                ..past("Nulmeting gehaald", 0.0)
            },
        ],
    });
    let all = texts(&build(&input).expect("builds"));
    for row in [
        "Zonder streefwaarde | – | 90 (2025) | – | Geen streefwaarde",
        "Zonder uitgangswaarde | – | 90 (2025) | ≤ 80 (2030) | Geen uitgangswaarde",
        "Zonder cijfer | 100 (2019) | – | ≤ 80 (2030) | Geen cijfer",
        "Alleen de nulmeting | 100 (2019) | 100 (2019) | ≤ 80 (2030) | Geen cijfer na 2019",
        "Net begonnen | 100 (2025) | 100 (2025) | ≤ 80 (2030) | Geen nieuw cijfer",
        "Op weg | 100 (2019) | 85 (2025) | ≤ 80 (2030) | Op koers",
        "Vroeg gehaald | 100 (2019) | 75 (2022) | ≤ 80 (2024) | Gehaald in 2022",
        "Niet bekend | 100 (2019) | 90 (2022) | ≤ 80 (2024) | Onbekend: geen cijfer over 2024",
        "Nulmeting gehaald | 100 (2019) | 75 (2019) | ≤ 80 (2024) | Onbekend: geen cijfer over 2024",
        "Let op. Voor Vroeg gehaald en Niet bekend gold de streefwaarde voor 2024, maar het laatste cijfer is van 2022. \
Voor Nulmeting gehaald gold de streefwaarde voor 2024, maar het laatste cijfer is van 2019.",
    ] {
        assert!(all.contains(&row.to_owned()), "{row} missing from {all:#?}");
    }
}

#[test]
fn a_priority_with_nothing_recorded_is_one_line_and_corrections_need_a_judgement() {
    let mut input = fixture();
    input.local[0].1.push(PriorityInput {
        title: "Veelvoorkomende vermogenscriminaliteit".to_owned(),
        goal: " ".to_owned(),
        judgement: None,
        pending_review: None,
        indicators: vec![],
    });
    let doc = build(&input).expect("builds");
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == "Veelvoorkomende vermogenscriminaliteit"))
        .expect("the priority's heading");
    assert!(matches!(
        &doc.blocks[start + 1],
        Block::Note(t) if t.starts_with("Voor deze prioriteit zijn in het platform nog geen doelstelling")
    ));
    assert!(matches!(
        &doc.blocks[start + 2],
        Block::Heading { level: 1, .. }
    ));
    // Buitengebied has a pending review but no adopted judgement: its sections, no "Bijsturing".
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings.iter().filter(|h| **h == "Bijsturing").count(),
        1,
        "only Ondermijning has a judgement: {headings:?}"
    );
    assert_eq!(headings.iter().filter(|h| **h == "Doelstelling").count(), 2);
}

#[test]
fn overdue_commitments_come_first() {
    let doc = build(&fixture()).expect("builds");
    let all = texts(&doc);
    let order: Vec<&str> = all
        .iter()
        .filter_map(|t| t.split(" | ").next())
        .filter(|r| r.starts_with("VW-"))
        .collect();
    assert_eq!(order, ["VW-1", "VW-2", "VW-3"]);
    assert!(all.iter().any(|t| t.contains("1 oktober 2026 (verlopen)")));
    assert!(
        all.iter()
            .any(|t| t.contains("Bij 1 van de 3 open toezeggingen is de termijn verstreken"))
    );
    assert!(all.iter().any(|t| {
        t.contains("5 maart 2026 | Raadsinformatiebrief cameratoezicht (RIB-2026-014)")
    }));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = build(&fixture()).expect("builds");
    let b = build(&fixture()).expect("builds");
    assert_eq!(
        docx::render(&a).expect("docx"),
        docx::render(&b).expect("docx")
    );
    assert_eq!(html::render(&a), html::render(&b));
    // Only the moment of generation differs between two compilations of the same data.
    let mut later = fixture();
    later.generated_at += chrono::Duration::days(1);
    assert_ne!(
        docx::render(&a).expect("docx"),
        docx::render(&build(&later).expect("builds")).expect("docx")
    );
}

/// The letter of the fixture, as the snapshot in `tests/snapshots` holds it: the HTML
/// preview with each picture replaced by its SHA-256, and the SHA-256 of the Word file. A
/// change in the letter shows in review; `UPDATE_SNAPSHOTS=1 cargo test -p api` writes it.
#[test]
fn snapshot_of_the_letter() {
    use sha2::{Digest, Sha256};
    let hex = |b: &[u8]| -> String {
        Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    let doc = build(&fixture()).expect("builds");
    let mut preview = html::render(&doc);
    for block in &doc.blocks {
        if let Block::Image(i) = block {
            use base64::Engine;
            let data = base64::engine::general_purpose::STANDARD.encode(&i.png);
            preview = preview.replace(&data, &format!("sha256:{}", hex(&i.png)));
        }
    }
    let snapshot = format!(
        "docx sha256: {}\n{}",
        hex(&docx::render(&doc).expect("docx")),
        preview.replace("><", ">\n<")
    );
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/safety_letter.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
        std::fs::write(&path, &snapshot).expect("write snapshot");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == snapshot,
        "the letter differs from {}; if the change is intended, run UPDATE_SNAPSHOTS=1 cargo test -p worker snapshot_of_the_letter and review the diff",
        path.display()
    );
}
