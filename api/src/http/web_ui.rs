//! Serves the built web UI (`WEB_UI_DIR`, Vite's output) at `/`, the default service of the app.
//!
//! A GET or HEAD of a path outside `/api/` answers the file it names when there is one inside the
//! directory, and otherwise `index.html`, so that every route of the single-page app (the deep
//! links in the emails too) opens a real page. Files under `/assets/` carry a content hash in their
//! name and are cached for good; a missing one is 404, never `index.html`. Everything else must be
//! revalidated (`no-cache`). Paths under `/api/` keep their problem+json 404.
//!
//! Only regular files inside the directory are served: dot segments (also percent-encoded) are
//! refused, and the path is resolved (symbolic links included) and must stay under the resolved
//! directory. Without `index.html` pages answer 503 with a Dutch page that says how to build it.

use std::io;
use std::path::{Path, PathBuf};

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};

use super::problem::{self, ApiError, KeepBody, Problem};
use super::state::AppState;
use crate::services::ServiceError;

/// The policy of every page and file of the web UI: nothing from elsewhere, no inline code, no
/// framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
    object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// How to build the web UI, as the 503 page and the startup warning say.
pub const BUILD_COMMAND: &str = "cd web-ui && npm ci && npm run build";

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

const NOT_BUILT_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">\
    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
    <title>Webinterface niet gebouwd - Veiligheidsplatform</title></head>\n<body>\
    <h1>De webinterface is nog niet gebouwd</h1>\
    <p>De server draait en de API werkt (zie <a href=\"/api/docs/\">de API-documentatie</a>), \
    maar de bestanden van de webinterface ontbreken.</p>\
    <p>Bouw de webinterface in de map van het project met:</p>\
    <pre><code>cd web-ui &amp;&amp; npm ci &amp;&amp; npm run build</code></pre>\
    <p>en laad deze pagina daarna opnieuw. De server zoekt de bestanden in de map die \
    <code>WEB_UI_DIR</code> aangeeft (standaard <code>web-ui/dist</code>).</p>\
    </body></html>\n";

/// What a path of the web UI comes to.
#[derive(Debug)]
enum Answer {
    File {
        body: Vec<u8>,
        content_type: &'static str,
        immutable: bool,
    },
    Index(Vec<u8>),
    NotBuilt,
    NotFound,
}

/// Default service: the web UI for pages, problem+json 404 for unknown API paths.
pub async fn serve(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let Some(path) = decoded_path(req.path()) else {
        return secured(not_found(&req));
    };
    if is_api(&path) {
        return problem::route_not_found(req).await;
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        let mut res = problem::method_not_allowed(req).await;
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return secured(res);
    }
    let dir = state.settings.web_ui_dir.clone();
    let answer = match web::block(move || find(&dir, &path)).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(e)) => return failed(format!("reading the web UI failed: {e}")),
        Err(e) => return failed(format!("blocking task failed: {e}")),
    };
    secured(match answer {
        Answer::File {
            body,
            content_type,
            immutable,
        } => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, content_type))
            .insert_header((
                header::CACHE_CONTROL,
                if immutable { IMMUTABLE } else { REVALIDATE },
            ))
            .body(body),
        Answer::Index(body) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((header::CACHE_CONTROL, REVALIDATE))
            .body(body),
        Answer::NotBuilt => {
            let mut res = HttpResponse::ServiceUnavailable()
                .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body(NOT_BUILT_PAGE);
            // The page is the answer, not to be turned into problem+json.
            res.extensions_mut().insert(KeepBody);
            res
        }
        Answer::NotFound => not_found(&req),
    })
}

/// Says at startup whether the web UI is there.
pub fn log_startup(dir: &Path) {
    if dir.join("index.html").is_file() {
        tracing::info!(dir = %dir.display(), "serving the web UI");
    } else {
        tracing::warn!(
            dir = %dir.display(),
            "the web UI is not built (no index.html in WEB_UI_DIR): its pages answer 503 until \
             `{BUILD_COMMAND}` has run"
        );
    }
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// The percent-decoded path; `None` when it is not UTF-8.
fn decoded_path(raw: &str) -> Option<String> {
    percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()
        .map(|p| p.into_owned())
}

/// Looks `path` up in `dir` (blocking file system work).
fn find(dir: &Path, path: &str) -> io::Result<Answer> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .iter()
        .any(|s| *s == "." || *s == ".." || s.contains(['\\', '\0']))
    {
        return Ok(Answer::NotFound);
    }
    let in_assets = path.starts_with("/assets/");
    let root = match dir.canonicalize() {
        Ok(root) => root,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(if in_assets {
                Answer::NotFound
            } else {
                Answer::NotBuilt
            });
        }
        Err(e) => return Err(e),
    };
    // Hidden files (a build's `.vite/` folder, a stray `.env`) are never served.
    if !segments.is_empty() && !segments.iter().any(|s| s.starts_with('.')) {
        let requested = segments.iter().fold(root.clone(), |p, s| p.join(s));
        if let Some(file) = regular_file_inside(&root, &requested) {
            return Ok(Answer::File {
                body: std::fs::read(file)?,
                content_type: content_type(&requested),
                immutable: in_assets,
            });
        }
    }
    if in_assets {
        return Ok(Answer::NotFound);
    }
    match std::fs::read(root.join("index.html")) {
        Ok(body) => Ok(Answer::Index(body)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Answer::NotBuilt),
        Err(e) => Err(e),
    }
}

