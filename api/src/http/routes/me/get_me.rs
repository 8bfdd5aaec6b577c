use actix_web::HttpResponse;

use crate::http::dto::me::MeResponse;
use crate::http::extractors::Authenticated;

/// `GET /api/v1/me`: the signed-in user and their memberships.
#[utoipa::path(
    get,
    path = "/me",
    tag = "Me",
    summary = "The signed-in user and their memberships",
    responses(
        (status = 200, description = "The user", body = MeResponse)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_me", skip_all)]
pub async fn get_me(Authenticated(principal): Authenticated) -> HttpResponse {
    HttpResponse::Ok().json(MeResponse::from(principal.me()))
}
