//! Optimistic concurrency: a resource's version is the moment it was last changed. A writer who
//! says which version they read gets a refusal when someone else changed it since, instead of
//! silently overwriting that change.

use chrono::{DateTime, Utc};

/// The version of a resource last changed at `updated_at`.
pub fn version_of(updated_at: DateTime<Utc>) -> i64 {
    updated_at.timestamp_micros()
}

/// Why a write was refused: the resource changed after the writer read it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StaleVersion(pub String);

/// Passes when the writer did not say which version they read, or read the current one.
pub fn check_version(expected: Option<i64>, updated_at: DateTime<Utc>) -> Result<(), StaleVersion> {
    match expected {
        Some(v) if v != version_of(updated_at) => Err(StaleVersion(
            "Iemand anders heeft dit intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.".to_owned(),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_known_older_version_is_refused() {
        let t = Utc::now();
        assert!(check_version(None, t).is_ok());
        assert!(check_version(Some(version_of(t)), t).is_ok());
        assert!(check_version(Some(version_of(t) - 1), t).is_err());
    }
}
