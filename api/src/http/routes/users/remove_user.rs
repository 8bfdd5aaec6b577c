use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::UserPath;
use crate::http::state::AppState;
use crate::services::users;

/// `DELETE /api/v1/tenants/{tenant}/users/{userId}`: removes the user from this tenant.
#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/users/{userId}",
    tag = "Users",
    summary = "Remove a user from the cooperation (tenant admins)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("userId" = Uuid, Path, description = "Id of the user")
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 409, description = "Would remove the last tenant admin", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "remove_user", skip_all)]
pub async fn remove_user(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<UserPath>,
) -> Result<HttpResponse, ApiError> {
    let user_id = path.user_id;
    t.db(&state, move |conn, ctx| users::remove(conn, ctx, user_id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
