use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::dto::expert_groups::{ReviewDto, ReviewRequest};
use crate::http::etag::{etag, if_match};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::ReviewPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}",
    tag = "Reviews",
    summary = "Replace the content of a concept review (members of the group and coordinators); a submitted review is read-only",
    request_body = ReviewRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ("reviewId" = Uuid, Path, description = "Id of the review"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` you read; when someone changed it since, the answer is 412")
    ),
    responses(
        (status = 409, description = "Not a concept (any more): submitted or adopted reviews are read-only (`review_locked`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since it was read (`If-Match`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 200, description = "Saved", body = ReviewDto, headers(("ETag" = String, description = "The version; send it back in If-Match when you change it")))
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_review", skip_all)]
pub async fn update_review(
    state: web::Data<AppState>,
    t: TenantRequest,
    req: HttpRequest,
    path: web::Path<ReviewPath>,
    body: Json<ReviewRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = body.parse()?;
    let expected = if_match(&req)?;
    let (group, id) = (path.group_id, path.review_id);
    let (review, names) = t
        .db(&state, move |conn, ctx| {
            reviews::update(conn, ctx, group, id, &input, expected)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(review.review.updated_at))
        .json(ReviewDto::new(review, &names)))
}
