use actix_web::{HttpResponse, web};

use crate::http::dto::page::{PageDto, PageQuery};
use crate::http::dto::users::TenantUserDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::users;

/// `GET /api/v1/tenants/{tenant}/users`: the tenant's users with their roles (tenant admins).
#[utoipa::path(
    get,
    path = "/tenants/{tenant}/users",
    tag = "Users",
    summary = "Users of the cooperation with their roles (tenant admins)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        PageQuery
    ),
    responses(
        (status = 200, description = "A page of users", body = PageDto<TenantUserDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_users", skip_all)]
pub async fn list_users(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.parse()?;
    let result = t
        .db(&state, move |conn, ctx| users::list(conn, ctx, page))
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, TenantUserDto::from)))
}
