use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::domain::municipality::MunicipalityFields;
use crate::http::dto::municipalities::{MunicipalityDto, MunicipalityRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::MunicipalityPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `PUT /api/v1/tenants/{tenant}/municipalities/{municipalityId}`: replaces name and CBS code.
#[utoipa::path(
    put,
    path = "/tenants/{tenant}/municipalities/{municipalityId}",
    tag = "Municipalities",
    summary = "Replace name and CBS code of a municipality",
    request_body = MunicipalityRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("municipalityId" = Uuid, Path, description = "Id of the municipality")
    ),
    responses(
        (status = 200, description = "Updated", body = MunicipalityDto),
        (status = 409, description = "Name or CBS code already used", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_municipality", skip_all)]
pub async fn update_municipality(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MunicipalityPath>,
    body: Json<MunicipalityRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = MunicipalityFields::parse(&body.name, body.cbs_code.as_deref())?;
    let id = path.municipality_id;
    let m = t
        .db(&state, move |conn, ctx| {
            municipalities::update(conn, ctx, id, &fields)
        })
        .await?;
    Ok(HttpResponse::Ok().json(MunicipalityDto::from(m)))
}
