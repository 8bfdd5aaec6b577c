use actix_web::{HttpResponse, web};

use crate::domain::review::send_back_reason;
use crate::http::dto::expert_groups::{ReviewDto, SendBackRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::ReviewPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}/send-back",
    tag = "Reviews",
    summary = "Send a submitted review back to concept, with the reason (coordinators and bestuurders)",
    request_body = SendBackRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ("reviewId" = Uuid, Path, description = "Id of the review")
    ),
    responses(
        (status = 409, description = "Not submitted: only a submitted review goes back to the group (`review_locked`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 200, description = "Sent back", body = ReviewDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "send_back_review", skip_all)]
pub async fn send_back_review(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ReviewPath>,
    body: Json<SendBackRequest>,
) -> Result<HttpResponse, ApiError> {
    let reason = send_back_reason(&body.reason)?;
    let (group, id) = (path.group_id, path.review_id);
    let (review, names) = t
        .db(&state, move |conn, ctx| {
            reviews::send_back(conn, ctx, group, id, &reason)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ReviewDto::new(review, &names)))
}
