//! The audit trail's words: which kinds of tenant data it follows.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::InvalidField;
use super::text::one_of;

/// Every entity type the audit trail records, as the API names them.
pub const ENTITY_TYPES: &[&str] = &[
    "municipality",
    "district",
    "plan",
    "priority",
    "action",
    "indicator",
    "indicator_target",
    "measurement",
    "member",
    "expert_group",
    "expert_group_member",
    "expert_group_priority",
    "review",
    "review_item",
    "course_correction",
    "commitment",
    "commitment_priority",
    "safety_letter",
    "safety_letter_schedule",
];

pub fn parse_entity_type(s: &str) -> Result<String, InvalidField> {
    one_of("entityType", s, ENTITY_TYPES)
}

/// Filters of the audit trail; each is optional.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}
