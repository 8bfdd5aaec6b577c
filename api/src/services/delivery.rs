//! Delivering the outbox. Each email is claimed in its own short transaction (so other workers
//! skip it), sent, and marked sent at once. A failure is retried with exponential backoff; after
//! `MAX_ATTEMPTS` the email is kept as dead with its last error. When a worker stops between
//! sending and marking (killed), its claim runs out and the email is sent again with the same
//! Message-ID: at worst that one email twice, never lost.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;

use super::ServiceError;
use crate::mail::Mailer;
use crate::repo::outbox;

/// Attempts before an email is given up.
pub const MAX_ATTEMPTS: i32 = 10;

/// How long a claim holds: a worker that has not finished by then is taken to have stopped.
pub fn lease() -> Duration {
    Duration::seconds(120)
}

/// The wait before attempt `attempt + 1`: 1, 2, 4 … minutes, at most 6 hours.
pub fn backoff(attempt: i32) -> Duration {
    let exp = u32::try_from(attempt.clamp(1, 20) - 1).unwrap_or(0);
    Duration::minutes(2_i64.saturating_pow(exp)).min(Duration::hours(6))
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
        let Some(email) = outbox::claim_next(conn, worker, now, lease())? else {
            break;
        };
        match mailer.send(&email) {
            Ok(()) => {
                outbox::mark_sent(conn, email.id, worker, Utc::now())?;
                report.sent += 1;
            }
            Err(e) => {
                let give_up = !e.is_transient() || email.attempts >= MAX_ATTEMPTS;
                let retry_at = (!give_up).then(|| now + backoff(email.attempts));
                tracing::warn!(id = email.id, attempts = email.attempts, error = %e, give_up, "email not delivered");
                outbox::mark_failed(conn, email.id, worker, &e.to_string(), retry_at)?;
                if give_up {
                    report.dead += 1;
                } else {
                    report.retried += 1;
                    // The server is likely down: the others wait for the next round too.
                    if e.is_transient() {
                        break;
                    }
                }
            }
        }
    }
    Ok(report)
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
