use actix_web::{HttpResponse, web};

use crate::domain::action::ActionFilter;
use crate::domain::action::parse_status;
use crate::domain::page::PageRequest;
use crate::http::dto::actions::{ActionDto, ActionListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::actions;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/actions",
    tag = "Actions",
    summary = "Action points, soonest due first, filtered by priority, plan, status, owner or due date",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ActionListQuery
    ),
    responses(
        (status = 200, description = "A page of plans", body = PageDto<ActionDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_actions", skip_all)]
pub async fn list_actions(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<ActionListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = ActionFilter {
        priority_id: q.priority_id,
        plan_id: q.plan_id,
        status: q.status.as_deref().map(parse_status).transpose()?,
        owner_id: q.owner_id,
        due_before: q.due_before,
    };
    let result = t
        .db(&state, move |conn, ctx| {
            actions::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, ActionDto::from)))
}
