//! Progress of an indicator in one area (a municipality or the whole cooperation).
//!
//! The rule, in order:
//! 1. No measurement: **no data**.
//! 2. With a target (period, comparator `≤`/`≥`/`=`, value):
//!    a. the latest measurement meets the target: **on track** (also when reached early);
//!    b. otherwise, the latest measurement is of the target period or later: **off track**;
//!    c. otherwise, with a baseline before the target period: the expected value at the latest
//!    measurement's period lies on the straight line from baseline to target; **on track** when
//!    the measurement is at least as good as expected, else **off track**;
//!    d. otherwise (no baseline to draw the line from): **no data**.
//! 3. Without a target, with a baseline: lower/higher is better: **on track** when the latest
//!    measurement is no worse than the baseline; keep at level: **on track** within 5% of it.
//! 4. Neither target nor baseline: **no data**.
//!
//! `=` targets and "keep at level" allow 5% deviation (at least 0.05, for figures such as 7.7).
//! Periods are placed on one time line by their end (2026-H1 = 2026.5), so missing years and
//! half-years mixed with years need no special care.

use super::period::Period;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LowerIsBetter,
    HigherIsBetter,
    KeepAtLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    AtMost,
    AtLeast,
    Equal,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline {
    pub period: Period,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub period: Period,
    pub comparator: Comparator,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measurement {
    pub period: Period,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    OnTrack,
    OffTrack,
    NoData,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::OnTrack => "on_track",
            Status::OffTrack => "off_track",
            Status::NoData => "no_data",
        }
    }

    /// In words for bestuurders.
    pub fn label(self) -> &'static str {
        match self {
            Status::OnTrack => "Op koers",
            Status::OffTrack => "Niet op koers",
            Status::NoData => "Geen gegevens",
        }
    }
}

/// The verdict with the figures it rests on and a sentence a bestuurder can read.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub status: Status,
    pub latest: Option<Measurement>,
    /// The value the straight line from baseline to target expects at the latest period (rule 2c).
    pub expected: Option<f64>,
    pub explanation: String,
}

const RELATIVE_TOLERANCE: f64 = 0.05;
const ABSOLUTE_TOLERANCE: f64 = 0.05;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= (RELATIVE_TOLERANCE * b.abs()).max(ABSOLUTE_TOLERANCE)
}

/// Whether a value meets a target (`=` within the tolerance).
pub fn meets(value: f64, comparator: Comparator, goal: f64) -> bool {
    match comparator {
        Comparator::AtMost => value <= goal,
        Comparator::AtLeast => value >= goal,
        Comparator::Equal => close(value, goal),
    }
}

