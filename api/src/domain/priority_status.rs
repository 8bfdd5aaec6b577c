//! A priority's plain-language status, derived from the verdicts of its indicators
//! (`domain::progress`).
//!
//! Every area of every indicator of the priority is a *meetpunt* and counts once, by its verdict:
//! on track, off track, without current figures (`outdated`), or no data (not counted).
//!
//! | Meetpunten | Status |
//! |------------|--------|
//! | none counted (no indicators, or only `no_data`) | `geen_gegevens` — Geen gegevens |
//! | more than half of the current ones (on or off track) off track | `niet_op_koers` — Niet op koers |
//! | some off track, at most half | `aandacht_nodig` — Aandacht nodig |
//! | none off track, some without current figures | `geen_actuele_cijfers` — Geen actuele cijfers |
//! | all on track | `op_koers` — Op koers |
//!
//! So "op koers" means every point is current and on track. The sentence names the points
//! without current figures first, then those off track.
//!
//! Op koers, aandacht nodig and niet op koers are also the verdicts expert groups give in their
//! half-year reviews, so a review can later take the place of this derived status with the same
//! words.

use super::progress::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorityStatus {
    OpKoers,
    AandachtNodig,
    NietOpKoers,
    GeenActueleCijfers,
    GeenGegevens,
}

impl PriorityStatus {
    pub const ALL: [PriorityStatus; 5] = [
        PriorityStatus::OpKoers,
        PriorityStatus::AandachtNodig,
        PriorityStatus::NietOpKoers,
        PriorityStatus::GeenActueleCijfers,
        PriorityStatus::GeenGegevens,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PriorityStatus::OpKoers => "op_koers",
            PriorityStatus::AandachtNodig => "aandacht_nodig",
            PriorityStatus::NietOpKoers => "niet_op_koers",
            PriorityStatus::GeenActueleCijfers => "geen_actuele_cijfers",
            PriorityStatus::GeenGegevens => "geen_gegevens",
        }
    }

    /// The status a stored word names (`op_koers` …), if any.
    pub fn from_stored(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            PriorityStatus::OpKoers => "Op koers",
            PriorityStatus::AandachtNodig => "Aandacht nodig",
            PriorityStatus::NietOpKoers => "Niet op koers",
            PriorityStatus::GeenActueleCijfers => "Geen actuele cijfers",
            PriorityStatus::GeenGegevens => "Geen gegevens",
        }
    }
}

/// One meetpunt: an indicator in one area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaVerdict {
    pub indicator: String,
    pub area: String,
    pub status: Status,
}

/// The status with a sentence that says what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedStatus {
    pub status: PriorityStatus,
    pub explanation: String,
}

fn named(verdicts: &[&AreaVerdict]) -> String {
    verdicts
        .iter()
        .map(|v| format!("{} ({})", v.indicator, v.area))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn derive(indicator_count: usize, verdicts: &[AreaVerdict]) -> DerivedStatus {
    let with =
        |status| -> Vec<&AreaVerdict> { verdicts.iter().filter(|v| v.status == status).collect() };
    let (on, off, outdated) = (
        with(Status::OnTrack),
        with(Status::OffTrack),
        with(Status::Outdated),
    );
    let counted = on.len() + off.len() + outdated.len();
    if counted == 0 {
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
    let mut sentences = Vec::new();
    if !outdated.is_empty() {
        sentences.push(format!(
            "Geen actuele cijfers voor {} van {counted} meetpunten: {}.",
            outdated.len(),
            named(&outdated)
        ));
    }
    if outdated.len() < counted {
        sentences.push(format!("{} van {counted} meetpunten op koers.", on.len()));
    }
    if !off.is_empty() {
        sentences.push(format!("Niet op koers: {}.", named(&off)));
    }
    let current = on.len() + off.len();
    let status = if off.len() * 2 > current {
        PriorityStatus::NietOpKoers
    } else if !off.is_empty() {
        PriorityStatus::AandachtNodig
    } else if !outdated.is_empty() {
        PriorityStatus::GeenActueleCijfers
    } else {
        PriorityStatus::OpKoers
    };
    DerivedStatus {
        status,
        explanation: sentences.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    fn v(area: &str, status: Status) -> AreaVerdict {
        AreaVerdict {
            indicator: "Totaal misdrijven".to_owned(),
            area: area.to_owned(),
            status,
        }
    }

    #[test]
    fn no_indicators_or_nothing_counted_is_no_data() {
        assert_eq!(derive(0, &[]).status, PriorityStatus::GeenGegevens);
        let r = derive(1, &[v("Ermelo", NoData)]);
        assert_eq!(r.status, PriorityStatus::GeenGegevens);
        assert!(r.explanation.contains("geen metingen"), "{}", r.explanation);
    }

    #[test]
    fn on_track_only_when_every_point_is_current_and_on_track() {
        let r = derive(1, &[v("Ermelo", OnTrack), v("Putten", NoData)]);
        assert_eq!(r.status, PriorityStatus::OpKoers);
        assert_eq!(r.explanation, "1 van 1 meetpunten op koers.");
        let r = derive(1, &[v("Ermelo", Outdated), v("Putten", OnTrack)]);
        assert_eq!(r.status, PriorityStatus::GeenActueleCijfers);
        assert_eq!(
            r.explanation,
            "Geen actuele cijfers voor 1 van 2 meetpunten: Totaal misdrijven (Ermelo). 1 van 2 meetpunten op koers."
        );
    }

    #[test]
    fn all_outdated_says_so_and_nothing_else() {
        let r = derive(1, &[v("Ermelo", Outdated), v("Putten", Outdated)]);
        assert_eq!(r.status, PriorityStatus::GeenActueleCijfers);
        assert_eq!(r.status.label(), "Geen actuele cijfers");
        assert_eq!(
            r.explanation,
            "Geen actuele cijfers voor 2 van 2 meetpunten: Totaal misdrijven (Ermelo), Totaal misdrijven (Putten)."
        );
    }

    #[test]
    fn the_share_off_track_of_the_current_points_decides() {
        let half = derive(1, &[v("Ermelo", OnTrack), v("Putten", OffTrack)]);
        assert_eq!(half.status, PriorityStatus::AandachtNodig);
        assert_eq!(
            half.explanation,
            "1 van 2 meetpunten op koers. Niet op koers: Totaal misdrijven (Putten)."
        );
        let most = derive(
            1,
            &[
                v("Ermelo", OffTrack),
                v("Putten", OffTrack),
                v("Harderwijk", OnTrack),
            ],
        );
        assert_eq!(most.status, PriorityStatus::NietOpKoers);
        // Outdated points neither dilute nor add to the share; they are named first.
        let r = derive(
            1,
            &[
                v("Ermelo", OffTrack),
                v("Putten", Outdated),
                v("Harderwijk", Outdated),
            ],
        );
        assert_eq!(r.status, PriorityStatus::NietOpKoers);
        assert!(
            r.explanation
                .starts_with("Geen actuele cijfers voor 2 van 3 meetpunten"),
            "{}",
            r.explanation
        );
        assert!(
            r.explanation.ends_with(
                "0 van 3 meetpunten op koers. Niet op koers: Totaal misdrijven (Ermelo)."
            ),
            "{}",
            r.explanation
        );
    }

    #[test]
    fn stored_words_read_back() {
        for s in PriorityStatus::ALL {
            assert_eq!(PriorityStatus::from_stored(s.as_str()), Some(s));
        }
        assert_eq!(PriorityStatus::from_stored("onbekend"), None);
    }
}
