use actix_web::{HttpResponse, web};

use crate::http::dto::notifications::{NotificationSettingsDto, NotificationSettingsRequest};
use crate::http::extractors::Authenticated;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::notification_prefs::{self, parse_digest};

#[utoipa::path(
    put,
    path = "/me/notification-settings",
    tag = "Me",
    summary = "Choose the digest (weekly, monthly or off) and whether reminders come",
    request_body = NotificationSettingsRequest,
    responses(
        (status = 200, description = "Saved", body = NotificationSettingsDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_notification_settings", skip_all)]
pub async fn update_notification_settings(
    state: web::Data<AppState>,
    Authenticated(principal): Authenticated,
    body: Json<NotificationSettingsRequest>,
) -> Result<HttpResponse, ApiError> {
    let digest = parse_digest(&body.digest)?;
    let reminders = body.reminders;
    let user = principal.user.id;
    let row = state
        .db(move |conn| notification_prefs::set(conn, user, &digest, reminders))
        .await?;
    Ok(HttpResponse::Ok().json(NotificationSettingsDto::from(row)))
}
