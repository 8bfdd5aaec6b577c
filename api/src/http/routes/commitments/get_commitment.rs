use actix_web::{HttpResponse, web};

use crate::http::dto::commitments::CommitmentDto;
use crate::http::etag::etag;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::CommitmentPath;
use crate::http::state::AppState;
use crate::services::commitments;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/commitments/{commitmentId}",
    tag = "Commitments",
    summary = "A commitment",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("commitmentId" = Uuid, Path, description = "Id of the commitment")
    ),
    responses(
        (status = 200, description = "The commitment", body = CommitmentDto, headers(("ETag" = String, description = "The version; send it back in If-Match when you change it")))
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_commitment", skip_all)]
pub async fn get_commitment(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<CommitmentPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.commitment_id;
    let (view, names) = t
        .db(&state, move |conn, ctx| commitments::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(view.row.updated_at))
        .json(CommitmentDto::new(view, &names)))
}
