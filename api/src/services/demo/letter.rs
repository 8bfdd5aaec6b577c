//! A Veiligheidsbrief over 2026 per cooperation, asked for by its coordinator: the worker compiles
//! it in its first round, so a new user finds a draft to open.

use diesel::PgConnection;
use uuid::Uuid;

use super::super::safety_letters::{self, LetterRequest};
use crate::authz::Grant;
use crate::db::{TenantDb, run_in_tenant};
use crate::domain::page::PageRequest;
use crate::domain::role::Role;
use crate::repo::plans::{self, PlanFilter};
use crate::repo::safety_letters::{self as letters, LetterFilter};
use crate::repo::tenants::TenantRow;
use crate::services::ServiceError;
use crate::services::tenant_access::TenantContext;

/// The period the demo's reviews and commitments are about.
const PERIOD: &str = "2026";

/// Asks for the letter unless the cooperation has one; answers whether it asked.
pub fn load(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    db: &TenantDb,
    coordinator: Uuid,
) -> Result<bool, ServiceError> {
    let (plan, existing) = run_in_tenant(conn, db, |tc| {
        let plan = plans::list(tc, &PlanFilter::default(), PageRequest::ALL)?
            .items
            .into_iter()
            .next();
        let existing = letters::list(tc, &LetterFilter::default(), PageRequest::ALL)?.total;
        Ok::<_, ServiceError>((plan, existing))
    })?;
    let Some(plan) = plan else {
        return Ok(false);
    };
    if existing > 0 {
        return Ok(false);
    }
    let ctx = TenantContext {
        tenant: tenant.clone(),
        db: db.clone().acting_as(coordinator),
        grants: vec![Grant {
            role: Role::Coordinator,
            municipality_id: None,
        }],
        user_id: coordinator,
    };
    safety_letters::request(
        conn,
        &ctx,
        &LetterRequest {
            plan_id: plan.id,
            period: PERIOD.to_owned(),
            municipality_ids: Vec::new(),
        },
        chrono::Utc::now(),
    )?;
    Ok(true)
}
