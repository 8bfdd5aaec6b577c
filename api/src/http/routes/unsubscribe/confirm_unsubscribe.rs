use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{LATER, html_page, wording};
use crate::http::dto::notifications::{NotificationSettingsDto, UnsubscribeQuery};
use crate::http::problem::{ApiError, Problem};
use crate::http::query::Query;
use crate::http::routes::UnsubscribePath;
use crate::http::state::AppState;
use crate::services::notification_prefs::{self, Unsubscribe};

#[utoipa::path(
    post,
    path = "/unsubscribe/{token}",
    tag = "Me",
    summary = "One-click unsubscribe (RFC 8058), as every email's List-Unsubscribe header names it",
    description = "Needs no sign-in: the token in the link is the secret. Mail clients post \
        `List-Unsubscribe=One-Click`; any body is accepted. A browser (`Accept: text/html`, the \
        button of the page behind the link) gets a page that says it is done.",
    params(
        ("token" = String, Path, description = "The secret of the link"),
        UnsubscribeQuery
    ),
    responses(
        (status = 200, description = "Unsubscribed; the settings now, or a page that says so", content(
            (NotificationSettingsDto = "application/json"),
            (String = "text/html")
        )),
        (status = 404, description = "No such link: the token is unknown (a browser gets a page that says so)", body = Problem, content_type = "application/problem+json")
    )
)]
#[tracing::instrument(name = "confirm_unsubscribe", skip_all)]
pub async fn confirm_unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<UnsubscribePath>,
    query: Query<UnsubscribeQuery>,
) -> Result<HttpResponse, ApiError> {
    let browser = super::wants_html(&req);
    let token = path.into_inner().token;
    let what = Unsubscribe::parse(query.from.as_deref());
    let done = match what.clone() {
        Ok(what) => {
            state
                .db(move |conn| notification_prefs::unsubscribe(conn, &token, what))
                .await
        }
        Err(e) => Err(e.into()),
    };
    Ok(match (done, browser) {
        (Ok(row), false) => HttpResponse::Ok().json(NotificationSettingsDto::from(row)),
        (Err(e), false) => return Err(e),
        (Ok(_), true) => html_page(
            StatusCode::OK,
            "U bent afgemeld",
            &format!(
                "<p>{}</p>{LATER}",
                wording(what.unwrap_or(Unsubscribe::Everything)).1
            ),
        ),
        (Err(e), true) => html_page(
            StatusCode::from_u16(e.problem.status).unwrap_or(StatusCode::BAD_REQUEST),
            "Afmelden is niet gelukt",
            &format!(
                "<p>{}.</p><p>Zet uw meldingen uit bij uw meldingsinstellingen in het platform.</p>",
                super::escape(&e.problem.detail)
            ),
        ),
    })
}
