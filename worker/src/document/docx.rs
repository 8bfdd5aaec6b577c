//! The document as a Word file (Office Open XML, ISO/IEC 29500 transitional).
//!
//! Written by hand rather than with a DOCX crate: the file must be the same bytes for the same
//! document (crates number pictures and paragraphs with process-wide counters), and pictures need
//! their alternative text (`descr`), which those crates do not write.
//!
//! What Word and LibreOffice rely on, and this writes:
//! - headings in the built-in styles "heading 1" … "heading 4" with outline levels, so the
//!   navigation pane and an inserted table of contents work;
//! - real tables with a repeating header row;
//! - pictures inline as PNG parts, each with a unique drawing id and its alternative text;
//! - a footer with "pagina X van Y" as PAGE and NUMPAGES fields;
//! - A4 with 2.5 cm margins, Dutch as the proofing language.

use std::io::{Cursor, Write};

use chrono::{Datelike, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{Block, Document, DocumentError, Image, Span, Table, escape};

/// The MIME type of a Word document.
pub use api::domain::safety_letter::DOCX_MEDIA_TYPE as MEDIA_TYPE;

/// Width of the text between the margins, in twentieths of a point (A4 minus 2 × 2.5 cm).
const TEXT_WIDTH_TWIPS: u32 = 11906 - 2 * 1417;
/// Tables of at most this many rows are kept on one page.
const KEEP_TOGETHER_ROWS: usize = 15;
/// English Metric Units per pixel at 96 dpi.
const EMU_PER_PX: u64 = 9525;
/// The widest a picture may be: the text width in EMU.
const MAX_IMAGE_EMU: u64 = TEXT_WIDTH_TWIPS as u64 * 635;

/// Renders the document as the bytes of a .docx file.
pub fn render(doc: &Document) -> Result<Vec<u8>, DocumentError> {
    let mut body = String::with_capacity(64 * 1024);
    let mut images: Vec<&Image> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Title(text) => paragraph(&mut body, Some("Title"), &[Span::plain(text)]),
            Block::Heading { level, text } => paragraph(
                &mut body,
                Some(&format!("Heading{}", level.clamp(&1, &4))),
                &[Span::plain(text)],
            ),
            Block::Paragraph(spans) => paragraph(&mut body, None, spans),
            Block::Note(text) => paragraph(&mut body, Some("Toelichting"), &[Span::plain(text)]),
            Block::Bullets(items) => {
                for spans in items {
                    bullet(&mut body, spans);
                }
            }
            Block::Table(table) => table_xml(&mut body, table),
            Block::Image(image) => {
                images.push(image);
                picture(&mut body, image, images.len());
            }
        }
    }

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let modified = dos_time(doc.created);
    let xml = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(modified);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(modified);

    let part = |zip: &mut ZipWriter<Cursor<Vec<u8>>>,
                name: &str,
                options: SimpleFileOptions,
                bytes: &[u8]|
     -> Result<(), DocumentError> {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    part(
        &mut zip,
        "[Content_Types].xml",
        xml,
        CONTENT_TYPES.as_bytes(),
    )?;
    part(&mut zip, "_rels/.rels", xml, PACKAGE_RELS.as_bytes())?;
    part(
        &mut zip,
        "docProps/core.xml",
        xml,
        core_properties(doc).as_bytes(),
    )?;
    part(&mut zip, "docProps/app.xml", xml, APP_PROPERTIES.as_bytes())?;
    part(
        &mut zip,
        "word/document.xml",
        xml,
        document_xml(&body).as_bytes(),
    )?;
    part(
        &mut zip,
        "word/_rels/document.xml.rels",
        xml,
        document_rels(images.len()).as_bytes(),
    )?;
    part(&mut zip, "word/styles.xml", xml, STYLES.as_bytes())?;
    part(&mut zip, "word/settings.xml", xml, SETTINGS.as_bytes())?;
    part(&mut zip, "word/numbering.xml", xml, NUMBERING.as_bytes())?;
    part(
        &mut zip,
        "word/footer1.xml",
        xml,
        footer_xml(&doc.footer).as_bytes(),
    )?;
    for (i, image) in images.iter().enumerate() {
        part(
            &mut zip,
            &format!("word/media/image{}.png", i + 1),
            stored,
            &image.png,
        )?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The ZIP entries' time: the document's creation time (ZIP times cannot be before 1980).
fn dos_time(t: chrono::DateTime<chrono::Utc>) -> zip::DateTime {
    let clamp = |v: u32| u8::try_from(v).unwrap_or(0);
    zip::DateTime::from_date_and_time(
        u16::try_from(t.year().clamp(1980, 2107)).unwrap_or(1980),
        clamp(t.month()),
        clamp(t.day()),
        clamp(t.hour()),
        clamp(t.minute()),
        clamp(t.second()),
    )
    .unwrap_or_default()
}

fn run(out: &mut String, span: &Span) {
    let mut first = true;
    for line in span.text.split('\n') {
        out.push_str("<w:r>");
        if span.bold || span.italic {
            out.push_str("<w:rPr>");
            if span.bold {
                out.push_str("<w:b/>");
            }
            if span.italic {
                out.push_str("<w:i/>");
            }
            out.push_str("</w:rPr>");
        }
        if !first {
            out.push_str("<w:br/>");
        }
        first = false;
        for (i, piece) in line.split('\t').enumerate() {
            if i > 0 {
                out.push_str("<w:tab/>");
            }
            // The format's optional hyphen is an element of its own (w:softHyphen), not a character.
            for (j, part) in piece.split('\u{ad}').enumerate() {
                if j > 0 {
                    out.push_str("<w:softHyphen/>");
                }
                if !part.is_empty() {
                    out.push_str("<w:t xml:space=\"preserve\">");
                    out.push_str(&escape(part));
                    out.push_str("</w:t>");
                }
            }
        }
        out.push_str("</w:r>");
    }
}

fn paragraph(out: &mut String, style: Option<&str>, spans: &[Span]) {
    out.push_str("<w:p>");
    if let Some(style) = style {
        out.push_str(&format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"));
    }
    for span in spans {
        run(out, span);
    }
    out.push_str("</w:p>");
}

fn bullet(out: &mut String, spans: &[Span]) {
    out.push_str(
        "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
    );
    for span in spans {
        run(out, span);
    }
    out.push_str("</w:p>");
}

fn table_xml(out: &mut String, table: &Table) {
    if !table.caption.is_empty() {
        paragraph(out, Some("Tabeltitel"), &[Span::plain(&table.caption)]);
    }
    let columns = table.header.len().max(1);
    let weights: Vec<u32> = (0..columns)
        .map(|i| u32::from(table.widths.get(i).copied().unwrap_or(1).max(1)))
        .collect();
    let total: u32 = weights.iter().sum();
    let widths: Vec<u32> = weights
        .iter()
        .map(|w| TEXT_WIDTH_TWIPS * w / total)
        .collect();
    out.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabelraster\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
    );
    for w in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    // A short table stays on one page (each row kept with the next), and with the paragraph
    // after it when asked; a long one may break across pages.
    let short = table.rows.len() <= KEEP_TOGETHER_ROWS;
    let last = table.rows.len();
    let row = |out: &mut String, cells: &[String], index: usize| {
        let header = index == 0;
        let keep = short && (index < last || table.keep_with_next);
        out.push_str("<w:tr>");
        if header {
            out.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        } else {
            out.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        for (i, w) in widths.iter().enumerate() {
            let text = cells.get(i).map(String::as_str).unwrap_or("");
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>"
            ));
            if header {
                out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F0\"/>");
            }
            out.push_str("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Tabeltekst\"/>");
            if keep {
                out.push_str("<w:keepNext/>");
            }
            if !header && table.numeric.get(i).copied().unwrap_or(false) {
                out.push_str("<w:jc w:val=\"right\"/>");
            }
            out.push_str("</w:pPr>");
            let span = if header {
                Span::bold(text)
            } else {
                Span::plain(text)
            };
            run(out, &span);
            out.push_str("</w:p></w:tc>");
        }
        out.push_str("</w:tr>");
    };
    row(out, &table.header, 0);
    for (i, cells) in table.rows.iter().enumerate() {
        row(out, cells, i + 1);
    }
    out.push_str("</w:tbl>");
    // Two tables in a row would merge; an empty paragraph keeps them apart.
    if short && table.keep_with_next {
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Tabeltekst\"/><w:keepNext/></w:pPr></w:p>");
    } else {
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Tabeltekst\"/></w:pPr></w:p>");
    }
}

