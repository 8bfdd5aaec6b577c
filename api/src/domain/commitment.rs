//! Commitments (toezeggingen) that bestuurders make to their councils: input rules, status rules
//! and when one is overdue.
//!
//! Status: `open` → `in_behandeling` → `afgedaan` (discharged: closing date and the council
//! letter's reference and title required) or `vervallen` (lapsed: reason required). A closed
//! commitment can be reopened; its closing details then go. Overdue is computed, never stored: a
//! commitment still open or in behandeling whose due date lies before today (in the Netherlands).

use chrono::NaiveDate;
use uuid::Uuid;

use super::InvalidField;
use super::priority::long_text;
use super::text::{one_of, required_text};
use super::time::plausible_date;

pub const OPEN: &str = "open";
pub const IN_BEHANDELING: &str = "in_behandeling";
pub const AFGEDAAN: &str = "afgedaan";
pub const VERVALLEN: &str = "vervallen";
pub const STATUSES: [&str; 4] = [OPEN, IN_BEHANDELING, AFGEDAAN, VERVALLEN];
/// The statuses in which a commitment still has to be kept.
pub const PENDING: [&str; 2] = [OPEN, IN_BEHANDELING];

pub fn parse_status(s: &str) -> Result<String, InvalidField> {
    one_of("status", s, &STATUSES)
}

/// The status as people write it in a spreadsheet or council system ("In behandeling",
/// "Afgedaan").
pub fn status_from_words(s: &str) -> Result<String, InvalidField> {
    let key = s.trim().to_lowercase().replace([' ', '-'], "_");
    parse_status(&key)
}

/// The Dutch label for a status.
pub fn status_label(s: &str) -> &'static str {
    match s {
        IN_BEHANDELING => "in behandeling",
        AFGEDAAN => "afgedaan",
        VERVALLEN => "vervallen",
        _ => "open",
    }
}

pub fn is_overdue(status: &str, due_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    PENDING.contains(&status) && due_on.is_some_and(|d| d < today)
}

/// Validated fields of a commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentFields {
    pub reference: String,
    pub title: String,
    pub description: String,
    pub municipality_id: Uuid,
    pub made_on: NaiveDate,
    pub meeting: String,
    pub made_by_id: Uuid,
    pub requested_by: String,
    pub requested_by_party: String,
    pub responsible_officer_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub priority_ids: Vec<Uuid>,
    pub status: String,
    pub closed_on: Option<NaiveDate>,
    pub closing_letter_reference: Option<String>,
    pub closing_letter_title: Option<String>,
    pub lapse_reason: Option<String>,
}

/// Input as it comes in, before the rules.
#[derive(Debug, Clone, Default)]
pub struct CommitmentInput<'a> {
    pub reference: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub municipality_id: Option<Uuid>,
    pub made_on: Option<NaiveDate>,
    pub meeting: Option<&'a str>,
    pub made_by_id: Option<Uuid>,
    pub requested_by: Option<&'a str>,
    pub requested_by_party: Option<&'a str>,
    pub responsible_officer_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub priority_ids: &'a [Uuid],
    pub status: Option<&'a str>,
    pub closed_on: Option<NaiveDate>,
    pub closing_letter_reference: Option<&'a str>,
    pub closing_letter_title: Option<&'a str>,
    pub lapse_reason: Option<&'a str>,
}

fn optional_text(field: &str, s: Option<&str>, max: usize) -> Result<String, InvalidField> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(String::new()),
        Some(s) => required_text(field, s, max),
    }
}

fn closing_text(field: &str, s: Option<&str>, max: usize) -> Result<Option<String>, InvalidField> {
    let t = optional_text(field, s, max)?;
    Ok((!t.is_empty()).then_some(t))
}

