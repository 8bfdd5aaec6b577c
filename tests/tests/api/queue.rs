//! The one queue: emails and the other jobs are claimed, leased, retried and given up by the same
//! mechanism (`repo::jobs`), each in its own lane; only the holder of a claim finishes it; and the
//! migration that brought the outbox into the queue keeps every email's state.

use api::db::migrations::{PLATFORM_MIGRATIONS, migrate_platform};
use api::domain::job::{Job, Lane};
use api::repo::jobs;
use api::repo::outbox::{self, NewEmail};
use chrono::{Duration, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::MigrationHarness;
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, TestTenant, spawn_app};
use crate::mailcatcher::{MailCatcher, run_once};

fn email(tenant_id: Uuid, recipient: &str, key: &str) -> NewEmail {
    NewEmail {
        tenant_id,
        kind: "test".into(),
        recipient: recipient.into(),
        recipient_user_id: None,
        subject_key: key.into(),
        message_id: format!("{}@platform.test", Uuid::new_v4()),
        subject: format!("Bericht {key}"),
        body_text: "Tekst".into(),
        body_html: "<p>Tekst</p>".into(),
        unsubscribe_url: None,
        next_attempt_at: Utc::now() - Duration::minutes(1),
    }
}

/// The tenant's emails as its admins see them in the list, oldest first.
async fn listed(app: &TestApp, t: &TestTenant) -> Vec<Value> {
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/notifications", t.slug()),
            &t.admin_token,
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let mut items = res.body["items"].as_array().expect("items").clone();
    items.reverse();
    items
}

#[actix_rt::test]
async fn emails_and_jobs_share_one_queue_each_lane_takes_its_own_and_only_the_holder_finishes() {
    let app = spawn_app().await;
    let t = app.tenant("wachtrij").await;
    let pool = app.pool.clone();
    let tenant_id = t.row.id;
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        let now = Utc::now();
        assert!(
            outbox::insert_if_new(&mut conn, &email(tenant_id, "a@gemeente.example", "k"))
                .expect("stored")
        );
        // The same key again is the same email: nothing new is stored or queued.
        assert!(
            !outbox::insert_if_new(&mut conn, &email(tenant_id, "a@gemeente.example", "k"))
                .expect("stored")
        );
        let letter = Job::CompileSafetyLetter {
            letter_id: Uuid::new_v4(),
        };
        assert!(
            jobs::enqueue_job(&mut conn, &letter, Some(tenant_id), "letter:test", now)
                .expect("queued")
        );

        // Each lane takes the due job of its own kind, and nothing more.
        let lease = Duration::minutes(10);
        let work = jobs::claim_next(&mut conn, Lane::Work, "w1", now, now, lease)
            .expect("claim")
            .expect("a job");
        assert_eq!(work.kind, "compile_safety_letter");
        assert!(
            jobs::claim_next(&mut conn, Lane::Work, "w1", now, now, lease)
                .expect("claim")
                .is_none()
        );
        let delivery = jobs::claim_next(&mut conn, Lane::Delivery, "w1", now, now, lease)
            .expect("claim")
            .expect("the email");
        assert_eq!(delivery.kind, "deliver_email");
        let Ok(Job::DeliverEmail { email_id }) = Job::parse(&delivery.kind, &delivery.payload)
        else {
            panic!("a delivery job: {delivery:?}");
        };
        assert!(
            jobs::claim_next(&mut conn, Lane::Delivery, "w2", now, now, lease)
                .expect("claim")
                .is_none(),
            "held"
        );

        // w1 stops without finishing; after its lease w2 takes the email over.
        let later = now + Duration::minutes(11);
        let again = jobs::claim_next(&mut conn, Lane::Delivery, "w2", later, later, lease)
            .expect("claim")
            .expect("taken over");
        assert_eq!((again.id, again.attempts), (delivery.id, 2));
        // Only the holder finishes: w1 coming back late changes nothing.
        assert!(!outbox::mark_sent(&mut conn, email_id, delivery.id, "w1", later).expect("mark"));
        assert!(!jobs::mark_failed(&mut conn, work.id, "w2", "niet de mijne", None).expect("mark"));
        assert!(outbox::mark_sent(&mut conn, email_id, delivery.id, "w2", later).expect("mark"));
        assert!(jobs::mark_done(&mut conn, work.id, "w1").expect("mark"));
    })
    .await
    .expect("join");
    let emails = listed(&app, &t).await;
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0]["status"], "sent");
    assert_eq!(emails[0]["attempts"], 2);
}

