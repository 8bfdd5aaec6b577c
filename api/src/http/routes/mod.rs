//! Routes, one handler per file.

pub mod actions;
pub mod audit_events;
pub mod auth;
pub mod commitment_exports;
pub mod commitment_imports;
pub mod commitments;
pub mod districts;
pub mod expert_groups;
pub mod health;
pub mod indicators;
pub mod me;
pub mod measurement_exports;
pub mod measurement_imports;
pub mod measurements;
pub mod municipalities;
pub mod notifications;
pub mod openapi_document;
pub mod plans;
pub mod priorities;
pub mod reviews;
pub mod safety_letter_schedule;
pub mod safety_letters;
pub mod tenants;
pub mod unsubscribe;
pub mod users;

use actix_web::http::Method;
use actix_web::{HttpResponse, Resource, Route, web};
use utoipa::openapi::path::HttpMethod;

use super::problem::method_not_allowed;

/// A resource whose unsupported methods answer 405 problem+json.
fn resource(path: &str) -> Resource {
    web::resource(path).default_service(web::to(method_not_allowed))
}

/// Declares every endpoint of `/api/v1` once: `group::handler` names the handler
/// `routes::group::handler::handler`, whose `#[utoipa::path]` holds its method and path. The
/// router (`configure`) and the OpenAPI document (`Endpoints`) are both made from this list, in
/// its order, so neither can have an endpoint the other lacks.
macro_rules! endpoints {
    ($($group:ident :: $handler:ident),* $(,)?) => {
        pastey::paste! {
            /// The OpenAPI paths of every endpoint, merged into the document by `openapi`.
            #[derive(Debug, utoipa::OpenApi)]
            #[openapi(paths($($group::$handler::$handler),*))]
            pub struct Endpoints;

            /// Every endpoint as (path, method, route), in the list's order.
            pub fn endpoints() -> Vec<(String, Method, Route)> {
                let mut all = Vec::new();
                $(
                    for method in <$group::$handler::[<__path_ $handler>] as utoipa::Path>::methods() {
                        let method = http_method(&method);
                        all.push((
                            <$group::$handler::[<__path_ $handler>] as utoipa::Path>::path(),
                            method.clone(),
                            web::method(method).to($group::$handler::$handler),
                        ));
                    }
                )*
                all
            }
        }
    };
}

endpoints![
    auth::login,
    auth::refresh,
    auth::logout,
    me::get_me,
    tenants::list_tenants,
    tenants::create_tenant,
    tenants::get_tenant,
    tenants::update_tenant,
    users::list_users,
    users::create_user,
    users::get_user,
    users::update_user,
    users::remove_user,
    municipalities::list_municipalities,
    municipalities::create_municipality,
    municipalities::get_municipality,
    municipalities::update_municipality,
    districts::list_districts,
    districts::create_district,
    districts::update_district,
    plans::list_plans,
    plans::create_plan,
    plans::get_plan,
    plans::update_plan,
    plans::delete_plan,
    priorities::list_priorities,
    priorities::create_priority,
    priorities::get_priority,
    priorities::update_priority,
    priorities::delete_priority,
    actions::list_actions,
    actions::create_action,
    actions::get_action,
    actions::update_action,
    actions::delete_action,
    indicators::list_indicators,
    indicators::create_indicator,
    indicators::get_indicator,
    indicators::update_indicator,
    indicators::delete_indicator,
    measurements::list_measurements,
    measurements::record_measurement,
    measurements::get_measurement,
    measurements::delete_measurement,
    measurement_imports::import_measurements,
    measurement_exports::export_measurements,
    expert_groups::list_expert_groups,
    expert_groups::create_expert_group,
    expert_groups::get_expert_group,
    expert_groups::update_expert_group,
    expert_groups::delete_expert_group,
    reviews::list_reviews,
    reviews::create_review,
    reviews::get_review,
    reviews::update_review,
    reviews::delete_review,
    reviews::submit_review,
    reviews::adopt_review,
    reviews::send_back_review,
    commitments::list_commitments,
    commitments::create_commitment,
    commitments::get_commitment,
    commitments::update_commitment,
    commitments::delete_commitment,
    commitment_exports::export_commitments,
    commitment_imports::import_commitments,
    audit_events::list_audit_events,
    me::get_notification_settings,
    me::update_notification_settings,
    unsubscribe::unsubscribe_page,
    unsubscribe::confirm_unsubscribe,
    notifications::list_notifications,
    safety_letters::request_letter,
    safety_letters::list_letters,
    safety_letters::get_letter,
    safety_letters::download_letter,
    safety_letters::adopt_letter,
    safety_letter_schedule::get_schedule,
    safety_letter_schedule::update_schedule,
];

