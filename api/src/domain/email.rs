//! An email address, trimmed and lowercased so that it identifies one user.

use super::InvalidField;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(s: &str) -> Result<Self, InvalidField> {
        let s = s.trim().to_lowercase();
        let err = || Err(InvalidField::new("email", "is geen geldig e-mailadres"));
        if s.chars().count() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return err();
        }
        let Some((local, domain)) = s.split_once('@') else {
            return err();
        };
        if local.is_empty()
            || domain.contains('@')
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
        {
            return err();
        }
        Ok(EmailAddress(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_space() {
        assert_eq!(
            EmailAddress::parse(" Admin@Veluwe-West.Example ").map(|e| e.0),
            Ok("admin@veluwe-west.example".to_owned())
        );
    }

    #[test]
    fn refuses_malformed() {
        for s in [
            "", "x", "@a.nl", "a@", "a@b", "a@@b.nl", "a b@c.nl", "a@b.nl.", "a@.nl",
        ] {
            assert!(EmailAddress::parse(s).is_err(), "{s}");
        }
    }
}
