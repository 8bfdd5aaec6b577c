//! A small document model (headings, paragraphs, lists, tables, images) and its two renderings:
//! a Word document (`docx`) and an HTML page (`html`). Letters are built as this model once and
//! rendered twice, so the preview shows exactly what the Word file holds.
//!
//! Both renderings are pure functions of the model: the same model gives the same bytes.

pub mod chart;
pub mod docx;
pub mod html;

/// A whole document: its metadata and its blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// Shown in every page's footer beside the page number, e.g. "Veiligheidsbrief 2026 (concept)".
    pub footer: String,
    /// Who made it, for the document properties.
    pub author: String,
    /// When it was made (document properties; the only input that is not content).
    pub created: chrono::DateTime<chrono::Utc>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title line (Word style "Title").
    Title(String),
    /// A heading, level 1 to 4 (Word styles "heading 1" … "heading 4", so a table of contents works).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Span>),
    /// A paragraph in a smaller, grey style, for notes under tables and figures.
    Note(String),
    Bullets(Vec<Vec<Span>>),
    Table(Table),
    Image(Image),
}

/// A piece of text with its emphasis. Line breaks inside the text are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Span {
            italic: true,
            ..Span::plain(text)
        }
    }
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level: level.clamp(1, 4),
            text: text.into(),
        }
    }

    pub fn text(text: impl Into<String>) -> Block {
        Block::Paragraph(vec![Span::plain(text)])
    }
}

/// A table with a header row that repeats on every page it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// A line naming the table, above it and on the same page ("" for none): a caption in HTML.
    pub caption: String,
    /// Kept on one page with the paragraph after it (a table's source line).
    pub keep_with_next: bool,
    /// Relative column widths (they need not add up to anything).
    pub widths: Vec<u16>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns whose cells are figures: right-aligned.
    pub numeric: Vec<bool>,
}

/// A PNG image with the text a screen reader speaks in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
    pub alt: String,
    /// Shown under the image.
    pub caption: String,
}

/// Text as XML and HTML can hold it: characters XML 1.0 forbids (most control characters) are
/// dropped, since no stored text should have them and a document must never break on one.
pub(crate) fn printable(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Escapes text for XML and HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in printable(text) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("could not write the Word package: {0}")]
    Package(#[from] zip::result::ZipError),
    #[error("could not write: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not draw the chart '{title}': {reason}")]
    Chart { title: String, reason: String },
}

impl DocumentError {
    /// What went wrong, for the coordinator who asked for the document (the detail is logged).
    pub fn in_dutch(&self) -> String {
        match self {
            DocumentError::Chart { title, .. } => {
                format!("de grafiek van ‘{title}’ kon niet worden getekend")
            }
            DocumentError::Package(_) | DocumentError::Io(_) => {
                "het Word-bestand kon niet worden geschreven".to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_markup_and_drops_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'\u{0}\u{7}\n\te"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;\n\te"
        );
    }
}
