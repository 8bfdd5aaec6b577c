//! `reviews` of expert groups, with their items per priority and course corrections.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::paging::{page_of, total_rows};
use uuid::Uuid;

use crate::db::schema::tenant::{course_corrections, review_items, reviews};
use crate::db::{DbError, TenantConn};
use crate::domain::page::{Page, PageRequest};
use crate::domain::review::ReviewContent;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reviews)]
pub struct ReviewRow {
    pub id: Uuid,
    pub group_id: Uuid,
    pub period: String,
    pub status: String,
    pub summary: String,
    pub created_by: Uuid,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<Uuid>,
    pub sent_back_at: Option<DateTime<Utc>>,
    pub sent_back_by: Option<Uuid>,
    pub sent_back_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = review_items)]
pub struct ReviewItemRow {
    pub id: Uuid,
    pub review_id: Uuid,
    pub priority_id: Uuid,
    pub status: Option<String>,
    pub progress: String,
    pub activities: String,
    pub risks: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = course_corrections)]
pub struct CourseCorrectionRow {
    pub id: Uuid,
    pub review_id: Uuid,
    pub priority_id: Uuid,
    pub position: i32,
    pub description: String,
    pub owner: String,
    pub owner_id: Option<Uuid>,
    pub follow_up_on: NaiveDate,
}

/// Newest period first.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    group: Uuid,
    status: Option<&str>,
    page: PageRequest,
) -> Result<Page<ReviewRow>, DbError> {
    let filtered = || {
        let mut q = reviews::table
            .filter(reviews::group_id.eq(group))
            .into_boxed();
        if let Some(s) = status {
            q = q.filter(reviews::status.eq(s.to_owned()));
        }
        q
    };
    let items_counted = filtered()
        .select((ReviewRow::as_select(), total_rows()))
        .order(reviews::period.desc())
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    let items = page_of(items_counted, page, || {
        Ok(filtered().count().get_result(&mut **conn)?)
    })?;
    Ok(items)
}

/// The review of `group` with `id`, locked for the rest of the transaction when `lock`.
#[tracing::instrument(skip(conn))]
pub fn find(
    conn: &mut TenantConn<'_>,
    group: Uuid,
    id: Uuid,
    lock: bool,
) -> Result<Option<ReviewRow>, DbError> {
    let q = reviews::table
        .filter(reviews::group_id.eq(group))
        .filter(reviews::id.eq(id))
        .select(ReviewRow::as_select());
    Ok(if lock {
        q.for_update().first(&mut **conn).optional()?
    } else {
        q.first(&mut **conn).optional()?
    })
}

#[tracing::instrument(skip(conn))]
pub fn exists_for_period(
    conn: &mut TenantConn<'_>,
    group: Uuid,
    period: &str,
) -> Result<bool, DbError> {
    Ok(reviews::table
        .filter(reviews::group_id.eq(group))
        .filter(reviews::period.eq(period))
        .count()
        .get_result::<i64>(&mut **conn)?
        > 0)
}

#[tracing::instrument(skip(conn, content))]
pub fn insert(
    conn: &mut TenantConn<'_>,
    group: Uuid,
    period: &str,
    content: &ReviewContent,
    created_by: Uuid,
) -> Result<ReviewRow, DbError> {
    let row = diesel::insert_into(reviews::table)
        .values((
            reviews::id.eq(Uuid::new_v4()),
            reviews::group_id.eq(group),
            reviews::period.eq(period),
            reviews::summary.eq(&content.summary),
            reviews::created_by.eq(created_by),
        ))
        .returning(ReviewRow::as_returning())
        .get_result(&mut **conn)?;
    write_items(conn, row.id, content)?;
    Ok(row)
}

#[tracing::instrument(skip(conn, content))]
pub fn replace_content(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    content: &ReviewContent,
) -> Result<ReviewRow, DbError> {
    let row = diesel::update(reviews::table.find(id))
        .set((
            reviews::summary.eq(&content.summary),
            reviews::updated_at.eq(diesel::dsl::now),
        ))
        .returning(ReviewRow::as_returning())
        .get_result(&mut **conn)?;
    write_items(conn, id, content)?;
    Ok(row)
}

