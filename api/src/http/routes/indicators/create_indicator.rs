use actix_web::{HttpResponse, web};

use crate::http::dto::indicators::{IndicatorDto, IndicatorRequest};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::indicators;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/indicators",
    tag = "Indicators",
    summary = "Add an indicator with its baseline and target per area (whoever may edit the priority)",
    description = "Areas must fit the priority: a cooperation-wide priority is measured in every \
        municipality and for the whole cooperation, a local one only in its own municipality. A \
        target's comparator may not contradict the direction, and lies after the baseline.",
    request_body = IndicatorRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 201, description = "Added", body = IndicatorDto),
        (status = 409, description = "The priority has an indicator with this name already", body = crate::http::problem::Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_indicator", skip_all)]
pub async fn create_indicator(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<IndicatorRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.parse()?;
    let tenant = t.slug().to_owned();
    let indicator = t
        .db(&state, move |conn, ctx| {
            indicators::create(conn, ctx, &fields)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!(
                "/api/v1/tenants/{tenant}/indicators/{}",
                indicator.indicator.id
            ),
        ))
        .json(IndicatorDto::from(indicator)))
}
