//! The commitments to the councils: discharged in the period, and still open.

use super::*;

impl Builder<'_> {
    pub(super) fn commitments(&mut self) {
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
}

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
