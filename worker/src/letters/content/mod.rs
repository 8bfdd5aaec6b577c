//! What the letter says, in the order a council letter has: title and date, introduction, per
//! priority of the plan (goal, the expert group's latest adopted judgement, course corrections,
//! the indicators as a table and the key indicators as a chart), local paragraphs per
//! municipality, the commitments to the councils, and an annex with the source and entry date
//! of every figure.
//!
//! `build` is pure: the same input gives the same document. The service gathers the input.
//!
//! One file per part of the letter: `input` (what it is made of), `introduction`, `priorities`
//! (goals, judgements, indicators and charts), `commitments` and `annex`.

use chrono::NaiveDate;

use crate::document::chart::{self, LineChart, Series, TargetLine};
use crate::document::{Block, Document, DocumentError, Image, Span, Table};
use api::domain::period::{Moment, Period};
use api::domain::priority_status::PriorityStatus;
use api::domain::progress::{self, Measurement, comparator_sign, dutch_number};
use api::domain::safety_letter::{period_in_words, title};
use api::domain::time::long_dutch_date;

mod annex;
mod commitments;
mod input;
mod introduction;
mod priorities;

pub use input::*;

/// Builds the letter. Fails only when a chart cannot be drawn.
pub fn build(input: &LetterInput) -> Result<Document, DocumentError> {
    let mut b = Builder {
        blocks: Vec::new(),
        input,
    };
    b.opening();
    b.introduction();
    b.blocks.push(Block::heading(1, "Voortgang per prioriteit"));
    if input.priorities.is_empty() {
        b.blocks.push(Block::text(
            "Het plan heeft geen prioriteiten voor het hele samenwerkingsverband.",
        ));
    }
    for p in &input.priorities {
        b.priority(p, 2)?;
    }
    if !input.local.is_empty() {
        b.blocks.push(Block::heading(1, "Lokale paragrafen"));
        for (municipality, priorities) in &input.local {
            b.blocks.push(Block::heading(2, municipality.clone()));
            for p in priorities {
                b.priority(p, 3)?;
            }
        }
    }
    b.commitments();
    b.annex();
    Ok(Document {
        title: format!("{} – {}", title(input.period), input.cooperation),
        footer: format!(
            "{} – {} – versie {}",
            title(input.period),
            input.cooperation,
            input.version
        ),
        author: input.cooperation.clone(),
        created: input.generated_at,
        blocks: b.blocks,
    })
}

struct Builder<'a> {
    blocks: Vec<Block>,
    input: &'a LetterInput,
}

fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// "de gemeenteraad van Putten", "de gemeenteraden van Ermelo en Putten".
fn councils(list: &[String]) -> String {
    if list.len() == 1 {
        format!("de gemeenteraad van {}", names(list))
    } else {
        format!("de gemeenteraden van {}", names(list))
    }
}

/// " op 10 juli 2026", or nothing when the day is not known.
fn on_day(d: Option<NaiveDate>) -> String {
    d.map(|d| format!(" op {}", long_dutch_date(d)))
        .unwrap_or_default()
}

/// A period's middle on the charts' time line (2019 at 2019.5, 2019-H1 at 2019.25).
fn middle(p: Period) -> f64 {
    match p {
        Period::Year(_) => p.end() - 0.5,
        Period::HalfYear { .. } => p.end() - 0.25,
    }
}

fn review_status(stored: Option<&str>) -> &'static str {
    stored
        .and_then(PriorityStatus::from_stored)
        .map(PriorityStatus::label)
        .unwrap_or("Zonder oordeel")
}

impl Builder<'_> {
    /// The moment the verdicts speak from (`domain::progress`): the end of the letter's period,
    /// or its day if that comes first, so that the letter and the platform judge alike.
    fn verdicts_as_of(&self) -> Moment {
        Moment::of_date(self.input.as_of).min(Moment::end_of(self.input.period))
    }
}

#[cfg(test)]
mod tests;
