use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::csv_body::read_csv;
use crate::http::dto::commitments::CommitmentImportReportDto;
use crate::http::dto::indicators::ImportQuery;
use crate::http::extractors::TenantRequest;
use crate::http::problem::{ApiError, Problem};
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::commitment_csv;

#[utoipa::path(
    post,
    path = "/tenants/{tenant}/commitment-imports",
    tag = "Commitments",
    summary = "Import commitments from a CSV file: all rows or none",
    description = "Takes the columns of `commitment-exports`, or as council information systems \
        name them (nummer, onderwerp, datum, commissie, portefeuillehouder, raadslid, fractie, \
        behandelaar, streefdatum, status, afdoeningsdatum …), in any order; other columns are \
        ignored. Required: kenmerk, titel, gemeente (name or CBS code), datum_toezegging and \
        bestuurder (email address or name of a bestuurder of this cooperation). Dates are \
        2026-01-22 or 22-01-2026. A line whose kenmerk exists updates that commitment; a new \
        kenmerk registers one. Every row is checked against the same rules as the API; when one \
        is refused nothing is written and the answer (422) lists every refused line in \
        `rejectedRows`. At most 10 MB and 10,000 rows.",
    request_body(content = String, content_type = "text/csv", description = "The CSV file, UTF-8"),
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        ImportQuery
    ),
    responses(
        (status = 200, description = "Imported (or, with dryRun, checked)", body = CommitmentImportReportDto),
        (status = 413, description = "The file is larger than 10 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not text/csv", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rows were refused, listed in `rejectedRows`; nothing was written", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "import_commitments", skip_all)]
pub async fn import_commitments(
    state: web::Data<AppState>,
    t: TenantRequest,
    req: HttpRequest,
    query: Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    t.check(&state, commitment_csv::require_import_rights)
        .await?;
    let csv = read_csv(&req, payload).await?;
    let dry_run = query.dry_run.unwrap_or(false);
    let report = t
        .db(&state, move |conn, ctx| {
            commitment_csv::import(conn, ctx, &csv, dry_run)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CommitmentImportReportDto::from(report)))
}
