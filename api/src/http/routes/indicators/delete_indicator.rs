use actix_web::{HttpResponse, web};

use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::IndicatorPath;
use crate::http::state::AppState;
use crate::services::indicators;

#[utoipa::path(
    delete,
    path = "/tenants/{tenant}/indicators/{indicatorId}",
    tag = "Indicators",
    summary = "Delete an indicator that has no measurements",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ("indicatorId" = Uuid, Path, description = "Id of the indicator")
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "The indicator has measurements", body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "delete_indicator", skip_all)]
pub async fn delete_indicator(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<IndicatorPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.indicator_id;
    t.db(&state, move |conn, ctx| indicators::delete(conn, ctx, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
