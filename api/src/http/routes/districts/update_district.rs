use actix_web::{HttpResponse, web};

use crate::domain::municipality::DistrictFields;
use crate::http::dto::{AreaRequest, DistrictDto};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::DistrictPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `PUT /api/v1/tenants/{tenant}/municipalities/{municipalityId}/districts/{districtId}`.
#[tracing::instrument(name = "update_district", skip_all)]
pub async fn update_district(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<DistrictPath>,
    body: web::Json<AreaRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = DistrictFields::parse(&body.name, body.cbs_code.as_deref())?;
    let ctx = t.ctx;
    let (mid, did) = (path.municipality_id, path.district_id);
    let d = state
        .db(move |conn| municipalities::update_district(conn, &ctx, mid, did, &fields))
        .await?;
    Ok(HttpResponse::Ok().json(DistrictDto::from(d)))
}
