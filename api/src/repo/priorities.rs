//! `priorities` of a tenant schema.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use uuid::Uuid;

use super::fixed_sql::{FixedSql, fixed_sql};
use super::paging::{page_of_related, total_rows};
use super::reviews::{
    LATEST_JUDGEMENT_SQL, LatestJudgement, LatestJudgementRow, LatestJudgementSql,
};

use crate::db::schema::tenant::priorities;
use crate::db::{DbError, TenantConn};
use crate::domain::page::{Page, PageRequest};
use crate::domain::priority::PriorityFields;

pub use crate::domain::priority::PriorityFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = priorities)]
pub struct PriorityRow {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub title: String,
    pub scope: String,
    pub municipality_id: Option<Uuid>,
    pub district_id: Option<Uuid>,
    pub opgave: String,
    pub ambitie: String,
    pub aanpak: String,
    pub doelstelling: String,
    pub partners: Vec<String>,
    pub flankerend_beleid: String,
    pub owner_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A priority with what the expert groups said of it last (a submitted or adopted review).
#[derive(Debug, Clone)]
pub struct JudgedPriority {
    pub row: PriorityRow,
    pub latest_review: Option<LatestJudgementRow>,
}

fn judgement_column() -> FixedSql<LatestJudgementSql> {
    fixed_sql(LATEST_JUDGEMENT_SQL)
}

fn judged((row, latest_review): (PriorityRow, Option<LatestJudgement>)) -> JudgedPriority {
    JudgedPriority {
        row,
        latest_review: latest_review.map(LatestJudgementRow::from),
    }
}

/// Each priority with its latest judgement, in the same statement.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    f: &PriorityFilter,
    page: PageRequest,
) -> Result<Page<JudgedPriority>, DbError> {
    let filtered = || {
        let mut q = priorities::table.into_boxed();
        if let Some(plan) = f.plan_id {
            q = q.filter(priorities::plan_id.eq(plan));
        }
        if let Some(scope) = &f.scope {
            q = q.filter(priorities::scope.eq(scope.clone()));
        }
        if let Some(m) = f.municipality_id {
            q = q.filter(priorities::municipality_id.eq(m));
        }
        if let Some(p) = f.parent_id {
            q = q.filter(priorities::parent_id.eq(p));
        }
        q
    };
    let items_counted = filtered()
        .select((PriorityRow::as_select(), judgement_column(), total_rows()))
        .order((priorities::title.asc(), priorities::id.asc()))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    Ok(page_of_related(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?
    .map(judged))
}

/// The priority with its latest judgement.
#[tracing::instrument(skip(conn))]
pub fn find_judged(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<JudgedPriority>, DbError> {
    Ok(priorities::table
        .find(id)
        .select((PriorityRow::as_select(), judgement_column()))
        .first(&mut **conn)
        .optional()?
        .map(judged))
}

/// Every priority of the tenant.
#[tracing::instrument(skip(conn))]
pub fn all(conn: &mut TenantConn<'_>) -> Result<Vec<PriorityRow>, DbError> {
    Ok(priorities::table
        .select(PriorityRow::as_select())
        .order((priorities::title.asc(), priorities::id.asc()))
        .load(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<PriorityRow>, DbError> {
    Ok(priorities::table
        .find(id)
        .select(PriorityRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn insert(conn: &mut TenantConn<'_>, f: &PriorityFields) -> Result<PriorityRow, DbError> {
    Ok(diesel::insert_into(priorities::table)
        .values((priorities::id.eq(Uuid::new_v4()), values(f)))
        .returning(PriorityRow::as_returning())
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    f: &PriorityFields,
) -> Result<Option<PriorityRow>, DbError> {
    Ok(diesel::update(priorities::table.find(id))
        .set((values(f), priorities::updated_at.eq(diesel::dsl::now)))
        .returning(PriorityRow::as_returning())
        .get_result(&mut **conn)
        .optional()?)
}

#[allow(clippy::type_complexity)]
fn values(
    f: &PriorityFields,
) -> (
    diesel::dsl::Eq<priorities::plan_id, Uuid>,
    diesel::dsl::Eq<priorities::parent_id, Option<Uuid>>,
    diesel::dsl::Eq<priorities::title, String>,
    diesel::dsl::Eq<priorities::scope, &'static str>,
    diesel::dsl::Eq<priorities::municipality_id, Option<Uuid>>,
    diesel::dsl::Eq<priorities::district_id, Option<Uuid>>,
    diesel::dsl::Eq<priorities::opgave, String>,
    diesel::dsl::Eq<priorities::ambitie, String>,
    diesel::dsl::Eq<priorities::aanpak, String>,
    diesel::dsl::Eq<priorities::doelstelling, String>,
    diesel::dsl::Eq<priorities::partners, Vec<String>>,
    diesel::dsl::Eq<priorities::flankerend_beleid, String>,
    diesel::dsl::Eq<priorities::owner_id, Option<Uuid>>,
) {
    (
        priorities::plan_id.eq(f.plan_id),
        priorities::parent_id.eq(f.parent_id),
        priorities::title.eq(f.title.clone()),
        priorities::scope.eq(f.scope.as_str()),
        priorities::municipality_id.eq(f.scope.municipality()),
        priorities::district_id.eq(f.scope.district()),
        priorities::opgave.eq(f.opgave.clone()),
        priorities::ambitie.eq(f.ambitie.clone()),
        priorities::aanpak.eq(f.aanpak.clone()),
        priorities::doelstelling.eq(f.doelstelling.clone()),
        priorities::partners.eq(f.partners.clone()),
        priorities::flankerend_beleid.eq(f.flankerend_beleid.clone()),
        priorities::owner_id.eq(f.owner_id),
    )
}

#[tracing::instrument(skip(conn))]
pub fn delete(conn: &mut TenantConn<'_>, id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::delete(priorities::table.find(id)).execute(&mut **conn)? > 0)
}

#[tracing::instrument(skip(conn))]
pub fn count_for_plan(conn: &mut TenantConn<'_>, plan_id: Uuid) -> Result<i64, DbError> {
    Ok(priorities::table
        .filter(priorities::plan_id.eq(plan_id))
        .count()
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn count_children(conn: &mut TenantConn<'_>, id: Uuid) -> Result<i64, DbError> {
    Ok(priorities::table
        .filter(priorities::parent_id.eq(id))
        .count()
        .get_result(&mut **conn)?)
}

/// The priorities of a plan in the order they were entered (the plan's own order).
#[tracing::instrument(skip(conn))]
pub fn of_plan_in_entry_order(
    conn: &mut TenantConn<'_>,
    plan_id: Uuid,
) -> Result<Vec<PriorityRow>, DbError> {
    Ok(priorities::table
        .filter(priorities::plan_id.eq(plan_id))
        .select(PriorityRow::as_select())
        .order((
            priorities::created_at.asc(),
            priorities::title.asc(),
            priorities::id.asc(),
        ))
        .load(&mut **conn)?)
}