/// Items are kept per priority (updated in place, so the audit trail shows what changed);
/// course corrections are written anew in their order.
fn write_items(
    conn: &mut TenantConn<'_>,
    review: Uuid,
    content: &ReviewContent,
) -> Result<(), DbError> {
    let keep: Vec<Uuid> = content.items.iter().map(|i| i.priority_id).collect();
    diesel::delete(
        review_items::table
            .filter(review_items::review_id.eq(review))
            .filter(review_items::priority_id.ne_all(&keep)),
    )
    .execute(&mut **conn)?;
    for item in &content.items {
        diesel::insert_into(review_items::table)
            .values((
                review_items::id.eq(Uuid::new_v4()),
                review_items::review_id.eq(review),
                review_items::priority_id.eq(item.priority_id),
                review_items::status.eq(&item.status),
                review_items::progress.eq(&item.progress),
                review_items::activities.eq(&item.activities),
                review_items::risks.eq(&item.risks),
            ))
            .on_conflict((review_items::review_id, review_items::priority_id))
            .do_update()
            .set((
                review_items::status.eq(&item.status),
                review_items::progress.eq(&item.progress),
                review_items::activities.eq(&item.activities),
                review_items::risks.eq(&item.risks),
            ))
            .execute(&mut **conn)?;
    }
    // Corrections keep their id per priority and position, and are only written when they
    // change, so that an unchanged correction leaves no trace in the audit trail.
    let existing = corrections_of(conn, &[review])?;
    let mut kept: Vec<Uuid> = Vec::new();
    for item in &content.items {
        for (position, c) in (0i32..).zip(&item.course_corrections) {
            let old = existing
                .iter()
                .find(|o| o.priority_id == item.priority_id && o.position == position);
            match old {
                Some(o) => {
                    kept.push(o.id);
                    if o.description != c.description
                        || o.owner != c.owner
                        || o.owner_id != c.owner_id
                        || o.follow_up_on != c.follow_up_on
                    {
                        diesel::update(course_corrections::table.find(o.id))
                            .set((
                                course_corrections::description.eq(&c.description),
                                course_corrections::owner.eq(&c.owner),
                                course_corrections::owner_id.eq(c.owner_id),
                                course_corrections::follow_up_on.eq(c.follow_up_on),
                            ))
                            .execute(&mut **conn)?;
                    }
                }
                None => {
                    let id = Uuid::new_v4();
                    kept.push(id);
                    diesel::insert_into(course_corrections::table)
                        .values((
                            course_corrections::id.eq(id),
                            course_corrections::review_id.eq(review),
                            course_corrections::priority_id.eq(item.priority_id),
                            course_corrections::position.eq(position),
                            course_corrections::description.eq(&c.description),
                            course_corrections::owner.eq(&c.owner),
                            course_corrections::owner_id.eq(c.owner_id),
                            course_corrections::follow_up_on.eq(c.follow_up_on),
                        ))
                        .execute(&mut **conn)?;
                }
            }
        }
    }
    diesel::delete(
        course_corrections::table
            .filter(course_corrections::review_id.eq(review))
            .filter(course_corrections::id.ne_all(&kept)),
    )
    .execute(&mut **conn)?;
    Ok(())
}

