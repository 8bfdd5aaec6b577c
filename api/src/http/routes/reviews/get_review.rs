use actix_web::{HttpResponse, web};

use crate::http::dto::expert_groups::ReviewDto;
use crate::http::etag::etag;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ReviewPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}",
    tag = "Reviews",
    summary = "A review with its assessment per priority",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ("reviewId" = Uuid, Path, description = "Id of the review")
    ),
    responses(
        (status = 200, description = "The review", body = ReviewDto, headers(("ETag" = String, description = "The version; send it back in If-Match when you change it")))
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_review", skip_all)]
pub async fn get_review(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ReviewPath>,
) -> Result<HttpResponse, ApiError> {
    let (group, id) = (path.group_id, path.review_id);
    let (review, names) = t
        .db(&state, move |conn, ctx| reviews::get(conn, ctx, group, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(review.review.updated_at))
        .json(ReviewDto::new(review, &names)))
}
