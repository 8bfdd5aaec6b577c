//! The emails the worker stored for a tenant, for its admins to see what went out and what failed.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::domain::delivery::DeliveryStatus;
use crate::domain::page::{Page, PageRequest};
use crate::repo::jobs::{DEAD, DONE, QUEUED, RUNNING};
use crate::repo::outbox::{self, SentEmailRow};

/// One email and how sending it went.
#[derive(Debug, Clone)]
pub struct SentEmailView {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub recipient_user_id: Option<Uuid>,
    pub subject: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// The tenant's emails, newest first, for its admins.
#[tracing::instrument(skip(conn, ctx))]
pub fn list_sent(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    status: Option<DeliveryStatus>,
    page: PageRequest,
) -> Result<Page<SentEmailView>, ServiceError> {
    ctx.require(TenantAction::ReadNotifications)?;
    let job_status = status.map(|s| match s {
        DeliveryStatus::Pending => QUEUED,
        DeliveryStatus::Sending => RUNNING,
        DeliveryStatus::Sent => DONE,
        DeliveryStatus::Dead => DEAD,
    });
    Ok(outbox::list_for_tenant(conn, ctx.tenant.id, job_status, page)?.map(view))
}

fn view(r: SentEmailRow) -> SentEmailView {
    // An email is sent when its delivery job is done (both are marked in one transaction).
    let status = match r.job_status.as_str() {
        RUNNING => DeliveryStatus::Sending,
        DONE => DeliveryStatus::Sent,
        DEAD => DeliveryStatus::Dead,
        _ => DeliveryStatus::Pending,
    };
    SentEmailView {
        id: r.email.id,
        kind: r.email.kind,
        recipient: r.email.recipient,
        recipient_user_id: r.email.recipient_user_id,
        subject: r.email.subject,
        status,
        attempts: r.attempts,
        last_error: r.last_error,
        next_attempt_at: r.run_at,
        sent_at: r.email.sent_at,
        created_at: r.email.created_at,
    }
}
