//! Progress of an indicator in one area (a municipality or the whole cooperation): the one rule
//! for "op koers" that the API, the web UI's overview, the digest and the Veiligheidsbrief all
//! show. Nothing else in the platform judges figures.
//!
//! A verdict is given *as of* a moment (`Moment`): today in the API and the emails; in a
//! Veiligheidsbrief the end of its period, or the day it is compiled if that comes first. The
//! latest figure is the one whose period ends last (a whole year before its own second half).
//!
//! The rule, in order; the first that applies decides:
//!
//! | # | Case | Status | In a table |
//! |---|------|--------|------------|
//! | 1 | no figure: while the target period runs (or without a target) | `no_data` | Geen cijfer |
//! | 1a | … once the target period is over | `outdated` | Onbekend: geen cijfer over 2024 |
//! | 2 | neither target nor baseline: nothing to judge against | `no_data` | Geen streefwaarde |
//! | 3 | target; the figure of the target period (or, without one, the first after it) meets the target | `on_track` | Gehaald in 2024 |
//! | 4 | … misses it | `off_track` | Niet gehaald in 2024 |
//! | 5 | target; the latest figure is from before the target period, later than the baseline's, and already meets it (reached early) | `on_track` | Gehaald in 2022 |
//! | 6 | target; its period is over and there is no figure of it or later | `outdated` | Onbekend: geen cijfer over 2024 |
//! | 7 | the latest figure is outdated: two years have passed since its period ended (as of 1 December 2026 a figure of 2024 or 2024-H2 is current, one of 2023 or 2024-H1 is not) | `outdated` | Geen cijfer na 2023 |
//! | 8 | no figure after the baseline's period | `no_data` | Geen nieuw cijfer |
//! | 9 | target and a baseline before its period: the straight line from baseline to target gives the expected value at the latest figure's period; as good or better | `on_track` | Op koers |
//! | 10 | … worse than the line | `off_track` | Niet op koers |
//! | 11 | target without a baseline | `no_data` | Geen uitgangswaarde |
//! | 12 | no target, a baseline: lower/higher is better: no worse than the baseline; keep at level: within 5 % of it | `on_track` | Op koers |
//! | 13 | … otherwise | `off_track` | Niet op koers |
//!
//! Figures of a period that has not begun at the moment of the verdict are left out.
//!
//! So a verdict is never "op koers" on a figure that no longer says anything: once a target's
//! period is over, only the figure of that period (or a later one), or one that met the target
//! early, counts; and a figure two years past its period counts for nothing, unless it already met
//! the target. Two years, whatever the length of the period: figures are published months after
//! their period, so one may still be missing at any moment, and a newer figure never makes the
//! verdict older.
//!
//! `=` targets and "keep at level" allow 5 % deviation (at least 0.05, for figures such as 7.7).
//! Periods are placed on one time line by their end (2026-H1 = 2026.5), so missing years and
//! half-years mixed with years need no special care.

use super::period::{Moment, Period};

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
    /// The figures are too old to judge: rules 6 and 7.
    Outdated,
    NoData,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::OnTrack,
        Status::OffTrack,
        Status::Outdated,
        Status::NoData,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::OnTrack => "on_track",
            Status::OffTrack => "off_track",
            Status::Outdated => "outdated",
            Status::NoData => "no_data",
        }
    }

    /// In words for bestuurders.
    pub fn label(self) -> &'static str {
        match self {
            Status::OnTrack => "Op koers",
            Status::OffTrack => "Niet op koers",
            Status::Outdated => "Geen actuele cijfers",
            Status::NoData => "Geen gegevens",
        }
    }
}

/// A target whose period is over without a figure of that period or later.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MissingFigure {
    pub target_period: Period,
    /// The period of the latest figure there is, if any.
    pub latest_period: Option<Period>,
}

