//! Reading a CSV of measurements, as a policy officer exports it from a spreadsheet.
//!
//! - The first line names the columns, in any order, in English (`indicator`, `indicator_id`,
//!   `indicator_code`, `unit`, `cooperation`, `municipality`, `period`, `value`, `source_note`) or
//!   Dutch (`gemeente`, `periode`, `waarde`, `eenheid`, `samenwerkingsverband`, `toelichting`).
//!   Other columns (such as `source` or `seed_line`) are ignored.
//! - Comma-separated files use a decimal point (`7.7`); semicolon-separated files, as Dutch Excel
//!   saves them, use a decimal comma (`7,7`). Thousands separators are refused, not guessed.
//! - UTF-8, with or without a byte-order mark; line endings CRLF or LF.
//! - An empty `municipality` means the whole cooperation.
//!
//! This module only reads and checks each row on its own; which indicator and municipality a row
//! means is decided against the tenant's data by the import service.

use uuid::Uuid;

pub use super::csv_table::RowError;
use super::csv_table::{self, Separator};
use super::measurement::source_note_text;
use super::period::Period;

/// At most this many data rows in one file.
pub const MAX_ROWS: usize = 50_000;

/// A row that reads well on its own. `line` is the line in the file (the header is line 1).
#[derive(Debug, Clone, PartialEq)]
pub struct CsvRow {
    pub line: usize,
    pub cooperation: Option<String>,
    pub municipality: Option<String>,
    pub indicator: Option<String>,
    pub indicator_id: Option<Uuid>,
    pub indicator_code: Option<String>,
    pub unit: Option<String>,
    pub period: Period,
    pub value: f64,
    pub source_note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Cooperation,
    Municipality,
    Indicator,
    IndicatorId,
    IndicatorCode,
    Unit,
    Period,
    Value,
    SourceNote,
}

fn column(key: &str) -> Option<Column> {
    Some(match key {
        "cooperation" | "samenwerkingsverband" => Column::Cooperation,
        "municipality" | "gemeente" => Column::Municipality,
        "indicator" | "indicatorname" => Column::Indicator,
        "indicatorid" => Column::IndicatorId,
        "indicatorcode" | "policecode" | "politiecode" => Column::IndicatorCode,
        "unit" | "eenheid" => Column::Unit,
        "period" | "periode" => Column::Period,
        "value" | "waarde" => Column::Value,
        "sourcenote" | "toelichting" | "bronvermelding" => Column::SourceNote,
        _ => return None,
    })
}

/// What reading a file gave: the rows that read well, every row that does not, and how many lines
/// carry no measurement (an indicator without period and value, as the export writes them for an
/// area with a target but no figures yet).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedCsv {
    pub rows: Vec<CsvRow>,
    pub errors: Vec<RowError>,
    pub skipped: usize,
}

/// Reads the file. `Err` is a problem with the file as a whole (at the line it names); problems
/// of single rows are in [`ParsedCsv::errors`], so that every row can be reported at once.
pub fn parse(bytes: &[u8]) -> Result<ParsedCsv, RowError> {
    let table = csv_table::read(bytes, column, MAX_ROWS)?;
    let mut missing = Vec::new();
    if !table.has(Column::Indicator) && !table.has(Column::IndicatorId) {
        missing.push("indicator (of indicator_id)");
    }
    if !table.has(Column::Period) {
        missing.push("period");
    }
    if !table.has(Column::Value) {
        missing.push("value");
    }
    if !missing.is_empty() {
        return Err(RowError::new(
            table.header_line,
            format!("verplichte kolom ontbreekt: {}", missing.join(", ")),
        ));
    }
    let semicolon = table.separator == Separator::Semicolon;
    let mut parsed = ParsedCsv {
        errors: table.errors,
        ..ParsedCsv::default()
    };
    for record in &table.records {
        let get = |c: Column| record.get(c);
        let line = record.line;
        if get(Column::Period).is_none() && get(Column::Value).is_none() {
            if get(Column::Indicator).is_some() || get(Column::IndicatorId).is_some() {
                parsed.skipped += 1;
            } else {
                parsed.errors.push(RowError::new(
                    line,
                    "indicator, periode en waarde ontbreken",
                ));
            }
            continue;
        }
        match read_row(line, semicolon, &get) {
            Ok(row) => parsed.rows.push(row),
            Err(reasons) => parsed.errors.push(RowError::new(line, reasons.join("; "))),
        }
    }
    parsed.errors.sort_by_key(|e| e.line);
    if parsed.rows.is_empty() && parsed.errors.is_empty() && parsed.skipped == 0 {
        return Err(RowError::new(
            table.header_line,
            "het bestand bevat geen metingen, alleen kolomnamen",
        ));
    }
    Ok(parsed)
}

