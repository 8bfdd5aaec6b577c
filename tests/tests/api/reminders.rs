//! The worker's reminders, travelling in time with `worker run-once --now`, read back from a real
//! SMTP server.

use api::domain::english::{english_words, visible_text};
use api::domain::role::Role;
use serde_json::{Value, json};

use crate::expert_groups::GroupSetup;
use crate::helpers::{TestApp, spawn_app};
use crate::mailcatcher::{MailCatcher, run_once};

async fn round(app: &TestApp, mail: &MailCatcher, now: &str) {
    let out = run_once(app, &mail.smtp_url(), now).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (recipient, subject) of every message, sorted.
async fn inbox(mail: &MailCatcher) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = mail
        .messages()
        .await
        .iter()
        .map(|m: &Value| {
            (
                m["to"][0]["address"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                m["subject"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

#[actix_rt::test]
async fn review_reminders_come_on_their_days_and_stop_once_submitted() {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "herinnering").await;
    let other = GroupSetup::new(&app, "anderen").await;
    let mail = MailCatcher::start().await;
    let tok = &s.p.t.admin_token;
    // The group owes its first review for 2026-H2, due 31 December 2026.
    let res = app
        .put(&s.base(), tok, &json!({ "name": "Expertgroep Ondermijning", "priorityIds": [s.p.coop_priority], "chairId": s.p.t.admin_id, "members": [{ "userId": s.member_id }, { "name": "J. de Vries", "organisation": "Politie", "email": "j.devries@politie.example" }], "reviewsFrom": "2026-H2" }))
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    app.put(&other.base(), &other.p.t.admin_token, &json!({ "name": "Expertgroep Elders", "priorityIds": [other.p.coop_priority], "chairId": other.p.t.admin_id, "reviewsFrom": "2026-H2" }))
        .await;

    round(&app, &mail, "2026-12-10T08:00:00+01:00").await;
    assert!(
        inbox(&mail).await.is_empty(),
        "three weeks before: nothing yet"
    );

    round(&app, &mail, "2026-12-17T08:00:00+01:00").await;
    let first = inbox(&mail).await;
    let ours: Vec<&(String, String)> = first
        .iter()
        .filter(|(_, subj)| subj.contains("Expertgroep Ondermijning"))
        .collect();
    assert_eq!(
        ours.len(),
        3,
        "chair, member and the external member: {first:?}"
    );
    assert!(ours.iter().any(|(to, _)| to == "j.devries@politie.example"));
    assert!(
        ours[0].1.starts_with(
            "Herinnering: evaluatie 2026-H2 van Expertgroep Ondermijning uiterlijk 31-12-2026"
        ),
        "{first:?}"
    );
    // The other cooperation's group gets its own, and no one gets another cooperation's.
    let theirs: Vec<&(String, String)> = first
        .iter()
        .filter(|(_, subj)| subj.contains("Expertgroep Elders"))
        .collect();
    assert_eq!(theirs.len(), 1, "{first:?}");
    assert!(
        theirs[0]
            .0
            .ends_with(&format!("@{}.example", other.p.slug())),
        "{first:?}"
    );

    // The same day again: nothing twice.
    round(&app, &mail, "2026-12-17T15:00:00+01:00").await;
    assert_eq!(inbox(&mail).await.len(), 4);

    round(&app, &mail, "2026-12-28T08:00:00+01:00").await;
    assert_eq!(
        inbox(&mail).await.len(),
        8,
        "three days before, both groups"
    );

    // Submitted: no more reminders for this group.
    let review = app.post(&format!("{}/reviews", s.base()), &s.member_token, &json!({ "period": "2026-H2", "items": [{ "priorityId": s.p.coop_priority, "status": "op_koers", "progress": "Op schema." }] })).await;
    assert_eq!(review.status.as_u16(), 201, "{}", review.text);
    let res = app
        .post(
            &format!("{}/reviews/{}/submit", s.base(), review.id()),
            &s.member_token,
            &json!({}),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    round(&app, &mail, "2026-12-31T08:00:00+01:00").await;
    round(&app, &mail, "2027-01-01T08:00:00+01:00").await;
    let all = inbox(&mail).await;
    assert_eq!(
        all.iter()
            .filter(|(_, subj)| subj.contains("Ondermijning"))
            .count(),
        6,
        "{all:?}"
    );
    // The other group did not submit: on the day, and the day after escalated to its
    // coordinators too.
    let late: Vec<&(String, String)> = all
        .iter()
        .filter(|(_, subj)| subj.starts_with("Te laat: evaluatie 2026-H2 van Expertgroep Elders"))
        .collect();
    assert_eq!(
        late.len(),
        1,
        "the chair (no coordinators in that cooperation): {all:?}"
    );
    assert!(
        all.iter()
            .any(|(_, subj)| subj == "Vandaag: evaluatie 2026-H2 van Expertgroep Elders"),
        "{all:?}"
    );
}

#[actix_rt::test]
async fn commitment_reminders_before_the_due_date_and_weekly_while_overdue() {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "toezegherinnering").await;
    let mail = MailCatcher::start().await;
    let tok = &s.p.t.admin_token;
    let (_, bestuurder) = app.member_user(&s.p.t, Role::Bestuurder, None).await;
    let body = json!({ "reference": "26bb000713", "title": "Wijkgericht handhaven", "municipalityId": s.p.ermelo, "madeOn": "2026-01-22", "madeById": bestuurder, "responsibleOfficerId": s.p.t.admin_id, "dueOn": "2027-01-15" });
    let res = app
        .post(
            &format!("/api/v1/tenants/{}/commitments", s.p.slug()),
            tok,
            &body,
        )
        .await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    let path = format!("/api/v1/tenants/{}/commitments/{}", s.p.slug(), res.id());
    let about = |v: &Vec<(String, String)>| {
        v.iter()
            .filter(|(_, s)| s.contains("26bb000713"))
            .cloned()
            .collect::<Vec<_>>()
    };

    round(&app, &mail, "2026-12-31T08:00:00+01:00").await;
    assert!(about(&inbox(&mail).await).is_empty());
    round(&app, &mail, "2027-01-01T08:00:00+01:00").await;
    let got = about(&inbox(&mail).await);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, format!("admin@{}.example", s.p.slug()));
    assert_eq!(
        got[0].1,
        "Herinnering: toezegging 26bb000713 uiterlijk 15-01-2027"
    );
    round(&app, &mail, "2027-01-15T08:00:00+01:00").await;
    assert_eq!(
        about(&inbox(&mail).await).len(),
        1,
        "nothing on the due date itself"
    );
    round(&app, &mail, "2027-01-16T08:00:00+01:00").await;
    let got = about(&inbox(&mail).await);
    assert_eq!(
        got.iter()
            .filter(|(_, s)| s.starts_with("Verlopen toezegging"))
            .count(),
        2,
        "officer and bestuurder: {got:?}"
    );
    round(&app, &mail, "2027-01-20T08:00:00+01:00").await;
    assert_eq!(
        about(&inbox(&mail).await).len(),
        3,
        "not again within the week"
    );
    round(&app, &mail, "2027-01-23T08:00:00+01:00").await;
    assert_eq!(about(&inbox(&mail).await).len(), 5, "a week later, again");
    // Discharged: silence.
    let mut done = body.clone();
    done["status"] = json!("afgedaan");
    done["closedOn"] = json!("2026-11-20");
    done["closingLetterReference"] = json!("RIB 2026-014");
    done["closingLetterTitle"] = json!("Raadsinformatiebrief wijkgericht handhaven");
    assert_eq!(app.put(&path, tok, &done).await.status.as_u16(), 200);
    round(&app, &mail, "2027-01-30T08:00:00+01:00").await;
    assert_eq!(about(&inbox(&mail).await).len(), 5);
}

#[actix_rt::test]
async fn settings_and_the_one_click_unsubscribe_are_respected_and_admins_see_the_emails() {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "afmelden").await;
    let other = app.tenant("vreemd").await;
    let mail = MailCatcher::start().await;
    let tok = &s.p.t.admin_token;
    let res = app
        .get("/api/v1/me/notification-settings", &s.member_token)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(
        (res.body["digest"].as_str(), res.body["reminders"].as_bool()),
        (Some("weekly"), Some(true))
    );
    let res = app
        .put(
            "/api/v1/me/notification-settings",
            &s.member_token,
            &json!({ "digest": "daily", "reminders": true }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(res.body["invalidParams"][0]["name"], "digest");

    app.put(&s.base(), tok, &json!({ "name": "Expertgroep Ondermijning", "priorityIds": [s.p.coop_priority], "chairId": s.p.t.admin_id, "members": [{ "userId": s.member_id }], "reviewsFrom": "2026-H2" }))
        .await;
    round(&app, &mail, "2026-12-17T08:00:00+01:00").await;
    let messages = mail.messages().await;
    assert_eq!(messages.len(), 2, "chair and member");
    // The member unsubscribes from reminders with the link of the email (as a mail client does).
    let to_member = messages
        .iter()
        .find(|m| {
            m["to"][0]["address"]
                .as_str()
                .unwrap_or_default()
                .starts_with("expert-")
        })
        .expect("the member's email");
    let source = mail.source(to_member["id"].as_str().expect("id")).await;
    let link = source
        .lines()
        .find_map(|l| l.strip_prefix("List-Unsubscribe: <"))
        .and_then(|l| l.strip_suffix('>'))
        .expect("List-Unsubscribe")
        .to_owned();
    let path = link.trim_start_matches("http://platform.test");
    let page = app.get(path, "").await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(
        page.text.contains("<form method=\"post\""),
        "opening the link changes nothing: {}",
        page.text
    );
    assert!(
        page.text
            .contains("<p>Wilt u geen herinneringen meer ontvangen?</p>"),
        "{}",
        page.text
    );
    assert_eq!(english_words(&visible_text(&page.text)), Vec::<&str>::new());
    // A link whose `from` was changed or cut short unsubscribes from nothing by guessing.
    let token_path = path.split('?').next().unwrap_or(path);
    let cut = app
        .get_with_headers(
            &format!("{token_path}?from=alles-misschien"),
            "",
            &[("Accept", "text/html")],
        )
        .await;
    assert_eq!(cut.status.as_u16(), 400, "{}", cut.text);
    assert!(
        cut.content_type.starts_with("text/html"),
        "{}",
        cut.content_type
    );
    // A program asking gets the problem.
    let res = app
        .get(&format!("{token_path}?from=alles-misschien"), "")
        .await;
    assert_eq!(res.status.as_u16(), 400, "{}", res.text);
    assert_eq!(res.body["invalidParams"][0]["name"], "from", "{}", res.text);
    assert!(
        cut.text.contains("Deze afmeldlink is niet compleet"),
        "{}",
        cut.text
    );
    // Not to be framed (clickjacking the button); its form may post to this site only.
    assert_eq!(page.header("X-Frame-Options"), Some("DENY"));
    let csp = page.header("Content-Security-Policy").expect("CSP");
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("form-action 'self'"),
        "{csp}"
    );
    let res = app
        .send_raw(
            "POST",
            path,
            None,
            "application/x-www-form-urlencoded",
            b"List-Unsubscribe=One-Click".to_vec(),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["reminders"], false);
    let res = app
        .get("/api/v1/me/notification-settings", &s.member_token)
        .await;
    assert_eq!(res.body["reminders"], false);
    assert_eq!(
        res.body["digest"], "weekly",
        "only reminders were turned off"
    );
    // The page's button, posted by a browser, gets a page that says it is done; a wrong link a
    // page that says it did not work, not JSON.
    let res = app
        .post_form_as_browser(path, "List-Unsubscribe=One-Click")
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert!(
        res.content_type.starts_with("text/html"),
        "{}",
        res.content_type
    );
    assert!(
        res.text
            .contains("<p>U ontvangt geen herinneringen meer.</p>"),
        "{}",
        res.text
    );
    assert_eq!(english_words(&visible_text(&res.text)), Vec::<&str>::new());
    let res = app
        .post_form_as_browser("/api/v1/unsubscribe/onzin?from=digest", "")
        .await;
    assert_eq!(res.status.as_u16(), 404, "{}", res.text);
    assert!(
        res.content_type.starts_with("text/html"),
        "{}",
        res.content_type
    );
    assert!(res.text.contains("Afmelden is niet gelukt"), "{}", res.text);
    let res = app
        .post_form_as_browser(&format!("{token_path}?from=alles-misschien"), "")
        .await;
    assert_eq!(res.status.as_u16(), 400, "{}", res.text);
    assert!(
        res.content_type.starts_with("text/html"),
        "{}",
        res.content_type
    );
    let res = app
        .send_raw(
            "POST",
            "/api/v1/unsubscribe/onzin",
            None,
            "text/plain",
            vec![],
        )
        .await;
    assert_eq!(res.status.as_u16(), 404);

    round(&app, &mail, "2026-12-28T08:00:00+01:00").await;
    let after: Vec<String> = mail
        .messages()
        .await
        .iter()
        .map(|m| {
            m["to"][0]["address"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(after.len(), 3, "only the chair hears again: {after:?}");

    // Tenant admins see the emails; a coordinator does not; another cooperation gets 404.
    let list = format!("/api/v1/tenants/{}/notifications", s.p.slug());
    let res = app.get(&list, tok).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.body["total"], 3);
    assert_eq!(res.body["items"][0]["status"], "sent");
    assert_eq!(res.body["items"][0]["kind"], "review_reminder");
    let coordinator = app.member(&s.p.t, Role::Coordinator, None).await;
    assert_eq!(app.get(&list, &coordinator).await.status.as_u16(), 403);
    assert_eq!(
        app.get(&list, &other.admin_token).await.status.as_u16(),
        404
    );
    let res = app
        .get(
            &format!("/api/v1/tenants/{}/notifications", other.slug()),
            &other.admin_token,
        )
        .await;
    assert_eq!(res.body["total"], 0, "{}", res.text);
}

#[actix_rt::test]
async fn a_tenant_whose_planning_fails_is_retried_then_dead_with_its_error_and_the_others_go_on() {
    let app = spawn_app().await;
    let broken = GroupSetup::new(&app, "kapot").await;
    let fine = GroupSetup::new(&app, "heel").await;
    let mail = MailCatcher::start().await;
    for s in [&broken, &fine] {
        app.put(&s.base(), &s.p.t.admin_token, &json!({ "name": "Expertgroep Ondermijning", "priorityIds": [s.p.coop_priority], "chairId": s.p.t.admin_id, "reviewsFrom": "2026-H2" }))
            .await;
    }
    // Break one cooperation's schema under the worker's feet.
    let pool = app.pool.clone();
    let db = broken.p.t.db();
    tokio::task::spawn_blocking(move || {
        use diesel::RunQueryDsl;
        let mut conn = pool.get().expect("conn");
        api::db::run_in_tenant(&mut conn, &db, |tc| {
            diesel::sql_query("ALTER TABLE expert_groups RENAME TO expert_groups_gone")
                .execute(&mut **tc)
        })
        .expect("broken");
    })
    .await
    .expect("join");
    let jobs = |app: &crate::helpers::TestApp, tenant: uuid::Uuid| {
        let pool = app.pool.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                use api::db::schema::platform::jobs;
                use diesel::prelude::*;
                jobs::table
                    .filter(jobs::tenant_id.eq(tenant))
                    .select((jobs::status, jobs::attempts, jobs::last_error))
                    .order(jobs::created_at.asc())
                    .load::<(String, i32, Option<String>)>(&mut pool.get().expect("conn"))
                    .expect("jobs")
            })
            .await
            .expect("join")
        }
    };
    round(&app, &mail, "2026-12-17T08:00:00+01:00").await;
    let got = inbox(&mail).await;
    assert_eq!(got.len(), 1, "the healthy cooperation's chair: {got:?}");
    assert!(got[0].0.contains(fine.p.slug()));
    let failed = jobs(&app, broken.p.t.row.id).await;
    assert_eq!(failed.len(), 1);
    assert_eq!(
        (failed[0].0.as_str(), failed[0].1),
        ("queued", 1),
        "{failed:?}"
    );
    assert!(
        failed[0]
            .2
            .as_deref()
            .unwrap_or_default()
            .contains("expert_groups"),
        "{failed:?}"
    );
    // Retried after each backoff, until its last attempt: then dead, the error kept.
    let mut t = chrono::DateTime::parse_from_rfc3339("2026-12-17T08:00:00+01:00")
        .expect("t")
        .to_utc();
    for _ in 0..10 {
        t += chrono::Duration::hours(7);
        let out = run_once(&app, &mail.smtp_url(), &t.to_rfc3339()).await;
        assert!(out.status.success());
    }
    let first = jobs(&app, broken.p.t.row.id).await;
    assert_eq!(first[0].0, "dead", "{first:?}");
    assert_eq!(first[0].1, 8, "max attempts: {first:?}");
    // The healthy tenant was planned in every round without a failure; its finished jobs older
    // than a day are forgotten, so that one job per tenant and minute does not pile up.
    let healthy = jobs(&app, fine.p.t.row.id).await;
    assert!(
        healthy.iter().all(|j| j.0 == "done" && j.1 == 1),
        "{healthy:?}"
    );
    assert!((1..11).contains(&healthy.len()), "purged: {healthy:?}");
}
