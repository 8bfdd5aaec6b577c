use actix_web::{HttpResponse, web};

use crate::http::dto::expert_groups::ExpertGroupDto;
use crate::http::etag::etag;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ExpertGroupPath;
use crate::http::state::AppState;
use crate::services::expert_groups;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/expert-groups/{groupId}",
    tag = "Expert groups",
    summary = "An expert group with its members, theme and review compliance",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group")
    ),
    responses(
        (status = 200, description = "The expert group", body = ExpertGroupDto, headers(("ETag" = String, description = "The version; send it back in If-Match when you change it")))
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_expert_group", skip_all)]
pub async fn get_expert_group(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ExpertGroupPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.group_id;
    let (group, names) = t
        .db(&state, move |conn, ctx| expert_groups::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(group.group.updated_at))
        .json(ExpertGroupDto::new(group, &names)))
}