fn picture(out: &mut String, image: &Image, n: usize) {
    let mut cx = u64::from(image.width_px) * EMU_PER_PX;
    let mut cy = u64::from(image.height_px) * EMU_PER_PX;
    if cx > MAX_IMAGE_EMU {
        cy = cy * MAX_IMAGE_EMU / cx;
        cx = MAX_IMAGE_EMU;
    }
    let alt = escape(&image.alt);
    out.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Figuur\"/></w:pPr><w:r><w:drawing>\
<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{n}\" name=\"Grafiek {n}\" descr=\"{alt}\"/>\
<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"image{n}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rIdImage{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    ));
    if !image.caption.is_empty() {
        paragraph(out, Some("Caption"), &[Span::plain(&image.caption)]);
    }
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn document_xml(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:document xmlns:w=\"{W_NS}\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<w:body>{body}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>\
<w:pgNumType w:start=\"1\"/></w:sectPr></w:body></w:document>"
    )
}

fn document_rels(images: usize) -> String {
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rIdFooter1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    );
    for n in 1..=images {
        rels.push_str(&format!(
            "<Relationship Id=\"rIdImage{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image{n}.png\"/>"
        ));
    }
    rels.push_str("</Relationships>");
    rels
}

fn footer_xml(text: &str) -> String {
    let field = |instruction: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:ftr xmlns:w=\"{W_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">pagina </w:t></w:r>{}\
<w:r><w:t xml:space=\"preserve\"> van </w:t></w:r>{}</w:p></w:ftr>",
        escape(text),
        field("PAGE"),
        field("NUMPAGES")
    )
}

