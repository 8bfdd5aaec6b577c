//! `audit_events` of a tenant schema. Triggers write the events of the tenant's own tables; this
//! layer reads them, and writes the events of tenant data kept in the platform schema (the
//! tenant's members and their roles). Nothing updates or deletes an event.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use diesel::sql_types::{Array, Jsonb, Nullable, Text, Uuid as SqlUuid};
use uuid::Uuid;

use crate::db::schema::tenant::audit_events;
use crate::db::{DbError, TenantConn};
use crate::domain::page::{Page, PageRequest};

pub use crate::domain::audit::AuditFilter;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditEventRow {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub entity_type: String,
    pub entity_id: Uuid,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub changed_fields: Vec<String>,
}

/// Newest first.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut TenantConn<'_>,
    f: &AuditFilter,
    page: PageRequest,
) -> Result<Page<AuditEventRow>, DbError> {
    let filtered = || {
        let mut q = audit_events::table.into_boxed();
        if let Some(t) = &f.entity_type {
            q = q.filter(audit_events::entity_type.eq(t.clone()));
        }
        if let Some(id) = f.entity_id {
            q = q.filter(audit_events::entity_id.eq(id));
        }
        if let Some(a) = f.actor_id {
            q = q.filter(audit_events::actor_id.eq(a));
        }
        if let Some(t) = f.from {
            q = q.filter(audit_events::occurred_at.ge(t));
        }
        if let Some(t) = f.until {
            q = q.filter(audit_events::occurred_at.lt(t));
        }
        q
    };
    // The trail only grows, and its rows are wide (before/after): a window count would read
    // every matching row for each page, so it is counted apart (an index-only count).
    let total = filtered().count().get_result(&mut **conn)?;
    let items = filtered()
        .select(AuditEventRow::as_select())
        .order(audit_events::id.desc())
        .limit(page.page_size)
        .offset(page.offset())
        .load(&mut **conn)?;
    Ok(Page::new(items, total, page))
}

/// A change of tenant data that lives outside the tenant schema, recorded like the triggers do:
/// by the actor of the transaction, with only the fields that differ listed as changed.
#[derive(Debug)]
pub struct ExternalChange<'a> {
    pub entity_type: &'a str,
    pub entity_id: Uuid,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

#[tracing::instrument(skip(conn, change), fields(entity_type = change.entity_type))]
pub fn record(conn: &mut TenantConn<'_>, change: &ExternalChange<'_>) -> Result<(), DbError> {
    let action = match (&change.before, &change.after) {
        (None, _) => "create",
        (Some(_), Some(_)) => "update",
        (Some(_), None) => "delete",
    };
    let fields = |v: &Option<serde_json::Value>| -> Vec<String> {
        v.as_ref()
            .and_then(serde_json::Value::as_object)
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut changed: Vec<String> = match (&change.before, &change.after) {
        (Some(b), Some(a)) => fields(&change.after)
            .into_iter()
            .filter(|k| b.get(k) != a.get(k))
            .collect(),
        _ => fields(if change.after.is_some() {
            &change.after
        } else {
            &change.before
        }),
    };
    changed.sort();
    if action == "update" && changed.is_empty() {
        return Ok(());
    }
    diesel::sql_query(
        "INSERT INTO audit_events (actor_id, entity_type, entity_id, action, before, after, changed_fields)
         VALUES (nullif(current_setting('app.actor_id', true), '')::uuid, $1, $2, $3, $4, $5, $6)",
    )
    .bind::<Text, _>(change.entity_type)
    .bind::<SqlUuid, _>(change.entity_id)
    .bind::<Text, _>(action)
    .bind::<Nullable<Jsonb>, _>(&change.before)
    .bind::<Nullable<Jsonb>, _>(&change.after)
    .bind::<Array<Text>, _>(&changed)
    .execute(&mut **conn)?;
    Ok(())
}
