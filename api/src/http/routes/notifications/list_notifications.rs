use actix_web::{HttpResponse, web};

use crate::domain::delivery::DeliveryStatus;
use crate::domain::page::PageRequest;
use crate::http::dto::notifications::{NotificationDto, NotificationListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
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
        .map(|s| DeliveryStatus::parse("status", s))
        .transpose()?;
    let result = t
        .db(&state, move |conn, ctx| {
            sent_emails::list_sent(conn, ctx, status, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, NotificationDto::from)))
}
