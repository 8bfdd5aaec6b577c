//! `commitments` (toezeggingen) and the priorities they touch, of a tenant schema.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use diesel::sql_types::{Array, Record, Text, Uuid as SqlUuid};

use super::fixed_sql::{FixedSql, fixed_sql};
use super::paging::{page_of_related, total_rows};
use uuid::Uuid;

use crate::db::schema::tenant::{commitment_priorities, commitments, priorities};
use crate::db::{DbError, TenantConn};
use crate::domain::commitment::{CommitmentFields, PENDING};
use crate::domain::page::{Page, PageRequest};
use crate::repo::municipalities::escape_like;
use crate::repo::priority_links::{self, PriorityLinks};

pub use crate::domain::commitment::CommitmentFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = commitments)]
pub struct CommitmentRow {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub municipality_id: Uuid,
    pub made_on: NaiveDate,
    pub meeting: String,
    pub made_by_id: Uuid,
    pub requested_by: String,
    pub requested_by_party: String,
    pub responsible_officer_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub closed_on: Option<NaiveDate>,
    pub closing_letter_reference: Option<String>,
    pub closing_letter_title: Option<String>,
    pub lapse_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A priority a commitment touches, with its title.
#[derive(Debug, Clone, Queryable)]
pub struct CommitmentPriorityRow {
    pub commitment_id: Uuid,
    pub priority_id: Uuid,
    pub title: String,
}

/// A commitment with its municipality's name and the priorities it touches (by title).
#[derive(Debug, Clone)]
pub struct LinkedCommitment {
    pub row: CommitmentRow,
    pub municipality_name: String,
    pub priorities: Vec<CommitmentPriorityRow>,
}

/// The municipality's name and the priorities (an array of rows, see `repo`), correlated
/// with the `commitments` row of the statement they stand in.
const LINKS_SQL: &str = "\
    COALESCE((SELECT mu.name FROM municipalities mu WHERE mu.id = commitments.municipality_id), ''), \
    ARRAY(SELECT ROW(cp.commitment_id, cp.priority_id, p.title) \
          FROM commitment_priorities cp JOIN priorities p ON p.id = cp.priority_id \
          WHERE cp.commitment_id = commitments.id ORDER BY p.title, p.id)";

type LinksSql = (Text, Array<Record<(SqlUuid, SqlUuid, Text)>>);
type Links = (String, Vec<(Uuid, Uuid, String)>);

fn links_columns() -> FixedSql<LinksSql> {
    fixed_sql(LINKS_SQL)
}

fn linked((row, (municipality_name, priorities)): (CommitmentRow, Links)) -> LinkedCommitment {
    LinkedCommitment {
        row,
        municipality_name,
        priorities: priorities
            .into_iter()
            .map(
                |(commitment_id, priority_id, title)| CommitmentPriorityRow {
                    commitment_id,
                    priority_id,
                    title,
                },
            )
            .collect(),
    }
}

/// Soonest due first; those without a due date last. Each with its links, in the same statement.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    f: &CommitmentFilter,
    page: PageRequest,
) -> Result<Page<LinkedCommitment>, DbError> {
    let filtered = || {
        let mut q = commitments::table.into_boxed();
        if let Some(s) = &f.status {
            q = q.filter(commitments::status.eq(s.clone()));
        }
        if let Some(m) = f.municipality_id {
            q = q.filter(commitments::municipality_id.eq(m));
        }
        if let Some(b) = f.made_by_id {
            q = q.filter(commitments::made_by_id.eq(b));
        }
        if let Some(o) = f.responsible_officer_id {
            q = q.filter(commitments::responsible_officer_id.eq(o));
        }
        if let Some(p) = f.priority_id {
            q = q.filter(
                commitments::id.eq_any(
                    commitment_priorities::table
                        .filter(commitment_priorities::priority_id.eq(p))
                        .select(commitment_priorities::commitment_id),
                ),
            );
        }
        match f.overdue {
            Some(true) => {
                q = q
                    .filter(commitments::status.eq_any(PENDING))
                    .filter(commitments::due_on.lt(f.today));
            }
            Some(false) => {
                q = q.filter(
                    commitments::status
                        .ne_all(PENDING)
                        .or(commitments::due_on.is_null())
                        .or(commitments::due_on.ge(f.today)),
                );
            }
            None => {}
        }
        if let Some(d) = f.due_before {
            q = q.filter(commitments::due_on.lt(d));
        }
        if let Some(t) = &f.text {
            let like = format!("%{}%", escape_like(t));
            q = q.filter(
                commitments::reference
                    .ilike(like.clone())
                    .or(commitments::title.ilike(like)),
            );
        }
        q
    };
    let items_counted = filtered()
        .select((CommitmentRow::as_select(), links_columns(), total_rows()))
        .order((
            commitments::due_on.asc().nulls_last(),
            commitments::reference.asc(),
        ))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    Ok(page_of_related(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?
    .map(linked))
}

/// The commitment with its links.
#[tracing::instrument(skip(conn))]
pub fn find_linked(
    conn: &mut TenantConn<'_>,
    id: Uuid,
) -> Result<Option<LinkedCommitment>, DbError> {
    Ok(commitments::table
        .find(id)
        .select((CommitmentRow::as_select(), links_columns()))
        .first(&mut **conn)
        .optional()?
        .map(linked))
}

/// Commitments still to be kept that have a due date (what reminders and digests look at),
/// soonest due first.
#[tracing::instrument(skip(conn))]
pub fn pending_with_due_date(conn: &mut TenantConn<'_>) -> Result<Vec<CommitmentRow>, DbError> {
    Ok(commitments::table
        .filter(commitments::status.eq_any(PENDING))
        .filter(commitments::due_on.is_not_null())
        .select(CommitmentRow::as_select())
        .order((commitments::due_on.asc(), commitments::reference.asc()))
        .load(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<CommitmentRow>, DbError> {
    Ok(commitments::table
        .find(id)
        .select(CommitmentRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

/// The commitment, locked until the transaction ends.
#[tracing::instrument(skip(conn))]
pub fn find_for_update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
) -> Result<Option<CommitmentRow>, DbError> {
    Ok(commitments::table
        .find(id)
        .select(CommitmentRow::as_select())
        .for_update()
        .first(&mut **conn)
        .optional()?)
}

/// Every commitment, locked until the transaction ends (an import compares against them).
#[tracing::instrument(skip(conn))]
pub fn lock_all(conn: &mut TenantConn<'_>) -> Result<Vec<CommitmentRow>, DbError> {
    Ok(commitments::table
        .select(CommitmentRow::as_select())
        .for_update()
        .load(&mut **conn)?)
}

/// The stored columns of a commitment, for both insert and update.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = commitments, treat_none_as_null = true)]
struct CommitmentValues<'a> {
    reference: &'a str,
    title: &'a str,
    description: &'a str,
    municipality_id: Uuid,
    made_on: NaiveDate,
    meeting: &'a str,
    made_by_id: Uuid,
    requested_by: &'a str,
    requested_by_party: &'a str,
    responsible_officer_id: Option<Uuid>,
    due_on: Option<NaiveDate>,
    status: &'a str,
    closed_on: Option<NaiveDate>,
    closing_letter_reference: Option<&'a str>,
    closing_letter_title: Option<&'a str>,
    lapse_reason: Option<&'a str>,
}

impl<'a> From<&'a CommitmentFields> for CommitmentValues<'a> {
    fn from(f: &'a CommitmentFields) -> Self {
        CommitmentValues {
            reference: &f.reference,
            title: &f.title,
            description: &f.description,
            municipality_id: f.municipality_id,
            made_on: f.made_on,
            meeting: &f.meeting,
            made_by_id: f.made_by_id,
            requested_by: &f.requested_by,
            requested_by_party: &f.requested_by_party,
            responsible_officer_id: f.responsible_officer_id,
            due_on: f.due_on,
            status: &f.status,
            closed_on: f.closed_on,
            closing_letter_reference: f.closing_letter_reference.as_deref(),
            closing_letter_title: f.closing_letter_title.as_deref(),
            lapse_reason: f.lapse_reason.as_deref(),
        }
    }
}

#[tracing::instrument(skip(conn, f))]
pub fn insert(conn: &mut TenantConn<'_>, f: &CommitmentFields) -> Result<CommitmentRow, DbError> {
    let row = diesel::insert_into(commitments::table)
        .values((
            commitments::id.eq(Uuid::new_v4()),
            CommitmentValues::from(f),
        ))
        .returning(CommitmentRow::as_returning())
        .get_result(&mut **conn)?;
    priority_links::set(conn, PriorityLinks::Commitment, row.id, &f.priority_ids)?;
    Ok(row)
}

#[tracing::instrument(skip(conn, f))]
pub fn update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    f: &CommitmentFields,
) -> Result<Option<CommitmentRow>, DbError> {
    let Some(row) = diesel::update(commitments::table.find(id))
        .set((
            CommitmentValues::from(f),
            commitments::updated_at.eq(diesel::dsl::now),
        ))
        .returning(CommitmentRow::as_returning())
        .get_result(&mut **conn)
        .optional()?
    else {
        return Ok(None);
    };
    priority_links::set(conn, PriorityLinks::Commitment, id, &f.priority_ids)?;
    Ok(Some(row))
}

#[tracing::instrument(skip(conn))]
pub fn delete(conn: &mut TenantConn<'_>, id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::delete(commitments::table.find(id)).execute(&mut **conn)? > 0)
}

/// The commitments' priorities, by title.
#[tracing::instrument(skip(conn))]
pub fn priorities_of(
    conn: &mut TenantConn<'_>,
    ids: &[Uuid],
) -> Result<Vec<CommitmentPriorityRow>, DbError> {
    Ok(commitment_priorities::table
        .inner_join(priorities::table)
        .filter(commitment_priorities::commitment_id.eq_any(ids))
        .select((
            commitment_priorities::commitment_id,
            commitment_priorities::priority_id,
            priorities::title,
        ))
        .order((priorities::title.asc(), priorities::id.asc()))
        .load(&mut **conn)?)
}

/// How many commitments touch this priority.
#[tracing::instrument(skip(conn))]
pub fn count_for_priority(conn: &mut TenantConn<'_>, priority: Uuid) -> Result<i64, DbError> {
    Ok(commitment_priorities::table
        .filter(commitment_priorities::priority_id.eq(priority))
        .count()
        .get_result(&mut **conn)?)
}
