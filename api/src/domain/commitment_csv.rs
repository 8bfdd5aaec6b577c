//! Commitments as CSV, in columns a council information system (iBabs, Notubiz, GO) can give or
//! take.
//!
//! The export writes [`HEADER`]; the import reads those names and common alternatives in English
//! or as council systems name them (`nummer`, `onderwerp`, `portefeuillehouder`, `raadslid`,
//! `streefdatum` …), in any order. Dates are `2026-01-22` or `22-01-2026`; the status is written
//! as words (`open`, `in behandeling`, `afgedaan`, `vervallen`). A bestuurder or officer is
//! named by email address or by name; priorities by title, separated by ` | `, or by id
//! (`prioriteit_ids`, which wins). For a commitment that exists, a column the file does not have
//! keeps its stored value.
//!
//! This module reads and checks each row on its own; which municipality, people and priorities a
//! row means is decided against the tenant's data by the import service.

use chrono::NaiveDate;
use uuid::Uuid;

use super::commitment::status_from_words;
use super::csv_table::{self, Record, RowError};

pub const MAX_ROWS: usize = 10_000;

pub const PRIORITY_SEPARATOR: &str = " | ";

/// The export's columns, in order.
pub const HEADER: [&str; 18] = [
    "kenmerk",
    "titel",
    "omschrijving",
    "gemeente",
    "datum_toezegging",
    "vergadering",
    "bestuurder",
    "aangevraagd_door",
    "fractie",
    "ambtenaar",
    "termijn",
    "status",
    "datum_afdoening",
    "kenmerk_brief",
    "titel_brief",
    "reden_vervallen",
    "prioriteiten",
    "prioriteit_ids",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Reference,
    Title,
    Description,
    Municipality,
    MadeOn,
    Meeting,
    MadeBy,
    RequestedBy,
    Party,
    Officer,
    DueOn,
    Status,
    ClosedOn,
    LetterReference,
    LetterTitle,
    LapseReason,
    Priorities,
    PriorityIds,
}

fn column(key: &str) -> Option<Column> {
    use Column::*;
    Some(match key {
        "kenmerk" | "reference" | "nummer" | "toezeggingnummer" | "referentie" => Reference,
        "titel" | "title" | "onderwerp" => Title,
        "omschrijving" | "description" | "toezegging" | "tekst" => Description,
        "gemeente" | "municipality" => Municipality,
        "datumtoezegging" | "madeon" | "datum" | "datumvergadering" | "gedaanop" => MadeOn,
        "vergadering" | "meeting" | "commissie" => Meeting,
        "bestuurder" | "madeby" | "portefeuillehouder" | "wethouder" => MadeBy,
        "aangevraagddoor" | "requestedby" | "raadslid" | "gevraagddoor" => RequestedBy,
        "fractie" | "party" | "requestedbyparty" | "partij" => Party,
        "ambtenaar" | "responsibleofficer" | "behandelaar" | "verantwoordelijke" => Officer,
        "termijn" | "dueon" | "deadline" | "streefdatum" | "uiterstedatum" => DueOn,
        "status" => Status,
        "datumafdoening" | "closedon" | "afdoeningsdatum" | "afgedaanop" => ClosedOn,
        "kenmerkbrief" | "closingletterreference" | "kenmerkraadsinformatiebrief" => {
            LetterReference
        }
        "titelbrief" | "closinglettertitle" | "titelraadsinformatiebrief" => LetterTitle,
        "redenvervallen" | "lapsereason" => LapseReason,
        "prioriteiten" | "priorities" => Priorities,
        "prioriteitids" | "priorityids" => PriorityIds,
        _ => return None,
    })
}

/// The column as the export names it, for messages.
pub fn column_name(c: Column) -> &'static str {
    HEADER[c as usize]
}

/// A row that reads well on its own; names are resolved later.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CsvCommitment {
    pub line: usize,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub municipality: String,
    pub made_on: Option<NaiveDate>,
    pub meeting: String,
    pub made_by: String,
    pub requested_by: String,
    pub party: String,
    pub officer: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: Option<String>,
    pub closed_on: Option<NaiveDate>,
    pub letter_reference: Option<String>,
    pub letter_title: Option<String>,
    pub lapse_reason: Option<String>,
    pub priorities: Vec<String>,
    /// Ids of priorities, which win over their titles (as the export writes both).
    pub priority_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, Default)]
pub struct ParsedCommitments {
    pub rows: Vec<CsvCommitment>,
    pub errors: Vec<RowError>,
    /// The columns the file has: for an existing commitment, the others keep their stored value.
    pub columns: Vec<Column>,
}

/// A date as Dutch files write it: `2026-01-22` or `22-01-2026` (also with `/` or `.`).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&s.replace(['/', '.'], "-"), "%d-%m-%Y"))
        .map_err(|_| format!("'{s}' is geen datum; schrijf 2026-01-22 of 22-01-2026"))
}

pub fn parse(bytes: &[u8]) -> Result<ParsedCommitments, RowError> {
    let table = csv_table::read(bytes, column, MAX_ROWS)?;
    let required = [
        Column::Reference,
        Column::Title,
        Column::Municipality,
        Column::MadeOn,
        Column::MadeBy,
    ];
    let missing: Vec<&str> = required
        .iter()
        .filter(|c| !table.has(**c))
        .map(|c| column_name(*c))
        .collect();
    if !missing.is_empty() {
        return Err(RowError::new(
            table.header_line,
            format!("verplichte kolom ontbreekt: {}", missing.join(", ")),
        ));
    }
    let mut parsed = ParsedCommitments {
        errors: table.errors,
        columns: table.columns.clone(),
        ..ParsedCommitments::default()
    };
    for record in &table.records {
        match read_row(record) {
            Ok(row) => parsed.rows.push(row),
            Err(reasons) => parsed
                .errors
                .push(RowError::new(record.line, reasons.join("; "))),
        }
    }
    if parsed.rows.is_empty() && parsed.errors.is_empty() {
        return Err(RowError::new(
            table.header_line,
            "het bestand bevat geen toezeggingen, alleen kolomnamen",
        ));
    }
    Ok(parsed)
}

