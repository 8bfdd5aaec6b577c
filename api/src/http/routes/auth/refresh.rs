use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::dto::auth::{RefreshRequest, TokenResponse};
use crate::http::json_body::OptionalJson;
use crate::http::problem::{ApiError, Problem};
use crate::http::session_cookie::{self, Presented, SessionCookie};
use crate::http::state::AppState;
use crate::services::sessions;

/// `POST /api/v1/auth/refresh`: rotates the refresh token; a reused one revokes its family.
#[utoipa::path(
    post,
    path = "/auth/refresh",
    tag = "Auth",
    summary = "Exchange a refresh token for new tokens (rotation)",
    description = "API clients send `{refreshToken}` and get the next one in the body. A browser \
        sends no body, the header `X-Client: web` and the HttpOnly cookie `refresh_token` that \
        sign-in set: the answer sets the next token in that cookie (HttpOnly, SameSite=Strict, \
        Path=/api/v1/auth) and has only the access token in its body. The cookie without the \
        header is refused (403), so that a cross-site form cannot use it. Every refresh token \
        works once: presenting a used one again revokes the whole session (and, from a browser, \
        clears the cookie).",
    params(
        ("X-Client" = Option<String>, Header, nullable = false, description = "`web` for the web UI in a browser: required to use the `refresh_token` cookie", example = "web")
    ),
    request_body(content = Option<RefreshRequest>, description = "The refresh token; leave the body out to use the cookie (with `X-Client: web`)"),
    responses(
        (status = 200, description = "New tokens (never cached); the presented refresh token is used up", body = TokenResponse,
            headers(
                ("Set-Cookie" = String, description = "Only when the cookie was used: the next `refresh_token=…; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=…` (and `Secure` over https)"),
                ("Cache-Control" = String, description = "`no-store`")
            )
        ),
        (status = 401, description = "No refresh token (`refresh_token_missing`), or one that is unknown, expired, revoked or used before (`invalid_refresh_token`; a used one revokes its session). When the cookie was used, the answer clears it with `Set-Cookie: refresh_token=; …; Max-Age=0`", body = Problem, content_type = "application/problem+json",
            headers(
                ("Set-Cookie" = String, description = "When the cookie was used: clears it")
            )
        ),
        (status = 403, description = "The cookie without the header `X-Client: web` (`client_header_required`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[tracing::instrument(name = "refresh", skip_all)]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: OptionalJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let presented = session_cookie::presented_token(&req, body.0)?;
    let token = presented.token().to_owned();
    let issuer = state.issuer.clone();
    let ttl = state.settings.token.refresh_ttl_days;
    let rotated = state
        .db(move |conn| sessions::refresh(conn, &issuer, ttl, &token))
        .await;
    match presented {
        Presented::Body(_) => Ok(session_cookie::token_response(rotated?, None)),
        Presented::Cookie(_) => {
            let cookie = SessionCookie::new(&state.settings);
            match rotated {
                Ok(tokens) => Ok(session_cookie::token_response(tokens, Some(&cookie))),
                // A refused token stays refused: the browser may as well forget it.
                Err(e) if e.problem.status == 401 => {
                    Ok(cookie.clear_on(HttpResponse::from_error(e)))
                }
                Err(e) => Err(e),
            }
        }
    }
}