impl CommitmentFields {
    pub fn parse(i: &CommitmentInput<'_>) -> Result<Self, InvalidField> {
        let reference = required_text("reference", i.reference, 50)?;
        let title = required_text("title", i.title, 300)?;
        let municipality_id = i.municipality_id.ok_or_else(|| {
            InvalidField::new(
                "municipalityId",
                "is verplicht: aan welke gemeenteraad is de toezegging gedaan?",
            )
        })?;
        let made_on = plausible_date(
            "madeOn",
            i.made_on
                .ok_or_else(|| InvalidField::new("madeOn", "is verplicht"))?,
        )?;
        if let Some(d) = i.due_on {
            plausible_date("dueOn", d)?;
        }
        if let Some(d) = i.closed_on {
            plausible_date("closedOn", d)?;
        }
        let made_by_id = i.made_by_id.ok_or_else(|| {
            InvalidField::new(
                "madeById",
                "is verplicht: welke bestuurder deed de toezegging?",
            )
        })?;
        if let Some(due) = i.due_on
            && due < made_on
        {
            return Err(InvalidField::in_context(
                "dueOn",
                "ligt vóór de datum waarop de toezegging werd gedaan",
            ));
        }
        let mut ids = i.priority_ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() != i.priority_ids.len() {
            return Err(InvalidField::new(
                "priorityIds",
                "bevat een prioriteit twee keer",
            ));
        }
        let status = parse_status(i.status.unwrap_or(OPEN))?;
        let closing_letter_reference =
            closing_text("closingLetterReference", i.closing_letter_reference, 100)?;
        let closing_letter_title = closing_text("closingLetterTitle", i.closing_letter_title, 300)?;
        let lapse_reason = closing_text("lapseReason", i.lapse_reason, 2000)?;
        let needs = |field: &str, what: &str| {
            InvalidField::in_context(field, format!("is verplicht voor een {what} toezegging"))
        };
        let not_now = |field: &str, when: &str| {
            InvalidField::in_context(
                field,
                format!("hoort alleen bij een {when} toezegging; laat het leeg of kies die status"),
            )
        };
        match status.as_str() {
            AFGEDAAN => {
                // Name everything that is missing at once, not one field per attempt.
                let missing: Vec<(&str, &str)> = [
                    ("closedOn", "de datum van afdoening", i.closed_on.is_none()),
                    (
                        "closingLetterReference",
                        "het kenmerk van de raadsinformatiebrief",
                        closing_letter_reference.is_none(),
                    ),
                    (
                        "closingLetterTitle",
                        "de titel van de raadsinformatiebrief",
                        closing_letter_title.is_none(),
                    ),
                ]
                .into_iter()
                .filter(|(_, _, absent)| *absent)
                .map(|(f, words, _)| (f, words))
                .collect();
                if let Some((first, _)) = missing.first() {
                    let words: Vec<&str> = missing.iter().map(|(_, w)| *w).collect();
                    return Err(InvalidField::in_context(
                        *first,
                        format!(
                            "is verplicht voor een afgedane toezegging; nog nodig: {}",
                            words.join(", ")
                        ),
                    ));
                }
                let closed = i.closed_on.ok_or_else(|| needs("closedOn", "afgedane"))?;
                if closed < made_on {
                    return Err(InvalidField::in_context(
                        "closedOn",
                        "ligt vóór de datum waarop de toezegging werd gedaan",
                    ));
                }
                if closing_letter_reference.is_none() {
                    return Err(needs("closingLetterReference", "afgedane"));
                }
                if closing_letter_title.is_none() {
                    return Err(needs("closingLetterTitle", "afgedane"));
                }
                if lapse_reason.is_some() {
                    return Err(not_now("lapseReason", "vervallen"));
                }
            }
            VERVALLEN => {
                if lapse_reason.is_none() {
                    return Err(needs("lapseReason", "vervallen"));
                }
                if let Some(closed) = i.closed_on
                    && closed < made_on
                {
                    return Err(InvalidField::in_context(
                        "closedOn",
                        "ligt vóór de datum waarop de toezegging werd gedaan",
                    ));
                }
                if closing_letter_reference.is_some() {
                    return Err(not_now("closingLetterReference", "afgedane"));
                }
                if closing_letter_title.is_some() {
                    return Err(not_now("closingLetterTitle", "afgedane"));
                }
            }
            _ => {
                for (field, set) in [
                    ("closedOn", i.closed_on.is_some()),
                    ("closingLetterReference", closing_letter_reference.is_some()),
                    ("closingLetterTitle", closing_letter_title.is_some()),
                    ("lapseReason", lapse_reason.is_some()),
                ] {
                    if set {
                        return Err(not_now(field, "afgedane of vervallen"));
                    }
                }
            }
        }
        Ok(CommitmentFields {
            reference,
            title,
            description: long_text("description", i.description)?,
            municipality_id,
            made_on,
            meeting: optional_text("meeting", i.meeting, 200)?,
            made_by_id,
            requested_by: optional_text("requestedBy", i.requested_by, 200)?,
            requested_by_party: optional_text("requestedByParty", i.requested_by_party, 100)?,
            responsible_officer_id: i.responsible_officer_id,
            due_on: i.due_on,
            priority_ids: i.priority_ids.to_vec(),
            status,
            closed_on: i.closed_on,
            closing_letter_reference,
            closing_letter_title,
            lapse_reason,
        })
    }
}

