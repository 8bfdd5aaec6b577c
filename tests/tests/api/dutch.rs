//! Dutch that reads right. Every problem answer and every email the tests see is checked for
//! English words (`helpers::read`, `MailCatcher::messages`); this file makes sure that every
//! problem code the API's source can produce is among them.

use std::collections::BTreeSet;
use std::path::Path;

use api::domain::english::{english_words, visible_text};
use serde_json::Value;

/// Problem codes no request of a test can cause (a fault in the database, the platform or the
/// connection); `problem::tests` checks their texts.
const CAUSED_BY_FAULTS: &[&str] = &[
    "internal_error",
    "service_unavailable",
    "bad_request",
    "http_error",
];

/// Fails when a problem's texts hold English words.
pub fn assert_problem_is_dutch(problem: &Value) {
    let code = problem["code"].as_str().unwrap_or("?");
    let mut texts = vec![&problem["title"], &problem["detail"]];
    for list in ["invalidParams", "rejectedRows"] {
        if let Some(items) = problem[list].as_array() {
            texts.extend(items.iter().map(|i| &i["reason"]));
        }
    }
    for text in texts.into_iter().filter_map(Value::as_str) {
        let english = english_words(text);
        assert!(
            english.is_empty(),
            "problem {code} has English words {english:?}: {text}"
        );
    }
}

/// Fails when an email (as MailDev gives it) holds English words a reader sees.
pub fn assert_email_is_dutch(message: &Value) {
    let visible = visible_text(message["html"].as_str().unwrap_or_default());
    for text in [
        message["subject"].as_str().unwrap_or_default(),
        message["text"].as_str().unwrap_or_default(),
        &visible,
    ] {
        let english = english_words(text);
        assert!(
            english.is_empty(),
            "email '{}' has English words {english:?}: {text}",
            message["subject"]
        );
    }
}

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).expect("source"));
        }
    }
}

/// The `"snake_case"` literal after `marker` and an optional `StatusCode::X,` / `status,`.
fn codes_after(source: &str, marker: &str, found: &mut BTreeSet<String>) {
    for (i, _) in source.match_indices(marker) {
        let rest = source[i + marker.len()..].trim_start();
        let rest = match rest.find(',') {
            Some(comma) if !rest.starts_with('"') => rest[comma + 1..].trim_start(),
            _ => rest,
        };
        let Some(literal) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) else {
            continue;
        };
        if !literal.is_empty() && literal.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            found.insert(literal.to_owned());
        }
    }
}

#[test]
fn every_problem_code_of_the_api_is_met_by_a_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut api = Vec::new();
    rust_files(&root.join("api/src"), &mut api);
    let mut codes = BTreeSet::new();
    for source in &api {
        for marker in ["code: ", "ApiError::new(", "Problem::new(", "readable("] {
            codes_after(source, marker, &mut codes);
        }
    }
    assert!(
        codes.len() > 40 && codes.contains("not_found") && codes.contains("letter_locked"),
        "the scan found the codes: {codes:?}"
    );
    // A test meets a code when it asserts that an answer carries it; `helpers::read` has then
    // checked that answer's Dutch.
    let mut tests = Vec::new();
    rust_files(&root.join("tests/tests"), &mut tests);
    let tests: String = tests.concat().split_whitespace().collect();
    let unmet: Vec<&String> = codes
        .iter()
        .filter(|c| !CAUSED_BY_FAULTS.contains(&c.as_str()))
        .filter(|c| {
            !tests.contains(&format!("problem_code(),\"{c}\""))
                && !tests.contains(&format!("[\"code\"],\"{c}\""))
        })
        .collect();
    assert!(
        unmet.is_empty(),
        "no test asks for these problem codes, so nothing checks their Dutch: {unmet:?}"
    );
}
