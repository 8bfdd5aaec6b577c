use actix_web::{HttpResponse, web};

use crate::domain::municipality::DistrictFields;
use crate::http::dto::{AreaRequest, DistrictDto};
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::routes::MunicipalityPath;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `POST /api/v1/tenants/{tenant}/municipalities/{municipalityId}/districts`.
#[tracing::instrument(name = "create_district", skip_all)]
pub async fn create_district(
    state: web::Data<AppState>,
    t: TenantRequest,
    path: web::Path<MunicipalityPath>,
    body: web::Json<AreaRequest>,
) -> Result<HttpResponse, ApiError> {
    let fields = DistrictFields::parse(&body.name, body.cbs_code.as_deref())?;
    let ctx = t.ctx;
    let tenant = ctx.tenant.slug.clone();
    let mid = path.municipality_id;
    let d = state
        .db(move |conn| municipalities::create_district(conn, &ctx, mid, &fields))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!(
                "/api/v1/tenants/{tenant}/municipalities/{mid}/districts/{}",
                d.id
            ),
        ))
        .json(DistrictDto::from(d)))
}
