//! The digest of a bestuurder, per cooperation, on their schedule: commitments due within 30
//! days and overdue (their own first), reviews submitted or adopted since the last digest,
//! indicators that went off track since then, and the next review deadlines. No email when there
//! is nothing to say. The first digest comes at once; the next ones on their day only.

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::render::{self, DigestContent, Footer};
use super::{Recipient, email};
use crate::error::WorkerError;
use crate::notifications::digest_schedule::{Frequency, current_slot};
use api::db::run_in_tenant;
use api::domain::commitment::is_overdue;
use api::domain::page::PageRequest;
use api::domain::period::Moment;
use api::domain::progress::Status;
use api::domain::role::Role;
use api::domain::time::{date_in_netherlands, dutch_date};
use api::repo::commitments::{self, CommitmentRow};
use api::repo::indicators::{self, IndicatorFilter};
use api::repo::notification_settings;
use api::repo::outbox::{self, NewEmail};
use api::repo::reviews::{self, ReviewRow};
use api::repo::tenants::TenantRow;
use api::repo::{memberships, municipalities, users};
use api::services::expert_groups::{self, ExpertGroupView};
use api::services::progress::indicator_views;
use api::services::sessions::new_opaque_token;

pub const DIGEST: &str = "digest";

/// A digest goes out within this many hours after its slot begins (a worker that was away on
/// Monday morning still sends it that day), never later in the week.
const SEND_WITHIN_HOURS: i64 = 24;

/// What the tenant has to report, before it is cut to one bestuurder's period.
struct Facts {
    commitments: Vec<CommitmentRow>,
    towns: std::collections::HashMap<Uuid, String>,
    reviews: Vec<(ReviewRow, String)>,
    /// (indicator, area, explanation, entered at)
    off_track: Vec<(String, String, String, DateTime<Utc>)>,
    groups: Vec<ExpertGroupView>,
}

fn facts(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    today: NaiveDate,
    earliest: DateTime<Utc>,
) -> Result<Facts, WorkerError> {
    let db = tenant.db()?;
    run_in_tenant(conn, &db, |tc| {
        let commitments = commitments::pending_with_due_date(tc)?;
        let towns = municipalities::all(tc)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        let reviews = reviews::decided_since(tc, earliest)?;
        let rows = indicators::list(tc, &IndicatorFilter::default(), PageRequest::ALL)?.items;
        let mut off_track = Vec::new();
        for v in indicator_views(rows, Moment::of_date(today))? {
            for a in &v.areas {
                let Some(latest) = a.progress.latest else {
                    continue;
                };
                if a.progress.status != Status::OffTrack {
                    continue;
                }
                let entered = v
                    .measurements
                    .iter()
                    .filter(|m| {
                        m.municipality_id == a.municipality_id
                            && m.period == latest.period.to_string()
                    })
                    .map(|m| m.entered_at)
                    .max();
                if let Some(at) = entered {
                    off_track.push((
                        v.indicator.name.clone(),
                        a.area_name.clone(),
                        a.progress.explanation.clone(),
                        at,
                    ));
                }
            }
        }
        let groups = expert_groups::all_on(tc, today)?;
        Ok::<_, WorkerError>(Facts {
            commitments,
            towns,
            reviews,
            off_track,
            groups,
        })
    })
}

