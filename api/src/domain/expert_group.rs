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
                    return Err(InvalidField::in_context(
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
                let name = match name.filter(|n| !n.trim().is_empty()) {
                    Some(n) => required_text("name", n, 200)?,
                    None => {
                        return Err(InvalidField::in_context(
                            "name",
                            "is verplicht voor een lid zonder account",
                        ));
                    }
                };
                let email = email.ok_or_else(|| {
                    InvalidField::in_context(
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
    pub cadence: CadenceInput,
}

/// The cadence as given; what is left out keeps the group's stored value, or gets the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CadenceInput {
    pub cadence: Option<Cadence>,
    pub due_offset_days: Option<i32>,
    pub reviews_from: Option<Period>,
}

impl CadenceInput {
    /// The rule for a group: `stored` for an existing one, `today` for a new first period.
    pub fn resolve(
        self,
        stored: Option<&CadenceRule>,
        today: chrono::NaiveDate,
    ) -> Result<CadenceRule, InvalidField> {
        let cadence = self
            .cadence
            .or(stored.map(|s| s.cadence))
            .unwrap_or(Cadence::HalfYearly);
        let due_offset_days = self
            .due_offset_days
            .or(stored.map(|s| s.due_offset_days))
            .unwrap_or(0);
        let reviews_from = match (self.reviews_from, stored) {
            (Some(p), _) => p,
            (None, Some(s)) if s.cadence == cadence => s.reviews_from,
            (None, _) => Period::containing(today, cadence == Cadence::HalfYearly),
        };
        Ok(CadenceRule {
            cadence,
            due_offset_days,
            reviews_from: cadence.check_period("reviewsFrom", reviews_from)?,
        })
    }
}

impl ExpertGroupFields {
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
                return Err(InvalidField::in_context(
                    format!("members[{i}]"),
                    "staat al eerder in de lijst",
                ));
            }
        }
        let cadence = cadence.map(Cadence::parse).transpose()?;
        if let Some(d) = due_offset_days
            && !(0..=90).contains(&d)
        {
            return Err(InvalidField::new(
                "dueOffsetDays",
                "moet tussen 0 en 90 dagen liggen",
            ));
        }
        let reviews_from = reviews_from
            .map(|p| Period::parse("reviewsFrom", p))
            .transpose()?;
        Ok(ExpertGroupFields {
            name: required_text("name", name, 200)?,
            description: long_text("description", description)?,
            priority_ids: priority_ids.to_vec(),
            chair_id,
            members,
            cadence: CadenceInput {
                cadence,
                due_offset_days,
                reviews_from,
            },
        })
    }
}

/// Filters of the group list; each is optional.
#[derive(Debug, Clone, Default)]
pub struct ExpertGroupFilter {
    pub priority_id: Option<Uuid>,
    /// Groups this user chairs or is a member of.
    pub user_id: Option<Uuid>,
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
        let parse = |ids: &[Uuid], members: Vec<Member>, cadence, offset, from| {
            ExpertGroupFields::parse("X", None, ids, None, members, cadence, offset, from)
        };
        let f = parse(&[p], vec![], None, None, None).expect("valid");
        let rule = f.cadence.resolve(None, today()).expect("rule");
        assert_eq!(rule.cadence, Cadence::HalfYearly);
        assert_eq!(rule.reviews_from.to_string(), "2026-H2");
        assert_eq!(
            parse(&[], vec![], None, None, None)
                .expect_err("none")
                .field,
            "priorityIds"
        );
        assert_eq!(
            parse(&[p, p], vec![], None, None, None)
                .expect_err("twice")
                .field,
            "priorityIds"
        );
        let err = parse(&[p], vec![], Some("yearly"), None, Some("2026-H1"))
            .expect("parses")
            .cadence
            .resolve(None, today())
            .expect_err("half-year for a yearly group");
        assert_eq!(err.field, "reviewsFrom");
        assert_eq!(
            parse(&[p], vec![], None, Some(120), None)
                .expect_err("offset")
                .field,
            "dueOffsetDays"
        );
        let m = Member::parse(None, Some("A"), None, Some("a@b.nl")).expect("m");
        assert_eq!(
            parse(&[p], vec![m.clone(), m], None, None, None)
                .expect_err("member twice")
                .field,
            "members[1]"
        );
    }

    #[test]
    fn what_an_update_leaves_out_keeps_its_stored_value() {
        let stored = CadenceRule {
            cadence: Cadence::Yearly,
            due_offset_days: 30,
            reviews_from: Period::parse("p", "2024").expect("p"),
        };
        let kept = CadenceInput::default()
            .resolve(Some(&stored), today())
            .expect("rule");
        assert_eq!(kept, stored);
        let switched = CadenceInput {
            cadence: Some(Cadence::HalfYearly),
            ..CadenceInput::default()
        }
        .resolve(Some(&stored), today())
        .expect("rule");
        assert_eq!(switched.reviews_from.to_string(), "2026-H2");
        assert_eq!(switched.due_offset_days, 30);
    }
}
