use actix_web::{HttpResponse, web};

use crate::http::dto::municipalities::DistrictDto;
use crate::http::dto::page::ListDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::MunicipalityPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `GET /api/v1/tenants/{tenant}/municipalities/{municipalityId}/districts`.
#[utoipa::path(
    get,
    path = "/tenants/{tenant}/municipalities/{municipalityId}/districts",
    tag = "Districts",
    summary = "Districts (wijken) of a municipality",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("municipalityId" = Uuid, Path, description = "Id of the municipality")
    ),
    responses(
        (status = 200, description = "The districts", body = ListDto<DistrictDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_districts", skip_all)]
pub async fn list_districts(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MunicipalityPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.municipality_id;
    let rows = t
        .db(&state, move |conn, ctx| {
            municipalities::list_districts(conn, ctx, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ListDto {
        items: rows.into_iter().map(DistrictDto::from).collect(),
    }))
}
