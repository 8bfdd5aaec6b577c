//! JSON shapes: action points of a priority.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::InvalidField;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActionDto {
    pub id: Uuid,
    pub priority_id: Uuid,
    pub title: String,
    pub description: String,
    pub owner_id: Option<Uuid>,
    /// The owner's display name.
    pub owner_name: Option<String>,
    pub due_on: Option<chrono::NaiveDate>,
    /// gepland, lopend, gereed or vervallen
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<crate::services::actions::ActionView> for ActionDto {
    fn from(v: crate::services::actions::ActionView) -> Self {
        let a = v.action;
        ActionDto {
            owner_name: v.owner_name,
            id: a.id,
            priority_id: a.priority_id,
            title: a.title,
            description: a.description,
            owner_id: a.owner_id,
            due_on: a.due_on,
            status: a.status,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

/// Status of an action point.
// Schema only: the request keeps the text, which `parse` checks.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum ActionStatusValue {
    Gepland,
    Lopend,
    Gereed,
    Vervallen,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionRequest {
    /// A priority of this cooperation.
    pub priority_id: Uuid,
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub title: String,
    /// Line breaks and tabs are allowed; other control characters are not.
    #[schema(
        max_length = 20000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    )]
    pub description: Option<String>,
    /// A user of this cooperation.
    pub owner_id: Option<Uuid>,
    pub due_on: Option<chrono::NaiveDate>,
    /// gepland (default), lopend, gereed or vervallen
    #[schema(value_type = Option<ActionStatusValue>)]
    pub status: Option<String>,
}

impl ActionRequest {
    pub fn parse(&self) -> Result<crate::domain::action::ActionFields, InvalidField> {
        crate::domain::action::ActionFields::parse(
            self.priority_id,
            &self.title,
            self.description.as_deref(),
            self.owner_id,
            self.due_on,
            self.status.as_deref(),
        )
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ActionListQuery {
    /// Only actions of this priority.
    pub priority_id: Option<Uuid>,
    /// Only actions of this plan's priorities.
    pub plan_id: Option<Uuid>,
    /// Only actions with this status.
    #[param(value_type = Option<ActionStatusValue>, inline)]
    pub status: Option<String>,
    /// Only actions of this owner.
    pub owner_id: Option<Uuid>,
    /// Only actions due before this date.
    pub due_before: Option<chrono::NaiveDate>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}
