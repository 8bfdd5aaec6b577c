//! Errors as `application/problem+json` (RFC 9457) with a stable `code`.
//!
//! Every error response goes through here: service errors, bad JSON, wrong content type,
//! oversized bodies, bad path and query parameters (`json_body`, `query`), unknown routes and
//! wrong methods. A last safety net ([`ensure_problem_json`]) turns any other error response into
//! a problem too.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::error::{JsonPayloadError, PathError};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;

use super::parse_errors::{self, ParseError};
use crate::domain::{InvalidField, Refusal};
use crate::services::ServiceError;

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvalidParam {
    pub name: String,
    pub reason: String,
}

/// A refused line of an uploaded file.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    /// Line in the file; the header is line 1.
    pub line: usize,
    pub reason: String,
}

/// An error as RFC 9457 problem details, with a stable `code`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
    /// With `rows_rejected`: every refused line of the uploaded file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rejected_rows: Vec<RejectedRow>,
}

impl Problem {
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Self {
        Problem {
            type_uri: format!("urn:safety-platform:problem:{code}"),
            title: title_for(status).to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            code: code.to_owned(),
            invalid_params: vec![],
            rejected_rows: vec![],
        }
    }

    pub fn response(&self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned());
        let mut res = HttpResponse::build(status);
        res.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.body(body)
    }
}

fn title_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "Ongeldig verzoek",
        401 => "Niet aangemeld",
        403 => "Geen toegang",
        404 => "Niet gevonden",
        405 => "Methode niet toegestaan",
        406 => "Formaat niet beschikbaar",
        409 => "Conflict",
        413 => "Verzoek te groot",
        415 => "Verkeerd inhoudstype",
        422 => "Ongeldige invoer",
        429 => "Te veel verzoeken",
        503 => "Dienst niet beschikbaar",
        _ if status.is_server_error() => "Interne fout",
        _ => "Fout",
    }
}

/// The error every handler returns.
#[derive(Debug)]
pub struct ApiError {
    /// Boxed: handlers return `Result<_, ApiError>` everywhere, and the Ok path should stay small.
    pub problem: Box<Problem>,
    pub retry_after_seconds: Option<i64>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.problem.status, self.problem.code, self.problem.detail
        )
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Self {
        ApiError {
            problem: Box::new(Problem::new(status, code, detail)),
            retry_after_seconds: None,
        }
    }

    /// 400 for a value the API description rules out, 422 for one refused in its context
    /// (`Refusal`); both name the field in `invalidParams`.
    pub fn invalid(field: &InvalidField) -> Self {
        let status = match field.refusal {
            Refusal::Value => StatusCode::BAD_REQUEST,
            Refusal::Context => StatusCode::UNPROCESSABLE_ENTITY,
        };
        let mut e = ApiError::new(
            status,
            "invalid_input",
            format!("Ongeldige waarde voor '{}': {}", field.field, field.message),
        );
        e.problem.invalid_params.push(InvalidParam {
            name: field.field.clone(),
            reason: field.message.clone(),
        });
        e
    }

    pub fn unauthenticated(detail: &str) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthenticated", detail)
    }
}

impl From<InvalidField> for ApiError {
    fn from(f: InvalidField) -> Self {
        ApiError::invalid(&f)
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid(f) => ApiError::invalid(&f),
            ServiceError::NotFound { what } => {
                let mut w = what.chars();
                let what = w
                    .next()
                    .map(|c| c.to_uppercase().chain(w).collect::<String>())
                    .unwrap_or_default();
                ApiError::new(
                    StatusCode::NOT_FOUND,
                    "not_found",
                    format!("{what} niet gevonden"),
                )
            }
            ServiceError::Rejected { detail, rows } => {
                let mut e =
                    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "rows_rejected", detail);
                e.problem.rejected_rows = rows
                    .into_iter()
                    .map(|r| RejectedRow {
                        line: r.line,
                        reason: r.reason,
                    })
                    .collect();
                e
            }
            ServiceError::Conflict { code, detail } => {
                ApiError::new(StatusCode::CONFLICT, code, detail)
            }
            ServiceError::Stale(e) => {
                ApiError::new(StatusCode::PRECONDITION_FAILED, "precondition_failed", e.0)
            }
            ServiceError::Forbidden(detail) => {
                ApiError::new(StatusCode::FORBIDDEN, "forbidden", detail)
            }
            ServiceError::TenantSuspended => ApiError::new(
                StatusCode::FORBIDDEN,
                "tenant_suspended",
                "Dit samenwerkingsverband is opgeschort; neem contact op met de platformbeheerder",
            ),
            ServiceError::Unauthenticated { code, detail } => {
                ApiError::new(StatusCode::UNAUTHORIZED, code, detail)
            }
            ServiceError::TooManyAttempts {
                retry_after_seconds,
            } => {
                let mut e = ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_login_attempts",
                    format!(
                        "Te veel mislukte aanmeldpogingen; probeer het over {} minuten opnieuw",
                        (retry_after_seconds + 59) / 60
                    ),
                );
                e.retry_after_seconds = Some(retry_after_seconds);
                e
            }
            ServiceError::Db(crate::db::DbError::Pool(ref cause)) => {
                tracing::error!(error = ?e, cause = %cause, "database unavailable");
                database_unavailable()
            }
            ServiceError::Db(crate::db::DbError::Busy) => {
                tracing::warn!("every database connection stayed in use");
                let mut e = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "service_unavailable",
                    "Het is nu erg druk; probeer het over een paar seconden opnieuw",
                );
                e.retry_after_seconds = Some(DATABASE_RETRY_AFTER_SECONDS);
                e
            }
            // The server went away under the request (stopped, restarted). Unless it went during
            // the commit itself, nothing was stored; the caller may try again shortly.
            ServiceError::Db(crate::db::DbError::Query(ref q))
                if crate::db::pool::lost_connection(q) =>
            {
                tracing::error!(error = ?e, "database connection lost");
                database_unavailable()
            }
            // A check passed, then someone else's change made the write break a constraint.
            ServiceError::Db(crate::db::DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::ForeignKeyViolation
                | diesel::result::DatabaseErrorKind::UniqueViolation,
                ref info,
            ))) => {
                tracing::warn!(error = ?e, constraint = ?info.constraint_name(), "write lost a race");
                ApiError::new(
                    StatusCode::CONFLICT,
                    "concurrent_change",
                    "De gegevens zijn intussen door iemand anders gewijzigd; laad ze opnieuw en probeer het nog eens",
                )
            }
            ServiceError::Db(_) | ServiceError::Internal(_) => {
                tracing::error!(error = ?e, "internal error");
                internal()
            }
        }
    }
}

