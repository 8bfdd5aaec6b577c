//! Link tables from a tenant's records to its priorities (an expert group's theme, the
//! priorities a commitment touches). One way to set them: links that stay are left alone, so the
//! audit trail shows only what changed.

use diesel::prelude::*;
use diesel::sql_types::{Array, Uuid as SqlUuid};
use uuid::Uuid;

use crate::db::{DbError, TenantConn};

/// A link table and the column of the record that owns the links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorityLinks {
    ExpertGroup,
    Commitment,
}

impl PriorityLinks {
    /// Fixed names, never input: safe to put into the statement.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            PriorityLinks::ExpertGroup => ("expert_group_priorities", "group_id"),
            PriorityLinks::Commitment => ("commitment_priorities", "commitment_id"),
        }
    }
}

/// Makes `owner` linked to exactly `ids`.
#[tracing::instrument(skip(conn))]
pub fn set(
    conn: &mut TenantConn<'_>,
    links: PriorityLinks,
    owner: Uuid,
    ids: &[Uuid],
) -> Result<(), DbError> {
    let (table, column) = links.names();
    diesel::sql_query(format!(
        "DELETE FROM {table} WHERE {column} = $1 AND NOT (priority_id = ANY($2))"
    ))
    .bind::<SqlUuid, _>(owner)
    .bind::<Array<SqlUuid>, _>(ids)
    .execute(&mut **conn)?;
    diesel::sql_query(format!(
        "INSERT INTO {table} ({column}, priority_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING"
    ))
    .bind::<SqlUuid, _>(owner)
    .bind::<Array<SqlUuid>, _>(ids)
    .execute(&mut **conn)?;
    Ok(())
}
