pub mod create_tenant;
pub mod get_tenant;
pub mod list_tenants;
pub mod update_tenant;

use crate::authz::may_manage_tenants;
use crate::http::problem::ApiError;
use crate::services::principal::Principal;

/// Tenant management is for platform admins; others see it as not there.
fn require_platform_admin(principal: &Principal) -> Result<(), ApiError> {
    if may_manage_tenants(principal.user.is_platform_admin) {
        Ok(())
    } else {
        Err(ApiError::new(
            actix_web::http::StatusCode::FORBIDDEN,
            "forbidden",
            "Alleen platformbeheerders beheren samenwerkingsverbanden",
        ))
    }
}
