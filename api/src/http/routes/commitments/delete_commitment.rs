use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::CommitmentPath;
use crate::http::state::AppState;
use crate::services::commitments;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/commitments/{commitmentId}",
    tag = "Commitments",
    summary = "Delete a commitment registered by mistake (the audit trail keeps it)",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("commitmentId" = Uuid, Path, description = "Id of the commitment")
    ),
    responses(
        (status = 204, description = "Deleted")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_commitment", skip_all)]
pub async fn delete_commitment(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<CommitmentPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.commitment_id;
    t.db(&state, move |conn, ctx| commitments::delete(conn, ctx, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