fn read_row<'r>(
    line: usize,
    semicolon: bool,
    get: &dyn Fn(Column) -> Option<&'r str>,
) -> Result<CsvRow, Vec<String>> {
    let mut reasons = Vec::new();
    let indicator_id = match get(Column::IndicatorId).map(Uuid::parse_str) {
        None => None,
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => {
            reasons.push("indicator_id is geen geldige id".to_owned());
            None
        }
    };
    let indicator = get(Column::Indicator).map(str::to_owned);
    if indicator.is_none() && indicator_id.is_none() && reasons.is_empty() {
        reasons.push("indicator ontbreekt".to_owned());
    }
    let period = match get(Column::Period) {
        None => {
            reasons.push("periode ontbreekt".to_owned());
            None
        }
        Some(p) => Period::parse("period", p)
            .map_err(|e| reasons.push(format!("periode: {}", e.message)))
            .ok(),
    };
    let value = match get(Column::Value) {
        None => {
            reasons.push("waarde ontbreekt".to_owned());
            None
        }
        Some(v) => parse_number(v, semicolon)
            .map_err(|r| reasons.push(format!("waarde: {r}")))
            .ok(),
    };
    let source_note = source_note_text(get(Column::SourceNote))
        .map_err(|e| reasons.push(format!("toelichting: {}", e.message)))
        .unwrap_or_default();
    match (period, value) {
        (Some(period), Some(value)) if reasons.is_empty() => Ok(CsvRow {
            line,
            cooperation: get(Column::Cooperation).map(str::to_owned),
            municipality: get(Column::Municipality).map(str::to_owned),
            indicator,
            indicator_id,
            indicator_code: get(Column::IndicatorCode).map(str::to_owned),
            unit: get(Column::Unit).map(str::to_owned),
            period,
            value,
            source_note,
        }),
        _ => Err(reasons),
    }
}

