//! `platform.outbox`: every email the platform decided to send, and how sending it went.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::DbError;
use crate::db::schema::platform::outbox;
use crate::domain::page::{Page, PageRequest};

pub const PENDING: &str = "pending";
pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";
pub const DEAD: &str = "dead";

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
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub claimed_by: Option<String>,
    pub claimed_until: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// An email as decided and rendered, before it is stored.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
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
    pub next_attempt_at: DateTime<Utc>,
}

/// Stores the email unless one with its key exists; `true` when stored now.
#[tracing::instrument(skip(conn, email), fields(kind = %email.kind, key = %email.subject_key))]
pub fn insert_if_new(conn: &mut PgConnection, email: &NewEmail) -> Result<bool, DbError> {
    Ok(diesel::insert_into(outbox::table)
        .values(email)
        .on_conflict((
            outbox::tenant_id,
            outbox::kind,
            outbox::recipient,
            outbox::subject_key,
        ))
        .do_nothing()
        .execute(conn)?
        > 0)
}

/// Takes the next email due at `now` for `worker`, for `lease`: a pending one whose time has
/// come, or one whose earlier sender stopped (crashed) without finishing. Commits at once, so
/// that other workers skip it. Claims run on `clock` (the real time, or a later moment a test
/// travels to), not on the moment the round started, so that a long round never hands out
/// claims that have run out already.
#[tracing::instrument(skip(conn))]
pub fn claim_next(
    conn: &mut PgConnection,
    worker: &str,
    now: DateTime<Utc>,
    clock: DateTime<Utc>,
    lease: chrono::Duration,
) -> Result<Option<OutboxRow>, DbError> {
    conn.transaction(|conn| {
        let next: Option<i64> = outbox::table
            .filter(
                outbox::status
                    .eq(PENDING)
                    .and(outbox::next_attempt_at.le(now))
                    .or(outbox::status
                        .eq(SENDING)
                        .and(outbox::claimed_until.lt(clock))),
            )
            .order(outbox::id.asc())
            .select(outbox::id)
            .for_update()
            .skip_locked()
            .first(conn)
            .optional()?;
        let Some(id) = next else {
            return Ok(None);
        };
        Ok(Some(
            diesel::update(outbox::table.find(id))
                .set((
                    outbox::status.eq(SENDING),
                    outbox::claimed_by.eq(worker),
                    outbox::claimed_until.eq(clock + lease),
                    outbox::attempts.eq(outbox::attempts + 1),
                ))
                .returning(OutboxRow::as_returning())
                .get_result(conn)?,
        ))
    })
}

/// Delivered. Only the worker holding the claim marks it.
#[tracing::instrument(skip(conn))]
pub fn mark_sent(
    conn: &mut PgConnection,
    id: i64,
    worker: &str,
    at: DateTime<Utc>,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::status.eq(SENDING))
            .filter(outbox::claimed_by.eq(worker)),
    )
    .set((
        outbox::status.eq(SENT),
        outbox::sent_at.eq(at),
        outbox::claimed_until.eq(None::<DateTime<Utc>>),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)?
        > 0)
}

/// Not delivered: tried again at `retry_at`, or given up (`None`).
#[tracing::instrument(skip(conn, error))]
pub fn mark_failed(
    conn: &mut PgConnection,
    id: i64,
    worker: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<bool, DbError> {
    let (status, next) = match retry_at {
        Some(at) => (PENDING, Some(at)),
        None => (DEAD, None),
    };
    let q = diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::status.eq(SENDING))
            .filter(outbox::claimed_by.eq(worker)),
    );
    let n = match next {
        Some(at) => q
            .set((
                outbox::status.eq(status),
                outbox::last_error.eq(error),
                outbox::next_attempt_at.eq(at),
                outbox::claimed_until.eq(None::<DateTime<Utc>>),
            ))
            .execute(conn)?,
        None => q
            .set((
                outbox::status.eq(status),
                outbox::last_error.eq(error),
                outbox::claimed_until.eq(None::<DateTime<Utc>>),
            ))
            .execute(conn)?,
    };
    Ok(n > 0)
}

/// A tenant's emails, newest first; `status` filters.
#[tracing::instrument(skip(conn))]
pub fn list_for_tenant(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    status: Option<&str>,
    page: PageRequest,
) -> Result<Page<OutboxRow>, DbError> {
    let filtered = || {
        let mut q = outbox::table
            .filter(outbox::tenant_id.eq(tenant_id))
            .into_boxed();
        if let Some(s) = status {
            q = q.filter(outbox::status.eq(s.to_owned()));
        }
        q
    };
    let total = filtered().count().get_result(conn)?;
    let items = filtered()
        .select(OutboxRow::as_select())
        .order(outbox::id.desc())
        .limit(page.page_size)
        .offset(page.offset())
        .load(conn)?;
    Ok(Page::new(items, total, page))
}

/// How many emails are waiting or being sent (the worker's backlog).
#[tracing::instrument(skip(conn))]
pub fn count_unsent(conn: &mut PgConnection) -> Result<i64, DbError> {
    Ok(outbox::table
        .filter(outbox::status.eq_any([PENDING, SENDING]))
        .count()
        .get_result(conn)?)
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