/// `requested` resolved (symbolic links too), when that is a regular file under `root`.
fn regular_file_inside(root: &Path, requested: &Path) -> Option<PathBuf> {
    let real = requested.canonicalize().ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

/// The content type by file extension.
fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn not_found(req: &HttpRequest) -> HttpResponse {
    Problem::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("Het pad {} bestaat niet", req.path()),
    )
    .response()
}

fn failed(cause: String) -> HttpResponse {
    secured(HttpResponse::from_error(ApiError::from(
        ServiceError::Internal(cause),
    )))
}

/// The security headers of every answer of the web UI.
fn secured(mut res: HttpResponse) -> HttpResponse {
    let headers = res.headers_mut();
    for (name, value) in [
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-frame-options", "DENY"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
    ] {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch directory with a built UI in `dist/` and a secret beside it.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new() -> Self {
            let base = std::env::temp_dir().join(format!("web-ui-unit-{}", uuid::Uuid::new_v4()));
            std::fs::create_dir_all(base.join("dist/assets")).expect("dirs");
            std::fs::write(base.join("dist/index.html"), "<html>index</html>").expect("index");
            std::fs::write(base.join("dist/assets/app-abc123.js"), "console.log(1)").expect("js");
            std::fs::write(base.join("dist/.env"), "SECRET=1").expect("env");
            std::fs::write(base.join("secret.txt"), "secret").expect("secret");
            Scratch(base)
        }
        fn dist(&self) -> PathBuf {
            self.0.join("dist")
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn body(answer: Answer) -> String {
        match answer {
            Answer::File { body, .. } | Answer::Index(body) => {
                String::from_utf8(body).expect("utf-8")
            }
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn files_pages_and_missing_assets() {
        let s = Scratch::new();
        let answer = find(&s.dist(), "/assets/app-abc123.js").expect("find");
        assert!(matches!(
            &answer,
            Answer::File { content_type, immutable: true, .. } if content_type.starts_with("text/javascript")
        ));
        assert_eq!(body(answer), "console.log(1)");
        for page in [
            "/",
            "/samenwerkingsverbanden/veluwe-west",
            "/inloggen",
            "/.env",
        ] {
            assert_eq!(
                body(find(&s.dist(), page).expect("find")),
                "<html>index</html>",
                "{page}"
            );
        }
        let answer = find(&s.dist(), "/index.html").expect("find");
        assert!(matches!(
            answer,
            Answer::File {
                immutable: false,
                ..
            }
        ));
        assert!(matches!(
            find(&s.dist(), "/assets/app-gone.js").expect("find"),
            Answer::NotFound
        ));
        assert!(matches!(
            find(&s.dist(), "/assets/").expect("find"),
            Answer::NotFound
        ));
    }

    #[test]
    fn nothing_outside_the_directory_is_served() {
        let s = Scratch::new();
        #[cfg(unix)]
        std::os::unix::fs::symlink(s.0.join("secret.txt"), s.dist().join("link.txt"))
            .expect("symlink");
        for raw in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/assets/../../secret.txt",
            "/assets/%2e%2e/%2e%2e/secret.txt",
            "/./../secret.txt",
            "/..%5csecret.txt",
            "/link.txt",
        ] {
            let path = decoded_path(raw).expect("utf-8");
            let answer = find(&s.dist(), &path).expect("find");
            assert!(!body(answer).contains("secret"), "{raw}");
        }
    }

    #[test]
    fn without_index_html_pages_are_not_built() {
        let s = Scratch::new();
        std::fs::remove_file(s.dist().join("index.html")).expect("rm");
        assert!(matches!(
            find(&s.dist(), "/toezeggingen").expect("find"),
            Answer::NotBuilt
        ));
        let missing = s.0.join("nowhere");
        assert!(matches!(
            find(&missing, "/").expect("find"),
            Answer::NotBuilt
        ));
        assert!(matches!(
            find(&missing, "/assets/app.js").expect("find"),
            Answer::NotFound
        ));
    }

    #[test]
    fn api_paths_and_content_types() {
        assert!(is_api("/api") && is_api("/api/v1/nope"));
        assert!(!is_api("/apibeheer") && !is_api("/"));
        for (name, ct) in [
            ("a.mjs", "text/javascript; charset=utf-8"),
            ("a.CSS", "text/css; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.ico", "image/x-icon"),
            ("a.woff2", "font/woff2"),
            ("a.woff", "font/woff"),
            ("a.js.map", "application/json"),
            ("site.webmanifest", "application/manifest+json"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("a.png", "image/png"),
            ("a.json", "application/json"),
            ("noext", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), ct, "{name}");
        }
    }
}
