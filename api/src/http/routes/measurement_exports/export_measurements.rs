use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use crate::domain::csv_table::Separator;
use crate::domain::indicator::IndicatorFilter;
use crate::http::dto::indicators::ExportQuery;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::measurement_export;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/measurement-exports",
    tag = "Measurements",
    summary = "Indicators with their measurements as a CSV file",
    description = "One line per measurement with the indicator, its area's baseline and target \
        and the progress there. The file reads back into `measurement-imports` unchanged.",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ExportQuery
    ),
    responses(
        (status = 200, description = "The CSV file (UTF-8)", body = String, content_type = "text/csv")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "export_measurements", skip_all)]
pub async fn export_measurements(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let sep = Separator::parse(q.separator.as_deref())?;
    let filter = IndicatorFilter {
        priority_id: q.priority_id,
        plan_id: q.plan_id,
        name: None,
    };
    let slug = t.slug().to_owned();
    let csv = t
        .db(&state, move |conn, ctx| {
            measurement_export::export(conn, ctx, &filter, sep)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"metingen-{slug}.csv\""),
        ))
        .body(csv))
}
