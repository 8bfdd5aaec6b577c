//! What the letter says, in the order a council letter has: title and date, introduction, per
//! priority of the plan (goal, the expert group's latest adopted judgement, course corrections,
//! the indicators as a table and the key indicators as a chart), local paragraphs per
//! municipality, the commitments to the councils, and an annex with the source and entry date
//! of every figure.
//!
//! `build` is pure: the same input gives the same document. The service gathers the input.

use chrono::{DateTime, NaiveDate, Utc};

use crate::document::chart::{self, LineChart, Series, TargetLine};
use crate::document::{Block, Document, DocumentError, Image, Span, Table};
use api::domain::period::{Moment, Period};
use api::domain::priority_status::PriorityStatus;
use api::domain::progress::{
    self, Baseline, Direction, Measurement, Target, comparator_sign, dutch_number,
};
use api::domain::safety_letter::{period_in_words, title};
use api::domain::time::long_dutch_date;

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

    fn opening(&mut self) {
        let i = self.input;
        self.blocks.push(Block::Title(title(i.period)));
        self.blocks.push(Block::Paragraph(vec![
            Span::bold(i.cooperation.clone()),
            Span::plain(format!("\n{}", i.plan.title)),
        ]));
        self.blocks.push(Block::Paragraph(vec![
            Span::plain(format!("Datum: {}\n", long_dutch_date(i.as_of))),
            Span::plain(format!("Aan: {}", councils(&i.municipalities))),
        ]));
        let by = match &i.requested_by {
            Some(who) => format!(
                "Samengesteld door het veiligheidsplatform op {} op verzoek van {who}",
                long_dutch_date(i.as_of)
            ),
            None => format!(
                "Automatisch samengesteld door het veiligheidsplatform op {}, volgens het schema van het samenwerkingsverband",
                long_dutch_date(i.as_of)
            ),
        };
        self.blocks.push(Block::Note(format!(
            "Versie {}. {by}. Alle cijfers komen uit het platform; de bijlage noemt de bron en de invoerdatum van elk cijfer.",
            i.version
        )));
    }

    fn introduction(&mut self) {
        let i = self.input;
        self.blocks.push(Block::heading(1, "Inleiding"));
        let years = if i.plan.start_year == i.plan.end_year {
            i.plan.start_year.to_string()
        } else {
            format!("{}–{}", i.plan.start_year, i.plan.end_year)
        };
        let adopted = i
            .plan
            .adopted_on
            .map(|d| format!(", vastgesteld op {}", long_dutch_date(d)))
            .unwrap_or_default();
        let together = if i.municipalities.len() > 1 {
            " De gemeenten werken in het samenwerkingsverband samen aan de prioriteiten van dit plan."
        } else {
            ""
        };
        self.blocks.push(Block::text(format!(
            "Met deze brief informeren wij {} over de voortgang van ‘{}’ (looptijd {years}{adopted}) in {}.{together}",
            councils(&i.municipalities),
            i.plan.title,
            period_in_words(i.period),
        )));
        let local = if i.local.is_empty() {
            ""
        } else {
            "de lokale paragrafen per gemeente, "
        };
        self.blocks.push(Block::text(format!(
            "Per prioriteit leest u de doelstelling, het laatste vastgestelde oordeel van de expertgroep, \
de bijsturing die daarbij is afgesproken en de indicatoren met hun uitgangswaarde, laatste waarde en streefwaarde. \
Daarna volgen {local}de stand van de toezeggingen aan de raden en een bijlage met de bronnen."
        )));
        self.blocks.push(Block::Note(format!(
            "Cijfers tot en met {}; de stand van de toezeggingen is die van {}.",
            period_in_words(i.period),
            long_dutch_date(i.as_of)
        )));
        let (first, last) = (i.period.first_day(), i.period.last_day());
        let plan_first = NaiveDate::from_ymd_opt(i.plan.start_year, 1, 1).unwrap_or(first);
        let plan_last = NaiveDate::from_ymd_opt(i.plan.end_year, 12, 31).unwrap_or(last);
        if last < plan_first || first > plan_last {
            self.blocks.push(Block::Note(format!(
                "Let op: het plan loopt van {} tot en met {}; deze brief gaat over {}.",
                i.plan.start_year,
                i.plan.end_year,
                period_in_words(i.period)
            )));
        }
    }

    fn priority(&mut self, p: &PriorityInput, level: u8) -> Result<(), DocumentError> {
        self.blocks.push(Block::heading(level, p.title.clone()));
        let sub = level + 1;
        if p.goal.trim().is_empty()
            && p.judgement.is_none()
            && p.pending_review.is_none()
            && p.indicators.is_empty()
        {
            // One line instead of four empty sections: a council reads what is known, and the
            // coordinator sees at a glance which priorities still lack everything.
            self.blocks.push(Block::Note(
                "Voor deze prioriteit zijn in het platform nog geen doelstelling, oordeel van een expertgroep of indicatoren vastgelegd."
                    .to_owned(),
            ));
            return Ok(());
        }

        self.blocks.push(Block::heading(sub, "Doelstelling"));
        self.blocks.push(if p.goal.trim().is_empty() {
            Block::Note(
                "In het plan is voor deze prioriteit geen doelstelling vastgelegd.".to_owned(),
            )
        } else {
            Block::text(p.goal.clone())
        });

        self.blocks
            .push(Block::heading(sub, "Oordeel van de expertgroep"));
        match &p.judgement {
            Some(j) => {
                self.blocks.push(Block::Paragraph(vec![
                    Span::bold(format!("{}. ", review_status(j.status.as_deref()))),
                    Span::plain(format!(
                        "{} over {}, vastgesteld{}.",
                        j.group,
                        period_in_words(j.period),
                        on_day(j.adopted_on)
                    )),
                ]));
                for (label, text) in [
                    ("Voortgang", &j.progress),
                    ("Bijdragende activiteiten", &j.activities),
                    ("Risico's", &j.risks),
                ] {
                    if !text.trim().is_empty() {
                        self.blocks.push(Block::Paragraph(vec![
                            Span::italic(format!("{label}: ")),
                            Span::plain(text.clone()),
                        ]));
                    }
                }
            }
            None => self.blocks.push(Block::Note(
                "Er is nog geen vastgesteld oordeel van een expertgroep over deze prioriteit."
                    .to_owned(),
            )),
        }
        if let Some(pending) = &p.pending_review {
            let newer = if p.judgement.is_some() {
                "nieuwere "
            } else {
                ""
            };
            self.blocks.push(Block::Note(format!(
                "Een {newer}beoordeling van {} over {} is ingediend en wacht op vaststelling door het bestuur; zij staat niet in deze brief.",
                pending.group,
                period_in_words(pending.period)
            )));
        }

        // Course corrections are decided with a judgement; without one there is nothing to say.
        let corrections = p.judgement.as_ref().map(|j| j.corrections.as_slice());
        if corrections.is_some() {
            self.blocks.push(Block::heading(sub, "Bijsturing"));
        }
        if corrections.is_some_and(<[CorrectionInput]>::is_empty) {
            self.blocks.push(Block::Note(
                "Bij dit oordeel is geen bijsturing afgesproken.".to_owned(),
            ));
        } else if let Some(corrections) = corrections {
            self.blocks.push(Block::Bullets(
                corrections
                    .iter()
                    .map(|c| {
                        vec![
                            Span::plain(c.description.clone()),
                            Span::italic(format!(
                                " (eigenaar: {}; terugkoppeling uiterlijk {})",
                                c.owner,
                                long_dutch_date(c.follow_up_on)
                            )),
                        ]
                    })
                    .collect(),
            ));
        }

        self.blocks.push(Block::heading(sub, "Indicatoren"));
        if p.indicators.is_empty() {
            self.blocks.push(Block::Note(
                "Voor deze prioriteit zijn geen indicatoren vastgelegd.".to_owned(),
            ));
        }
        for indicator in &p.indicators {
            self.indicator(indicator, sub + 1)?;
        }
        Ok(())
    }

    fn indicator(&mut self, ind: &IndicatorInput, level: u8) -> Result<(), DocumentError> {
        let name = format!("{} ({})", ind.name, ind.unit);
        // Word has four heading levels here; deeper, the indicator's name is its table's caption.
        let as_heading = level <= 4;
        if as_heading {
            self.blocks.push(Block::heading(level, name.clone()));
        }
        let mut rows = Vec::new();
        // Areas whose target period is over without a figure of it, by (target, latest figure).
        let mut notices: Vec<(Stale, Vec<String>)> = Vec::new();
        for area in &ind.areas {
            let measurements: Vec<Measurement> = area
                .figures
                .iter()
                .map(|f| Measurement {
                    period: f.period,
                    value: f.value,
                })
                .collect();
            let assessed = progress::assess(
                ind.direction,
                area.baseline,
                area.target,
                &measurements,
                self.verdicts_as_of(),
            );
            if let Some(missing) = assessed.missing {
                let key = (missing.target_period, missing.latest_period);
                match notices.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, areas)) => areas.push(area.name.clone()),
                    None => notices.push((key, vec![area.name.clone()])),
                }
            }
            let status = assessed.summary.clone();
            rows.push(vec![
                area.name.clone(),
                area.baseline
                    .map(|b| format!("{} ({})", dutch_number(b.value), b.period))
                    .unwrap_or_else(|| "–".to_owned()),
                assessed
                    .latest
                    .map(|m| format!("{} ({})", dutch_number(m.value), m.period))
                    .unwrap_or_else(|| "–".to_owned()),
                area.target
                    .map(|t| {
                        format!(
                            "{} {} ({})",
                            comparator_sign(t.comparator),
                            dutch_number(t.value),
                            t.period
                        )
                    })
                    .unwrap_or_else(|| "–".to_owned()),
                status,
            ]);
        }
        if rows.is_empty() {
            if !as_heading {
                self.blocks.push(Block::Paragraph(vec![Span::bold(name)]));
            }
            self.blocks.push(Block::Note(format!(
                "Er zijn tot en met {} geen cijfers, uitgangswaarden of streefwaarden van deze indicator.",
                period_in_words(self.input.period)
            )));
            return Ok(());
        }
        self.blocks.push(Block::Table(Table {
            caption: if as_heading { String::new() } else { name },
            // The source line under it.
            keep_with_next: true,
            widths: vec![27, 17, 17, 17, 22],
            // Soft hyphens: a narrow column breaks these long words where Dutch breaks them.
            header: [
                "Gebied",
                "Uitgangs\u{ad}waarde",
                "Laatste waarde",
                "Streef\u{ad}waarde",
                "Status",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows,
            numeric: vec![false, true, true, true, false],
        }));
        self.blocks
            .push(Block::Note(format!("Bron: {}.", ind.source)));
        if !notices.is_empty() {
            let sentences: Vec<String> = notices
                .iter()
                .map(|((target, latest), areas)| match latest {
                    Some(latest) => format!(
                        "Voor {} gold de streefwaarde voor {target}, maar het laatste cijfer is van {latest}.",
                        names(areas)
                    ),
                    None => format!(
                        "Voor {} gold de streefwaarde voor {target}, maar er is geen cijfer.",
                        names(areas)
                    ),
                })
                .collect();
            self.blocks
                .push(Block::Note(format!("Let op. {}", sentences.join(" "))));
        }

        // A key indicator has a target: its chart shows the way to it.
        let key = ind
            .areas
            .iter()
            .any(|a| a.target.is_some() && !a.figures.is_empty());
        if key {
            self.chart(ind)?;
        }
        Ok(())
    }

    fn chart(&mut self, ind: &IndicatorInput) -> Result<(), DocumentError> {
        let series: Vec<Series> = ind
            .areas
            .iter()
            .filter(|a| !a.figures.is_empty() || a.target.is_some())
            .map(|a| Series {
                // The same colour for a municipality in every chart; the cooperation black.
                colour: self.input.municipalities.iter().position(|m| *m == a.name),
                name: a.name.clone(),
                points: a
                    .figures
                    .iter()
                    .map(|f| (middle(f.period), f.value))
                    .collect(),
                target: a.target.map(|t| TargetLine {
                    value: t.value,
                    from_x: a
                        .baseline
                        .map(|b| middle(b.period))
                        .or_else(|| a.figures.first().map(|f| middle(f.period)))
                        .unwrap_or(middle(t.period)),
                    to_x: middle(t.period),
                }),
            })
            .collect();
        let chart = LineChart {
            title: ind.name.clone(),
            unit: ind.unit.clone(),
            series,
        };
        let png = chart::render_png(&chart)?;
        let alt = chart_description(ind);
        self.blocks.push(Block::Image(Image {
            png,
            width_px: chart::WIDTH,
            height_px: chart::HEIGHT,
            alt,
            caption: format!(
                "Verloop van {} per gebied; de stippellijn is de streefwaarde.",
                ind.name
            ),
        }));
        Ok(())
    }

    fn commitments(&mut self) {
        let i = self.input;
        self.blocks
            .push(Block::heading(1, "Toezeggingen aan de raden"));
        // A letter written after its period also reports what was discharged since, so that no
        // commitment falls between the two lists.
        let since = if i.as_of > i.period.last_day() {
            format!("sinds {}", long_dutch_date(i.period.first_day()))
        } else {
            format!("in {}", period_in_words(i.period))
        };
        self.blocks
            .push(Block::heading(2, format!("Afgedaan {since}")));
        if i.discharged.is_empty() {
            self.blocks.push(Block::Note(format!(
                "Er is {since} geen toezegging afgedaan."
            )));
        } else {
            self.blocks.push(Block::Table(Table {
                caption: String::new(),
                keep_with_next: false,
                widths: vec![17, 29, 15, 14, 25],
                header: [
                    "Kenmerk",
                    "Toezegging",
                    "Gemeente",
                    "Afgedaan op",
                    "Beantwoord met",
                ]
                .map(str::to_owned)
                .to_vec(),
                rows: i
                    .discharged
                    .iter()
                    .map(|c| {
                        vec![
                            c.reference.clone(),
                            format!("{}\n{}", c.title, made(c)),
                            c.municipality.clone(),
                            c.closed_on.map(long_dutch_date).unwrap_or_default(),
                            match (&c.letter_reference, &c.letter_title) {
                                (Some(r), Some(t)) => format!("{t} ({r})"),
                                (Some(r), None) => r.clone(),
                                (None, Some(t)) => t.clone(),
                                (None, None) => String::new(),
                            },
                        ]
                    })
                    .collect(),
                numeric: vec![false; 5],
            }));
        }
        self.blocks.push(Block::heading(2, "Nog open"));
        if i.open.is_empty() {
            self.blocks
                .push(Block::Note("Er staan geen toezeggingen open.".to_owned()));
            return;
        }
        let mut open: Vec<&CommitmentInput> = i.open.iter().collect();
        let overdue = |c: &CommitmentInput| c.due_on.is_some_and(|d| d < i.as_of);
        // Overdue first, then by due date; those without one last.
        open.sort_by_key(|c| {
            (
                !overdue(c),
                c.due_on.is_none(),
                c.due_on,
                c.reference.clone(),
            )
        });
        let late = open.iter().filter(|c| overdue(c)).count();
        if late > 0 {
            self.blocks.push(Block::Paragraph(vec![Span::bold(format!(
                "Bij {late} van de {} open toezeggingen is de termijn verstreken.",
                open.len()
            ))]));
        }
        self.blocks.push(Block::Table(Table {
            caption: String::new(),
            keep_with_next: false,
            widths: vec![17, 32, 15, 19, 17],
            header: ["Kenmerk", "Toezegging", "Gemeente", "Termijn", "Status"]
                .map(str::to_owned)
                .to_vec(),
            rows: open
                .iter()
                .map(|c| {
                    vec![
                        c.reference.clone(),
                        format!("{}\n{}", c.title, made(c)),
                        c.municipality.clone(),
                        match c.due_on {
                            Some(d) if overdue(c) => format!("{} (verlopen)", long_dutch_date(d)),
                            Some(d) => long_dutch_date(d),
                            None => "geen termijn".to_owned(),
                        },
                        api::domain::commitment::status_label(&c.status).to_owned(),
                    ]
                })
                .collect(),
            numeric: vec![false; 5],
        }));
    }

    fn annex(&mut self) {
        let i = self.input;
        self.blocks
            .push(Block::heading(1, "Bijlage: bronnen van de cijfers"));
        self.blocks.push(Block::text(format!(
            "Uitgangs- en streefwaarden zijn die van ‘{}’ zoals ze in het platform zijn vastgelegd. De cijfers hieronder zijn alle metingen tot en met {} \
die in deze brief worden gebruikt, met hun bron en de datum waarop ze in het platform zijn ingevoerd.",
            i.plan.title,
            period_in_words(i.period)
        )));
        let mut sources: Vec<Vec<String>> = Vec::new();
        // One table per indicator: readable, and a word processor lays out many short tables
        // far faster than one of thousands of rows (LibreOffice took minutes over 24,000).
        let mut figures: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        let all = i
            .priorities
            .iter()
            .chain(i.local.iter().flat_map(|(_, ps)| ps.iter()));
        let mut reviews: Vec<String> = Vec::new();
        for p in all {
            if let Some(j) = &p.judgement {
                let line = format!(
                    "{}, beoordeling over {} (vastgesteld{})",
                    j.group,
                    period_in_words(j.period),
                    on_day(j.adopted_on)
                );
                if !reviews.contains(&line) {
                    reviews.push(line);
                }
            }
            for ind in &p.indicators {
                sources.push(vec![ind.name.clone(), p.title.clone(), ind.source.clone()]);
                let rows: Vec<Vec<String>> = ind
                    .areas
                    .iter()
                    .flat_map(|area| {
                        area.figures.iter().map(|f| {
                            vec![
                                area.name.clone(),
                                f.period.to_string(),
                                dutch_number(f.value),
                                if f.source_note.trim().is_empty() {
                                    ind.source.clone()
                                } else {
                                    format!("{}; {}", ind.source, f.source_note)
                                },
                                api::domain::time::dutch_date(f.entered_on),
                            ]
                        })
                    })
                    .collect();
                if !rows.is_empty() {
                    figures.push((format!("{} ({})", ind.name, ind.unit), rows));
                }
            }
        }
        self.blocks.push(Block::heading(2, "Bronnen per indicator"));
        if sources.is_empty() {
            self.blocks.push(Block::Note(
                "De brief gebruikt geen indicatoren.".to_owned(),
            ));
        } else {
            self.blocks.push(Block::Table(Table {
                caption: String::new(),
                keep_with_next: false,
                widths: vec![35, 35, 30],
                header: ["Indicator", "Prioriteit", "Bron"]
                    .map(str::to_owned)
                    .to_vec(),
                rows: sources,
                numeric: vec![false; 3],
            }));
        }
        self.blocks
            .push(Block::heading(2, "Cijfers en invoerdatum"));
        if figures.is_empty() {
            self.blocks.push(Block::Note(format!(
                "Er zijn tot en met {} geen cijfers ingevoerd.",
                period_in_words(i.period)
            )));
        }
        for (indicator, rows) in figures {
            self.blocks.push(Block::Table(Table {
                caption: indicator,
                keep_with_next: false,
                widths: vec![27, 12, 11, 32, 18],
                header: ["Gebied", "Periode", "Waarde", "Bron", "Ingevoerd op"]
                    .map(str::to_owned)
                    .to_vec(),
                rows,
                numeric: vec![false, false, true, false, false],
            }));
        }
        self.blocks
            .push(Block::heading(2, "Oordelen van expertgroepen"));
        if reviews.is_empty() {
            self.blocks.push(Block::Note(
                "De brief bevat geen vastgesteld oordeel van een expertgroep.".to_owned(),
            ));
        } else {
            self.blocks.push(Block::Bullets(
                reviews.into_iter().map(|r| vec![Span::plain(r)]).collect(),
            ));
        }
    }
}

