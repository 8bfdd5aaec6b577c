use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ExpertGroupPath;
use crate::http::state::AppState;
use crate::services::expert_groups;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/expert-groups/{groupId}",
    tag = "Expert groups",
    summary = "Delete an expert group that has no reviews",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group")
    ),
    responses(
        (status = 409, description = "The group has reviews (`expert_group_has_reviews`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 204, description = "Deleted")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_expert_group", skip_all)]
pub async fn delete_expert_group(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ExpertGroupPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.group_id;
    t.db(&state, move |conn, ctx| {
        expert_groups::delete(conn, ctx, id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
