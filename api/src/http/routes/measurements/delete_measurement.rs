use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::MeasurementPath;
use crate::http::state::AppState;
use crate::services::measurements;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/indicators/{indicatorId}/measurements/{measurementId}",
    tag = "Measurements",
    summary = "Delete a measurement; its last value stays in the history",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("indicatorId" = Uuid, Path, description = "Id of the indicator"),
        ("measurementId" = Uuid, Path, description = "Id of the measurement")
    ),
    responses(
        (status = 204, description = "Deleted")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_measurement", skip_all)]
pub async fn delete_measurement(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MeasurementPath>,
) -> Result<HttpResponse, ApiError> {
    let (indicator, id) = (path.indicator_id, path.measurement_id);
    t.db(&state, move |conn, ctx| {
        measurements::delete(conn, ctx, indicator, id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
