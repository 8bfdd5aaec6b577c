use actix_web::{HttpResponse, web};

use crate::http::dto::indicators::{MeasurementDetailDto, MeasurementHistoryDto};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::MeasurementPath;
use crate::http::state::AppState;
use crate::services::measurements;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/indicators/{indicatorId}/measurements/{measurementId}",
    tag = "Measurements",
    summary = "A measurement with every earlier value of the same area and period, newest first",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("indicatorId" = Uuid, Path, description = "Id of the indicator"),
        ("measurementId" = Uuid, Path, description = "Id of the measurement")
    ),
    responses(
        (status = 200, description = "The measurement and its history", body = MeasurementDetailDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "get_measurement", skip_all)]
pub async fn get_measurement(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MeasurementPath>,
) -> Result<HttpResponse, ApiError> {
    let (indicator, id) = (path.indicator_id, path.measurement_id);
    let (measurement, history) = t
        .db(&state, move |conn, ctx| {
            measurements::get(conn, ctx, indicator, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(MeasurementDetailDto {
        measurement: measurement.into(),
        history: history
            .into_iter()
            .map(MeasurementHistoryDto::from)
            .collect(),
    }))
}
