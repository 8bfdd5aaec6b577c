use actix_web::{HttpResponse, web};

use crate::http::dto::{CommitmentDto, CommitmentRequest};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::CommitmentPath;
use crate::http::state::AppState;
use crate::services::commitments;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/commitments/{commitmentId}",
    tag = "Commitments",
    summary = "Replace a commitment's fields: follow it up, discharge it (afgedaan, with the council letter) or let it lapse (vervallen, with the reason)",
    request_body = CommitmentRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("commitmentId" = Uuid, Path, description = "Id of the commitment")
    ),
    responses(
        (status = 200, description = "Updated", body = CommitmentDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_commitment", skip_all)]
pub async fn update_commitment(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<CommitmentPath>,
    body: web::Json<CommitmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let ctx = t.ctx;
    let id = path.commitment_id;
    let (view, names) = state
        .db(move |conn| commitments::update(conn, &ctx, id, &fields))
        .await?;
    Ok(HttpResponse::Ok().json(CommitmentDto::new(view, &names)))
}