fn core_properties(doc: &Document) -> String {
    let at = doc.created.format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>nl-NL</dc:language>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:modified></cp:coreProperties>",
        escape(&doc.title),
        escape(&doc.author)
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const APP_PROPERTIES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>Veiligheidsplatform</Application></Properties>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// Styles: Word's built-in names (lower case "heading 1") so Word treats them as its own headings
/// and shows them in Dutch ("Kop 1").
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"nl-NL\" w:eastAsia=\"nl-NL\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:semiHidden/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"280\" w:after=\"100\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading4\"><w:name w:val=\"heading 4\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"60\"/><w:outlineLvl w:val=\"3\"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Toelichting\"><w:name w:val=\"Toelichting\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:i/><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Tabeltekst\"><w:name w:val=\"Tabeltekst\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Tabeltitel\"><w:name w:val=\"Tabeltitel\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Figuur\"><w:name w:val=\"Figuur\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:after=\"0\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:rPr><w:i/><w:color w:val=\"1F3864\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9072\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"Tabelraster\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>\
<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EAADB\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EAADB\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EAADB\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EAADB\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EAADB\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EAADB\"/></w:tblBorders>\
<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn sample() -> Document {
        Document {
            title: "Proef & test".to_owned(),
            footer: "Proef".to_owned(),
            author: "Test".to_owned(),
            created: chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z")
                .map(|t| t.to_utc())
                .unwrap_or_default(),
            blocks: vec![
                Block::Title("Proef <1>".to_owned()),
                Block::heading(1, "Inleiding"),
                Block::Paragraph(vec![Span::plain("regel 1\nregel 2"), Span::bold(" vet")]),
                Block::Bullets(vec![vec![Span::plain("een")]]),
                Block::Table(Table {
                    caption: "Cijfers".to_owned(),
                    keep_with_next: true,
                    widths: vec![2, 1],
                    header: vec!["Gebied".to_owned(), "Streef\u{ad}waarde".to_owned()],
                    rows: vec![vec!["Ermelo".to_owned(), "930".to_owned()]],
                    numeric: vec![false, true],
                }),
            ],
        }
    }

    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut s = String::new();
        archive
            .by_name(name)
            .expect("the part")
            .read_to_string(&mut s)
            .expect("utf-8");
        s
    }

    #[test]
    fn same_document_gives_the_same_bytes() {
        let a = render(&sample()).expect("renders");
        let b = render(&sample()).expect("renders");
        assert_eq!(a, b);
    }

    #[test]
    fn text_is_escaped_and_line_breaks_kept() {
        let bytes = render(&sample()).expect("renders");
        let document = part(&bytes, "word/document.xml");
        assert!(document.contains("Proef &lt;1&gt;"), "{document}");
        assert!(
            document.contains("regel 1</w:t></w:r><w:r><w:br/>"),
            "{document}"
        );
        assert!(document.contains("<w:pStyle w:val=\"Heading1\"/>"));
        assert!(document.contains("<w:tblHeader/>"));
        assert!(document.contains(
            "<w:pStyle w:val=\"Tabeltitel\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Cijfers</w:t>"
        ));
        // The one-row table stays with what follows it.
        assert!(document.contains("<w:pStyle w:val=\"Tabeltekst\"/><w:keepNext/>"));
        assert!(
            document.contains("Streef</w:t><w:softHyphen/><w:t xml:space=\"preserve\">waarde"),
            "{document}"
        );
        assert!(
            part(&bytes, "docProps/core.xml").contains("<dc:title>Proef &amp; test</dc:title>")
        );
    }
}
