use actix_web::{HttpResponse, web};

use crate::http::dto::actions::{ActionDto, ActionRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::actions;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/actions",
    tag = "Actions",
    summary = "Add an action point under a priority (whoever may edit that priority)",
    request_body = ActionRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 201, description = "Added", body = ActionDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_action", skip_all)]
pub async fn create_action(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<ActionRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let tenant = t.slug().to_owned();
    let action = t
        .db(&state, move |conn, ctx| actions::create(conn, ctx, &fields))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/tenants/{tenant}/actions/{}", action.action.id),
        ))
        .json(ActionDto::from(action)))
}
