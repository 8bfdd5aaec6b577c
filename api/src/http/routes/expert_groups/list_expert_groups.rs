use actix_web::{HttpResponse, web};

use crate::domain::expert_group::ExpertGroupFilter;
use crate::domain::page::PageRequest;
use crate::http::dto::expert_groups::{ExpertGroupDto, ExpertGroupListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::expert_groups;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/expert-groups",
    tag = "Expert groups",
    summary = "Expert groups by name, each with whether it keeps up with its reviews",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ExpertGroupListQuery
    ),
    responses(
        (status = 200, description = "A page of expert groups", body = PageDto<ExpertGroupDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_expert_groups", skip_all)]
pub async fn list_expert_groups(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<ExpertGroupListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = ExpertGroupFilter {
        priority_id: q.priority_id,
        user_id: q.member_id,
    };
    let (result, names) = t
        .db(&state, move |conn, ctx| {
            expert_groups::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, |g| ExpertGroupDto::new(g, &names))))
}
