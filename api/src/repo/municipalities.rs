//! `municipalities` of a tenant schema.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::paging::{page_of, total_rows};
use uuid::Uuid;

use crate::db::schema::tenant::municipalities;
use crate::db::{DbError, TenantConn};
use crate::domain::municipality::MunicipalityFields;
use crate::domain::page::{Page, PageRequest};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = municipalities)]
pub struct MunicipalityRow {
    pub id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    name_contains: Option<&str>,
    page: PageRequest,
) -> Result<Page<MunicipalityRow>, DbError> {
    let filtered = || {
        let mut q = municipalities::table.into_boxed();
        if let Some(n) = name_contains {
            q = q.filter(municipalities::name.ilike(format!("%{}%", escape_like(n))));
        }
        q
    };
    let items_counted = filtered()
        .select((MunicipalityRow::as_select(), total_rows()))
        .order(municipalities::name.asc())
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    let items = page_of(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?;
    Ok(items)
}

/// Every municipality of the tenant, by name.
#[tracing::instrument(skip(conn))]
pub fn all(conn: &mut TenantConn<'_>) -> Result<Vec<MunicipalityRow>, DbError> {
    Ok(municipalities::table
        .select(MunicipalityRow::as_select())
        .order(municipalities::name.asc())
        .load(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<MunicipalityRow>, DbError> {
    Ok(municipalities::table
        .find(id)
        .select(MunicipalityRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn insert(
    conn: &mut TenantConn<'_>,
    fields: &MunicipalityFields,
) -> Result<MunicipalityRow, DbError> {
    Ok(diesel::insert_into(municipalities::table)
        .values((
            municipalities::id.eq(Uuid::new_v4()),
            municipalities::name.eq(&fields.name),
            municipalities::cbs_code.eq(&fields.cbs_code),
        ))
        .returning(MunicipalityRow::as_returning())
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    fields: &MunicipalityFields,
) -> Result<Option<MunicipalityRow>, DbError> {
    Ok(diesel::update(municipalities::table.find(id))
        .set((
            municipalities::name.eq(&fields.name),
            municipalities::cbs_code.eq(&fields.cbs_code),
            municipalities::updated_at.eq(diesel::dsl::now),
        ))
        .returning(MunicipalityRow::as_returning())
        .get_result(&mut **conn)
        .optional()?)
}

/// Escapes `%`, `_` and `\` so that user text matches literally inside a LIKE pattern.
pub fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
