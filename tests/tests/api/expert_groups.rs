use api::domain::role::Role;
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::helpers::spawn_app;
use crate::helpers::{PlanSetup, refused_with};

/// A plan with two priorities, an expert member of a group about both, and the group.
pub struct GroupSetup {
    pub p: PlanSetup,
    pub group: String,
    pub member_token: String,
    pub member_id: uuid::Uuid,
}

impl GroupSetup {
    pub async fn new(app: &TestApp, prefix: &str) -> Self {
        let p = PlanSetup::new(app, prefix).await;
        let (member_token, member_id) = app.member_user(&p.t, Role::Expert, None).await;
        let group = app
            .create(&p.t, "expert-groups", &json!({
                "name": "Expertgroep Ondermijning",
                "priorityIds": [p.coop_priority, p.ermelo_priority],
                "chairId": p.t.admin_id,
                "members": [
                    { "userId": member_id, "organisation": "Gemeente Ermelo" },
                    { "name": "J. de Vries", "organisation": "Politie Oost-Nederland", "email": "j.devries@politie.example" }
                ],
                "reviewsFrom": "2026-H1"
            }))
            .await;
        GroupSetup {
            p,
            group,
            member_token,
            member_id,
        }
    }

    pub fn base(&self) -> String {
        format!(
            "/api/v1/tenants/{}/expert-groups/{}",
            self.p.slug(),
            self.group
        )
    }

    /// A complete item for each of the group's priorities.
    pub fn complete_review(&self) -> Value {
        json!({
            "summary": "Eerste halfjaar besproken op 12 juni.",
            "items": [
                { "priorityId": self.p.coop_priority, "status": "op_koers", "progress": "Daling zet door.",
                  "activities": "Integrale controles bedrijventerrein", "risks": "Capaciteit politie",
                  "courseCorrections": [ { "description": "Extra controles vakantieparken", "owner": "Teamchef politie", "followUpOn": "2026-09-30" } ] },
                { "priorityId": self.p.ermelo_priority, "status": "aandacht_nodig", "progress": "Meer meldingen overlast." }
            ]
        })
    }
}

