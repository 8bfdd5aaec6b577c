use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ReviewPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}",
    tag = "Reviews",
    summary = "Delete a concept review",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ("reviewId" = Uuid, Path, description = "Id of the review")
    ),
    responses(
        (status = 409, description = "Not a concept: a submitted or adopted review stays (`review_locked`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 204, description = "Deleted")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_review", skip_all)]
pub async fn delete_review(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ReviewPath>,
) -> Result<HttpResponse, ApiError> {
    let (group, id) = (path.group_id, path.review_id);
    t.db(&state, move |conn, ctx| {
        reviews::delete(conn, ctx, group, id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
