use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use crate::domain::commitment::CommitmentFilter;
use crate::domain::commitment::parse_status;
use crate::domain::csv_table::Separator;
use crate::domain::time::today;
use crate::http::dto::commitments::CommitmentExportQuery;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::commitment_csv;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/commitment-exports",
    tag = "Commitments",
    summary = "Commitments as a CSV file for a council information system or a spreadsheet",
    description = "Columns: kenmerk, titel, omschrijving, gemeente, datum_toezegging, vergadering, \
        bestuurder (email address), aangevraagd_door, fractie, ambtenaar (email address), termijn, \
        status (open, in behandeling, afgedaan, vervallen), datum_afdoening, kenmerk_brief, \
        titel_brief, reden_vervallen, prioriteiten (titles separated by ` | `). Dates are \
        YYYY-MM-DD. The file reads back into `commitment-imports` unchanged.",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        CommitmentExportQuery
    ),
    responses(
        (status = 200, description = "The CSV file (UTF-8)", body = String, content_type = "text/csv")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "export_commitments", skip_all)]
pub async fn export_commitments(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<CommitmentExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let sep = Separator::parse(q.separator.as_deref())?;
    let filter = CommitmentFilter {
        status: q.status.as_deref().map(parse_status).transpose()?,
        municipality_id: q.municipality_id,
        made_by_id: q.made_by_id,
        responsible_officer_id: None,
        priority_id: None,
        overdue: q.overdue,
        due_before: None,
        text: None,
        today: today(),
    };
    let slug = t.slug().to_owned();
    let csv = t
        .db(&state, move |conn, ctx| {
            commitment_csv::export(conn, ctx, &filter, sep)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"toezeggingen-{slug}.csv\""),
        ))
        .body(csv))
}
