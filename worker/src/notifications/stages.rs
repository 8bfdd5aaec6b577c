//! When a reminder is due. A reminder is sent once per stage: the stage is part of the email's
//! key in the outbox. When the worker was away on a stage's day, only the latest stage that has
//! come is sent, not every missed one.
//!
//! - Review of a period, due on D: 14 days before (from D-14), 3 days before (from D-3) (the days
//!   are configurable), on D,
//!   and from D+1 on, once a week while it is missing (escalated to the coordinators). None once
//!   the review is submitted.
//! - Commitment due on D: 14 days before (from D-14) to the responsible officer; from D+1 on,
//!   once a week while overdue, to the officer and the bestuurder who made it. None once it is
//!   discharged or lapsed.

use chrono::NaiveDate;

/// When reminders go out before a due date (configurable; see `config`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderDays {
    /// Days before a review is due, e.g. 14 and 3.
    pub review: Vec<i64>,
    /// Days before a commitment is due, e.g. 14.
    pub commitment: i64,
}

impl Default for ReminderDays {
    fn default() -> Self {
        ReminderDays {
            review: vec![14, 3],
            commitment: 14,
        }
    }
}

impl ReminderDays {
    /// Reads `14,3` and `14`: whole days from 1 to 90.
    pub fn parse(review: &str, commitment: &str) -> Result<Self, String> {
        let day = |s: &str| -> Result<i64, String> {
            let d: i64 = s
                .trim()
                .parse()
                .map_err(|_| format!("'{s}' is not a number of days"))?;
            if (1..=90).contains(&d) {
                Ok(d)
            } else {
                Err(format!("{d} days is not between 1 and 90"))
            }
        };
        let mut review = review
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(day)
            .collect::<Result<Vec<_>, _>>()?;
        review.sort_unstable_by(|a, b| b.cmp(a));
        review.dedup();
        Ok(ReminderDays {
            review,
            commitment: day(commitment)?,
        })
    }
}

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

/// The review reminder stage on `today` for a review due on `due` that is not submitted;
/// `days_before` from far to near (14, 3).
pub fn review_stage(due: NaiveDate, today: NaiveDate, days_before: &[i64]) -> Option<Stage> {
    let days_left = (due - today).num_days();
    if days_left == 0 {
        return Some(Stage::DueToday);
    }
    if days_left < 0 {
        return late(due, today);
    }
    // The nearest stage that has come: 3 days before wins over 14 days before.
    days_before
        .iter()
        .rev()
        .find(|n| days_left <= **n)
        .map(|n| Stage::Before(*n))
}

/// The commitment reminder stage on `today` for a pending commitment due on `due`.
pub fn commitment_stage(due: NaiveDate, today: NaiveDate, days_before: i64) -> Option<Stage> {
    let days_left = (due - today).num_days();
    if days_left < 0 {
        return late(due, today);
    }
    (days_left <= days_before && days_left > 0).then_some(Stage::Before(days_before))
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
        assert_eq!(review_stage(due, d(6, 15), &[14, 3]), None);
        assert_eq!(
            review_stage(due, d(6, 16), &[14, 3]),
            Some(Stage::Before(14))
        );
        assert_eq!(
            review_stage(due, d(6, 26), &[14, 3]),
            Some(Stage::Before(14))
        );
        assert_eq!(
            review_stage(due, d(6, 27), &[14, 3]),
            Some(Stage::Before(3))
        );
        assert_eq!(review_stage(due, d(6, 30), &[14, 3]), Some(Stage::DueToday));
        assert_eq!(review_stage(due, d(7, 1), &[14, 3]), Some(Stage::Late(0)));
        assert_eq!(review_stage(due, d(7, 7), &[14, 3]), Some(Stage::Late(0)));
        assert_eq!(review_stage(due, d(7, 8), &[14, 3]), Some(Stage::Late(1)));
        assert_eq!(Stage::Late(1).key(), "late1");
        // Other days, as configured.
        assert_eq!(
            review_stage(due, d(6, 10), &[21, 7]),
            Some(Stage::Before(21))
        );
        assert_eq!(
            review_stage(due, d(6, 24), &[21, 7]),
            Some(Stage::Before(7))
        );
    }

    #[test]
    fn reminder_days_read_from_configuration() {
        assert_eq!(
            ReminderDays::parse("3, 14", "10"),
            Ok(ReminderDays {
                review: vec![14, 3],
                commitment: 10
            })
        );
        assert!(ReminderDays::parse("0", "14").is_err());
        assert!(ReminderDays::parse("14", "veertien").is_err());
    }

    #[test]
    fn commitment_stages_before_and_weekly_after() {
        let due = d(10, 1);
        assert_eq!(commitment_stage(due, d(9, 16), 14), None);
        assert_eq!(commitment_stage(due, d(9, 17), 14), Some(Stage::Before(14)));
        assert_eq!(
            commitment_stage(due, d(10, 1), 14),
            None,
            "nothing on the day itself"
        );
        assert_eq!(commitment_stage(due, d(10, 2), 14), Some(Stage::Late(0)));
        assert_eq!(commitment_stage(due, d(10, 9), 14), Some(Stage::Late(1)));
    }
}
