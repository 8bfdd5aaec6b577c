//! Reading an uploaded CSV file: the content type a browser or spreadsheet tool sends for it, and
//! a size limit that answers 413 problem+json instead of cutting the file off.

use actix_web::HttpRequest;
use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::web::{self, Bytes, BytesMut};
use futures_util::StreamExt;

use super::problem::ApiError;

/// Largest CSV file accepted, in bytes.
pub const CSV_LIMIT: usize = 10 * 1024 * 1024;

/// Content types that carry a CSV: browsers on Windows send `application/vnd.ms-excel` for .csv.
const CSV_TYPES: [&str; 4] = [
    "text/csv",
    "application/csv",
    "text/plain",
    "application/vnd.ms-excel",
];

pub async fn read_csv(req: &HttpRequest, mut payload: web::Payload) -> Result<Bytes, ApiError> {
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !CSV_TYPES.contains(&content_type.as_str()) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Stuur het bestand als text/csv",
        ));
    }
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            tracing::info!(error = %e, "an uploaded file did not arrive whole");
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "Het bestand kwam niet volledig aan; stuur het opnieuw",
            )
        })?;
        if body.len() + chunk.len() > CSV_LIMIT {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!(
                    "Het bestand is groter dan de toegestane {} MB; splits het",
                    CSV_LIMIT / (1024 * 1024)
                ),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
