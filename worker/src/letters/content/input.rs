//! What the letter is made of: the compile step gathers it from the tenant's data.

use chrono::{DateTime, NaiveDate, Utc};

use api::domain::period::Period;
use api::domain::progress::{Baseline, Direction, Target};

/// Everything the letter is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterInput {
    pub cooperation: String,
    pub plan: PlanInput,
    pub period: Period,
    pub version: i32,
    /// The municipalities the letter is for, by name.
    pub municipalities: Vec<String>,
    /// Cooperation-wide priorities in the plan's order.
    pub priorities: Vec<PriorityInput>,
    /// Local priorities per municipality, municipalities by name.
    pub local: Vec<(String, Vec<PriorityInput>)>,
    /// Commitments discharged in the period.
    pub discharged: Vec<CommitmentInput>,
    /// Commitments still open at `as_of`.
    pub open: Vec<CommitmentInput>,
    /// The day the letter speaks from: its date, and the day overdue is counted on.
    pub as_of: NaiveDate,
    pub generated_at: DateTime<Utc>,
    /// Who asked for it; `None` when the schedule did.
    pub requested_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanInput {
    pub title: String,
    pub start_year: i32,
    pub end_year: i32,
    pub adopted_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PriorityInput {
    pub title: String,
    pub goal: String,
    pub judgement: Option<Judgement>,
    /// A review newer than the adopted one (or the only one) that is submitted, not adopted.
    pub pending_review: Option<PendingReview>,
    pub indicators: Vec<IndicatorInput>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PendingReview {
    pub group: String,
    pub period: Period,
}

/// An expert group's adopted judgement of a priority.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub group: String,
    pub period: Period,
    pub adopted_on: Option<NaiveDate>,
    /// Stored word: op_koers, aandacht_nodig, niet_op_koers.
    pub status: Option<String>,
    pub progress: String,
    pub activities: String,
    pub risks: String,
    pub corrections: Vec<CorrectionInput>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CorrectionInput {
    pub description: String,
    pub owner: String,
    pub follow_up_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorInput {
    pub name: String,
    pub unit: String,
    pub source: String,
    pub direction: Direction,
    /// The whole cooperation first, then the municipalities by name.
    pub areas: Vec<AreaInput>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaInput {
    pub name: String,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
    /// Figures up to the end of the letter's period, oldest first.
    pub figures: Vec<FigureInput>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FigureInput {
    pub period: Period,
    pub value: f64,
    pub source_note: String,
    pub entered_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentInput {
    pub reference: String,
    pub title: String,
    pub municipality: String,
    pub made_on: NaiveDate,
    pub meeting: String,
    pub made_by: String,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub closed_on: Option<NaiveDate>,
    pub letter_reference: Option<String>,
    pub letter_title: Option<String>,
}
