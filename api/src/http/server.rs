//! Builds the actix-web server: middleware, error handling, routes and the web UI.

use std::net::TcpListener;
use std::time::Instant;

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{DefaultHeaders, ErrorHandlers, Next, from_fn};
use actix_web::{App, Error, HttpServer, web};
use tracing_actix_web::{RequestId, TracingLogger};

use super::API_VERSION;
use super::problem;
use super::routes;
use super::state::AppState;
use super::telemetry_span::PlatformRootSpan;
use super::web_ui;

/// Largest JSON body accepted, in bytes.
pub const JSON_LIMIT: usize = 256 * 1024;

/// Starts serving on `listener`; the returned server runs when awaited or spawned.
pub fn run(listener: TcpListener, state: AppState) -> std::io::Result<Server> {
    web_ui::log_startup(&state.settings.web_ui_dir);
    let blocking = blocking_threads_per_worker(state.settings.db_pool_size);
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(
                web::JsonConfig::default()
                    .limit(JSON_LIMIT)
                    .error_handler(problem::json_error),
            )
            .app_data(web::PathConfig::default().error_handler(problem::path_error))
            .wrap(ErrorHandlers::new().default_handler(problem::ensure_problem_json))
            .wrap(from_fn(record_metrics))
            .wrap(
                DefaultHeaders::new()
                    .add(("API-Version", API_VERSION))
                    .add(("X-Content-Type-Options", "nosniff")),
            )
            .wrap(TracingLogger::<PlatformRootSpan>::new())
            .configure(routes::configure)
            // Everything no route takes: the web UI, or problem+json 404 under /api/.
            .default_service(web::to(web_ui::serve))
    })
    .workers(workers())
    .worker_max_blocking_threads(blocking)
    .listen(listener)?
    .run();
    Ok(server)
}

/// One worker (an event loop) per core.
fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Database work runs on blocking threads, each holding a pooled connection while it runs;
/// password hashing and file reads run there too. Each event loop gets as many as the pool has
/// connections: not the hundreds by default (requests wait for their turn before they take a
/// thread, see `AppState::turns`), yet enough that a burst of logins does not leave connections
/// unused.
fn blocking_threads_per_worker(pool_size: u32) -> usize {
    usize::try_from(pool_size).unwrap_or(1).max(1)
}

/// Records request metrics and returns the request id as `X-Request-Id`.
async fn record_metrics(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let start = Instant::now();
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    // Known methods only: a client must not be able to invent label values.
    let method = match req.method().as_str() {
        "GET" => "GET",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "HEAD" => "HEAD",
        "OPTIONS" => "OPTIONS",
        _ => "OTHER",
    };
    let request_id = req.extensions().get::<RequestId>().map(ToString::to_string);
    let mut res = next.call(req).await?;
    if let Some(metrics) = metrics {
        let route = res
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned());
        metrics.observe(
            method,
            &route,
            res.status().as_u16(),
            start.elapsed().as_secs_f64(),
        );
    }
    // The id in the logs, so that a user's report can be found there.
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), id);
    }
    Ok(res)
}
