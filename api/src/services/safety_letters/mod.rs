//! Veiligheidsbrieven: asked for by tenant admins and coordinators of the whole cooperation,
//! compiled by the worker (`worker::letters`), read by every member. Asking stores the new version
//! and queues its compile job in one transaction, so no request is lost and none is compiled twice.

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use uuid::Uuid;

use super::ServiceError;
use super::tenant_access::TenantContext;
use super::user_names::names_of;
use crate::authz::TenantAction;
use crate::db::{TenantConn, run_in_tenant};
use crate::domain::InvalidField;
use crate::domain::job::Job;
use crate::domain::page::{Page, PageRequest};
use crate::domain::safety_letter::schedule::Schedule;
use crate::domain::safety_letter::{self, letter_period};
use crate::domain::time::date_in_netherlands;
use crate::repo::safety_letters::{self, LetterFilter, LetterWithPlan, NewLetter};
use crate::repo::{jobs, municipalities, plans};

mod view;
pub use view::{Person, SafetyLetterView};

/// What a coordinator asks for.
#[derive(Debug, Clone)]
pub struct LetterRequest {
    pub plan_id: Uuid,
    pub period: String,
    /// Empty: all of the cooperation's municipalities.
    pub municipality_ids: Vec<Uuid>,
}

/// The tenant's municipalities by id and name, to name those a letter is for.
type Towns = Vec<(Uuid, String)>;

/// Stores a new version and queues its compilation.
#[tracing::instrument(skip(conn, ctx))]
pub fn request(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    req: &LetterRequest,
    now: DateTime<Utc>,
) -> Result<SafetyLetterView, ServiceError> {
    ctx.require(TenantAction::ManageSafetyLetters)?;
    let period = letter_period(&req.period, date_in_netherlands(now))?;
    let letter = conn.transaction(|conn| {
        let letter = run_in_tenant(conn, &ctx.db, |tc| {
            if plans::find(tc, req.plan_id)?.is_none() {
                return Err(InvalidField::in_context("planId", "dit plan bestaat niet").into());
            }
            for (i, id) in req.municipality_ids.iter().enumerate() {
                if municipalities::find(tc, *id)?.is_none() {
                    return Err(InvalidField::in_context(
                        format!("municipalityIds[{i}]"),
                        "deze gemeente hoort niet bij het samenwerkingsverband",
                    )
                    .into());
                }
            }
            let mut ids = req.municipality_ids.clone();
            ids.sort_unstable();
            ids.dedup();
            safety_letters::insert(
                tc,
                &NewLetter {
                    plan_id: req.plan_id,
                    period: period.to_string(),
                    municipality_ids: ids,
                    requested_by: Some(ctx.user_id),
                    requested_at: now,
                },
            )?
            // The plan went between the check and the lock.
            .ok_or_else(|| {
                ServiceError::from(InvalidField::in_context("planId", "dit plan bestaat niet"))
            })
        })?;
        enqueue(conn, ctx.tenant.id, letter.id, now)?;
        Ok::<_, ServiceError>(letter)
    })?;
    get(conn, ctx, letter.id)
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &LetterFilter,
    page: PageRequest,
) -> Result<Page<SafetyLetterView>, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let (page, towns) = run_in_tenant(conn, &ctx.db, |tc| {
        Ok::<_, ServiceError>((safety_letters::list(tc, filter, page)?, towns(tc)?))
    })?;
    let names = names_of(conn, page.items.iter().flat_map(people));
    Ok(page.map(|l| SafetyLetterView::new(l, &names, &towns)))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<SafetyLetterView, ServiceError> {
    ctx.require(TenantAction::Read)?;
    let (letter, towns) = run_in_tenant(conn, &ctx.db, |tc| {
        let letter = safety_letters::find(tc, id)?.ok_or(ServiceError::not_found("brief"))?;
        Ok::<_, ServiceError>((letter, towns(tc)?))
    })?;
    let names = names_of(conn, people(&letter));
    Ok(SafetyLetterView::new(letter, &names, &towns))
}

