//! Reminders of reviews (to the group; when late also to the coordinators) and of commitments
//! (to the responsible officer; when late also to the bestuurder who made it). The rules of
//! when are in `domain::reminders`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::render::{self, Footer};
use super::{Recipient, email};
use crate::error::WorkerError;
use crate::notifications::stages::{ReminderDays, Stage, commitment_stage, review_stage};
use api::db::run_in_tenant;
use api::domain::role::Role;
use api::repo::commitments;
use api::repo::notification_settings::{self, SettingsRow};
use api::repo::outbox::NewEmail;
use api::repo::tenants::TenantRow;
use api::repo::{memberships, municipalities, users};
use api::services::expert_groups;
use api::services::sessions::new_opaque_token;

pub const REVIEW_REMINDER: &str = "review_reminder";
pub const COMMITMENT_REMINDER: &str = "commitment_reminder";

/// The tenant's users as reminders need them.
struct People {
    emails: HashMap<Uuid, String>,
    coordinators: Vec<Uuid>,
}

/// The reminders due on `today` for the tenant, rendered.
pub fn due(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    base_url: &str,
    days: &ReminderDays,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<NewEmail>, WorkerError> {
    let db = tenant.db()?;
    let (groups, pending, towns) = run_in_tenant(conn, &db, |tc| {
        let groups = expert_groups::all_on(tc, today)?;
        let pending = commitments::pending_with_due_date(tc)?;
        let towns: HashMap<Uuid, String> = municipalities::all(tc)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        Ok::<_, WorkerError>((groups, pending, towns))
    })?;
    let members = memberships::for_tenant(conn, tenant.id)?;
    let mut ids: Vec<Uuid> = members.iter().map(|m| m.user_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let found = users::find_many(conn, &ids)?;
    let people = People {
        emails: found
            .iter()
            .filter(|u| u.is_active)
            .map(|u| (u.id, u.email.clone()))
            .collect(),
        coordinators: members
            .iter()
            .filter(|m| m.role == Role::Coordinator.as_str())
            .map(|m| m.user_id)
            .collect(),
    };
    let mut settings: HashMap<Uuid, SettingsRow> = HashMap::new();
    let mut out = Vec::new();
    let app = format!("{base_url}/samenwerkingsverbanden/{}", tenant.slug);
    let settings_url = format!("{base_url}/instellingen/meldingen");

    for g in &groups {
        let period = g.compliance.next_due_period.to_string();
        let due = g.compliance.next_due_on;
        let Some(stage) = review_stage(due, today, &days.review) else {
            continue;
        };
        let mut to: Vec<Recipient> = Vec::new();
        let users_to = g
            .group
            .chair_id
            .into_iter()
            .chain(g.members.iter().filter_map(|m| m.user_id))
            .chain(
                matches!(stage, Stage::Late(_))
                    .then_some(people.coordinators.iter().copied())
                    .into_iter()
                    .flatten(),
            );
        for u in users_to {
            if let Some(e) = people.emails.get(&u) {
                to.push(Recipient {
                    email: e.clone(),
                    user_id: Some(u),
                });
            }
        }
        for m in g.members.iter().filter(|m| m.user_id.is_none()) {
            if let Some(e) = &m.email {
                to.push(Recipient {
                    email: e.clone(),
                    user_id: None,
                });
            }
        }
        dedup(&mut to);
        let link = format!("{app}/expertgroepen/{}", g.group.id);
        for r in &to {
            let Some(unsubscribe) = wants_reminders(conn, &mut settings, r, base_url)? else {
                continue;
            };
            let footer = Footer {
                cooperation: tenant.name.clone(),
                settings_url: settings_url.clone(),
                unsubscribe_url: unsubscribe.clone(),
            };
            let rendered =
                render::review_reminder(&g.group.name, &period, due, stage, &link, &footer);
            out.push(email(
                tenant,
                REVIEW_REMINDER,
                r,
                format!("review:{}:{period}:{}", g.group.id, stage.key()),
                rendered,
                unsubscribe,
                base_url,
                now,
            ));
        }
    }

    for c in &pending {
        let Some(due) = c.due_on else { continue };
        let Some(stage) = commitment_stage(due, today, days.commitment) else {
            continue;
        };
        let mut user_ids: Vec<Uuid> = match c.responsible_officer_id {
            Some(o) => vec![o],
            // Nobody is named: the coordinators follow it up.
            None => people.coordinators.clone(),
        };
        if matches!(stage, Stage::Late(_)) {
            user_ids.push(c.made_by_id);
        }
        let mut to: Vec<Recipient> = user_ids
            .into_iter()
            .filter_map(|u| {
                people.emails.get(&u).map(|e| Recipient {
                    email: e.clone(),
                    user_id: Some(u),
                })
            })
            .collect();
        dedup(&mut to);
        let municipality = towns.get(&c.municipality_id).cloned().unwrap_or_default();
        let link = format!("{app}/toezeggingen/{}", c.id);
        for r in &to {
            let Some(unsubscribe) = wants_reminders(conn, &mut settings, r, base_url)? else {
                continue;
            };
            let footer = Footer {
                cooperation: tenant.name.clone(),
                settings_url: settings_url.clone(),
                unsubscribe_url: unsubscribe.clone(),
            };
            let rendered = render::commitment_reminder(
                &c.reference,
                &c.title,
                &municipality,
                due,
                stage,
                &link,
                &footer,
            );
            out.push(email(
                tenant,
                COMMITMENT_REMINDER,
                r,
                format!("commitment:{}:{due}:{}", c.id, stage.key()),
                rendered,
                unsubscribe,
                base_url,
                now,
            ));
        }
    }
    Ok(out)
}

fn dedup(to: &mut Vec<Recipient>) {
    let mut seen = std::collections::HashSet::new();
    to.retain(|r| seen.insert(r.email.to_lowercase()));
}

/// `None` when the recipient turned reminders off; otherwise their unsubscribe link (none for
/// people without an account).
fn wants_reminders(
    conn: &mut PgConnection,
    cache: &mut HashMap<Uuid, SettingsRow>,
    r: &Recipient,
    base_url: &str,
) -> Result<Option<Option<String>>, WorkerError> {
    let Some(user) = r.user_id else {
        return Ok(Some(None));
    };
    let s = match cache.entry(user) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(e) => e.insert(
            notification_settings::get_or_create(conn, user, &new_opaque_token()?)?,
        ),
    };
    if !s.reminders {
        return Ok(None);
    }
    Ok(Some(Some(format!(
        "{base_url}/api/v1/unsubscribe/{}?from=reminders",
        s.unsubscribe_token
    ))))
}
