use actix_web::{HttpResponse, web};

use crate::domain::indicator::IndicatorFilter;
use crate::domain::page::PageRequest;
use crate::domain::text::search_filter;
use crate::http::dto::indicators::{IndicatorDto, IndicatorListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::indicators;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/indicators",
    tag = "Indicators",
    summary = "Indicators with their progress per area, by priority and name; filtered by priority, plan or name",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        IndicatorListQuery
    ),
    responses(
        (status = 200, description = "A page of indicators", body = PageDto<IndicatorDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_indicators", skip_all)]
pub async fn list_indicators(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<IndicatorListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = IndicatorFilter {
        priority_id: q.priority_id,
        plan_id: q.plan_id,
        name: search_filter("name", q.name.as_deref())?,
    };
    let result = t
        .db(&state, move |conn, ctx| {
            indicators::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, IndicatorDto::from)))
}
