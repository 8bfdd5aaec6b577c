use actix_web::HttpResponse;

use crate::http::dto::MeResponse;
use crate::http::extractors::Authenticated;

/// `GET /api/v1/me`: the signed-in user and their memberships.
#[tracing::instrument(name = "get_me", skip_all)]
pub async fn get_me(Authenticated(principal): Authenticated) -> HttpResponse {
    HttpResponse::Ok().json(MeResponse::from(&principal))
}