/// Marks a compiled version as the adopted one of its plan and period.
#[tracing::instrument(skip(conn, ctx))]
pub fn adopt(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<SafetyLetterView, ServiceError> {
    ctx.require(TenantAction::ManageSafetyLetters)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        let plan_id = safety_letters::find(tc, id)?
            .ok_or(ServiceError::not_found("brief"))?
            .row
            .plan_id;
        // Two versions adopted at once: the second waits here and then sees the first.
        safety_letters::lock_plan(tc, plan_id)?;
        let row =
            safety_letters::find_for_update(tc, id)?.ok_or(ServiceError::not_found("brief"))?;
        let other = safety_letters::adopted_version(tc, row.plan_id, &row.period, row.id)?;
        safety_letter::adopt(&row.status, other).map_err(|detail| ServiceError::Conflict {
            code: "letter_locked",
            detail,
        })?;
        safety_letters::mark_adopted(tc, id, ctx.user_id, now)?;
        Ok::<_, ServiceError>(())
    })?;
    get(conn, ctx, id)
}

/// Which rendering of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Html,
}

/// A compiled document and the hash that names its content.
#[derive(Debug)]
pub struct DocumentFile {
    pub bytes: Vec<u8>,
    pub sha256: String,
    /// For the download's file name: "Veiligheidsbrief 2026 v2".
    pub name: String,
}

#[tracing::instrument(skip(conn, ctx))]
pub fn document(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    format: Format,
) -> Result<DocumentFile, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        let letter = safety_letters::find(tc, id)?.ok_or(ServiceError::not_found("brief"))?;
        let not_ready = || ServiceError::Conflict {
            code: "letter_not_compiled",
            detail: match letter.row.status.as_str() {
                safety_letter::COMPILING => {
                    "Deze versie wordt nog samengesteld; probeer het over enkele seconden opnieuw."
                        .to_owned()
                }
                _ => format!(
                    "Deze versie heeft geen document: het samenstellen is mislukt ({}).",
                    letter.row.failure_reason.clone().unwrap_or_default()
                ),
            },
        };
        let period = crate::services::progress::period(&letter.row.period)?;
        let name = format!("{} v{}", safety_letter::title(period), letter.row.version);
        match format {
            Format::Docx => {
                let (bytes, sha256) = safety_letters::docx(tc, id)?.ok_or_else(not_ready)?;
                Ok(DocumentFile {
                    bytes,
                    sha256,
                    name,
                })
            }
            Format::Html => {
                let (html, sha256) = safety_letters::html(tc, id)?.ok_or_else(not_ready)?;
                Ok(DocumentFile {
                    bytes: html.into_bytes(),
                    sha256,
                    name,
                })
            }
        }
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get_schedule(
    conn: &mut PgConnection,
    ctx: &TenantContext,
) -> Result<Schedule, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| Ok(safety_letters::schedule(tc)?))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn set_schedule(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    schedule: &Schedule,
) -> Result<Schedule, ServiceError> {
    ctx.require(TenantAction::ManageSafetyLetters)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        safety_letters::save_schedule(tc, schedule)?;
        Ok(safety_letters::schedule(tc)?)
    })
}

fn people(l: &LetterWithPlan) -> impl Iterator<Item = Uuid> + '_ {
    l.row.requested_by.into_iter().chain(l.row.adopted_by)
}

fn towns(tc: &mut TenantConn<'_>) -> Result<Towns, ServiceError> {
    Ok(municipalities::all(tc)?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect())
}

/// Queues the compile job of a version (with the version, in its transaction).
pub fn enqueue(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    letter_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    jobs::enqueue_job(
        conn,
        &Job::CompileSafetyLetter { letter_id },
        Some(tenant_id),
        &job_key(letter_id),
        now,
    )?;
    Ok(())
}

/// Queued compile jobs are found by this key.
pub fn job_key(letter_id: Uuid) -> String {
    format!("letter:{letter_id}")
}

/// Whether the letter's compile job is still queued or running.
pub fn job_pending(
    conn: &mut PgConnection,
    letter_id: Uuid,
    clock: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    Ok(jobs::is_pending(conn, &job_key(letter_id), clock)?)
}
