use actix_web::{HttpResponse, web};

use crate::http::problem::ApiError;
use crate::http::state::AppState;

/// Readiness: the database answers.
#[tracing::instrument(name = "readyz", skip_all)]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state.db(|conn| Ok(crate::db::pool::ping(conn)?)).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "ready", "database": "ok" })))
}
