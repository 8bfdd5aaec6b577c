use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::dto::expert_groups::{ExpertGroupDto, ExpertGroupRequest};
use crate::http::etag::{etag, if_match};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
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
        ("groupId" = Uuid, Path, description = "Id of the expert group"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` you read; when someone changed it since, the answer is 412")
    ),
    responses(
        (status = 409, description = "The name is taken (`expert_group_name_taken`), or the cadence cannot change because the group has reviews (`cadence_fixed`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since it was read (`If-Match`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 200, description = "Updated", body = ExpertGroupDto, headers(("ETag" = String, description = "The version; send it back in If-Match when you change it")))
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_expert_group", skip_all)]
pub async fn update_expert_group(
    state: web::Data<AppState>,
    t: TenantRequest,
    req: HttpRequest,
    path: web::Path<ExpertGroupPath>,
    body: Json<ExpertGroupRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let expected = if_match(&req)?;
    let id = path.group_id;
    let (group, names) = t
        .db(&state, move |conn, ctx| {
            expert_groups::update(conn, ctx, id, &fields, expected)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(group.group.updated_at))
        .json(ExpertGroupDto::new(group, &names)))
}
