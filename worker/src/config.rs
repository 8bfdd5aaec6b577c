//! The worker's own settings, read from the environment beside `api::config::Settings`.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `SMTP_URL` | `smtp://127.0.0.1:1025` | mail server (see `crate::mail` for TLS and credentials) |
//! | `MAIL_FROM` | `Veiligheidsplatform <noreply@localhost>` | sender of the worker's email |
//! | `REVIEW_REMINDER_DAYS` | `14,3` | days before a review is due that the group is reminded |
//! | `COMMITMENT_REMINDER_DAYS` | `14` | days before a commitment is due that its officer is reminded |
//! | `SPARE_SCHEMAS` | `2` | cooperations' schemas kept made ahead of time (0 to 50), so that provisioning one only hands it out; 0: none made |

use api::config::{ConfigError, parse_var, var_or};

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

/// `SPARE_SCHEMAS`: how many schemas the worker keeps ready for new cooperations. Making one
/// (its tables, indexes and triggers) takes 100 to 200 ms, more as the catalog grows; handing a
/// ready one out is what keeps provisioning quick. With 0 the worker makes none (spares made
/// before are still handed out; then provisioning creates its own).
pub fn spare_schemas_from_env() -> Result<u32, ConfigError> {
    match parse_var("SPARE_SCHEMAS", 2)? {
        n @ 0..=50 => Ok(n),
        _ => Err(ConfigError::Invalid {
            name: "SPARE_SCHEMAS",
            reason: "must be 0 to 50".to_owned(),
        }),
    }
}
