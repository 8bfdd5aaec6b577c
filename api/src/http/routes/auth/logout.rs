use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::dto::auth::RefreshRequest;
use crate::http::json_body::OptionalJson;
use crate::http::problem::{ApiError, Problem};
use crate::http::session_cookie::{self, Presented, SessionCookie};
use crate::http::state::AppState;
use crate::services::sessions;

/// `POST /api/v1/auth/logout`: revokes the session of the refresh token.
#[utoipa::path(
    post,
    path = "/auth/logout",
    tag = "Auth",
    summary = "Sign out: revoke the session of a refresh token",
    description = "API clients send `{refreshToken}`. A browser sends no body, the header \
        `X-Client: web` and its HttpOnly cookie `refresh_token`; the answer then always clears \
        the cookie (`Max-Age=0`). An unknown or already revoked token is no error.",
    params(
        ("X-Client" = Option<String>, Header, nullable = false, description = "`web` for the web UI in a browser: required to use the `refresh_token` cookie", example = "web")
    ),
    request_body(content = Option<RefreshRequest>, description = "The refresh token; leave the body out to use the cookie (with `X-Client: web`)"),
    responses(
        (status = 204, description = "Session revoked",
            headers(
                ("Set-Cookie" = String, description = "When the cookie was used: `refresh_token=; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=0` clears it")
            )
        ),
        (status = 401, description = "No refresh token in the body or the cookie (`refresh_token_missing`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The cookie without the header `X-Client: web` (`client_header_required`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[tracing::instrument(name = "logout", skip_all)]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: OptionalJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let presented = session_cookie::presented_token(&req, body.0)?;
    let token = presented.token().to_owned();
    let revoked = state
        .db(move |conn| sessions::logout(conn, &token))
        .await
        .map(|()| HttpResponse::NoContent().finish());
    match presented {
        Presented::Body(_) => revoked,
        // Signing out in a browser always ends with the cookie gone.
        Presented::Cookie(_) => Ok(SessionCookie::new(&state.settings)
            .clear_on(revoked.unwrap_or_else(HttpResponse::from_error))),
    }
}
