use actix_web::{HttpResponse, web};

use crate::domain::measurement::Recorded;
use crate::http::dto::indicators::{MeasurementDto, MeasurementRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::routes::IndicatorPath;
use crate::http::state::AppState;
use crate::services::measurements;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/indicators/{indicatorId}/measurements",
    tag = "Measurements",
    summary = "Enter the value of an indicator for an area and period",
    description = "There is one value per indicator, area and period: entering it again replaces \
        the value and keeps the earlier one in the measurement's history. A coordinator scoped to \
        a municipality enters only that municipality's figures.",
    request_body = MeasurementRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("indicatorId" = Uuid, Path, description = "Id of the indicator")
    ),
    responses(
        (status = 201, description = "Entered for the first time", body = MeasurementDto),
        (status = 200, description = "Replaced an earlier value (kept in the history), or the same value was there already", body = MeasurementDto)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "record_measurement", skip_all)]
pub async fn record_measurement(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<IndicatorPath>,
    body: Json<MeasurementRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let tenant = t.slug().to_owned();
    let indicator = path.indicator_id;
    let (row, recorded) = t
        .db(&state, move |conn, ctx| {
            measurements::record(conn, ctx, indicator, &fields)
        })
        .await?;
    let location = format!(
        "/api/v1/tenants/{tenant}/indicators/{indicator}/measurements/{}",
        row.id
    );
    let mut res = match recorded {
        Recorded::Created => HttpResponse::Created(),
        Recorded::Updated | Recorded::Unchanged => HttpResponse::Ok(),
    };
    Ok(res
        .insert_header(("Location", location))
        .json(MeasurementDto::from(row)))
}