impl MissingFigure {
    /// The warning the API and the web UI show beside the verdict.
    pub fn notice(self) -> String {
        match self.latest_period {
            Some(latest) => format!(
                "De streefperiode {} is voorbij, maar de laatste meting is van {latest}: voer de nieuwere cijfers in.",
                self.target_period
            ),
            None => format!(
                "De streefperiode {} is voorbij en er is geen meting.",
                self.target_period
            ),
        }
    }
}

/// The verdict with the figures it rests on, in a few words and in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub status: Status,
    pub latest: Option<Measurement>,
    /// The value the straight line from baseline to target expects at the latest period (rule 9).
    pub expected: Option<f64>,
    /// The verdict in a few words, for a table: "Gehaald in 2022", "Onbekend: geen cijfer over
    /// 2024" (the right-hand column of the table above).
    pub summary: String,
    /// A sentence a bestuurder can read.
    pub explanation: String,
    /// Set when the target's period is over without a figure of it, whatever the status.
    pub missing: Option<MissingFigure>,
}

const RELATIVE_TOLERANCE: f64 = 0.05;
const ABSOLUTE_TOLERANCE: f64 = 0.05;
/// How many years a figure stays current after its period ended (rule 7).
const CURRENT_FOR_YEARS: f64 = 2.0;

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

