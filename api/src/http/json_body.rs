//! `Json<T>`: a JSON request body read into `T`, where a value that does not fit names its field
//! (`areas[1].target.value`) and says why in Dutch. Syntax, size and content type are checked by
//! actix's own extractor first (with `problem::json_error`).

use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::problem::readable;

/// A JSON body of type `T`.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let value = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(value) = value.await?;
            serde_path_to_error::deserialize(value)
                .map(Json)
                .map_err(|e| {
                    let path = e.path().to_string();
                    readable(
                        StatusCode::BAD_REQUEST,
                        "invalid_input",
                        "Ongeldige invoer",
                        Some(&path),
                        &e.into_inner().to_string(),
                    )
                    .into()
                })
        })
    }
}

/// A JSON body that may be left out: `None` when the request has no body at all (no
/// `Content-Length` or `Content-Length: 0`, and not chunked); any body there is must be valid JSON
/// of `T`, with the usual problem answers (415, 413, 400) when it is not.
#[derive(Debug)]
pub struct OptionalJson<T>(pub Option<T>);

impl<T: serde::de::DeserializeOwned + 'static> FromRequest for OptionalJson<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if has_no_body(req) {
            return Box::pin(async { Ok(OptionalJson(None)) });
        }
        let json = Json::<T>::from_request(req, payload);
        Box::pin(async move { Ok(OptionalJson(Some(json.await?.into_inner()))) })
    }
}

fn has_no_body(req: &HttpRequest) -> bool {
    let headers = req.headers();
    match headers.get(header::CONTENT_LENGTH) {
        Some(length) => {
            length
                .to_str()
                .ok()
                .and_then(|l| l.trim().parse::<u64>().ok())
                == Some(0)
        }
        None => !headers.contains_key(header::TRANSFER_ENCODING),
    }
}
