//! `expert_groups`, their priorities and members, of a tenant schema.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use diesel::sql_types::{Array, Nullable, Record, Text, Timestamptz, Uuid as SqlUuid};
use uuid::Uuid;

use super::fixed_sql::{FixedSql, fixed_sql};
use super::paging::{page_of_related, total_rows};
use super::reviews::DoneRow;

use crate::db::schema::tenant::{
    expert_group_members, expert_group_priorities, expert_groups, priorities,
};
use crate::db::{DbError, TenantConn};
use crate::domain::expert_group::{ExpertGroupFields, Member};
use crate::domain::page::{Page, PageRequest};
use crate::domain::review_cadence::CadenceRule;
use crate::repo::priority_links::{self, PriorityLinks};

pub use crate::domain::expert_group::ExpertGroupFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = expert_groups)]
pub struct ExpertGroupRow {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub chair_id: Option<Uuid>,
    pub cadence: String,
    pub due_offset_days: i32,
    pub reviews_from: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = expert_group_members)]
pub struct MemberRow {
    pub id: Uuid,
    pub group_id: Uuid,
    pub user_id: Option<Uuid>,
    pub name: Option<String>,
    pub organisation: String,
    pub email: Option<String>,
}

impl MemberRow {
    fn identity(&self) -> String {
        match (self.user_id, &self.email) {
            (Some(u), _) => u.to_string(),
            (None, Some(e)) => e.to_lowercase(),
            (None, None) => self.id.to_string(),
        }
    }
}

/// A priority of a group, with its title.
#[derive(Debug, Clone, Queryable)]
pub struct GroupPriorityRow {
    pub group_id: Uuid,
    pub priority_id: Uuid,
    pub title: String,
}

/// A group with its priorities (by title), its members (by name) and the periods of its
/// submitted and adopted reviews.
#[derive(Debug, Clone)]
pub struct LinkedGroup {
    pub row: ExpertGroupRow,
    pub priorities: Vec<GroupPriorityRow>,
    pub members: Vec<MemberRow>,
    pub done: Vec<DoneRow>,
}

/// The three as arrays of rows (see `repo`), correlated with the `expert_groups` row of the
/// statement they stand in.
const LINKS_SQL: &str = "\
    ARRAY(SELECT ROW(gp.group_id, gp.priority_id, p.title) \
          FROM expert_group_priorities gp JOIN priorities p ON p.id = gp.priority_id \
          WHERE gp.group_id = expert_groups.id ORDER BY p.title, p.id), \
    ARRAY(SELECT ROW(m.id, m.group_id, m.user_id, m.name, m.organisation, m.email) \
          FROM expert_group_members m WHERE m.group_id = expert_groups.id ORDER BY m.name, m.id), \
    ARRAY(SELECT ROW(r.group_id, r.period, r.submitted_at) \
          FROM reviews r WHERE r.group_id = expert_groups.id AND r.status <> 'concept')";

type LinksSql = (
    Array<Record<(SqlUuid, SqlUuid, Text)>>,
    Array<
        Record<(
            SqlUuid,
            SqlUuid,
            Nullable<SqlUuid>,
            Nullable<Text>,
            Text,
            Nullable<Text>,
        )>,
    >,
    Array<Record<(SqlUuid, Text, Nullable<Timestamptz>)>>,
);
type Links = (
    Vec<(Uuid, Uuid, String)>,
    Vec<(
        Uuid,
        Uuid,
        Option<Uuid>,
        Option<String>,
        String,
        Option<String>,
    )>,
    Vec<(Uuid, String, Option<DateTime<Utc>>)>,
);

fn links_columns() -> FixedSql<LinksSql> {
    fixed_sql(LINKS_SQL)
}

fn linked((row, (priorities, members, done)): (ExpertGroupRow, Links)) -> LinkedGroup {
    LinkedGroup {
        row,
        priorities: priorities
            .into_iter()
            .map(|(group_id, priority_id, title)| GroupPriorityRow {
                group_id,
                priority_id,
                title,
            })
            .collect(),
        members: members
            .into_iter()
            .map(
                |(id, group_id, user_id, name, organisation, email)| MemberRow {
                    id,
                    group_id,
                    user_id,
                    name,
                    organisation,
                    email,
                },
            )
            .collect(),
        done: done
            .into_iter()
            .map(|(group_id, period, submitted_at)| DoneRow {
                group_id,
                period,
                submitted_at,
            })
            .collect(),
    }
}

