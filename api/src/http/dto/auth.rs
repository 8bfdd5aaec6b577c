//! JSON shapes: sign-in and its tokens.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::services::sessions::SessionTokens;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenResponse {
    pub access_token: String,
    pub token_type: &'static str,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
    /// The next refresh token. Absent for a browser (`X-Client: web`): its refresh token is in
    /// the HttpOnly cookie `refresh_token` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub refresh_token: Option<String>,
}

impl TokenResponse {
    /// The answer to a browser: the refresh token goes into the cookie, not the body.
    pub fn without_refresh_token(self) -> Self {
        TokenResponse {
            refresh_token: None,
            ..self
        }
    }
}

impl From<SessionTokens> for TokenResponse {
    fn from(t: SessionTokens) -> Self {
        TokenResponse {
            access_token: t.access_token,
            token_type: "Bearer",
            expires_in: t.expires_in,
            refresh_token: Some(t.refresh_token),
        }
    }
}
