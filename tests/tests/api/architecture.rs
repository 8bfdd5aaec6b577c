//! The layers, checked on the source: which code may name which. README's "Architecture" says
//! why. (Crate boundaries check the rest: the `api` crate cannot name the `worker`, and
//! `scripts/test` fails when the worker depends on actix-web, utoipa or Swagger UI.)

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file under `dir`, as (path relative to the repository, text).
fn sources(dir: &str) -> Vec<(String, String)> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path
                    .strip_prefix(base)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, std::fs::read_to_string(&path).expect("source")));
            }
        }
    }
    let root = root();
    let mut out = Vec::new();
    walk(&root.join(dir), &root, &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// The files under `dir` that contain any of `words`, with the first word found.
fn naming(dir: &str, words: &[&str]) -> Vec<String> {
    sources(dir)
        .into_iter()
        .filter_map(|(name, text)| {
            words
                .iter()
                .find(|w| text.contains(**w))
                .map(|w| format!("{name} ({w})"))
        })
        .collect()
}

#[test]
fn the_domain_depends_on_nothing_of_storage_http_or_documents() {
    let found = naming(
        "api/src/domain",
        &[
            "crate::repo",
            "crate::db",
            "crate::http",
            "crate::services",
            "diesel",
            "actix",
            "utoipa",
            "plotters",
            "sql_query",
        ],
    );
    assert!(found.is_empty(), "the domain reaches outside: {found:?}");
}

#[test]
fn sql_is_written_only_in_the_storage_layer() {
    let mut found = Vec::new();
    for dir in ["api/src", "worker/src"] {
        found.extend(
            naming(dir, &["sql_query(", "batch_execute(", "diesel::dsl::sql"])
                .into_iter()
                .filter(|f| !f.starts_with("api/src/repo/") && !f.starts_with("api/src/db/")),
        );
    }
    assert!(found.is_empty(), "SQL outside repo/ and db/: {found:?}");
}

#[test]
fn what_only_the_worker_runs_lives_in_the_worker() {
    // Email over SMTP, the letter's documents and charts are the worker's; the API only reads
    // what it stored.
    let found = naming(
        "api/src",
        &[
            "lettre",
            "plotters",
            "zip::",
            "crate::mail",
            "crate::document",
        ],
    );
    assert!(found.is_empty(), "worker code in the api crate: {found:?}");
}

/// HTTP sees the use cases' own view types and the domain's values, never the storage layer's
/// rows or filters: a change of a table stops at the service that reads it.
#[test]
fn http_names_no_repository() {
    let found = naming("api/src/http", &["crate::repo", "repo::", "super::repo"]);
    assert!(
        found.is_empty(),
        "HTTP code names repository rows or filters; let the service return a view type: {found:?}"
    );
}
