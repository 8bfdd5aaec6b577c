//! Expert groups (expertgroepen): one per theme, with members inside and outside the
//! municipality, reviewing their priorities at a cadence.

use uuid::Uuid;

use super::InvalidField;
use super::email::EmailAddress;
use super::period::Period;
use super::priority::long_text;
use super::review_cadence::{Cadence, CadenceRule};
use super::text::required_text;

/// A member: a user of the tenant, or someone without an account (politie, OM, GGD …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Member {
    User {
        user_id: Uuid,
        organisation: String,
    },
    External {
        name: String,
        organisation: String,
        email: EmailAddress,
    },
}

impl Member {
    pub fn parse(
        user_id: Option<Uuid>,
        name: Option<&str>,
        organisation: Option<&str>,
        email: Option<&str>,
    ) -> Result<Self, InvalidField> {
        let organisation = match organisation.map(str::trim).filter(|o| !o.is_empty()) {
            Some(o) => required_text("organisation", o, 200)?,
            None => String::new(),
        };
        match user_id {
            Some(user_id) => {
                if name.is_some_and(|n| !n.trim().is_empty()) || email.is_some() {
                    return Err(InvalidField::new(
                        "userId",
                        "geef bij een gebruiker van het platform geen naam of e-mailadres op; die komen uit zijn account",
                    ));
                }
                Ok(Member::User {
                    user_id,
                    organisation,
                })
            }
            None => {
                let name = required_text("name", name.unwrap_or(""), 200)?;
                let email = email.ok_or_else(|| {
                    InvalidField::new(
                        "email",
                        "is verplicht voor een lid zonder account: herinneringen gaan per e-mail",
                    )
                })?;
                let email = EmailAddress::parse(email).map_err(|e| InvalidField {
                    field: "email".to_owned(),
                    ..e
                })?;
                Ok(Member::External {
                    name,
                    organisation,
                    email,
                })
            }
        }
    }

    pub fn user_id(&self) -> Option<Uuid> {
        match self {
            Member::User { user_id, .. } => Some(*user_id),
            Member::External { .. } => None,
        }
    }

    /// What makes a member the same member from one save to the next.
    pub fn identity(&self) -> String {
        match self {
            Member::User { user_id, .. } => user_id.to_string(),
            Member::External { email, .. } => email.as_str().to_owned(),
        }
    }
}

/// Validated fields of an expert group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertGroupFields {
    pub name: String,
    pub description: String,
    pub priority_ids: Vec<Uuid>,
    pub chair_id: Option<Uuid>,
    pub members: Vec<Member>,
    pub cadence: CadenceRule,
}

impl ExpertGroupFields {
    /// `reviews_from` defaults to the period of `today`.
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        name: &str,
        description: Option<&str>,
        priority_ids: &[Uuid],
        chair_id: Option<Uuid>,
        members: Vec<Member>,
        cadence: Option<&str>,
        due_offset_days: Option<i32>,
        reviews_from: Option<&str>,
        today: chrono::NaiveDate,
    ) -> Result<Self, InvalidField> {
        if priority_ids.is_empty() {
            return Err(InvalidField::new(
                "priorityIds",
                "kies ten minste één prioriteit: het thema van de groep",
            ));
        }
        let mut ids = priority_ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() != priority_ids.len() {
            return Err(InvalidField::new(
                "priorityIds",
                "bevat een prioriteit twee keer",
            ));
        }
        for (i, m) in members.iter().enumerate() {
            if members[..i].iter().any(|o| o.identity() == m.identity()) {
                return Err(InvalidField::new(
                    format!("members[{i}]"),
                    "staat al eerder in de lijst",
                ));
            }
        }
        let cadence = Cadence::parse(cadence.unwrap_or(Cadence::HalfYearly.as_str()))?;
        let due_offset_days = due_offset_days.unwrap_or(0);
        if !(0..=90).contains(&due_offset_days) {
            return Err(InvalidField::new(
                "dueOffsetDays",
                "moet tussen 0 en 90 dagen liggen",
            ));
        }
        let reviews_from = match reviews_from {
            Some(p) => cadence.check_period("reviewsFrom", Period::parse("reviewsFrom", p)?)?,
            None => Period::containing(today, cadence == Cadence::HalfYearly),
        };
        Ok(ExpertGroupFields {
            name: required_text("name", name, 200)?,
            description: long_text("description", description)?,
            priority_ids: priority_ids.to_vec(),
            chair_id,
            members,
            cadence: CadenceRule {
                cadence,
                due_offset_days,
                reviews_from,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    }

    #[test]
    fn members_are_users_or_people_with_an_email() {
        let u = Uuid::new_v4();
        assert!(matches!(
            Member::parse(Some(u), None, Some("Gemeente"), None),
            Ok(Member::User { .. })
        ));
        let ext = Member::parse(
            None,
            Some("J. de Vries"),
            Some("Politie"),
            Some("J@Politie.nl"),
        )
        .expect("external");
        assert_eq!(ext.identity(), "j@politie.nl");
        assert_eq!(
            Member::parse(None, Some("J. de Vries"), None, None)
                .expect_err("no email")
                .field,
            "email"
        );
        assert_eq!(
            Member::parse(None, None, None, Some("a@b.nl"))
                .expect_err("no name")
                .field,
            "name"
        );
        assert_eq!(
            Member::parse(Some(u), Some("X"), None, None)
                .expect_err("both")
                .field,
            "userId"
        );
    }

    #[test]
    fn a_group_needs_a_theme_and_defaults_to_half_years_from_now() {
        let p = Uuid::new_v4();
        let f = ExpertGroupFields::parse(
            "Ondermijning",
            None,
            &[p],
            None,
            vec![],
            None,
            None,
            None,
            today(),
        )
        .expect("valid");
        assert_eq!(f.cadence.cadence, Cadence::HalfYearly);
        assert_eq!(f.cadence.reviews_from.to_string(), "2026-H2");
        let err = ExpertGroupFields::parse("X", None, &[], None, vec![], None, None, None, today())
            .expect_err("no priorities");
        assert_eq!(err.field, "priorityIds");
        let err =
            ExpertGroupFields::parse("X", None, &[p, p], None, vec![], None, None, None, today())
                .expect_err("twice");
        assert_eq!(err.field, "priorityIds");
        let err = ExpertGroupFields::parse(
            "X",
            None,
            &[p],
            None,
            vec![],
            Some("yearly"),
            None,
            Some("2026-H1"),
            today(),
        )
        .expect_err("half-year for a yearly group");
        assert_eq!(err.field, "reviewsFrom");
        let err = ExpertGroupFields::parse(
            "X",
            None,
            &[p],
            None,
            vec![],
            None,
            Some(120),
            None,
            today(),
        )
        .expect_err("offset");
        assert_eq!(err.field, "dueOffsetDays");
        let m = Member::parse(None, Some("A"), None, Some("a@b.nl")).expect("m");
        let err = ExpertGroupFields::parse(
            "X",
            None,
            &[p],
            None,
            vec![m.clone(), m],
            None,
            None,
            None,
            today(),
        )
        .expect_err("member twice");
        assert_eq!(err.field, "members[1]");
    }
}
