//! `platform.outbox`: every email the platform decided to send, stored with its delivery job in
//! the one queue (`repo::jobs`), and when it was sent.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::{jobs, outbox};
use crate::domain::job::Job;
use crate::domain::page::{Page, PageRequest};
use crate::repo::jobs as job_queue;

/// An email as stored: what was decided and rendered, and when it was sent. How sending goes is
/// its delivery job's (`repo::jobs`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: i64,
    pub tenant_id: Uuid,
    pub kind: String,
    pub recipient: String,
    pub recipient_user_id: Option<Uuid>,
    pub subject_key: String,
    pub message_id: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub unsubscribe_url: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub delivery_job_id: Uuid,
}

/// An email with how its delivery stands, for the tenant's list.
#[derive(Debug, Clone, Queryable)]
pub struct SentEmailRow {
    pub email: OutboxRow,
    /// The delivery job's status: `queued`, `running`, `done` or `dead`.
    pub job_status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub run_at: DateTime<Utc>,
}

/// An email as decided and rendered, before it is stored.
#[derive(Debug, Clone)]
pub struct NewEmail {
    pub tenant_id: Uuid,
    pub kind: String,
    pub recipient: String,
    pub recipient_user_id: Option<Uuid>,
    pub subject_key: String,
    pub message_id: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub unsubscribe_url: Option<String>,
    /// When it may go out.
    pub next_attempt_at: DateTime<Utc>,
}

/// Stores the email and queues its delivery, unless one with its key exists; `true` when stored
/// now. Both or neither: in one transaction (a savepoint inside the planner's).
#[tracing::instrument(skip(conn, email), fields(kind = %email.kind, key = %email.subject_key))]
pub fn insert_if_new(conn: &mut PgConnection, email: &NewEmail) -> Result<bool, DbError> {
    conn.transaction(|conn| {
        let job_id = Uuid::new_v4();
        let id: Option<i64> = diesel::insert_into(outbox::table)
            .values((
                outbox::tenant_id.eq(email.tenant_id),
                outbox::kind.eq(&email.kind),
                outbox::recipient.eq(&email.recipient),
                outbox::recipient_user_id.eq(email.recipient_user_id),
                outbox::subject_key.eq(&email.subject_key),
                outbox::message_id.eq(&email.message_id),
                outbox::subject.eq(&email.subject),
                outbox::body_text.eq(&email.body_text),
                outbox::body_html.eq(&email.body_html),
                outbox::unsubscribe_url.eq(&email.unsubscribe_url),
                outbox::delivery_job_id.eq(job_id),
            ))
            .on_conflict((
                outbox::tenant_id,
                outbox::kind,
                outbox::recipient,
                outbox::subject_key,
            ))
            .do_nothing()
            .returning(outbox::id)
            .get_result(conn)
            .optional()?;
        let Some(id) = id else {
            return Ok(false);
        };
        let queued = job_queue::enqueue_job_as(
            conn,
            job_id,
            &Job::DeliverEmail { email_id: id },
            Some(email.tenant_id),
            &format!("email:{id}"),
            email.next_attempt_at,
        )?;
        if !queued {
            // A job under this email's key already: the email would point at no job of its own.
            return Err(DbError::Query(diesel::result::Error::RollbackTransaction));
        }
        Ok(true)
    })
}

/// The stored email `id`.
#[tracing::instrument(skip(conn))]
pub fn find(conn: &mut PgConnection, id: i64) -> Result<Option<OutboxRow>, DbError> {
    Ok(outbox::table
        .find(id)
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()?)
}

/// Delivered: the email is marked sent and its delivery job done, together. Only the worker
/// holding the job's claim marks them: `false` when another worker took the job over.
#[tracing::instrument(skip(conn))]
pub fn mark_sent(
    conn: &mut PgConnection,
    id: i64,
    job_id: Uuid,
    worker: &str,
    at: DateTime<Utc>,
) -> Result<bool, DbError> {
    conn.transaction(|conn| {
        if !job_queue::mark_done(conn, job_id, worker)? {
            return Ok(false);
        }
        diesel::update(outbox::table.find(id))
            .set(outbox::sent_at.eq(at))
            .execute(conn)?;
        Ok(true)
    })
}

/// A tenant's emails with their delivery, newest first; `job_status` filters on the delivery
/// job's status.
#[tracing::instrument(skip(conn))]
pub fn list_for_tenant(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    job_status: Option<&str>,
    page: PageRequest,
) -> Result<Page<SentEmailRow>, DbError> {
    let filtered = || {
        let mut q = outbox::table
            .inner_join(jobs::table)
            .filter(outbox::tenant_id.eq(tenant_id))
            .into_boxed();
        if let Some(s) = job_status {
            q = q.filter(jobs::status.eq(s.to_owned()));
        }
        q
    };
    // Emails only accumulate: counted apart rather than by a window over every one of them.
    let total = filtered().count().get_result(conn)?;
    let items = filtered()
        .select((
            OutboxRow::as_select(),
            jobs::status,
            jobs::attempts,
            jobs::last_error,
            jobs::run_at,
        ))
        .order(outbox::id.desc())
        .limit(page.page_size)
        .offset(page.offset())
        .load(conn)?;
    Ok(Page::new(items, total, page))
}

/// Whether an email with this key is stored already.
#[tracing::instrument(skip(conn))]
pub fn exists(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    kind: &str,
    recipient: &str,
    subject_key: &str,
) -> Result<bool, DbError> {
    Ok(outbox::table
        .filter(outbox::tenant_id.eq(tenant_id))
        .filter(outbox::kind.eq(kind))
        .filter(outbox::recipient.eq(recipient))
        .filter(outbox::subject_key.eq(subject_key))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

/// When the latest email of this kind to this recipient was stored, if ever.
#[tracing::instrument(skip(conn))]
pub fn last_stored(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    kind: &str,
    recipient: &str,
) -> Result<Option<DateTime<Utc>>, DbError> {
    Ok(outbox::table
        .filter(outbox::tenant_id.eq(tenant_id))
        .filter(outbox::kind.eq(kind))
        .filter(outbox::recipient.eq(recipient))
        .select(diesel::dsl::max(outbox::created_at))
        .first(conn)?)
}
