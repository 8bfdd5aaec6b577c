pub mod confirm_unsubscribe;
pub mod unsubscribe_page;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;

use crate::http::problem::KeepBody;
use crate::services::notification_prefs::Unsubscribe;

/// What the link stops, in the words of its page: (the question, the confirmation).
fn wording(what: Unsubscribe) -> (&'static str, &'static str) {
    match what {
        Unsubscribe::Digest => (
            "Wilt u het overzicht niet meer ontvangen?",
            "U ontvangt het overzicht niet meer.",
        ),
        Unsubscribe::Reminders => (
            "Wilt u geen herinneringen meer ontvangen?",
            "U ontvangt geen herinneringen meer.",
        ),
        Unsubscribe::Everything => (
            "Wilt u geen e-mail van het platform meer ontvangen?",
            "U ontvangt geen e-mail van het platform meer.",
        ),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Whether the caller is a browser (the page's button, a click in a mail client) rather than a
/// program: it gets pages, a program gets JSON and problems.
fn wants_html(req: &actix_web::HttpRequest) -> bool {
    req.headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// A page of its own (no web UI needed): a heading and `body`, already HTML.
fn html_page(status: StatusCode, title: &str, body: &str) -> HttpResponse {
    let page = format!(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} – Veiligheidsplatform</title></head>\
         <body style=\"font-family:Arial,Helvetica,sans-serif;padding:24px;max-width:40em;\">\
         <main><h1>{title}</h1>{body}</main></body></html>",
        title = escape(title)
    );
    let mut res = HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        // No scripts, only its own inline style; the form may post to this site only; no framing.
        .insert_header((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'",
        ))
        .insert_header(("X-Frame-Options", "DENY"))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .body(page);
    // A person reads this page, also when it says something went wrong.
    res.extensions_mut().insert(KeepBody);
    res
}

const LATER: &str =
    "<p>U kunt dit later weer aanzetten bij uw meldingsinstellingen in het platform.</p>";