/// `≤`, `≥` or `=`, as a reader writes it.
pub fn comparator_sign(c: Comparator) -> &'static str {
    match c {
        Comparator::AtMost => "≤",
        Comparator::AtLeast => "≥",
        Comparator::Equal => "=",
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

/// Whether a figure of `period` no longer counts at `as_of` (rule 7).
pub fn is_outdated(period: Period, as_of: Moment) -> bool {
    Moment::end_of(period).years_until(as_of) >= CURRENT_FOR_YEARS
}

/// Applies the rule above, as of `as_of`. `measurements` may be in any order; figures of periods
/// that end after `as_of` are the caller's to leave out, if it must.
pub fn assess(
    direction: Direction,
    baseline: Option<Baseline>,
    target: Option<Target>,
    measurements: &[Measurement],
    as_of: Moment,
) -> Progress {
    // 2026 and 2026-H2 end together: then the whole year, the fuller figure, counts.
    let order = |a: &Measurement, b: &Measurement| {
        a.period
            .end()
            .total_cmp(&b.period.end())
            .then_with(|| is_year(a).cmp(&is_year(b)))
    };
    let known: Vec<Measurement> = measurements
        .iter()
        .copied()
        .filter(|m| Moment::of_date(m.period.first_day()) <= as_of)
        .collect();
    let latest = known.iter().copied().max_by(order);
    let missing = target.and_then(|t| {
        let over = t.period.is_over_at(as_of);
        let reached = latest.is_some_and(|m| m.period.end() >= t.period.end());
        (over && !reached).then_some(MissingFigure {
            target_period: t.period,
            latest_period: latest.map(|m| m.period),
        })
    });
    let verdict = |status, expected, summary: String, explanation: String| Progress {
        status,
        latest,
        expected,
        summary,
        explanation,
        missing,
    };

    // Rule 1.
    let Some(m) = latest else {
        if let Some(t) = target.filter(|t| t.period.is_over_at(as_of)) {
            return verdict(
                Status::Outdated,
                None,
                format!("Onbekend: geen cijfer over {}", t.period),
                format!(
                    "De streefperiode {} is voorbij en er is geen cijfer: of de streefwaarde is gehaald, is niet bekend.",
                    t.period
                ),
            );
        }
        return verdict(
            Status::NoData,
            None,
            "Geen cijfer".to_owned(),
            "Er is nog geen meting.".to_owned(),
        );
    };
    // Rule 2.
    let nothing_to_judge_against = || {
        verdict(
            Status::NoData,
            None,
            "Geen streefwaarde".to_owned(),
            "Er is geen streefwaarde of uitgangswaarde om het cijfer mee te vergelijken."
                .to_owned(),
        )
    };
    if target.is_none() && baseline.is_none() {
        return nothing_to_judge_against();
    }
    // No figure after the baseline's period (rule 8).
    let only_baseline = baseline.is_some_and(|b| m.period.end() <= b.period.end());

    if let Some(t) = target {
        let goal = format!(
            "{} {}",
            comparator_sign(t.comparator),
            dutch_number(t.value)
        );
        // Rules 3 and 4: the figure of the target period decides, or the first one after it.
        let decisive = known
            .iter()
            .copied()
            .filter(|f| f.period.end() >= t.period.end())
            .min_by(|a, b| {
                a.period
                    .end()
                    .total_cmp(&b.period.end())
                    .then_with(|| is_year(b).cmp(&is_year(a)))
            });
        if let Some(d) = decisive {
            let newest = if d == m {
                String::new()
            } else {
                format!(
                    " Het nieuwste cijfer is {} in {}.",
                    dutch_number(m.value),
                    m.period
                )
            };
            return if meets(d.value, t.comparator, t.value) {
                verdict(
                    Status::OnTrack,
                    None,
                    format!("Gehaald in {}", d.period),
                    format!(
                        "De streefwaarde voor {} ({goal}) is gehaald: {} in {}.{newest}",
                        t.period,
                        dutch_number(d.value),
                        d.period
                    ),
                )
            } else {
                verdict(
                    Status::OffTrack,
                    None,
                    format!("Niet gehaald in {}", d.period),
                    format!(
                        "De streefwaarde voor {} ({goal}) is niet gehaald: {} in {}.{newest}",
                        t.period,
                        dutch_number(d.value),
                        d.period
                    ),
                )
            };
        }
        // Rule 5: the baseline's figure (and one before it) is where the plan started, not
        // progress.
        if !only_baseline && meets(m.value, t.comparator, t.value) {
            return verdict(
                Status::OnTrack,
                None,
                format!("Gehaald in {}", m.period),
                format!(
                    "De streefwaarde voor {} ({goal}) is al gehaald: {} in {}.",
                    t.period,
                    dutch_number(m.value),
                    m.period
                ),
            );
        }
        // Rule 6.
        if t.period.is_over_at(as_of) {
            return verdict(
                Status::Outdated,
                None,
                format!("Onbekend: geen cijfer over {}", t.period),
                format!(
                    "De streefperiode {} is voorbij, maar het laatste cijfer is van {}: of de streefwaarde ({goal}) is gehaald, is nog niet bekend.",
                    t.period, m.period
                ),
            );
        }
    }

    // Rule 7.
    if is_outdated(m.period, as_of) {
        return verdict(
            Status::Outdated,
            None,
            format!("Geen cijfer na {}", m.period),
            format!(
                "Het laatste cijfer is van {}: te oud om te zeggen hoe het nu gaat. Voer de nieuwere cijfers in.",
                m.period
            ),
        );
    }
    // Rule 8.
    if only_baseline {
        return verdict(
            Status::NoData,
            None,
            "Geen nieuw cijfer".to_owned(),
            format!(
                "Er is alleen het cijfer van de uitgangswaarde ({}); een nieuwer cijfer laat zien welke kant het op gaat.",
                m.period
            ),
        );
    }

    if let Some(t) = target {
        // Rules 9 to 11.
        let Some(b) = baseline else {
            return verdict(
                Status::NoData,
                None,
                "Geen uitgangswaarde".to_owned(),
                "Zonder uitgangswaarde is het verloop naar de streefwaarde niet te beoordelen."
                    .to_owned(),
            );
        };
        // A baseline at or after the target period left no figure for rule 9: rules 3 to 8
        // answered every figure before or after it.
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
        return verdict(
            status,
            Some(expected),
            status.label().to_owned(),
            format!(
                "{} in {}: {word} naar {} in {} (verwacht rond {}).",
                dutch_number(m.value),
                m.period,
                dutch_number(t.value),
                t.period,
                dutch_number(expected)
            ),
        );
    }

    // Rules 12 and 13.
    let Some(b) = baseline else {
        return nothing_to_judge_against();
    };
    let on_track = match direction {
        Direction::LowerIsBetter => m.value <= b.value,
        Direction::HigherIsBetter => m.value >= b.value,
        Direction::KeepAtLevel => close(m.value, b.value),
    };
    let (status, word) = if on_track {
        (Status::OnTrack, "niet slechter dan")
    } else {
        (Status::OffTrack, "slechter dan")
    };
    verdict(
        status,
        None,
        status.label().to_owned(),
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
    use chrono::NaiveDate;

    fn p(s: &str) -> Period {
        Period::parse("period", s).expect("period")
    }
    fn m(period: &str, value: f64) -> Measurement {
        Measurement {
            period: p(period),
            value,
        }
    }
    fn on(date: &str) -> Moment {
        Moment::of_date(NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"))
    }
    fn baseline(period: &str, value: f64) -> Option<Baseline> {
        Some(Baseline {
            period: p(period),
            value,
        })
    }
    fn target(period: &str, comparator: Comparator, value: f64) -> Option<Target> {
        Some(Target {
            period: p(period),
            comparator,
            value,
        })
    }
    /// Ermelo's "Totaal misdrijven": 930 in 2019, at most 800 in 2024.
    fn ermelo() -> (Option<Baseline>, Option<Target>) {
        (
            baseline("2019", 930.0),
            target("2024", Comparator::AtMost, 800.0),
        )
    }
    fn ermelo_on(date: &str, figures: &[Measurement]) -> Progress {
        let (b, t) = ermelo();
        assess(Direction::LowerIsBetter, b, t, figures, on(date))
    }

    #[test]
    fn no_figure_is_no_data_until_the_target_period_is_over() {
        let r = ermelo_on("2023-03-01", &[]);
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::NoData, "Geen cijfer")
        );
        assert_eq!(r.missing, None);
        // After the target period it is not known whether the target was met: outdated, as with
        // an old figure (so an area without figures never looks better than one with old ones).
        let r = ermelo_on("2026-12-01", &[]);
        assert_eq!(r.status, Status::Outdated);
        assert_eq!(r.summary, "Onbekend: geen cijfer over 2024");
        assert_eq!(
            r.missing.map(MissingFigure::notice).as_deref(),
            Some("De streefperiode 2024 is voorbij en er is geen meting.")
        );
    }

    #[test]
    fn the_figure_of_the_target_period_meets_or_misses_the_target() {
        let met = ermelo_on("2026-12-01", &[m("2019", 930.0), m("2024", 790.0)]);
        assert_eq!(
            (met.status, met.summary.as_str()),
            (Status::OnTrack, "Gehaald in 2024")
        );
        assert_eq!(
            met.explanation,
            "De streefwaarde voor 2024 (≤ 800) is gehaald: 790 in 2024."
        );
        let missed = ermelo_on("2026-12-01", &[m("2019", 930.0), m("2024", 812.0)]);
        assert_eq!(
            (missed.status, missed.summary.as_str()),
            (Status::OffTrack, "Niet gehaald in 2024")
        );
        // Without a figure of the target year, a half-year after it decides.
        let later = ermelo_on("2026-12-01", &[m("2019", 930.0), m("2025-H1", 805.0)]);
        assert_eq!(
            (later.status, later.summary.as_str()),
            (Status::OffTrack, "Niet gehaald in 2025-H1")
        );
        assert_eq!(met.missing, None);
    }

    #[test]
    fn a_target_period_over_without_its_figure_is_not_on_track() {
        // The demo's Ermelo: only the baseline's own figure, which the line would call on track.
        let r = ermelo_on("2026-12-01", &[m("2019", 930.0)]);
        assert_eq!(r.status, Status::Outdated);
        assert_eq!(r.summary, "Onbekend: geen cijfer over 2024");
        assert_eq!(r.status.label(), "Geen actuele cijfers");
        assert!(
            r.explanation.contains("nog niet bekend"),
            "{}",
            r.explanation
        );
        assert_eq!(
            r.missing,
            Some(MissingFigure {
                target_period: p("2024"),
                latest_period: Some(p("2019")),
            })
        );
        // On track on the line in 2023, but 2024 is over and its figure is missing.
        let r = ermelo_on("2025-02-01", &[m("2023", 820.0)]);
        assert_eq!(r.status, Status::Outdated);
        // The same figures while 2024 still runs are judged on the line.
        let r = ermelo_on("2024-12-31", &[m("2023", 820.0)]);
        assert_eq!(r.status, Status::OnTrack);
        assert_eq!(r.missing, None);
    }

    #[test]
    fn a_target_reached_early_stays_reached() {
        let r = ermelo_on("2026-12-01", &[m("2019", 930.0), m("2022", 790.0)]);
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::OnTrack, "Gehaald in 2022")
        );
        assert!(r.explanation.contains("al gehaald"), "{}", r.explanation);
        // The letter still notes that the target period's own figure is missing.
        assert!(r.missing.is_some());
        // While the target period runs, too.
        let r = ermelo_on("2023-06-01", &[m("2022", 790.0)]);
        assert_eq!(r.status, Status::OnTrack);
        // The baseline's own figure is where the plan started: meeting the target then is no
        // progress.
        let (_, t) = ermelo();
        let r = assess(
            Direction::LowerIsBetter,
            baseline("2019", 780.0),
            t,
            &[m("2019", 780.0)],
            on("2026-12-01"),
        );
        assert_eq!(r.summary, "Onbekend: geen cijfer over 2024");
    }

    #[test]
    fn while_the_target_period_runs_recent_figures_are_judged_on_the_line_and_old_ones_not() {
        let (b, _) = ermelo();
        let t = target("2030", Comparator::AtMost, 800.0);
        let assess_on = |date: &str, figures: &[Measurement]| {
            assess(Direction::LowerIsBetter, b, t, figures, on(date))
        };
        // From the end of 2019 to the end of 2024 is 5 of the 11 years to the end of 2030:
        // expected 930 - 130 * 5/11 ≈ 870.9.
        let recent = assess_on("2026-12-01", &[m("2019", 930.0), m("2024", 850.0)]);
        assert_eq!(
            (recent.status, recent.summary.as_str()),
            (Status::OnTrack, "Op koers")
        );
        assert!((recent.expected.unwrap_or(0.0) - 870.91).abs() < 0.01);
        let behind = assess_on("2026-12-01", &[m("2024", 880.0)]);
        assert_eq!(behind.status, Status::OffTrack);
        assert!(
            behind.explanation.contains("niet op koers"),
            "{}",
            behind.explanation
        );
        // A figure of 2023 is two years behind on 1 December 2026 (2024 and 2025 are over).
        let old = assess_on("2026-12-01", &[m("2023", 850.0)]);
        assert_eq!(
            (old.status, old.summary.as_str()),
            (Status::Outdated, "Geen cijfer na 2023")
        );
        assert_eq!(old.missing, None);
        // …but was current until the end of 2025.
        assert_eq!(
            assess_on("2025-12-31", &[m("2023", 850.0)]).status,
            Status::OnTrack
        );
        // Half-years too go out of date two years after they ended.
        assert_eq!(
            assess_on("2026-12-01", &[m("2024-H2", 850.0)]).status,
            Status::OnTrack
        );
        assert_eq!(
            assess_on("2026-12-01", &[m("2024-H1", 850.0)]).status,
            Status::Outdated
        );
        // A newer figure never makes the verdict older.
        let year = assess_on("2026-08-01", &[m("2024", 850.0)]);
        let and_half = assess_on("2026-08-01", &[m("2024", 850.0), m("2025-H1", 850.0)]);
        assert_ne!(year.status, Status::Outdated);
        assert_ne!(and_half.status, Status::Outdated);
        // An old figure that met the target early stays met.
        let early = assess_on("2026-12-01", &[m("2020", 790.0)]);
        assert_eq!(
            (early.status, early.summary.as_str()),
            (Status::OnTrack, "Gehaald in 2020")
        );
    }

    #[test]
    fn the_figure_of_the_target_period_decides_and_later_ones_are_mentioned() {
        let r = ermelo_on("2026-12-01", &[m("2024", 790.0), m("2025-H1", 805.0)]);
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::OnTrack, "Gehaald in 2024")
        );
        assert_eq!(
            r.explanation,
            "De streefwaarde voor 2024 (≤ 800) is gehaald: 790 in 2024. Het nieuwste cijfer is 805 in 2025-H1."
        );
        // Without a figure of 2024, the first one after it decides.
        let r = ermelo_on("2026-12-01", &[m("2025", 805.0), m("2026-H1", 790.0)]);
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::OffTrack, "Niet gehaald in 2025")
        );
        // A figure of a period that has not begun does not count yet.
        let r = ermelo_on("2024-06-01", &[m("2023", 820.0), m("2025", 700.0)]);
        assert_eq!(r.latest, Some(m("2023", 820.0)));
        assert_eq!(r.status, Status::OnTrack);
    }

    #[test]
    fn a_figure_from_before_the_baseline_is_not_the_target_met_early() {
        let r = ermelo_on("2018-06-01", &[m("2017", 780.0)]);
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::NoData, "Geen nieuw cijfer")
        );
        let r = ermelo_on("2023-06-01", &[m("2017", 780.0)]);
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::Outdated, "Geen cijfer na 2017")
        );
        let r = ermelo_on("2026-12-01", &[m("2017", 780.0)]);
        assert_eq!(r.summary, "Onbekend: geen cijfer over 2024");
    }

    #[test]
    fn only_the_baseline_figure_is_no_progress_yet() {
        let t = target("2030", Comparator::AtMost, 800.0);
        let b = baseline("2025", 930.0);
        let r = assess(
            Direction::LowerIsBetter,
            b,
            t,
            &[m("2025", 930.0)],
            on("2026-12-01"),
        );
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::NoData, "Geen nieuw cijfer")
        );
        // Old, it is out of date like any figure.
        let b = baseline("2019", 930.0);
        let r = assess(
            Direction::LowerIsBetter,
            b,
            t,
            &[m("2019", 930.0)],
            on("2026-12-01"),
        );
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::Outdated, "Geen cijfer na 2019")
        );
    }

    #[test]
    fn without_a_baseline_an_unmet_target_cannot_be_judged() {
        let t = target("2030", Comparator::AtMost, 800.0);
        let r = assess(
            Direction::LowerIsBetter,
            None,
            t,
            &[m("2025", 900.0)],
            on("2026-12-01"),
        );
        assert_eq!(
            (r.status, r.summary.as_str()),
            (Status::NoData, "Geen uitgangswaarde")
        );
        // …but one already met is.
        let r = assess(
            Direction::LowerIsBetter,
            None,
            t,
            &[m("2025", 700.0)],
            on("2026-12-01"),
        );
        assert_eq!(r.status, Status::OnTrack);
        // A baseline after the target period: a figure before it is no progress (rule 8).
        let r = assess(
            Direction::LowerIsBetter,
            baseline("2031", 900.0),
            t,
            &[m("2025", 900.0)],
            on("2026-12-01"),
        );
        assert_eq!(r.summary, "Geen nieuw cijfer");
    }

    #[test]
    fn a_whole_year_counts_before_its_second_half() {
        let (b, t) = ermelo();
        for figures in [
            [m("2021-H2", 700.0), m("2021", 900.0)],
            [m("2021", 900.0), m("2021-H2", 700.0)],
        ] {
            let r = assess(Direction::LowerIsBetter, b, t, &figures, on("2022-06-01"));
            assert_eq!(r.latest, Some(m("2021", 900.0)));
            assert_eq!(r.status, Status::OffTrack);
        }
    }

    #[test]
    fn half_years_and_years_mixed_place_on_one_line() {
        // Only 2023-H1 measured: 3.5 of 5 years, expected 930 - 130 * 0.7 = 839.
        let r = ermelo_on("2023-12-01", &[m("2019", 930.0), m("2023-H1", 839.0)]);
        assert_eq!(r.status, Status::OnTrack);
        assert!((r.expected.unwrap_or(0.0) - 839.0).abs() < 1e-9);
        assert_eq!(r.latest, Some(m("2023-H1", 839.0)));
        // A half-year of the target year is not the target period's figure: the target year is
        // over on 1 January 2025 without it.
        let r = ermelo_on("2025-02-01", &[m("2024-H1", 820.0)]);
        assert_eq!(r.status, Status::Outdated);
        // A target half-year is answered by the whole year it ends with.
        let t = target("2024-H2", Comparator::AtMost, 800.0);
        let r = assess(
            Direction::LowerIsBetter,
            None,
            t,
            &[m("2024", 810.0)],
            on("2026-01-01"),
        );
        assert_eq!(r.status, Status::OffTrack);
    }

    #[test]
    fn higher_is_better_targets() {
        let b = baseline("2019", 7.7);
        let t = target("2028", Comparator::AtLeast, 8.0);
        let r = |v| {
            assess(
                Direction::HigherIsBetter,
                b,
                t,
                &[m("2025", v)],
                on("2026-06-01"),
            )
            .status
        };
        assert_eq!(r(7.95), Status::OnTrack);
        assert_eq!(r(7.5), Status::OffTrack);
    }

    #[test]
    fn keep_at_level() {
        let b = baseline("2024", 100.0);
        let r = |v| {
            assess(
                Direction::KeepAtLevel,
                b,
                None,
                &[m("2025", v)],
                on("2026-06-01"),
            )
        };
        assert_eq!(r(104.0).status, Status::OnTrack);
        assert_eq!(r(94.0).status, Status::OffTrack);
        assert_eq!(r(94.0).summary, "Niet op koers");
        let t = target("2028", Comparator::Equal, 7.5);
        let r = assess(
            Direction::KeepAtLevel,
            None,
            t,
            &[m("2025", 7.54)],
            on("2026-06-01"),
        );
        assert_eq!(r.status, Status::OnTrack);
        // Kept at level until its period, then missed.
        let r = assess(
            Direction::KeepAtLevel,
            None,
            t,
            &[m("2028", 8.2)],
            on("2029-06-01"),
        );
        assert_eq!(r.status, Status::OffTrack);
    }

    #[test]
    fn without_target_the_direction_decides_against_the_baseline() {
        let b = baseline("2023", 50.0);
        let r = |d, v| assess(d, b, None, &[m("2025", v)], on("2026-06-01")).status;
        assert_eq!(r(Direction::LowerIsBetter, 50.0), Status::OnTrack);
        assert_eq!(r(Direction::LowerIsBetter, 51.0), Status::OffTrack);
        assert_eq!(r(Direction::HigherIsBetter, 49.0), Status::OffTrack);
        let none = assess(
            Direction::HigherIsBetter,
            None,
            None,
            &[m("2025", 49.0)],
            on("2026-06-01"),
        );
        assert_eq!(
            (none.status, none.summary.as_str()),
            (Status::NoData, "Geen streefwaarde")
        );
        // With nothing to judge against, newer figures would not help: old ones are no data too.
        let old = assess(
            Direction::HigherIsBetter,
            None,
            None,
            &[m("2019", 49.0)],
            on("2026-06-01"),
        );
        assert_eq!(old.status, Status::NoData);
        // Old figures tell nothing without a target either.
        let old = assess(
            Direction::LowerIsBetter,
            b,
            None,
            &[m("2021", 40.0)],
            on("2026-06-01"),
        );
        assert_eq!(old.status, Status::Outdated);
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
        let b = baseline("2024", 7.7);
        let r = assess(
            Direction::HigherIsBetter,
            b,
            None,
            &[m("2025", 7.5)],
            on("2026-06-01"),
        );
        assert!(
            r.explanation.contains("7,5") && r.explanation.contains("7,7"),
            "{}",
            r.explanation
        );
    }
}
