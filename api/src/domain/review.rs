//! Half-year reviews (evaluaties) of an expert group: their content per priority and their
//! lifecycle.
//!
//! Lifecycle: `concept` → `ingediend` (submitted by the group) → `vastgesteld` (adopted by a
//! coordinator or bestuurder). Only a concept can be edited or deleted. A submitted review can be
//! sent back to concept with a reason; an adopted one is final.

use chrono::NaiveDate;
use uuid::Uuid;

use super::InvalidField;
use super::priority::long_text;
use super::text::{one_of, required_text};
use super::time::plausible_date;

pub const CONCEPT: &str = "concept";
pub const INGEDIEND: &str = "ingediend";
pub const VASTGESTELD: &str = "vastgesteld";

/// The assessment of one priority: the same words as a priority's status.
pub const ITEM_STATUSES: [&str; 3] = ["op_koers", "aandacht_nodig", "niet_op_koers"];

/// What someone wants to do with a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStep {
    Edit,
    Delete,
    Submit,
    Adopt,
    SendBack,
}

/// Why a step is not possible now, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StepRefused(pub String);

/// The status after `step` from `status`, or why the step is refused.
pub fn next_status(status: &str, step: ReviewStep) -> Result<&'static str, StepRefused> {
    use ReviewStep::*;
    let refused = |s: &str| Err(StepRefused(s.to_owned()));
    match (status, step) {
        (CONCEPT, Edit | Delete) => Ok(CONCEPT),
        (CONCEPT, Submit) => Ok(INGEDIEND),
        (INGEDIEND, Adopt) => Ok(VASTGESTELD),
        (INGEDIEND, SendBack) => Ok(CONCEPT),
        (INGEDIEND, Edit | Delete) => refused(
            "Deze evaluatie is ingediend en kan niet meer worden gewijzigd. Een coördinator of bestuurder kan haar met een reden terugsturen naar concept.",
        ),
        (INGEDIEND, Submit) => refused("Deze evaluatie is al ingediend."),
        (CONCEPT, Adopt) => refused(
            "Deze evaluatie is nog een concept: de expertgroep moet haar eerst indienen voordat zij kan worden vastgesteld.",
        ),
        (CONCEPT, SendBack) => refused(
            "Deze evaluatie is nog een concept; alleen een ingediende evaluatie kan worden teruggestuurd.",
        ),
        (VASTGESTELD, _) => refused(
            "Deze evaluatie is vastgesteld en kan niet meer worden gewijzigd, teruggestuurd of verwijderd.",
        ),
        _ => refused("Deze evaluatie heeft een onbekende status."),
    }
}

/// An agreed change of approach (bijsturing), with who follows it up and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseCorrection {
    pub description: String,
    pub owner: String,
    pub owner_id: Option<Uuid>,
    pub follow_up_on: NaiveDate,
}

impl CourseCorrection {
    pub fn parse(
        description: &str,
        owner: &str,
        owner_id: Option<Uuid>,
        follow_up_on: Option<NaiveDate>,
    ) -> Result<Self, InvalidField> {
        Ok(CourseCorrection {
            description: required_text("description", description, 2000)?,
            owner: required_text("owner", owner, 200)?,
            owner_id,
            follow_up_on: plausible_date(
                "followUpOn",
                follow_up_on.ok_or_else(|| {
                    InvalidField::new("followUpOn", "is verplicht: wanneer wordt dit opgevolgd?")
                })?,
            )?,
        })
    }
}

/// The group's assessment of one of its priorities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    pub priority_id: Uuid,
    pub status: Option<String>,
    pub progress: String,
    pub activities: String,
    pub risks: String,
    pub course_corrections: Vec<CourseCorrection>,
}

impl ReviewItem {
    pub fn parse(
        priority_id: Uuid,
        status: Option<&str>,
        progress: Option<&str>,
        activities: Option<&str>,
        risks: Option<&str>,
        course_corrections: Vec<CourseCorrection>,
    ) -> Result<Self, InvalidField> {
        Ok(ReviewItem {
            priority_id,
            status: status
                .map(|s| one_of("status", s, &ITEM_STATUSES))
                .transpose()?,
            progress: long_text("progress", progress)?,
            activities: long_text("activities", activities)?,
            risks: long_text("risks", risks)?,
            course_corrections,
        })
    }
}

/// The content of a review: a summary and one item per priority (in a concept, not yet all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewContent {
    pub summary: String,
    pub items: Vec<ReviewItem>,
}

