//! Emails as people read them: Dutch, plain text and simple HTML (no images, no scripts, inline
//! styles only, so that every mail client shows the same), with links into the platform and a
//! footer to the settings and the one-click unsubscribe.

use chrono::NaiveDate;

use crate::notifications::stages::Stage;
use api::domain::time::dutch_date;

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What every email ends with.
#[derive(Debug, Clone)]
pub struct Footer {
    pub cooperation: String,
    pub settings_url: String,
    pub unsubscribe_url: Option<String>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Lays out an email: a heading, paragraphs, one button-like link, and the footer.
fn layout(
    subject: String,
    heading: &str,
    paragraphs: &[String],
    link: (&str, &str),
    footer: &Footer,
) -> Rendered {
    let mut text = format!("{heading}\n\n");
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
    }
    text.push_str(&format!("{}: {}\n\n", link.0, link.1));
    text.push_str(&format!(
        "--\nU ontvangt deze e-mail van het Veiligheidsplatform van {}.\nMeldingen instellen: {}\n",
        footer.cooperation, footer.settings_url
    ));
    if let Some(u) = &footer.unsubscribe_url {
        text.push_str(&format!("Afmelden: {u}\n"));
    }

    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title></title></head>\
         <body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;margin:0;padding:24px;\">",
    );
    html.push_str(&format!(
        "<h1 style=\"font-size:20px;margin:0 0 16px;\">{}</h1>",
        esc(heading)
    ));
    for p in paragraphs {
        html.push_str(&format!("<p style=\"margin:0 0 12px;\">{}</p>", esc(p)));
    }
    html.push_str(&format!(
        "<p style=\"margin:20px 0;\"><a href=\"{}\" style=\"background:#154273;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px;\">{}</a></p>",
        esc(link.1),
        esc(link.0)
    ));
    html.push_str(&format!(
        "<p style=\"font-size:12px;color:#555;margin-top:32px;\">U ontvangt deze e-mail van het Veiligheidsplatform van {}. <a href=\"{}\">Meldingen instellen</a>",
        esc(&footer.cooperation),
        esc(&footer.settings_url)
    ));
    if let Some(u) = &footer.unsubscribe_url {
        html.push_str(&format!(" · <a href=\"{}\">Afmelden</a>", esc(u)));
    }
    html.push_str("</p></body></html>");
    Rendered {
        subject,
        text,
        html,
    }
}

/// A reminder to an expert group (or, when late, its escalation).
pub fn review_reminder(
    group: &str,
    period: &str,
    due: NaiveDate,
    stage: Stage,
    link: &str,
    footer: &Footer,
) -> Rendered {
    let due_text = dutch_date(due);
    let (subject, lead) = match stage {
        Stage::Before(n) => (
            format!("Herinnering: evaluatie {period} van {group} uiterlijk {due_text}"),
            format!(
                "Over {} of minder, uiterlijk {due_text}, is de halfjaarlijkse evaluatie over {period} van de {group} nodig.",
                if n == 1 {
                    "1 dag".to_owned()
                } else {
                    format!("{n} dagen")
                }
            ),
        ),
        Stage::DueToday => (
            format!("Vandaag: evaluatie {period} van {group}"),
            format!("Vandaag, {due_text}, is de evaluatie over {period} van de {group} nodig."),
        ),
        Stage::Late(_) => (
            format!("Te laat: evaluatie {period} van {group}"),
            format!(
                "De evaluatie over {period} van de {group} was uiterlijk {due_text} nodig en is nog niet ingediend."
            ),
        ),
    };
    layout(
        subject,
        &format!("Evaluatie {period}: {group}"),
        &[
            lead,
            "Beoordeel per prioriteit of die op koers ligt, beschrijf de voortgang en leg bijsturing vast. Een goede praktijk is minstens twee evaluaties per jaar.".to_owned(),
        ],
        ("Open de evaluatie", link),
        footer,
    )
}

/// A reminder about a commitment to a council.
#[allow(clippy::too_many_arguments)]
pub fn commitment_reminder(
    reference: &str,
    title: &str,
    municipality: &str,
    due: NaiveDate,
    stage: Stage,
    link: &str,
    footer: &Footer,
) -> Rendered {
    let due_text = dutch_date(due);
    let (subject, lead) = match stage {
        Stage::Late(_) => (
            format!("Verlopen toezegging {reference}: {title}"),
            format!(
                "De toezegging {reference} aan de raad van {municipality} had uiterlijk {due_text} afgedaan moeten zijn en staat nog open."
            ),
        ),
        _ => (
            format!("Herinnering: toezegging {reference} uiterlijk {due_text}"),
            format!(
                "De toezegging {reference} aan de raad van {municipality} moet uiterlijk {due_text} zijn afgedaan."
            ),
        ),
    };
    layout(
        subject,
        &format!("Toezegging {reference}"),
        &[
            lead,
            format!("Toezegging: {title}"),
            "Handel de toezegging af met een raadsinformatiebrief, of leg vast waarom zij vervalt."
                .to_owned(),
        ],
        ("Open de toezegging", link),
        footer,
    )
}

/// What a digest reports, each line ready to read.
#[derive(Debug, Clone, Default)]
pub struct DigestContent {
    pub commitments: Vec<String>,
    pub reviews: Vec<String>,
    pub off_track: Vec<String>,
    pub deadlines: Vec<String>,
}

impl DigestContent {
    pub fn is_empty(&self) -> bool {
        self.commitments.is_empty()
            && self.reviews.is_empty()
            && self.off_track.is_empty()
            && self.deadlines.is_empty()
    }
}

