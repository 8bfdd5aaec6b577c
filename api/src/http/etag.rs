//! Versions on the wire: `ETag` on answers, `If-Match` on writes (RFC 9110). A write without
//! `If-Match` is not checked; one with an older version answers 412.

use actix_web::HttpRequest;
use actix_web::http::StatusCode;
use actix_web::http::header::{ETAG, IF_MATCH};
use chrono::{DateTime, Utc};

use super::problem::ApiError;
use crate::domain::version::version_of;

/// The `ETag` header of a resource last changed at `updated_at`.
pub fn etag(updated_at: DateTime<Utc>) -> (actix_web::http::header::HeaderName, String) {
    (ETAG, format!("\"{}\"", version_of(updated_at)))
}

/// The version named by `If-Match`, if any (`*` names none in particular).
pub fn if_match(req: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(value) = req.headers().get(IF_MATCH) else {
        return Ok(None);
    };
    let bad = || {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_if_match",
            "If-Match moet de ETag zijn die u bij het lezen kreeg, bijvoorbeeld \"1782390123456789\"",
        )
    };
    let text = value.to_str().map_err(|_| bad())?.trim();
    if text == "*" {
        return Ok(None);
    }
    let text = text.strip_prefix("W/").unwrap_or(text);
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .and_then(|t| t.parse::<i64>().ok())
        .map(Some)
        .ok_or_else(bad)
}
