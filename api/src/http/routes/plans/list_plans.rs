use actix_web::{HttpResponse, web};

use crate::domain::page::PageRequest;
use crate::domain::plan::{PlanFilter, parse_kind, parse_status};
use crate::http::dto::page::PageDto;
use crate::http::dto::plans::{PlanDto, PlanListQuery};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::plans;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/plans",
    tag = "Plans",
    summary = "Policy plans, newest period first",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        PlanListQuery
    ),
    responses(
        (status = 200, description = "A page of plans", body = PageDto<PlanDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_plans", skip_all)]
pub async fn list_plans(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<PlanListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = PlanFilter {
        kind: q.kind.as_deref().map(parse_kind).transpose()?,
        status: q.status.as_deref().map(parse_status).transpose()?,
        year: q.year,
    };
    let result = t
        .db(&state, move |conn, ctx| {
            plans::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, PlanDto::from)))
}