/// A figure as Dutch readers write it: decimal comma, thousands points, at most two decimals.
pub fn dutch_number(v: f64) -> String {
    let s = format!("{:.2}", v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

fn is_year(m: &Measurement) -> bool {
    matches!(m.period, Period::Year(_))
}

/// A warning that the verdict rests on old figures: the target period is over (at `today`, in
/// years such as 2026.9) while the latest measurement is from before it. The verdict itself stays
/// as the rule gives it; this only says that a newer figure is missing.
pub fn outdated_notice(
    latest: Option<Measurement>,
    target: Option<Target>,
    today: f64,
) -> Option<String> {
    let t = target?;
    if today < t.period.end() {
        return None;
    }
    match latest {
        Some(m) if m.period.end() >= t.period.end() => None,
        Some(m) => Some(format!(
            "De streefperiode {} is voorbij, maar de laatste meting is van {}: voer de nieuwere cijfers in.",
            t.period, m.period
        )),
        None => Some(format!(
            "De streefperiode {} is voorbij en er is geen meting.",
            t.period
        )),
    }
}

/// Applies the rule above. `measurements` may be in any order.
pub fn assess(
    direction: Direction,
    baseline: Option<Baseline>,
    target: Option<Target>,
    measurements: &[Measurement],
) -> Progress {
    // 2026 and 2026-H2 end together: then the whole year, the fuller figure, counts.
    let latest = measurements.iter().copied().max_by(|a, b| {
        a.period
            .end()
            .total_cmp(&b.period.end())
            .then_with(|| is_year(a).cmp(&is_year(b)))
    });
    let verdict = |status, expected, explanation: String| Progress {
        status,
        latest,
        expected,
        explanation,
    };
    let Some(m) = latest else {
        return verdict(Status::NoData, None, "Er is nog geen meting.".to_owned());
    };

    if let Some(t) = target {
        if meets(m.value, t.comparator, t.value) {
            return verdict(
                Status::OnTrack,
                None,
                format!(
                    "De streefwaarde voor {} is gehaald: {} in {}.",
                    t.period,
                    dutch_number(m.value),
                    m.period
                ),
            );
        }
        if m.period.end() >= t.period.end() {
            return verdict(
                Status::OffTrack,
                None,
                format!(
                    "De streefwaarde voor {} ({}) is niet gehaald: {} in {}.",
                    t.period,
                    dutch_number(t.value),
                    dutch_number(m.value),
                    m.period
                ),
            );
        }
        return match baseline.filter(|b| b.period.end() < t.period.end()) {
            Some(b) => {
                let span = t.period.end() - b.period.end();
                let fraction = ((m.period.end() - b.period.end()) / span).clamp(0.0, 1.0);
                let expected = b.value + (t.value - b.value) * fraction;
                let on_track = match t.comparator {
                    Comparator::AtMost => m.value <= expected,
                    Comparator::AtLeast => m.value >= expected,
                    Comparator::Equal => close(m.value, expected),
                };
                let (status, word) = if on_track {
                    (Status::OnTrack, "op koers")
                } else {
                    (Status::OffTrack, "niet op koers")
                };
                verdict(
                    status,
                    Some(expected),
                    format!(
                        "{} in {}: {word} naar {} in {} (verwacht rond {}).",
                        dutch_number(m.value),
                        m.period,
                        dutch_number(t.value),
                        t.period,
                        dutch_number(expected)
                    ),
                )
            }
            None => verdict(
                Status::NoData,
                None,
                "Zonder uitgangswaarde is het verloop naar de streefwaarde niet te beoordelen."
                    .to_owned(),
            ),
        };
    }

    let Some(b) = baseline else {
        return verdict(
            Status::NoData,
            None,
            "Er is geen streefwaarde of uitgangswaarde.".to_owned(),
        );
    };
    let on_track = match direction {
        Direction::LowerIsBetter => m.value <= b.value,
        Direction::HigherIsBetter => m.value >= b.value,
        Direction::KeepAtLevel => close(m.value, b.value),
    };
    let status = if on_track {
        Status::OnTrack
    } else {
        Status::OffTrack
    };
    let word = if on_track {
        "niet slechter dan"
    } else {
        "slechter dan"
    };
    verdict(
        status,
        None,
        format!(
            "{} in {} is {word} de uitgangswaarde {} ({}).",
            dutch_number(m.value),
            m.period,
            dutch_number(b.value),
            b.period
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse("period", s).expect("period")
    }
    fn m(period: &str, value: f64) -> Measurement {
        Measurement {
            period: p(period),
            value,
        }
    }
    fn ermelo_target() -> (Option<Baseline>, Option<Target>) {
        (
            Some(Baseline {
                period: p("2019"),
                value: 930.0,
            }),
            Some(Target {
                period: p("2024"),
                comparator: Comparator::AtMost,
                value: 800.0,
            }),
        )
    }

    #[test]
    fn no_measurement_is_no_data() {
        let (b, t) = ermelo_target();
        assert_eq!(
            assess(Direction::LowerIsBetter, b, t, &[]).status,
            Status::NoData
        );
    }

    #[test]
    fn at_the_baseline_the_line_expects_the_baseline() {
        let (b, t) = ermelo_target();
        let r = assess(Direction::LowerIsBetter, b, t, &[m("2019", 930.0)]);
        assert_eq!(r.status, Status::OnTrack);
        assert_eq!(r.expected, Some(930.0));
    }

    #[test]
    fn on_and_off_the_line_between_baseline_and_target() {
        let (b, t) = ermelo_target();
        // 2021 ends 2 of the 5 years from 2019 to 2024: expected 930 - 130 * 2/5 = 878.
        let on = assess(
            Direction::LowerIsBetter,
            b,
            t,
            &[m("2019", 930.0), m("2021", 870.0)],
        );
        assert_eq!(on.status, Status::OnTrack);
        assert!((on.expected.unwrap_or(0.0) - 878.0).abs() < 1e-9);
        let off = assess(
            Direction::LowerIsBetter,
            b,
            t,
            &[m("2021", 900.0), m("2019", 930.0)],
        );
        assert_eq!(off.status, Status::OffTrack);
        assert!(
            off.explanation.contains("niet op koers"),
            "{}",
            off.explanation
        );
    }

    #[test]
    fn a_whole_year_counts_before_its_second_half() {
        let (b, t) = ermelo_target();
        for figures in [
            [m("2021-H2", 700.0), m("2021", 900.0)],
            [m("2021", 900.0), m("2021-H2", 700.0)],
        ] {
            let r = assess(Direction::LowerIsBetter, b, t, &figures);
            assert_eq!(r.latest, Some(m("2021", 900.0)));
            assert_eq!(r.status, Status::OffTrack);
        }
    }

    #[test]
    fn target_reached_early_is_on_track() {
        let (b, t) = ermelo_target();
        let r = assess(Direction::LowerIsBetter, b, t, &[m("2020", 790.0)]);
        assert_eq!(r.status, Status::OnTrack);
        assert!(r.explanation.contains("gehaald"));
    }

    #[test]
    fn target_period_passed_without_reaching_it_is_off_track() {
        let (b, t) = ermelo_target();
        assert_eq!(
            assess(Direction::LowerIsBetter, b, t, &[m("2024", 801.0)]).status,
            Status::OffTrack
        );
        assert_eq!(
            assess(Direction::LowerIsBetter, b, t, &[m("2025-H1", 805.0)]).status,
            Status::OffTrack
        );
    }

    #[test]
    fn missing_years_and_half_years_place_on_the_same_line() {
        let (b, t) = ermelo_target();
        // Only 2023-H1 measured: 3.5 of 5 years, expected 930 - 130 * 0.7 = 839.
        let r = assess(Direction::LowerIsBetter, b, t, &[m("2023-H1", 839.0)]);
        assert_eq!(r.status, Status::OnTrack);
        assert!((r.expected.unwrap_or(0.0) - 839.0).abs() < 1e-9);
        assert_eq!(r.latest, Some(m("2023-H1", 839.0)));
    }

    #[test]
    fn without_a_baseline_an_unmet_target_cannot_be_judged() {
        let (_, t) = ermelo_target();
        assert_eq!(
            assess(Direction::LowerIsBetter, None, t, &[m("2021", 900.0)]).status,
            Status::NoData
        );
        // …but one already met is.
        assert_eq!(
            assess(Direction::LowerIsBetter, None, t, &[m("2021", 700.0)]).status,
            Status::OnTrack
        );
    }

    #[test]
    fn higher_is_better_targets() {
        let b = Some(Baseline {
            period: p("2019"),
            value: 7.7,
        });
        let t = Some(Target {
            period: p("2024"),
            comparator: Comparator::AtLeast,
            value: 7.7,
        });
        assert_eq!(
            assess(Direction::HigherIsBetter, b, t, &[m("2021", 7.8)]).status,
            Status::OnTrack
        );
        assert_eq!(
            assess(Direction::HigherIsBetter, b, t, &[m("2021", 7.5)]).status,
            Status::OffTrack
        );
    }

    #[test]
    fn keep_at_level() {
        let b = Some(Baseline {
            period: p("2019"),
            value: 100.0,
        });
        assert_eq!(
            assess(Direction::KeepAtLevel, b, None, &[m("2022", 104.0)]).status,
            Status::OnTrack
        );
        assert_eq!(
            assess(Direction::KeepAtLevel, b, None, &[m("2022", 94.0)]).status,
            Status::OffTrack
        );
        let t = Some(Target {
            period: p("2024"),
            comparator: Comparator::Equal,
            value: 7.5,
        });
        assert_eq!(
            assess(Direction::KeepAtLevel, None, t, &[m("2022", 7.54)]).status,
            Status::OnTrack
        );
    }

    #[test]
    fn without_target_the_direction_decides_against_the_baseline() {
        let b = Some(Baseline {
            period: p("2019"),
            value: 50.0,
        });
        assert_eq!(
            assess(Direction::LowerIsBetter, b, None, &[m("2021", 50.0)]).status,
            Status::OnTrack
        );
        assert_eq!(
            assess(Direction::LowerIsBetter, b, None, &[m("2021", 51.0)]).status,
            Status::OffTrack
        );
        assert_eq!(
            assess(Direction::HigherIsBetter, b, None, &[m("2021", 49.0)]).status,
            Status::OffTrack
        );
        assert_eq!(
            assess(Direction::HigherIsBetter, None, None, &[m("2021", 49.0)]).status,
            Status::NoData
        );
    }

    #[test]
    fn old_figures_after_the_target_period_get_a_notice() {
        let (_, t) = ermelo_target();
        let m2019 = Some(m("2019", 930.0));
        // 2024 ends at 2025.0: before that, no notice.
        assert_eq!(outdated_notice(m2019, t, 2024.9), None);
        let notice = outdated_notice(m2019, t, 2026.9).expect("notice");
        assert!(
            notice.contains("2024") && notice.contains("2019"),
            "{notice}"
        );
        assert_eq!(outdated_notice(Some(m("2024", 790.0)), t, 2026.9), None);
        assert!(outdated_notice(None, t, 2026.9).is_some());
        assert_eq!(outdated_notice(m2019, None, 2026.9), None);
    }

    #[test]
    fn figures_are_written_the_dutch_way() {
        assert_eq!(dutch_number(930.0), "930");
        assert_eq!(dutch_number(1696.0), "1.696");
        assert_eq!(dutch_number(3_092_806.0), "3.092.806");
        assert_eq!(dutch_number(7.7), "7,7");
        assert_eq!(dutch_number(-1234.5), "-1.234,5");
        assert_eq!(dutch_number(0.004), "0");
        assert_eq!(dutch_number(-0.001), "0");
    }

    #[test]
    fn explanations_use_dutch_decimals() {
        let b = Some(Baseline {
            period: p("2019"),
            value: 7.7,
        });
        let r = assess(Direction::HigherIsBetter, b, None, &[m("2021", 7.5)]);
        assert!(
            r.explanation.contains("7,5") && r.explanation.contains("7,7"),
            "{}",
            r.explanation
        );
    }
}
