//! Action points (actiepunten) of an uitvoeringsplan: input rules.

use chrono::NaiveDate;
use uuid::Uuid;

use super::InvalidField;
use super::priority::long_text;
use super::text::{one_of, required_text};

pub const STATUSES: [&str; 4] = ["gepland", "lopend", "gereed", "vervallen"];

/// Validated fields of an action point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFields {
    pub priority_id: Uuid,
    pub title: String,
    pub description: String,
    pub owner_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
}

pub fn parse_status(s: &str) -> Result<String, InvalidField> {
    one_of("status", s, &STATUSES)
}

impl ActionFields {
    pub fn parse(
        priority_id: Uuid,
        title: &str,
        description: Option<&str>,
        owner_id: Option<Uuid>,
        due_on: Option<NaiveDate>,
        status: Option<&str>,
    ) -> Result<Self, InvalidField> {
        Ok(ActionFields {
            priority_id,
            title: required_text("title", title, 300)?,
            description: long_text("description", description)?,
            owner_id,
            due_on,
            status: parse_status(status.unwrap_or("gepland"))?,
        })
    }
}

/// Filters of the action list; each is optional.
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    pub priority_id: Option<Uuid>,
    pub plan_id: Option<Uuid>,
    pub status: Option<String>,
    pub owner_id: Option<Uuid>,
    pub due_before: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let p = Uuid::new_v4();
        assert_eq!(
            ActionFields::parse(p, "Controle", None, None, None, None).map(|a| a.status),
            Ok("gepland".to_owned())
        );
        assert_eq!(
            ActionFields::parse(p, "", None, None, None, None).map_err(|e| e.field),
            Err("title".to_owned())
        );
        assert_eq!(
            ActionFields::parse(p, "x", None, None, None, Some("klaar")).map_err(|e| e.field),
            Err("status".to_owned())
        );
    }
}
