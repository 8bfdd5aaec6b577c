use actix_web::{HttpResponse, web};

use crate::domain::page::PageRequest;
use crate::domain::text::search_filter;
use crate::http::dto::municipalities::{MunicipalityDto, MunicipalityListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::municipalities;

/// `GET /api/v1/tenants/{tenant}/municipalities?name=&page=&pageSize=`: with their districts.
#[utoipa::path(
    get,
    path = "/tenants/{tenant}/municipalities",
    tag = "Municipalities",
    summary = "Municipalities with their districts",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        MunicipalityListQuery
    ),
    responses(
        (status = 200, description = "A page of municipalities", body = PageDto<MunicipalityDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_municipalities", skip_all)]
pub async fn list_municipalities(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<MunicipalityListQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let page = PageRequest::parse(query.page, query.page_size)?;
    let name = search_filter("name", query.name.as_deref())?;
    let result = t
        .db(&state, move |conn, ctx| {
            municipalities::list(conn, ctx, name.as_deref(), page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, MunicipalityDto::from)))
}
