use actix_web::{HttpResponse, web};

use crate::http::dto::tenants::TenantDto;
use crate::http::extractors::Authenticated;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::{provisioning, tenant_access};

/// `GET /api/v1/tenants/{tenant}`: the tenant, for its members and for platform admins.
#[utoipa::path(
    get,
    path = "/tenants/{tenant}",
    tag = "Tenants",
    summary = "A cooperation (members and platform admins)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 200, description = "The tenant", body = TenantDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_tenant", skip_all)]
pub async fn get_tenant(
    state: web::Data<AppState>,
    Authenticated(p): Authenticated,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = path.into_inner();
    let tenant = state
        .db(move |conn| {
            if p.user.is_platform_admin {
                provisioning::find_tenant(conn, &slug)
            } else {
                tenant_access::resolve_caller(conn, p.user.id, &slug).map(|ctx| ctx.tenant.into())
            }
        })
        .await?;
    Ok(HttpResponse::Ok().json(TenantDto::from(tenant)))
}
