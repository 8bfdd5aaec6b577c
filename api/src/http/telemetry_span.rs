//! The root span of every request: request id (from tracing-actix-web) plus tenant and user,
//! recorded by the extractors once known.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage, HttpRequest};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RootSpan, RootSpanBuilder};

#[derive(Debug, Clone, Copy)]
pub struct PlatformRootSpan;

impl RootSpanBuilder for PlatformRootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        tracing_actix_web::root_span!(
            request,
            tenant = tracing::field::Empty,
            user_id = tracing::field::Empty
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        // One line per request, carrying the root span's request id, tenant and user.
        let status = match outcome {
            Ok(res) => res.status().as_u16(),
            Err(e) => e.as_response_error().status_code().as_u16(),
        };
        span.in_scope(|| {
            if status >= 500 {
                tracing::error!(status, "request finished");
            } else {
                tracing::info!(status, "request finished");
            }
        });
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Records `field = value` on the request's root span, when there is one.
pub fn record(req: &HttpRequest, field: &str, value: &str) {
    if let Some(span) = req.extensions().get::<RootSpan>() {
        span.record(field, value);
    }
}