/// A target whose period is over without a figure of it: (the target's period, the latest
/// figure's period, if any), as `progress::MissingFigure` gives them.
type Stale = (Period, Option<Period>);

fn made(c: &CommitmentInput) -> String {
    let meeting = if c.meeting.trim().is_empty() {
        String::new()
    } else {
        format!(" in {}", c.meeting)
    };
    format!(
        "Toegezegd door {} op {}{meeting}.",
        c.made_by,
        long_dutch_date(c.made_on)
    )
}

/// The chart in words, for readers who cannot see it: per area the first and last figure and the
/// target.
fn chart_description(ind: &IndicatorInput) -> String {
    let mut parts = Vec::new();
    for a in &ind.areas {
        let mut s = a.name.clone();
        match (a.figures.first(), a.figures.last()) {
            (Some(first), Some(last)) if a.figures.len() > 1 => s.push_str(&format!(
                ": van {} in {} naar {} in {}",
                dutch_number(first.value),
                first.period,
                dutch_number(last.value),
                last.period
            )),
            (Some(only), _) => s.push_str(&format!(
                ": {} in {}",
                dutch_number(only.value),
                only.period
            )),
            _ => s.push_str(": geen cijfers"),
        }
        if let Some(t) = a.target {
            s.push_str(&format!(
                ", streefwaarde {} {} in {}",
                comparator_sign(t.comparator),
                dutch_number(t.value),
                t.period
            ));
        }
        parts.push(s);
    }
    format!(
        "Lijngrafiek van {} ({}). {}.",
        ind.name,
        ind.unit,
        parts.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{docx, html};
    use api::domain::progress::Comparator;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn year(y: i32) -> Period {
        Period::Year(y)
    }

    fn figure(y: i32, value: f64) -> FigureInput {
        FigureInput {
            period: year(y),
            value,
            source_note: String::new(),
            entered_on: day("2026-11-01"),
        }
    }

    fn commitment(reference: &str, due: Option<&str>, status: &str) -> CommitmentInput {
        CommitmentInput {
            reference: reference.to_owned(),
            title: format!("Toezegging {reference}"),
            municipality: "Ermelo".to_owned(),
            made_on: day("2026-01-22"),
            meeting: "Commissie Bestuur".to_owned(),
            made_by: "Wethouder Jansen".to_owned(),
            due_on: due.map(day),
            status: status.to_owned(),
            closed_on: None,
            letter_reference: None,
            letter_title: None,
        }
    }

    /// A small letter in the shape of Veluwe-West's.
    pub(crate) fn fixture() -> LetterInput {
        let misdrijven = IndicatorInput {
            name: "totaal misdrijven".to_owned(),
            unit: "aantal".to_owned(),
            source: "politie".to_owned(),
            direction: Direction::LowerIsBetter,
            areas: vec![AreaInput {
                name: "Ermelo".to_owned(),
                baseline: Some(Baseline {
                    period: year(2019),
                    value: 930.0,
                }),
                target: Some(Target {
                    period: year(2024),
                    comparator: Comparator::AtMost,
                    value: 800.0,
                }),
                figures: vec![figure(2018, 1006.0), figure(2019, 930.0)],
            }],
        };
        LetterInput {
            cooperation: "Veluwe-West".to_owned(),
            plan: PlanInput {
                title: "Integraal Veiligheidsplan Veluwe-West 2020-2024".to_owned(),
                start_year: 2020,
                end_year: 2024,
                adopted_on: None,
            },
            period: year(2026),
            version: 1,
            municipalities: vec!["Ermelo".to_owned(), "Putten".to_owned()],
            priorities: vec![PriorityInput {
                title: "Ondermijning".to_owned(),
                goal: "Minder ondermijnende criminaliteit <samen>".to_owned(),
                judgement: Some(Judgement {
                    group: "Expertgroep Ondermijning".to_owned(),
                    period: Period::HalfYear {
                        year: 2026,
                        half: 1,
                    },
                    adopted_on: Some(day("2026-07-10")),
                    status: Some("aandacht_nodig".to_owned()),
                    progress: "Meer meldingen.\nMinder zicht op vakantieparken.".to_owned(),
                    activities: String::new(),
                    risks: "Capaciteit".to_owned(),
                    corrections: vec![CorrectionInput {
                        description: "Extra controles".to_owned(),
                        owner: "RIEC".to_owned(),
                        follow_up_on: day("2026-12-01"),
                    }],
                }),
                pending_review: None,
                indicators: vec![misdrijven],
            }],
            local: vec![(
                "Putten".to_owned(),
                vec![PriorityInput {
                    title: "Veilig (agrarisch) buitengebied".to_owned(),
                    goal: String::new(),
                    judgement: None,
                    pending_review: Some(PendingReview {
                        group: "Expertgroep Buitengebied".to_owned(),
                        period: Period::HalfYear {
                            year: 2026,
                            half: 1,
                        },
                    }),
                    indicators: vec![],
                }],
            )],
            discharged: vec![CommitmentInput {
                closed_on: Some(day("2026-03-05")),
                letter_reference: Some("RIB-2026-014".to_owned()),
                letter_title: Some("Raadsinformatiebrief cameratoezicht".to_owned()),
                ..commitment("26bb000713", None, "afgedaan")
            }],
            open: vec![
                commitment("VW-2", Some("2027-01-31"), "open"),
                commitment("VW-1", Some("2026-10-01"), "in_behandeling"),
                commitment("VW-3", None, "open"),
            ],
            as_of: day("2026-11-23"),
            generated_at: DateTime::parse_from_rfc3339("2026-11-23T09:30:00Z")
                .map(|t| t.to_utc())
                .unwrap_or_default(),
            requested_by: Some("Coördinator Veluwe-West".to_owned()),
        }
    }

    fn texts(doc: &Document) -> Vec<String> {
        doc.blocks
            .iter()
            .flat_map(|b| match b {
                Block::Title(t) | Block::Note(t) => vec![t.clone()],
                Block::Heading { text, .. } => vec![text.clone()],
                Block::Paragraph(spans) => vec![spans.iter().map(|s| s.text.as_str()).collect()],
                Block::Bullets(items) => items
                    .iter()
                    .map(|spans| spans.iter().map(|s| s.text.as_str()).collect())
                    .collect(),
                Block::Table(t) => t.rows.iter().map(|r| r.join(" | ")).collect(),
                Block::Image(i) => vec![i.alt.clone()],
            })
            .collect()
    }

    #[test]
    fn sections_come_in_the_order_of_a_council_letter() {
        let doc = build(&fixture()).expect("builds");
        let headings: Vec<(u8, String)> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some((*level, text.clone())),
                _ => None,
            })
            .collect();
        let top: Vec<&str> = headings
            .iter()
            .filter(|(l, _)| *l == 1)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            top,
            [
                "Inleiding",
                "Voortgang per prioriteit",
                "Lokale paragrafen",
                "Toezeggingen aan de raden",
                "Bijlage: bronnen van de cijfers"
            ]
        );
        assert!(headings.contains(&(2, "Ondermijning".to_owned())));
        assert!(headings.contains(&(2, "Putten".to_owned())));
        assert!(headings.contains(&(3, "Veilig (agrarisch) buitengebied".to_owned())));
        assert!(matches!(&doc.blocks[0], Block::Title(t) if t == "Veiligheidsbrief 2026"));
    }

    #[test]
    fn the_indicator_table_has_baseline_latest_value_target_and_status() {
        let doc = build(&fixture()).expect("builds");
        let all = texts(&doc);
        assert!(
            all.contains(
                                &"Ermelo | 930 (2019) | 930 (2019) | ≤ 800 (2024) | Onbekend: geen cijfer over 2024"
                    .to_owned()
            ),
            "{all:#?}"
        );
        assert!(all.contains(
            &"Let op. Voor Ermelo gold de streefwaarde voor 2024, maar het laatste cijfer is van 2019."
                .to_owned()
        ));
        assert!(
            all.iter()
                .any(|t| t.starts_with("Aandacht nodig. Expertgroep Ondermijning over het eerste halfjaar van 2026, vastgesteld op 10 juli 2026."))
        );
        assert!(
            all.iter()
                .any(|t| t.contains("Extra controles (eigenaar: RIEC"))
        );
        assert!(all.iter().any(|t| t.contains("wacht op vaststelling")));
        let image = doc
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Image(i) => Some(i),
                _ => None,
            })
            .expect("a chart of the key indicator");
        assert_eq!(
            image.alt,
            "Lijngrafiek van totaal misdrijven (aantal). Ermelo: van 1.006 in 2018 naar 930 in 2019, streefwaarde ≤ 800 in 2024."
        );
    }

    #[test]
    fn a_status_says_what_is_missing_rather_than_no_data() {
        let mut input = fixture();
        let area =
            |name: &str, baseline: bool, target: bool, figures: Vec<FigureInput>| AreaInput {
                name: name.to_owned(),
                baseline: baseline.then_some(Baseline {
                    period: year(2019),
                    value: 100.0,
                }),
                target: target.then_some(Target {
                    period: year(2030),
                    comparator: Comparator::AtMost,
                    value: 80.0,
                }),
                figures,
            };
        input.priorities[0].indicators.push(IndicatorInput {
            name: "woninginbraak".to_owned(),
            unit: "aantal".to_owned(),
            source: "politie".to_owned(),
            direction: Direction::LowerIsBetter,
            areas: vec![
                area(
                    "Zonder streefwaarde",
                    false,
                    false,
                    vec![figure(2025, 90.0)],
                ),
                area(
                    "Zonder uitgangswaarde",
                    false,
                    true,
                    vec![figure(2025, 90.0)],
                ),
                area("Zonder cijfer", true, true, vec![]),
                area("Alleen de nulmeting", true, true, vec![figure(2019, 100.0)]),
                AreaInput {
                    baseline: Some(Baseline {
                        period: year(2025),
                        value: 100.0,
                    }),
                    ..area("Net begonnen", true, true, vec![figure(2025, 100.0)])
                },
                area(
                    "Op weg",
                    true,
                    true,
                    vec![figure(2019, 100.0), figure(2025, 85.0)],
                ),
            ],
        });
        // A target of 2024, over by the end of 2026, without a figure of 2024.
        let past = |name: &str, value: f64| AreaInput {
            target: Some(Target {
                period: year(2024),
                comparator: Comparator::AtMost,
                value: 80.0,
            }),
            ..area(
                name,
                true,
                true,
                vec![figure(2019, 100.0), figure(2022, value)],
            )
        };
        input.priorities[0].indicators.push(IndicatorInput {
            name: "diefstal".to_owned(),
            unit: "aantal".to_owned(),
            source: "politie".to_owned(),
            direction: Direction::LowerIsBetter,
            areas: vec![
                past("Vroeg gehaald", 75.0),
                past("Niet bekend", 90.0),
                AreaInput {
                    figures: vec![figure(2019, 75.0)],
                    ..past("Nulmeting gehaald", 0.0)
                },
            ],
        });
        let all = texts(&build(&input).expect("builds"));
        for row in [
            "Zonder streefwaarde | – | 90 (2025) | – | Geen streefwaarde",
            "Zonder uitgangswaarde | – | 90 (2025) | ≤ 80 (2030) | Geen uitgangswaarde",
            "Zonder cijfer | 100 (2019) | – | ≤ 80 (2030) | Geen cijfer",
            "Alleen de nulmeting | 100 (2019) | 100 (2019) | ≤ 80 (2030) | Geen cijfer na 2019",
            "Net begonnen | 100 (2025) | 100 (2025) | ≤ 80 (2030) | Geen nieuw cijfer",
            "Op weg | 100 (2019) | 85 (2025) | ≤ 80 (2030) | Op koers",
            "Vroeg gehaald | 100 (2019) | 75 (2022) | ≤ 80 (2024) | Gehaald in 2022",
            "Niet bekend | 100 (2019) | 90 (2022) | ≤ 80 (2024) | Onbekend: geen cijfer over 2024",
            "Nulmeting gehaald | 100 (2019) | 75 (2019) | ≤ 80 (2024) | Onbekend: geen cijfer over 2024",
            "Let op. Voor Vroeg gehaald en Niet bekend gold de streefwaarde voor 2024, maar het laatste cijfer is van 2022. \
Voor Nulmeting gehaald gold de streefwaarde voor 2024, maar het laatste cijfer is van 2019.",
        ] {
            assert!(all.contains(&row.to_owned()), "{row} missing from {all:#?}");
        }
    }

    #[test]
    fn a_priority_with_nothing_recorded_is_one_line_and_corrections_need_a_judgement() {
        let mut input = fixture();
        input.local[0].1.push(PriorityInput {
            title: "Veelvoorkomende vermogenscriminaliteit".to_owned(),
            goal: " ".to_owned(),
            judgement: None,
            pending_review: None,
            indicators: vec![],
        });
        let doc = build(&input).expect("builds");
        let start = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { text, .. } if text == "Veelvoorkomende vermogenscriminaliteit"))
            .expect("the priority's heading");
        assert!(matches!(
            &doc.blocks[start + 1],
            Block::Note(t) if t.starts_with("Voor deze prioriteit zijn in het platform nog geen doelstelling")
        ));
        assert!(matches!(
            &doc.blocks[start + 2],
            Block::Heading { level: 1, .. }
        ));
        // Buitengebied has a pending review but no adopted judgement: its sections, no "Bijsturing".
        let headings: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings.iter().filter(|h| **h == "Bijsturing").count(),
            1,
            "only Ondermijning has a judgement: {headings:?}"
        );
        assert_eq!(headings.iter().filter(|h| **h == "Doelstelling").count(), 2);
    }

    #[test]
    fn overdue_commitments_come_first() {
        let doc = build(&fixture()).expect("builds");
        let all = texts(&doc);
        let order: Vec<&str> = all
            .iter()
            .filter_map(|t| t.split(" | ").next())
            .filter(|r| r.starts_with("VW-"))
            .collect();
        assert_eq!(order, ["VW-1", "VW-2", "VW-3"]);
        assert!(all.iter().any(|t| t.contains("1 oktober 2026 (verlopen)")));
        assert!(
            all.iter()
                .any(|t| t.contains("Bij 1 van de 3 open toezeggingen is de termijn verstreken"))
        );
        assert!(all.iter().any(|t| {
            t.contains("5 maart 2026 | Raadsinformatiebrief cameratoezicht (RIB-2026-014)")
        }));
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let a = build(&fixture()).expect("builds");
        let b = build(&fixture()).expect("builds");
        assert_eq!(
            docx::render(&a).expect("docx"),
            docx::render(&b).expect("docx")
        );
        assert_eq!(html::render(&a), html::render(&b));
        // Only the moment of generation differs between two compilations of the same data.
        let mut later = fixture();
        later.generated_at += chrono::Duration::days(1);
        assert_ne!(
            docx::render(&a).expect("docx"),
            docx::render(&build(&later).expect("builds")).expect("docx")
        );
    }

    /// The letter of the fixture, as the snapshot in `tests/snapshots` holds it: the HTML
    /// preview with each picture replaced by its SHA-256, and the SHA-256 of the Word file. A
    /// change in the letter shows in review; `UPDATE_SNAPSHOTS=1 cargo test -p api` writes it.
    #[test]
    fn snapshot_of_the_letter() {
        use sha2::{Digest, Sha256};
        let hex = |b: &[u8]| -> String {
            Sha256::digest(b)
                .iter()
                .map(|x| format!("{x:02x}"))
                .collect()
        };
        let doc = build(&fixture()).expect("builds");
        let mut preview = html::render(&doc);
        for block in &doc.blocks {
            if let Block::Image(i) = block {
                use base64::Engine;
                let data = base64::engine::general_purpose::STANDARD.encode(&i.png);
                preview = preview.replace(&data, &format!("sha256:{}", hex(&i.png)));
            }
        }
        let snapshot = format!(
            "docx sha256: {}\n{}",
            hex(&docx::render(&doc).expect("docx")),
            preview.replace("><", ">\n<")
        );
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots/safety_letter.txt");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
            std::fs::write(&path, &snapshot).expect("write snapshot");
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == snapshot,
            "the letter differs from {}; if the change is intended, run UPDATE_SNAPSHOTS=1 cargo test -p worker snapshot_of_the_letter and review the diff",
            path.display()
        );
    }
}
