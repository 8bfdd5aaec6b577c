//! Bestuurders' digests, travelling in time with `worker run-once --now`, read back from a real
//! SMTP server.

use api::domain::role::Role;
use serde_json::{Value, json};

use crate::expert_groups::GroupSetup;
use crate::helpers::spawn_app;
use crate::mailcatcher::{MailCatcher, run_once};

fn digests(messages: &[Value]) -> Vec<&Value> {
    messages
        .iter()
        .filter(|m| {
            m["subject"]
                .as_str()
                .unwrap_or_default()
                .starts_with("Veiligheidsoverzicht")
        })
        .collect()
}

#[actix_rt::test]
async fn a_bestuurder_gets_one_digest_a_week_with_their_own_commitments_first_and_nothing_of_others()
 {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "overzicht").await;
    let other = GroupSetup::new(&app, "buren").await;
    let quiet = app.tenant("stil").await;
    let mail = MailCatcher::start().await;
    let tok = &s.p.t.admin_token;
    let (bestuurder_token, bestuurder) = app.member_user(&s.p.t, Role::Bestuurder, None).await;
    let (_, colleague) = app.member_user(&s.p.t, Role::Bestuurder, None).await;
    let (_, neighbour) = app.member_user(&other.p.t, Role::Bestuurder, None).await;
    let (silent_token, _) = app.member_user(&quiet, Role::Bestuurder, None).await;
    let commitments = format!("/api/v1/tenants/{}/commitments", s.p.slug());
    for (reference, by, due) in [
        ("COLLEGA-1", colleague, "2026-12-01"),
        ("EIGEN-1", bestuurder, "2026-12-20"),
        ("LATER-1", bestuurder, "2027-06-01"),
    ] {
        let res = app.post(&commitments, tok, &json!({ "reference": reference, "title": format!("Toezegging {reference}"), "municipalityId": s.p.ermelo, "madeOn": "2026-01-22", "madeById": by, "dueOn": due })).await;
        assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    }
    let res = app.post(&format!("/api/v1/tenants/{}/commitments", other.p.slug()), &other.p.t.admin_token, &json!({ "reference": "VREEMD-1", "title": "Toezegging van de buren", "municipalityId": other.p.ermelo, "madeOn": "2026-01-22", "madeById": neighbour, "dueOn": "2026-12-05" })).await;
    assert_eq!(res.status.as_u16(), 201, "{}", res.text);
    // A review submitted this week.
    let review = app.post(&format!("{}/reviews", s.base()), &s.member_token, &json!({ "period": "2026-H1", "items": [
        { "priorityId": s.p.coop_priority, "status": "op_koers", "progress": "Goed." },
        { "priorityId": s.p.ermelo_priority, "status": "aandacht_nodig", "progress": "Matig." } ] })).await;
    assert_eq!(
        app.post(
            &format!("{}/reviews/{}/submit", s.base(), review.id()),
            &s.member_token,
            &json!({})
        )
        .await
        .status
        .as_u16(),
        200
    );
    // The colleague wants none; the quiet cooperation's bestuurder has nothing to hear about.
    let colleague_token = app.token_for_user(colleague).await;
    let res = app
        .put(
            "/api/v1/me/notification-settings",
            &colleague_token,
            &json!({ "digest": "off", "reminders": true }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let _ = (&bestuurder_token, &silent_token);

    // Monday 30 November 2026, 07:30 in the Netherlands.
    let out = run_once(&app, &mail.smtp_url(), "2026-11-30T07:30:00+01:00").await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let messages = mail.messages().await;
    let got = digests(&messages);
    let to: Vec<&str> = got
        .iter()
        .map(|m| m["to"][0]["address"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        got.len(),
        2,
        "ours and the neighbours' bestuurder, not the colleague (off) nor the quiet one: {to:?}"
    );
    let ours = got
        .iter()
        .find(|m| {
            m["subject"]
                .as_str()
                .unwrap_or_default()
                .contains(s.p.slug())
        })
        .expect("our digest");
    let text = ours["text"].as_str().unwrap_or_default();
    let own = text.find("Uw toezegging EIGEN-1").expect("own commitment");
    let colleagues = text.find("COLLEGA-1").expect("the colleague's commitment");
    assert!(own < colleagues, "their own first: {text}");
    assert!(!text.contains("LATER-1"), "not due within 30 days: {text}");
    assert!(
        text.contains("Expertgroep Ondermijning: evaluatie 2026-H1 ingediend"),
        "{text}"
    );
    assert!(
        !text.contains("VREEMD-1") && !text.contains(other.p.slug()),
        "nothing of another cooperation: {text}"
    );
    assert!(
        ours["html"]
            .as_str()
            .unwrap_or_default()
            .contains("<li>Uw toezegging EIGEN-1"),
        "{ours}"
    );

    // Later that week: no second digest.
    run_once(&app, &mail.smtp_url(), "2026-12-02T09:00:00+01:00").await;
    assert_eq!(digests(&mail.messages().await).len(), 2);
    // The next Monday: the next one, and the review is no longer news.
    run_once(&app, &mail.smtp_url(), "2026-12-07T07:30:00+01:00").await;
    let messages = mail.messages().await;
    let all = digests(&messages);
    assert_eq!(all.len(), 4);
    let latest = all
        .iter()
        .filter(|m| {
            m["subject"]
                .as_str()
                .unwrap_or_default()
                .contains(s.p.slug())
        })
        .map(|m| m["text"].as_str().unwrap_or_default())
        .find(|t| !t.contains("evaluatie 2026-H1 ingediend"));
    assert!(
        latest.is_some(),
        "the second digest does not repeat last week's review"
    );
    // News in the middle of the week waits for Monday: no digest on Wednesday.
    run_once(&app, &mail.smtp_url(), "2026-12-09T12:00:00+01:00").await;
    assert_eq!(digests(&mail.messages().await).len(), 4);
}
