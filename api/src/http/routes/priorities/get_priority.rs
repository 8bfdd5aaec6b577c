use actix_web::{HttpResponse, web};

use crate::http::dto::priorities::PriorityDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::PriorityPath;
use crate::http::state::AppState;
use crate::services::priorities;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/priorities/{priorityId}",
    tag = "Priorities",
    summary = "A priority with opgave, ambitie, aanpak and doelstelling",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("priorityId" = Uuid, Path, description = "Id of the priority")
    ),
    responses(
        (status = 200, description = "The plan", body = PriorityDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_priority", skip_all)]
pub async fn get_priority(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<PriorityPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.priority_id;
    let priority = t
        .db(&state, move |conn, ctx| priorities::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok().json(PriorityDto::from(priority)))
}