#[actix_rt::test]
async fn an_email_the_server_cannot_take_is_dead_with_its_reason_and_the_others_go_out() {
    let app = spawn_app().await;
    let t = app.tenant("onbestelbaar").await;
    let mail = MailCatcher::start().await;
    let pool = app.pool.clone();
    let tenant_id = t.row.id;
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        for (recipient, key) in [("geen adres", "fout"), ("b@gemeente.example", "goed")] {
            assert!(
                outbox::insert_if_new(&mut conn, &email(tenant_id, recipient, key))
                    .expect("stored")
            );
        }
    })
    .await
    .expect("join");
    let out = run_once(&app, &mail.smtp_url(), &Utc::now().to_rfc3339()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mail.messages().await.len(), 1);
    let emails = listed(&app, &t).await;
    assert_eq!(emails[0]["status"], "dead", "{emails:?}");
    assert_eq!(emails[0]["attempts"], 1);
    assert!(
        emails[0]["lastError"]
            .as_str()
            .unwrap_or_default()
            .contains("geen adres"),
        "{emails:?}"
    );
    assert_eq!(emails[1]["status"], "sent", "{emails:?}");
    assert_eq!(emails[1]["lastError"], Value::Null);
    // Given up is given up: the next round does not try it again.
    run_once(
        &app,
        &mail.smtp_url(),
        &(Utc::now() + Duration::days(1)).to_rfc3339(),
    )
    .await;
    assert_eq!(listed(&app, &t).await[0]["attempts"], 1);
}

#[derive(QueryableByName, Debug, PartialEq)]
struct OldState {
    #[diesel(sql_type = diesel::sql_types::Text)]
    status: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    last_error: Option<String>,
}

/// Reverts the platform's migrations from the newest down to and including `version`.
fn revert_platform_through(conn: &mut PgConnection, version: &str) {
    conn.transaction(|c| {
        c.batch_execute("SET LOCAL search_path TO platform")?;
        loop {
            let reverted = c
                .revert_last_migration(PLATFORM_MIGRATIONS)
                .map_err(|e| diesel::result::Error::QueryBuilderError(e.to_string().into()))?;
            if reverted.to_string().starts_with(version) {
                return Ok::<_, diesel::result::Error>(());
            }
        }
    })
    .expect("reverted");
}

