use actix_web::{HttpResponse, web};
use diesel::connection::SimpleConnection;

use crate::http::problem::ApiError;
use crate::http::state::AppState;

/// Readiness: the database answers.
#[tracing::instrument(name = "readyz", skip_all)]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state
        .db(|conn| {
            Ok(conn
                .batch_execute("SELECT 1")
                .map_err(crate::db::DbError::from)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "ready", "database": "ok" })))
}
