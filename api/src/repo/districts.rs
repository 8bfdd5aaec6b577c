//! `districts` (wijken) of a tenant schema.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::tenant::districts;
use crate::db::{DbError, TenantConn};
use crate::domain::municipality::DistrictFields;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = districts)]
pub struct DistrictRow {
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[tracing::instrument(skip(conn))]
pub fn for_municipalities(
    conn: &mut TenantConn<'_>,
    municipality_ids: &[Uuid],
) -> Result<Vec<DistrictRow>, DbError> {
    Ok(districts::table
        .filter(districts::municipality_id.eq_any(municipality_ids))
        .select(DistrictRow::as_select())
        .order(districts::name.asc())
        .load(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn find(
    conn: &mut TenantConn<'_>,
    municipality_id: Uuid,
    id: Uuid,
) -> Result<Option<DistrictRow>, DbError> {
    Ok(districts::table
        .filter(districts::municipality_id.eq(municipality_id))
        .filter(districts::id.eq(id))
        .select(DistrictRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn insert(
    conn: &mut TenantConn<'_>,
    municipality_id: Uuid,
    fields: &DistrictFields,
) -> Result<DistrictRow, DbError> {
    Ok(diesel::insert_into(districts::table)
        .values((
            districts::id.eq(Uuid::new_v4()),
            districts::municipality_id.eq(municipality_id),
            districts::name.eq(&fields.name),
            districts::cbs_code.eq(&fields.cbs_code),
        ))
        .returning(DistrictRow::as_returning())
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn update(
    conn: &mut TenantConn<'_>,
    municipality_id: Uuid,
    id: Uuid,
    fields: &DistrictFields,
) -> Result<Option<DistrictRow>, DbError> {
    Ok(diesel::update(
        districts::table
            .filter(districts::municipality_id.eq(municipality_id))
            .filter(districts::id.eq(id)),
    )
    .set((
        districts::name.eq(&fields.name),
        districts::cbs_code.eq(&fields.cbs_code),
        districts::updated_at.eq(diesel::dsl::now),
    ))
    .returning(DistrictRow::as_returning())
    .get_result(&mut **conn)
    .optional()?)
}
