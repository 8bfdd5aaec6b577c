//! `platform.jobs`: the one queue of the worker, emails to deliver included. Taken per lane with
//! `FOR UPDATE SKIP LOCKED` so that several workers share them, under a lease that names the
//! worker holding it; retried with backoff; kept as dead with their last error.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::jobs;
use crate::domain::job::{Job, Lane};

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const DEAD: &str = "dead";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = jobs)]
pub struct JobRow {
    pub id: Uuid,
    pub kind: String,
    pub tenant_id: Option<Uuid>,
    pub dedup_key: Option<String>,
    pub payload: serde_json::Value,
    pub status: String,
    pub attempts: i32,
    pub max_attempts: i32,
    pub run_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub claimed_by: Option<String>,
}

/// Queues `job` unless one with its key exists; `true` when queued now.
pub fn enqueue_job(
    conn: &mut PgConnection,
    job: &Job,
    tenant_id: Option<Uuid>,
    dedup_key: &str,
    run_at: DateTime<Utc>,
) -> Result<bool, DbError> {
    enqueue_job_as(conn, Uuid::new_v4(), job, tenant_id, dedup_key, run_at)
}

/// Queues `job` under a chosen id, for a row that refers to its job (an email and its delivery).
pub(super) fn enqueue_job_as(
    conn: &mut PgConnection,
    id: Uuid,
    job: &Job,
    tenant_id: Option<Uuid>,
    dedup_key: &str,
    run_at: DateTime<Utc>,
) -> Result<bool, DbError> {
    enqueue(
        conn,
        id,
        job.kind(),
        tenant_id,
        dedup_key,
        &job.payload(),
        run_at,
        job.max_attempts(),
    )
}

/// Queues a stored kind and payload unless a job with its key exists; `true` when queued now.
#[tracing::instrument(skip(conn, payload))]
#[allow(clippy::too_many_arguments)]
fn enqueue(
    conn: &mut PgConnection,
    id: Uuid,
    kind: &str,
    tenant_id: Option<Uuid>,
    dedup_key: &str,
    payload: &serde_json::Value,
    run_at: DateTime<Utc>,
    max_attempts: i32,
) -> Result<bool, DbError> {
    Ok(diesel::insert_into(jobs::table)
        .values((
            jobs::id.eq(id),
            jobs::kind.eq(kind),
            jobs::tenant_id.eq(tenant_id),
            jobs::dedup_key.eq(dedup_key),
            jobs::payload.eq(payload),
            jobs::run_at.eq(run_at),
            jobs::max_attempts.eq(max_attempts),
        ))
        .on_conflict(jobs::dedup_key)
        .do_nothing()
        .execute(conn)?
        > 0)
}

/// Takes the next job of `lane` due at `now` (or one whose earlier runner stopped) for `worker`,
/// for `lease` on `clock`. Commits at once, so that other workers skip it. Claims run on `clock`
/// (the real time, or a later moment a test travels to), not on the moment the round started, so
/// that a long round never hands out claims that have run out already.
#[tracing::instrument(skip(conn))]
pub fn claim_next(
    conn: &mut PgConnection,
    lane: Lane,
    worker: &str,
    now: DateTime<Utc>,
    clock: DateTime<Utc>,
    lease: chrono::Duration,
) -> Result<Option<JobRow>, DbError> {
    conn.transaction(|conn| {
        let next: Option<Uuid> = jobs::table
            .filter(jobs::kind.eq_any(lane.kinds()))
            .filter(
                jobs::status
                    .eq(QUEUED)
                    .and(jobs::run_at.le(now))
                    // A job whose runner stopped, unless it has had all its attempts.
                    .or(jobs::status
                        .eq(RUNNING)
                        .and(jobs::locked_until.lt(clock))
                        .and(jobs::attempts.lt(jobs::max_attempts))),
            )
            .order((jobs::run_at.asc(), jobs::created_at.asc()))
            .select(jobs::id)
            .for_update()
            .skip_locked()
            .first(conn)
            .optional()?;
        let Some(id) = next else {
            return Ok(None);
        };
        Ok(Some(
            diesel::update(jobs::table.find(id))
                .set((
                    jobs::status.eq(RUNNING),
                    jobs::claimed_by.eq(worker),
                    jobs::locked_until.eq(clock + lease),
                    jobs::attempts.eq(jobs::attempts + 1),
                    jobs::updated_at.eq(diesel::dsl::now),
                ))
                .returning(JobRow::as_returning())
                .get_result(conn)?,
        ))
    })
}

