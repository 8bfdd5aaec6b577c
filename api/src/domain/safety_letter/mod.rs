//! The Veiligheidsbrief: the yearly or half-yearly letter to the councils on the progress of a
//! plan. The worker compiles it from the platform's data as a draft (`content` builds the text);
//! a coordinator edits the Word file and the councils get it.
//!
//! Lifecycle of a version: `wordt_samengesteld` (asked, the worker is on it) → `concept` (compiled,
//! the document never changes again) or `mislukt` (with the reason); a coordinator marks one
//! concept of a plan and period `vastgesteld`. Compiling again makes a new version.

use uuid::Uuid;

pub mod schedule;

use chrono::NaiveDate;

use super::InvalidField;
use super::period::Period;

pub const COMPILING: &str = "wordt_samengesteld";
pub const CONCEPT: &str = "concept";
pub const ADOPTED: &str = "vastgesteld";
pub const FAILED: &str = "mislukt";
pub const STATUSES: [&str; 4] = [COMPILING, CONCEPT, ADOPTED, FAILED];

pub fn status_label(status: &str) -> &'static str {
    match status {
        COMPILING => "Wordt samengesteld",
        CONCEPT => "Concept",
        ADOPTED => "Vastgesteld",
        _ => "Mislukt",
    }
}

/// The period a letter covers: a year or a half-year that has begun by `today`.
pub fn letter_period(s: &str, today: NaiveDate) -> Result<Period, InvalidField> {
    let period = Period::parse("period", s)?;
    if period.first_day() > today {
        return Err(InvalidField::in_context(
            "period",
            format!(
                "{period} is nog niet begonnen; een veiligheidsbrief gaat over een lopende of afgelopen periode"
            ),
        ));
    }
    Ok(period)
}

/// The period as a sentence names it: "2026", "het eerste halfjaar van 2026".
pub fn period_in_words(p: Period) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::HalfYear { year, half: 1 } => format!("het eerste halfjaar van {year}"),
        Period::HalfYear { year, .. } => format!("het tweede halfjaar van {year}"),
    }
}

/// The period as a title names it: "2026", "eerste halfjaar 2026".
pub fn period_in_title(p: Period) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::HalfYear { year, half: 1 } => format!("eerste halfjaar {year}"),
        Period::HalfYear { year, .. } => format!("tweede halfjaar {year}"),
    }
}

/// The step a coordinator takes on a version, refused with the reason when it cannot be taken.
pub fn adopt(status: &str, other_adopted_version: Option<i32>) -> Result<&'static str, String> {
    match status {
        CONCEPT => match other_adopted_version {
            Some(v) => Err(format!(
                "Versie {v} van deze brief is al vastgesteld; er is per plan en periode één vastgestelde versie."
            )),
            None => Ok(ADOPTED),
        },
        ADOPTED => Err("Deze versie is al vastgesteld.".to_owned()),
        COMPILING => {
            Err("Deze versie wordt nog samengesteld; stel haar vast als ze klaar is.".to_owned())
        }
        _ => Err(
            "Het samenstellen van deze versie is mislukt; stel de brief opnieuw samen.".to_owned(),
        ),
    }
}

/// The MIME type of the Word file of a version.
pub const DOCX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The MIME type of the HTML preview of a version.
pub const HTML_MEDIA_TYPE: &str = "text/html; charset=utf-8";

/// What the HTML preview may load: its own inline styles and its `data:` pictures, nothing else.
pub const HTML_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// The letter's title: "Veiligheidsbrief 2026".
pub fn title(period: Period) -> String {
    format!("Veiligheidsbrief {}", period_in_title(period))
}

/// Filters of the letter list; each is optional.
#[derive(Debug, Clone, Default)]
pub struct LetterFilter {
    pub plan_id: Option<Uuid>,
    pub period: Option<String>,
    pub status: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_letter_covers_a_period_that_has_begun() {
        assert!(letter_period("2026", day("2026-01-01")).is_ok());
        assert!(letter_period("2026-H2", day("2026-07-01")).is_ok());
        let err = letter_period("2026-H2", day("2026-06-30")).expect_err("not begun");
        assert!(err.message.contains("nog niet begonnen"), "{err:?}");
        assert!(letter_period("2026-Q1", day("2026-06-30")).is_err());
    }

    #[test]
    fn only_a_concept_is_adopted_and_only_one_per_period() {
        assert_eq!(adopt(CONCEPT, None), Ok(ADOPTED));
        assert!(
            adopt(CONCEPT, Some(2))
                .expect_err("other adopted")
                .contains("Versie 2")
        );
        for status in [COMPILING, ADOPTED, FAILED] {
            assert!(adopt(status, None).is_err(), "{status}");
        }
    }

    #[test]
    fn periods_in_words() {
        assert_eq!(period_in_words(Period::Year(2026)), "2026");
        assert_eq!(
            period_in_words(Period::HalfYear {
                year: 2026,
                half: 1
            }),
            "het eerste halfjaar van 2026"
        );
        assert_eq!(
            period_in_title(Period::HalfYear {
                year: 2026,
                half: 2
            }),
            "tweede halfjaar 2026"
        );
    }
}
