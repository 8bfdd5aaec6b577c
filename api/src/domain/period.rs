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
    fn orders_on_one_time_line() {
        let p = |s| Period::parse("period", s).expect("valid").end();
        assert!(p("2026-H1") < p("2026-H2"));
        assert_eq!(p("2026-H2"), p("2026"));
        assert!(p("2025") < p("2026-H1"));
    }
}
