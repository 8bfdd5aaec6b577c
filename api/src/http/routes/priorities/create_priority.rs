use actix_web::{HttpResponse, web};

use crate::http::dto::priorities::{PriorityDto, PriorityRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::priorities;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/priorities",
    tag = "Priorities",
    summary = "Add a priority to a plan (a coordinator scoped to a municipality: only for that municipality)",
    request_body = PriorityRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 201, description = "Added", body = PriorityDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_priority", skip_all)]
pub async fn create_priority(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<PriorityRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let tenant = t.slug().to_owned();
    let priority = t
        .db(&state, move |conn, ctx| {
            priorities::create(conn, ctx, &fields)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!(
                "/api/v1/tenants/{tenant}/priorities/{}",
                priority.priority.id
            ),
        ))
        .json(PriorityDto::from(priority)))
}
