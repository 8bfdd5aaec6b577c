//! When a reminder is due. A reminder is sent once per stage: the stage is part of the email's
//! key in the outbox. When the worker was away on a stage's day, only the latest stage that has
//! come is sent, not every missed one.
//!
//! - Review of a period, due on D: 14 days before (from D-14), 3 days before (from D-3), on D,
//!   and from D+1 on, once a week while it is missing (escalated to the coordinators). None once
//!   the review is submitted.
//! - Commitment due on D: 14 days before (from D-14) to the responsible officer; from D+1 on,
//!   once a week while overdue, to the officer and the bestuurder who made it. None once it is
//!   discharged or lapsed.

use chrono::NaiveDate;

/// Days before the due date that a review reminder goes out.
pub const REVIEW_DAYS_BEFORE: [i64; 2] = [14, 3];
/// Days before the due date that a commitment reminder goes out.
pub const COMMITMENT_DAYS_BEFORE: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `n` days (or fewer) before the due date.
    Before(i64),
    /// On the due date.
    DueToday,
    /// Late: week `n` (0 from the day after the due date, 1 a week later …).
    Late(i64),
}

impl Stage {
    /// The stage as part of an outbox key, e.g. `d14`, `d0`, `late2`.
    pub fn key(self) -> String {
        match self {
            Stage::Before(n) => format!("d{n}"),
            Stage::DueToday => "d0".to_owned(),
            Stage::Late(w) => format!("late{w}"),
        }
    }
}

fn late(due: NaiveDate, today: NaiveDate) -> Option<Stage> {
    let days_late = (today - due).num_days();
    (days_late >= 1).then(|| Stage::Late((days_late - 1) / 7))
}

/// The review reminder stage on `today` for a review due on `due` that is not submitted.
pub fn review_stage(due: NaiveDate, today: NaiveDate) -> Option<Stage> {
    let days_left = (due - today).num_days();
    if days_left == 0 {
        return Some(Stage::DueToday);
    }
    if days_left < 0 {
        return late(due, today);
    }
    // The nearest stage that has come: 3 days before wins over 14 days before.
    REVIEW_DAYS_BEFORE
        .iter()
        .rev()
        .find(|n| days_left <= **n)
        .map(|n| Stage::Before(*n))
}

/// The commitment reminder stage on `today` for a pending commitment due on `due`.
pub fn commitment_stage(due: NaiveDate, today: NaiveDate) -> Option<Stage> {
    let days_left = (due - today).num_days();
    if days_left < 0 {
        return late(due, today);
    }
    (days_left <= COMMITMENT_DAYS_BEFORE && days_left > 0)
        .then_some(Stage::Before(COMMITMENT_DAYS_BEFORE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn review_stages_around_the_end_of_june() {
        let due = d(6, 30);
        assert_eq!(review_stage(due, d(6, 15)), None);
        assert_eq!(review_stage(due, d(6, 16)), Some(Stage::Before(14)));
        assert_eq!(review_stage(due, d(6, 26)), Some(Stage::Before(14)));
        assert_eq!(review_stage(due, d(6, 27)), Some(Stage::Before(3)));
        assert_eq!(review_stage(due, d(6, 30)), Some(Stage::DueToday));
        assert_eq!(review_stage(due, d(7, 1)), Some(Stage::Late(0)));
        assert_eq!(review_stage(due, d(7, 7)), Some(Stage::Late(0)));
        assert_eq!(review_stage(due, d(7, 8)), Some(Stage::Late(1)));
        assert_eq!(Stage::Late(1).key(), "late1");
    }

    #[test]
    fn commitment_stages_before_and_weekly_after() {
        let due = d(10, 1);
        assert_eq!(commitment_stage(due, d(9, 16)), None);
        assert_eq!(commitment_stage(due, d(9, 17)), Some(Stage::Before(14)));
        assert_eq!(
            commitment_stage(due, d(10, 1)),
            None,
            "nothing on the day itself"
        );
        assert_eq!(commitment_stage(due, d(10, 2)), Some(Stage::Late(0)));
        assert_eq!(commitment_stage(due, d(10, 9)), Some(Stage::Late(1)));
    }
}
