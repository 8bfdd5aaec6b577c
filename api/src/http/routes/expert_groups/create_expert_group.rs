use actix_web::{HttpResponse, web};

use crate::http::dto::expert_groups::{ExpertGroupDto, ExpertGroupRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::expert_groups;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/expert-groups",
    tag = "Expert groups",
    summary = "Set up an expert group (tenant admins and coordinators of the whole cooperation)",
    request_body = ExpertGroupRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 409, description = "An expert group with this name exists already (`expert_group_name_taken`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 201, description = "Set up", body = ExpertGroupDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_expert_group", skip_all)]
pub async fn create_expert_group(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<ExpertGroupRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let tenant = t.slug().to_owned();
    let (group, names) = t
        .db(&state, move |conn, ctx| {
            expert_groups::create(conn, ctx, &fields)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/tenants/{tenant}/expert-groups/{}", group.group.id),
        ))
        .json(ExpertGroupDto::new(group, &names)))
}
