//! Reading and writing CSV files as policy officers exchange them with spreadsheets and council
//! information systems: the part every import and export shares.
//!
//! - The first non-blank line names the columns, in any order; each import maps names to its
//!   own columns and ignores the others.
//! - The separator is a comma or, as Dutch Excel saves files, a semicolon (whichever the header
//!   line has more of).
//! - UTF-8, with or without a byte-order mark; line endings CRLF, LF or CR.
//! - Text that a spreadsheet would run as a formula is written with a `'` in front, which reading
//!   takes off again.

/// Why a row (or the file, at its header line) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub reason: String,
}

impl RowError {
    pub fn new(line: usize, reason: impl Into<String>) -> Self {
        RowError {
            line,
            reason: reason.into(),
        }
    }
}

/// How a file separates fields: comma (with a decimal point), or semicolon (with a decimal
/// comma, as Dutch Excel expects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    /// `comma` (the default) or `semicolon`, as a `separator` query parameter gives it.
    pub fn parse(s: Option<&str>) -> Result<Self, super::InvalidField> {
        match s {
            None | Some("comma") => Ok(Separator::Comma),
            Some("semicolon") => Ok(Separator::Semicolon),
            Some(other) => Err(super::InvalidField::new(
                "separator",
                format!("'{other}' is onbekend; kies uit comma, semicolon"),
            )),
        }
    }

    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        }
    }
}

/// What a text must not start with in a spreadsheet cell without a `'` in front.
pub const GUARDED: [char; 5] = ['=', '+', '-', '@', '\''];

/// A text as a spreadsheet should show it: one that starts like a formula (or with a quote) gets
/// a `'` in front, which [`unguard`] takes off again.
pub fn guard(s: &str) -> String {
    if s.starts_with(GUARDED) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// A text field as a spreadsheet may have guarded it: takes exactly the `'` of [`guard`] off.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(GUARDED) => rest,
        _ => s,
    }
}

/// One data line: its line number in the file (the header is line 1 unless blank lines precede
/// it) and its fields, trimmed and unguarded, by the import's own columns.
#[derive(Debug, Clone)]
pub struct Record<C> {
    pub line: usize,
    fields: Vec<(C, String)>,
}

impl<C: Copy + PartialEq> Record<C> {
    /// The field of column `c`, when the file has it and it is not empty.
    pub fn get(&self, c: C) -> Option<&str> {
        self.fields
            .iter()
            .find(|(col, _)| *col == c)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// A file read into records, with every line that could not be read.
#[derive(Debug, Clone)]
pub struct Table<C> {
    pub separator: Separator,
    pub header_line: usize,
    /// The import's columns that the file has.
    pub columns: Vec<C>,
    pub records: Vec<Record<C>>,
    pub errors: Vec<RowError>,
}

impl<C: Copy + PartialEq> Table<C> {
    pub fn has(&self, c: C) -> bool {
        self.columns.contains(&c)
    }
}

/// Normalises a column name for matching: lower case, letters and digits only
/// (`Indicator ID` → `indicatorid`).
pub fn column_key(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Reads the file. `column` maps a header (see [`column_key`]) to the import's column. `Err` is a
/// problem with the file as a whole; a line that cannot be read is in [`Table::errors`], so that
/// every line can be reported at once. Blank lines are left out.
pub fn read<C: Copy + PartialEq>(
    bytes: &[u8],
    column: impl Fn(&str) -> Option<C>,
    max_rows: usize,
) -> Result<Table<C>, RowError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = String::from_utf8_lossy(valid)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        RowError::new(
            line.matches('\n').count() + 1,
            "het bestand is geen UTF-8; sla het op als 'CSV UTF-8'",
        )
    })?;
    // One kind of line end, so that lines count the same for Windows, Unix and old Mac files.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let blank_lines = text.lines().take_while(|l| l.trim().is_empty()).count();
    let Some(header_text) = text.lines().nth(blank_lines) else {
        return Err(RowError::new(
            1,
            "het bestand is leeg; de eerste regel moet de kolomnamen bevatten",
        ));
    };
    let body = &text[line_start(&text, blank_lines)..];
    let mut lines = LineCounter::new(body);
    let mut line_of = |offset: u64| lines.line_at(offset) + blank_lines;
    let header_line = blank_lines + 1;

