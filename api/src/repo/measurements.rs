//! `measurements` and their `measurement_history` of a tenant schema.

use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;

use super::paging::{page_of, total_rows};
use diesel::sql_types::{Bool, Nullable};
use uuid::Uuid;

use crate::db::schema::tenant::{measurement_history, measurements, municipalities};
use crate::db::{DbError, TenantConn};
use crate::domain::measurement::{MeasurementFields, Recorded};
use crate::domain::page::{Page, PageRequest};

pub use crate::domain::measurement::AreaFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = measurements)]
pub struct MeasurementRow {
    pub id: Uuid,
    pub indicator_id: Uuid,
    pub municipality_id: Option<Uuid>,
    pub period: String,
    pub value: f64,
    pub source_note: String,
    pub entered_by: Uuid,
    pub entered_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = measurement_history)]
pub struct HistoryRow {
    pub value: f64,
    pub source_note: String,
    pub entered_by: Uuid,
    pub entered_at: DateTime<Utc>,
    pub replaced_by: Uuid,
    pub replaced_at: DateTime<Utc>,
    pub change: String,
}

/// Rows of one area. `= id` or `IS NULL`, not `IS NOT DISTINCT FROM`: only these use the index.
fn in_area(
    area: Option<Uuid>,
) -> Box<dyn BoxableExpression<measurements::table, Pg, SqlType = Nullable<Bool>>> {
    match area {
        Some(m) => Box::new(measurements::municipality_id.eq(m)),
        None => Box::new(measurements::municipality_id.is_null().nullable()),
    }
}

