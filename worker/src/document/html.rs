//! The document as one self-contained HTML page, for a preview in the browser: styles inline in
//! the page, pictures as `data:` URLs, no scripts. It shows the same blocks as the Word file.

use base64::Engine;

use super::{Block, Document, Span, Table, escape};

pub use api::domain::safety_letter::{
    HTML_CONTENT_SECURITY_POLICY as CONTENT_SECURITY_POLICY, HTML_MEDIA_TYPE as MEDIA_TYPE,
};

const STYLE: &str = "body{font-family:Calibri,Carlito,Arial,sans-serif;color:#1a1a1a;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.45}\
h1,h2,h3,h4{color:#1f3864;line-height:1.2}h1.title{font-size:2rem}h4{font-style:italic}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.85rem}\
th,td{border:1px solid #8eaadb;padding:.2rem .35rem;vertical-align:top;text-align:left}th{background:#dce6f0}\
td.num{text-align:right;font-variant-numeric:tabular-nums}caption{font-weight:bold;text-align:left;font-size:1rem;padding:.25rem 0}\
figure{margin:1rem 0}figure img{max-width:100%;height:auto}figcaption{font-style:italic;color:#1f3864;font-size:.85rem}\
p.note{font-style:italic;color:#595959;font-size:.85rem}footer{margin-top:3rem;color:#595959;font-size:.8rem}";

pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str(&format!(
        "<title>{}</title><style>{STYLE}</style></head><body><main>",
        escape(&doc.title)
    ));
    for block in &doc.blocks {
        match block {
            Block::Title(text) => {
                out.push_str(&format!("<h1 class=\"title\">{}</h1>", escape(text)))
            }
            Block::Heading { level, text } => {
                // The title is the page's h1, so headings move one level down.
                let h = (level + 1).min(6);
                out.push_str(&format!("<h{h}>{}</h{h}>", escape(text)));
            }
            Block::Paragraph(spans) => {
                out.push_str("<p>");
                spans_html(&mut out, spans);
                out.push_str("</p>");
            }
            Block::Note(text) => out.push_str(&format!("<p class=\"note\">{}</p>", lines(text))),
            Block::Bullets(items) => {
                out.push_str("<ul>");
                for spans in items {
                    out.push_str("<li>");
                    spans_html(&mut out, spans);
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
            Block::Table(table) => table_html(&mut out, table),
            Block::Image(image) => {
                let data = base64::engine::general_purpose::STANDARD.encode(&image.png);
                out.push_str(&format!(
                    "<figure><img src=\"data:image/png;base64,{data}\" width=\"{}\" height=\"{}\" alt=\"{}\">",
                    image.width_px,
                    image.height_px,
                    escape(&image.alt)
                ));
                if !image.caption.is_empty() {
                    out.push_str(&format!(
                        "<figcaption>{}</figcaption>",
                        escape(&image.caption)
                    ));
                }
                out.push_str("</figure>");
            }
        }
    }
    out.push_str(&format!(
        "</main><footer>{}</footer></body></html>\n",
        escape(&doc.footer)
    ));
    out
}

fn lines(text: &str) -> String {
    escape(text).replace('\n', "<br>")
}

fn spans_html(out: &mut String, spans: &[Span]) {
    for span in spans {
        let text = lines(&span.text);
        match (span.bold, span.italic) {
            (true, true) => out.push_str(&format!("<strong><em>{text}</em></strong>")),
            (true, false) => out.push_str(&format!("<strong>{text}</strong>")),
            (false, true) => out.push_str(&format!("<em>{text}</em>")),
            (false, false) => out.push_str(&text),
        }
    }
}

fn table_html(out: &mut String, table: &Table) {
    out.push_str("<table>");
    if !table.caption.is_empty() {
        out.push_str(&format!("<caption>{}</caption>", escape(&table.caption)));
    }
    out.push_str("<thead><tr>");
    for h in &table.header {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if table.numeric.get(i).copied().unwrap_or(false) {
                out.push_str(&format!("<td class=\"num\">{}</td>", lines(cell)));
            } else {
                out.push_str(&format!("<td>{}</td>", lines(cell)));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        let doc = Document {
            title: "<script>".to_owned(),
            footer: String::new(),
            author: String::new(),
            created: chrono::DateTime::UNIX_EPOCH,
            blocks: vec![
                Block::heading(2, "<b>kop</b>"),
                Block::Paragraph(vec![Span::bold("a\nb & c")]),
            ],
        };
        let html = render(&doc);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("<h3>&lt;b&gt;kop&lt;/b&gt;</h3>"), "{html}");
        assert!(html.contains("<strong>a<br>b &amp; c</strong>"), "{html}");
    }
}
