use actix_web::{HttpResponse, web};

use super::require_platform_admin;
use crate::domain::InvalidField;
use crate::http::dto::tenants::{TenantDto, UpdateTenantRequest};
use crate::http::extractors::Authenticated;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::provisioning;

/// `PATCH /api/v1/tenants/{tenant}`: suspends (`status: suspended`) or reactivates
/// (`status: active`) a tenant (platform admins).
#[utoipa::path(
    patch,
    path = "/tenants/{tenant}",
    tag = "Tenants",
    summary = "Suspend or reactivate a cooperation (platform admins)",
    request_body = UpdateTenantRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 200, description = "Updated", body = TenantDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_tenant", skip_all)]
pub async fn update_tenant(
    state: web::Data<AppState>,
    Authenticated(p): Authenticated,
    path: web::Path<String>,
    body: Json<UpdateTenantRequest>,
) -> Result<HttpResponse, ApiError> {
    require_platform_admin(&p)?;
    let slug = path.into_inner();
    let status = body.into_inner().status;
    let tenant = match status.as_str() {
        "suspended" => {
            state
                .db(move |conn| provisioning::suspend_tenant(conn, &slug))
                .await?
        }
        "active" => {
            state
                .db(move |conn| provisioning::activate_tenant(conn, &slug))
                .await?
        }
        _ => return Err(InvalidField::new("status", "moet 'active' of 'suspended' zijn").into()),
    };
    Ok(HttpResponse::Ok().json(TenantDto::from(tenant)))
}
