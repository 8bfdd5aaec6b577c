use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::domain::municipality::DistrictFields;
use crate::http::dto::municipalities::{DistrictDto, DistrictRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::DistrictPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `PUT /api/v1/tenants/{tenant}/municipalities/{municipalityId}/districts/{districtId}`.
#[utoipa::path(
    put,
    path = "/tenants/{tenant}/municipalities/{municipalityId}/districts/{districtId}",
    tag = "Districts",
    summary = "Replace name and CBS code of a district",
    request_body = DistrictRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("municipalityId" = Uuid, Path, description = "Id of the municipality"),
        ("districtId" = Uuid, Path, description = "Id of the district")
    ),
    responses(
        (status = 200, description = "Updated", body = DistrictDto),
        (status = 409, description = "Name already used in this municipality", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_district", skip_all)]
pub async fn update_district(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<DistrictPath>,
    body: Json<DistrictRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = DistrictFields::parse(&body.name, body.cbs_code.as_deref())?;
    let (mid, did) = (path.municipality_id, path.district_id);
    let d = t
        .db(&state, move |conn, ctx| {
            municipalities::update_district(conn, ctx, mid, did, &fields)
        })
        .await?;
    Ok(HttpResponse::Ok().json(DistrictDto::from(d)))
}