    let separator = if header_text.matches(';').count() > header_text.matches(',').count() {
        Separator::Semicolon
    } else {
        Separator::Comma
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator.byte())
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| RowError::new(header_line, format!("kolomnamen onleesbaar: {e}")))?
        .clone();
    let mut mapped: Vec<(usize, C)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(c) = column(&column_key(h)) {
            if mapped.iter().any(|(_, o)| *o == c) {
                return Err(RowError::new(
                    header_line,
                    format!("de kolom '{}' staat er twee keer in", h.trim()),
                ));
            }
            mapped.push((i, c));
        }
    }
    let mut table = Table {
        separator,
        header_line,
        columns: mapped.iter().map(|(_, c)| *c).collect(),
        records: Vec::new(),
        errors: Vec::new(),
    };
    let mut read = Vec::new();
    for (n, record) in reader.records().enumerate() {
        if n >= max_rows {
            return Err(RowError::new(
                header_line,
                format!("meer dan {max_rows} regels; splits het bestand"),
            ));
        }
        match record {
            Ok(r) => read.push(r),
            Err(e) => {
                let line = e.position().map_or(header_line, |p| line_of(p.byte()));
                table
                    .errors
                    .push(RowError::new(line, format!("onleesbare regel: {e}")));
            }
        }
    }
    // A quote that is never closed runs to the end of the file: the last record then holds a line
    // end, and the file an odd number of quote characters (quoted fields have them in pairs). A
    // quoted field with line ends otherwise (a description of several lines, as the export
    // writes it) is fine.
    let unclosed = body.matches('"').count() % 2 == 1;
    let last = read.len().saturating_sub(1);
    for (n, record) in read.into_iter().enumerate() {
        let line = record.position().map_or(header_line, |p| line_of(p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if n == last && unclosed && record.iter().any(|f| f.contains('\n')) {
            // An open quote swallows the lines after it: refuse, rather than lose those lines.
            table.errors.push(RowError::new(
                line,
                "een aanhalingsteken (\") wordt niet gesloten, waardoor de volgende regels in dit veld vallen; sluit het of haal het weg",
            ));
            continue;
        }
        if record.len() > headers.len() {
            let sep = match separator {
                Separator::Semicolon => "puntkomma",
                Separator::Comma => "komma",
            };
            table.errors.push(RowError::new(
                line,
                format!(
                    "de regel heeft {} velden en de kopregel {}: staat er een {sep} in een getal of tekst zonder aanhalingstekens?",
                    record.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let fields = mapped
            .iter()
            .map(|(i, c)| (*c, unguard(record.get(*i).unwrap_or("").trim()).to_owned()))
            .collect();
        table.records.push(Record { line, fields });
    }
    Ok(table)
}

/// The byte where line `n` (from 0) starts.
fn line_start(text: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    text.match_indices('\n')
        .nth(n - 1)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// Line numbers of records, counted on as the reader moves forward (records come in order, so
/// each byte is counted once).
struct LineCounter<'t> {
    bytes: &'t [u8],
    counted_to: usize,
    newlines: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The line (from 1) of the record the reader places at `offset`. The reader places a record
    /// just after the previous one's terminator, which may leave line ends (blank lines) before
    /// the record's first character: those are skipped.
    fn line_at(&mut self, offset: u64) -> usize {
        let bytes = self.bytes;
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while start < bytes.len() && bytes[start] == b'\n' {
            start += 1;
        }
        if start < self.counted_to {
            // Never expected (records come in order), but then count afresh.
            self.counted_to = 0;
            self.newlines = 0;
        }
        self.newlines += bytes[self.counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.counted_to = start;
        self.newlines + 1
    }
}

/// Writes `rows` under `header` with the separator; every text field is guarded.
pub fn write(
    separator: Separator,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<String, String> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(separator.byte())
        .from_writer(Vec::new());
    out.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        out.write_record(row.iter().map(|f| guard(f)))
            .map_err(|e| e.to_string())?;
    }
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Col {
        A,
        B,
    }

    fn cols(key: &str) -> Option<Col> {
        match key {
            "a" | "alpha" => Some(Col::A),
            "b" => Some(Col::B),
            _ => None,
        }
    }

    #[test]
    fn reads_any_order_separators_guards_and_line_numbers() {
        let t = read(
            "\u{feff}\r\nB;x;Alpha\r\n1;2;'=SUM(A1)\r\n\r\n3;;4\r\n".as_bytes(),
            cols,
            10,
        )
        .expect("read");
        assert_eq!(t.separator, Separator::Semicolon);
        assert_eq!(t.header_line, 2);
        assert_eq!(t.records.len(), 2);
        assert_eq!(t.records[0].line, 3);
        assert_eq!(t.records[0].get(Col::A), Some("=SUM(A1)"));
        assert_eq!(t.records[1].line, 5);
        assert_eq!(t.records[1].get(Col::B), Some("3"));
        assert!(t.has(Col::A) && t.has(Col::B));
    }

    #[test]
    fn refuses_duplicate_columns_and_too_many_rows() {
        assert_eq!(read(b"a,alpha\n1,2\n", cols, 10).expect_err("dup").line, 1);
        assert!(
            read(b"a\n1\n2\n3\n", cols, 2)
                .expect_err("rows")
                .reason
                .contains("meer dan 2")
        );
    }

    #[test]
    fn quoted_line_ends_are_kept_and_an_open_quote_is_refused() {
        let t = read(b"a,b\n\"regel 1\nregel 2\",x\ny,z\n", cols, 10).expect("read");
        assert!(t.errors.is_empty(), "{:?}", t.errors);
        assert_eq!(t.records[0].get(Col::A), Some("regel 1\nregel 2"));
        assert_eq!(t.records[1].line, 4);
        // Also as the last line, followed by an unquoted field.
        let t = read(b"a,b\ny,z\n\"regel 1\nregel 2\",x\n", cols, 10).expect("read");
        assert!(t.errors.is_empty(), "{:?}", t.errors);
        assert_eq!(t.records[1].get(Col::B), Some("x"));
        let t = read(b"a,b\n\"open,x\ny,z\n", cols, 10).expect("read");
        assert_eq!(t.errors.len(), 1, "{:?}", t.records);
        assert_eq!(t.errors[0].line, 2);
    }

    #[test]
    fn written_files_read_back() {
        let text = write(
            Separator::Semicolon,
            &["a", "b"],
            vec![vec!["-5 graden".to_owned(), "x;y".to_owned()]],
        )
        .expect("write");
        assert!(text.contains("'-5 graden"), "{text}");
        let t = read(text.as_bytes(), cols, 10).expect("read");
        assert_eq!(t.records[0].get(Col::A), Some("-5 graden"));
        assert_eq!(t.records[0].get(Col::B), Some("x;y"));
    }
}
