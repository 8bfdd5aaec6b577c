use actix_web::{HttpResponse, web};

use crate::http::dto::RefreshRequest;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::sessions;

/// `POST /api/v1/auth/logout`: revokes the session of the refresh token.
#[utoipa::path(
    post,
    path = "/auth/logout",
    tag = "Auth",
    summary = "Sign out: revoke the session of a refresh token",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Session revoked")
    )
)]
#[tracing::instrument(name = "logout", skip_all)]
pub async fn logout(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = body.into_inner().refresh_token;
    state.db(move |conn| sessions::logout(conn, &token)).await?;
    Ok(HttpResponse::NoContent().finish())
}
