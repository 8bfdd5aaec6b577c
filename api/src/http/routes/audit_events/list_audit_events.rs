use actix_web::{HttpResponse, web};

use crate::domain::audit::AuditFilter;
use crate::domain::audit::parse_entity_type;
use crate::domain::page::PageRequest;
use crate::domain::time::plausible_time;
use crate::http::dto::audit::{AuditEventDto, AuditEventListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::audit;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/audit-events",
    tag = "Audit",
    summary = "Who changed what and when, newest first (tenant admins and coordinators; read-only)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        AuditEventListQuery
    ),
    responses(
        (status = 200, description = "A page of changes", body = PageDto<AuditEventDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_audit_events", skip_all)]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<AuditEventListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = AuditFilter {
        entity_type: q
            .entity_type
            .as_deref()
            .map(parse_entity_type)
            .transpose()?,
        entity_id: q.entity_id,
        actor_id: q.actor_id,
        from: q.from.map(|t| plausible_time("from", t)).transpose()?,
        until: q.until.map(|t| plausible_time("until", t)).transpose()?,
    };
    let result = t
        .db(&state, move |conn, ctx| {
            audit::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, AuditEventDto::from)))
}