/// Filters of the commitment list; each is optional. `today` decides what is overdue.
#[derive(Debug, Clone)]
pub struct CommitmentFilter {
    pub status: Option<String>,
    pub municipality_id: Option<Uuid>,
    pub made_by_id: Option<Uuid>,
    pub responsible_officer_id: Option<Uuid>,
    pub priority_id: Option<Uuid>,
    pub overdue: Option<bool>,
    pub due_before: Option<NaiveDate>,
    /// Reference or title contains this text (case-insensitive).
    pub text: Option<String>,
    pub today: NaiveDate,
}
impl CommitmentFilter {
    /// Every commitment.
    pub fn all() -> Self {
        CommitmentFilter {
            status: None,
            municipality_id: None,
            made_by_id: None,
            responsible_officer_id: None,
            priority_id: None,
            overdue: None,
            due_before: None,
            text: None,
            today: NaiveDate::MIN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn base<'a>() -> CommitmentInput<'a> {
        CommitmentInput {
            reference: "26bb000713",
            title: "Effect van wijkgericht handhaven inzichtelijk maken",
            municipality_id: Some(Uuid::new_v4()),
            made_on: Some(d(2026, 1, 22)),
            meeting: Some("Commissie Veiligheid"),
            made_by_id: Some(Uuid::new_v4()),
            due_on: Some(d(2026, 4, 1)),
            ..CommitmentInput::default()
        }
    }

    fn refused(i: CommitmentInput<'_>) -> InvalidField {
        CommitmentFields::parse(&i).expect_err("refused")
    }

    #[test]
    fn open_by_default_and_closing_details_only_when_closed() {
        let f = CommitmentFields::parse(&base()).expect("valid");
        assert_eq!(f.status, OPEN);
        assert_eq!(
            refused(CommitmentInput {
                closed_on: Some(d(2026, 3, 1)),
                ..base()
            })
            .field,
            "closedOn"
        );
        assert_eq!(
            refused(CommitmentInput {
                status: Some(IN_BEHANDELING),
                lapse_reason: Some("x"),
                ..base()
            })
            .field,
            "lapseReason"
        );
    }

    #[test]
    fn a_discharged_commitment_needs_the_date_and_the_letter() {
        let afgedaan = |closed, r, t| CommitmentInput {
            status: Some(AFGEDAAN),
            closed_on: closed,
            closing_letter_reference: r,
            closing_letter_title: t,
            ..base()
        };
        assert_eq!(
            refused(afgedaan(None, Some("RIB-1"), Some("Brief"))).field,
            "closedOn"
        );
        let err = refused(afgedaan(Some(d(2026, 3, 1)), None, Some("Brief")));
        assert_eq!(err.field, "closingLetterReference");
        assert!(err.message.contains("afgedane"), "{}", err.message);
        assert_eq!(
            refused(afgedaan(Some(d(2026, 3, 1)), Some("RIB-1"), Some("  "))).field,
            "closingLetterTitle"
        );
        assert_eq!(
            refused(afgedaan(Some(d(2026, 1, 1)), Some("RIB-1"), Some("Brief"))).field,
            "closedOn"
        );
        assert!(
            CommitmentFields::parse(&afgedaan(Some(d(2026, 3, 1)), Some("RIB-1"), Some("Brief")))
                .is_ok()
        );
    }

    #[test]
    fn a_lapsed_commitment_needs_a_reason() {
        let vervallen = |reason| CommitmentInput {
            status: Some(VERVALLEN),
            lapse_reason: reason,
            ..base()
        };
        assert_eq!(refused(vervallen(None)).field, "lapseReason");
        assert!(CommitmentFields::parse(&vervallen(Some("Ingehaald door nieuw beleid"))).is_ok());
        assert_eq!(
            refused(CommitmentInput {
                closing_letter_title: Some("Brief"),
                ..vervallen(Some("x"))
            })
            .field,
            "closingLetterTitle"
        );
    }

    #[test]
    fn required_fields_and_dates() {
        assert_eq!(
            refused(CommitmentInput {
                reference: " ",
                ..base()
            })
            .field,
            "reference"
        );
        assert_eq!(
            refused(CommitmentInput {
                municipality_id: None,
                ..base()
            })
            .field,
            "municipalityId"
        );
        assert_eq!(
            refused(CommitmentInput {
                made_by_id: None,
                ..base()
            })
            .field,
            "madeById"
        );
        assert_eq!(
            refused(CommitmentInput {
                due_on: Some(d(2025, 12, 31)),
                ..base()
            })
            .field,
            "dueOn"
        );
        assert_eq!(
            refused(CommitmentInput {
                status: Some("gesloten"),
                ..base()
            })
            .field,
            "status"
        );
        assert_eq!(
            status_from_words("In behandeling"),
            Ok(IN_BEHANDELING.to_owned())
        );
        assert_eq!(status_from_words("Afgedaan"), Ok(AFGEDAAN.to_owned()));
    }

    #[test]
    fn overdue_from_the_day_after_the_due_date_while_pending() {
        let due = Some(d(2026, 4, 1));
        assert!(!is_overdue(OPEN, due, d(2026, 4, 1)));
        assert!(is_overdue(OPEN, due, d(2026, 4, 2)));
        assert!(is_overdue(IN_BEHANDELING, due, d(2027, 1, 1)));
        assert!(!is_overdue(AFGEDAAN, due, d(2027, 1, 1)));
        assert!(!is_overdue(VERVALLEN, due, d(2027, 1, 1)));
        assert!(!is_overdue(OPEN, None, d(2027, 1, 1)));
    }
}
