use actix_web::{HttpResponse, web};

use crate::domain::page::PageRequest;
use crate::domain::text::one_of;
use crate::http::dto::notifications::{NotificationDto, NotificationListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::repo::outbox::{DEAD, PENDING, SENDING, SENT};
use crate::services::sent_emails;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/notifications",
    tag = "Notifications",
    summary = "The cooperation's emails, newest first, sent and failed (tenant admins)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        NotificationListQuery
    ),
    responses(
        (status = 200, description = "A page of emails", body = PageDto<NotificationDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_notifications", skip_all)]
pub async fn list_notifications(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<NotificationListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let status = q
        .status
        .as_deref()
        .map(|s| one_of("status", s, &[PENDING, SENDING, SENT, DEAD]))
        .transpose()?;
    let ctx = t.ctx;
    let result = state
        .db(move |conn| sent_emails::list_sent(conn, &ctx, status.as_deref(), page))
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, NotificationDto::from)))
}