/// A bestuurder's digest of one cooperation.
pub fn digest(
    name: &str,
    cooperation: &str,
    content: &DigestContent,
    link: &str,
    footer: &Footer,
) -> Rendered {
    let sections: [(&str, &Vec<String>); 4] = [
        (
            "Toezeggingen die binnen 30 dagen aflopen of verlopen zijn",
            &content.commitments,
        ),
        ("Evaluaties ingediend of vastgesteld", &content.reviews),
        (
            "Indicatoren die niet op koers zijn geraakt",
            &content.off_track,
        ),
        ("Volgende termijnen", &content.deadlines),
    ];
    let mut paragraphs = vec![format!(
        "Beste {name}, dit is uw overzicht van wat er speelt in {cooperation}."
    )];
    let mut html_sections = String::new();
    for (title, lines) in sections.iter().filter(|(_, l)| !l.is_empty()) {
        paragraphs.push(format!("{title}:\n- {}", lines.join("\n- ")));
        html_sections.push_str(&format!(
            "<h2 style=\"font-size:16px;margin:20px 0 8px;\">{}</h2><ul style=\"margin:0 0 12px;padding-left:20px;\">",
            esc(title)
        ));
        for l in lines.iter() {
            html_sections.push_str(&format!("<li>{}</li>", esc(l)));
        }
        html_sections.push_str("</ul>");
    }
    let mut r = layout(
        format!("Veiligheidsoverzicht {cooperation}"),
        &format!("Uw overzicht: {cooperation}"),
        &paragraphs[..1],
        ("Open het platform", link),
        footer,
    );
    // The lists go between the greeting and the link, as lists in HTML and as lines in text.
    let marker = "<p style=\"margin:20px 0;\"><a ";
    if let Some(i) = r.html.find(marker) {
        r.html.insert_str(i, &html_sections);
    }
    let text_lists = paragraphs[1..].join("\n\n");
    if let Some(i) = r.text.find("Open het platform:") {
        r.text.insert_str(i, &format!("{text_lists}\n\n"));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn footer() -> Footer {
        Footer {
            cooperation: "Veluwe-West".into(),
            settings_url: "http://x/instellingen".into(),
            unsubscribe_url: Some("http://x/afmelden?a=1&b=2".into()),
        }
    }

    #[test]
    fn emails_are_dutch_escaped_and_carry_their_links() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
        let r = review_reminder(
            "Expertgroep <Ondermijning>",
            "2026-H2",
            due,
            Stage::Before(14),
            "http://x/g",
            &footer(),
        );
        assert_eq!(
            r.subject,
            "Herinnering: evaluatie 2026-H2 van Expertgroep <Ondermijning> uiterlijk 31-12-2026"
        );
        assert!(r.html.contains("Expertgroep &lt;Ondermijning&gt;"));
        assert!(!r.html.contains("<Ondermijning>"));
        assert!(r.html.contains("href=\"http://x/afmelden?a=1&amp;b=2\""));
        assert!(r.text.contains("Afmelden: http://x/afmelden?a=1&b=2"));
        assert!(!r.html.contains("<img") && !r.html.contains("<script"));
        let late = commitment_reminder(
            "26bb000713",
            "Wijkgericht handhaven",
            "Harderwijk",
            due,
            Stage::Late(0),
            "http://x/c",
            &footer(),
        );
        assert!(late.subject.starts_with("Verlopen toezegging 26bb000713"));
        assert!(late.text.contains("31-12-2026"));
    }

    /// The words of an email a person reads: subject, plain text, and the HTML without its tags.
    fn words(r: &Rendered) -> String {
        let visible = api::domain::english::visible_text(&r.html);
        format!("{}\n{}\n{visible}", r.subject, r.text)
    }

    #[test]
    fn every_kind_of_email_at_every_stage_reads_as_dutch() {
        use api::domain::english::english_words;
        let due = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
        let stages = [
            Stage::Before(1),
            Stage::Before(14),
            Stage::Before(3),
            Stage::DueToday,
            Stage::Late(0),
            Stage::Late(2),
        ];
        let mut emails = Vec::new();
        for stage in stages {
            emails.push(review_reminder(
                "Expertgroep Ondermijning",
                "2026-H2",
                due,
                stage,
                "http://x/g",
                &footer(),
            ));
            emails.push(commitment_reminder(
                "VW-2026-031",
                "Cameratoezicht",
                "Ermelo",
                due,
                stage,
                "http://x/c",
                &footer(),
            ));
        }
        let full = DigestContent {
            commitments: vec!["Uw toezegging VW-1 Cameratoezicht (Ermelo), uiterlijk 31-12-2026".into()],
            reviews: vec!["Expertgroep Ondermijning: evaluatie 2026-H1 ingediend".into()],
            off_track: vec!["Totaal misdrijven (Ermelo): De streefwaarde voor 2024 (≤ 800) is niet gehaald: 812 in 2024.".into()],
            deadlines: vec!["Expertgroep Ondermijning: evaluatie 2026-H2 uiterlijk 31-12-2026".into()],
        };
        emails.push(digest(
            "Pieter Dekker",
            "Veluwe-West",
            &full,
            "http://x/o",
            &footer(),
        ));
        let without_unsubscribe = Footer {
            unsubscribe_url: None,
            ..footer()
        };
        emails.push(digest(
            "Pieter Dekker",
            "Veluwe-West",
            &full,
            "http://x/o",
            &without_unsubscribe,
        ));
        for email in &emails {
            let text = words(email);
            assert_eq!(english_words(&text), Vec::<&str>::new(), "{text}");
        }
        assert!(
            words(&emails[0]).contains("Over 1 dag of minder"),
            "{}",
            words(&emails[0])
        );
    }
}