#[actix_rt::test]
async fn the_migration_to_one_queue_keeps_every_emails_state_both_ways() {
    let app = spawn_app().await;
    let t = app.tenant("verhuizing").await;
    let mail = MailCatcher::start().await;
    let pool = app.pool.clone();
    let tenant_id = t.row.id;
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        revert_platform_through(&mut conn, "20261207000001");
        // Emails in the outbox's own states, as before the one queue.
        conn.batch_execute(&format!(
            "INSERT INTO platform.outbox (tenant_id, kind, recipient, subject_key, message_id, subject, body_text, body_html, status, attempts, last_error, sent_at, next_attempt_at, claimed_by, claimed_until) VALUES
             ('{tenant_id}', 'digest', 'a@gemeente.example', 'k1', 'm1@platform.test', 'Wacht', 't', '<p>t</p>', 'pending', 1, 'server weg', NULL, now() - interval '1 minute', NULL, NULL),
             ('{tenant_id}', 'digest', 'b@gemeente.example', 'k2', 'm2@platform.test', 'Verstuurd', 't', '<p>t</p>', 'sent', 1, NULL, now() - interval '1 day', now(), NULL, NULL),
             ('{tenant_id}', 'digest', 'c@gemeente.example', 'k3', 'm3@platform.test', 'Opgegeven', 't', '<p>t</p>', 'dead', 3, 'geweigerd', NULL, now(), NULL, NULL),
             ('{tenant_id}', 'digest', 'd@gemeente.example', 'k4', 'm4@platform.test', 'Bezig', 't', '<p>t</p>', 'sending', 1, NULL, NULL, now(), 'w1', now() + interval '10 minutes')"
        ))
        .expect("old emails");
        migrate_platform(&mut conn).expect("up");
    })
    .await
    .expect("join");
    let emails = listed(&app, &t).await;
    let states: Vec<(&str, i64, &str)> = emails
        .iter()
        .map(|e| {
            (
                e["status"].as_str().unwrap_or_default(),
                e["attempts"].as_i64().unwrap_or_default(),
                e["lastError"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("pending", 1, "server weg"),
            ("sent", 1, ""),
            ("dead", 3, "geweigerd"),
            ("sending", 1, "")
        ]
    );
    // The waiting email goes out through the queue; the others are left as they are.
    let out = run_once(&app, &mail.smtp_url(), &Utc::now().to_rfc3339()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mail.message_ids().await, ["m1@platform.test"]);
    assert_eq!(listed(&app, &t).await[0]["status"], "sent");

    // And back: the outbox has its own states again, the delivery jobs are gone.
    let pool = app.pool.clone();
    let old = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        revert_platform_through(&mut conn, "20261207000001");
        let old = diesel::sql_query(
            "SELECT status, attempts, last_error FROM platform.outbox ORDER BY id",
        )
        .load::<OldState>(&mut conn)
        .expect("old states");
        let left: i64 = diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "SELECT count(*) FROM platform.jobs WHERE kind = 'deliver_email'",
        )
        .get_result(&mut conn)
        .expect("count");
        assert_eq!(left, 0);
        migrate_platform(&mut conn).expect("up again");
        old
    })
    .await
    .expect("join");
    let row = |status: &str, attempts, last_error: Option<&str>| OldState {
        status: status.into(),
        attempts,
        last_error: last_error.map(Into::into),
    };
    assert_eq!(
        old,
        [
            row("sent", 2, None),
            row("sent", 1, None),
            row("dead", 3, Some("geweigerd")),
            row("sending", 1, None),
        ]
    );
}

#[actix_rt::test]
async fn a_job_whose_runner_died_on_its_last_attempt_is_buried_as_dead_not_left_running() {
    let app = spawn_app().await;
    let t = app.tenant("begraven").await;
    let pool = app.pool.clone();
    let tenant_id = t.row.id;
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        assert!(
            outbox::insert_if_new(
                &mut conn,
                &email(tenant_id, "c@gemeente.example", "laatste")
            )
            .expect("stored")
        );
        // One attempt left, taken by a worker that then stops.
        diesel::sql_query("UPDATE platform.jobs SET max_attempts = 1 WHERE kind = 'deliver_email'")
            .execute(&mut conn)
            .expect("one attempt");
        let now = Utc::now();
        let lease = Duration::minutes(10);
        jobs::claim_next(&mut conn, Lane::Delivery, "w1", now, now, lease)
            .expect("claim")
            .expect("the email");
        let later = now + Duration::minutes(11);
        assert!(
            jobs::claim_next(&mut conn, Lane::Delivery, "w2", later, later, lease)
                .expect("claim")
                .is_none(),
            "no attempts left to take it over"
        );
        assert_eq!(
            jobs::bury_abandoned(&mut conn, now).expect("bury"),
            0,
            "its lease still holds"
        );
        assert_eq!(jobs::bury_abandoned(&mut conn, later).expect("bury"), 1);
    })
    .await
    .expect("join");
    let emails = listed(&app, &t).await;
    assert_eq!(emails[0]["status"], "dead", "{emails:?}");
    assert!(
        emails[0]["lastError"]
            .as_str()
            .unwrap_or_default()
            .contains("laatste poging"),
        "{emails:?}"
    );
}
