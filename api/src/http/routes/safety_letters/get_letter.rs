use actix_web::{HttpResponse, web};

use crate::http::dto::safety_letters::SafetyLetterDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::SafetyLetterPath;
use crate::http::state::AppState;
use crate::services::safety_letters;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/safety-letters/{letterId}",
    tag = "Safety letters",
    summary = "A version of a Veiligheidsbrief: status, who asked and when, links to the document",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("letterId" = Uuid, Path, description = "Id of the version")
    ),
    responses(
        (status = 200, description = "The version", body = SafetyLetterDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_letter", skip_all)]
pub async fn get_letter(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<SafetyLetterPath>,
) -> Result<HttpResponse, ApiError> {
    let slug = t.slug().to_owned();
    let id = path.letter_id;
    let letter = t
        .db(&state, move |conn, ctx| safety_letters::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok().json(SafetyLetterDto::new(letter, &slug)))
}
