use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::domain::text::required_text;
use crate::http::dto::users::{TenantUserDto, UpdateUserRequest, parse_roles};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::UserPath;
use crate::http::state::AppState;
use crate::services::users;

/// `PUT /api/v1/tenants/{tenant}/users/{userId}`: replaces name and roles (tenant admins).
#[utoipa::path(
    put,
    path = "/tenants/{tenant}/users/{userId}",
    tag = "Users",
    summary = "Replace name and roles of a user (tenant admins)",
    request_body = UpdateUserRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("userId" = Uuid, Path, description = "Id of the user")
    ),
    responses(
        (status = 200, description = "Updated", body = TenantUserDto),
        (status = 409, description = "Would remove the last tenant admin", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_user", skip_all)]
pub async fn update_user(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<UserPath>,
    body: Json<UpdateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let name = required_text("displayName", &body.display_name, 200)?;
    let grants = parse_roles(&body.roles)?;
    let user_id = path.user_id;
    let user = t
        .db(&state, move |conn, ctx| {
            users::update(conn, ctx, user_id, &name, &grants)
        })
        .await?;
    Ok(HttpResponse::Ok().json(TenantUserDto::from(user)))
}
