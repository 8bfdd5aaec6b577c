//! A piece of SQL fixed at compile time, selected beside diesel's own columns (the window count,
//! a page's related rows).
//!
//! Why not `diesel::dsl::sql`: diesel cannot know that text passed at run time is always the
//! same, so a statement holding an `SqlLiteral` is never kept as a prepared statement, and
//! PostgreSQL parses and plans it again on every request. For the pages' statements that was
//! most of their cost: planning took two to three times as long as running them
//! (`scripts/bench-api`; `perf` showed `pg_plan_queries` at twice the executor's share).
//! A `FixedSql` is only ever made from a `&'static str`, so the statement text depends on the
//! query's shape alone and diesel keeps it prepared, once per connection and text.

use std::marker::PhantomData;

use diesel::expression::{
    AppearsOnTable, Expression, SelectableExpression, TypedExpressionType, ValidGrouping,
    is_aggregate,
};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::QueryResult;

/// SQL of type `ST` whose text is a compile-time constant (see the module).
#[derive(Debug, Clone, Copy)]
pub struct FixedSql<ST> {
    sql: &'static str,
    sql_type: PhantomData<ST>,
}

/// `sql` as an expression of type `ST`. As with `diesel::dsl::sql`, the type is not checked
/// against the text: the tests that read the rows are what checks it.
pub const fn fixed_sql<ST>(sql: &'static str) -> FixedSql<ST> {
    FixedSql {
        sql,
        sql_type: PhantomData,
    }
}

impl<ST: TypedExpressionType> Expression for FixedSql<ST> {
    type SqlType = ST;
}

impl<ST> QueryFragment<Pg> for FixedSql<ST> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        // Unlike `SqlLiteral`, no `unsafe_to_cache_prepared()`: the text never varies.
        out.push_sql(self.sql);
        Ok(())
    }
}

impl<ST> QueryId for FixedSql<ST> {
    type QueryId = ();
    // Two fragments of the same type may hold different text: the statement cache must key
    // them by their SQL, never by their type.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<QS, ST> SelectableExpression<QS> for FixedSql<ST> where Self: Expression {}

impl<QS, ST> AppearsOnTable<QS> for FixedSql<ST> where Self: Expression {}

impl<ST, GB> ValidGrouping<GB> for FixedSql<ST> {
    type IsAggregate = is_aggregate::Never;
}
