//! One round of the worker at a moment `now`: queue a planning job for every active tenant, run
//! the work lane's due jobs (several workers share them), then the delivery lane (the outbox).
//! `worker run` does a round every interval; `worker run-once --now` does one at a given moment
//! (tests travel in time with it; cron can use it).

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::delivery::{DeliveryReport, deliver_due};
use crate::letters;
use crate::mail::Mailer;
use crate::notifications::plan_tenant;
use crate::notifications::stages::ReminderDays;
use crate::queue::{Claimed, Outcome, clock, run_lane};
use crate::spares;
use api::db::pool::note_cooperation_served;
use api::db::{DbError, DbPool};
use api::domain::job::{Job, Lane};
use api::repo::jobs;
use api::repo::tenants;

use crate::error::WorkerError;

/// What a round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundReport {
    /// Emails stored in the outbox by this round's planning.
    pub planned: usize,
    /// Jobs that failed this round (retried later, or dead).
    pub jobs_failed: usize,
    pub delivery: DeliveryReport,
}

/// Who runs the round and where its links point.
#[derive(Debug, Clone)]
pub struct RoundSettings {
    /// Names this worker in its claims on jobs, e.g. `host-1234`.
    pub worker_id: String,
    /// `APP_BASE_URL`, for links in emails.
    pub base_url: String,
    pub reminder_days: ReminderDays,
    /// `SPARE_SCHEMAS`: schemas kept ready for new cooperations.
    pub spare_schemas: u32,
    /// `DB_COOPERATIONS_PER_CONNECTION`: cooperations a connection works in before it is replaced.
    pub cooperations_per_connection: usize,
}

/// `conn` runs the queue and the outbox; the work in each cooperation runs on another connection
/// of `pool` (see [`in_cooperation`]).
#[tracing::instrument(skip(conn, pool, mailer, settings, stop))]
pub fn run_round(
    conn: &mut PgConnection,
    pool: &DbPool,
    mailer: &Mailer,
    settings: &RoundSettings,
    now: DateTime<Utc>,
    stop: &dyn Fn() -> bool,
) -> Result<RoundReport, WorkerError> {
    jobs::purge_done(conn, clock(now) - chrono::Duration::days(1))?;
    jobs::bury_abandoned(conn, clock(now))?;
    enqueue_planning(conn, now)?;
    enqueue_spares(conn, settings.spare_schemas, now)?;
    let jobs = run_due_jobs(conn, pool, settings, now, stop)?;
    let delivery = deliver_due(conn, mailer, &settings.worker_id, now, stop)?;
    Ok(RoundReport {
        planned: jobs.planned,
        jobs_failed: jobs.failed,
        delivery,
    })
}

/// Queues planning for every active tenant at `now`, once per tenant and minute: workers running
/// side by side queue the same jobs and share them.
fn enqueue_planning(conn: &mut PgConnection, now: DateTime<Utc>) -> Result<(), WorkerError> {
    let minute = now.format("%Y-%m-%dT%H:%MZ").to_string();
    for tenant in tenants::list_all(conn)?
        .into_iter()
        .filter(|t| t.is_active())
    {
        jobs::enqueue_job(
            conn,
            &Job::PlanTenant { now },
            Some(tenant.id),
            &format!("plan:{}:{minute}", tenant.id),
            now,
        )?;
    }
    Ok(())
}

/// Queues the keeping of `wanted` spare schemas, once a minute: a provisioning since the last
/// round took one.
fn enqueue_spares(
    conn: &mut PgConnection,
    wanted: u32,
    now: DateTime<Utc>,
) -> Result<(), WorkerError> {
    if wanted == 0 {
        return Ok(());
    }
    jobs::enqueue_job(
        conn,
        &Job::PrepareSpareSchemas { wanted },
        None,
        &format!("spares:{}", now.format("%Y-%m-%dT%H:%MZ")),
        now,
    )?;
    Ok(())
}

/// What the jobs of a round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobsReport {
    pub planned: usize,
    pub failed: usize,
}