fn read_row(r: &Record<Column>) -> Result<CsvCommitment, Vec<String>> {
    let mut reasons = Vec::new();
    let mut required = |c: Column| match r.get(c) {
        Some(v) => v.to_owned(),
        None => {
            reasons.push(format!("{} ontbreekt", column_name(c)));
            String::new()
        }
    };
    let reference = required(Column::Reference);
    let title = required(Column::Title);
    let municipality = required(Column::Municipality);
    let made_by = required(Column::MadeBy);
    let text = |c: Column| r.get(c).unwrap_or("").to_owned();
    let opt = |c: Column| r.get(c).map(str::to_owned);
    let mut date = |c: Column| {
        r.get(c).and_then(|v| {
            parse_date(v)
                .map_err(|e| reasons.push(format!("{}: {e}", column_name(c))))
                .ok()
        })
    };
    let made_on = date(Column::MadeOn);
    let due_on = date(Column::DueOn);
    let closed_on = date(Column::ClosedOn);
    if made_on.is_none() && r.get(Column::MadeOn).is_none() {
        reasons.push(format!("{} ontbreekt", column_name(Column::MadeOn)));
    }
    let status = r.get(Column::Status).and_then(|s| {
        status_from_words(s)
            .map_err(|_| {
                reasons.push(format!(
                    "status '{s}' is onbekend; kies uit open, in behandeling, afgedaan, vervallen"
                ))
            })
            .ok()
    });
    let row = CsvCommitment {
        line: r.line,
        reference,
        title,
        description: text(Column::Description),
        municipality,
        made_on,
        meeting: text(Column::Meeting),
        made_by,
        requested_by: text(Column::RequestedBy),
        party: text(Column::Party),
        officer: opt(Column::Officer),
        due_on,
        status,
        closed_on,
        letter_reference: opt(Column::LetterReference),
        letter_title: opt(Column::LetterTitle),
        lapse_reason: opt(Column::LapseReason),
        priorities: r
            .get(Column::Priorities)
            .map(|p| {
                p.split('|')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        priority_ids: r
            .get(Column::PriorityIds)
            .map(|p| {
                p.split([' ', '|', ';', ','])
                    .filter(|t| !t.is_empty())
                    .filter_map(|t| {
                        Uuid::parse_str(t)
                            .map_err(|_| reasons.push(format!("prioriteit_ids: '{t}' is geen id")))
                            .ok()
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    if reasons.is_empty() {
        Ok(row)
    } else {
        Err(reasons)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_council_system_export_with_its_own_column_names() {
        let csv = "Nummer;Onderwerp;Gemeente;Datum;Commissie;Portefeuillehouder;Raadslid;Fractie;Streefdatum;Status\r\n\
                   26bb000713;Effect wijkgericht handhaven;Harderwijk;22-01-2026;Commissie Veiligheid;Pieter Dekker;Vonk;ChristenUnie;01-04-2026;In behandeling\r\n";
        let p = parse(csv.as_bytes()).expect("valid");
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let r = &p.rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.reference, "26bb000713");
        assert_eq!(r.made_on, NaiveDate::from_ymd_opt(2026, 1, 22));
        assert_eq!(r.due_on, NaiveDate::from_ymd_opt(2026, 4, 1));
        assert_eq!(r.status.as_deref(), Some("in_behandeling"));
        assert_eq!(r.made_by, "Pieter Dekker");
        assert_eq!(r.party, "ChristenUnie");
    }

    #[test]
    fn lists_every_bad_row() {
        let csv = "kenmerk,titel,gemeente,datum_toezegging,bestuurder,status,prioriteiten\n\
                   A1,Titel,Ermelo,2026-13-01,b@x.nl,open,\n\
                   ,Titel,Ermelo,2026-01-01,b@x.nl,gesloten,\n\
                   A3,Titel,Ermelo,2026-01-01,b@x.nl,afgedaan,Ondermijning | Cybercrime\n";
        let p = parse(csv.as_bytes()).expect("file");
        assert_eq!(p.errors.len(), 2, "{:?}", p.errors);
        assert_eq!(p.errors[0].line, 2);
        assert!(
            p.errors[0].reason.contains("datum_toezegging"),
            "{:?}",
            p.errors
        );
        assert_eq!(p.errors[1].line, 3);
        assert!(
            p.errors[1].reason.contains("kenmerk ontbreekt")
                && p.errors[1].reason.contains("gesloten"),
            "{:?}",
            p.errors
        );
        assert_eq!(p.rows[0].priorities, ["Ondermijning", "Cybercrime"]);
    }

    #[test]
    fn refuses_a_file_without_the_required_columns() {
        let err = parse(b"kenmerk,titel\nA,B\n").expect_err("columns");
        assert!(
            err.reason.contains("gemeente") && err.reason.contains("bestuurder"),
            "{}",
            err.reason
        );
    }

    #[test]
    fn the_header_names_every_column_in_order() {
        for (i, name) in HEADER.iter().enumerate() {
            let c = column(&csv_table::column_key(name)).expect("known");
            assert_eq!(c as usize, i, "{name}");
        }
    }
}
