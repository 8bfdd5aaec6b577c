use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpResponse, web};

use crate::http::dto::UnsubscribeQuery;
use crate::http::routes::UnsubscribePath;

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
        (status = 200, description = "A page with one button", body = String, content_type = "text/html")
    )
)]
#[tracing::instrument(name = "unsubscribe_page", skip_all)]
pub async fn unsubscribe_page(
    path: web::Path<UnsubscribePath>,
    query: web::Query<UnsubscribeQuery>,
) -> HttpResponse {
    // Opening a link must not unsubscribe: mail scanners open links too. The button posts.
    let token: String = path
        .into_inner()
        .token
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let from = match query.from.as_deref() {
        Some("digest") => ("digest", "het overzicht"),
        Some("reminders") => ("reminders", "herinneringen"),
        _ => ("all", "alle e-mail van het platform"),
    };
    let page = format!(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Afmelden</title></head>\
         <body style=\"font-family:Arial,Helvetica,sans-serif;padding:24px;\">\
         <h1>Afmelden</h1><p>Wilt u geen {} meer ontvangen?</p>\
         <form method=\"post\" action=\"/api/v1/unsubscribe/{token}?from={}\">\
         <input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\
         <button type=\"submit\">Afmelden</button></form>\
         <p>U kunt dit later weer aanzetten bij uw meldingsinstellingen.</p></body></html>",
        from.1, from.0
    );
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        // No scripts, only its own inline style; the form may post to this site only; no framing.
        .insert_header((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'",
        ))
        .insert_header(("X-Frame-Options", "DENY"))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .body(page)
}
