use crate::http::problem::Problem;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::dto::{LoginRequest, TokenResponse};
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::{ServiceError, sessions};

/// `POST /api/v1/auth/login`: email and password for an access token and a refresh token.
#[utoipa::path(
    post,
    path = "/auth/login",
    tag = "Auth",
    summary = "Sign in with email and password",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 429, description = "Too many failed sign-ins; see Retry-After", body = Problem, content_type = "application/problem+json")
    )
)]
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
    let candidate = state
        .db(move |conn| sessions::begin_login(conn, &email, &address))
        .await?;
    // argon2 is slow on purpose: it runs without holding a database connection.
    let (valid, candidate) =
        web::block(move || (sessions::verify(&candidate, &password), candidate))
            .await
            .map_err(|e| {
                ApiError::from(ServiceError::Internal(format!("blocking task failed: {e}")))
            })?;
    if !valid {
        tracing::warn!("failed sign-in");
        return Err(sessions::invalid_credentials().into());
    }
    let issuer = state.issuer.clone();
    let ttl = state.settings.token.refresh_ttl_days;
    let tokens = state
        .db(move |conn| sessions::finish_login(conn, &issuer, ttl, &candidate))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse::from(tokens)))
}
