//! Measurement periods: a year (`2026`) or a half-year (`2026-H1`, `2026-H2`).

use chrono::{Datelike, NaiveDate};

use super::InvalidField;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    HalfYear { year: i32, half: u8 },
}

impl Period {
    pub fn parse(field: &str, s: &str) -> Result<Self, InvalidField> {
        let err = || {
            InvalidField::new(
                field,
                format!(
                    "'{s}' is geen periode; gebruik een jaar (2026) of een halfjaar (2026-H1, 2026-H2)"
                ),
            )
        };
        let s = s.trim();
        let (year, half) = match s.split_once('-') {
            None => (s, None),
            Some((y, h)) => (y, Some(h)),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i32 = year.parse().map_err(|_| err())?;
        if !(1900..=2200).contains(&year) {
            return Err(err());
        }
        match half.map(str::to_ascii_uppercase).as_deref() {
            None => Ok(Period::Year(year)),
            Some("H1") => Ok(Period::HalfYear { year, half: 1 }),
            Some("H2") => Ok(Period::HalfYear { year, half: 2 }),
            Some(_) => Err(err()),
        }
    }

    /// Where the period ends, in years (2026 → 2027.0, 2026-H1 → 2026.5), to place periods of
    /// both kinds on one time line.
    pub fn end(self) -> f64 {
        match self {
            Period::Year(y) => f64::from(y) + 1.0,
            Period::HalfYear { year, half } => f64::from(year) + 0.5 * f64::from(half),
        }
    }

    /// How long the period lasts, in years: 1 or 0.5.
    pub fn length(self) -> f64 {
        match self {
            Period::Year(_) => 1.0,
            Period::HalfYear { .. } => 0.5,
        }
    }

    /// Whether the period is over at `moment`.
    pub fn is_over_at(self, moment: Moment) -> bool {
        moment.0 >= self.end()
    }
}

/// A moment on the periods' time line, in years: 1 January 2026 is 2026.0, 2 July 2026 about
/// 2026.5. Verdicts are given "as of" a moment: today in the API, the end of its period in a
/// letter about a period that is over.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Moment(f64);

impl Moment {
    /// The start of `date`. Each half-year is half a year long, so that 1 July is where the
    /// first half ends.
    pub fn of_date(date: NaiveDate) -> Moment {
        let half = Period::containing(date, true);
        let (start, end) = (half.first_day(), half.last_day());
        let done = (date - start).num_days() as f64;
        let days = ((end - start).num_days() + 1) as f64;
        Moment(half.end() - 0.5 + 0.5 * done / days)
    }

    /// The moment `period` is over (the start of the first day after it).
    pub fn end_of(period: Period) -> Moment {
        Moment(period.end())
    }

    /// The earlier of the two.
    pub fn min(self, other: Moment) -> Moment {
        if other.0 < self.0 { other } else { self }
    }

    /// Years from `self` to `later`.
    pub fn years_until(self, later: Moment) -> f64 {
        later.0 - self.0
    }
}

impl Period {
    /// The half-year (or the year) that holds `date`.
    pub fn containing(date: NaiveDate, half_years: bool) -> Period {
        let year = date.year();
        if half_years {
            Period::HalfYear {
                year,
                half: if date.month() <= 6 { 1 } else { 2 },
            }
        } else {
            Period::Year(year)
        }
    }

    pub fn is_half_year(self) -> bool {
        matches!(self, Period::HalfYear { .. })
    }

    /// The period of the same kind that follows.
    pub fn next(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y + 1),
            Period::HalfYear { year, half: 1 } => Period::HalfYear { year, half: 2 },
            Period::HalfYear { year, .. } => Period::HalfYear {
                year: year + 1,
                half: 1,
            },
        }
    }

    /// The first day of the period: 1 January or 1 July.
    pub fn first_day(self) -> NaiveDate {
        let (year, month) = match self {
            Period::Year(y) | Period::HalfYear { year: y, half: 1 } => (y, 1),
            Period::HalfYear { year, .. } => (year, 7),
        };
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period: 30 June or 31 December.
    pub fn last_day(self) -> NaiveDate {
        let (year, month, day) = match self {
            Period::Year(y) | Period::HalfYear { year: y, half: 2 } => (y, 12, 31),
            Period::HalfYear { year, .. } => (year, 6, 30),
        };
        // Years are limited to 1900..=2200 by `parse`; those dates always exist.
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MAX)
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::HalfYear { year, half } => write!(f, "{year}-H{half}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for s in ["2019", "2026-H1", "2026-H2"] {
            assert_eq!(
                Period::parse("period", s).map(|p| p.to_string()),
                Ok(s.to_owned())
            );
        }
        assert_eq!(
            Period::parse("period", " 2026-h1 "),
            Ok(Period::HalfYear {
                year: 2026,
                half: 1
            })
        );
    }

    #[test]
    fn refuses_other_forms() {
        for s in [
            "",
            "19",
            "2026-H3",
            "2026-Q1",
            "2026H1",
            "26-H1",
            "-2026",
            "2026-",
            "3000",
            "２０２６",
        ] {
            assert!(Period::parse("period", s).is_err(), "{s}");
        }
    }

    #[test]
    fn dates_and_period_ends_share_the_time_line() {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let p = |s| Period::parse("period", s).expect("valid");
        assert_eq!(
            Moment::of_date(day("2026-01-01")),
            Moment::end_of(p("2025"))
        );
        assert_eq!(
            Moment::of_date(day("2026-07-01")),
            Moment::end_of(p("2026-H1"))
        );
        assert!(Moment::of_date(day("2026-06-30")) < Moment::end_of(p("2026-H1")));
        assert!(!p("2025").is_over_at(Moment::of_date(day("2025-12-31"))));
        assert!(p("2025").is_over_at(Moment::of_date(day("2026-01-01"))));
        assert!(p("2026-H1").is_over_at(Moment::of_date(day("2026-07-02"))));
        assert!(
            (Moment::end_of(p("2024")).years_until(Moment::end_of(p("2026-H1"))) - 1.5).abs()
                < 1e-9
        );
    }

    #[test]
    fn orders_on_one_time_line() {
        let p = |s| Period::parse("period", s).expect("valid").end();
        assert!(p("2026-H1") < p("2026-H2"));
        assert_eq!(p("2026-H2"), p("2026"));
        assert!(p("2025") < p("2026-H1"));
    }
}
