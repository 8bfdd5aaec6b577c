//! Delivering the outbox: the delivery lane of the one queue. Each email's job is claimed in its
//! own short transaction (so other workers skip it), the email sent, and marked sent at once. A
//! failure is retried with the queue's backoff. An email the server refuses for good is kept as
//! dead with the refusal; trouble with the server itself is waited out (for up to four days)
//! without giving up on the email. When a worker stops between sending and marking (killed), its
//! claim runs out and the email is sent again with the same Message-ID: at worst that one email
//! twice, never lost.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;

use api::domain::job::{Job, Lane};
use api::repo::outbox;

use crate::error::WorkerError;
use crate::mail::Mailer;
use crate::queue::{Claimed, Outcome, backoff, clock, run_lane};

/// How long an email may keep failing for reasons of the server (down, refusing logins) before
/// it is given up: a long weekend.
pub fn give_up_after() -> Duration {
    Duration::days(4)
}

/// What an email's `lastError` says when sending failed for a reason other than the mail
/// server's answer (the database, say); the cause is in the log.
const TECHNICAL_FAULT: &str = "technische fout bij het versturen; de beheerder van het platform vindt de oorzaak in het logboek";

/// What one round of delivery did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub retried: usize,
    pub dead: usize,
}

/// Delivers every email due at `now`, until none is left, the mail server fails, or `stop` says
/// so.
#[tracing::instrument(skip(conn, mailer, stop))]
pub fn deliver_due(
    conn: &mut PgConnection,
    mailer: &Mailer,
    worker: &str,
    now: DateTime<Utc>,
    stop: &dyn Fn() -> bool,
) -> Result<DeliveryReport, WorkerError> {
    let report = run_lane(
        conn,
        Lane::Delivery,
        worker,
        now,
        stop,
        &mut |conn, claimed| match deliver(conn, mailer, worker, claimed, now) {
            Ok(outcome) => outcome,
            Err(e) => {
                // The tenant's admins read `lastError`: the cause goes to the log, not to them.
                tracing::error!(job = %claimed.row.id, error = ?e, "delivering an email failed");
                Outcome::failed(claimed, TECHNICAL_FAULT.to_owned(), now)
            }
        },
    )?;
    Ok(DeliveryReport {
        sent: report.done,
        retried: report.retried,
        dead: report.dead,
    })
}

/// Sends the claimed job's email.
fn deliver(
    conn: &mut PgConnection,
    mailer: &Mailer,
    worker: &str,
    claimed: &Claimed,
    now: DateTime<Utc>,
) -> Result<Outcome, WorkerError> {
    let Job::DeliverEmail { email_id } = claimed.job else {
        return Err(WorkerError::WrongLane(claimed.job.kind()));
    };
    let email = outbox::find(conn, email_id)?.ok_or(WorkerError::NoEmail(email_id))?;
    match mailer.send(&email) {
        Ok(()) => Ok(match mark_sent(conn, email_id, claimed, worker) {
            Ok(()) => Outcome::MarkedDone,
            // Sent but not marked: not a failure to retry soon, which would send it again at
            // once. The claim runs out (10 minutes) and the email goes once more, with the same
            // Message-ID; the lane stops, the database is likely away.
            Err(e) => {
                tracing::error!(id = email_id, error = ?e, "an email was sent but could not be marked sent");
                Outcome::Unfinished
            }
        }),
        Err(e) => {
            // A refusal of this email (its address, its content) ends it; trouble with the
            // server (down, a login refused) does not count against the email until it has
            // lasted longer than anyone should wait.
            let expired = email.created_at + give_up_after() < clock(now);
            let give_up = !e.is_transient() || expired || claimed.is_last_attempt();
            tracing::warn!(id = email.id, attempts = claimed.row.attempts, error = %e, give_up, "email not delivered");
            Ok(Outcome::Failed {
                error: e.to_string(),
                retry_at: (!give_up).then(|| clock(now) + backoff(claimed.row.attempts)),
                // The server is likely down: the others wait for the next round too.
                pause: !give_up,
            })
        }
    }
}

/// Marks a delivered email, trying a few times: failing here after the server took the email
/// would send it again once the claim runs out.
fn mark_sent(
    conn: &mut PgConnection,
    id: i64,
    claimed: &Claimed,
    worker: &str,
) -> Result<(), WorkerError> {
    let mut tries = 0;
    loop {
        match outbox::mark_sent(conn, id, claimed.row.id, worker, Utc::now()) {
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
