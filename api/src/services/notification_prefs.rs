//! A user's notification settings: the digest (weekly, monthly or off) and reminders (on or
//! off), changed by the user, or by the one-click unsubscribe link in every email.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::sessions::new_opaque_token;
use crate::domain::InvalidField;
use crate::domain::text::one_of;
use crate::repo::notification_settings::{self, SettingsRow};

/// A user's settings as they see them (the unsubscribe secret stays inside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationSettingsView {
    /// `weekly`, `monthly` or `off`.
    pub digest: String,
    pub reminders: bool,
    pub updated_at: DateTime<Utc>,
}

impl From<SettingsRow> for NotificationSettingsView {
    fn from(r: SettingsRow) -> Self {
        NotificationSettingsView {
            digest: r.digest,
            reminders: r.reminders,
            updated_at: r.updated_at,
        }
    }
}

pub const DIGESTS: [&str; 3] = ["weekly", "monthly", "off"];

pub fn parse_digest(s: &str) -> Result<String, InvalidField> {
    one_of("digest", s, &DIGESTS)
}

/// What a one-click unsubscribe turns off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsubscribe {
    Digest,
    Reminders,
    Everything,
}

impl Unsubscribe {
    /// The word of the link's `from`: `digest`, `reminders` or `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unsubscribe::Digest => "digest",
            Unsubscribe::Reminders => "reminders",
            Unsubscribe::Everything => "all",
        }
    }

    pub fn parse(s: Option<&str>) -> Result<Self, InvalidField> {
        Ok(match s {
            None | Some("all") => Unsubscribe::Everything,
            Some("digest") => Unsubscribe::Digest,
            Some("reminders") => Unsubscribe::Reminders,
            Some(other) => {
                return Err(InvalidField::new(
                    "from",
                    format!("'{other}' is onbekend; kies uit digest, reminders, all"),
                ));
            }
        })
    }
}

#[tracing::instrument(skip(conn))]
pub fn get(conn: &mut PgConnection, user: Uuid) -> Result<NotificationSettingsView, ServiceError> {
    Ok(notification_settings::get_or_create(conn, user, &new_opaque_token()?)?.into())
}

#[tracing::instrument(skip(conn))]
pub fn set(
    conn: &mut PgConnection,
    user: Uuid,
    digest: &str,
    reminders: bool,
) -> Result<NotificationSettingsView, ServiceError> {
    Ok(notification_settings::update(conn, user, digest, reminders, &new_opaque_token()?)?.into())
}

/// Turns off what the link says, for the user whose token it is.
#[tracing::instrument(skip(conn, token))]
pub fn unsubscribe(
    conn: &mut PgConnection,
    token: &str,
    what: Unsubscribe,
) -> Result<NotificationSettingsView, ServiceError> {
    let row = notification_settings::find_by_token(conn, token)?
        .ok_or(ServiceError::not_found("afmeldlink"))?;
    let (digest, reminders) = match what {
        Unsubscribe::Digest => ("off", row.reminders),
        Unsubscribe::Reminders => (row.digest.as_str(), false),
        Unsubscribe::Everything => ("off", false),
    };
    let digest = digest.to_owned();
    set(conn, row.user_id, &digest, reminders)
}
