//! Access tokens: short-lived JWTs signed with Ed25519 (EdDSA). Issuer, audience, expiry and
//! not-before are checked; only EdDSA is accepted, so `alg: none` and HMAC tokens are refused.

use std::sync::Arc;

use chrono::Utc;
use jsonwebtoken::{Algorithm, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::keys::TokenKeys;
use super::verified_tokens::VerifiedTokens;

/// Clock skew tolerated between replicas, in seconds.
const LEEWAY_SECONDS: u64 = 5;

/// What an access token says. Memberships are informational: every request checks the
/// memberships in the database, so a revoked membership takes effect at once.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AccessClaims {
    pub iss: String,
    pub aud: String,
    pub sub: Uuid,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: Uuid,
    /// Platform admin.
    pub pa: bool,
    /// Memberships as `tenant-slug:role`.
    pub mem: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TokenIssuer {
    keys: TokenKeys,
    issuer: String,
    audience: String,
    ttl_seconds: i64,
    /// Shared by clones: tokens whose signature this process checked.
    verified: Arc<VerifiedTokens>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("could not sign the access token")]
    Sign(#[source] jsonwebtoken::errors::Error),
    #[error("access token refused: {0}")]
    Invalid(#[source] jsonwebtoken::errors::Error),
}

impl TokenIssuer {
    pub fn new(keys: TokenKeys, issuer: String, audience: String, ttl_seconds: i64) -> Self {
        TokenIssuer {
            keys,
            issuer,
            audience,
            ttl_seconds,
            verified: Arc::default(),
        }
    }

    pub fn ttl_seconds(&self) -> i64 {
        self.ttl_seconds
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    pub fn audience(&self) -> &str {
        &self.audience
    }

    pub fn keys(&self) -> &TokenKeys {
        &self.keys
    }

    pub fn issue(
        &self,
        user_id: Uuid,
        platform_admin: bool,
        memberships: Vec<String>,
    ) -> Result<String, TokenError> {
        let now = Utc::now().timestamp();
        let claims = AccessClaims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub: user_id,
            iat: now,
            nbf: now,
            exp: now + self.ttl_seconds,
            jti: Uuid::new_v4(),
            pa: platform_admin,
            mem: memberships,
        };
        self.sign(&claims)
    }

    /// Signs arbitrary claims with the platform key (tests use it to make expired tokens).
    pub fn sign(&self, claims: &AccessClaims) -> Result<String, TokenError> {
        jsonwebtoken::encode(&Header::new(Algorithm::EdDSA), claims, &self.keys.encoding)
            .map_err(TokenError::Sign)
    }

    /// The claims of a valid token: signed with this platform's key, of this issuer and
    /// audience, and valid now. A token seen before skips the signature check (see
    /// `verified_tokens`), not the times.
    pub fn verify(&self, token: &str) -> Result<AccessClaims, TokenError> {
        let now = Utc::now().timestamp();
        let leeway = LEEWAY_SECONDS as i64;
        if let Some(claims) = self.verified.get(token, now, leeway) {
            return Ok(claims);
        }
        let claims = self.verify_signature_and_times(token)?;
        self.verified.insert(token, &claims, now);
        Ok(claims)
    }

    fn verify_signature_and_times(&self, token: &str) -> Result<AccessClaims, TokenError> {
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        jsonwebtoken::decode::<AccessClaims>(token, &self.keys.decoding, &validation)
            .map(|data| data.claims)
            .map_err(TokenError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::keys::generate_pem_pair;

    fn issuer() -> TokenIssuer {
        let (private, public) = generate_pem_pair().expect("keys");
        let keys = TokenKeys::from_pem(&private, &public).expect("valid keys");
        TokenIssuer::new(
            keys,
            "https://platform.test".into(),
            "safety-platform".into(),
            900,
        )
    }

    #[test]
    fn issued_tokens_verify() {
        let issuer = issuer();
        let user = Uuid::new_v4();
        let token = issuer
            .issue(user, false, vec!["veluwe-west:viewer".into()])
            .expect("sign");
        assert_eq!(issuer.verify(&token).expect("valid").sub, user);
    }

    #[test]
    fn another_key_is_refused() {
        let token = issuer().issue(Uuid::new_v4(), true, vec![]).expect("sign");
        assert!(issuer().verify(&token).is_err());
    }

    #[test]
    fn a_token_verified_before_verifies_again_and_a_changed_one_does_not() {
        let issuer = issuer();
        let user = Uuid::new_v4();
        let token = issuer.issue(user, false, vec![]).expect("sign");
        assert_eq!(issuer.verify(&token).expect("first").sub, user);
        assert_eq!(issuer.verify(&token).expect("again").sub, user);

        // One character in the middle of the signature (the last one holds padding bits).
        let at = token.len() - 10;
        let swapped = if &token[at..=at] == "A" { "B" } else { "A" };
        let tampered = format!("{}{swapped}{}", &token[..at], &token[at + 1..]);
        assert!(issuer.verify(&tampered).is_err());

        let mut other_claims = issuer.verify(&token).expect("valid");
        other_claims.pa = true;
        let forged = format!(
            "{}.{}.{}",
            token.split('.').next().expect("header"),
            base64_payload(&other_claims),
            token.rsplit('.').next().expect("signature")
        );
        assert!(
            issuer.verify(&forged).is_err(),
            "claims changed, signature kept"
        );
    }

    fn base64_payload(claims: &AccessClaims) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(serde_json::to_vec(claims).expect("json"))
    }
}