/// Seconds a client is asked to wait before trying again while the database is away.
const DATABASE_RETRY_AFTER_SECONDS: i64 = 5;

fn database_unavailable() -> ApiError {
    let mut e = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
        "De database is tijdelijk niet bereikbaar; probeer het later opnieuw",
    );
    e.retry_after_seconds = Some(DATABASE_RETRY_AFTER_SECONDS);
    e
}

fn internal() -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_error",
        "Er ging iets mis aan onze kant; de fout is vastgelegd",
    )
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = self.problem.response();
        if let Some(s) = self.retry_after_seconds
            && let Ok(v) = HeaderValue::from_str(&s.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
    }
}

pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let e = match &err {
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Stuur de inhoud als application/json",
        ),
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("De inhoud is groter dan de toegestane {limit} bytes"),
        ),
        JsonPayloadError::Deserialize(e) if e.is_data() => readable(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            "Ongeldige invoer",
            None,
            &e.to_string(),
        ),
        JsonPayloadError::Deserialize(e) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!(
                "Geen geldige JSON (regel {}, kolom {}); controleer aanhalingstekens, komma's en haakjes",
                e.line(),
                e.column()
            ),
        ),
        other => {
            tracing::info!(error = %other, "a request body could not be read");
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "De inhoud kon niet worden gelezen; stuur het verzoek opnieuw als geldige JSON",
            )
        }
    };
    e.into()
}

pub fn path_error(err: PathError, _req: &HttpRequest) -> actix_web::Error {
    readable(
        StatusCode::BAD_REQUEST,
        "invalid_path_parameter",
        "Ongeldige waarde in het pad",
        None,
        &err.to_string(),
    )
    .into()
}

/// A problem from a parser's (English) message, in Dutch, naming the field when known.
pub fn readable(
    status: StatusCode,
    code: &'static str,
    what: &str,
    path: Option<&str>,
    message: &str,
) -> ApiError {
    let ParseError { field, reason } = parse_errors::dutch(path, message);
    let mut e = ApiError::new(
        status,
        code,
        match &field {
            Some(f) => format!("{what} '{f}': {reason}"),
            None => format!("{what}: {reason}"),
        },
    );
    if let Some(name) = field {
        e.problem.invalid_params.push(InvalidParam { name, reason });
    }
    e
}

/// Default service: no route matches this path.
pub async fn route_not_found(req: HttpRequest) -> HttpResponse {
    Problem::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("Het pad {} bestaat niet", req.path()),
    )
    .response()
}

/// Default service of each resource: the path exists, the method does not.
pub async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!(
            "De methode {} is niet toegestaan op {}",
            req.method(),
            req.path()
        ),
    )
    .response()
}

/// Marks an error response whose body is meant as it is (the web UI's page that says it is not
/// built): [`ensure_problem_json`] leaves it alone.
#[derive(Debug, Clone, Copy)]
pub struct KeepBody;

