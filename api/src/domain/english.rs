//! A guard for the Dutch of every text a user reads (problem details, emails, pages): the common
//! English words that betray an untranslated message. The tests run it over every problem and
//! every email they see; nothing in a request's path calls it.

/// English words that no Dutch sentence of ours uses. Words that are also Dutch ("is", "of",
/// "in", "status", "type", "database", "variant", "integer", "bad") or that name a field or a value of the API ("value",
/// "from", "line", "review") are left out, so that a Dutch text naming them does not trip it.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "or",
    "to",
    "with",
    "your",
    "you",
    "this",
    "that",
    "not",
    "one",
    "expected",
    "invalid",
    "unknown",
    "missing",
    "error",
    "failed",
    "found",
    "must",
    "should",
    "please",
    "string",
    "floating",
    "boolean",
    "sequence",
    "struct",
    "column",
    "request",
    "payload",
    "deserialize",
    "parse",
    "parsing",
    "internal",
    "occurred",
    "allowed",
    "required",
    "cannot",
    "does",
    "unauthorized",
    "forbidden",
    "click",
    "here",
];

/// The English words in `text`, leaving out what it quotes ('…', "…", `…`: a user's own input
/// echoed back), addresses and paths, and identifiers (`review_item`).
pub fn english_words(text: &str) -> Vec<&'static str> {
    let mut plain = String::with_capacity(text.len());
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // An apostrophe inside a word ("auto's") is not a quote.
            None if c == '\'' && text[..i].chars().last().is_some_and(char::is_alphanumeric) => {
                plain.push(' ')
            }
            // A quote that is never closed quotes nothing: the rest is checked.
            None if matches!(c, '\'' | '"' | '`') && text[i + 1..].contains(c) => quote = Some(c),
            None => plain.push(c),
        }
    }
    let mut found: Vec<&'static str> = plain
        .split_whitespace()
        .filter(|w| !w.contains('/') && !w.starts_with("www."))
        .flat_map(|w| w.split(|c: char| !c.is_alphabetic() && c != '_'))
        .filter_map(|w| {
            let lower = w.to_lowercase();
            ENGLISH.iter().copied().find(|e| *e == lower)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The text of an HTML page or email as a reader sees it: without its tags and attributes.
pub fn visible_text(html: &str) -> String {
    let mut visible = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                visible.push(' ');
            }
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    visible
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_english_fragments_and_leaves_dutch_alone() {
        assert_eq!(
            english_words("is onbekend; bekend zijn one of 'municipalityId'"),
            ["one"]
        );
        assert_eq!(
            english_words("invalid type: string \"veel\", expected f64"),
            ["expected", "invalid", "string"]
        );
        assert!(english_words("Wilt u geen het overzicht meer ontvangen?").is_empty());
        assert!(
            english_words(
                "Ongeldige invoer 'areas[1].value': moet een getal zijn, niet de tekst \"the end\""
            )
            .is_empty()
        );
        assert!(english_words("Open https://example.org/unsubscribe/abc voor auto's").is_empty());
        assert!(english_words("Niet gevonden (HTTP 404)").is_empty());
        assert_eq!(english_words("een 'open quote, then the rest"), ["the"]);
        assert_eq!(
            english_words(&visible_text(
                "<p style=\"font-family:Arial\">Click <a href=\"/x\">here</a></p>"
            )),
            ["click", "here"]
        );
        assert!(english_words("Het pad /api/v1/does-not-exist bestaat niet").is_empty());
        assert!(english_words("kies uit plan, expert_group, one_of").is_empty());
    }
}
