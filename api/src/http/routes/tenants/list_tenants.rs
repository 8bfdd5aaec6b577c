use actix_web::{HttpResponse, web};

use super::require_platform_admin;
use crate::http::dto::TenantDto;
use crate::http::extractors::Authenticated;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::provisioning;

/// `GET /api/v1/tenants`: every tenant (platform admins).
#[tracing::instrument(name = "list_tenants", skip_all)]
pub async fn list_tenants(
    state: web::Data<AppState>,
    Authenticated(p): Authenticated,
) -> Result<HttpResponse, ApiError> {
    require_platform_admin(&p)?;
    let tenants = state.db(provisioning::list_tenants).await?;
    let items: Vec<TenantDto> = tenants.into_iter().map(TenantDto::from).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })))
}
