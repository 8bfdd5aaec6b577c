//! Delivering the outbox. Each email is claimed in its own short transaction (so other workers
//! skip it), sent, and marked sent at once. A failure is retried with exponential backoff. An
//! email the server refuses for good is kept as dead with the refusal; trouble with the server
//! itself is waited out (for up to four days) without giving up on the email. When a worker stops
//! between sending and marking (killed), its claim runs out and the email is sent again with the
//! same Message-ID: at worst that one email twice, never lost.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;

use crate::mail::Mailer;
use api::repo::outbox;
use api::services::ServiceError;

/// How long an email may keep failing for reasons of the server (down, refusing logins) before
/// it is given up: a long weekend.
pub fn give_up_after() -> Duration {
    Duration::days(4)
}

/// How long a claim holds: a worker that has not finished by then is taken to have stopped. Well
/// above the slowest send (every SMTP step may wait 20 seconds).
pub fn lease() -> Duration {
    Duration::minutes(10)
}

/// The wait before attempt `attempt + 1`: 1, 2, 4 … minutes, at most 6 hours.
pub fn backoff(attempt: i32) -> Duration {
    let exp = u32::try_from(attempt.clamp(1, 20) - 1).unwrap_or(0);
    Duration::minutes(2_i64.saturating_pow(exp)).min(Duration::hours(6))
}

/// The clock of claims and retries: the real time, or `now` when a test travels past it.
pub fn clock(now: DateTime<Utc>) -> DateTime<Utc> {
    Utc::now().max(now)
}

/// What one round of delivery did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub retried: usize,
    pub dead: usize,
}

/// Delivers every email due at `now`, until none is left or `stop` says so.
#[tracing::instrument(skip(conn, mailer, stop))]
pub fn deliver_due(
    conn: &mut PgConnection,
    mailer: &Mailer,
    worker: &str,
    now: DateTime<Utc>,
    stop: &dyn Fn() -> bool,
) -> Result<DeliveryReport, ServiceError> {
    let mut report = DeliveryReport::default();
    while !stop() {
        let Some(email) = outbox::claim_next(conn, worker, now, clock(now), lease())? else {
            break;
        };
        match mailer.send(&email) {
            Ok(()) => {
                mark_sent(conn, email.id, worker)?;
                report.sent += 1;
            }
            Err(e) => {
                // A refusal of this email (its address, its content) ends it; trouble with the
                // server (down, a login refused) does not count against the email until it has
                // lasted longer than anyone should wait.
                let expired = email.created_at + give_up_after() < clock(now);
                let give_up = !e.is_transient() || expired;
                let retry_at = (!give_up).then(|| clock(now) + backoff(email.attempts));
                tracing::warn!(id = email.id, attempts = email.attempts, error = %e, give_up, "email not delivered");
                outbox::mark_failed(conn, email.id, worker, &e.to_string(), retry_at)?;
                if give_up {
                    report.dead += 1;
                } else {
                    report.retried += 1;
                    // The server is likely down: the others wait for the next round too.
                    break;
                }
            }
        }
    }
    Ok(report)
}

/// Marks a delivered email, trying a few times: failing here after the server took the email
/// would send it again once the claim runs out.
fn mark_sent(conn: &mut PgConnection, id: i64, worker: &str) -> Result<(), ServiceError> {
    let mut tries = 0;
    loop {
        match outbox::mark_sent(conn, id, worker, Utc::now()) {
            Ok(_) => return Ok(()),
            Err(e) if tries < 4 => {
                tries += 1;
                tracing::warn!(id, error = ?e, tries, "marking a sent email failed; trying again");
                std::thread::sleep(std::time::Duration::from_millis(250 * tries));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_six_hours() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(4), Duration::minutes(8));
        assert_eq!(backoff(10), Duration::hours(6));
        assert_eq!(backoff(0), Duration::minutes(1));
    }
}
