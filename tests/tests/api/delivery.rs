//! The outbox reaches a real SMTP server (MailDev) through the worker binary: once, with its
//! Message-ID, after a crash, after an outage, and with two workers side by side.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use api::repo::outbox::{self, NewEmail};
use chrono::Utc;
use uuid::Uuid;

use crate::helpers::{TestApp, TestTenant, spawn_app};
use crate::mailcatcher::{MailCatcher, run_once, spawn_daemon, spawn_once};

/// Stores `n` emails for the tenant, due now; answers their Message-IDs.
async fn store_emails(app: &TestApp, t: &TestTenant, n: usize) -> Vec<String> {
    let pool = app.pool.clone();
    let tenant_id = t.row.id;
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        (0..n)
            .map(|i| {
                let message_id = format!("{}@platform.test", Uuid::new_v4());
                let stored = outbox::insert_if_new(
                    &mut conn,
                    &NewEmail {
                        tenant_id,
                        kind: "test".into(),
                        recipient: format!("ontvanger{i}@gemeente.example"),
                        recipient_user_id: None,
                        subject_key: format!("test:{i}"),
                        message_id: message_id.clone(),
                        subject: format!("Bericht {i}"),
                        body_text: format!("Tekst {i}"),
                        body_html: format!("<p>Tekst {i}</p>"),
                        unsubscribe_url: Some("http://platform.test/api/v1/unsubscribe/abc".into()),
                        next_attempt_at: Utc::now() - chrono::Duration::minutes(1),
                    },
                )
                .expect("stored");
                assert!(stored);
                message_id
            })
            .collect()
    })
    .await
    .expect("join")
}

/// How many of the tenant's emails have each status, as its admins see them in the list.
async fn statuses(app: &TestApp, t: &TestTenant) -> HashMap<String, i64> {
    let mut counts = HashMap::new();
    for status in ["pending", "sending", "sent", "dead"] {
        let res = app
            .get(
                &format!(
                    "/api/v1/tenants/{}/notifications?status={status}&pageSize=1",
                    t.slug()
                ),
                &t.admin_token,
            )
            .await;
        assert_eq!(res.status.as_u16(), 200, "{}", res.text);
        let n = res.body["total"].as_i64().expect("total");
        if n > 0 {
            counts.insert(status.to_owned(), n);
        }
    }
    counts
}

#[allow(clippy::print_stdout)]
fn report(line: &str) {
    println!("{line}");
}

fn now() -> String {
    Utc::now().to_rfc3339()
}

