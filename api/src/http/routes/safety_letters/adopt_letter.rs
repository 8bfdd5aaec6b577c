use actix_web::{HttpResponse, web};

use crate::http::dto::safety_letters::SafetyLetterDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::SafetyLetterPath;
use crate::http::state::AppState;
use crate::services::safety_letters;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/safety-letters/{letterId}/adopt",
    tag = "Safety letters",
    summary = "Mark a compiled version as the adopted one (vastgesteld) of its plan and period",
    description = "Only a version in status `concept`, and only when no other version of the \
        same plan and period is adopted; otherwise 409 `letter_locked` with the reason.",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("letterId" = Uuid, Path, description = "Id of the version")
    ),
    responses(
        (status = 200, description = "Adopted", body = SafetyLetterDto),
        (status = 409, description = "Not a concept, or another version is adopted", body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "adopt_letter", skip_all)]
pub async fn adopt_letter(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<SafetyLetterPath>,
) -> Result<HttpResponse, ApiError> {
    let slug = t.slug().to_owned();
    let id = path.letter_id;
    let letter = t
        .db(&state, move |conn, ctx| {
            safety_letters::adopt(conn, ctx, id, chrono::Utc::now())
        })
        .await?;
    Ok(HttpResponse::Ok().json(SafetyLetterDto::new(letter, &slug)))
}
