use crate::http::problem::Problem;
use actix_web::{HttpResponse, web};

use crate::domain::email::EmailAddress;
use crate::domain::password::NewPassword;
use crate::domain::text::required_text;
use crate::http::dto::users::{CreateUserRequest, TenantUserDto, parse_roles};
use crate::http::extractors::TenantRequest;
use crate::http::json_body::Json;
use crate::http::problem::ApiError;
use crate::http::state::AppState;
use crate::services::ServiceError;
use crate::services::users::{self, NewTenantUser};

/// `POST /api/v1/tenants/{tenant}/users`: adds a user with roles (tenant admins). Without a
/// password a new account gets a generated one, returned once as `initialPassword`.
#[utoipa::path(
    post,
    path = "/tenants/{tenant}/users",
    tag = "Users",
    summary = "Add a user with roles (tenant admins)",
    request_body = CreateUserRequest,
    params(
        ("tenant" = String, Path, description = "Slug of the cooperation, e.g. `veluwe-west`")
    ),
    responses(
        (status = 201, description = "Added; `initialPassword` when one was generated", body = TenantUserDto),
        (status = 409, description = "An account with this email exists already (a platform admin links existing accounts)", body = Problem, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[tracing::instrument(name = "create_user", skip_all)]
pub async fn create_user(
    state: web::Data<AppState>,
    t: TenantRequest,
    body: Json<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let (password, generated) = match body.password.as_deref() {
        Some(p) => (NewPassword::parse(p)?, None),
        None => {
            let p = generate_password().map_err(ApiError::from)?;
            (NewPassword::parse(&p)?, Some(p))
        }
    };
    let new = NewTenantUser {
        email: EmailAddress::parse(&body.email)?,
        display_name: required_text("displayName", &body.display_name, 200)?,
        password: Some(password),
        grants: parse_roles(&body.roles)?,
    };
    let tenant = t.slug().to_owned();
    let user = t
        .db(&state, move |conn, ctx| users::create(conn, ctx, &new))
        .await?;
    let id = user.user.id;
    let mut dto = TenantUserDto::from(user);
    dto.initial_password = generated;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/tenants/{tenant}/users/{id}")))
        .json(dto))
}

/// A readable random password of 20 characters.
fn generate_password() -> Result<String, ServiceError> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}
