//! The worker's own settings, read from the environment beside `api::config::Settings`.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `SMTP_URL` | `smtp://127.0.0.1:1025` | mail server (see `crate::mail` for TLS and credentials) |
//! | `MAIL_FROM` | `Veiligheidsplatform <noreply@localhost>` | sender of the worker's email |
//! | `REVIEW_REMINDER_DAYS` | `14,3` | days before a review is due that the group is reminded |
//! | `COMMITMENT_REMINDER_DAYS` | `14` | days before a commitment is due that its officer is reminded |

use api::config::{ConfigError, var_or};

use crate::notifications::stages::ReminderDays;

/// Outgoing email and when reminders go out.
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub smtp_url: String,
    pub from: String,
    pub reminder_days: ReminderDays,
}

impl MailSettings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Ok(MailSettings {
            smtp_url: var_or("SMTP_URL", "smtp://127.0.0.1:1025"),
            from: var_or("MAIL_FROM", "Veiligheidsplatform <noreply@localhost>"),
            reminder_days: ReminderDays::parse(
                &var_or("REVIEW_REMINDER_DAYS", "14,3"),
                &var_or("COMMITMENT_REMINDER_DAYS", "14"),
            )
            .map_err(|reason| ConfigError::Invalid {
                name: "REVIEW_REMINDER_DAYS / COMMITMENT_REMINDER_DAYS",
                reason,
            })?,
        })
    }
}
