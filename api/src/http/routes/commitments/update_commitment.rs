use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::dto::commitments::{CommitmentDto, CommitmentRequest};
use crate::http::etag::{etag, if_match};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
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
        ("commitmentId" = Uuid, Path, description = "Id of the commitment"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` you read; when someone changed it since, the answer is 412")
    ),
    responses(
        (status = 409, description = "A commitment with this reference exists already (`commitment_reference_taken`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since it was read (`If-Match`)", body = crate::http::problem::Problem, content_type = "application/problem+json"),
        (status = 200, description = "Updated", body = CommitmentDto, headers(("ETag" = String, description = "The version; send it back in If-Match when you change it")))
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_commitment", skip_all)]
pub async fn update_commitment(
    state: web::Data<AppState>,
    t: TenantRequest,
    req: HttpRequest,
    path: web::Path<CommitmentPath>,
    body: Json<CommitmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let expected = if_match(&req)?;
    let id = path.commitment_id;
    let (view, names) = t
        .db(&state, move |conn, ctx| {
            commitments::update(conn, ctx, id, &fields, expected)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(view.row.updated_at))
        .json(CommitmentDto::new(view, &names)))
}
