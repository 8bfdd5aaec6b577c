use actix_web::{HttpResponse, web};

use crate::http::dto::indicators::IndicatorDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::IndicatorPath;
use crate::http::state::AppState;
use crate::services::indicators;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/indicators/{indicatorId}",
    tag = "Indicators",
    summary = "An indicator with its baseline, target, latest measurement and progress per area",
    description = "Progress per area follows the rule described at `ProgressDto`.",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("indicatorId" = Uuid, Path, description = "Id of the indicator")
    ),
    responses(
        (status = 200, description = "The indicator", body = IndicatorDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_indicator", skip_all)]
pub async fn get_indicator(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<IndicatorPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.indicator_id;
    let indicator = t
        .db(&state, move |conn, ctx| indicators::get(conn, ctx, id))
        .await?;
    Ok(HttpResponse::Ok().json(IndicatorDto::from(indicator)))
}
