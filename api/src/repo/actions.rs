//! `actions` (actiepunten) of a tenant schema.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::paging::{page_of, total_rows};
use uuid::Uuid;

use crate::db::schema::tenant::{actions, priorities};
use crate::db::{DbError, TenantConn};
use crate::domain::action::ActionFields;
use crate::domain::page::{Page, PageRequest};

pub use crate::domain::action::ActionFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = actions)]
pub struct ActionRow {
    pub id: Uuid,
    pub priority_id: Uuid,
    pub title: String,
    pub description: String,
    pub owner_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    f: &ActionFilter,
    page: PageRequest,
) -> Result<Page<ActionRow>, DbError> {
    let filtered = || {
        let mut q = actions::table.inner_join(priorities::table).into_boxed();
        if let Some(p) = f.priority_id {
            q = q.filter(actions::priority_id.eq(p));
        }
        if let Some(p) = f.plan_id {
            q = q.filter(priorities::plan_id.eq(p));
        }
        if let Some(s) = &f.status {
            q = q.filter(actions::status.eq(s.clone()));
        }
        if let Some(o) = f.owner_id {
            q = q.filter(actions::owner_id.eq(o));
        }
        if let Some(d) = f.due_before {
            q = q.filter(actions::due_on.lt(d));
        }
        q
    };
    let items_counted = filtered()
        .select((ActionRow::as_select(), total_rows()))
        .order((actions::due_on.asc().nulls_last(), actions::title.asc()))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    let items = page_of(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?;
    Ok(items)
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<ActionRow>, DbError> {
    Ok(actions::table
        .find(id)
        .select(ActionRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn insert(conn: &mut TenantConn<'_>, f: &ActionFields) -> Result<ActionRow, DbError> {
    Ok(diesel::insert_into(actions::table)
        .values((
            actions::id.eq(Uuid::new_v4()),
            actions::priority_id.eq(f.priority_id),
            actions::title.eq(&f.title),
            actions::description.eq(&f.description),
            actions::owner_id.eq(f.owner_id),
            actions::due_on.eq(f.due_on),
            actions::status.eq(&f.status),
        ))
        .returning(ActionRow::as_returning())
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    f: &ActionFields,
) -> Result<Option<ActionRow>, DbError> {
    Ok(diesel::update(actions::table.find(id))
        .set((
            actions::priority_id.eq(f.priority_id),
            actions::title.eq(&f.title),
            actions::description.eq(&f.description),
            actions::owner_id.eq(f.owner_id),
            actions::due_on.eq(f.due_on),
            actions::status.eq(&f.status),
            actions::updated_at.eq(diesel::dsl::now),
        ))
        .returning(ActionRow::as_returning())
        .get_result(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn delete(conn: &mut TenantConn<'_>, id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::delete(actions::table.find(id)).execute(&mut **conn)? > 0)
}

#[tracing::instrument(skip(conn))]
pub fn count_for_priority(conn: &mut TenantConn<'_>, priority_id: Uuid) -> Result<i64, DbError> {
    Ok(actions::table
        .filter(actions::priority_id.eq(priority_id))
        .count()
        .get_result(&mut **conn)?)
}
