//! The HTTP edge: routes, extractors, problem+json errors, metrics. Handlers parse, authorise via
//! the services and map errors; rules live in `services` and `authz`.

pub mod csv_body;
pub mod dto;
pub mod etag;
pub mod extractors;
pub mod json_body;
pub mod metrics;
pub mod openapi;
pub mod parse_errors;
pub mod problem;
pub mod query;
pub mod routes;
pub mod server;
pub mod session_cookie;
pub mod startup;
pub mod state;
pub mod telemetry_span;
pub mod web_ui;

pub use server::run;
pub use state::AppState;

/// The version reported in the `API-Version` header of every response.
pub const API_VERSION: &str = "1.0.0";