#[actix_rt::test]
async fn expert_groups_have_a_theme_members_inside_and_outside_and_a_cadence() {
    let app = spawn_app().await;
    let s = GroupSetup::new(&app, "groepen").await;
    let tok = &s.p.t.admin_token;
    let res = app.get(&s.base(), tok).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let g = &res.body;
    assert_eq!(g["name"], "Expertgroep Ondermijning");
    assert_eq!(g["chairName"], "Beheerder");
    assert_eq!(g["cadence"], "half_yearly");
    assert_eq!(g["priorities"].as_array().map(Vec::len), Some(2));
    let members = g["members"].as_array().expect("members");
    assert_eq!(members.len(), 2);
    assert!(members.iter().any(|m| m["name"] == "J. de Vries"
        && m["email"] == "j.devries@politie.example"
        && m["userId"].is_null()));
    assert!(
        members
            .iter()
            .any(|m| m["userId"] == s.member_id.to_string() && m["name"] == "Test Gebruiker")
    );
    // No review for 2026-H1 yet, and today is after 30 June 2026.
    assert_eq!(g["compliance"]["overdue"], true);
    assert_eq!(g["compliance"]["nextDuePeriod"], "2026-H1");
    assert_eq!(g["compliance"]["nextDueOn"], "2026-06-30");
    assert_eq!(g["compliance"]["reviewsLast12Months"], 0);

    // Filters.
    let list = format!("/api/v1/tenants/{}/expert-groups", s.p.slug());
    let res = app
        .get(&format!("{list}?memberId={}", s.member_id), tok)
        .await;
    assert_eq!(res.body["total"], 1);
    let res = app
        .get(&format!("{list}?memberId={}", uuid::Uuid::new_v4()), tok)
        .await;
    assert_eq!(res.body["total"], 0);
    let res = app
        .get(&format!("{list}?priorityId={}", s.p.ermelo_priority), tok)
        .await;
    assert_eq!(res.body["total"], 1);

    // Validation names the field.
    for (body, field) in [
        (json!({ "name": "X", "priorityIds": [] }), "priorityIds"),
        (
            json!({ "name": "X", "priorityIds": [uuid::Uuid::new_v4()] }),
            "priorityIds[0]",
        ),
        (
            json!({ "name": "X", "priorityIds": [s.p.coop_priority], "members": [{ "name": "Zonder mail" }] }),
            "members[0].email",
        ),
        (
            json!({ "name": "X", "priorityIds": [s.p.coop_priority], "members": [{ "userId": uuid::Uuid::new_v4() }] }),
            "members[0].userId",
        ),
        (
            json!({ "name": "X", "priorityIds": [s.p.coop_priority], "cadence": "monthly" }),
            "cadence",
        ),
        (
            json!({ "name": "X", "priorityIds": [s.p.coop_priority], "reviewsFrom": "2026" }),
            "reviewsFrom",
        ),
    ] {
        let res = app.post(&list, tok, &body).await;
        assert_eq!(
            res.status.as_u16(),
            refused_with(
                field,
                &[
                    "priorityIds[0]",
                    "members[0].email",
                    "members[0].userId",
                    "reviewsFrom"
                ]
            ),
            "{body}: {}",
            res.text
        );
        assert_eq!(res.body["invalidParams"][0]["name"], field, "{}", res.text);
    }
    let res = app
        .post(
            &list,
            tok,
            &json!({ "name": "expertgroep ondermijning", "priorityIds": [s.p.coop_priority] }),
        )
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "expert_group_name_taken");

    // Updating keeps unchanged members; the audit trail shows only the change.
    let update = json!({
        "name": "Expertgroep Ondermijning",
        "priorityIds": [s.p.coop_priority, s.p.ermelo_priority],
        "chairId": s.p.t.admin_id,
        "members": [
            { "userId": s.member_id, "organisation": "Gemeente Ermelo" },
            { "name": "J. de Vries", "organisation": "Politie Noord-Veluwe", "email": "J.deVries@politie.example" }
        ],
        "reviewsFrom": "2026-H1"
    });
    let res = app.put(&s.base(), tok, &update).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let events = app
        .get(
            &format!(
                "/api/v1/tenants/{}/audit-events?entityType=expert_group_member",
                s.p.slug()
            ),
            tok,
        )
        .await;
    let actions: Vec<&str> = events.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    assert_eq!(actions, ["update", "create", "create"], "{}", events.text);

    // Roles: only tenant admins and coordinators of the whole cooperation manage groups.
    let scoped = app
        .member(
            &s.p.t,
            Role::Coordinator,
            Some(s.p.ermelo.parse().expect("id")),
        )
        .await;
    for tok in [&s.member_token, &scoped] {
        let res = app.put(&s.base(), tok, &update).await;
        assert_eq!(res.status.as_u16(), 403, "{}", res.text);
    }
    let coordinator = app.member(&s.p.t, Role::Coordinator, None).await;
    assert_eq!(
        app.put(&s.base(), &coordinator, &update)
            .await
            .status
            .as_u16(),
        200
    );

    // A priority in a group's theme is not deleted from under it.
    let res = app
        .delete(
            &format!(
                "/api/v1/tenants/{}/priorities/{}",
                s.p.slug(),
                s.p.ermelo_priority
            ),
            tok,
        )
        .await;
    assert_eq!(res.status.as_u16(), 409, "{}", res.text);
    assert_eq!(res.problem_code(), "priority_in_expert_group");

    // A group without reviews can go.
    assert_eq!(app.delete(&s.base(), tok).await.status.as_u16(), 204);
    assert_eq!(app.get(&s.base(), tok).await.status.as_u16(), 404);
}
