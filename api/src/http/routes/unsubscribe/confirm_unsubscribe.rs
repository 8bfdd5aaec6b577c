use actix_web::{HttpResponse, web};

use crate::http::dto::{NotificationSettingsDto, UnsubscribeQuery};
use crate::http::problem::ApiError;
use crate::http::routes::UnsubscribePath;
use crate::http::state::AppState;
use crate::services::notification_prefs::{self, Unsubscribe};

#[utoipa::path(
    post,
    path = "/unsubscribe/{token}",
    tag = "Me",
    summary = "One-click unsubscribe (RFC 8058), as every email's List-Unsubscribe header names it",
    description = "Needs no sign-in: the token in the link is the secret. Mail clients post \
        `List-Unsubscribe=One-Click`; any body is accepted.",
    params(
        ("token" = String, Path, description = "The secret of the link"),
        UnsubscribeQuery
    ),
    responses(
        (status = 200, description = "Unsubscribed; the settings now", body = NotificationSettingsDto)
    )
)]
#[tracing::instrument(name = "confirm_unsubscribe", skip_all)]
pub async fn confirm_unsubscribe(
    state: web::Data<AppState>,
    path: web::Path<UnsubscribePath>,
    query: web::Query<UnsubscribeQuery>,
) -> Result<HttpResponse, ApiError> {
    let what = Unsubscribe::parse(query.from.as_deref())?;
    let token = path.into_inner().token;
    let row = state
        .db(move |conn| notification_prefs::unsubscribe(conn, &token, what))
        .await?;
    Ok(HttpResponse::Ok().json(NotificationSettingsDto::from(row)))
}
