use actix_web::{HttpResponse, web};

use crate::http::dto::users::TenantUserDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::UserPath;
use crate::http::state::AppState;
use crate::services::users;

/// `GET /api/v1/tenants/{tenant}/users/{userId}` (tenant admins).
#[utoipa::path(
    get,
    path = "/tenants/{tenant}/users/{userId}",
    tag = "Users",
    summary = "A user of the cooperation (tenant admins)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("userId" = Uuid, Path, description = "Id of the user")
    ),
    responses(
        (status = 200, description = "The user", body = TenantUserDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_user", skip_all)]
pub async fn get_user(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<UserPath>,
) -> Result<HttpResponse, ApiError> {
    let user_id = path.user_id;
    let user = t
        .db(&state, move |conn, ctx| users::get(conn, ctx, user_id))
        .await?;
    Ok(HttpResponse::Ok().json(TenantUserDto::from(user)))
}
