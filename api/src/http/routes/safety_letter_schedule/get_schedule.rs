use actix_web::{HttpResponse, web};

use crate::http::dto::safety_letters::LetterScheduleDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::safety_letters;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/safety-letter-schedule",
    tag = "Safety letters",
    summary = "When the worker compiles a draft Veiligheidsbrief on its own, and the next one",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 200, description = "The schedule", body = LetterScheduleDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_letter_schedule", skip_all)]
pub async fn get_schedule(
    state: web::Data<AppState>,
    t: TenantRequest,
) -> Result<HttpResponse, ApiError> {
    let schedule = t
        .db(&state, move |conn, ctx| {
            safety_letters::get_schedule(conn, ctx)
        })
        .await?;
    Ok(HttpResponse::Ok().json(LetterScheduleDto::new(schedule)))
}
