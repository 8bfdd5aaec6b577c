use actix_web::{HttpResponse, web};

use crate::http::dto::municipalities::MunicipalityDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::MunicipalityPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `GET /api/v1/tenants/{tenant}/municipalities/{municipalityId}`: with its districts.
#[utoipa::path(
    get,
    path = "/tenants/{tenant}/municipalities/{municipalityId}",
    tag = "Municipalities",
    summary = "A municipality with its districts",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("municipalityId" = Uuid, Path, description = "Id of the municipality")
    ),
    responses(
        (status = 200, description = "The municipality", body = MunicipalityDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_municipality", skip_all)]
pub async fn get_municipality(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MunicipalityPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.municipality_id;
    let m = t
        .db(&state, move |conn, ctx| municipalities::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok().json(MunicipalityDto::from(m)))
}
