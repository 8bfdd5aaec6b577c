use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use super::require_platform_admin;
use crate::domain::email::EmailAddress;
use crate::domain::password::NewPassword;
use crate::domain::slug::TenantSlug;
use crate::domain::text::required_text;
use crate::http::dto::tenants::{CreateTenantRequest, TenantDto};
use crate::http::extractors::Authenticated;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::provisioning::{self, NewTenant, TenantView};

/// `POST /api/v1/tenants`: provisions a tenant with its first tenant admin (platform admins).
#[utoipa::path(
    post,
    path = "/tenants",
    tag = "Tenants",
    summary = "Provision a cooperation with its first tenant admin (platform admins)",
    request_body = CreateTenantRequest,
    responses(
        (status = 201, description = "Provisioned", body = TenantDto),
        (status = 409, description = "The slug is taken", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_tenant", skip_all)]
pub async fn create_tenant(
    state: web::Data<AppState>,
    Authenticated(p): Authenticated,
    body: Json<CreateTenantRequest>,
) -> Result<HttpResponse, ApiError> {
    require_platform_admin(&p)?;
    let body = body.into_inner();
    let new = NewTenant {
        slug: TenantSlug::parse(&body.slug)?,
        name: required_text("name", &body.name, 200)?,
        admin_email: EmailAddress::parse(&body.admin.email)?,
        admin_name: required_text("admin.displayName", &body.admin.display_name, 200)?,
        admin_password: body
            .admin
            .password
            .as_deref()
            .map(NewPassword::parse)
            .transpose()?,
    };
    // Counted as a cooperation its connection served: making the schema fills that
    // connection's catalog caches as much as using it does.
    let slug = new.slug.as_str().to_owned();
    let tenant = state
        .db_in_cooperation(slug, move |conn| {
            provisioning::create_tenant(conn, &new).map(TenantView::from)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/tenants/{}", tenant.slug)))
        .json(TenantDto::from(tenant)))
}
