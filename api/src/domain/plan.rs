//! Policy plans (IVP, HUP, …): input rules.

use chrono::NaiveDate;

use super::InvalidField;
use super::text::{one_of, required_text};

pub const KINDS: [&str; 5] = [
    "ivp",
    "hup",
    "handhavingsstrategie",
    "prioriteringsagenda",
    "uitvoeringsplan",
];
pub const STATUSES: [&str; 3] = ["concept", "vastgesteld", "afgelopen"];

/// Validated fields of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFields {
    pub title: String,
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    pub status: String,
    pub adopted_on: Option<NaiveDate>,
}

pub fn parse_kind(s: &str) -> Result<String, InvalidField> {
    one_of("kind", s, &KINDS)
}

pub fn parse_status(s: &str) -> Result<String, InvalidField> {
    one_of("status", s, &STATUSES)
}

impl PlanFields {
    pub fn parse(
        title: &str,
        kind: &str,
        start_year: i32,
        end_year: i32,
        status: Option<&str>,
        adopted_on: Option<NaiveDate>,
    ) -> Result<Self, InvalidField> {
        let year = |field: &str, y: i32| {
            if (1990..=2100).contains(&y) {
                Ok(y)
            } else {
                Err(InvalidField::new(
                    field,
                    "moet een jaar tussen 1990 en 2100 zijn",
                ))
            }
        };
        let start_year = year("startYear", start_year)?;
        let end_year = year("endYear", end_year)?;
        if end_year < start_year {
            return Err(InvalidField::in_context(
                "endYear",
                "mag niet voor het beginjaar liggen",
            ));
        }
        let status = parse_status(status.unwrap_or("concept"))?;
        // The adoption date is often not at hand for older plans, but a concept is not adopted.
        if status == "concept" && adopted_on.is_some() {
            return Err(InvalidField::in_context(
                "adoptedOn",
                "een concept is nog niet vastgesteld; kies status 'vastgesteld' of laat de datum leeg",
            ));
        }
        Ok(PlanFields {
            title: required_text("title", title, 300)?,
            kind: parse_kind(kind)?,
            start_year,
            end_year,
            status,
            adopted_on,
        })
    }
}

/// Filters of the plan list; each is optional.
#[derive(Debug, Clone, Default)]
pub struct PlanFilter {
    pub kind: Option<String>,
    pub status: Option<String>,
    /// Plans whose period includes this year.
    pub year: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let d = NaiveDate::from_ymd_opt(2023, 1, 26);
        assert!(
            PlanFields::parse("IVP 2023-2026", "ivp", 2023, 2026, Some("vastgesteld"), d).is_ok()
        );
        assert!(PlanFields::parse("IVP", "ivp", 2023, 2026, None, None).is_ok());
        assert!(PlanFields::parse("IVP", "ivp", 2023, 2026, Some("vastgesteld"), None).is_ok());
        assert_eq!(
            PlanFields::parse("IVP", "ivp", 2023, 2026, Some("concept"), d).map_err(|e| e.field),
            Err("adoptedOn".to_owned())
        );
        assert_eq!(
            PlanFields::parse("IVP", "ivp", 2026, 2023, None, None).map_err(|e| e.field),
            Err("endYear".to_owned())
        );
        assert_eq!(
            PlanFields::parse("IVP", "plan", 2023, 2026, None, None).map_err(|e| e.field),
            Err("kind".to_owned())
        );
        assert_eq!(
            PlanFields::parse(" ", "ivp", 2023, 2026, None, None).map_err(|e| e.field),
            Err("title".to_owned())
        );
        assert_eq!(
            PlanFields::parse("x", "ivp", 1023, 2026, None, None).map_err(|e| e.field),
            Err("startYear".to_owned())
        );
    }
}