/// Finished. Only the worker holding the claim marks it: `false` when another worker took the
/// job over after this one's lease ran out.
#[tracing::instrument(skip(conn))]
pub fn mark_done(conn: &mut PgConnection, id: Uuid, worker: &str) -> Result<bool, DbError> {
    Ok(diesel::update(held_by(id, worker))
        .set((
            jobs::status.eq(DONE),
            jobs::locked_until.eq(None::<DateTime<Utc>>),
            jobs::last_error.eq(None::<String>),
            jobs::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?
        > 0)
}

/// Failed: queued again at `retry_at`, or dead (`None`); the error is kept. Only the worker
/// holding the claim marks it.
#[tracing::instrument(skip(conn, error))]
pub fn mark_failed(
    conn: &mut PgConnection,
    id: Uuid,
    worker: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<bool, DbError> {
    let changed = match retry_at {
        Some(at) => diesel::update(held_by(id, worker))
            .set((
                jobs::status.eq(QUEUED),
                jobs::run_at.eq(at),
                jobs::last_error.eq(error),
                jobs::locked_until.eq(None::<DateTime<Utc>>),
                jobs::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?,
        None => diesel::update(held_by(id, worker))
            .set((
                jobs::status.eq(DEAD),
                jobs::last_error.eq(error),
                jobs::locked_until.eq(None::<DateTime<Utc>>),
                jobs::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)?,
    };
    Ok(changed > 0)
}

/// The job `id` while `worker` holds its claim.
type HeldBy<'a> = diesel::dsl::Filter<
    diesel::dsl::Filter<
        diesel::dsl::Find<jobs::table, Uuid>,
        diesel::dsl::Eq<jobs::status, &'static str>,
    >,
    diesel::dsl::Eq<jobs::claimed_by, &'a str>,
>;

fn held_by(id: Uuid, worker: &str) -> HeldBy<'_> {
    jobs::table
        .find(id)
        .filter(jobs::status.eq(RUNNING))
        .filter(jobs::claimed_by.eq(worker))
}

/// Gives up the jobs whose runner stopped during their last attempt (their claim ran out and
/// no worker may take them again): dead, with a reason the tenant's admins can read. Without
/// this they would stay `running` for ever.
#[tracing::instrument(skip(conn))]
pub fn bury_abandoned(conn: &mut PgConnection, clock: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(diesel::update(
        jobs::table
            .filter(jobs::status.eq(RUNNING))
            .filter(jobs::locked_until.lt(clock))
            .filter(jobs::attempts.ge(jobs::max_attempts)),
    )
    .set((
        jobs::status.eq(DEAD),
        jobs::last_error.eq("de verwerking stopte tijdens de laatste poging"),
        jobs::locked_until.eq(None::<DateTime<Utc>>),
        jobs::updated_at.eq(diesel::dsl::now),
    ))
    .execute(conn)?)
}

/// Forgets work jobs that finished before `before`: one job per tenant and minute would
/// otherwise pile up. An email's delivery job stays as long as its email: it is its record of
/// how sending went.
#[tracing::instrument(skip(conn))]
pub fn purge_done(conn: &mut PgConnection, before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(diesel::delete(
        jobs::table
            .filter(jobs::kind.eq_any(Lane::Work.kinds()))
            .filter(jobs::status.eq(DONE))
            .filter(jobs::updated_at.lt(before)),
    )
    .execute(conn)?)
}

/// Whether the job with this key will still run: queued, or running under a live claim, or
/// running under a stale claim with attempts left (another worker takes it over). A job whose
/// runner died on its last attempt is not pending.
#[tracing::instrument(skip(conn))]
pub fn is_pending(
    conn: &mut PgConnection,
    dedup_key: &str,
    clock: DateTime<Utc>,
) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        jobs::table.filter(jobs::dedup_key.eq(dedup_key)).filter(
            jobs::status.eq(QUEUED).or(jobs::status.eq(RUNNING).and(
                jobs::locked_until
                    .ge(clock)
                    .or(jobs::attempts.lt(jobs::max_attempts)),
            )),
        ),
    ))
    .get_result(conn)?)
}
