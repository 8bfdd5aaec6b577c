use crate::http::problem::Problem;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::domain::email::EmailAddress;
use crate::http::dto::auth::{LoginRequest, TokenResponse};
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::session_cookie::{self, SessionCookie};
use crate::http::state::AppState;
use crate::services::{ServiceError, sessions};

/// `POST /api/v1/auth/login`: email and password for an access token and a refresh token.
#[utoipa::path(
    post,
    path = "/auth/login",
    tag = "Auth",
    summary = "Sign in with email and password",
    description = "Answers an access token and a refresh token in the body. A browser sends \
        `X-Client: web`: its refresh token is then not in the body but in the cookie \
        `refresh_token` (HttpOnly, SameSite=Strict, Path=/api/v1/auth, Max-Age the lifetime of a \
        refresh token, Secure when the platform is served over https), which `POST /auth/refresh` \
        and `POST /auth/logout` read.",
    params(
        ("X-Client" = Option<String>, Header, nullable = false, description = "`web` for the web UI in a browser: the refresh token goes into an HttpOnly cookie instead of the body", example = "web")
    ),
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in (never cached)", body = TokenResponse,
            headers(
                ("Set-Cookie" = String, description = "Only with `X-Client: web`: `refresh_token=…; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=…` (and `Secure` over https)"),
                ("Cache-Control" = String, description = "`no-store`")
            )
        ),
        (status = 401, description = "Wrong email or password (`invalid_credentials`; the same answer for both)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed sign-ins for the account or the address (`too_many_login_attempts`); see Retry-After", body = Problem, content_type = "application/problem+json",
            headers(
                ("Retry-After" = i64, description = "Seconds until the account or address may try again")
            )
        )
    )
)]
#[tracing::instrument(name = "login", skip_all)]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let address = req
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    let LoginRequest { email, password } = body.into_inner();
    // An address no account can have (a NUL byte, say) is a wrong sign-in like any other, and
    // needs no database to say so.
    let email = EmailAddress::parse(&email).map_err(|_| sessions::invalid_credentials())?;
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
    let cookie = session_cookie::is_web_client(&req).then(|| SessionCookie::new(&state.settings));
    Ok(session_cookie::token_response(tokens, cookie.as_ref()))
}
