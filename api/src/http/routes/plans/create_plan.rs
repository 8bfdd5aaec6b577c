use actix_web::{HttpResponse, web};

use crate::http::dto::plans::{PlanDto, PlanRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::plans;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/plans",
    tag = "Plans",
    summary = "Add a policy plan (tenant admins, coordinators of the whole cooperation)",
    request_body = PlanRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 201, description = "Added", body = PlanDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_plan", skip_all)]
pub async fn create_plan(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<PlanRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let tenant = t.slug().to_owned();
    let plan = t
        .db(&state, move |conn, ctx| plans::create(conn, ctx, &fields))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/tenants/{tenant}/plans/{}", plan.id),
        ))
        .json(PlanDto::from(plan)))
}
