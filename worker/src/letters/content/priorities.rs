//! Per priority: its goal, the expert group's judgement and corrections, and its indicators as
//! a table of verdicts (`domain::progress`) with a chart of the key ones.

use super::*;

impl Builder<'_> {
    pub(super) fn priority(&mut self, p: &PriorityInput, level: u8) -> Result<(), DocumentError> {
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

    pub(super) fn indicator(
        &mut self,
        ind: &IndicatorInput,
        level: u8,
    ) -> Result<(), DocumentError> {
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

    pub(super) fn chart(&mut self, ind: &IndicatorInput) -> Result<(), DocumentError> {
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
}

/// A target whose period is over without a figure of it: (the target's period, the latest
/// figure's period, if any), as `progress::MissingFigure` gives them.
type Stale = (Period, Option<Period>);

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