/// Runs every job of the work lane due at `now`. A failing job is retried with the queue's
/// backoff and kept as dead with its error after its last attempt; the other jobs go on.
pub fn run_due_jobs(
    conn: &mut PgConnection,
    pool: &DbPool,
    settings: &RoundSettings,
    now: DateTime<Utc>,
    stop: &dyn Fn() -> bool,
) -> Result<JobsReport, WorkerError> {
    let mut planned = 0;
    let lane = run_lane(
        conn,
        Lane::Work,
        &settings.worker_id,
        now,
        stop,
        &mut |conn, claimed| match run_job(conn, pool, claimed, settings, now) {
            Ok(n) => {
                planned += n;
                Outcome::Done
            }
            Err(e) => {
                tracing::error!(job = %claimed.row.id, kind = %claimed.row.kind, attempts = claimed.row.attempts, error = ?e, "job failed");
                Outcome::failed(claimed, format!("{e:?}"), now)
            }
        },
    )?;
    Ok(JobsReport {
        planned,
        failed: lane.retried + lane.dead,
    })
}

fn run_job(
    conn: &mut PgConnection,
    pool: &DbPool,
    claimed: &Claimed,
    settings: &RoundSettings,
    round_now: DateTime<Utc>,
) -> Result<usize, WorkerError> {
    let job = &claimed.row;
    match claimed.job {
        Job::PlanTenant { now } => {
            let tenant_id = job.tenant_id.ok_or(WorkerError::NoTenant("plan_tenant"))?;
            let Some(tenant) = tenants::find_by_id(conn, tenant_id)? else {
                return Ok(0);
            };
            if !tenant.is_active() {
                return Ok(0);
            }
            in_cooperation(pool, &tenant.slug, settings, |conn| {
                let emails = plan_tenant(
                    conn,
                    &tenant,
                    &settings.base_url,
                    &settings.reminder_days,
                    now,
                );
                // Letters do not wait on emails: a tenant whose emails cannot be planned still
                // gets its scheduled drafts, and its interrupted letters are still marked failed.
                let letters = letters::plan_scheduled(conn, &tenant, now);
                match (emails, letters) {
                    (Ok(emails), Ok(_)) => Ok(emails),
                    (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
                    (Err(emails), Err(letters)) => {
                        tracing::error!(error = ?letters, tenant = %tenant.slug, "planning letters failed too");
                        Err(emails)
                    }
                }
            })
        }
        Job::CompileSafetyLetter { letter_id } => {
            let tenant_id = job
                .tenant_id
                .ok_or(WorkerError::NoTenant("compile_safety_letter"))?;
            let Some(tenant) = tenants::find_by_id(conn, tenant_id)? else {
                return Ok(0);
            };
            // Compiled at the real time: the document's date is the day it was made.
            let started = std::time::Instant::now();
            let last_attempt = claimed.is_last_attempt();
            let outcome = in_cooperation(pool, &tenant.slug, settings, |conn| {
                letters::compile_job(conn, &tenant, letter_id, clock(round_now), last_attempt)
            })?;
            tracing::info!(
                letter = %letter_id,
                ?outcome,
                elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                "safety letter compile job"
            );
            Ok(0)
        }
        Job::PrepareSpareSchemas { wanted } => {
            let mut conn = pool.get_timeout(COOPERATION_WAIT).map_err(DbError::Pool)?;
            let made = spares::keep_ready(&mut conn, wanted)?;
            // Making a schema fills the connection's caches as working in a cooperation does.
            for _ in 0..made {
                let schema = Uuid::new_v4().to_string();
                note_cooperation_served(&mut conn, &schema, settings.cooperations_per_connection);
            }
            Ok(0)
        }
        Job::DeliverEmail { .. } => Err(WorkerError::WrongLane(claimed.job.kind())),
    }
}

/// How long work in a cooperation waits for its connection (the round holds the other one).
const COOPERATION_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs `work` in the cooperation `slug` on a connection of `pool` other than the round's. A round
/// works in every cooperation, and PostgreSQL keeps the catalog of every schema a connection
/// touched for as long as the connection lives (0.2-0.3 MB each): that connection is replaced
/// after `DB_COOPERATIONS_PER_CONNECTION` cooperations, as the API's are.
fn in_cooperation<T>(
    pool: &DbPool,
    slug: &str,
    settings: &RoundSettings,
    work: impl FnOnce(&mut PgConnection) -> Result<T, WorkerError>,
) -> Result<T, WorkerError> {
    let mut conn = pool.get_timeout(COOPERATION_WAIT).map_err(DbError::Pool)?;
    let result = work(&mut conn);
    note_cooperation_served(&mut conn, slug, settings.cooperations_per_connection);
    result
}
