use actix_web::{HttpResponse, web};

use super::require_platform_admin;
use crate::http::dto::page::ListDto;
use crate::http::dto::tenants::TenantDto;
use crate::http::extractors::Authenticated;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::provisioning;

/// `GET /api/v1/tenants`: every tenant (platform admins).
#[utoipa::path(
    get,
    path = "/tenants",
    tag = "Tenants",
    summary = "List every cooperation (platform admins)",
    responses(
        (status = 200, description = "All tenants", body = ListDto<TenantDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_tenants", skip_all)]
pub async fn list_tenants(
    state: web::Data<AppState>,
    Authenticated(p): Authenticated,
) -> Result<HttpResponse, ApiError> {
    require_platform_admin(&p)?;
    let tenants = state.db(provisioning::list_tenants).await?;
    Ok(HttpResponse::Ok().json(ListDto {
        items: tenants.into_iter().map(TenantDto::from).collect(),
    }))
}
