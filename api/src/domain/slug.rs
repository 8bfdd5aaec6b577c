//! The slug of a tenant in paths: `1stroom`, `tweestromenland`, `veluwe-west`.

use super::InvalidField;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct TenantSlug(String);

impl TenantSlug {
    /// Lowercase letters and digits in groups joined by single hyphens, 2 to 63 characters.
    pub fn parse(s: &str) -> Result<Self, InvalidField> {
        let err = |m: &str| Err(InvalidField::new("slug", m));
        if s.len() < 2 || s.len() > 63 {
            return err("moet 2 tot 63 tekens lang zijn");
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return err("mag alleen kleine letters, cijfers en koppeltekens bevatten");
        }
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return err(
                "mag niet beginnen of eindigen met een koppelteken, en geen twee achter elkaar bevatten",
            );
        }
        Ok(TenantSlug(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TenantSlug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_tenants_are_valid() {
        for s in ["1stroom", "tweestromenland", "veluwe-west"] {
            assert!(TenantSlug::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn invalid_slugs_are_refused() {
        for s in [
            "",
            "a",
            "Veluwe",
            "veluwe_west",
            "-x",
            "x-",
            "a--b",
            "é-b",
            "a b",
            "../x",
            &"a".repeat(64),
        ] {
            assert!(TenantSlug::parse(s).is_err(), "{s}");
        }
    }
}
