//! Sign-in, token refresh with rotation, and sign-out.
//!
//! Refresh tokens are opaque random strings; only their SHA-256 is stored. Each sign-in starts a
//! family; a refresh marks the presented token used and issues the next one in the family. A used
//! or revoked token presented again means it was stolen or replayed: the whole family is revoked.
//!
//! Failed sign-ins are counted per account and per client address over a window; past the limit
//! the account (or address) is locked until the window has passed.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, PgConnection};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::ServiceError;
use super::principal;
use crate::auth::tokens::TokenIssuer;
use crate::domain::email::EmailAddress;
use crate::domain::password;
use crate::repo::login_failures::{self, FailureKey};
use crate::repo::refresh_tokens::{self, RefreshTokenRow};
use crate::repo::users::{self, UserRow};

pub const FAILURE_WINDOW_MINUTES: i64 = 15;
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;

#[derive(Debug, Clone)]
pub struct SessionTokens {
    pub access_token: String,
    pub expires_in: i64,
    pub refresh_token: String,
}

/// The one answer to a wrong email or password, whichever it was.
pub fn invalid_credentials() -> ServiceError {
    ServiceError::Unauthenticated {
        code: "invalid_credentials",
        detail: "E-mailadres of wachtwoord is onjuist".to_owned(),
    }
}

fn invalid_refresh() -> ServiceError {
    ServiceError::Unauthenticated {
        code: "invalid_refresh_token",
        detail: "De sessie is verlopen of ingetrokken; meld u opnieuw aan".to_owned(),
    }
}

/// A sign-in under way: the attempt is recorded (as a failure until proven otherwise) and the
/// account, if any, loaded. Passwords are verified without holding a database connection.
#[derive(Debug)]
pub struct LoginCandidate {
    email: String,
    user: Option<UserRow>,
}

/// Step 1: checks the limits and records the attempt, atomically per account, so that parallel
/// guesses cannot all slip under the limit; loads the account.
#[tracing::instrument(skip(conn))]
pub fn begin_login(
    conn: &mut PgConnection,
    email: &EmailAddress,
    address: &str,
) -> Result<LoginCandidate, ServiceError> {
    let email = email.as_str().to_owned();
    let now = Utc::now();
    conn.transaction(|conn| {
        login_failures::lock_for_email(conn, &email)?;
        check_throttle(conn, &email, address, now)?;
        login_failures::record(conn, &email, address)?;
        let user = users::find_by_email(conn, &email)?.filter(|u| u.is_active);
        Ok(LoginCandidate { email, user })
    })
}

/// Step 2 (CPU only): whether `password` is the account's. Unknown accounts take as long.
pub fn verify(candidate: &LoginCandidate, password: &str) -> bool {
    match &candidate.user {
        Some(u) => password::verify(password, &u.password_hash),
        None => {
            password::verify_against_dummy(password);
            false
        }
    }
}

/// Step 3, after a successful [`verify`]: clears the account's failures and starts a session.
#[tracing::instrument(skip(conn, issuer, candidate))]
pub fn finish_login(
    conn: &mut PgConnection,
    issuer: &TokenIssuer,
    refresh_ttl_days: i64,
    candidate: &LoginCandidate,
) -> Result<SessionTokens, ServiceError> {
    let user = candidate.user.as_ref().ok_or_else(invalid_credentials)?;
    conn.transaction(|conn| {
        login_failures::clear_for_email(conn, &candidate.email)?;
        issue_session(
            conn,
            issuer,
            refresh_ttl_days,
            user.id,
            Uuid::new_v4(),
            Utc::now(),
        )
    })
}

fn check_throttle(
    conn: &mut PgConnection,
    email: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let window = Duration::minutes(FAILURE_WINDOW_MINUTES);
    let since = now - window;
    let retry_after = |oldest: Option<DateTime<Utc>>| {
        oldest.map_or(window.num_seconds(), |o| {
            (o + window - now).num_seconds().max(1)
        })
    };
    let limits = [
        (FailureKey::Email(email), MAX_FAILURES_PER_ACCOUNT),
        (FailureKey::Address(address), MAX_FAILURES_PER_ADDRESS),
    ];
    for (key, max) in limits {
        let (n, oldest) = login_failures::count_since(conn, key, since)?;
        if n >= max {
            return Err(ServiceError::TooManyAttempts {
                retry_after_seconds: retry_after(oldest),
            });
        }
    }
    Ok(())
}

