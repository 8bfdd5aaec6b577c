use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::dto::{LoginRequest, TokenResponse};
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::sessions;

/// `POST /api/v1/auth/login`: email and password for an access token and a refresh token.
#[tracing::instrument(name = "login", skip_all)]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let address = req
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    let LoginRequest { email, password } = body.into_inner();
    let issuer = state.issuer.clone();
    let ttl = state.settings.token.refresh_ttl_days;
    let tokens = state
        .db(move |conn| sessions::login(conn, &issuer, ttl, &email, &password, &address))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse::from(tokens)))
}
