use actix_web::{HttpResponse, web};

use crate::http::state::AppState;

/// Prometheus metrics in the text exposition format.
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(state.metrics.render(&state.pool))
}
