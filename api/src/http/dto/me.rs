//! JSON shapes: the signed-in user and their memberships.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::services::principal::{MeView, MembershipView};

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

impl From<MembershipView> for MembershipDto {
    fn from(m: MembershipView) -> Self {
        MembershipDto {
            tenant: m.tenant_slug,
            tenant_name: m.tenant_name,
            tenant_status: m.tenant_status,
            role: m.role,
            municipality_id: m.municipality_id,
        }
    }
}

impl From<MeView> for MeResponse {
    fn from(me: MeView) -> Self {
        MeResponse {
            id: me.id,
            email: me.email,
            display_name: me.display_name,
            is_platform_admin: me.is_platform_admin,
            memberships: me
                .memberships
                .into_iter()
                .map(MembershipDto::from)
                .collect(),
        }
    }
}
