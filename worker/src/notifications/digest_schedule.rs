//! When a bestuurder's digest is due: weekly on Monday at 07:00, or monthly on the first Monday
//! of the month at 07:00, Dutch time. The digest of a slot covers what happened since the slot
//! before it; its key makes it once.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Amsterdam;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Weekly,
    Monthly,
}

impl Frequency {
    /// `weekly` or `monthly`; `off` (or anything else) has no digest.
    pub fn from_setting(s: &str) -> Option<Self> {
        match s {
            "weekly" => Some(Frequency::Weekly),
            "monthly" => Some(Frequency::Monthly),
            _ => None,
        }
    }
}

/// The digest due at a moment: its key and the moment since which it reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// E.g. `weekly:2026-W48` or `monthly:2026-11`.
    pub key: String,
    pub starts: DateTime<Utc>,
    pub since: DateTime<Utc>,
}

fn at_seven(d: NaiveDate) -> DateTime<Utc> {
    let local = d.and_time(NaiveTime::from_hms_opt(7, 0, 0).unwrap_or(NaiveTime::MIN));
    Amsterdam
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.to_utc())
        .unwrap_or_else(|| local.and_utc())
}

fn monday_on_or_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
        .unwrap_or(d)
}

fn first_monday(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1).unwrap_or(NaiveDate::MIN)
}

/// The latest slot that has begun at `now`.
pub fn current_slot(frequency: Frequency, now: DateTime<Utc>) -> Slot {
    let today = now.with_timezone(&Amsterdam).date_naive();
    match frequency {
        Frequency::Weekly => {
            let mut monday = monday_on_or_before(today);
            if at_seven(monday) > now {
                monday = monday.checked_sub_days(Days::new(7)).unwrap_or(monday);
            }
            let week = monday.iso_week();
            Slot {
                key: format!("weekly:{}-W{:02}", week.year(), week.week()),
                starts: at_seven(monday),
                since: at_seven(monday.checked_sub_days(Days::new(7)).unwrap_or(monday)),
            }
        }
        Frequency::Monthly => {
            let (mut y, mut m) = (today.year(), today.month());
            if at_seven(first_monday(y, m)) > now {
                (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            }
            let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            Slot {
                key: format!("monthly:{y}-{m:02}"),
                starts: at_seven(first_monday(y, m)),
                since: at_seven(first_monday(py, pm)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("time").to_utc()
    }

    #[test]
    fn weekly_on_monday_at_seven_dutch_time() {
        // Monday 30 November 2026, 07:00 in Amsterdam is 06:00 UTC.
        let before = current_slot(Frequency::Weekly, at("2026-11-30T05:59:00Z"));
        assert_eq!(before.key, "weekly:2026-W48");
        let on = current_slot(Frequency::Weekly, at("2026-11-30T06:00:00Z"));
        assert_eq!(on.key, "weekly:2026-W49");
        assert_eq!(on.starts, at("2026-11-30T06:00:00Z"));
        assert_eq!(on.since, at("2026-11-23T06:00:00Z"));
        // In summer 07:00 is 05:00 UTC.
        assert_eq!(
            current_slot(Frequency::Weekly, at("2026-07-06T05:00:00Z")).starts,
            at("2026-07-06T05:00:00Z")
        );
        // Over the year end: ISO week 53 of 2026 starts on 28 December.
        assert_eq!(
            current_slot(Frequency::Weekly, at("2027-01-01T12:00:00Z")).key,
            "weekly:2026-W53"
        );
    }

    #[test]
    fn monthly_on_the_first_monday() {
        // December 2026 starts on a Tuesday: its first Monday is the 7th.
        assert_eq!(
            current_slot(Frequency::Monthly, at("2026-12-06T12:00:00Z")).key,
            "monthly:2026-11"
        );
        let dec = current_slot(Frequency::Monthly, at("2026-12-07T06:00:00Z"));
        assert_eq!(dec.key, "monthly:2026-12");
        assert_eq!(dec.since, at("2026-11-02T06:00:00Z"));
        assert_eq!(
            current_slot(Frequency::Monthly, at("2027-01-03T12:00:00Z")).key,
            "monthly:2026-12"
        );
        assert_eq!(Frequency::from_setting("off"), None);
    }
}
