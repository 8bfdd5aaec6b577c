//! The audit trail: read by tenant admins and coordinators, written only by the database triggers
//! and by services that change tenant data kept in the platform schema.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::tenant_access::TenantContext;
use super::user_names::{UserNames, names_of};
use crate::authz::TenantAction;
use crate::db::run_in_tenant;
use crate::domain::page::{Page, PageRequest};
use crate::repo::audit::{self, AuditEventRow, AuditFilter};

/// One change of tenant data, with the name of who made it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEventView {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// The actor's name; "systeem" when the platform itself made the change.
    pub actor_name: String,
    pub entity_type: String,
    pub entity_id: Uuid,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub changed_fields: Vec<String>,
}

impl AuditEventView {
    fn new(e: AuditEventRow, names: &UserNames) -> Self {
        AuditEventView {
            actor_name: match e.actor_id {
                None => "systeem".to_owned(),
                Some(id) => names
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| "onbekende gebruiker".to_owned()),
            },
            id: e.id,
            occurred_at: e.occurred_at,
            actor_id: e.actor_id,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
            action: e.action,
            before: e.before,
            after: e.after,
            changed_fields: e.changed_fields,
        }
    }
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    filter: &AuditFilter,
    page: PageRequest,
) -> Result<Page<AuditEventView>, ServiceError> {
    ctx.require(TenantAction::ReadAudit)?;
    let page = run_in_tenant(conn, &ctx.db, |tc| {
        Ok::<_, ServiceError>(audit::list(tc, filter, page)?)
    })?;
    let names = names_of(conn, page.items.iter().filter_map(|e| e.actor_id));
    Ok(page.map(|e| AuditEventView::new(e, &names)))
}
