//! JSON shapes: users of a cooperation and their roles.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::authz::Grant;
use crate::domain::InvalidField;
use crate::domain::role::Role;
use crate::services::users::TenantUser;

/// A role in a cooperation.
// Schema only: `domain::role::Role::parse` checks the text.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum RoleValue {
    TenantAdmin,
    Coordinator,
    Expert,
    Bestuurder,
    Viewer,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleDto {
    #[schema(value_type = RoleValue)]
    pub role: String,
    /// Limits the role to one municipality of this cooperation; absent for the whole
    /// cooperation, and always absent for `tenant_admin`.
    pub municipality_id: Option<Uuid>,
}

impl RoleDto {
    pub fn parse(&self) -> Result<Grant, InvalidField> {
        Ok(Grant {
            role: Role::parse(&self.role).map_err(|e| InvalidField::new("roles", e.message))?,
            municipality_id: self.municipality_id,
        })
    }
}

impl From<&Grant> for RoleDto {
    fn from(g: &Grant) -> Self {
        RoleDto {
            role: g.role.as_str().to_owned(),
            municipality_id: g.municipality_id,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantUserDto {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub is_active: bool,
    pub roles: Vec<RoleDto>,
    /// Only when the platform generated a first password; shown once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_password: Option<String>,
}

impl From<TenantUser> for TenantUserDto {
    fn from(u: TenantUser) -> Self {
        TenantUserDto {
            id: u.user.id,
            email: u.user.email,
            display_name: u.user.display_name,
            is_active: u.user.is_active,
            roles: u.grants.iter().map(RoleDto::from).collect(),
            initial_password: None,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateUserRequest {
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
    /// Absent: the platform generates one and returns it once as `initialPassword`.
    #[schema(min_length = 12, max_length = 256)]
    pub password: Option<String>,
    #[schema(schema_with = roles_schema)]
    pub roles: Vec<RoleDto>,
}

/// `roles`: utoipa has no `unique_items` attribute, so the array is written out.
/// (`RoleDto` is registered in the document's components by `openapi.rs`.)
fn roles_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, Ref};
    ArrayBuilder::new()
        .items(Ref::from_schema_name("RoleDto"))
        .min_items(Some(1))
        .unique_items(true)
        .description(Some(
            "At least one; each role (with its municipality) at most once.",
        ))
        .build()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateUserRequest {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub display_name: String,
    #[schema(schema_with = roles_schema)]
    pub roles: Vec<RoleDto>,
}

pub fn parse_roles(roles: &[RoleDto]) -> Result<Vec<Grant>, InvalidField> {
    roles.iter().map(RoleDto::parse).collect()
}
