//! `Query<T>`: the query string read into `T`, where a value that does not fit names its
//! parameter (`pageSize`) and says why in Dutch, as `json_body::Json` does for bodies.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};
use serde::de::DeserializeOwned;

use super::problem::{ApiError, readable};

/// The query parameters, as `T`.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let pairs = form_urlencoded::parse(req.query_string().as_bytes());
        let parsed = serde_path_to_error::deserialize(serde_urlencoded::Deserializer::new(pairs));
        ready(parsed.map(Query).map_err(|e| {
            let path = e.path().to_string();
            readable(
                StatusCode::BAD_REQUEST,
                "invalid_query_parameter",
                "Ongeldige queryparameter",
                Some(&path),
                &e.into_inner().to_string(),
            )
        }))
    }
}