/// The digests due at `now` for the tenant's bestuurders, rendered.
pub fn due(
    conn: &mut PgConnection,
    tenant: &TenantRow,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<Vec<NewEmail>, WorkerError> {
    let today = date_in_netherlands(now);
    let members = memberships::for_tenant(conn, tenant.id)?;
    let mut ids: Vec<Uuid> = members
        .iter()
        .filter(|m| m.role == Role::Bestuurder.as_str())
        .map(|m| m.user_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut wanted = Vec::new();
    for user in users::find_many(conn, &ids)?
        .into_iter()
        .filter(|u| u.is_active)
    {
        let settings = notification_settings::get_or_create(conn, user.id, &new_opaque_token()?)?;
        let Some(frequency) = Frequency::from_setting(&settings.digest) else {
            continue;
        };
        let mut slot = current_slot(frequency, now);
        let key = format!("digest:{}", slot.key);
        if outbox::exists(conn, tenant.id, DIGEST, &user.email, &key)? {
            continue;
        }
        // The first digest comes at once (a new bestuurder, or the platform's first days); after
        // that only on the slot's day, reporting what happened since the last one.
        if let Some(last) = outbox::last_stored(conn, tenant.id, DIGEST, &user.email)? {
            if now >= slot.starts + Duration::hours(SEND_WITHIN_HOURS) {
                continue;
            }
            slot.since = last;
        }
        wanted.push((user, settings, slot, key));
    }
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let earliest = wanted
        .iter()
        .map(|(_, _, s, _)| s.since)
        .min()
        .unwrap_or(now);
    let facts = facts(conn, tenant, today, earliest)?;
    let app = format!("{base_url}/samenwerkingsverbanden/{}", tenant.slug);
    let horizon = today.checked_add_days(Days::new(30)).unwrap_or(today);
    let mut out = Vec::new();
    for (user, settings, slot, key) in wanted {
        let mut commitments: Vec<&CommitmentRow> = facts
            .commitments
            .iter()
            .filter(|c| c.due_on.is_some_and(|d| d <= horizon))
            .collect();
        commitments.sort_by_key(|c| {
            (
                c.made_by_id != user.id,
                !is_overdue(&c.status, c.due_on, today),
                c.due_on,
            )
        });
        let content = DigestContent {
            commitments: commitments
                .iter()
                .map(|c| {
                    let overdue = is_overdue(&c.status, c.due_on, today);
                    format!(
                        "{}{} {} ({}), {} {}",
                        if c.made_by_id == user.id {
                            "Uw toezegging "
                        } else {
                            ""
                        },
                        c.reference,
                        c.title,
                        facts
                            .towns
                            .get(&c.municipality_id)
                            .cloned()
                            .unwrap_or_default(),
                        if overdue {
                            "verlopen sinds"
                        } else {
                            "uiterlijk"
                        },
                        c.due_on.map(dutch_date).unwrap_or_default()
                    )
                })
                .collect(),
            reviews: facts
                .reviews
                .iter()
                .filter(|(r, _)| {
                    r.submitted_at.is_some_and(|t| t >= slot.since)
                        || r.decided_at.is_some_and(|t| t >= slot.since)
                })
                .map(|(r, group)| format!("{group}: evaluatie {} {}", r.period, r.status))
                .collect(),
            off_track: facts
                .off_track
                .iter()
                .filter(|(_, _, _, at)| *at >= slot.since)
                .map(|(name, area, why, _)| format!("{name} ({area}): {why}"))
                .collect(),
            deadlines: facts
                .groups
                .iter()
                .filter(|g| g.compliance.overdue || g.compliance.next_due_on <= horizon)
                .map(|g| {
                    format!(
                        "{}: evaluatie {} {} {}",
                        g.group.name,
                        g.compliance.next_due_period,
                        if g.compliance.overdue {
                            "was nodig op"
                        } else {
                            "uiterlijk"
                        },
                        dutch_date(g.compliance.next_due_on)
                    )
                })
                .collect(),
        };
        if content.is_empty() {
            continue;
        }
        let unsubscribe = format!(
            "{base_url}/api/v1/unsubscribe/{}?from=digest",
            settings.unsubscribe_token
        );
        let footer = Footer {
            cooperation: tenant.name.clone(),
            settings_url: format!("{base_url}/instellingen/meldingen"),
            unsubscribe_url: Some(unsubscribe.clone()),
        };
        let rendered = render::digest(&user.display_name, &tenant.name, &content, &app, &footer);
        out.push(email(
            tenant,
            DIGEST,
            &Recipient {
                email: user.email.clone(),
                user_id: Some(user.id),
            },
            key,
            rendered,
            Some(unsubscribe),
            base_url,
            now,
        ));
    }
    Ok(out)
}
