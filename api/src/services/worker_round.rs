//! One round of the worker at a moment `now`: plan what is due for every active tenant, then
//! deliver the outbox. `worker run` does a round every interval; `worker run-once --now` does one
//! at a given moment (tests travel in time with it; cron can use it).

use chrono::{DateTime, Utc};
use diesel::PgConnection;

use super::ServiceError;
use super::delivery::{DeliveryReport, deliver_due};
use crate::mail::Mailer;

/// What a round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundReport {
    /// Emails stored in the outbox by this round's planning.
    pub planned: usize,
    pub delivery: DeliveryReport,
}

/// Who runs the round and where its links point.
#[derive(Debug, Clone)]
pub struct RoundSettings {
    /// Names this worker in the outbox claims, e.g. `host-1234`.
    pub worker_id: String,
    /// `APP_BASE_URL`, for links in emails.
    pub base_url: String,
}

#[tracing::instrument(skip(conn, mailer, settings, stop))]
pub fn run_round(
    conn: &mut PgConnection,
    mailer: &Mailer,
    settings: &RoundSettings,
    now: DateTime<Utc>,
    stop: &dyn Fn() -> bool,
) -> Result<RoundReport, ServiceError> {
    let planned = super::notifications::plan_all(conn, &settings.base_url, now)?;
    let delivery = deliver_due(conn, mailer, &settings.worker_id, now, stop)?;
    Ok(RoundReport { planned, delivery })
}