#[tracing::instrument(skip(conn))]
pub fn mark_submitted(conn: &mut TenantConn<'_>, id: Uuid, by: Uuid) -> Result<ReviewRow, DbError> {
    Ok(diesel::update(reviews::table.find(id))
        .set((
            reviews::status.eq(crate::domain::review::INGEDIEND),
            reviews::submitted_at.eq(diesel::dsl::now),
            reviews::submitted_by.eq(by),
            reviews::updated_at.eq(diesel::dsl::now),
        ))
        .returning(ReviewRow::as_returning())
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn mark_adopted(conn: &mut TenantConn<'_>, id: Uuid, by: Uuid) -> Result<ReviewRow, DbError> {
    Ok(diesel::update(reviews::table.find(id))
        .set((
            reviews::status.eq(crate::domain::review::VASTGESTELD),
            reviews::decided_at.eq(diesel::dsl::now),
            reviews::decided_by.eq(by),
            reviews::updated_at.eq(diesel::dsl::now),
        ))
        .returning(ReviewRow::as_returning())
        .get_result(&mut **conn)?)
}

/// Back to concept: the submission is undone and the reason kept.
#[tracing::instrument(skip(conn, reason))]
pub fn mark_sent_back(
    conn: &mut TenantConn<'_>,
    id: Uuid,
    by: Uuid,
    reason: &str,
) -> Result<ReviewRow, DbError> {
    Ok(diesel::update(reviews::table.find(id))
        .set((
            reviews::status.eq(crate::domain::review::CONCEPT),
            reviews::submitted_at.eq(None::<DateTime<Utc>>),
            reviews::submitted_by.eq(None::<Uuid>),
            reviews::sent_back_at.eq(diesel::dsl::now),
            reviews::sent_back_by.eq(by),
            reviews::sent_back_reason.eq(reason),
            reviews::updated_at.eq(diesel::dsl::now),
        ))
        .returning(ReviewRow::as_returning())
        .get_result(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn delete(conn: &mut TenantConn<'_>, id: Uuid) -> Result<bool, DbError> {
    Ok(diesel::delete(reviews::table.find(id)).execute(&mut **conn)? > 0)
}

#[tracing::instrument(skip(conn))]
pub fn items_of(conn: &mut TenantConn<'_>, ids: &[Uuid]) -> Result<Vec<ReviewItemRow>, DbError> {
    Ok(review_items::table
        .filter(review_items::review_id.eq_any(ids))
        .select(ReviewItemRow::as_select())
        .load(&mut **conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn corrections_of(
    conn: &mut TenantConn<'_>,
    ids: &[Uuid],
) -> Result<Vec<CourseCorrectionRow>, DbError> {
    Ok(course_corrections::table
        .filter(course_corrections::review_id.eq_any(ids))
        .select(CourseCorrectionRow::as_select())
        .order((course_corrections::review_id, course_corrections::position))
        .load(&mut **conn)?)
}

/// A submitted or adopted review, as the cadence check needs it.
#[derive(Debug, Clone)]
pub struct DoneRow {
    pub group_id: Uuid,
    pub period: String,
    pub submitted_at: Option<DateTime<Utc>>,
}

#[tracing::instrument(skip(conn))]
pub fn count_for_group(conn: &mut TenantConn<'_>, group: Uuid) -> Result<i64, DbError> {
    Ok(reviews::table
        .filter(reviews::group_id.eq(group))
        .count()
        .get_result(&mut **conn)?)
}

/// How many review items speak about this priority.
#[tracing::instrument(skip(conn))]
pub fn count_for_priority(conn: &mut TenantConn<'_>, priority: Uuid) -> Result<i64, DbError> {
    Ok(review_items::table
        .filter(review_items::priority_id.eq(priority))
        .count()
        .get_result(&mut **conn)?)
}

/// The latest judgement of expert groups on a priority: the item of the latest submitted or
/// adopted review that speaks about it.
#[derive(Debug, Clone)]
pub struct LatestJudgementRow {
    pub priority_id: Uuid,
    pub review_id: Uuid,
    pub group_id: Uuid,
    pub group_name: String,
    pub period: String,
    pub review_status: String,
    pub status: Option<String>,
    pub progress: String,
}

/// A priority's [`LatestJudgementRow`] as one row value (see `repo`; null when there is
/// none), correlated with the `priorities` row of the statement it stands in. The latest period
/// first; of one period an adopted review before a submitted one.
pub const LATEST_JUDGEMENT_SQL: &str = "\
    (SELECT ROW(i.priority_id, r.id, g.id, g.name, r.period, r.status, i.status, i.progress) \
     FROM review_items i \
     JOIN reviews r ON r.id = i.review_id \
     JOIN expert_groups g ON g.id = r.group_id \
     WHERE i.priority_id = priorities.id AND r.status <> 'concept' \
     ORDER BY r.period DESC, (r.status = 'vastgesteld') DESC, r.submitted_at DESC \
     LIMIT 1)";

/// The SQL type of [`LATEST_JUDGEMENT_SQL`].
pub type LatestJudgementSql = diesel::sql_types::Nullable<
    diesel::sql_types::Record<(
        diesel::sql_types::Uuid,
        diesel::sql_types::Uuid,
        diesel::sql_types::Uuid,
        diesel::sql_types::Text,
        diesel::sql_types::Text,
        diesel::sql_types::Text,
        diesel::sql_types::Nullable<diesel::sql_types::Text>,
        diesel::sql_types::Text,
    )>,
>;

/// [`LATEST_JUDGEMENT_SQL`] as read.
pub type LatestJudgement = (
    Uuid,
    Uuid,
    Uuid,
    String,
    String,
    String,
    Option<String>,
    String,
);

impl From<LatestJudgement> for LatestJudgementRow {
    fn from(
        (priority_id, review_id, group_id, group_name, period, review_status, status, progress): LatestJudgement,
    ) -> Self {
        LatestJudgementRow {
            priority_id,
            review_id,
            group_id,
            group_name,
            period,
            review_status,
            status,
            progress,
        }
    }
}

/// Reviews submitted or adopted at or after `since`, with their group's name.
#[tracing::instrument(skip(conn))]
pub fn decided_since(
    conn: &mut TenantConn<'_>,
    since: DateTime<Utc>,
) -> Result<Vec<(ReviewRow, String)>, DbError> {
    use crate::db::schema::tenant::expert_groups;
    Ok(reviews::table
        .inner_join(expert_groups::table)
        .filter(
            reviews::submitted_at
                .ge(since)
                .or(reviews::decided_at.ge(since)),
        )
        .filter(reviews::status.ne(crate::domain::review::CONCEPT))
        .select((ReviewRow::as_select(), expert_groups::name))
        .order(reviews::period.desc())
        .load(&mut **conn)?)
}

/// A submitted or adopted review's judgement of a priority, with its group's name.
#[derive(Debug, Clone, QueryableByName)]
pub struct JudgementRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub priority_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub review_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub group_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub period: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub review_status: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    pub decided_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    pub status: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub progress: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub activities: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub risks: String,
}

/// Every submitted or adopted judgement of these priorities, newest period first.
#[tracing::instrument(skip(conn))]
pub fn judgements_of(
    conn: &mut TenantConn<'_>,
    priority_ids: &[Uuid],
) -> Result<Vec<JudgementRow>, DbError> {
    Ok(diesel::sql_query(
        "SELECT i.priority_id, r.id AS review_id, g.name AS group_name, r.period,
                r.status AS review_status, r.decided_at, i.status, i.progress, i.activities, i.risks
         FROM review_items i
         JOIN reviews r ON r.id = i.review_id
         JOIN expert_groups g ON g.id = r.group_id
         WHERE i.priority_id = ANY($1) AND r.status <> 'concept'
         ORDER BY i.priority_id, r.period DESC, r.decided_at DESC NULLS LAST, g.name",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::Uuid>, _>(priority_ids)
    .load(&mut **conn)?)
}
