use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::http::dto::expert_groups::ReviewDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ReviewPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}/submit",
    tag = "Reviews",
    summary = "Submit a concept review (ingediend): every priority of the group needs a status and a progress narrative",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ("reviewId" = Uuid, Path, description = "Id of the review")
    ),
    responses(
        (status = 409, description = "Not a concept: already submitted or adopted (`review_locked`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 200, description = "Submitted", body = ReviewDto),
        (status = 422, description = "Not complete yet: `invalidParams` names the priorities still without status and progress", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "submit_review", skip_all)]
pub async fn submit_review(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ReviewPath>,
) -> Result<HttpResponse, ApiError> {
    let (group, id) = (path.group_id, path.review_id);
    let (review, names) = t
        .db(&state, move |conn, ctx| {
            reviews::submit(conn, ctx, group, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ReviewDto::new(review, &names)))
}
