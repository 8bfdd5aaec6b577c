//! `api serve` serves the built web UI: files, `index.html` for every page, nothing else.

use std::path::PathBuf;

use uuid::Uuid;

use crate::helpers::{AppOptions, Response, TestApp, spawn_app_with};

const INDEX: &str = "<!DOCTYPE html><html lang=\"nl\"><head><title>Veiligheidsplatform</title>\
    <script type=\"module\" src=\"/assets/app-abc123.js\"></script></head>\
    <body><div id=\"root\"></div></body></html>";
const SCRIPT: &str = "console.log('veiligheidsplatform');";
const SECRET: &str = "[package] # SECRET-OUTSIDE-THE-WEB-UI";
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
    frame-ancestors 'none'";

/// A scratch folder: `dist/` is the web UI, `Cargo.toml` beside it is what must never come out.
struct Scratch(PathBuf);

impl Scratch {
    fn new(built: bool) -> Self {
        let base = std::env::temp_dir().join(format!("web-ui-test-{}", Uuid::new_v4()));
        let dist = base.join("dist");
        std::fs::create_dir_all(dist.join("assets")).expect("dirs");
        if built {
            std::fs::write(dist.join("index.html"), INDEX).expect("index");
        }
        std::fs::write(dist.join("assets/app-abc123.js"), SCRIPT).expect("js");
        std::fs::write(dist.join("assets/app-abc123.css"), "body{margin:0}").expect("css");
        std::fs::write(dist.join("favicon.svg"), "<svg/>").expect("svg");
        std::fs::write(base.join("Cargo.toml"), SECRET).expect("secret");
        #[cfg(unix)]
        std::os::unix::fs::symlink(base.join("Cargo.toml"), dist.join("geheim.toml"))
            .expect("symlink");
        Scratch(base)
    }

