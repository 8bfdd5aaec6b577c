//! Pages of lists with their total in one statement: each row of the page carries the count of
//! all rows the query matches (`COUNT(*) OVER ()`), instead of a second `COUNT(*)` query. For the
//! lists a cooperation keeps in the hundreds (plans, priorities, indicators, commitments …); the
//! window reads every matching row, so lists that only grow (the audit trail, the emails) are
//! counted apart.

use diesel::sql_types::BigInt;

use super::fixed_sql::{FixedSql, fixed_sql};

use crate::db::DbError;
use crate::domain::page::{Page, PageRequest};

/// `COUNT(*) OVER ()`: select it beside the row of each item of a page.
pub fn total_rows() -> FixedSql<BigInt> {
    fixed_sql("COUNT(*) OVER ()")
}

/// The page of `rows` (each with the window count). A page past the end has no row to carry
/// the count: only then is it counted on its own.
pub fn page_of<T>(
    rows: Vec<(T, i64)>,
    request: PageRequest,
    count: impl FnOnce() -> Result<i64, DbError>,
) -> Result<Page<T>, DbError> {
    let total = match rows.first() {
        Some((_, total)) => *total,
        None if request.page > 1 => count()?,
        None => 0,
    };
    Ok(Page::new(
        rows.into_iter().map(|(row, _)| row).collect(),
        total,
        request,
    ))
}

/// As [`page_of`], for rows that carry their related rows (see `repo`) between the row and the
/// window count, as a query selecting `(row, related columns, total_rows())` returns them.
pub fn page_of_related<T, R>(
    rows: Vec<(T, R, i64)>,
    request: PageRequest,
    count: impl FnOnce() -> Result<i64, DbError>,
) -> Result<Page<(T, R)>, DbError> {
    page_of(
        rows.into_iter()
            .map(|(row, related, total)| ((row, related), total))
            .collect(),
        request,
        count,
    )
}