/// Safety net: turns an error response that is not yet problem+json into one.
pub fn ensure_problem_json<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    let keep = res.response().extensions().get::<KeepBody>().is_some();
    if is_problem || keep {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let code = if status.is_server_error() {
        "internal_error"
    } else {
        "http_error"
    };
    // The status's own (English) reason would reach the user: the Dutch title says the same.
    let detail = format!("{} (HTTP {})", title_for(status), status.as_u16());
    let problem = Problem::new(status, code, detail).response();
    let (req, _) = res.into_parts();
    let res = ServiceResponse::new(req, problem.map_body(|_, b: BoxBody| b)).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(res))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::DbError;
    use crate::domain::english::english_words;

    #[test]
    fn internal_errors_show_a_generic_detail_and_no_cause() {
        let cause = ServiceError::Db(DbError::Migration("secret table tn_0123 exploded".into()));
        let e = ApiError::from(cause);
        assert_eq!(e.problem.status, 500);
        assert_eq!(e.problem.code, "internal_error");
        assert!(!e.problem.detail.contains("tn_0123"));
    }

    #[test]
    fn a_constraint_broken_by_a_concurrent_change_is_a_conflict() {
        #[derive(Debug)]
        struct Info;
        impl diesel::result::DatabaseErrorInformation for Info {
            fn message(&self) -> &str {
                "violates foreign key constraint"
            }
            fn details(&self) -> Option<&str> {
                None
            }
            fn hint(&self) -> Option<&str> {
                None
            }
            fn table_name(&self) -> Option<&str> {
                None
            }
            fn column_name(&self) -> Option<&str> {
                None
            }
            fn constraint_name(&self) -> Option<&str> {
                Some("measurements_indicator_id_fkey")
            }
            fn statement_position(&self) -> Option<i32> {
                None
            }
        }
        let e = ServiceError::Db(DbError::Query(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::ForeignKeyViolation,
            Box::new(Info),
        )));
        let e = ApiError::from(e);
        assert_eq!(e.problem.status, 409);
        assert_eq!(e.problem.code, "concurrent_change");
        assert_eq!(english_words(&e.problem.detail), Vec::<&str>::new());
    }

    /// The problems no test request can cause (the integration tests check every other code on
    /// the answers they get): their texts are Dutch too.
    #[test]
    fn problems_no_request_can_cause_read_as_dutch() {
        let dutch = |e: &ApiError| {
            for text in [&e.problem.title, &e.problem.detail] {
                assert!(english_words(text).is_empty(), "{}: {text}", e.problem.code);
            }
        };
        let internal = ApiError::from(ServiceError::Internal("boom".into()));
        assert_eq!(internal.problem.code, "internal_error");
        dutch(&internal);
        // A pool that cannot reach its database gives up at once.
        let unreachable = diesel::r2d2::Pool::builder()
            .connection_timeout(std::time::Duration::from_millis(50))
            .build_unchecked(
                diesel::r2d2::ConnectionManager::<diesel::PgConnection>::new(
                    "postgres://nobody@127.0.0.1:9/nothing",
                ),
            )
            .get()
            .err()
            .expect("no database listens on port 9");
        let unavailable = ApiError::from(ServiceError::Db(DbError::Pool(unreachable)));
        assert_eq!(unavailable.problem.code, "service_unavailable");
        dutch(&unavailable);
        let req = actix_web::test::TestRequest::default().to_http_request();
        let bad = json_error(
            JsonPayloadError::Payload(actix_web::error::PayloadError::Incomplete(None)),
            &req,
        );
        let bad = bad.as_error::<ApiError>().expect("a problem");
        assert_eq!(bad.problem.code, "bad_request");
        dutch(bad);
        for status in 400..600 {
            let Ok(status) = StatusCode::from_u16(status) else {
                continue;
            };
            let title = title_for(status);
            assert!(english_words(title).is_empty(), "{status}: {title}");
        }
    }

    #[test]
    fn debug_of_a_service_error_prints_the_whole_cause_chain() {
        let e = ServiceError::Db(DbError::Query(diesel::result::Error::NotFound));
        let text = format!("{e:?}");
        assert!(text.contains("database error"), "{text}");
        assert!(text.contains("Caused by"), "{text}");
        assert!(text.contains("Record not found"), "{text}");
    }

    #[test]
    fn validation_errors_name_the_field() {
        let e = ApiError::from(InvalidField::new("cbsCode", "moet een CBS-code zijn"));
        assert_eq!(e.problem.status, 400);
        assert_eq!(e.problem.invalid_params[0].name, "cbsCode");
        assert!(e.problem.detail.contains("cbsCode"));
    }

    #[test]
    fn parser_messages_become_a_dutch_problem_naming_the_field() {
        let e = readable(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            "Ongeldige invoer",
            Some("areas[0]"),
            "missing field `period` at line 1 column 21",
        );
        assert_eq!(
            e.problem.detail,
            "Ongeldige invoer 'areas[0].period': ontbreekt; dit veld is verplicht"
        );
        assert_eq!(e.problem.invalid_params[0].name, "areas[0].period");
        let e = readable(
            StatusCode::BAD_REQUEST,
            "invalid_path_parameter",
            "Ongeldige waarde in het pad",
            None,
            "Path deserialize error: UUID parsing failed: invalid character: found `n` at 0",
        );
        assert_eq!(
            e.problem.detail,
            "Ongeldige waarde in het pad: de waarde is geen geldige id (UUID)"
        );
        assert!(e.problem.invalid_params.is_empty());
    }
}
