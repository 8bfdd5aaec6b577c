use actix_web::{HttpResponse, web};

use crate::http::dto::{RefreshRequest, TokenResponse};
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::sessions;

/// `POST /api/v1/auth/refresh`: rotates the refresh token; a reused one revokes its family.
#[utoipa::path(
    post,
    path = "/auth/refresh",
    tag = "Auth",
    summary = "Exchange a refresh token for new tokens (rotation)",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens; the presented refresh token is used up", body = TokenResponse)
    )
)]
#[tracing::instrument(name = "refresh", skip_all)]
pub async fn refresh(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = body.into_inner().refresh_token;
    let issuer = state.issuer.clone();
    let ttl = state.settings.token.refresh_ttl_days;
    let tokens = state
        .db(move |conn| sessions::refresh(conn, &issuer, ttl, &token))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse::from(tokens)))
}
