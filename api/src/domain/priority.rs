//! Priorities of a plan: input rules.

use uuid::Uuid;

use super::InvalidField;
use super::text::required_text;

/// Where a priority applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Cooperation,
    Municipality(Uuid),
    District { municipality: Uuid, district: Uuid },
}

impl Scope {
    pub fn parse(
        scope: &str,
        municipality_id: Option<Uuid>,
        district_id: Option<Uuid>,
    ) -> Result<Self, InvalidField> {
        match (scope, municipality_id, district_id) {
            ("cooperation", None, None) => Ok(Scope::Cooperation),
            ("cooperation", _, _) => Err(InvalidField::in_context(
                "municipalityId",
                "een prioriteit voor het hele samenwerkingsverband heeft geen gemeente of wijk",
            )),
            ("municipality", Some(m), None) => Ok(Scope::Municipality(m)),
            ("municipality", None, _) => Err(InvalidField::in_context(
                "municipalityId",
                "is verplicht bij scope 'municipality'",
            )),
            ("municipality", Some(_), Some(_)) => Err(InvalidField::in_context(
                "districtId",
                "hoort alleen bij scope 'district'",
            )),
            ("district", Some(m), Some(d)) => Ok(Scope::District {
                municipality: m,
                district: d,
            }),
            ("district", _, _) => Err(InvalidField::in_context(
                "districtId",
                "scope 'district' vraagt om municipalityId en districtId",
            )),
            (other, _, _) => Err(InvalidField::new(
                "scope",
                format!("'{other}' is onbekend; kies uit cooperation, municipality, district"),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Cooperation => "cooperation",
            Scope::Municipality(_) => "municipality",
            Scope::District { .. } => "district",
        }
    }

    pub fn municipality(self) -> Option<Uuid> {
        match self {
            Scope::Cooperation => None,
            Scope::Municipality(m)
            | Scope::District {
                municipality: m, ..
            } => Some(m),
        }
    }

    pub fn district(self) -> Option<Uuid> {
        match self {
            Scope::District { district, .. } => Some(district),
            _ => None,
        }
    }
}

/// A scope name alone, as in a list filter.
pub fn parse_scope_name(s: &str) -> Result<String, InvalidField> {
    ["cooperation", "municipality", "district"]
        .into_iter()
        .find(|n| *n == s)
        .map(str::to_owned)
        .ok_or_else(|| {
            InvalidField::new(
                "scope",
                format!("'{s}' is onbekend; kies uit cooperation, municipality, district"),
            )
        })
}

/// Validated fields of a priority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityFields {
    pub plan_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub title: String,
    pub scope: Scope,
    pub opgave: String,
    pub ambitie: String,
    pub aanpak: String,
    pub doelstelling: String,
    pub partners: Vec<String>,
    pub flankerend_beleid: String,
    pub owner_id: Option<Uuid>,
}

/// Optional long text: trimmed, at most 20,000 characters.
pub fn long_text(field: &str, s: Option<&str>) -> Result<String, InvalidField> {
    let s = s.unwrap_or("").trim();
    if s.chars().count() > 20_000 {
        return Err(InvalidField::new(
            field,
            "mag hoogstens 20.000 tekens bevatten",
        ));
    }
    // Line ends and tabs belong in a long text; other control characters (NUL above all, which
    // PostgreSQL refuses) do not.
    if s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(InvalidField::new(field, "bevat ongeldige tekens"));
    }
    Ok(s.to_owned())
}

/// Partner organisations: each non-empty, at most 200 characters, no duplicates.
pub fn partners(list: &[String]) -> Result<Vec<String>, InvalidField> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for p in list {
        let p = required_text("partners", p, 200)?;
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&p)) {
            out.push(p);
        }
    }
    if out.len() > 50 {
        return Err(InvalidField::new("partners", "hoogstens 50 partners"));
    }
    Ok(out)
}

/// Filters of the priority list; each is optional.
#[derive(Debug, Clone, Default)]
pub struct PriorityFilter {
    pub plan_id: Option<Uuid>,
    pub scope: Option<String>,
    pub municipality_id: Option<Uuid>,
    pub parent_id: Option<Uuid>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes() {
        let m = Uuid::new_v4();
        let d = Uuid::new_v4();
        assert_eq!(
            Scope::parse("cooperation", None, None),
            Ok(Scope::Cooperation)
        );
        assert_eq!(
            Scope::parse("municipality", Some(m), None),
            Ok(Scope::Municipality(m))
        );
        assert_eq!(
            Scope::parse("district", Some(m), Some(d)).map(Scope::district),
            Ok(Some(d))
        );
        for (s, mm, dd, field) in [
            ("cooperation", Some(m), None, "municipalityId"),
            ("municipality", None, None, "municipalityId"),
            ("municipality", Some(m), Some(d), "districtId"),
            ("district", Some(m), None, "districtId"),
            ("wijk", None, None, "scope"),
        ] {
            assert_eq!(
                Scope::parse(s, mm, dd).map_err(|e| e.field),
                Err(field.to_owned()),
                "{s}"
            );
        }
    }

    #[test]
    fn partner_lists() {
        let list = vec![
            "Politie".to_owned(),
            " politie ".to_owned(),
            "OM".to_owned(),
        ];
        assert_eq!(
            partners(&list),
            Ok(vec!["Politie".to_owned(), "OM".to_owned()])
        );
        assert!(partners(&[" ".to_owned()]).is_err());
    }
}
