use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{LATER, html_page, wording};
use crate::http::dto::notifications::UnsubscribeQuery;
use crate::http::problem::{ApiError, Problem};
use crate::http::query::Query;
use crate::http::routes::UnsubscribePath;
use crate::services::notification_prefs::Unsubscribe;

#[utoipa::path(
    get,
    path = "/unsubscribe/{token}",
    tag = "Me",
    summary = "The page behind an email's unsubscribe link: a button that confirms (nothing changes on opening it)",
    params(
        ("token" = String, Path, description = "The secret of the link"),
        UnsubscribeQuery
    ),
    responses(
        (status = 200, description = "A page with one button", body = String, content_type = "text/html"),
        (status = 400, description = "`from` is unknown: the link is not complete (a browser gets a page that says so)", body = Problem, content_type = "application/problem+json")
    )
)]
#[tracing::instrument(name = "unsubscribe_page", skip_all)]
pub async fn unsubscribe_page(
    req: HttpRequest,
    path: web::Path<UnsubscribePath>,
    query: Query<UnsubscribeQuery>,
) -> Result<HttpResponse, ApiError> {
    // Opening a link must not unsubscribe: mail scanners open links too. The button posts.
    let token: String = path
        .into_inner()
        .token
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let what = match Unsubscribe::parse(query.from.as_deref()) {
        Ok(what) => what,
        Err(e) if !super::wants_html(&req) => return Err(e.into()),
        // A link cut short or changed: unsubscribing from everything would be a guess.
        Err(_) => {
            return Ok(html_page(
                StatusCode::BAD_REQUEST,
                "Afmelden is niet gelukt",
                "<p>Deze afmeldlink is niet compleet. Gebruik de link uit de e-mail zoals hij is, of \
             zet uw meldingen uit bij uw meldingsinstellingen in het platform.</p>",
            ));
        }
    };
    let from = what.as_str();
    let (question, _) = wording(what);
    Ok(html_page(
        StatusCode::OK,
        "Afmelden",
        &format!(
            "<p>{question}</p>\
             <form method=\"post\" action=\"/api/v1/unsubscribe/{token}?from={from}\">\
             <input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\
             <button type=\"submit\">Ja, afmelden</button></form>{LATER}"
        ),
    ))
}
