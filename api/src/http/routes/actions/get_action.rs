use actix_web::{HttpResponse, web};

use crate::http::dto::actions::ActionDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::ActionPath;
use crate::http::state::AppState;
use crate::services::actions;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/actions/{actionId}",
    tag = "Actions",
    summary = "An action point",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("actionId" = Uuid, Path, description = "Id of the action point")
    ),
    responses(
        (status = 200, description = "The plan", body = ActionDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_action", skip_all)]
pub async fn get_action(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ActionPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.action_id;
    let action = t
        .db(&state, move |conn, ctx| actions::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok().json(ActionDto::from(action)))
}