/// A number as written in the file: `7.7` in a comma-separated file, `7,7` in a semicolon one.
fn parse_number(s: &str, decimal_comma: bool) -> Result<f64, String> {
    let thousands = |sep: char| {
        let mut groups = s.trim_start_matches('-').split(sep);
        let first = groups.next().unwrap_or("");
        let rest: Vec<&str> = groups.collect();
        !rest.is_empty()
            && (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && rest
                .iter()
                .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    };
    let normalised = if decimal_comma {
        if s.contains(',') && s.contains('.') || (!s.contains(',') && thousands('.')) {
            return Err(format!(
                "'{s}' heeft een scheidingsteken voor duizendtallen; schrijf het getal zonder punten (1314 of 7,7)"
            ));
        }
        s.replace(',', ".")
    } else {
        if s.contains(',') {
            return Err(format!(
                "'{s}' bevat een komma; gebruik in een bestand met komma's als scheidingsteken een punt als decimaalteken (7.7)"
            ));
        }
        s.to_owned()
    };
    let ok_chars = normalised
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    match normalised.parse::<f64>() {
        Ok(v) if ok_chars && v.is_finite() && v.abs() <= 1e15 => Ok(v),
        _ => Err(format!("'{s}' is geen getal")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::csv_table::unguard;

    #[test]
    fn reads_the_seed_data_columns() {
        let csv = "cooperation,municipality,indicator,indicator_code,unit,source,period,value,seed_file,seed_line\r\n\
                   Veluwe-West,Ermelo,Totaal misdrijven,,aantal,politie,2019,1010,002.txt,120\r\n\
                   Tweestromenland,,Witwassen,F94,aantal,,2022-H1,3,001.txt,9\r\n";
        let rows = parse(csv.as_bytes()).expect("valid").rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].municipality.as_deref(), Some("Ermelo"));
        assert_eq!(rows[0].value, 1010.0);
        assert_eq!(rows[1].municipality, None);
        assert_eq!(rows[1].indicator_code.as_deref(), Some("F94"));
        assert_eq!(rows[1].period.to_string(), "2022-H1");
    }

    #[test]
    fn reads_dutch_excel_files() {
        let csv = "\u{FEFF}Gemeente;Indicator;Periode;Waarde;Toelichting\n\
                   Ermelo;rapportcijfer;2023;7,7;Veiligheidsmonitor\n\
                   Putten;rapportcijfer;2023;8;\n";
        let rows = parse(csv.as_bytes()).expect("valid").rows;
        assert_eq!(rows[0].value, 7.7);
        assert_eq!(rows[0].source_note, "Veiligheidsmonitor");
        assert_eq!(rows[1].value, 8.0);
    }

    #[test]
    fn lists_every_bad_row_with_its_line() {
        let csv = "indicator,municipality,period,value\n\
                   Geweld,Ermelo,2019,128\n\
                   Geweld,Ermelo,2019-Q1,128\n\
                   \n\
                   Geweld,Putten,2019,\n\
                   ,Putten,2019,29\n\
                   Geweld,Putten,2019,\"1,5\"\n";
        let parsed = parse(csv.as_bytes()).expect("read");
        assert_eq!(parsed.rows.len(), 1);
        let errors = parsed.errors;
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 5, 6, 7]);
        assert!(errors[0].reason.contains("periode"), "{errors:?}");
        assert!(errors[1].reason.contains("waarde ontbreekt"), "{errors:?}");
        assert!(errors[2].reason.contains("indicator"), "{errors:?}");
        assert!(errors[3].reason.contains("komma"), "{errors:?}");
    }

    #[test]
    fn refuses_bad_files_at_line_one() {
        for (csv, words) in [
            ("", "leeg"),
            ("municipality,period,value\nErmelo,2019,1\n", "indicator"),
            ("indicator,period\nGeweld,2019\n", "value"),
            ("indicator,period,value,waarde\n", "twee keer"),
            ("indicator,period,value\n", "geen metingen"),
        ] {
            let error = parse(csv.as_bytes()).expect_err(csv);
            assert_eq!(error.line, 1, "{csv}");
            assert!(error.reason.contains(words), "{csv}: {error:?}");
        }
        let latin1 = b"indicator,period,value\r\nGeweld,2019,1\r\nOverlast caf\xe9,2019,2\n";
        assert_eq!(parse(latin1).expect_err("not utf-8").line, 3);
        let blank = parse(b"\n\n").expect_err("blank");
        assert!(blank.reason.contains("leeg"), "{blank:?}");
    }

    #[test]
    fn old_mac_line_ends_leading_blank_lines_and_stray_separators() {
        let csv = "\r\n\rindicator,period,value\rGeweld,2019,1\rGeweld,2020,7,7\rGeweld,2021,x\r";
        let parsed = parse(csv.as_bytes()).expect("read");
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].line, 4);
        let lines: Vec<usize> = parsed.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [5, 6], "{:?}", parsed.errors);
        assert!(
            parsed.errors[0].reason.contains("4 velden"),
            "{:?}",
            parsed.errors
        );
        assert!(
            parsed.errors[0].reason.contains("komma"),
            "{:?}",
            parsed.errors
        );
    }

    #[test]
    fn lines_without_figures_are_skipped_and_guards_removed() {
        let csv = "indicator,municipality,period,value,source_note\n\
                   Geweld,Ermelo,,,\n\
                   '=Geweld,Putten,2019,29,'-voorlopig\n\
                   ,,,,'@x\n";
        let parsed = parse(csv.as_bytes()).expect("read");
        assert_eq!(parsed.skipped, 1);
        assert_eq!(parsed.rows[0].indicator.as_deref(), Some("=Geweld"));
        assert_eq!(parsed.rows[0].source_note, "-voorlopig");
        assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
        assert_eq!(parsed.errors[0].line, 4);
        assert_eq!(unguard("'hallo"), "'hallo");
        assert_eq!(unguard("''=x"), "'=x");
    }

    #[test]
    fn an_open_quote_does_not_swallow_the_lines_after_it() {
        let csv = "indicator,municipality,period,value,source\n\
                   Geweld,Ermelo,2019,1,\"politie\n\
                   Geweld,Putten,2019,2,\n\
                   Geweld,Ermelo,2020,3,\n";
        let parsed = parse(csv.as_bytes()).expect("read");
        assert!(parsed.rows.is_empty(), "{:?}", parsed.rows);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 2);
        assert!(parsed.errors[0].reason.contains("aanhalingsteken"));
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("7.7", false), Ok(7.7));
        assert_eq!(parse_number("-3", false), Ok(-3.0));
        assert_eq!(parse_number("7,7", true), Ok(7.7));
        assert_eq!(parse_number("1314", true), Ok(1314.0));
        assert_eq!(parse_number("0.5", true), Ok(0.5));
        for (s, comma) in [
            ("1.314", true),
            ("1.314,5", true),
            ("7,7", false),
            ("1e3", false),
            ("NaN", false),
            ("inf", false),
            ("12 000", false),
            ("", false),
        ] {
            assert!(parse_number(s, comma).is_err(), "{s}");
        }
    }
}
