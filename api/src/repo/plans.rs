//! `plans` of a tenant schema.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::paging::{page_of, total_rows};
use uuid::Uuid;

use crate::db::schema::tenant::plans;
use crate::db::{DbError, TenantConn};
use crate::domain::page::{Page, PageRequest};
use crate::domain::plan::PlanFields;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = plans)]
pub struct PlanRow {
    pub id: Uuid,
    pub title: String,
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    pub status: String,
    pub adopted_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub use crate::domain::plan::PlanFilter;

#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    filter: &PlanFilter,
    page: PageRequest,
) -> Result<Page<PlanRow>, DbError> {
    let filtered = || {
        let mut q = plans::table.into_boxed();
        if let Some(kind) = &filter.kind {
            q = q.filter(plans::kind.eq(kind.clone()));
        }
        if let Some(status) = &filter.status {
            q = q.filter(plans::status.eq(status.clone()));
        }
        if let Some(year) = filter.year {
            q = q
                .filter(plans::start_year.le(year))
                .filter(plans::end_year.ge(year));
        }
        q
    };
    let items_counted = filtered()
        .select((PlanRow::as_select(), total_rows()))
        .order((plans::start_year.desc(), plans::title.asc()))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    let items = page_of(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?;
    Ok(items)
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<PlanRow>, DbError> {
    Ok(plans::table
        .find(id)
        .select(PlanRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn insert(conn: &mut TenantConn<'_>, f: &PlanFields) -> Result<PlanRow, DbError> {
    Ok(diesel::insert_into(plans::table)
        .values((
            plans::id.eq(Uuid::new_v4()),
            plans::title.eq(&f.title),
            plans::kind.eq(&f.kind),
            plans::start_year.eq(f.start_year),
            plans::end_year.eq(f.end_year),
            plans::status.eq(&f.status),
            plans::adopted_on.eq(f.adopted_on),
        ))
        .returning(PlanRow::as_returning())
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    f: &PlanFields,
) -> Result<Option<PlanRow>, DbError> {
    Ok(diesel::update(plans::table.find(id))
        .set((
            plans::title.eq(&f.title),
            plans::kind.eq(&f.kind),
            plans::start_year.eq(f.start_year),
            plans::end_year.eq(f.end_year),
            plans::status.eq(&f.status),
            plans::adopted_on.eq(f.adopted_on),
            plans::updated_at.eq(diesel::dsl::now),
        ))
        .returning(PlanRow::as_returning())
        .get_result(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn delete(conn: &mut TenantConn<'_>, id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::delete(plans::table.find(id)).execute(&mut **conn)? > 0)
}
