//! A priority's plain-language status, derived from the progress of its indicators.
//!
//! The rule: every area of every indicator of the priority that can be judged (on or off track)
//! counts once.
//! - nothing can be judged: **geen gegevens** (no data);
//! - none off track: **op koers**;
//! - at most half off track: **aandacht nodig**;
//! - more than half off track: **niet op koers**.
//!
//! The three verdicts are the ones expert groups give in their half-year reviews, so a review can
//! later take the place of this derived status with the same words.

use super::progress::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorityStatus {
    OpKoers,
    AandachtNodig,
    NietOpKoers,
    GeenGegevens,
}

impl PriorityStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PriorityStatus::OpKoers => "op_koers",
            PriorityStatus::AandachtNodig => "aandacht_nodig",
            PriorityStatus::NietOpKoers => "niet_op_koers",
            PriorityStatus::GeenGegevens => "geen_gegevens",
        }
    }

    /// The status a stored word names (`op_koers` …), if any.
    pub fn from_stored(s: &str) -> Option<Self> {
        [
            PriorityStatus::OpKoers,
            PriorityStatus::AandachtNodig,
            PriorityStatus::NietOpKoers,
            PriorityStatus::GeenGegevens,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            PriorityStatus::OpKoers => "Op koers",
            PriorityStatus::AandachtNodig => "Aandacht nodig",
            PriorityStatus::NietOpKoers => "Niet op koers",
            PriorityStatus::GeenGegevens => "Geen gegevens",
        }
    }
}

/// One judged point: an indicator in one area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaVerdict {
    pub indicator: String,
    pub area: String,
    pub status: Status,
    /// The target period is over and its figure is missing (`progress::outdated_notice`).
    pub outdated: bool,
}

/// The status with a sentence that says what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedStatus {
    pub status: PriorityStatus,
    pub explanation: String,
}

pub fn derive(indicator_count: usize, verdicts: &[AreaVerdict]) -> DerivedStatus {
    let judged: Vec<&AreaVerdict> = verdicts
        .iter()
        .filter(|v| v.status != Status::NoData)
        .collect();
    let off: Vec<&AreaVerdict> = judged
        .iter()
        .copied()
        .filter(|v| v.status == Status::OffTrack)
        .collect();
    if judged.is_empty() {
        let explanation = if indicator_count == 0 {
            "Deze prioriteit heeft nog geen indicatoren.".to_owned()
        } else {
            "Er zijn nog geen metingen die met een uitgangs- of streefwaarde te vergelijken zijn."
                .to_owned()
        };
        return DerivedStatus {
            status: PriorityStatus::GeenGegevens,
            explanation,
        };
    }
    let on = judged.len() - off.len();
    let mut explanation = format!("{on} van {} meetpunten op koers.", judged.len());
    if !off.is_empty() {
        let names: Vec<String> = off
            .iter()
            .map(|v| format!("{} ({})", v.indicator, v.area))
            .collect();
        explanation.push_str(&format!(" Niet op koers: {}.", names.join(", ")));
    }
    let outdated = judged.iter().filter(|v| v.outdated).count();
    if outdated > 0 {
        explanation.push_str(&format!(
            " Let op: voor {outdated} van deze meetpunten is de streefperiode voorbij zonder meting daarvan."
        ));
    }
    let status = if off.is_empty() {
        PriorityStatus::OpKoers
    } else if off.len() * 2 <= judged.len() {
        PriorityStatus::AandachtNodig
    } else {
        PriorityStatus::NietOpKoers
    };
    DerivedStatus {
        status,
        explanation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(area: &str, status: Status) -> AreaVerdict {
        AreaVerdict {
            indicator: "Totaal misdrijven".to_owned(),
            area: area.to_owned(),
            status,
            outdated: false,
        }
    }

    #[test]
    fn old_figures_are_pointed_out() {
        let mut stale = v("Ermelo", Status::OnTrack);
        stale.outdated = true;
        let r = derive(1, &[stale, v("Putten", Status::OnTrack)]);
        assert_eq!(r.status, PriorityStatus::OpKoers);
        assert_eq!(
            r.explanation,
            "2 van 2 meetpunten op koers. Let op: voor 1 van deze meetpunten is de streefperiode voorbij zonder meting daarvan."
        );
    }

    #[test]
    fn no_indicators_or_nothing_judged_is_no_data() {
        assert_eq!(derive(0, &[]).status, PriorityStatus::GeenGegevens);
        let r = derive(1, &[v("Ermelo", Status::NoData)]);
        assert_eq!(r.status, PriorityStatus::GeenGegevens);
        assert!(r.explanation.contains("geen metingen"), "{}", r.explanation);
    }

    #[test]
    fn share_off_track_decides() {
        use Status::*;
        assert_eq!(
            derive(1, &[v("Ermelo", OnTrack), v("Putten", NoData)]).status,
            PriorityStatus::OpKoers
        );
        let half = derive(1, &[v("Ermelo", OnTrack), v("Putten", OffTrack)]);
        assert_eq!(half.status, PriorityStatus::AandachtNodig);
        assert_eq!(
            half.explanation,
            "1 van 2 meetpunten op koers. Niet op koers: Totaal misdrijven (Putten)."
        );
        assert_eq!(
            derive(
                1,
                &[
                    v("Ermelo", OffTrack),
                    v("Putten", OffTrack),
                    v("Harderwijk", OnTrack)
                ]
            )
            .status,
            PriorityStatus::NietOpKoers
        );
    }
}
