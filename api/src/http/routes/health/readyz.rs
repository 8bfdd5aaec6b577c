use std::time::Duration;

use actix_web::{HttpResponse, web};

use crate::http::problem::ApiError;
use crate::http::state::AppState;

/// How long readiness waits for a connection: a load balancer asking must hear within a second.
const READINESS_WAIT: Duration = Duration::from_millis(500);

/// Readiness: the database answers.
#[tracing::instrument(name = "readyz", skip_all)]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state
        .db_for_readiness(READINESS_WAIT, |conn| Ok(crate::db::pool::ping(conn)?))
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "ready", "database": "ok" })))
}
