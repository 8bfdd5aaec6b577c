use actix_web::{HttpResponse, web};

use crate::http::dto::commitments::{CommitmentDto, CommitmentRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::commitments;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/commitments",
    tag = "Commitments",
    summary = "Register a commitment (tenant admins and coordinators of its municipality)",
    request_body = CommitmentRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 409, description = "A commitment with this reference exists already (`commitment_reference_taken`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 201, description = "Registered", body = CommitmentDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_commitment", skip_all)]
pub async fn create_commitment(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<CommitmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let tenant = t.slug().to_owned();
    let (view, names) = t
        .db(&state, move |conn, ctx| {
            commitments::create(conn, ctx, &fields)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/tenants/{tenant}/commitments/{}", view.row.id),
        ))
        .json(CommitmentDto::new(view, &names)))
}
