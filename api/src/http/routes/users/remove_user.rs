use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::UserPath;
use crate::http::state::AppState;
use crate::services::users;

/// `DELETE /api/v1/tenants/{tenant}/users/{userId}`: removes the user from this tenant.
#[tracing::instrument(name = "remove_user", skip_all)]
pub async fn remove_user(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<UserPath>,
) -> Result<HttpResponse, ApiError> {
    let ctx = t.ctx;
    let user_id = path.user_id;
    state
        .db(move |conn| users::remove(conn, &ctx, user_id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
