//! `safety_letters`, their compiled documents and the schedule of a tenant schema.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::fixed_sql::fixed_sql;
use super::paging::{page_of, total_rows};
use uuid::Uuid;

use crate::db::schema::tenant::{
    plans, safety_letter_documents, safety_letter_schedule, safety_letters,
};
use crate::db::{DbError, TenantConn};
use crate::domain::page::{Page, PageRequest};
use crate::domain::safety_letter::schedule::Schedule;
use crate::domain::safety_letter::{ADOPTED, COMPILING, CONCEPT, FAILED};

pub use crate::domain::safety_letter::LetterFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = safety_letters)]
pub struct LetterRow {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub period: String,
    pub version: i32,
    pub municipality_ids: Vec<Uuid>,
    pub status: String,
    pub failure_reason: Option<String>,
    pub automatic: bool,
    pub requested_by: Option<Uuid>,
    pub requested_at: DateTime<Utc>,
    pub compiled_at: Option<DateTime<Utc>>,
    pub adopted_by: Option<Uuid>,
    pub adopted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// A letter with its plan's title, as lists show it.
#[derive(Debug, Clone)]
pub struct LetterWithPlan {
    pub row: LetterRow,
    pub plan_title: String,
    /// Size of the compiled Word file, once there is one.
    pub docx_bytes: Option<i32>,
}

/// A new version of the letter over a plan and a period.
#[derive(Debug, Clone)]
pub struct NewLetter {
    pub plan_id: Uuid,
    pub period: String,
    pub municipality_ids: Vec<Uuid>,
    /// `None`: compiled on the schedule.
    pub requested_by: Option<Uuid>,
    pub requested_at: DateTime<Utc>,
}

/// Inserts the next version. The plan's row is locked, so two requests at once get two versions.
/// A scheduled letter is inserted only once per plan and period: `None` when it exists, or when
/// the plan does not.
#[tracing::instrument(skip(conn))]
pub fn insert(conn: &mut TenantConn<'_>, new: &NewLetter) -> Result<Option<LetterRow>, DbError> {
    if !lock_plan(conn, new.plan_id)? {
        return Ok(None);
    }
    let version: Option<i32> = safety_letters::table
        .filter(safety_letters::plan_id.eq(new.plan_id))
        .filter(safety_letters::period.eq(&new.period))
        .select(diesel::dsl::max(safety_letters::version))
        .first(&mut **conn)?;
    Ok(diesel::insert_into(safety_letters::table)
        .values((
            safety_letters::id.eq(Uuid::new_v4()),
            safety_letters::plan_id.eq(new.plan_id),
            safety_letters::period.eq(&new.period),
            safety_letters::version.eq(version.unwrap_or(0) + 1),
            safety_letters::municipality_ids.eq(&new.municipality_ids),
            safety_letters::status.eq(COMPILING),
            safety_letters::automatic.eq(new.requested_by.is_none()),
            safety_letters::requested_by.eq(new.requested_by),
            safety_letters::requested_at.eq(new.requested_at),
        ))
        .on_conflict_do_nothing()
        .returning(LetterRow::as_returning())
        .get_result(&mut **conn)
        .optional()?)
}

/// Newest request first.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    f: &LetterFilter,
    page: PageRequest,
) -> Result<Page<LetterWithPlan>, DbError> {
    let filtered = || {
        let mut q = safety_letters::table.into_boxed();
        if let Some(p) = f.plan_id {
            q = q.filter(safety_letters::plan_id.eq(p));
        }
        if let Some(p) = &f.period {
            q = q.filter(safety_letters::period.eq(p.clone()));
        }
        if let Some(s) = &f.status {
            q = q.filter(safety_letters::status.eq(s.clone()));
        }
        q
    };
    let rows_counted = filtered()
        .select((LetterRow::as_select(), total_rows()))
        .order((
            safety_letters::requested_at.desc(),
            safety_letters::id.asc(),
        ))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    let rows = page_of(rows_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?;
    let total = rows.total;
    let items = with_plans(conn, rows.items)?;
    Ok(Page::new(items, total, page))
}

fn with_plans(
    conn: &mut TenantConn<'_>,
    rows: Vec<LetterRow>,
) -> Result<Vec<LetterWithPlan>, DbError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let plan_ids: Vec<Uuid> = rows.iter().map(|r| r.plan_id).collect();
    let titles: Vec<(Uuid, String)> = plans::table
        .filter(plans::id.eq_any(&plan_ids))
        .select((plans::id, plans::title))
        .load(&mut **conn)?;
    let sizes: Vec<(Uuid, Option<i32>)> = safety_letter_documents::table
        .filter(safety_letter_documents::letter_id.eq_any(&ids))
        .select((
            safety_letter_documents::letter_id,
            fixed_sql::<diesel::sql_types::Nullable<diesel::sql_types::Int4>>("octet_length(docx)"),
        ))
        .load(&mut **conn)?;
    Ok(rows
        .into_iter()
        .map(|row| LetterWithPlan {
            plan_title: titles
                .iter()
                .find(|(id, _)| *id == row.plan_id)
                .map(|(_, t)| t.clone())
                .unwrap_or_default(),
            docx_bytes: sizes
                .iter()
                .find(|(id, _)| *id == row.id)
                .and_then(|(_, s)| *s),
            row,
        })
        .collect())
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<LetterWithPlan>, DbError> {
    let row: Option<LetterRow> = safety_letters::table
        .find(id)
        .select(LetterRow::as_select())
        .first(&mut **conn)
        .optional()?;
    Ok(match row {
        Some(row) => with_plans(conn, vec![row])?.pop(),
        None => None,
    })
}

/// Locks the plan's row until the transaction ends; false when there is no such plan. Whoever
/// numbers or adopts versions of a plan takes this lock first, so they take turns.
#[tracing::instrument(skip(conn))]
pub fn lock_plan(conn: &mut TenantConn<'_>, plan_id: Uuid) -> Result<bool, DbError> {
    let plan: Option<Uuid> = plans::table
        .find(plan_id)
        .select(plans::id)
        .for_update()
        .first(&mut **conn)
        .optional()?;
    Ok(plan.is_some())
}

#[tracing::instrument(skip(conn))]
pub fn find_for_update(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<LetterRow>, DbError> {
    Ok(safety_letters::table
        .find(id)
        .select(LetterRow::as_select())
        .for_update()
        .first(&mut **conn)
        .optional()?)
}

/// The version of this plan and period that is adopted, other than `except`.
#[tracing::instrument(skip(conn))]
pub fn adopted_version(
    conn: &mut TenantConn<'_>,
    plan_id: Uuid,
    period: &str,
    except: Uuid,
) -> Result<Option<i32>, DbError> {
    Ok(safety_letters::table
        .filter(safety_letters::plan_id.eq(plan_id))
        .filter(safety_letters::period.eq(period))
        .filter(safety_letters::status.eq(ADOPTED))
        .filter(safety_letters::id.ne(except))
        .select(safety_letters::version)
        .first(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn mark_adopted(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    by: Uuid,
    at: DateTime<Utc>,
) -> Result<LetterRow, DbError> {
    Ok(diesel::update(safety_letters::table.find(id))
        .set((
            safety_letters::status.eq(ADOPTED),
            safety_letters::adopted_by.eq(by),
            safety_letters::adopted_at.eq(at),
            safety_letters::updated_at.eq(diesel::dsl::now),
        ))
        .returning(LetterRow::as_returning())
        .get_result(&mut **conn)?)
}

/// The compiled document of a version.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub letter_id: Uuid,
    pub docx: Vec<u8>,
    pub html: String,
    pub docx_sha256: String,
    pub generated_at: DateTime<Utc>,
}

/// Stores the document and marks the version a concept, if it is still being compiled (`false`
/// when another worker finished it first).
#[tracing::instrument(skip(conn, doc), fields(letter = %doc.letter_id, bytes = doc.docx.len()))]
pub fn store_compiled(conn: &mut TenantConn<'_>, doc: &NewDocument) -> Result<bool, DbError> {
    let marked = diesel::update(
        safety_letters::table
            .find(doc.letter_id)
            .filter(safety_letters::status.eq(COMPILING)),
    )
    .set((
        safety_letters::status.eq(CONCEPT),
        safety_letters::compiled_at.eq(doc.generated_at),
        safety_letters::updated_at.eq(diesel::dsl::now),
    ))
    .execute(&mut **conn)?;
    if marked == 0 {
        return Ok(false);
    }
    diesel::insert_into(safety_letter_documents::table)
        .values((
            safety_letter_documents::letter_id.eq(doc.letter_id),
            safety_letter_documents::docx.eq(&doc.docx),
            safety_letter_documents::html.eq(&doc.html),
            safety_letter_documents::docx_sha256.eq(&doc.docx_sha256),
            safety_letter_documents::generated_at.eq(doc.generated_at),
        ))
        .execute(&mut **conn)?;
    Ok(true)
}

/// Marks a version that is still being compiled as failed, with the reason.
#[tracing::instrument(skip(conn))]
pub fn mark_failed(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        safety_letters::table
            .find(id)
            .filter(safety_letters::status.eq(COMPILING)),
    )
    .set((
        safety_letters::status.eq(FAILED),
        safety_letters::failure_reason.eq(reason),
        safety_letters::compiled_at.eq(at),
        safety_letters::updated_at.eq(diesel::dsl::now),
    ))
    .execute(&mut **conn)?
        > 0)
}

/// When the schedule's failed versions of a plan and period were asked for.
#[tracing::instrument(skip(conn))]
pub fn failed_automatic(
    conn: &mut TenantConn<'_>,
    plan_id: Uuid,
    period: &str,
) -> Result<Vec<DateTime<Utc>>, DbError> {
    Ok(safety_letters::table
        .filter(safety_letters::plan_id.eq(plan_id))
        .filter(safety_letters::period.eq(period))
        .filter(safety_letters::automatic.eq(true))
        .filter(safety_letters::status.eq(FAILED))
        .select(safety_letters::requested_at)
        .load(&mut **conn)?)
}

/// Versions still being compiled that were asked for before `before`.
#[tracing::instrument(skip(conn))]
pub fn compiling_since_before(
    conn: &mut TenantConn<'_>,
    before: DateTime<Utc>,
) -> Result<Vec<LetterRow>, DbError> {
    Ok(safety_letters::table
        .filter(safety_letters::status.eq(COMPILING))
        .filter(safety_letters::requested_at.lt(before))
        .select(LetterRow::as_select())
        .load(&mut **conn)?)
}

/// The Word file and its hash.
#[tracing::instrument(skip(conn))]
pub fn docx(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<(Vec<u8>, String)>, DbError> {
    Ok(safety_letter_documents::table
        .find(id)
        .select((
            safety_letter_documents::docx,
            safety_letter_documents::docx_sha256,
        ))
        .first(&mut **conn)
        .optional()?)
}

/// The HTML preview and the Word file's hash.
#[tracing::instrument(skip(conn))]
pub fn html(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<(String, String)>, DbError> {
    Ok(safety_letter_documents::table
        .find(id)
        .select((
            safety_letter_documents::html,
            safety_letter_documents::docx_sha256,
        ))
        .first(&mut **conn)
        .optional()?)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = safety_letter_schedule)]
struct ScheduleRow {
    enabled: bool,
    half_yearly: bool,
    due_days: i32,
    lead_days: i32,
}

/// The tenant's schedule; the defaults until someone sets it.
#[tracing::instrument(skip(conn))]
pub fn schedule(conn: &mut TenantConn<'_>) -> Result<Schedule, DbError> {
    let row: Option<ScheduleRow> = safety_letter_schedule::table
        .select(ScheduleRow::as_select())
        .first(&mut **conn)
        .optional()?;
    Ok(row
        .map(|r| Schedule {
            enabled: r.enabled,
            half_yearly: r.half_yearly,
            due_days: u32::try_from(r.due_days).unwrap_or(0),
            lead_days: u32::try_from(r.lead_days).unwrap_or(0),
        })
        .unwrap_or_default())
}

#[tracing::instrument(skip(conn))]
pub fn save_schedule(conn: &mut TenantConn<'_>, s: &Schedule) -> Result<(), DbError> {
    let values = (
        safety_letter_schedule::enabled.eq(s.enabled),
        safety_letter_schedule::half_yearly.eq(s.half_yearly),
        safety_letter_schedule::due_days.eq(i32::try_from(s.due_days).unwrap_or(i32::MAX)),
        safety_letter_schedule::lead_days.eq(i32::try_from(s.lead_days).unwrap_or(i32::MAX)),
    );
    diesel::insert_into(safety_letter_schedule::table)
        .values((safety_letter_schedule::id.eq(Uuid::new_v4()), values))
        .on_conflict(safety_letter_schedule::singleton)
        .do_update()
        .set((
            values,
            safety_letter_schedule::updated_at.eq(diesel::dsl::now),
        ))
        .execute(&mut **conn)?;
    Ok(())
}

/// How many versions a plan's letters have.
#[tracing::instrument(skip(conn))]
pub fn count_for_plan(conn: &mut TenantConn<'_>, plan_id: Uuid) -> Result<i64, DbError> {
    Ok(safety_letters::table
        .filter(safety_letters::plan_id.eq(plan_id))
        .count()
        .get_result(&mut **conn)?)
}
