use actix_web::{HttpResponse, web};

use crate::http::dto::expert_groups::ReviewDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ReviewPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}/adopt",
    tag = "Reviews",
    summary = "Adopt a submitted review (vastgesteld; coordinators and bestuurders)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ("reviewId" = Uuid, Path, description = "Id of the review")
    ),
    responses(
        (status = 409, description = "Not submitted: a concept or an adopted review cannot be adopted (`review_locked`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 200, description = "Adopted", body = ReviewDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "adopt_review", skip_all)]
pub async fn adopt_review(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ReviewPath>,
) -> Result<HttpResponse, ApiError> {
    let (group, id) = (path.group_id, path.review_id);
    let (review, names) = t
        .db(&state, move |conn, ctx| {
            reviews::adopt(conn, ctx, group, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ReviewDto::new(review, &names)))
}
