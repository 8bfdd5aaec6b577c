use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::domain::InvalidField;
use crate::domain::measurement::AreaFilter;
use crate::domain::page::PageRequest;
use crate::http::dto::indicators::{MeasurementDto, MeasurementListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::routes::IndicatorPath;
use crate::http::state::AppState;
use crate::services::measurements;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/indicators/{indicatorId}/measurements",
    tag = "Measurements",
    summary = "Measurements of an indicator: the whole cooperation first, then per municipality, oldest period first",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("indicatorId" = Uuid, Path, description = "Id of the indicator"),
        MeasurementListQuery
    ),
    responses(
        (status = 200, description = "A page of measurements", body = PageDto<MeasurementDto>),
        (status = 422, description = "`municipalityId` together with `cooperationOnly=true`", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_measurements", skip_all)]
pub async fn list_measurements(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<IndicatorPath>,
    query: Query<MeasurementListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let area = match (q.municipality_id, q.cooperation_only.unwrap_or(false)) {
        (None, false) => AreaFilter::All,
        (None, true) => AreaFilter::Only(None),
        (Some(m), false) => AreaFilter::Only(Some(m)),
        (Some(_), true) => {
            return Err(InvalidField::in_context(
                "cooperationOnly",
                "kies óf een gemeente óf alleen de cijfers van het hele samenwerkingsverband",
            )
            .into());
        }
    };
    let indicator = path.indicator_id;
    let result = t
        .db(&state, move |conn, ctx| {
            measurements::list(conn, ctx, indicator, area, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, MeasurementDto::from)))
}
