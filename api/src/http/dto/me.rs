//! JSON shapes: the signed-in user and their memberships.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::repo::memberships::MembershipWithTenant;
use crate::services::principal::Principal;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeResponse {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub is_platform_admin: bool,
    pub memberships: Vec<MembershipDto>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MembershipDto {
    pub tenant: String,
    pub tenant_name: String,
    pub tenant_status: String,
    pub role: String,
    pub municipality_id: Option<Uuid>,
}

impl From<&MembershipWithTenant> for MembershipDto {
    fn from(m: &MembershipWithTenant) -> Self {
        MembershipDto {
            tenant: m.tenant_slug.clone(),
            tenant_name: m.tenant_name.clone(),
            tenant_status: m.tenant_status.clone(),
            role: m.membership.role.clone(),
            municipality_id: m.membership.municipality_id,
        }
    }
}

impl From<&Principal> for MeResponse {
    fn from(p: &Principal) -> Self {
        MeResponse {
            id: p.user.id,
            email: p.user.email.clone(),
            display_name: p.user.display_name.clone(),
            is_platform_admin: p.user.is_platform_admin,
            memberships: p.memberships.iter().map(MembershipDto::from).collect(),
        }
    }
}
