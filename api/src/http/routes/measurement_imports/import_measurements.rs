use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::csv_body::read_csv;
use crate::http::dto::indicators::{ImportQuery, ImportReportDto};
use crate::http::extractors::TenantRequest;
use crate::http::problem::{ApiError, Problem};
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::measurement_import;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/measurement-imports",
    tag = "Measurements",
    summary = "Import measurements from a CSV file: all rows or none",
    description = "The first line names the columns: `indicator` (name) or `indicator_id`, \
        `municipality` (empty: the whole cooperation), `period` (2024 or 2026-H1), `value`, and \
        optionally `source_note`, `indicator_code`, `unit` and `cooperation` (checked against the \
        indicator and the cooperation). Lines with an indicator but neither period nor value are \
        skipped and counted (the export writes them for areas without figures). Dutch column names (gemeente, periode, waarde, toelichting) \
        work too; other columns are ignored. Comma-separated files use a decimal point, \
        semicolon-separated files (Dutch Excel) a decimal comma. Every row is checked; when one \
        is refused nothing is written and the answer (422) lists every refused line in \
        `rejectedRows`. Entering a value again replaces it and keeps the earlier one in the \
        history. At most 10 MB and 50,000 rows.",
    request_body(content = String, content_type = "text/csv", description = "The CSV file, UTF-8"),
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ImportQuery
    ),
    responses(
        (status = 200, description = "Imported (or, with dryRun, checked)", body = ImportReportDto),
        (status = 413, description = "The file is larger than 10 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not text/csv", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rows were refused, listed in `rejectedRows`; nothing was written", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "import_measurements", skip_all)]
pub async fn import_measurements(
    state: web::Data<AppState>,
    t: TenantRequest,
    req: HttpRequest,
    query: Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    t.check(&state, measurement_import::require_import_rights)
        .await?;
    let csv = read_csv(&req, payload).await?;
    let dry_run = query.dry_run.unwrap_or(false);
    let report = t
        .db(&state, move |conn, ctx| {
            measurement_import::import(conn, ctx, &csv, dry_run)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ImportReportDto::from(report)))
}
