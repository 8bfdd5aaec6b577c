use actix_web::{HttpResponse, web};

use crate::http::dto::plans::PlanDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::PlanPath;
use crate::http::state::AppState;
use crate::services::plans;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/plans/{planId}",
    tag = "Plans",
    summary = "A policy plan",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("planId" = Uuid, Path, description = "Id of the plan")
    ),
    responses(
        (status = 200, description = "The plan", body = PlanDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_plan", skip_all)]
pub async fn get_plan(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<PlanPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.plan_id;
    let plan = t
        .db(&state, move |conn, ctx| plans::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok().json(PlanDto::from(plan)))
}
