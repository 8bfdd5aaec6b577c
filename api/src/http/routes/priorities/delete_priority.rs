use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::{ApiError, Problem};
use crate::http::routes::PriorityPath;
use crate::http::state::AppState;
use crate::services::priorities;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/priorities/{priorityId}",
    tag = "Priorities",
    summary = "Delete a priority without sub-priorities",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("priorityId" = Uuid, Path, description = "Id of the priority")
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "The priority still has sub-priorities, action points or indicators", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_priority", skip_all)]
pub async fn delete_priority(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<PriorityPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.priority_id;
    t.db(&state, move |conn, ctx| priorities::delete(conn, ctx, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
