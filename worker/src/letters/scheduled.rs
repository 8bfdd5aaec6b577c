//! What the worker does for letters on its own, once per tenant and round: a version left
//! "wordt samengesteld" without a job to finish it is marked failed, and the draft the schedule
//! asks for is queued.

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};

use crate::error::WorkerError;
use api::db::run_in_tenant;
use api::domain::page::PageRequest;
use api::domain::period::Period;
use api::domain::time::date_in_netherlands;
use api::repo::plans::{self, PlanFilter};
use api::repo::safety_letters::{self, NewLetter};
use api::repo::tenants::TenantRow;
use api::services::safety_letters::{enqueue, job_pending};

/// How long a version may wait for its job before it counts as stuck.
const STUCK_AFTER_MINUTES: i64 = 15;
/// A scheduled draft that failed (say, the database was away for all its attempts) is tried
/// again a day later, up to this many times in all; then the coordinator asks for it.
const AUTOMATIC_TRIES: usize = 3;
const AUTOMATIC_RETRY_AFTER_HOURS: i64 = 24;

/// Returns how many drafts were queued.
#[tracing::instrument(skip(conn, tenant), fields(tenant = %tenant.slug))]
pub fn plan_scheduled(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    now: DateTime<Utc>,
) -> Result<usize, WorkerError> {
    let db = tenant.db()?;
    let waiting = run_in_tenant(conn, &db, |tc| {
        safety_letters::compiling_since_before(
            tc,
            now - chrono::Duration::minutes(STUCK_AFTER_MINUTES),
        )
    })?;
    for letter in waiting {
        if !job_pending(conn, letter.id, crate::queue::clock(now))? {
            run_in_tenant(conn, &db, |tc| {
                safety_letters::mark_failed(
                    tc,
                    letter.id,
                    "Het samenstellen is onderbroken en niet afgemaakt. Stel de brief opnieuw samen.",
                    now,
                )
            })?;
        }
    }

    let today = date_in_netherlands(now);
    conn.transaction(|conn| {
        let created = run_in_tenant(conn, &db, |tc| {
            let schedule = safety_letters::schedule(tc)?;
            let Some(period) = schedule.period_to_draft(today) else {
                return Ok::<_, WorkerError>(Vec::new());
            };
            let year = match period {
                Period::Year(y) | Period::HalfYear { year: y, .. } => y,
            };
            // Adopted plans of that year, also one that has just ended; not the yearly
            // uitvoeringsplan, whose progress the letter on its plan already reports.
            let plans = plans::list(
                tc,
                &PlanFilter {
                    status: None,
                    year: Some(year),
                    kind: None,
                },
                PageRequest::ALL,
            )?
            .items
            .into_iter()
            .filter(|p| p.status != "concept" && p.kind != "uitvoeringsplan");
            let mut created = Vec::new();
            for plan in plans {
                let failed = safety_letters::failed_automatic(tc, plan.id, &period.to_string())?;
                let retry_from = now - chrono::Duration::hours(AUTOMATIC_RETRY_AFTER_HOURS);
                if failed.len() >= AUTOMATIC_TRIES || failed.iter().any(|at| *at > retry_from) {
                    continue;
                }
                let new = NewLetter {
                    plan_id: plan.id,
                    period: period.to_string(),
                    municipality_ids: Vec::new(),
                    requested_by: None,
                    requested_at: now,
                };
                if let Some(letter) = safety_letters::insert(tc, &new)? {
                    created.push(letter.id);
                }
            }
            Ok(created)
        })?;
        for id in &created {
            enqueue(conn, tenant.id, *id, now)?;
        }
        Ok(created.len())
    })
}
