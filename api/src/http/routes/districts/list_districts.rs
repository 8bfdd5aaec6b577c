use actix_web::{HttpResponse, web};

use crate::http::dto::DistrictDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::MunicipalityPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `GET /api/v1/tenants/{tenant}/municipalities/{municipalityId}/districts`.
#[tracing::instrument(name = "list_districts", skip_all)]
pub async fn list_districts(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MunicipalityPath>,
) -> Result<HttpResponse, ApiError> {
    let ctx = t.ctx;
    let id = path.municipality_id;
    let rows = state
        .db(move |conn| municipalities::list_districts(conn, &ctx, id))
        .await?;
    let items: Vec<DistrictDto> = rows.into_iter().map(DistrictDto::from).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": items })))
}
