//! Extractors that authenticate the caller and resolve the tenant of the path.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use super::problem::ApiError;
use super::state::AppState;
use super::telemetry_span::record;
use diesel::PgConnection;
use uuid::Uuid;

use crate::services::ServiceError;
use crate::services::principal::{self, Principal};
use crate::services::tenant_access::{self, TenantContext};

/// A caller with a valid access token whose account is active.
#[derive(Debug)]
pub struct Authenticated(pub Principal);

/// A caller with a valid access token, about the tenant named by `{tenant}` in the path. Whether
/// they are an active member of it is looked up with the handler's own database work (`db`):
/// one connection, one trip to the blocking pool and one statement more per request, and no
/// connection held while the request's body is read.
#[derive(Debug)]
pub struct TenantRequest {
    user_id: Uuid,
    slug: String,
}

impl TenantRequest {
    /// The slug of the path's tenant.
    pub fn slug(&self) -> &str {
        &self.slug
    }

    /// Checks the caller's rights in the tenant before a large body is read (an import): one
    /// more trip to the database, to refuse an upload before taking it in.
    pub async fn check<F>(&self, state: &AppState, rule: F) -> Result<(), ApiError>
    where
        F: FnOnce(&TenantContext) -> Result<(), ServiceError> + Send + 'static,
    {
        let (user_id, slug) = (self.user_id, self.slug.clone());
        state
            .db(move |conn| rule(&tenant_access::resolve_caller(conn, user_id, &slug)?))
            .await
    }

    /// Runs `work` for an active member of the path's active tenant; otherwise answers as a
    /// tenant they cannot see (404), a suspended one (403) or a deactivated account (401).
    pub async fn db<T, F>(self, state: &AppState, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection, &TenantContext) -> Result<T, ServiceError> + Send + 'static,
    {
        let TenantRequest { user_id, slug } = self;
        state
            .db_in_cooperation(slug.clone(), move |conn| {
                let ctx = tenant_access::resolve_caller(conn, user_id, &slug)?;
                work(conn, &ctx)
            })
            .await
    }
}

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| {
            ApiError::from(crate::services::ServiceError::Internal(
                "app state missing".into(),
            ))
        })
}

/// The user id of a valid access token (no database involved).
fn token_user(req: &HttpRequest, state: &AppState) -> Result<Uuid, ApiError> {
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::unauthenticated(
                "Meld u aan: stuur een toegangstoken als 'Authorization: Bearer …'",
            )
        })?;
    let claims = state.issuer.verify(token).map_err(|e| {
        tracing::info!(error = %e, "access token refused");
        ApiError::unauthenticated("Het toegangstoken is ongeldig of verlopen")
    })?;
    record(req, "user_id", &claims.sub.to_string());
    Ok(claims.sub)
}

/// The active account behind the token, with its memberships.
fn load_principal(conn: &mut PgConnection, user_id: Uuid) -> Result<Principal, ServiceError> {
    principal::load(conn, user_id)?.ok_or_else(|| {
        ServiceError::unauthenticated("Dit account bestaat niet meer of is gedeactiveerd")
    })
}

impl FromRequest for Authenticated {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = state(&req)?;
            let user_id = token_user(&req, &state)?;
            let principal = state.db(move |conn| load_principal(conn, user_id)).await?;
            Ok(Authenticated(principal))
        })
    }
}

impl FromRequest for TenantRequest {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = state(&req)?;
            let user_id = token_user(&req, &state)?;
            let slug = req
                .match_info()
                .get("tenant")
                .unwrap_or_default()
                .to_owned();
            record(&req, "tenant", &slug);
            Ok(TenantRequest { user_id, slug })
        })
    }
}