impl ReviewContent {
    pub fn parse(summary: Option<&str>, items: Vec<ReviewItem>) -> Result<Self, InvalidField> {
        for (i, item) in items.iter().enumerate() {
            if items[..i].iter().any(|o| o.priority_id == item.priority_id) {
                return Err(InvalidField::in_context(
                    format!("items[{i}].priorityId"),
                    "deze prioriteit staat al eerder in de evaluatie",
                ));
            }
        }
        Ok(ReviewContent {
            summary: long_text("summary", summary)?,
            items,
        })
    }
}

/// A priority of the group as the completeness check needs it.
#[derive(Debug, Clone)]
pub struct GroupPriority {
    pub id: Uuid,
    pub title: String,
}

/// What a review lacks before it can be submitted: every priority of the group needs a status
/// and a progress narrative. Empty when complete.
pub fn missing_for_submit(priorities: &[GroupPriority], items: &[ReviewItem]) -> Vec<String> {
    priorities
        .iter()
        .filter_map(|p| {
            let item = items.iter().find(|i| i.priority_id == p.id);
            let lacks: Vec<&str> = match item {
                None => vec!["status", "voortgang"],
                Some(i) => {
                    let mut l = vec![];
                    if i.status.is_none() {
                        l.push("status");
                    }
                    if i.progress.is_empty() {
                        l.push("voortgang");
                    }
                    l
                }
            };
            (!lacks.is_empty()).then(|| format!("{} ({})", p.title, lacks.join(" en ")))
        })
        .collect()
}

pub fn send_back_reason(reason: &str) -> Result<String, InvalidField> {
    required_text("reason", reason, 2000).map_err(|e| {
        if e.message == "is verplicht" {
            InvalidField::new(
                "reason",
                "is verplicht: zeg de groep wat er nog moet gebeuren",
            )
        } else {
            e
        }
    })
}

#[cfg(test)]
mod tests {
    use super::ReviewStep::*;
    use super::*;

    #[test]
    fn lifecycle_allows_only_the_documented_steps() {
        assert_eq!(next_status(CONCEPT, Edit), Ok(CONCEPT));
        assert_eq!(next_status(CONCEPT, Delete), Ok(CONCEPT));
        assert_eq!(next_status(CONCEPT, Submit), Ok(INGEDIEND));
        assert_eq!(next_status(INGEDIEND, Adopt), Ok(VASTGESTELD));
        assert_eq!(next_status(INGEDIEND, SendBack), Ok(CONCEPT));
        for (status, step, words) in [
            (INGEDIEND, Edit, "terugsturen"),
            (INGEDIEND, Delete, "ingediend"),
            (INGEDIEND, Submit, "al ingediend"),
            (CONCEPT, Adopt, "eerst indienen"),
            (CONCEPT, SendBack, "nog een concept"),
            (VASTGESTELD, Edit, "vastgesteld"),
            (VASTGESTELD, SendBack, "vastgesteld"),
            (VASTGESTELD, Adopt, "vastgesteld"),
            (VASTGESTELD, Delete, "vastgesteld"),
        ] {
            let err = next_status(status, step).expect_err("refused");
            assert!(err.0.contains(words), "{status} {step:?}: {}", err.0);
        }
    }

    #[test]
    fn submitting_needs_status_and_progress_for_every_priority() {
        let a = GroupPriority {
            id: Uuid::new_v4(),
            title: "Ondermijning".into(),
        };
        let b = GroupPriority {
            id: Uuid::new_v4(),
            title: "Cybercrime".into(),
        };
        let item = |p: &GroupPriority, status: Option<&str>, progress: &str| {
            ReviewItem::parse(p.id, status, Some(progress), None, None, vec![]).expect("item")
        };
        let both = [a.clone(), b.clone()];
        assert_eq!(
            missing_for_submit(&both, &[item(&a, Some("op_koers"), "")]),
            [
                "Ondermijning (voortgang)",
                "Cybercrime (status en voortgang)"
            ]
        );
        assert!(
            missing_for_submit(
                &both,
                &[
                    item(&a, Some("op_koers"), "x"),
                    item(&b, Some("aandacht_nodig"), "y")
                ]
            )
            .is_empty()
        );
    }

    #[test]
    fn content_rules() {
        let p = Uuid::new_v4();
        assert_eq!(
            ReviewItem::parse(p, Some("prima"), None, None, None, vec![])
                .expect_err("status")
                .field,
            "status"
        );
        let item = ReviewItem::parse(p, None, None, None, None, vec![]).expect("item");
        assert_eq!(
            ReviewContent::parse(None, vec![item.clone(), item])
                .expect_err("twice")
                .field,
            "items[1].priorityId"
        );
        assert_eq!(
            CourseCorrection::parse("Extra controles", "Politie", None, None)
                .expect_err("date")
                .field,
            "followUpOn"
        );
        assert!(
            send_back_reason("  ")
                .expect_err("empty")
                .message
                .contains("verplicht")
        );
    }
}