/// Each group with its links, in the same statement.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    f: &ExpertGroupFilter,
    page: PageRequest,
) -> Result<Page<LinkedGroup>, DbError> {
    let filtered = || {
        let mut q = expert_groups::table.into_boxed();
        if let Some(p) = f.priority_id {
            q = q.filter(
                expert_groups::id.eq_any(
                    expert_group_priorities::table
                        .filter(expert_group_priorities::priority_id.eq(p))
                        .select(expert_group_priorities::group_id),
                ),
            );
        }
        if let Some(u) = f.user_id {
            q = q.filter(
                expert_groups::chair_id.eq(u).or(expert_groups::id.eq_any(
                    expert_group_members::table
                        .filter(expert_group_members::user_id.eq(u))
                        .select(expert_group_members::group_id),
                )),
            );
        }
        q
    };
    let items_counted = filtered()
        .select((ExpertGroupRow::as_select(), links_columns(), total_rows()))
        .order((expert_groups::name.asc(), expert_groups::id.asc()))
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    Ok(page_of_related(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?
    .map(linked))
}

/// The group with its links.
#[tracing::instrument(skip(conn))]
pub fn find_linked(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<LinkedGroup>, DbError> {
    Ok(expert_groups::table
        .find(id)
        .select((ExpertGroupRow::as_select(), links_columns()))
        .first(&mut **conn)
        .optional()?
        .map(linked))
}

#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut TenantConn<'_>, id: Uuid) -> Result<Option<ExpertGroupRow>, DbError> {
    Ok(expert_groups::table
        .find(id)
        .select(ExpertGroupRow::as_select())
        .first(&mut **conn)
        .optional()?)
}

/// The group, locked until the transaction ends: its cadence cannot change under a review that
/// is being written, nor a review appear while its cadence changes.
#[tracing::instrument(skip(conn))]
pub fn find_for_update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
) -> Result<Option<ExpertGroupRow>, DbError> {
    Ok(expert_groups::table
        .find(id)
        .select(ExpertGroupRow::as_select())
        .for_update()
        .first(&mut **conn)
        .optional()?)
}

/// The stored columns of a group, for both insert and update.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = expert_groups, treat_none_as_null = true)]
struct GroupValues<'a> {
    name: &'a str,
    description: &'a str,
    chair_id: Option<Uuid>,
    cadence: &'static str,
    due_offset_days: i32,
    reviews_from: String,
}

impl<'a> GroupValues<'a> {
    fn new(f: &'a ExpertGroupFields, rule: &CadenceRule) -> Self {
        GroupValues {
            name: &f.name,
            description: &f.description,
            chair_id: f.chair_id,
            cadence: rule.cadence.as_str(),
            due_offset_days: rule.due_offset_days,
            reviews_from: rule.reviews_from.to_string(),
        }
    }
}

#[tracing::instrument(skip(conn, f))]
pub fn insert(
    conn: &mut TenantConn<'_>,
    f: &ExpertGroupFields,
    rule: &CadenceRule,
) -> Result<ExpertGroupRow, DbError> {
    let row = diesel::insert_into(expert_groups::table)
        .values((
            expert_groups::id.eq(Uuid::new_v4()),
            GroupValues::new(f, rule),
        ))
        .returning(ExpertGroupRow::as_returning())
        .get_result(&mut **conn)?;
    priority_links::set(conn, PriorityLinks::ExpertGroup, row.id, &f.priority_ids)?;
    set_members(conn, row.id, &f.members)?;
    Ok(row)
}

#[tracing::instrument(skip(conn, f))]
pub fn update(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    f: &ExpertGroupFields,
    rule: &CadenceRule,
) -> Result<Option<ExpertGroupRow>, DbError> {
    let Some(row) = diesel::update(expert_groups::table.find(id))
        .set((
            GroupValues::new(f, rule),
            expert_groups::updated_at.eq(diesel::dsl::now),
        ))
        .returning(ExpertGroupRow::as_returning())
        .get_result(&mut **conn)
        .optional()?
    else {
        return Ok(None);
    };
    priority_links::set(conn, PriorityLinks::ExpertGroup, id, &f.priority_ids)?;
    set_members(conn, id, &f.members)?;
    Ok(Some(row))
}

