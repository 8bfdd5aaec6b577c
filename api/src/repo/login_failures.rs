//! `platform.login_failures`: failed sign-ins, counted per account and per address.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbError;
use crate::db::schema::platform::login_failures;

/// Serialises sign-ins of one address inside the caller's transaction, so that parallel guesses
/// cannot all slip under the limit.
pub fn lock_for_email(conn: &mut PgConnection, email: &str) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1))")
        .bind::<diesel::sql_types::Text, _>(email)
        .execute(conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn record(conn: &mut PgConnection, email: &str, address: &str) -> Result<(), DbError> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::email.eq(email),
            login_failures::address.eq(address),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whose failures to count: one account, or one client address.
#[derive(Debug, Clone, Copy)]
pub enum FailureKey<'a> {
    Email(&'a str),
    Address(&'a str),
}

/// Failures for `key` since `since`: their count and the oldest one's time.
#[tracing::instrument(skip(conn))]
pub fn count_since(
    conn: &mut PgConnection,
    key: FailureKey<'_>,
    since: DateTime<Utc>,
) -> Result<(i64, Option<DateTime<Utc>>), DbError> {
    let mut query = login_failures::table
        .filter(login_failures::failed_at.gt(since))
        .into_boxed();
    query = match key {
        FailureKey::Email(email) => query.filter(login_failures::email.eq(email)),
        FailureKey::Address(address) => query.filter(login_failures::address.eq(address)),
    };
    Ok(query
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(login_failures::failed_at),
        ))
        .first(conn)?)
}

/// A successful sign-in clears the account's failures.
#[tracing::instrument(skip(conn))]
pub fn clear_for_email(conn: &mut PgConnection, email: &str) -> Result<(), DbError> {
    diesel::delete(login_failures::table.filter(login_failures::email.eq(email))).execute(conn)?;
    Ok(())
}
