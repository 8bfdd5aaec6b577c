use actix_web::{HttpResponse, web};

use crate::http::dto::safety_letters::{LetterScheduleDto, LetterScheduleRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::safety_letters;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/safety-letter-schedule",
    tag = "Safety letters",
    summary = "Set when drafts are compiled (tenant admins and coordinators)",
    description = "A period's letter is due `dueDays` after the period ends; the worker compiles \
        a draft for every adopted plan of that year `leadDays` before, once.",
    request_body = LetterScheduleRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 200, description = "The schedule as stored", body = LetterScheduleDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_letter_schedule", skip_all)]
pub async fn update_schedule(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<LetterScheduleRequest>,
) -> Result<HttpResponse, ApiError> {
    let schedule = body.parse()?;
    let stored = t
        .db(&state, move |conn, ctx| {
            safety_letters::set_schedule(conn, ctx, &schedule)
        })
        .await?;
    Ok(HttpResponse::Ok().json(LetterScheduleDto::new(stored)))
}
