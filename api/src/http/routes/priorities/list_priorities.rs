use actix_web::{HttpResponse, web};

use crate::domain::page::PageRequest;
use crate::domain::priority::PriorityFilter;
use crate::domain::priority::parse_scope_name;
use crate::http::dto::page::PageDto;
use crate::http::dto::priorities::{PriorityDto, PriorityListQuery};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::priorities;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/priorities",
    tag = "Priorities",
    summary = "Priorities, filtered by plan, scope, municipality or parent",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        PriorityListQuery
    ),
    responses(
        (status = 200, description = "A page of plans", body = PageDto<PriorityDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_priorities", skip_all)]
pub async fn list_priorities(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<PriorityListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = PriorityFilter {
        plan_id: q.plan_id,
        scope: q.scope.as_deref().map(parse_scope_name).transpose()?,
        municipality_id: q.municipality_id,
        parent_id: q.parent_id,
    };
    let result = t
        .db(&state, move |conn, ctx| {
            priorities::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, PriorityDto::from)))
}
