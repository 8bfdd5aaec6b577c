//! The browser's session: its refresh token lives in an HttpOnly cookie instead of the JSON body.
//!
//! A browser says so with the header `X-Client: web`. A cross-site HTML form cannot set a custom
//! header, so the header also guards the cookie against cross-site request forgery: the cookie is
//! accepted only together with it. API clients without the header keep the JSON token flow.
//!
//! Only HTTP lives here (the header, the cookie, which token a request presents); the sessions
//! themselves are `services::sessions`.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};

use super::dto::auth::{RefreshRequest, TokenResponse};
use super::problem::ApiError;
use crate::config::Settings;
use crate::services::sessions::SessionTokens;

/// The request header a browser sends on every call.
pub const CLIENT_HEADER: &str = "X-Client";
/// Its value for the web UI.
pub const WEB_CLIENT: &str = "web";
/// Name of the cookie that carries the refresh token.
pub const COOKIE_NAME: &str = "refresh_token";
/// The cookie goes only to the sign-in endpoints.
pub const COOKIE_PATH: &str = "/api/v1/auth";

/// Whether the request comes from the web UI (`X-Client: web`).
pub fn is_web_client(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(CLIENT_HEADER)
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.trim().eq_ignore_ascii_case(WEB_CLIENT))
}

/// The refresh token in the request's `refresh_token` cookie, if any.
pub fn cookie_token(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| name.trim() == COOKIE_NAME)
        .map(|(_, value)| value.trim().trim_matches('"').to_owned())
        .filter(|value| !value.is_empty())
}

/// How the refresh token of a refresh or sign-out was presented.
#[derive(Debug)]
pub enum Presented {
    /// In the JSON body (API clients): the answer carries the next token in its body.
    Body(String),
    /// In the cookie, with `X-Client: web`: the answer sets (or clears) the cookie.
    Cookie(String),
}

impl Presented {
    pub fn token(&self) -> &str {
        match self {
            Presented::Body(t) | Presented::Cookie(t) => t,
        }
    }
}

/// The refresh token of a request: the body's when there is one, else the cookie's, which only
/// counts with `X-Client: web` (403 without it); neither is 401.
pub fn presented_token(
    req: &HttpRequest,
    body: Option<RefreshRequest>,
) -> Result<Presented, ApiError> {
    if let Some(body) = body {
        return Ok(Presented::Body(body.refresh_token));
    }
    match cookie_token(req) {
        Some(token) if is_web_client(req) => Ok(Presented::Cookie(token)),
        Some(_) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "client_header_required",
            "De sessiecookie wordt alleen geaccepteerd met de header 'X-Client: web'",
        )),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "refresh_token_missing",
            "Geen sessie gevonden: stuur een vernieuwingstoken of meld u opnieuw aan",
        )),
    }
}

/// The attributes of the cookie, from the settings.
#[derive(Debug, Clone, Copy)]
pub struct SessionCookie {
    /// `Secure` when the platform is served over https.
    pub secure: bool,
    /// Lifetime in seconds: that of a refresh token.
    pub max_age_seconds: i64,
}

impl SessionCookie {
    pub fn new(settings: &Settings) -> Self {
        Self::for_site(&settings.app_base_url, settings.token.refresh_ttl_days)
    }

    /// For a platform at `app_base_url` whose refresh tokens last `refresh_ttl_days`.
    pub fn for_site(app_base_url: &str, refresh_ttl_days: i64) -> Self {
        SessionCookie {
            secure: app_base_url
                .get(..8)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://")),
            max_age_seconds: refresh_ttl_days * 24 * 60 * 60,
        }
    }

    /// `Set-Cookie` value that stores `token`.
    pub fn set(&self, token: &str) -> String {
        self.cookie(token, self.max_age_seconds)
    }

    /// `Set-Cookie` value that removes the cookie.
    pub fn clear(&self) -> String {
        self.cookie("", 0)
    }

