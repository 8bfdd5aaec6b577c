//! JSON shapes: users of a cooperation and their roles.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::authz::Grant;
use crate::domain::InvalidField;
use crate::domain::role::Role;
use crate::services::users::TenantUser;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleDto {
    pub role: String,
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
    pub email: String,
    pub display_name: String,
    pub password: Option<String>,
    pub roles: Vec<RoleDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateUserRequest {
    pub display_name: String,
    pub roles: Vec<RoleDto>,
}

pub fn parse_roles(roles: &[RoleDto]) -> Result<Vec<Grant>, InvalidField> {
    roles.iter().map(RoleDto::parse).collect()
}
