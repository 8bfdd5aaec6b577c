use actix_web::{HttpResponse, web};

use crate::http::dto::plans::{PlanDto, PlanRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::PlanPath;
use crate::http::state::AppState;
use crate::services::plans;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/plans/{planId}",
    tag = "Plans",
    summary = "Replace a policy plan's fields",
    request_body = PlanRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("planId" = Uuid, Path, description = "Id of the plan")
    ),
    responses(
        (status = 200, description = "Updated", body = PlanDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_plan", skip_all)]
pub async fn update_plan(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<PlanPath>,
    body: Json<PlanRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let id = path.plan_id;
    let plan = t
        .db(&state, move |conn, ctx| {
            plans::update(conn, ctx, id, &fields)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PlanDto::from(plan)))
}
