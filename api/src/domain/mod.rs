//! Domain types: values parsed once at the edge (`parse()`), valid everywhere after.

pub mod action;
pub mod audit;
pub mod commitment;
pub mod commitment_csv;
pub mod csv_table;
pub mod delivery;
pub mod email;
pub mod english;
pub mod expert_group;
pub mod indicator;
pub mod job;
pub mod measurement;
pub mod measurement_csv;
pub mod municipality;
pub mod page;
pub mod password;
pub mod period;
pub mod plan;
pub mod priority;
pub mod priority_status;
pub mod progress;
pub mod review;
pub mod review_cadence;
pub mod role;
pub mod safety_letter;
pub mod slug;
pub mod tenant_names;
pub mod text;
pub mod time;
pub mod version;

/// Why a value was refused: which field, and a message a policy officer can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidField {
    pub field: String,
    pub message: String,
    pub refusal: Refusal,
}

/// What kind of rule a refused value broke: the API answers 400 for the first and 422 for the
/// second, so that a value its description allows never gets a 400.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The value alone breaks a rule that the API description states for the field.
    Value,
    /// The value is fine on its own, but not together with another field, the cooperation's
    /// data or today's date (a rule between fields, a reference to something that does not exist).
    Context,
}

impl InvalidField {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        InvalidField {
            field: field.into(),
            message: message.into(),
            refusal: Refusal::Value,
        }
    }

    /// A value refused for its context: see [`Refusal::Context`].
    pub fn in_context(field: impl Into<String>, message: impl Into<String>) -> Self {
        InvalidField {
            field: field.into(),
            message: message.into(),
            refusal: Refusal::Context,
        }
    }

    /// The same error for a field nested in `prefix` (`items[2]` + `status` → `items[2].status`).
    pub fn within(self, prefix: &str) -> Self {
        InvalidField {
            field: format!("{prefix}.{}", self.field),
            ..self
        }
    }
}
