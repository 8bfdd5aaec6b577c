use actix_web::{HttpResponse, web};

use crate::http::dto::indicators::{IndicatorDto, IndicatorRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::IndicatorPath;
use crate::http::state::AppState;
use crate::services::indicators;

#[utoipa::path(
    put,
    path = "/tenants/{tenant}/indicators/{indicatorId}",
    tag = "Indicators",
    summary = "Replace an indicator's fields and its baselines and targets",
    request_body = IndicatorRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("indicatorId" = Uuid, Path, description = "Id of the indicator")
    ),
    responses(
        (status = 200, description = "Updated", body = IndicatorDto),
        (status = 409, description = "The priority has an indicator with this name already", body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "update_indicator", skip_all)]
pub async fn update_indicator(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<IndicatorPath>,
    body: Json<IndicatorRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let id = path.indicator_id;
    let indicator = t
        .db(&state, move |conn, ctx| {
            indicators::update(conn, ctx, id, &fields)
        })
        .await?;
    Ok(HttpResponse::Ok().json(IndicatorDto::from(indicator)))
}