#[tracing::instrument(skip(conn))]
pub fn delete(conn: &mut TenantConn<'_>, id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::delete(expert_groups::table.find(id)).execute(&mut **conn)? > 0)
}

/// Makes the members exactly `members`, matching them by account or email address: a member
/// who stays keeps their id, and is only updated when their details change.
fn set_members(conn: &mut TenantConn<'_>, group: Uuid, members: &[Member]) -> Result<(), DbError> {
    let existing = members_of(conn, &[group])?;
    for old in &existing {
        if !members.iter().any(|m| m.identity() == old.identity()) {
            diesel::delete(expert_group_members::table.find(old.id)).execute(&mut **conn)?;
        }
    }
    for m in members {
        let (user_id, name, organisation, email) = match m {
            Member::User {
                user_id,
                organisation,
            } => (Some(*user_id), None, organisation.as_str(), None),
            Member::External {
                name,
                organisation,
                email,
            } => (
                None,
                Some(name.as_str()),
                organisation.as_str(),
                Some(email.as_str()),
            ),
        };
        match existing.iter().find(|o| o.identity() == m.identity()) {
            Some(old) => {
                if old.name.as_deref() != name
                    || old.organisation != organisation
                    || old.email.as_deref() != email
                {
                    diesel::update(expert_group_members::table.find(old.id))
                        .set((
                            expert_group_members::name.eq(name),
                            expert_group_members::organisation.eq(organisation),
                            expert_group_members::email.eq(email),
                        ))
                        .execute(&mut **conn)?;
                }
            }
            None => {
                diesel::insert_into(expert_group_members::table)
                    .values((
                        expert_group_members::id.eq(Uuid::new_v4()),
                        expert_group_members::group_id.eq(group),
                        expert_group_members::user_id.eq(user_id),
                        expert_group_members::name.eq(name),
                        expert_group_members::organisation.eq(organisation),
                        expert_group_members::email.eq(email),
                    ))
                    .execute(&mut **conn)?;
            }
        }
    }
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn members_of(conn: &mut TenantConn<'_>, groups: &[Uuid]) -> Result<Vec<MemberRow>, DbError> {
    Ok(expert_group_members::table
        .filter(expert_group_members::group_id.eq_any(groups))
        .select(MemberRow::as_select())
        .order((
            expert_group_members::name.asc(),
            expert_group_members::id.asc(),
        ))
        .load(&mut **conn)?)
}

/// The groups' priorities, by title.
#[tracing::instrument(skip(conn))]
pub fn priorities_of(
    conn: &mut TenantConn<'_>,
    groups: &[Uuid],
) -> Result<Vec<GroupPriorityRow>, DbError> {
    Ok(expert_group_priorities::table
        .inner_join(priorities::table)
        .filter(expert_group_priorities::group_id.eq_any(groups))
        .select((
            expert_group_priorities::group_id,
            expert_group_priorities::priority_id,
            priorities::title,
        ))
        .order((priorities::title.asc(), priorities::id.asc()))
        .load(&mut **conn)?)
}

/// Whether `user` chairs the group or is one of its members.
#[tracing::instrument(skip(conn))]
pub fn has_member(conn: &mut TenantConn<'_>, group: Uuid, user: Uuid) -> Result<bool, DbError> {
    let chair = expert_groups::table
        .find(group)
        .filter(expert_groups::chair_id.eq(user))
        .count()
        .get_result::<i64>(&mut **conn)?;
    let member = expert_group_members::table
        .filter(expert_group_members::group_id.eq(group))
        .filter(expert_group_members::user_id.eq(user))
        .count()
        .get_result::<i64>(&mut **conn)?;
    Ok(chair + member > 0)
}

/// How many expert groups have this priority in their theme.
#[tracing::instrument(skip(conn))]
pub fn count_for_priority(conn: &mut TenantConn<'_>, priority: Uuid) -> Result<i64, DbError> {
    Ok(expert_group_priorities::table
        .filter(expert_group_priorities::priority_id.eq(priority))
        .count()
        .get_result(&mut **conn)?)
}
