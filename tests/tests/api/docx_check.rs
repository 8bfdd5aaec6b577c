//! Reading a Word file back in the tests: its text and tables, a structural check of the
//! package (what Word relies on to open a file without a repair prompt), and its page count
//! after LibreOffice turned it into a PDF (installed by `scripts/test`).

use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read};
use std::path::PathBuf;
use std::process::Command;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

pub struct Docx {
    parts: BTreeMap<String, Vec<u8>>,
}

/// A paragraph: its style and its text (line breaks as `\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub style: Option<String>,
    pub text: String,
}

fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        match (d.tag_name().namespace(), d.tag_name().name()) {
            (Some(W), "t") => s.push_str(d.text().unwrap_or("")),
            (Some(W), "br") => s.push('\n'),
            (Some(W), "tab") => s.push('\t'),
            _ => {}
        }
    }
    s
}

impl Docx {
    pub fn read(bytes: &[u8]) -> Self {
        let mut archive =
            zip::ZipArchive::new(Cursor::new(bytes)).expect("the file is a ZIP package");
        let mut parts = BTreeMap::new();
        for i in 0..archive.len() {
            let mut f = archive.by_index(i).expect("entry");
            if f.is_dir() {
                continue;
            }
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).expect("read entry");
            parts.insert(f.name().to_owned(), buf);
        }
        Docx { parts }
    }

    pub fn xml(&self, name: &str) -> String {
        String::from_utf8(
            self.parts
                .get(name)
                .unwrap_or_else(|| panic!("part {name} is missing"))
                .clone(),
        )
        .expect("XML is UTF-8")
    }

    pub fn paragraphs(&self) -> Vec<Para> {
        let xml = self.xml("word/document.xml");
        let doc = roxmltree::Document::parse(&xml).expect("document.xml parses");
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .map(|p| Para {
                style: p
                    .descendants()
                    .find(|n| n.has_tag_name((W, "pStyle")))
                    .and_then(|n| n.attribute((W, "val")))
                    .map(str::to_owned),
                text: text_of(p),
            })
            .collect()
    }

    /// Every table as rows of cell texts.
    pub fn tables(&self) -> Vec<Vec<Vec<String>>> {
        let xml = self.xml("word/document.xml");
        let doc = roxmltree::Document::parse(&xml).expect("document.xml parses");
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "tbl")))
            .map(|t| {
                t.children()
                    .filter(|r| r.has_tag_name((W, "tr")))
                    .map(|r| {
                        r.children()
                            .filter(|c| c.has_tag_name((W, "tc")))
                            .map(text_of)
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }

    /// The text of the whole body.
    pub fn text(&self) -> String {
        self.paragraphs()
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn headings(&self, level: u8) -> Vec<String> {
        let style = format!("Heading{level}");
        self.paragraphs()
            .into_iter()
            .filter(|p| p.style.as_deref() == Some(style.as_str()))
            .map(|p| p.text)
            .collect()
    }

    /// The alternative texts of the pictures.
    pub fn picture_descriptions(&self) -> Vec<String> {
        let xml = self.xml("word/document.xml");
        let doc = roxmltree::Document::parse(&xml).expect("parses");
        doc.descendants()
            .filter(|n| n.has_tag_name((WP, "docPr")))
            .map(|n| n.attribute("descr").unwrap_or("").to_owned())
            .collect()
    }

    /// Panics with what is wrong when the package breaks a rule Word relies on.
    pub fn check_structure(&self) {
        // Every XML part is well-formed.
        for (name, bytes) in &self.parts {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let s =
                    std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{name} is not UTF-8"));
                roxmltree::Document::parse(s)
                    .unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
            }
        }
        // Every part has a content type.
        let types = self.xml("[Content_Types].xml");
        let types = roxmltree::Document::parse(&types).expect("parses");
        let defaults: HashSet<String> = types
            .descendants()
            .filter(|n| n.tag_name().name() == "Default")
            .filter_map(|n| n.attribute("Extension").map(str::to_ascii_lowercase))
            .collect();
        let overrides: HashSet<String> = types
            .descendants()
            .filter(|n| n.tag_name().name() == "Override")
            .filter_map(|n| n.attribute("PartName").map(str::to_owned))
            .collect();
        for name in self.parts.keys().filter(|n| *n != "[Content_Types].xml") {
            let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
            assert!(
                overrides.contains(&format!("/{name}")) || defaults.contains(&ext),
                "part {name} has no content type"
            );
        }
        for o in &overrides {
            assert!(
                self.parts.contains_key(&o[1..]),
                "content type for missing part {o}"
            );
        }
        // Every relationship points at a part that exists.
        let mut image_rels: HashSet<String> = HashSet::new();
        for (name, bytes) in &self.parts {
            if !name.ends_with(".rels") {
                continue;
            }
            let base = name
                .trim_end_matches(".rels")
                .replace("_rels/", "")
                .rsplit_once('/')
                .map(|(dir, _)| format!("{dir}/"))
                .unwrap_or_default();
            let s = std::str::from_utf8(bytes).expect("utf-8");
            let rels = roxmltree::Document::parse(s).expect("parses");
            for rel in rels
                .descendants()
                .filter(|n| n.tag_name().name() == "Relationship")
            {
                if rel.attribute("TargetMode") == Some("External") {
                    continue;
                }
                let target = rel.attribute("Target").expect("Target");
                let path = if let Some(abs) = target.strip_prefix('/') {
                    abs.to_owned()
                } else {
                    format!("{base}{target}")
                };
                assert!(
                    self.parts.contains_key(&path),
                    "{name}: relationship to missing {path}"
                );
                if name == "word/_rels/document.xml.rels"
                    && rel.attribute("Type").is_some_and(|t| t.ends_with("/image"))
                {
                    image_rels.insert(rel.attribute("Id").expect("Id").to_owned());
                }
            }
        }
        let package = self.xml("_rels/.rels");
        assert!(
            package.contains("relationships/officeDocument\" Target=\"word/document.xml\""),
            "the package names its main document"
        );
        // Styles used are styles defined; headings are Word's own, with outline levels.
        let styles = self.xml("word/styles.xml");
        let styles = roxmltree::Document::parse(&styles).expect("parses");
        let defined: HashSet<&str> = styles
            .descendants()
            .filter(|n| n.has_tag_name((W, "style")))
            .filter_map(|n| n.attribute((W, "styleId")))
            .collect();
        for level in 1..=4 {
            let style = styles
                .descendants()
                .find(|n| {
                    n.has_tag_name((W, "style"))
                        && n.attribute((W, "styleId")) == Some(&format!("Heading{level}"))
                })
                .unwrap_or_else(|| panic!("Heading{level} is defined"));
            let name = style
                .children()
                .find(|n| n.has_tag_name((W, "name")))
                .and_then(|n| n.attribute((W, "val")));
            assert_eq!(
                name,
                Some(format!("heading {level}").as_str()),
                "Word's built-in heading name"
            );
            let outline = style
                .descendants()
                .find(|n| n.has_tag_name((W, "outlineLvl")))
                .and_then(|n| n.attribute((W, "val")));
            assert_eq!(
                outline,
                Some((level - 1).to_string().as_str()),
                "outline level of Heading{level}"
            );
        }
        let document = self.xml("word/document.xml");
        let doc = roxmltree::Document::parse(&document).expect("parses");
        for n in doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "pStyle")) || n.has_tag_name((W, "tblStyle")))
        {
            let v = n.attribute((W, "val")).expect("val");
            assert!(defined.contains(v), "style {v} is used but not defined");
        }
        // Pictures: unique drawing ids, alternative text, an image relationship.
        let mut ids = HashSet::new();
        for d in doc.descendants().filter(|n| n.has_tag_name((WP, "docPr"))) {
            let id = d.attribute("id").expect("docPr id");
            assert!(ids.insert(id.to_owned()), "drawing id {id} used twice");
            assert!(
                d.attribute("descr").is_some_and(|s| !s.trim().is_empty()),
                "picture {id} has no alternative text"
            );
        }
        for b in doc.descendants().filter(|n| n.has_tag_name((A, "blip"))) {
            let embed = b.attribute((R, "embed")).expect("r:embed");
            assert!(
                image_rels.contains(embed),
                "picture refers to unknown {embed}"
            );
        }
        // The body ends with the section, whose footer numbers the pages.
        let body = doc
            .descendants()
            .find(|n| n.has_tag_name((W, "body")))
            .expect("body");
        let last = body
            .children()
            .rev()
            .find(|n| n.is_element())
            .expect("content");
        assert!(
            last.has_tag_name((W, "sectPr")),
            "the body ends with its section properties"
        );
        let footer = self.xml("word/footer1.xml");
        assert!(
            footer.contains(" PAGE "),
            "the footer has a page number field"
        );
        // Bullets refer to a numbering that exists.
        let numbering = self.xml("word/numbering.xml");
        for n in doc.descendants().filter(|n| n.has_tag_name((W, "numId"))) {
            let v = n.attribute((W, "val")).expect("val");
            assert!(
                numbering.contains(&format!("w:numId=\"{v}\"")),
                "numbering {v} is defined"
            );
        }
    }
}

fn tool(env: &str, name: &str) -> PathBuf {
    std::env::var_os(env)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(name))
}

/// Converts the Word file to PDF with LibreOffice headless and counts its pages (pdfinfo).
/// Panics when LibreOffice refuses the file.
pub fn pdf_pages(docx: &[u8]) -> u32 {
    let dir = std::env::temp_dir().join(format!("letter-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("brief.docx");
    std::fs::write(&input, docx).expect("write docx");
    // Its own profile: LibreOffice instances sharing one refuse to run side by side.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let out = Command::new(tool("SOFFICE_BIN", "soffice"))
        .args([
            profile.as_str(),
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&input)
        .output()
        .expect("LibreOffice (soffice) runs; scripts/test installs it");
    let pdf = dir.join("brief.pdf");
    assert!(
        pdf.exists(),
        "LibreOffice did not convert the letter: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let info = Command::new(tool("PDFINFO_BIN", "pdfinfo"))
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils) runs; scripts/test installs it");
    let text = String::from_utf8_lossy(&info.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gave no page count: {text}"))
}
