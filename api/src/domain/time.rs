//! The platform's calendar: dates count in the Netherlands, whatever the server's time zone.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;

/// The date in the Netherlands at `now`.
pub fn date_in_netherlands(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Amsterdam).date_naive()
}

/// Today's date in the Netherlands.
pub fn today() -> NaiveDate {
    date_in_netherlands(Utc::now())
}

/// `d` when it lies in the years the platform stores (1900 to 2200), as any real date of
/// policy does; a typo such as year 20026 gets a clear message instead of a database error.
pub fn plausible_date(field: &str, d: NaiveDate) -> Result<NaiveDate, super::InvalidField> {
    use chrono::Datelike;
    if (1900..=2200).contains(&d.year()) {
        Ok(d)
    } else {
        Err(super::InvalidField::new(
            field,
            format!("{d} ligt niet tussen 1900 en 2200"),
        ))
    }
}

/// The same for a moment in time.
pub fn plausible_time(field: &str, t: DateTime<Utc>) -> Result<DateTime<Utc>, super::InvalidField> {
    plausible_date(field, t.date_naive()).map(|_| t)
}

/// A date as a letter writes it: "23 november 2026".
pub fn long_dutch_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    use chrono::Datelike;
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// A date the way Dutch readers write it: 31-12-2026.
pub fn dutch_date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("time").to_utc()
    }

    #[test]
    fn the_date_turns_at_midnight_in_amsterdam_not_in_utc() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        // Winter: UTC+1.
        assert_eq!(
            date_in_netherlands(at("2026-12-31T22:59:59Z")),
            d(2026, 12, 31)
        );
        assert_eq!(
            date_in_netherlands(at("2026-12-31T23:00:00Z")),
            d(2027, 1, 1)
        );
        // Summer: UTC+2.
        assert_eq!(
            date_in_netherlands(at("2026-06-30T21:59:59Z")),
            d(2026, 6, 30)
        );
        assert_eq!(
            date_in_netherlands(at("2026-06-30T22:00:00Z")),
            d(2026, 7, 1)
        );
        assert_eq!(dutch_date(d(2026, 1, 22)), "22-01-2026");
    }
}
