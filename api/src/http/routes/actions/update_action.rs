use actix_web::{HttpResponse, web};

use crate::http::dto::actions::{ActionDto, ActionRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::ActionPath;
use crate::http::state::AppState;
use crate::services::actions;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/actions/{actionId}",
    tag = "Actions",
    summary = "Replace an action point's fields",
    request_body = ActionRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("actionId" = Uuid, Path, description = "Id of the action point")
    ),
    responses(
        (status = 200, description = "Updated", body = ActionDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_action", skip_all)]
pub async fn update_action(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<ActionPath>,
    body: Json<ActionRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let id = path.action_id;
    let action = t
        .db(&state, move |conn, ctx| {
            actions::update(conn, ctx, id, &fields)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ActionDto::from(action)))
}