#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    indicator_id: Uuid,
    area: AreaFilter,
    page: PageRequest,
) -> Result<Page<MeasurementRow>, DbError> {
    let filtered = || {
        let mut q = measurements::table
            .left_join(municipalities::table)
            .filter(measurements::indicator_id.eq(indicator_id))
            .into_boxed();
        if let AreaFilter::Only(m) = area {
            q = match m {
                Some(m) => q.filter(measurements::municipality_id.eq(m)),
                None => q.filter(measurements::municipality_id.is_null()),
            };
        }
        q
    };
    let items_counted = filtered()
        .select((MeasurementRow::as_select(), total_rows()))
        .order((
            municipalities::name.asc().nulls_first(),
            measurements::period.asc(),
        ))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    let items = page_of(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?;
    Ok(items)
}

/// Every measurement of these indicators with its municipality's name (none for the whole
/// cooperation), per indicator oldest period first.
#[tracing::instrument(skip(conn))]
pub fn for_indicators(
    conn: &mut TenantConn<'_>,
    indicator_ids: &[Uuid],
) -> Result<Vec<(MeasurementRow, Option<String>)>, DbError> {
    Ok(measurements::table
        .left_join(municipalities::table)
        .filter(measurements::indicator_id.eq_any(indicator_ids))
        .select((MeasurementRow::as_select(), municipalities::name.nullable()))
        .order((measurements::indicator_id, measurements::period.asc()))
        .load(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn find(
    conn: &mut TenantConn<'_>,
    indicator_id: Uuid,
    id: Uuid,
) -> Result<Option<MeasurementRow>, DbError> {
    Ok(measurements::table
        .filter(measurements::id.eq(id))
        .filter(measurements::indicator_id.eq(indicator_id))
        .select(MeasurementRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

#[tracing::instrument(skip(conn))]
pub fn count_for_indicator(conn: &mut TenantConn<'_>, indicator_id: Uuid) -> Result<i64, DbError> {
    Ok(measurements::table
        .filter(measurements::indicator_id.eq(indicator_id))
        .count()
        .get_result(&mut **conn)?)
}

/// Whether earlier values of this indicator's measurements are kept in the history.
#[tracing::instrument(skip(conn))]
pub fn has_history(conn: &mut TenantConn<'_>, indicator_id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        measurement_history::table.filter(measurement_history::indicator_id.eq(indicator_id)),
    ))
    .get_result(&mut **conn)?)
}

fn locked(
    conn: &mut TenantConn<'_>,
    indicator_id: Uuid,
    f: &MeasurementFields,
) -> Result<Option<MeasurementRow>, DbError> {
    Ok(measurements::table
        .filter(measurements::indicator_id.eq(indicator_id))
        .filter(in_area(f.municipality_id))
        .filter(measurements::period.eq(f.period.to_string()))
        .select(MeasurementRow::as_select())
        .for_update()
        .first(&mut **conn)
        .optional()?)
}

/// Enters the value for (indicator, area, period): inserts it, or replaces the one there and keeps
/// that one in the history. The same value with the same note changes nothing.
#[tracing::instrument(skip(conn, f))]
pub fn record(
    conn: &mut TenantConn<'_>,
    indicator_id: Uuid,
    f: &MeasurementFields,
    user: Uuid,
) -> Result<(MeasurementRow, Recorded), DbError> {
    let existing = match locked(conn, indicator_id, f)? {
        Some(row) => Some(row),
        None => {
            let inserted = diesel::insert_into(measurements::table)
                .values((
                    measurements::id.eq(Uuid::new_v4()),
                    measurements::indicator_id.eq(indicator_id),
                    measurements::municipality_id.eq(f.municipality_id),
                    measurements::period.eq(f.period.to_string()),
                    measurements::value.eq(f.value),
                    measurements::source_note.eq(&f.source_note),
                    measurements::entered_by.eq(user),
                ))
                .on_conflict_do_nothing()
                .returning(MeasurementRow::as_returning())
                .get_result(&mut **conn)
                .optional()?;
            match inserted {
                Some(row) => return Ok((row, Recorded::Created)),
                // Another transaction entered it first: replace that one like any other.
                None => locked(conn, indicator_id, f)?,
            }
        }
    };
    let Some(old) = existing else {
        return Err(DbError::Query(diesel::result::Error::NotFound));
    };
    if old.value == f.value && old.source_note == f.source_note {
        return Ok((old, Recorded::Unchanged));
    }
    keep_in_history(conn, &old, user, "updated")?;
    let row = replace_value(conn, old.id, f, user)?;
    Ok((row, Recorded::Updated))
}

/// Gives measurement `id` the value and note of `f`, entered by `user` now.
fn replace_value(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    f: &MeasurementFields,
    user: Uuid,
) -> Result<MeasurementRow, DbError> {
    Ok(diesel::update(measurements::table.find(id))
        .set((
            measurements::value.eq(f.value),
            measurements::source_note.eq(&f.source_note),
            measurements::entered_by.eq(user),
            measurements::entered_at.eq(diesel::dsl::now),
        ))
        .returning(MeasurementRow::as_returning())
        .get_result(&mut **conn)?)
}

/// Deletes the measurement and keeps the value it had at that moment in the history. Returns the
/// deleted row, for the caller to check before the transaction commits.
#[tracing::instrument(skip(conn))]
pub fn delete(
    conn: &mut TenantConn<'_>,
    indicator_id: Uuid,
    id: Uuid,
    user: Uuid,
) -> Result<Option<MeasurementRow>, DbError> {
    let deleted = diesel::delete(
        measurements::table
            .filter(measurements::id.eq(id))
            .filter(measurements::indicator_id.eq(indicator_id)),
    )
    .returning(MeasurementRow::as_returning())
    .get_result(&mut **conn)
    .optional()?;
    if let Some(row) = &deleted {
        keep_in_history(conn, row, user, "deleted")?;
    }
    Ok(deleted)
}

/// A row of the history: the value `old` had, replaced or deleted by `user`.
#[derive(Insertable)]
#[diesel(table_name = measurement_history)]
struct NewHistory<'a> {
    measurement_id: Uuid,
    indicator_id: Uuid,
    municipality_id: Option<Uuid>,
    period: &'a str,
    value: f64,
    source_note: &'a str,
    entered_by: Uuid,
    entered_at: DateTime<Utc>,
    replaced_by: Uuid,
    change: &'a str,
}

impl<'a> NewHistory<'a> {
    fn of(old: &'a MeasurementRow, user: Uuid, change: &'a str) -> Self {
        NewHistory {
            measurement_id: old.id,
            indicator_id: old.indicator_id,
            municipality_id: old.municipality_id,
            period: &old.period,
            value: old.value,
            source_note: &old.source_note,
            entered_by: old.entered_by,
            entered_at: old.entered_at,
            replaced_by: user,
            change,
        }
    }
}

fn keep_in_history(
    conn: &mut TenantConn<'_>,
    old: &MeasurementRow,
    user: Uuid,
    change: &str,
) -> Result<(), DbError> {
    diesel::insert_into(measurement_history::table)
        .values(NewHistory::of(old, user, change))
        .execute(&mut **conn)?;
    Ok(())
}

/// Rows per INSERT: well below PostgreSQL's 65,535 parameters per statement.
const CHUNK: usize = 1_000;

/// The measurements of these indicators, locked until the transaction ends (before a batch of
/// values is entered for them).
#[tracing::instrument(skip_all, fields(count = indicator_ids.len()))]
pub fn lock_for_indicators(
    conn: &mut TenantConn<'_>,
    indicator_ids: &[Uuid],
) -> Result<Vec<MeasurementRow>, DbError> {
    Ok(measurements::table
        .filter(measurements::indicator_id.eq_any(indicator_ids))
        .select(MeasurementRow::as_select())
        .for_update()
        .load(&mut **conn)?)
}

/// What entering each of `items` would do, given the `existing` measurements of their
/// indicators: the same decision [`record`] makes for one value.
pub fn classify(existing: &[MeasurementRow], items: &[(Uuid, MeasurementFields)]) -> Vec<Recorded> {
    let by_key = keyed(existing);
    items
        .iter()
        .map(|(indicator_id, f)| {
            match by_key.get(&(*indicator_id, f.municipality_id, f.period.to_string())) {
                None => Recorded::Created,
                Some(old) if old.value == f.value && old.source_note == f.source_note => {
                    Recorded::Unchanged
                }
                Some(_) => Recorded::Updated,
            }
        })
        .collect()
}

type Key = (Uuid, Option<Uuid>, String);

fn keyed(existing: &[MeasurementRow]) -> std::collections::HashMap<Key, &MeasurementRow> {
    existing
        .iter()
        .map(|m| ((m.indicator_id, m.municipality_id, m.period.clone()), m))
        .collect()
}

/// Enters many values at once (an import), with the same outcome per value as [`record`] in a
/// few statements. `existing` are the measurements of these indicators, locked by
/// [`lock_for_indicators`] in this transaction; should another transaction meanwhile enter a
/// value for a new indicator, area and period of the batch, the unique index refuses the batch as
/// a whole. `items` must not repeat an indicator, area and period.
#[tracing::instrument(skip_all, fields(count = items.len()))]
pub fn record_many(
    conn: &mut TenantConn<'_>,
    items: &[(Uuid, MeasurementFields)],
    existing: &[MeasurementRow],
    user: Uuid,
) -> Result<Vec<Recorded>, DbError> {
    let by_key = keyed(existing);
    let outcome = classify(existing, items);
    let periods: Vec<String> = items.iter().map(|(_, f)| f.period.to_string()).collect();
    let mut creates = Vec::new();
    let mut updates = Vec::new();
    for (((indicator_id, f), period), recorded) in items.iter().zip(&periods).zip(&outcome) {
        match recorded {
            Recorded::Created => creates.push((
                measurements::id.eq(Uuid::new_v4()),
                measurements::indicator_id.eq(*indicator_id),
                measurements::municipality_id.eq(f.municipality_id),
                measurements::period.eq(period.as_str()),
                measurements::value.eq(f.value),
                measurements::source_note.eq(f.source_note.as_str()),
                measurements::entered_by.eq(user),
            )),
            Recorded::Updated => {
                if let Some(old) = by_key.get(&(*indicator_id, f.municipality_id, period.clone())) {
                    updates.push((*old, f));
                }
            }
            Recorded::Unchanged => {}
        }
    }
    for chunk in updates.chunks(CHUNK) {
        let history: Vec<NewHistory<'_>> = chunk
            .iter()
            .map(|(old, _)| NewHistory::of(old, user, "updated"))
            .collect();
        diesel::insert_into(measurement_history::table)
            .values(history)
            .execute(&mut **conn)?;
    }
    for (old, f) in &updates {
        replace_value(conn, old.id, f, user)?;
    }
    for chunk in creates.chunks(CHUNK) {
        diesel::insert_into(measurements::table)
            .values(chunk)
            .execute(&mut **conn)?;
    }
    Ok(outcome)
}

/// Earlier values of the measurement for the same indicator, area and period, newest first.
#[tracing::instrument(skip(conn))]
pub fn history(
    conn: &mut TenantConn<'_>,
    row: &MeasurementRow,
) -> Result<Vec<HistoryRow>, DbError> {
    Ok(measurement_history::table
        .filter(measurement_history::indicator_id.eq(row.indicator_id))
        .filter(match row.municipality_id {
            Some(m) => Box::new(measurement_history::municipality_id.eq(m))
                as Box<dyn BoxableExpression<_, Pg, SqlType = Nullable<Bool>>>,
            None => Box::new(measurement_history::municipality_id.is_null().nullable()),
        })
        .filter(measurement_history::period.eq(&row.period))
        .select(HistoryRow::as_select())
        .order(measurement_history::id.desc())
        .load(&mut **conn)?)
}