fn http_method(m: &HttpMethod) -> Method {
    match m {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Delete => Method::DELETE,
        HttpMethod::Options => Method::OPTIONS,
        HttpMethod::Head => Method::HEAD,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Trace => Method::TRACE,
    }
}

/// Every route of the platform: the endpoints of the list above under `/api/v1`, one resource
/// per path (so that another method answers 405), and what is not part of the API document.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let mut api = web::scope("/api/v1").service(
        resource("/openapi.json").route(web::get().to(openapi_document::openapi_document)),
    );
    let mut by_path: Vec<(String, Resource)> = Vec::new();
    for (path, _, route) in endpoints() {
        match by_path.iter().position(|(p, _)| *p == path) {
            Some(i) => {
                let (p, r) = by_path.remove(i);
                by_path.insert(i, (p, r.route(route)));
            }
            None => {
                let r = resource(&path).route(route);
                by_path.push((path, r));
            }
        }
    }
    for (_, r) in by_path {
        api = api.service(r);
    }
    cfg.service(
        utoipa_swagger_ui::SwaggerUi::new("/api/docs/{_:.*}")
            .config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json")),
    )
    .service(resource("/api/docs").route(web::get().to(|| async {
        HttpResponse::PermanentRedirect()
            .insert_header(("Location", "/api/docs/"))
            .finish()
    })))
    .service(resource("/healthz").route(web::get().to(health::healthz::healthz)))
    .service(resource("/readyz").route(web::get().to(health::readyz::readyz)))
    .service(resource("/metrics").route(web::get().to(health::metrics::metrics)))
    .service(api);
}

/// Path of a user inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserPath {
    pub tenant: String,
    pub user_id: uuid::Uuid,
}

/// Path of a municipality inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MunicipalityPath {
    pub tenant: String,
    pub municipality_id: uuid::Uuid,
}

/// Path of a district inside a municipality.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DistrictPath {
    pub tenant: String,
    pub municipality_id: uuid::Uuid,
    pub district_id: uuid::Uuid,
}

/// Path of a plan inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanPath {
    pub tenant: String,
    pub plan_id: uuid::Uuid,
}

/// Path of a priority inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriorityPath {
    pub tenant: String,
    pub priority_id: uuid::Uuid,
}

/// Path of an action point inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionPath {
    pub tenant: String,
    pub action_id: uuid::Uuid,
}

/// Path of an indicator inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorPath {
    pub tenant: String,
    pub indicator_id: uuid::Uuid,
}

/// Path of a measurement of an indicator.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasurementPath {
    pub tenant: String,
    pub indicator_id: uuid::Uuid,
    pub measurement_id: uuid::Uuid,
}

/// Path of an expert group inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpertGroupPath {
    pub tenant: String,
    pub group_id: uuid::Uuid,
}

/// Path of a review of an expert group.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewPath {
    pub tenant: String,
    pub group_id: uuid::Uuid,
    pub review_id: uuid::Uuid,
}

/// Path of a commitment inside a tenant.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentPath {
    pub tenant: String,
    pub commitment_id: uuid::Uuid,
}

/// Path of a version of a Veiligheidsbrief.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SafetyLetterPath {
    pub tenant: String,
    pub letter_id: uuid::Uuid,
}

/// Path of a one-click unsubscribe link.
#[derive(Debug, serde::Deserialize)]
pub struct UnsubscribePath {
    pub token: String,
}
