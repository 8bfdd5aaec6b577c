//! The worker's side of the one queue (`api::repo::jobs`): the lease, the backoff and the loop
//! that takes a lane's due jobs one by one. Every job, an email's delivery included, is claimed,
//! held, retried and given up here; what a job does is its runner's business.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;

use api::domain::job::{Job, Lane};
use api::repo::jobs::{self, JobRow};

use crate::error::WorkerError;

/// How long a claim holds: a worker that has not finished by then is taken to have stopped. Well
/// above the slowest job (a letter compiles in seconds; every SMTP step may wait 20 seconds).
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

/// A claimed job: its stored row and what it says to do.
#[derive(Debug)]
pub struct Claimed {
    pub row: JobRow,
    pub job: Job,
}

impl Claimed {
    /// Whether this is the job's last attempt.
    pub fn is_last_attempt(&self) -> bool {
        self.row.attempts >= self.row.max_attempts
    }
}

/// When a failed job is tried again: after the backoff while it has attempts left, else never.
fn retry_at(row: &JobRow, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (row.attempts < row.max_attempts).then(|| clock(now) + backoff(row.attempts))
}

/// How running a job ended.
#[derive(Debug)]
pub enum Outcome {
    /// Done: the loop marks it so.
    Done,
    /// Done, and already marked so by the runner together with its own writes (an email's
    /// `sent_at`); `false` when another worker had taken it over.
    MarkedDone,
    /// Not finished and not to be marked: the work may have been done (an email the server took,
    /// whose marking failed). The claim is left to run out and the lane stops for this round.
    Unfinished,
    /// Failed. Retried at `retry_at`, or dead (`None`); `pause` leaves the lane's other jobs for
    /// the next round (the mail server is likely down for them too).
    Failed {
        error: String,
        retry_at: Option<DateTime<Utc>>,
        pause: bool,
    },
}

impl Outcome {
    /// A failure retried with the backoff while the job has attempts left.
    /// `error` is what the job keeps as its `last_error`.
    pub fn failed(claimed: &Claimed, error: String, now: DateTime<Utc>) -> Outcome {
        Outcome::Failed {
            error,
            retry_at: retry_at(&claimed.row, now),
            pause: false,
        }
    }
}

/// What a lane's loop did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LaneReport {
    pub done: usize,
    pub retried: usize,
    pub dead: usize,
}

/// Runs the jobs of `lane` due at `now` one by one, each under its own claim, until none is left,
/// `stop` says so, or a failure pauses the lane.
pub fn run_lane(
    conn: &mut PgConnection,
    lane: Lane,
    worker: &str,
    now: DateTime<Utc>,
    stop: &dyn Fn() -> bool,
    run: &mut dyn FnMut(&mut PgConnection, &Claimed) -> Outcome,
) -> Result<LaneReport, WorkerError> {
    let mut report = LaneReport::default();
    while !stop() {
        let Some(row) = jobs::claim_next(conn, lane, worker, now, clock(now), lease())? else {
            break;
        };
        let outcome = match Job::parse(&row.kind, &row.payload) {
            Ok(job) => run(
                conn,
                &Claimed {
                    row: row.clone(),
                    job,
                },
            ),
            // Retried like any failure: a worker of a newer version may read it.
            Err(e) => Outcome::Failed {
                error: format!("{:?}", WorkerError::from(e)),
                retry_at: retry_at(&row, now),
                pause: false,
            },
        };
        match outcome {
            Outcome::Done => {
                jobs::mark_done(conn, row.id, worker)?;
                report.done += 1;
            }
            Outcome::MarkedDone => report.done += 1,
            Outcome::Unfinished => break,
            Outcome::Failed {
                error,
                retry_at,
                pause,
            } => {
                // The runner logged the failure; giving up is the queue's to say.
                if retry_at.is_none() {
                    tracing::error!(job = %row.id, kind = %row.kind, attempts = row.attempts, %error, "job given up: kept as dead");
                }
                jobs::mark_failed(conn, row.id, worker, &error, retry_at)?;
                if retry_at.is_some() {
                    report.retried += 1;
                } else {
                    report.dead += 1;
                }
                if pause {
                    break;
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
