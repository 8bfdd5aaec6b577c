//! PostgreSQL schema and role names of tenants. Generated from the tenant's id, validated whenever
//! read back, never taken from a request; that is what makes them safe to put into the tenancy
//! entry point's `set_config` and into DDL.

use uuid::Uuid;

/// `tn_` followed by 32 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbName(String);

#[derive(Debug, thiserror::Error)]
#[error("'{0}' is not a valid tenant schema or role name")]
pub struct InvalidDbName(pub String);

impl DbName {
    /// The name for a tenant with this id.
    pub fn for_tenant(id: Uuid) -> Self {
        DbName(format!("tn_{}", id.simple()))
    }

    pub fn parse(s: &str) -> Result<Self, InvalidDbName> {
        let hex = s.strip_prefix("tn_").unwrap_or("");
        let valid = hex.len() == 32
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if valid {
            Ok(DbName(s.to_owned()))
        } else {
            Err(InvalidDbName(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DbName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_names_parse() {
        let name = DbName::for_tenant(Uuid::new_v4());
        assert_eq!(DbName::parse(name.as_str()).ok(), Some(name));
    }

    #[test]
    fn anything_that_could_escape_quoting_is_refused() {
        for bad in [
            "",
            "tn_",
            "public",
            "tn_0123456789abcdef0123456789abcdeg",
            "tn_0123456789ABCDEF0123456789ABCDEF",
            "tn_0123456789abcdef0123456789abcde\"",
            "tn_0123456789abcdef0123456789abcdef; DROP",
        ] {
            assert!(DbName::parse(bad).is_err(), "{bad} must be refused");
        }
    }
}
