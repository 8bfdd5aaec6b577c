//! What the worker tells people: reminders of reviews and commitments, and bestuurders' digests.
//! Planning decides, renders and stores each email in the outbox under a key that makes it once,
//! in one transaction per tenant (one job of the worker per tenant; see `crate::round`).

mod digest;
pub mod digest_schedule;
mod reminders;
mod render;
pub mod stages;

pub use render::{Footer, Rendered};

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use uuid::Uuid;

use crate::error::WorkerError;
use crate::notifications::stages::ReminderDays;
use api::domain::time::date_in_netherlands;
use api::repo::outbox::{self, NewEmail};
use api::repo::tenants::TenantRow;

/// Plans one tenant: every email it decides on is stored in the same transaction.
#[tracing::instrument(skip(conn, tenant), fields(tenant = %tenant.slug))]
pub fn plan_tenant(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    base_url: &str,
    days: &ReminderDays,
    now: DateTime<Utc>,
) -> Result<usize, WorkerError> {
    let today = date_in_netherlands(now);
    conn.transaction(|conn| {
        let mut emails = reminders::due(conn, tenant, base_url, days, today, now)?;
        emails.extend(digest::due(conn, tenant, base_url, now)?);
        let mut stored = 0;
        for e in &emails {
            if outbox::insert_if_new(conn, e)? {
                stored += 1;
            }
        }
        Ok(stored)
    })
}

/// An email's unique Message-ID, in the platform's own domain.
fn message_id(kind: &str, base_url: &str) -> String {
    let host = base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split(['/', ':'])
        .next()
        .filter(|h| !h.is_empty())
        .unwrap_or("localhost");
    format!("{kind}.{}@{host}", Uuid::new_v4().simple())
}

/// Someone an email goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Recipient {
    email: String,
    user_id: Option<Uuid>,
}

#[allow(clippy::too_many_arguments)]
fn email(
    tenant: &TenantRow,
    kind: &str,
    to: &Recipient,
    subject_key: String,
    rendered: Rendered,
    unsubscribe_url: Option<String>,
    base_url: &str,
    now: DateTime<Utc>,
) -> NewEmail {
    NewEmail {
        tenant_id: tenant.id,
        kind: kind.to_owned(),
        recipient: to.email.clone(),
        recipient_user_id: to.user_id,
        subject_key,
        message_id: message_id(kind, base_url),
        subject: rendered.subject,
        body_text: rendered.text,
        body_html: rendered.html,
        unsubscribe_url,
        next_attempt_at: now,
    }
}