#[actix_rt::test]
async fn stored_emails_arrive_once_as_multipart_with_their_message_id() {
    let app = spawn_app().await;
    let t = app.tenant("bezorging").await;
    let mail = MailCatcher::start().await;
    let ids = store_emails(&app, &t, 3).await;
    let out = run_once(&app, &mail.smtp_url(), &now()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut got = mail.message_ids().await;
    got.sort();
    let mut want = ids.clone();
    want.sort();
    assert_eq!(got, want);
    let m = &mail.messages().await[0];
    assert!(
        m["html"].as_str().unwrap_or_default().contains("<p>Tekst"),
        "{m}"
    );
    assert!(
        m["text"].as_str().unwrap_or_default().contains("Tekst"),
        "{m}"
    );
    let source = mail.source(m["id"].as_str().expect("id")).await;
    assert!(
        source.contains("List-Unsubscribe: <http://platform.test/api/v1/unsubscribe/abc>"),
        "{source}"
    );
    assert!(
        source.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{source}"
    );
    assert!(source.contains("multipart/alternative"), "{source}");
    assert_eq!(statuses(&app, &t).await.get("sent"), Some(&3));
    // A second round sends nothing again.
    run_once(&app, &mail.smtp_url(), &now()).await;
    assert_eq!(mail.message_ids().await.len(), 3);
}

#[actix_rt::test]
async fn a_worker_killed_mid_batch_loses_nothing_and_repeats_at_most_the_email_in_flight() {
    let app = spawn_app().await;
    let t = app.tenant("crash").await;
    let mail = MailCatcher::start().await;
    let ids = store_emails(&app, &t, 500).await;
    let mut worker = spawn_once(&app, &mail.smtp_url(), &now());
    // Kill it with SIGKILL once a good part of the batch is out.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let n = mail.message_ids().await.len();
        if n >= 150 {
            break;
        }
        assert!(Instant::now() < deadline, "only {n} emails arrived");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // A crash comes at no particular moment: wait a little more, by chance, before the kill.
    let jitter = u64::from(Uuid::new_v4().as_bytes()[0] % 40);
    tokio::time::sleep(Duration::from_millis(jitter)).await;
    worker.kill().expect("SIGKILL");
    worker.wait().expect("reaped");
    let before = mail.message_ids().await.len();
    assert!(
        before < 500,
        "the worker was killed before it finished ({before})"
    );
    // The next worker finds the email the killed one held once its claim ran out (the lease is
    // ten minutes: the next round is run eleven minutes later), and everything else.
    let later = (Utc::now() + chrono::Duration::minutes(11)).to_rfc3339();
    let out = run_once(&app, &mail.smtp_url(), &later).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = mail.message_ids().await;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in &got {
        *counts.entry(id.as_str()).or_default() += 1;
    }
    let missing = ids
        .iter()
        .filter(|i| !counts.contains_key(i.as_str()))
        .count();
    let repeated: usize = counts.values().map(|c| c - 1).sum();
    // The issue asks to measure how often a crash repeats an email: the figure goes to the log.
    report(&format!(
        "crash test: 500 emails, killed after {before}, {missing} missing, {repeated} sent twice"
    ));
    assert_eq!(missing, 0, "every email arrives");
    assert!(
        repeated <= 1,
        "at most the one email in flight is repeated, got {repeated}"
    );
    assert_eq!(statuses(&app, &t).await.get("sent"), Some(&500));
}

#[actix_rt::test]
async fn emails_wait_out_an_outage_and_arrive_after_the_backoff() {
    let app = spawn_app().await;
    let t = app.tenant("storing").await;
    let mut mail = MailCatcher::start().await;
    let ids = store_emails(&app, &t, 20).await;
    mail.stop();
    let t0 = Utc::now();
    let out = run_once(&app, &mail.smtp_url(), &t0.to_rfc3339()).await;
    assert!(
        out.status.success(),
        "a mail server that is down is no crash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(statuses(&app, &t).await.get("sent"), None);
    let failed = statuses(&app, &t).await;
    assert_eq!(failed.get("pending"), Some(&20), "{failed:?}");
    mail.restart().await;
    // The first round stopped at the first failure: the email it tried waits out its backoff (1
    // minute), the others go in the next round.
    run_once(
        &app,
        &mail.smtp_url(),
        &(t0 + chrono::Duration::seconds(30)).to_rfc3339(),
    )
    .await;
    assert_eq!(mail.message_ids().await.len(), 19);
    // After the backoff, the last one arrives too; every email once.
    run_once(
        &app,
        &mail.smtp_url(),
        &(t0 + chrono::Duration::minutes(2)).to_rfc3339(),
    )
    .await;
    let mut got = mail.message_ids().await;
    got.sort();
    let mut want = ids;
    want.sort();
    assert_eq!(got, want);
}

#[actix_rt::test]
async fn two_workers_side_by_side_send_each_email_once() {
    let app = spawn_app().await;
    let t = app.tenant("samen").await;
    let mail = MailCatcher::start().await;
    let ids = store_emails(&app, &t, 200).await;
    let when = now();
    let mut a = spawn_once(&app, &mail.smtp_url(), &when);
    let mut b = spawn_once(&app, &mail.smtp_url(), &when);
    assert!(a.wait().expect("a").success());
    assert!(b.wait().expect("b").success());
    let got = mail.message_ids().await;
    assert_eq!(got.len(), 200, "no email twice, none lost");
    let mut unique = got;
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[actix_rt::test]
async fn sigterm_lets_the_daemon_finish_its_email_and_stop() {
    let app = spawn_app().await;
    let t = app.tenant("stoppen").await;
    let mail = MailCatcher::start().await;
    let ids = store_emails(&app, &t, 300).await;
    let mut worker = spawn_daemon(&app, &mail.smtp_url(), 1);
    let deadline = Instant::now() + Duration::from_secs(120);
    while mail.message_ids().await.len() < 20 {
        assert!(Instant::now() < deadline, "the daemon sends");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let pid = worker.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let stopped_by = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = worker.try_wait().expect("wait") {
            break status;
        }
        assert!(
            Instant::now() < stopped_by,
            "the daemon stops within seconds of SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "a clean exit: {status:?}");
    // Nothing is left half-done: every email is sent or still waiting, none claimed.
    let counts = statuses(&app, &t).await;
    assert_eq!(counts.get("sending"), None, "{counts:?}");
    let sent = counts.get("sent").copied().unwrap_or(0);
    assert!(sent < 300, "it stopped before the end: {counts:?}");
    assert_eq!(
        usize::try_from(sent).unwrap_or(0),
        mail.message_ids().await.len()
    );
    // The next worker sends the rest.
    run_once(&app, &mail.smtp_url(), &now()).await;
    assert_eq!(mail.message_ids().await.len(), ids.len());
}
