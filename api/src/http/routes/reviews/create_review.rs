use actix_web::{HttpResponse, web};

use crate::http::dto::expert_groups::{NewReviewRequest, ReviewDto};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::ExpertGroupPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews",
    tag = "Reviews",
    summary = "Start the group's review of a period, as a concept (members of the group and coordinators)",
    request_body = NewReviewRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group")
    ),
    responses(
        (status = 409, description = "The group has a review of this period already (`review_exists`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 201, description = "Started", body = ReviewDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_review", skip_all)]
pub async fn create_review(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ExpertGroupPath>,
    body: Json<NewReviewRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = body.parse()?;
    let period = body.into_inner().period;
    let tenant = t.slug().to_owned();
    let group = path.group_id;
    let (review, names) = t
        .db(&state, move |conn, ctx| {
            reviews::create(conn, ctx, group, &period, &input)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!(
                "/api/v1/tenants/{tenant}/expert-groups/{group}/reviews/{}",
                review.review.id
            ),
        ))
        .json(ReviewDto::new(review, &names)))
}
