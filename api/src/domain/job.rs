//! The background jobs, typed: every kind with its payload, its attempts and its lane, declared
//! here once. The API and the worker's planning queue them (`repo::jobs::enqueue_job`; an email's
//! delivery is queued with the email by `repo::outbox::insert_if_new`); the worker reads them back with
//! `Job::parse` and runs them. The stored `kind` and `payload` keep the shapes queued jobs
//! already have.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A job of the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload", rename_all = "snake_case")]
pub enum Job {
    /// Plans one tenant's reminders, digests and scheduled letters as at `now`.
    PlanTenant { now: DateTime<Utc> },
    /// Compiles one version of a Veiligheidsbrief.
    CompileSafetyLetter {
        #[serde(rename = "letterId")]
        letter_id: Uuid,
    },
    /// Sends one stored email of the outbox.
    DeliverEmail {
        #[serde(rename = "emailId")]
        email_id: i64,
    },
    /// Makes spare schemas until `wanted` are ready to be handed out to new cooperations.
    PrepareSpareSchemas { wanted: u32 },
}

/// Which of the worker's loops runs a job. Emails go out after the round's other work (planning
/// stores them first), and a mail server that is down pauses only their lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Work,
    Delivery,
}

impl Lane {
    /// The stored kinds of the lane's jobs.
    pub fn kinds(self) -> &'static [&'static str] {
        match self {
            Lane::Work => &[
                "plan_tenant",
                "compile_safety_letter",
                "prepare_spare_schemas",
            ],
            Lane::Delivery => &["deliver_email"],
        }
    }
}

/// A stored job the worker cannot read: an unknown kind, or a payload that does not fit it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("job '{kind}' cannot be read: {reason}")]
pub struct UnreadableJob {
    pub kind: String,
    pub reason: String,
}

impl Job {
    /// The stored kind, e.g. `plan_tenant`.
    pub fn kind(&self) -> &'static str {
        match self {
            Job::PlanTenant { .. } => "plan_tenant",
            Job::CompileSafetyLetter { .. } => "compile_safety_letter",
            Job::DeliverEmail { .. } => "deliver_email",
            Job::PrepareSpareSchemas { .. } => "prepare_spare_schemas",
        }
    }

    pub fn lane(&self) -> Lane {
        match self {
            Job::PlanTenant { .. }
            | Job::CompileSafetyLetter { .. }
            | Job::PrepareSpareSchemas { .. } => Lane::Work,
            Job::DeliverEmail { .. } => Lane::Delivery,
        }
    }

    /// How often the job is tried before it is kept as dead. A coordinator waits for a letter:
    /// three attempts (a few minutes with the backoff) and the version is marked failed rather
    /// than retried for hours; planning may take longer. An email is given up by its age (see
    /// the worker's delivery), not by a count: its limit only ends an email that keeps killing
    /// its sender.
    pub fn max_attempts(&self) -> i32 {
        match self {
            Job::PlanTenant { .. } | Job::PrepareSpareSchemas { .. } => 8,
            Job::CompileSafetyLetter { .. } => 3,
            Job::DeliverEmail { .. } => 100,
        }
    }

    /// The stored payload.
    pub fn payload(&self) -> serde_json::Value {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut tagged)) => {
                tagged.remove("payload").unwrap_or_default()
            }
            _ => serde_json::Value::Null,
        }
    }

    /// The job a stored kind and payload describe.
    pub fn parse(kind: &str, payload: &serde_json::Value) -> Result<Job, UnreadableJob> {
        serde_json::from_value(serde_json::json!({ "kind": kind, "payload": payload })).map_err(
            |e| UnreadableJob {
                kind: kind.to_owned(),
                reason: e.to_string(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_keep_the_stored_shapes_and_read_back() {
        let now = DateTime::parse_from_rfc3339("2026-12-01T07:00:00+01:00")
            .expect("moment")
            .to_utc();
        let plan = Job::PlanTenant { now };
        assert_eq!(plan.kind(), "plan_tenant");
        assert_eq!(
            Job::parse(
                "plan_tenant",
                &serde_json::json!({ "now": "2026-12-01T06:00:00+00:00" })
            ),
            Ok(plan.clone())
        );
        assert_eq!(Job::parse(plan.kind(), &plan.payload()), Ok(plan));
        let id = Uuid::new_v4();
        let compile = Job::CompileSafetyLetter { letter_id: id };
        assert_eq!(compile.payload(), serde_json::json!({ "letterId": id }));
        assert_eq!(
            Job::parse("compile_safety_letter", &compile.payload()),
            Ok(compile)
        );
    }

    #[test]
    fn every_job_is_in_the_lane_that_takes_its_kind() {
        let jobs = [
            Job::PlanTenant { now: Utc::now() },
            Job::CompileSafetyLetter {
                letter_id: Uuid::new_v4(),
            },
            Job::DeliverEmail { email_id: 7 },
            Job::PrepareSpareSchemas { wanted: 2 },
        ];
        for job in &jobs {
            assert!(job.lane().kinds().contains(&job.kind()), "{job:?}");
            let other = match job.lane() {
                Lane::Work => Lane::Delivery,
                Lane::Delivery => Lane::Work,
            };
            assert!(!other.kinds().contains(&job.kind()), "{job:?}");
        }
        assert_eq!(
            Job::DeliverEmail { email_id: 7 }.payload(),
            serde_json::json!({ "emailId": 7 })
        );
        let spares = Job::PrepareSpareSchemas { wanted: 2 };
        assert_eq!(spares.payload(), serde_json::json!({ "wanted": 2 }));
        assert_eq!(
            Job::parse("prepare_spare_schemas", &spares.payload()),
            Ok(spares)
        );
    }

    #[test]
    fn unknown_kinds_and_wrong_payloads_are_reported() {
        assert!(Job::parse("send_fax", &serde_json::json!({})).is_err());
        let e = Job::parse(
            "compile_safety_letter",
            &serde_json::json!({ "letterId": 5 }),
        )
        .expect_err("not an id");
        assert_eq!(e.kind, "compile_safety_letter");
    }
}
