use actix_web::{HttpResponse, web};

use crate::http::dto::priorities::{PriorityDto, PriorityRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::PriorityPath;
use crate::http::state::AppState;
use crate::services::priorities;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/priorities/{priorityId}",
    tag = "Priorities",
    summary = "Replace a priority's fields",
    request_body = PriorityRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("priorityId" = Uuid, Path, description = "Id of the priority")
    ),
    responses(
        (status = 200, description = "Updated", body = PriorityDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_priority", skip_all)]
pub async fn update_priority(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<PriorityPath>,
    body: Json<PriorityRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let id = path.priority_id;
    let priority = t
        .db(&state, move |conn, ctx| {
            priorities::update(conn, ctx, id, &fields)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PriorityDto::from(priority)))
}
