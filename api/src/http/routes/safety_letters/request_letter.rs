use actix_web::{HttpResponse, web};

use crate::http::dto::safety_letters::{SafetyLetterDto, SafetyLetterRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::safety_letters;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/safety-letters",
    tag = "Safety letters",
    summary = "Ask for a Veiligheidsbrief over a plan and a period (tenant admins and coordinators); the worker compiles it",
    description = "Answers 202 with the new version in status `wordt_samengesteld`. The worker \
        compiles it within seconds into a Word document and an HTML preview; poll the version \
        until its status is `concept` (or `mislukt`, with `failureReason`). Asking again for the \
        same plan and period makes the next version; a compiled version never changes.",
    request_body = SafetyLetterRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 202, description = "Accepted: the worker compiles it", body = SafetyLetterDto, headers(("Location" = String, description = "The new version")))
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "request_letter", skip_all)]
pub async fn request_letter(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<SafetyLetterRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.parse()?;
    let slug = t.slug().to_owned();
    let letter = t
        .db(&state, move |conn, ctx| {
            safety_letters::request(conn, ctx, &req, chrono::Utc::now())
        })
        .await?;
    Ok(HttpResponse::Accepted()
        .insert_header((
            "Location",
            format!("/api/v1/tenants/{slug}/safety-letters/{}", letter.id),
        ))
        .json(SafetyLetterDto::new(letter, &slug)))
}
