use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ActionPath;
use crate::http::state::AppState;
use crate::services::actions;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/actions/{actionId}",
    tag = "Actions",
    summary = "Delete an action point",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("actionId" = Uuid, Path, description = "Id of the action point")
    ),
    responses(
        (status = 204, description = "Deleted")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_action", skip_all)]
pub async fn delete_action(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ActionPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.action_id;
    t.db(&state, move |conn, ctx| actions::delete(conn, ctx, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
