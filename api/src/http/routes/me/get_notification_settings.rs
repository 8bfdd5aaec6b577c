use actix_web::{HttpResponse, web};

use crate::http::dto::notifications::NotificationSettingsDto;
use crate::http::extractors::Authenticated;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::notification_prefs;

#[utoipa::path(
    get,
    path = "/me/notification-settings",
    tag = "Me",
    summary = "How the signed-in user hears from the platform: digest and reminders",
    responses(
        (status = 200, description = "The settings", body = NotificationSettingsDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_notification_settings", skip_all)]
pub async fn get_notification_settings(
    state: web::Data<AppState>,
    Authenticated(principal): Authenticated,
) -> Result<HttpResponse, ApiError> {
    let user = principal.user.id;
    let row = state
        .db(move |conn| notification_prefs::get(conn, user))
        .await?;
    Ok(HttpResponse::Ok().json(NotificationSettingsDto::from(row)))
}
