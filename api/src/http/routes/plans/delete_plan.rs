use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::{ApiError, Problem};
use crate::http::routes::PlanPath;
use crate::http::state::AppState;
use crate::services::plans;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/plans/{planId}",
    tag = "Plans",
    summary = "Delete a plan that is still a concept",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("planId" = Uuid, Path, description = "Id of the plan")
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "The plan is adopted or ended and stays on record", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_plan", skip_all)]
pub async fn delete_plan(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<PlanPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.plan_id;
    t.db(&state, move |conn, ctx| plans::delete(conn, ctx, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