    async fn app(&self) -> TestApp {
        spawn_app_with(AppOptions {
            web_ui_dir: self.0.join("dist"),
            ..AppOptions::default()
        })
        .await
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn assert_security_headers(res: &Response, what: &str) {
    assert_eq!(res.header("Content-Security-Policy"), Some(CSP), "{what}");
    assert_eq!(res.header("X-Frame-Options"), Some("DENY"), "{what}");
    assert_eq!(
        res.header("X-Content-Type-Options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(res.header("Referrer-Policy"), Some("same-origin"), "{what}");
}

#[actix_rt::test]
async fn pages_get_index_html_and_files_are_served_as_they_are() {
    let scratch = Scratch::new(true);
    let app = scratch.app().await;

    for page in [
        "/",
        "/samenwerkingsverbanden/veluwe-west/toezeggingen/123",
        "/instellingen/meldingen",
        "/inloggen?terug=%2F",
        "/index.html",
    ] {
        let res = app.request("GET", page, None, None).await;
        assert_eq!(res.status.as_u16(), 200, "{page}: {}", res.text);
        assert_eq!(res.text, INDEX, "{page}");
        assert_eq!(res.content_type, "text/html; charset=utf-8", "{page}");
        assert_eq!(res.header("Cache-Control"), Some("no-cache"), "{page}");
        assert_security_headers(&res, page);
    }
    let res = app.request("HEAD", "/toezeggingen", None, None).await;
    assert_eq!(res.status.as_u16(), 200);
    assert_eq!(res.content_type, "text/html; charset=utf-8");
    assert!(res.bytes.is_empty());

    let res = app
        .request("GET", "/assets/app-abc123.js", None, None)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    assert_eq!(res.text, SCRIPT);
    assert!(
        res.content_type.starts_with("text/javascript"),
        "{}",
        res.content_type
    );
    assert_eq!(
        res.header("Cache-Control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_security_headers(&res, "script");
    let res = app
        .request("GET", "/assets/app-abc123.css", None, None)
        .await;
    assert!(
        res.content_type.starts_with("text/css"),
        "{}",
        res.content_type
    );
    let res = app.request("GET", "/favicon.svg", None, None).await;
    assert_eq!(res.content_type, "image/svg+xml");
    assert_eq!(res.header("Cache-Control"), Some("no-cache"));

    // A missing hashed asset must not come back as HTML.
    let res = app
        .request("GET", "/assets/app-old999.js", None, None)
        .await;
    assert_eq!(res.status.as_u16(), 404, "{}", res.text);
    assert!(!res.text.contains("<html"), "{}", res.text);
    assert_security_headers(&res, "missing asset");

    // The API keeps its own answers.
    for path in ["/api/v1/nope", "/api", "/api/v2/tenants"] {
        let res = app.request("GET", path, None, None).await;
        assert_eq!(res.status.as_u16(), 404, "{path}");
        assert_eq!(res.problem_code(), "not_found", "{path}");
    }
    let res = app.request("GET", "/healthz", None, None).await;
    assert_eq!(res.status.as_u16(), 200);
    let res = app.request("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(res.body["openapi"], "3.1.0");
    let res = app.request("GET", "/api/docs/", None, None).await;
    assert!(res.text.contains("swagger"), "{}", res.text);

    // Pages are only read.
    let res = app
        .request("POST", "/instellingen/meldingen", None, None)
        .await;
    assert_eq!(res.status.as_u16(), 405, "{}", res.text);
    assert_eq!(res.problem_code(), "method_not_allowed");
}

#[actix_rt::test]
async fn nothing_outside_the_web_ui_folder_comes_out() {
    let scratch = Scratch::new(true);
    let app = scratch.app().await;
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/Cargo.toml",
        "/%2e%2e%2fCargo.toml",
        "/..%2FCargo.toml",
        "/assets/../../Cargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/./../Cargo.toml",
        "/..%5cCargo.toml",
        "/geheim.toml",
        "/assets/../geheim.toml",
    ] {
        let (status, answer) = app.raw_get(target).await;
        assert!(!answer.contains("SECRET-OUTSIDE"), "{target}: {answer}");
        assert!(status == 404 || status == 200, "{target}: {answer}");
    }
    // The symbolic link pointing out of the folder is just an unknown page.
    let res = app.request("GET", "/geheim.toml", None, None).await;
    assert_eq!(res.text, INDEX);
}

#[actix_rt::test]
async fn without_a_build_pages_answer_503_with_a_dutch_explanation() {
    let scratch = Scratch::new(false);
    let app = scratch.app().await;
    for page in ["/", "/instellingen/meldingen"] {
        let res = app.request("GET", page, None, None).await;
        assert_eq!(res.status.as_u16(), 503, "{page}: {}", res.text);
        assert_eq!(res.content_type, "text/html; charset=utf-8");
        assert!(res.text.contains("lang=\"nl\""), "{}", res.text);
        assert!(res.text.contains("nog niet gebouwd"), "{}", res.text);
        assert!(
            res.text
                .contains("cd web-ui &amp;&amp; npm ci &amp;&amp; npm run build"),
            "{}",
            res.text
        );
        assert_security_headers(&res, page);
    }
    // Files that are there are still served; missing assets and the API stay 404.
    let res = app
        .request("GET", "/assets/app-abc123.js", None, None)
        .await;
    assert_eq!(res.status.as_u16(), 200);
    let res = app
        .request("GET", "/assets/app-old999.js", None, None)
        .await;
    assert_eq!(res.status.as_u16(), 404);
    let res = app.request("GET", "/api/v1/nope", None, None).await;
    assert_eq!(res.problem_code(), "not_found");

    // No folder at all (the default of the other tests): the same page.
    let app = spawn_app_with(AppOptions::default()).await;
    let res = app.request("GET", "/", None, None).await;
    assert_eq!(res.status.as_u16(), 503);
    assert!(res.text.contains("npm run build"), "{}", res.text);
}
