use actix_web::{HttpResponse, web};

use crate::domain::page::PageRequest;
use crate::domain::review::{CONCEPT, INGEDIEND, VASTGESTELD};
use crate::domain::text::one_of;
use crate::http::dto::expert_groups::{ReviewDto, ReviewListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::routes::ExpertGroupPath;
use crate::http::state::AppState;
use crate::services::reviews;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/expert-groups/{groupId}/reviews",
    tag = "Reviews",
    summary = "The group's reviews, newest period first",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ReviewListQuery
    ),
    responses(
        (status = 200, description = "A page of reviews", body = PageDto<ReviewDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_reviews", skip_all)]
pub async fn list_reviews(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ExpertGroupPath>,
    query: Query<ReviewListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let status = q
        .status
        .as_deref()
        .map(|s| one_of("status", s, &[CONCEPT, INGEDIEND, VASTGESTELD]))
        .transpose()?;
    let group = path.group_id;
    let (result, names) = t
        .db(&state, move |conn, ctx| {
            reviews::list(conn, ctx, group, status.as_deref(), page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, |r| ReviewDto::new(r, &names))))
}
