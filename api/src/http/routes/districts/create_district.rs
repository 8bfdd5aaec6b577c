use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::domain::municipality::DistrictFields;
use crate::http::dto::municipalities::{DistrictDto, DistrictRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::MunicipalityPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `POST /api/v1/tenants/{tenant}/municipalities/{municipalityId}/districts`.
#[utoipa::path(
    post,
    path = "/tenants/{tenant}/municipalities/{municipalityId}/districts",
    tag = "Districts",
    summary = "Add a district to a municipality",
    request_body = DistrictRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("municipalityId" = Uuid, Path, description = "Id of the municipality")
    ),
    responses(
        (status = 201, description = "Added", body = DistrictDto),
        (status = 409, description = "Name already used in this municipality", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_district", skip_all)]
pub async fn create_district(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MunicipalityPath>,
    body: Json<DistrictRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = DistrictFields::parse(&body.name, body.cbs_code.as_deref())?;
    let tenant = t.slug().to_owned();
    let mid = path.municipality_id;
    let d = t
        .db(&state, move |conn, ctx| {
            municipalities::create_district(conn, ctx, mid, &fields)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!(
                "/api/v1/tenants/{tenant}/municipalities/{mid}/districts/{}",
                d.id
            ),
        ))
        .json(DistrictDto::from(d)))
}
