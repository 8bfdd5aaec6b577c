//! JSON shapes: cooperations (tenants).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::services::provisioning::TenantView;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantDto {
    pub slug: String,
    pub name: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TenantView> for TenantDto {
    fn from(t: TenantView) -> Self {
        TenantDto {
            slug: t.slug,
            name: t.name,
            status: t.status,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTenantRequest {
    /// Lower-case letters, digits and single hyphens inside, e.g. `veluwe-west`.
    #[schema(min_length = 2, max_length = 63, pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub slug: String,
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub name: String,
    pub admin: NewAdminRequest,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAdminRequest {
    #[schema(
        max_length = 254,
        pattern = r"^[^\s\x00-\x1F\x7F-\x9F@]+@[^\s\x00-\x1F\x7F-\x9F@.][^\s\x00-\x1F\x7F-\x9F@]*\.[^\s\x00-\x1F\x7F-\x9F@]*[^\s\x00-\x1F\x7F-\x9F@.]$"
    )]
    pub email: String,
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub display_name: String,
    /// Required when no account with this email exists yet; ignored for an existing one.
    #[schema(min_length = 12, max_length = 256)]
    pub password: Option<String>,
}

/// Status a platform admin can give a cooperation.
// Schema only: `update_tenant` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum TenantStatusValue {
    Active,
    Suspended,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateTenantRequest {
    /// `active` or `suspended`.
    #[schema(value_type = TenantStatusValue)]
    pub status: String,
}
