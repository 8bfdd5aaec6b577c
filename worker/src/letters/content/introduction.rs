//! The opening (title, date, addressees) and the introduction of the letter.

use super::*;

impl Builder<'_> {
    pub(super) fn opening(&mut self) {
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

    pub(super) fn introduction(&mut self) {
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
}
