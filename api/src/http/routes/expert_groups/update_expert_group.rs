use actix_web::{HttpResponse, web};

use crate::http::dto::{ExpertGroupDto, ExpertGroupRequest};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ExpertGroupPath;
use crate::http::state::AppState;
use crate::services::expert_groups;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/expert-groups/{groupId}",
    tag = "Expert groups",
    summary = "Replace an expert group's fields, theme and members",
    request_body = ExpertGroupRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("groupId" = Uuid, Path, description = "Id of the expert group")
    ),
    responses(
        (status = 200, description = "Updated", body = ExpertGroupDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_expert_group", skip_all)]
pub async fn update_expert_group(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ExpertGroupPath>,
    body: web::Json<ExpertGroupRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let ctx = t.ctx;
    let id = path.group_id;
    let (group, names) = state
        .db(move |conn| expert_groups::update(conn, &ctx, id, &fields))
        .await?;
    Ok(HttpResponse::Ok().json(ExpertGroupDto::new(group, &names)))
}
