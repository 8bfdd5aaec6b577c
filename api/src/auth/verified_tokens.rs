//! Access tokens whose signature was already checked, so that a user's next requests with the
//! same token skip the Ed25519 verification (`perf` under `scripts/bench-api`: about 6 % of the
//! machine's CPU at 3,000 requests/s, as much as routing and JSON together).
//!
//! Safe because a hit needs the very same bytes as a token whose signature this process checked
//! with its own key (keys are read at start only); the times (`exp`, `nbf`) are checked again on
//! every hit. Only tokens that verified are kept, so a stranger cannot fill the cache with junk.

use std::collections::HashMap;
use std::sync::Mutex;

use super::tokens::AccessClaims;

/// Tokens kept at most: about 1 KB each. Enough for the users one API process serves within a
/// token's lifetime; past it, expired tokens go first and else the one that expires soonest
/// (whose signature is then checked again on its next use).
const CAPACITY: usize = 1024;

#[derive(Debug, Default)]
pub struct VerifiedTokens {
    claims_by_token: Mutex<HashMap<Box<str>, AccessClaims>>,
}

impl VerifiedTokens {
    /// The claims of `token` if its signature was checked before and, at `now` (seconds since
    /// the epoch) with `leeway` seconds, it is neither expired nor not yet valid.
    pub fn get(&self, token: &str, now: i64, leeway: i64) -> Option<AccessClaims> {
        let cache = self.claims_by_token.lock().ok()?;
        cache
            .get(token)
            .filter(|c| c.exp >= now - leeway && c.nbf <= now + leeway)
            .cloned()
    }

    /// Keeps the claims of a token whose signature and times just verified.
    pub fn insert(&self, token: &str, claims: &AccessClaims, now: i64) {
        let Ok(mut cache) = self.claims_by_token.lock() else {
            return;
        };
        if cache.len() >= CAPACITY {
            cache.retain(|_, c| c.exp >= now);
        }
        if cache.len() >= CAPACITY {
            // Not all at once: many valid tokens (or one user signing in again and again) would
            // then empty it for everyone. The one that expires first makes room.
            let soonest = cache
                .iter()
                .min_by_key(|(_, c)| c.exp)
                .map(|(t, _)| t.clone());
            if let Some(token) = soonest {
                cache.remove(&token);
            }
        }
        cache.insert(token.into(), claims.clone());
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.claims_by_token.lock().map(|c| c.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn claims(nbf: i64, exp: i64) -> AccessClaims {
        AccessClaims {
            iss: "https://platform.test".into(),
            aud: "safety-platform".into(),
            sub: Uuid::new_v4(),
            iat: nbf,
            nbf,
            exp,
            jti: Uuid::new_v4(),
            pa: false,
            mem: vec![],
        }
    }

    #[test]
    fn a_kept_token_is_found_by_its_exact_text_only() {
        let kept = VerifiedTokens::default();
        let c = claims(1_000, 2_000);
        kept.insert("header.payload.signature", &c, 1_000);
        assert_eq!(kept.get("header.payload.signature", 1_500, 5), Some(c));
        assert_eq!(kept.get("header.payload.signaturX", 1_500, 5), None);
        assert_eq!(kept.get("header.payload.signature ", 1_500, 5), None);
    }

    #[test]
    fn an_expired_or_not_yet_valid_token_is_not_served() {
        let kept = VerifiedTokens::default();
        kept.insert("t", &claims(1_000, 2_000), 1_000);
        assert!(kept.get("t", 2_005, 5).is_some(), "within the leeway");
        assert!(kept.get("t", 2_006, 5).is_none(), "expired");
        assert!(kept.get("t", 994, 5).is_none(), "not yet valid");
    }

    #[test]
    fn a_full_cache_drops_expired_tokens_first_and_else_the_soonest_to_expire() {
        let kept = VerifiedTokens::default();
        for i in 0..CAPACITY {
            let exp = if i % 2 == 0 { 1_100 } else { 5_000 };
            kept.insert(&format!("t{i}"), &claims(1_000, exp), 1_000);
        }
        assert_eq!(kept.len(), CAPACITY);
        kept.insert("new", &claims(2_000, 5_000), 2_000);
        assert_eq!(kept.len(), CAPACITY / 2 + 1, "the expired half went");
        assert!(kept.get("t1", 2_000, 5).is_some());

        for i in 0..CAPACITY {
            kept.insert(&format!("u{i}"), &claims(2_000, 6_000 + i as i64), 2_000);
        }
        assert!(kept.len() <= CAPACITY);
        assert_eq!(kept.len(), CAPACITY, "full, not emptied");
        assert!(
            kept.get("t1", 2_000, 5).is_none(),
            "expired soonest: went first"
        );
        assert!(kept.get("u0", 2_000, 5).is_some(), "newer tokens stay");
        assert!(kept.get(&format!("u{}", CAPACITY - 1), 2_000, 5).is_some());
    }
}
