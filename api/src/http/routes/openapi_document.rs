use actix_web::HttpResponse;

use crate::http::openapi::document_json;

/// `GET /api/v1/openapi.json`: the OpenAPI document of this API.
pub async fn openapi_document() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document_json())
}
