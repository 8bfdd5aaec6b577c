//! When an expert group owes a review, and whether it keeps up.
//!
//! Rule: from its first period (`reviews_from`) on, a group owes one review per period of its
//! cadence (a half-year by default), due on the period's last day (30 June, 31 December) plus
//! the group's grace days. A review counts as done once it is submitted (ingediend or
//! vastgesteld). A period whose due date has passed without a done review is overdue; the due
//! date itself is not late. Good practice asks for at least two done reviews in the last 12
//! months. Dates count in the Netherlands.

use chrono::{Days, Months, NaiveDate};

use super::InvalidField;
use super::period::Period;
use super::text::one_of;
use super::time::dutch_date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    HalfYearly,
    Yearly,
}

impl Cadence {
    pub const ALL: [&'static str; 2] = ["half_yearly", "yearly"];

    pub fn parse(s: &str) -> Result<Self, InvalidField> {
        Ok(match one_of("cadence", s, &Self::ALL)?.as_str() {
            "yearly" => Cadence::Yearly,
            _ => Cadence::HalfYearly,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::HalfYearly => "half_yearly",
            Cadence::Yearly => "yearly",
        }
    }

    /// `period` when it is of this cadence's kind (a half-year, or a year).
    pub fn check_period(self, field: &str, period: Period) -> Result<Period, InvalidField> {
        match (self, period.is_half_year()) {
            (Cadence::HalfYearly, true) | (Cadence::Yearly, false) => Ok(period),
            (Cadence::HalfYearly, false) => Err(InvalidField::in_context(
                field,
                format!("deze groep evalueert per halfjaar: gebruik {period}-H1 of {period}-H2"),
            )),
            (Cadence::Yearly, true) => Err(InvalidField::in_context(
                field,
                "deze groep evalueert per jaar: gebruik een jaar, zoals 2026",
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CadenceRule {
    pub cadence: Cadence,
    /// Days after the period's end until the review is due (0: on the last day).
    pub due_offset_days: i32,
    pub reviews_from: Period,
}

impl CadenceRule {
    pub fn due_on(&self, period: Period) -> NaiveDate {
        let days = u64::try_from(self.due_offset_days).unwrap_or(0);
        period
            .last_day()
            .checked_add_days(Days::new(days))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// A review that counts as done: its period and the day it was submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DoneReview {
    pub period: Period,
    pub submitted_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compliance {
    pub reviews_last_12_months: usize,
    pub meets_good_practice: bool,
    /// The earliest period still owed: an overdue one, or else the next one.
    pub next_due_period: Period,
    pub next_due_on: NaiveDate,
    pub overdue: bool,
    /// Every period whose due date has passed without a done review, earliest first.
    pub overdue_periods: Vec<Period>,
    /// One Dutch sentence for the screen.
    pub summary: String,
}

/// The group's standing on `today`.
pub fn compliance(rule: &CadenceRule, done: &[DoneReview], today: NaiveDate) -> Compliance {
    let year_ago = today
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let reviews_last_12_months = done
        .iter()
        .filter(|d| d.submitted_on > year_ago && d.submitted_on <= today)
        .count();
    let is_done = |p: Period| done.iter().any(|d| d.period == p);

    let mut overdue_periods = Vec::new();
    let mut period = rule.reviews_from;
    let next = loop {
        let due = rule.due_on(period);
        if !is_done(period) {
            if due < today {
                overdue_periods.push(period);
            } else {
                break period;
            }
        }
        period = period.next();
    };
    let (next_due_period, overdue) = match overdue_periods.first() {
        Some(p) => (*p, true),
        None => (next, false),
    };
    let next_due_on = rule.due_on(next_due_period);
    let meets_good_practice = reviews_last_12_months >= 2;
    let count = match reviews_last_12_months {
        0 => "Geen evaluaties".to_owned(),
        1 => "1 evaluatie".to_owned(),
        n => format!("{n} evaluaties"),
    };
    let mut summary = format!("{count} in de afgelopen 12 maanden");
    summary.push_str(if meets_good_practice {
        "."
    } else {
        " (goede praktijk: minstens twee per jaar)."
    });
    if overdue {
        let days = (today - next_due_on).num_days();
        summary.push_str(&format!(
            " De evaluatie over {next_due_period} is te laat: die was uiterlijk {} nodig ({days} {} geleden).",
            dutch_date(next_due_on),
            if days == 1 { "dag" } else { "dagen" }
        ));
        if overdue_periods.len() > 1 {
            summary.push_str(&format!(
                " In totaal ontbreken {} evaluaties.",
                overdue_periods.len()
            ));
        }
    } else {
        summary.push_str(&format!(
            " De volgende, over {next_due_period}, is uiterlijk {} nodig.",
            dutch_date(next_due_on)
        ));
    }
    Compliance {
        reviews_last_12_months,
        meets_good_practice,
        next_due_period,
        next_due_on,
        overdue,
        overdue_periods,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }
    fn p(s: &str) -> Period {
        Period::parse("p", s).expect("period")
    }
    fn half_yearly(from: &str) -> CadenceRule {
        CadenceRule {
            cadence: Cadence::HalfYearly,
            due_offset_days: 0,
            reviews_from: p(from),
        }
    }
    fn done(period: &str, on: NaiveDate) -> DoneReview {
        DoneReview {
            period: p(period),
            submitted_on: on,
        }
    }

    #[test]
    fn the_december_review_is_due_on_new_years_eve_and_late_on_new_years_day() {
        let rule = half_yearly("2026-H1");
        let reviews = [done("2026-H1", d(2026, 6, 20))];
        let dec_31 = compliance(&rule, &reviews, d(2026, 12, 31));
        assert!(!dec_31.overdue, "{dec_31:?}");
        assert_eq!(dec_31.next_due_period, p("2026-H2"));
        assert_eq!(dec_31.next_due_on, d(2026, 12, 31));
        let jan_1 = compliance(&rule, &reviews, d(2027, 1, 1));
        assert!(jan_1.overdue);
        assert_eq!(jan_1.next_due_period, p("2026-H2"));
        assert_eq!(jan_1.overdue_periods, vec![p("2026-H2")]);
        assert!(
            jan_1
                .summary
                .contains("uiterlijk 31-12-2026 nodig (1 dag geleden)"),
            "{}",
            jan_1.summary
        );
    }

    #[test]
    fn a_review_submitted_early_moves_the_next_due_date_on() {
        let rule = half_yearly("2026-H2");
        let c = compliance(&rule, &[done("2026-H2", d(2026, 12, 15))], d(2026, 12, 20));
        assert!(!c.overdue);
        assert_eq!(c.next_due_period, p("2027-H1"));
        assert_eq!(c.next_due_on, d(2027, 6, 30));
    }

    #[test]
    fn twelve_months_count_back_over_the_year_end() {
        let rule = half_yearly("2025-H2");
        let reviews = [
            done("2025-H2", d(2026, 1, 10)),
            done("2026-H1", d(2026, 6, 30)),
        ];
        let c = compliance(&rule, &reviews, d(2027, 1, 9));
        assert_eq!(c.reviews_last_12_months, 2);
        assert!(c.meets_good_practice);
        // A year and a day later the January review no longer counts.
        let c = compliance(&rule, &reviews, d(2027, 1, 10));
        assert_eq!(c.reviews_last_12_months, 1);
        assert!(!c.meets_good_practice);
        assert!(c.summary.contains("goede praktijk"), "{}", c.summary);
        // And 2026-H2 is overdue since 1 January.
        assert!(c.overdue);
        assert_eq!(c.next_due_period, p("2026-H2"));
    }

    #[test]
    fn every_missed_period_is_listed_earliest_first() {
        let rule = half_yearly("2025-H1");
        let c = compliance(&rule, &[done("2025-H2", d(2026, 1, 5))], d(2026, 11, 23));
        assert_eq!(c.overdue_periods, vec![p("2025-H1"), p("2026-H1")]);
        assert_eq!(c.next_due_period, p("2025-H1"));
        assert!(
            c.summary.contains("In totaal ontbreken 2 evaluaties"),
            "{}",
            c.summary
        );
    }

    #[test]
    fn grace_days_and_yearly_groups() {
        let rule = CadenceRule {
            cadence: Cadence::Yearly,
            due_offset_days: 31,
            reviews_from: p("2026"),
        };
        assert_eq!(rule.due_on(p("2026")), d(2027, 1, 31));
        assert!(!compliance(&rule, &[], d(2027, 1, 31)).overdue);
        assert!(compliance(&rule, &[], d(2027, 2, 1)).overdue);
        assert!(
            Cadence::Yearly
                .check_period("period", p("2026-H1"))
                .is_err()
        );
        assert!(
            Cadence::HalfYearly
                .check_period("period", p("2026"))
                .is_err()
        );
    }
}
