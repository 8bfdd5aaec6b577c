//! JSON shapes of notification settings and the tenant's emails.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::services::notification_prefs::NotificationSettingsView;
use crate::services::sent_emails::SentEmailView;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationSettingsDto {
    /// `weekly` (Monday 07:00), `monthly` (first Monday 07:00) or `off`.
    pub digest: String,
    /// Reminders of reviews and commitments.
    pub reminders: bool,
    pub updated_at: DateTime<Utc>,
}

impl From<NotificationSettingsView> for NotificationSettingsDto {
    fn from(r: NotificationSettingsView) -> Self {
        NotificationSettingsDto {
            digest: r.digest,
            reminders: r.reminders,
            updated_at: r.updated_at,
        }
    }
}

/// How often the digest comes.
// Schema only: `notification_prefs::parse_digest` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum DigestValue {
    Weekly,
    Monthly,
    Off,
}

/// Delivery status of an email.
// Schema only: `DeliveryStatus::parse` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum DeliveryStatusValue {
    Pending,
    Sending,
    Sent,
    Dead,
}

/// What an unsubscribe link stops.
// Schema only: `notification_prefs::Unsubscribe::parse` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum UnsubscribeFromValue {
    Digest,
    Reminders,
    All,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotificationSettingsRequest {
    /// `weekly`, `monthly` or `off`.
    #[schema(value_type = DigestValue)]
    pub digest: String,
    pub reminders: bool,
}

/// An email the platform sent (or is sending) for the tenant.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationDto {
    pub id: i64,
    /// `review_reminder`, `commitment_reminder` or `digest`.
    pub kind: String,
    pub recipient: String,
    pub recipient_user_id: Option<Uuid>,
    pub subject: String,
    /// `pending`, `sending`, `sent` or `dead` (given up; see `lastError`).
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<SentEmailView> for NotificationDto {
    fn from(r: SentEmailView) -> Self {
        NotificationDto {
            id: r.id,
            kind: r.kind,
            recipient: r.recipient,
            recipient_user_id: r.recipient_user_id,
            subject: r.subject,
            status: r.status.as_str().to_owned(),
            attempts: r.attempts,
            last_error: r.last_error,
            next_attempt_at: r.next_attempt_at,
            sent_at: r.sent_at,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NotificationListQuery {
    /// Only emails with this status: `pending`, `sending`, `sent` or `dead`.
    #[param(value_type = Option<DeliveryStatusValue>, inline)]
    pub status: Option<String>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

/// Other parameters (added by link trackers, say) are ignored: the link must keep working.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct UnsubscribeQuery {
    /// What to stop: `digest`, `reminders` or `all` (default).
    #[param(value_type = Option<UnsubscribeFromValue>, inline)]
    pub from: Option<String>,
}
