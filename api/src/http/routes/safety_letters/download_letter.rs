use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCEPT, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG,
    IF_NONE_MATCH, VARY, X_CONTENT_TYPE_OPTIONS,
};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::domain::safety_letter::{
    DOCX_MEDIA_TYPE, HTML_CONTENT_SECURITY_POLICY, HTML_MEDIA_TYPE,
};
use crate::http::dto::safety_letters::LetterDocumentQuery;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::routes::SafetyLetterPath;
use crate::http::state::AppState;
use crate::services::safety_letters::{self, Format};

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/safety-letters/{letterId}/document",
    tag = "Safety letters",
    summary = "The compiled letter: the Word file to edit, or an HTML preview",
    description = "`?format=docx` or `?format=html`; without it the `Accept` header decides \
        (`text/html` gives the preview) and the Word file is the default. The document never \
        changes: its `ETag` is the SHA-256 of the Word file, and `If-None-Match` answers 304. \
        A version that is still being compiled or failed answers 409 `letter_not_compiled`.",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("letterId" = Uuid, Path, description = "Id of the version"),
        LetterDocumentQuery
    ),
    responses(
        (status = 200, description = "The Word file (docx) or the HTML preview", content(
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (String = "text/html")
        ), headers(("ETag" = String, description = "Names the content; it never changes"))),
        (status = 304, description = "Not changed since the `If-None-Match` ETag"),
        (status = 406, description = "Neither Word nor HTML is acceptable to the client", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not compiled (yet)", body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "download_letter", skip_all)]
pub async fn download_letter(
    state: web::Data<AppState>,
    t: TenantRequest,
    req: HttpRequest,
    path: web::Path<SafetyLetterPath>,
    query: Query<LetterDocumentQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = chosen_format(query.format.as_deref(), &req)?;
    let id = path.letter_id;
    let file = t
        .db(&state, move |conn, ctx| {
            safety_letters::document(conn, ctx, id, format)
        })
        .await?;
    let tag = match format {
        Format::Docx => format!("\"{}\"", file.sha256),
        Format::Html => format!("\"{}-html\"", file.sha256),
    };
    let unchanged = req
        .headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    let mut res = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((ETAG, tag))
        .insert_header((VARY, "Accept"))
        .insert_header((CACHE_CONTROL, "private, no-cache"))
        .insert_header((X_CONTENT_TYPE_OPTIONS, "nosniff"));
    if unchanged {
        return Ok(res.finish());
    }
    Ok(match format {
        Format::Docx => res
            .insert_header((CONTENT_TYPE, DOCX_MEDIA_TYPE))
            .insert_header((
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.docx\"", file.name),
            ))
            .body(file.bytes),
        Format::Html => res
            .insert_header((CONTENT_TYPE, HTML_MEDIA_TYPE))
            .insert_header((CONTENT_SECURITY_POLICY, HTML_CONTENT_SECURITY_POLICY))
            .insert_header((
                CONTENT_DISPOSITION,
                format!("inline; filename=\"{}.html\"", file.name),
            ))
            .body(file.bytes),
    })
}

/// `format` wins; otherwise the first of Word and HTML the `Accept` header takes.
fn chosen_format(format: Option<&str>, req: &HttpRequest) -> Result<Format, ApiError> {
    match format.map(|f| f.trim().to_ascii_lowercase()).as_deref() {
        Some("docx") => return Ok(Format::Docx),
        Some("html") => return Ok(Format::Html),
        Some(other) => {
            return Err(ApiError::invalid(&crate::domain::InvalidField::new(
                "format",
                format!("'{other}' is geen formaat; kies docx of html"),
            )));
        }
        None => {}
    }
    let Some(accept) = req.headers().get(ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Ok(Format::Docx);
    };
    let mut best: Option<(f32, Format)> = None;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|v| v.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let format = match media.as_str() {
            DOCX_MEDIA_TYPE | "application/*" | "*/*" => Format::Docx,
            "text/html" | "text/*" => Format::Html,
            _ => continue,
        };
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, format));
        }
    }
    best.map(|(_, f)| f).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_ACCEPTABLE,
            "not_acceptable",
            format!(
                "De brief is er als Word ({}) of als HTML (text/html); vraag een van beide in Accept of gebruik ?format=docx of ?format=html",
                DOCX_MEDIA_TYPE
            ),
        )
    })
}
