//! Passwords: a minimum strength for new ones, and argon2id hashing.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::InvalidField;

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 256;

/// A password that meets the policy, before hashing.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub fn parse(s: &str) -> Result<Self, InvalidField> {
        let n = s.chars().count();
        if n < MIN_LEN {
            return Err(InvalidField::new(
                "password",
                format!("moet minstens {MIN_LEN} tekens lang zijn"),
            ));
        }
        if n > MAX_LEN {
            return Err(InvalidField::new(
                "password",
                format!("mag hoogstens {MAX_LEN} tekens lang zijn"),
            ));
        }
        Ok(NewPassword(s.to_owned()))
    }

    /// An argon2id hash in PHC string format.
    pub fn hash(&self) -> Result<String, argon2::password_hash::Error> {
        hash_password(&self.0)
    }
}

fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt)?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Whether `password` matches the stored hash. A malformed hash never matches.
pub fn verify(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the same time as a real verification, so unknown accounts cannot be told apart by timing.
pub fn verify_against_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy =
        DUMMY.get_or_init(|| hash_password("dummy-password-for-timing").unwrap_or_default());
    let _ = verify(password, dummy);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let p = NewPassword::parse("correct horse battery").expect("valid");
        let h = p.hash().expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &h));
        assert!(!verify("correct horse batterY", &h));
        assert!(!verify("x", "not a hash"));
    }

    #[test]
    fn policy() {
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse(&"x".repeat(257)).is_err());
        assert!(NewPassword::parse("twaalf tekens").is_ok());
    }
}
