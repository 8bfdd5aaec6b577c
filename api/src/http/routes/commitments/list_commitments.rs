use actix_web::{HttpResponse, web};

use crate::domain::commitment::CommitmentFilter;
use crate::domain::commitment::parse_status;
use crate::domain::page::PageRequest;
use crate::domain::text::search_filter;
use crate::domain::time::{plausible_date, today};
use crate::http::dto::commitments::{CommitmentDto, CommitmentListQuery};
use crate::http::dto::page::PageDto;
use crate::http::extractors::TenantRequest;
use crate::http::problem::ApiError;
use crate::http::query::Query;
use crate::http::state::AppState;
use crate::services::commitments;

#[utoipa::path(
    get,
    path = "/tenants/{tenant}/commitments",
    tag = "Commitments",
    summary = "Commitments (toezeggingen), soonest due first, filtered by status, municipality, bestuurder, overdue or due date",
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`"),
        CommitmentListQuery
    ),
    responses(
        (status = 200, description = "A page of commitments", body = PageDto<CommitmentDto>)
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "list_commitments", skip_all)]
pub async fn list_commitments(
    state: web::Data<AppState>,
    t: TenantRequest,
    query: Query<CommitmentListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let page = PageRequest::parse(q.page, q.page_size)?;
    let filter = CommitmentFilter {
        status: q.status.as_deref().map(parse_status).transpose()?,
        municipality_id: q.municipality_id,
        made_by_id: q.made_by_id,
        responsible_officer_id: q.responsible_officer_id,
        priority_id: q.priority_id,
        overdue: q.overdue,
        due_before: q
            .due_before
            .map(|d| plausible_date("dueBefore", d))
            .transpose()?,
        text: search_filter("q", q.q.as_deref())?,
        today: today(),
    };
    let (result, names) = t
        .db(&state, move |conn, ctx| {
            commitments::list(conn, ctx, &filter, page)
        })
        .await?;
    Ok(HttpResponse::Ok().json(PageDto::map(result, |c| CommitmentDto::new(c, &names))))
}
