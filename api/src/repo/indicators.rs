//! `indicators` and their baseline and target per area (`indicator_targets`) of a tenant schema.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::figures::{Figured, targets_column, with_measurements};
use super::paging::{page_of_related, total_rows};
use uuid::Uuid;

use crate::db::schema::tenant::{indicator_targets, indicators, priorities};
use crate::db::{DbError, TenantConn};
use crate::domain::indicator::{AreaTarget, IndicatorFields};
use crate::domain::page::{Page, PageRequest};
use crate::repo::municipalities::escape_like;

pub use crate::domain::indicator::IndicatorFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = indicators)]
pub struct IndicatorRow {
    pub id: Uuid,
    pub priority_id: Uuid,
    pub name: String,
    pub description: String,
    pub unit: String,
    pub source: String,
    pub direction: String,
    pub police_code: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = indicator_targets)]
pub struct TargetRow {
    pub id: Uuid,
    pub indicator_id: Uuid,
    pub municipality_id: Option<Uuid>,
    pub baseline_period: Option<String>,
    pub baseline_value: Option<f64>,
    pub target_period: Option<String>,
    pub target_comparator: Option<String>,
    pub target_value: Option<f64>,
}

/// A page of indicators with their figures.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    f: &IndicatorFilter,
    page: PageRequest,
) -> Result<Page<Figured>, DbError> {
    let filtered = || {
        let mut q = indicators::table.inner_join(priorities::table).into_boxed();
        if let Some(p) = f.priority_id {
            q = q.filter(indicators::priority_id.eq(p));
        }
        if let Some(p) = f.plan_id {
            q = q.filter(priorities::plan_id.eq(p));
        }
        if let Some(n) = &f.name {
            q = q.filter(indicators::name.ilike(format!("%{}%", escape_like(n))));
        }
        q
    };
    let items_counted = filtered()
        .select((IndicatorRow::as_select(), targets_column(), total_rows()))
        .order((
            priorities::title.asc(),
            indicators::name.asc(),
            indicators::id.asc(),
        ))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    page_of_related(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?
    .try_map_all(|rows| with_measurements(conn, rows))
}

/// Every indicator of the tenant (for resolving the rows of an import or an export).
#[tracing::instrument(skip(conn))]
pub fn all(conn: &mut TenantConn<'_>) -> Result<Vec<IndicatorRow>, DbError> {
    Ok(indicators::table
        .select(IndicatorRow::as_select())
        .order((indicators::name.asc(), indicators::id.asc()))
        .load(&mut **conn)?)
}

/// The indicators of these priorities with their figures, by name.
#[tracing::instrument(skip(conn))]
pub fn for_priorities(
    conn: &mut TenantConn<'_>,
    priority_ids: &[Uuid],
) -> Result<Vec<Figured>, DbError> {
    let rows = indicators::table
        .filter(indicators::priority_id.eq_any(priority_ids))
        .select((IndicatorRow::as_select(), targets_column()))
        .order(indicators::name.asc())
        .load(&mut **conn)?;
    with_measurements(conn, rows)
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<IndicatorRow>, DbError> {
    Ok(indicators::table
        .find(id)
        .select(IndicatorRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

/// The indicator with its figures.
#[tracing::instrument(skip(conn))]
pub fn find_figured(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<Figured>, DbError> {
    let Some(row) = indicators::table
        .find(id)
        .select((IndicatorRow::as_select(), targets_column()))
        .first(&mut **conn)
        .optional()?
    else {
        return Ok(None);
    };
    Ok(with_measurements(conn, vec![row])?.pop())
}

#[tracing::instrument(skip(conn))]
pub fn count_for_priority(conn: &mut TenantConn<'_>, priority_id: Uuid) -> Result<i64, DbError> {
    Ok(indicators::table
        .filter(indicators::priority_id.eq(priority_id))
        .count()
        .get_result(&mut **conn)?)
}

/// Inserts the indicator with its area targets.
#[tracing::instrument(skip(conn, f))]
pub fn insert(conn: &mut TenantConn<'_>, f: &IndicatorFields) -> Result<IndicatorRow, DbError> {
    let row = diesel::insert_into(indicators::table)
        .values((indicators::id.eq(Uuid::new_v4()), values(f)))
        .returning(IndicatorRow::as_returning())
        .get_result(&mut **conn)?;
    replace_targets(conn, row.id, &f.areas)?;
    Ok(row)
}

/// Replaces the indicator's fields and its area targets.
#[tracing::instrument(skip(conn, f))]
pub fn update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    f: &IndicatorFields,
) -> Result<Option<IndicatorRow>, DbError> {
    let row = diesel::update(indicators::table.find(id))
        .set((values(f), indicators::updated_at.eq(diesel::dsl::now)))
        .returning(IndicatorRow::as_returning())
        .get_result(&mut **conn)
        .optional()?;
    if row.is_some() {
        replace_targets(conn, id, &f.areas)?;
    }
    Ok(row)
}

#[allow(clippy::type_complexity)]
fn values(
    f: &IndicatorFields,
) -> (
    diesel::dsl::Eq<indicators::priority_id, Uuid>,
    diesel::dsl::Eq<indicators::name, String>,
    diesel::dsl::Eq<indicators::description, String>,
    diesel::dsl::Eq<indicators::unit, String>,
    diesel::dsl::Eq<indicators::source, String>,
    diesel::dsl::Eq<indicators::direction, &'static str>,
    diesel::dsl::Eq<indicators::police_code, Option<String>>,
) {
    (
        indicators::priority_id.eq(f.priority_id),
        indicators::name.eq(f.name.clone()),
        indicators::description.eq(f.description.clone()),
        indicators::unit.eq(f.unit.clone()),
        indicators::source.eq(f.source.clone()),
        indicators::direction.eq(f.direction.as_str()),
        indicators::police_code.eq(f.police_code.clone()),
    )
}

fn replace_targets(
    conn: &mut TenantConn<'_>,
    indicator_id: Uuid,
    areas: &[AreaTarget],
) -> Result<(), DbError> {
    diesel::delete(
        indicator_targets::table.filter(indicator_targets::indicator_id.eq(indicator_id)),
    )
    .execute(&mut **conn)?;
    let rows: Vec<_> = areas
        .iter()
        .map(|a| {
            (
                indicator_targets::id.eq(Uuid::new_v4()),
                indicator_targets::indicator_id.eq(indicator_id),
                indicator_targets::municipality_id.eq(a.municipality_id),
                indicator_targets::baseline_period.eq(a.baseline.map(|b| b.period.to_string())),
                indicator_targets::baseline_value.eq(a.baseline.map(|b| b.value)),
                indicator_targets::target_period.eq(a.target.map(|t| t.period.to_string())),
                indicator_targets::target_comparator.eq(a.target.map(|t| t.comparator.as_str())),
                indicator_targets::target_value.eq(a.target.map(|t| t.value)),
            )
        })
        .collect();
    if !rows.is_empty() {
        diesel::insert_into(indicator_targets::table)
            .values(rows)
            .execute(&mut **conn)?;
    }
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn delete(conn: &mut TenantConn<'_>, id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::delete(indicators::table.find(id)).execute(&mut **conn)? > 0)
}
