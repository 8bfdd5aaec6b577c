//! JSON shapes of the audit trail.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::services::audit::AuditEventView;

/// One change of tenant data. `before` and `after` hold the stored fields (names as stored, in
/// snake_case); `before` is absent for a creation, `after` for a deletion.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEventDto {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// Who made the change; absent when the platform itself did (demo data, provisioning).
    pub actor_id: Option<Uuid>,
    /// The actor's name, or "systeem".
    pub actor_name: String,
    /// E.g. `priority`, `measurement`, `member`, `review`, `commitment`.
    pub entity_type: String,
    pub entity_id: Uuid,
    /// `create`, `update` or `delete`.
    pub action: String,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    /// The fields that differ (for a creation or deletion: all of them).
    pub changed_fields: Vec<String>,
}

impl From<AuditEventView> for AuditEventDto {
    fn from(e: AuditEventView) -> Self {
        AuditEventDto {
            id: e.id,
            occurred_at: e.occurred_at,
            actor_id: e.actor_id,
            actor_name: e.actor_name,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
            action: e.action,
            before: e.before,
            after: e.after,
            changed_fields: e.changed_fields,
        }
    }
}

/// A kind of data the audit trail follows.
// Schema only: `domain::audit::parse_entity_type` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum AuditEntityTypeValue {
    Municipality,
    District,
    Plan,
    Priority,
    Action,
    Indicator,
    IndicatorTarget,
    Measurement,
    Member,
    ExpertGroup,
    ExpertGroupMember,
    ExpertGroupPriority,
    Review,
    ReviewItem,
    CourseCorrection,
    Commitment,
    CommitmentPriority,
    SafetyLetter,
    SafetyLetterSchedule,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditEventListQuery {
    /// Only changes of this kind of data, e.g. `priority` or `commitment`.
    #[param(value_type = Option<AuditEntityTypeValue>, inline)]
    pub entity_type: Option<String>,
    /// Only changes of this entity.
    pub entity_id: Option<Uuid>,
    /// Only changes by this user.
    pub actor_id: Option<Uuid>,
    /// Only changes at or after this moment (RFC 3339; its UTC date in the years 1900 to 2200).
    #[param(pattern = r"^(190[1-9]|19[1-9][0-9]|2[01][0-9]{2})-")]
    pub from: Option<DateTime<Utc>>,
    /// Only changes before this moment (RFC 3339; its UTC date in the years 1900 to 2200).
    #[param(pattern = r"^(190[1-9]|19[1-9][0-9]|2[01][0-9]{2})-")]
    pub until: Option<DateTime<Utc>>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}