/// Exchanges a refresh token for a new access token and the next refresh token of its family.
#[tracing::instrument(skip_all)]
pub fn refresh(
    conn: &mut PgConnection,
    issuer: &TokenIssuer,
    refresh_ttl_days: i64,
    token: &str,
) -> Result<SessionTokens, ServiceError> {
    enum Outcome {
        Rotated(SessionTokens),
        Refused,
    }
    let now = Utc::now();
    // The transaction commits in both outcomes: a revoked family must stay revoked.
    let outcome = conn.transaction(|conn| -> Result<Outcome, ServiceError> {
        let hash = hash_token(token);
        let Some(family_id) = refresh_tokens::family_of(conn, &hash)? else {
            return Ok(Outcome::Refused);
        };
        // One decision per family at a time (taken before any row lock, so two tokens of one
        // family cannot deadlock): a replayed old token and a rotation must not both succeed.
        refresh_tokens::lock_family(conn, family_id)?;
        let Some(row) = refresh_tokens::find_for_update(conn, &hash)? else {
            return Ok(Outcome::Refused);
        };
        if row.used_at.is_some() || row.revoked_at.is_some() {
            let n = refresh_tokens::revoke_family(conn, row.family_id, now)?;
            tracing::warn!(family = %row.family_id, user = %row.user_id, revoked = n,
                "refresh token reused: family revoked");
            return Ok(Outcome::Refused);
        }
        if row.expires_at <= now {
            return Ok(Outcome::Refused);
        }
        refresh_tokens::mark_used(conn, row.id, now)?;
        match issue_session(
            conn,
            issuer,
            refresh_ttl_days,
            row.user_id,
            row.family_id,
            now,
        ) {
            Ok(tokens) => Ok(Outcome::Rotated(tokens)),
            Err(ServiceError::Unauthenticated { .. }) => {
                refresh_tokens::revoke_family(conn, row.family_id, now)?;
                Ok(Outcome::Refused)
            }
            Err(e) => Err(e),
        }
    })?;
    match outcome {
        Outcome::Rotated(tokens) => Ok(tokens),
        Outcome::Refused => Err(invalid_refresh()),
    }
}

/// Revokes the session (refresh token family) the token belongs to. Unknown tokens are ignored.
#[tracing::instrument(skip_all)]
pub fn logout(conn: &mut PgConnection, token: &str) -> Result<(), ServiceError> {
    conn.transaction(|conn| {
        if let Some(family_id) = refresh_tokens::family_of(conn, &hash_token(token))? {
            refresh_tokens::lock_family(conn, family_id)?;
            refresh_tokens::revoke_family(conn, family_id, Utc::now())?;
        }
        Ok(())
    })
}

fn issue_session(
    conn: &mut PgConnection,
    issuer: &TokenIssuer,
    refresh_ttl_days: i64,
    user_id: Uuid,
    family_id: Uuid,
    now: DateTime<Utc>,
) -> Result<SessionTokens, ServiceError> {
    let principal = principal::load(conn, user_id)?.ok_or_else(invalid_credentials)?;
    let access_token = issuer
        .issue(
            user_id,
            principal.user.is_platform_admin,
            principal.membership_claims(),
        )
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    let refresh_token = new_opaque_token()?;
    refresh_tokens::insert(
        conn,
        &RefreshTokenRow {
            id: Uuid::new_v4(),
            family_id,
            user_id,
            token_hash: hash_token(&refresh_token),
            issued_at: now,
            expires_at: now + Duration::days(refresh_ttl_days),
            used_at: None,
            revoked_at: None,
        },
    )?;
    Ok(SessionTokens {
        access_token,
        expires_in: issuer.ttl_seconds(),
        refresh_token,
    })
}

/// A random, URL-safe secret (refresh tokens, unsubscribe links).
pub fn new_opaque_token() -> Result<String, ServiceError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}
