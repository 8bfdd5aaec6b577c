use actix_web::{HttpResponse, web};

use crate::domain::page::PageRequest;
use crate::domain::period::Period;
use crate::domain::safety_letter::LetterFilter;
use crate::domain::safety_letter::STATUSES;
use crate::domain::text::one_of;
use crate::http::dto::page::PageDto;
use crate::http::dto::safety_letters::{SafetyLetterDto, SafetyLetterListQuery};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::safety_letters;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/safety-letters",
    tag = "Safety letters",
    summary = "Veiligheidsbrieven, newest request first, with status, who asked and when",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        SafetyLetterListQuery
    ),
    responses(
        (status = 200, description = "A page of letter versions", body = PageDto<SafetyLetterDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_letters", skip_all)]
pub async fn list_letters(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<SafetyLetterListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = LetterFilter {
        plan_id: q.plan_id,
        period: q
            .period
            .as_deref()
            .map(|p| Period::parse("period", p).map(|p| p.to_string()))
            .transpose()?,
        status: q
            .status
            .as_deref()
            .map(|s| one_of("status", s, &STATUSES))
            .transpose()?,
    };
    let slug = t.slug().to_owned();
    let result = t
        .db(&state, move |conn, ctx| {
            safety_letters::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, |l| SafetyLetterDto::new(l, &slug))))
}