    fn cookie(&self, value: &str, max_age: i64) -> String {
        let secure = if self.secure { "; Secure" } else { "" };
        format!(
            "{COOKIE_NAME}={value}; HttpOnly; SameSite=Strict; Path={COOKIE_PATH}; Max-Age={max_age}{secure}"
        )
    }

    /// Adds the header that removes the cookie to `res`.
    pub fn clear_on(&self, mut res: HttpResponse) -> HttpResponse {
        if let Ok(v) = HeaderValue::from_str(&self.clear()) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
        res
    }
}

/// The answer with fresh tokens, never cached: all in the body, or for a browser (`cookie`) the
/// refresh token in the cookie and only the access token in the body.
pub fn token_response(tokens: SessionTokens, cookie: Option<&SessionCookie>) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.insert_header((header::CACHE_CONTROL, "no-store"));
    match cookie {
        Some(cookie) => {
            res.append_header((header::SET_COOKIE, cookie.set(&tokens.refresh_token)));
            res.json(TokenResponse::from(tokens).without_refresh_token())
        }
        None => res.json(TokenResponse::from(tokens)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn cookie(secure: bool) -> SessionCookie {
        SessionCookie {
            secure,
            max_age_seconds: 30 * 86_400,
        }
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_scoped_to_the_auth_endpoints() {
        let set = cookie(false).set("abc");
        assert_eq!(
            set,
            "refresh_token=abc; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=2592000"
        );
        assert!(!set.contains("Secure"));
        assert!(cookie(true).set("abc").ends_with("; Secure"));
        assert_eq!(
            cookie(true).clear(),
            "refresh_token=; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=0; Secure"
        );
    }

    #[test]
    fn secure_follows_the_scheme_of_the_base_url() {
        let c = SessionCookie::for_site("https://veiligheid.example", 2);
        assert!(c.secure);
        assert_eq!(c.max_age_seconds, 2 * 86_400);
        assert!(SessionCookie::for_site("HTTPS://veiligheid.example", 30).secure);
        assert!(!SessionCookie::for_site("http://localhost:8080", 30).secure);
        assert!(!SessionCookie::for_site("http", 30).secure);
    }

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let req = TestRequest::default()
            .insert_header((header::COOKIE, "theme=dark; refresh_token=t0k3n ; lang=nl"))
            .to_http_request();
        assert_eq!(cookie_token(&req).as_deref(), Some("t0k3n"));
        let req = TestRequest::default()
            .insert_header((header::COOKIE, "my_refresh_token=x; refresh_token="))
            .to_http_request();
        assert_eq!(cookie_token(&req), None);
    }

    #[test]
    fn the_cookie_counts_only_with_the_client_header() {
        let with_cookie =
            || TestRequest::default().insert_header((header::COOKIE, "refresh_token=abc"));
        let req = with_cookie()
            .insert_header((CLIENT_HEADER, "web"))
            .to_http_request();
        assert!(matches!(presented_token(&req, None), Ok(Presented::Cookie(t)) if t == "abc"));

        let req = with_cookie().to_http_request();
        let e = presented_token(&req, None).expect_err("no header");
        assert_eq!(
            (e.problem.status, e.problem.code.as_str()),
            (403, "client_header_required")
        );

        let req = with_cookie()
            .insert_header((CLIENT_HEADER, "app"))
            .to_http_request();
        assert!(presented_token(&req, None).is_err());

        // A body wins over the cookie.
        let body = RefreshRequest {
            refresh_token: "from-body".into(),
        };
        assert!(
            matches!(presented_token(&req, Some(body)), Ok(Presented::Body(t)) if t == "from-body")
        );

        let req = TestRequest::default()
            .insert_header((CLIENT_HEADER, "web"))
            .to_http_request();
        let e = presented_token(&req, None).expect_err("nothing");
        assert_eq!(
            (e.problem.status, e.problem.code.as_str()),
            (401, "refresh_token_missing")
        );
    }
}
