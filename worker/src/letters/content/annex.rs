//! The annex: the source of every indicator and every figure with its entry date.

use super::*;

impl Builder<'_> {
    pub(super) fn annex(&mut self) {
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
