use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::domain::municipality::MunicipalityFields;
use crate::http::dto::municipalities::{MunicipalityDto, MunicipalityRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `POST /api/v1/tenants/{tenant}/municipalities` (tenant admins, coordinators of the whole cooperation).
#[utoipa::path(
    post,
    path = "/tenants/{tenant}/municipalities",
    tag = "Municipalities",
    summary = "Add a municipality",
    request_body = MunicipalityRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 201, description = "Added", body = MunicipalityDto),
        (status = 409, description = "Name or CBS code already used", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_municipality", skip_all)]
pub async fn create_municipality(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<MunicipalityRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = MunicipalityFields::parse(&body.name, body.cbs_code.as_deref())?;
    let tenant = t.slug().to_owned();
    let m = t
        .db(&state, move |conn, ctx| {
            municipalities::create(conn, ctx, &fields)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/tenants/{tenant}/municipalities/{}", m.id),
        ))
        .json(MunicipalityDto::from(m)))
}
