//! When the worker compiles a draft letter on its own: a cooperation's letter over a period is due
//! `due_days` days after the period ends (the default, 60, puts the yearly letter at the start of
//! March), and the draft is compiled `lead_days` before that (default 21), so the coordinator has
//! three weeks to edit it. Outside that window nothing is compiled, so switching the schedule on
//! never makes letters for years gone by.

use chrono::{Days, NaiveDate};

use crate::domain::InvalidField;
use crate::domain::period::Period;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub enabled: bool,
    /// A letter per half-year instead of per year.
    pub half_yearly: bool,
    pub due_days: u32,
    pub lead_days: u32,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            enabled: true,
            half_yearly: false,
            due_days: 60,
            lead_days: 21,
        }
    }
}

impl Schedule {
    /// Checks the numbers a coordinator enters.
    pub fn parse(
        enabled: bool,
        half_yearly: bool,
        due_days: i64,
        lead_days: i64,
    ) -> Result<Self, InvalidField> {
        let due_days = u32::try_from(due_days)
            .ok()
            .filter(|d| *d <= 365)
            .ok_or_else(|| {
                InvalidField::new(
                    "dueDays",
                    "kies 0 tot en met 365 dagen na het einde van de periode",
                )
            })?;
        let lead_days = u32::try_from(lead_days)
            .ok()
            .filter(|d| *d <= 120)
            .ok_or_else(|| {
                InvalidField::new(
                    "leadDays",
                    "kies 0 tot en met 120 dagen voor de uiterste datum",
                )
            })?;
        Ok(Schedule {
            enabled,
            half_yearly,
            due_days,
            lead_days,
        })
    }

    /// The day the letter over `period` is due.
    pub fn due_on(&self, period: Period) -> NaiveDate {
        period
            .last_day()
            .checked_add_days(Days::new(u64::from(self.due_days)))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The day its draft is compiled: `lead_days` before it is due, but never before the
    /// period has ended.
    pub fn draft_on(&self, period: Period) -> NaiveDate {
        let ended = period.last_day().succ_opt().unwrap_or(NaiveDate::MAX);
        self.due_on(period)
            .checked_sub_days(Days::new(u64::from(self.lead_days)))
            .unwrap_or(NaiveDate::MIN)
            .max(ended)
    }

    /// The period whose draft is due on `today`: it has ended, its draft day has come and its
    /// letter is not yet due. None when the schedule is off or no period is in that window.
    pub fn period_to_draft(&self, today: NaiveDate) -> Option<Period> {
        if !self.enabled {
            return None;
        }
        let mut period = Period::containing(today, self.half_yearly);
        // Walk back over the periods whose window could still be open (due_days ≤ 365).
        for _ in 0..4 {
            period = previous(period);
            // Due the day after the period (0 days) still leaves that one day to draft on.
            let draft = self.draft_on(period);
            let window = draft..=self.due_on(period).max(draft);
            if window.contains(&today) {
                return Some(period);
            }
        }
        None
    }

    /// The first period whose draft day is today or later: what the schedule does next.
    pub fn next_draft(&self, today: NaiveDate) -> Option<Period> {
        if !self.enabled {
            return None;
        }
        let mut period = previous(previous(Period::containing(today, self.half_yearly)));
        for _ in 0..6 {
            if self.draft_on(period) >= today {
                return Some(period);
            }
            period = period.next();
        }
        None
    }
}

fn previous(p: Period) -> Period {
    match p {
        Period::Year(y) => Period::Year(y - 1),
        Period::HalfYear { year, half: 2 } => Period::HalfYear { year, half: 1 },
        Period::HalfYear { year, .. } => Period::HalfYear {
            year: year - 1,
            half: 2,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn the_yearly_draft_comes_three_weeks_before_the_letter_is_due() {
        let s = Schedule::default();
        assert_eq!(s.due_on(Period::Year(2026)), day("2027-03-01"));
        assert_eq!(s.draft_on(Period::Year(2026)), day("2027-02-08"));
        assert_eq!(s.period_to_draft(day("2027-02-07")), None);
        assert_eq!(
            s.period_to_draft(day("2027-02-08")),
            Some(Period::Year(2026))
        );
        assert_eq!(
            s.period_to_draft(day("2027-03-01")),
            Some(Period::Year(2026))
        );
        assert_eq!(s.period_to_draft(day("2027-03-02")), None);
        assert_eq!(s.next_draft(day("2026-11-23")), Some(Period::Year(2026)));
        assert_eq!(s.next_draft(day("2027-02-08")), Some(Period::Year(2026)));
        assert_eq!(s.next_draft(day("2027-02-09")), Some(Period::Year(2027)));
    }

    #[test]
    fn half_yearly_and_never_before_the_period_ends() {
        let s = Schedule {
            half_yearly: true,
            due_days: 10,
            lead_days: 30,
            ..Schedule::default()
        };
        // The draft day would fall inside the period; it waits for the period to end.
        assert_eq!(s.period_to_draft(day("2026-06-30")), None);
        assert_eq!(
            s.period_to_draft(day("2026-07-01")),
            Some(Period::HalfYear {
                year: 2026,
                half: 1
            })
        );
        assert_eq!(s.period_to_draft(day("2026-07-11")), None);
    }

    #[test]
    fn off_means_never_and_numbers_are_checked() {
        let off = Schedule {
            enabled: false,
            ..Schedule::default()
        };
        assert_eq!(off.period_to_draft(day("2027-02-10")), None);
        assert!(Schedule::parse(true, false, 366, 10).is_err());
        assert!(Schedule::parse(true, false, 60, -1).is_err());
        assert!(Schedule::parse(true, true, 0, 0).is_ok());
        // Due on the last day of the period: drafted the day after.
        let at_once = Schedule::parse(true, false, 0, 0).expect("valid");
        assert_eq!(at_once.draft_on(Period::Year(2026)), day("2027-01-01"));
        assert_eq!(
            at_once.period_to_draft(day("2027-01-01")),
            Some(Period::Year(2026))
        );
        assert_eq!(at_once.period_to_draft(day("2027-01-02")), None);
    }
}
