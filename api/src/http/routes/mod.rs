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

use actix_web::{HttpResponse, Resource, web};

use super::problem::method_not_allowed;

/// A resource whose unsupported methods answer 405 problem+json.
fn resource(path: &str) -> Resource {
    web::resource(path).default_service(web::to(method_not_allowed))
}

/// Every route of the platform.
pub fn configure(cfg: &mut web::ServiceConfig) {
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
    .service(
        web::scope("/api/v1")
            .service(
                resource("/openapi.json").route(web::get().to(openapi_document::openapi_document)),
            )
            .service(resource("/auth/login").route(web::post().to(auth::login::login)))
            .service(resource("/auth/refresh").route(web::post().to(auth::refresh::refresh)))
            .service(resource("/auth/logout").route(web::post().to(auth::logout::logout)))
            .service(resource("/me").route(web::get().to(me::get_me::get_me)))
            .service(
                resource("/me/notification-settings")
                    .route(web::get().to(me::get_notification_settings::get_notification_settings))
                    .route(
                        web::put()
                            .to(me::update_notification_settings::update_notification_settings),
                    ),
            )
            .service(
                resource("/unsubscribe/{token}")
                    .route(web::get().to(unsubscribe::unsubscribe_page::unsubscribe_page))
                    .route(web::post().to(unsubscribe::confirm_unsubscribe::confirm_unsubscribe)),
            )
            .service(
                resource("/tenants/{tenant}/notifications")
                    .route(web::get().to(notifications::list_notifications::list_notifications)),
            )
            .service(
                resource("/tenants")
                    .route(web::get().to(tenants::list_tenants::list_tenants))
                    .route(web::post().to(tenants::create_tenant::create_tenant)),
            )
            .service(
                resource("/tenants/{tenant}")
                    .route(web::get().to(tenants::get_tenant::get_tenant))
                    .route(web::patch().to(tenants::update_tenant::update_tenant)),
            )
            .service(
                resource("/tenants/{tenant}/users")
                    .route(web::get().to(users::list_users::list_users))
                    .route(web::post().to(users::create_user::create_user)),
            )
            .service(
                resource("/tenants/{tenant}/users/{userId}")
                    .route(web::get().to(users::get_user::get_user))
                    .route(web::put().to(users::update_user::update_user))
                    .route(web::delete().to(users::remove_user::remove_user)),
            )
            .service(
                resource("/tenants/{tenant}/municipalities")
                    .route(web::get().to(municipalities::list_municipalities::list_municipalities))
                    .route(
                        web::post().to(municipalities::create_municipality::create_municipality),
                    ),
            )
            .service(
                resource("/tenants/{tenant}/municipalities/{municipalityId}")
                    .route(web::get().to(municipalities::get_municipality::get_municipality))
                    .route(web::put().to(municipalities::update_municipality::update_municipality)),
            )
            .service(
                resource("/tenants/{tenant}/municipalities/{municipalityId}/districts")
                    .route(web::get().to(districts::list_districts::list_districts))
                    .route(web::post().to(districts::create_district::create_district)),
            )
            .service(
                resource(
                    "/tenants/{tenant}/municipalities/{municipalityId}/districts/{districtId}",
                )
                .route(web::put().to(districts::update_district::update_district)),
            )
            .service(
                resource("/tenants/{tenant}/plans")
                    .route(web::get().to(plans::list_plans::list_plans))
                    .route(web::post().to(plans::create_plan::create_plan)),
            )
            .service(
                resource("/tenants/{tenant}/plans/{planId}")
                    .route(web::get().to(plans::get_plan::get_plan))
                    .route(web::put().to(plans::update_plan::update_plan))
                    .route(web::delete().to(plans::delete_plan::delete_plan)),
            )
            .service(
                resource("/tenants/{tenant}/priorities")
                    .route(web::get().to(priorities::list_priorities::list_priorities))
                    .route(web::post().to(priorities::create_priority::create_priority)),
            )
            .service(
                resource("/tenants/{tenant}/priorities/{priorityId}")
                    .route(web::get().to(priorities::get_priority::get_priority))
                    .route(web::put().to(priorities::update_priority::update_priority))
                    .route(web::delete().to(priorities::delete_priority::delete_priority)),
            )
            .service(
                resource("/tenants/{tenant}/actions")
                    .route(web::get().to(actions::list_actions::list_actions))
                    .route(web::post().to(actions::create_action::create_action)),
            )
            .service(
                resource("/tenants/{tenant}/actions/{actionId}")
                    .route(web::get().to(actions::get_action::get_action))
                    .route(web::put().to(actions::update_action::update_action))
                    .route(web::delete().to(actions::delete_action::delete_action)),
            )
            .service(
                resource("/tenants/{tenant}/indicators")
                    .route(web::get().to(indicators::list_indicators::list_indicators))
                    .route(web::post().to(indicators::create_indicator::create_indicator)),
            )
            .service(
                resource("/tenants/{tenant}/indicators/{indicatorId}")
                    .route(web::get().to(indicators::get_indicator::get_indicator))
                    .route(web::put().to(indicators::update_indicator::update_indicator))
                    .route(web::delete().to(indicators::delete_indicator::delete_indicator)),
            )
            .service(
                resource("/tenants/{tenant}/indicators/{indicatorId}/measurements")
                    .route(web::get().to(measurements::list_measurements::list_measurements))
                    .route(web::post().to(measurements::record_measurement::record_measurement)),
            )
            .service(
                resource("/tenants/{tenant}/indicators/{indicatorId}/measurements/{measurementId}")
                    .route(web::get().to(measurements::get_measurement::get_measurement))
                    .route(web::delete().to(measurements::delete_measurement::delete_measurement)),
            )
            .service(resource("/tenants/{tenant}/measurement-imports").route(
                web::post().to(measurement_imports::import_measurements::import_measurements),
            ))
            .service(resource("/tenants/{tenant}/measurement-exports").route(
                web::get().to(measurement_exports::export_measurements::export_measurements),
            ))
            .service(
                resource("/tenants/{tenant}/expert-groups")
                    .route(web::get().to(expert_groups::list_expert_groups::list_expert_groups))
                    .route(web::post().to(expert_groups::create_expert_group::create_expert_group)),
            )
            .service(
                resource("/tenants/{tenant}/expert-groups/{groupId}")
                    .route(web::get().to(expert_groups::get_expert_group::get_expert_group))
                    .route(web::put().to(expert_groups::update_expert_group::update_expert_group))
                    .route(
                        web::delete().to(expert_groups::delete_expert_group::delete_expert_group),
                    ),
            )
            .service(
                resource("/tenants/{tenant}/expert-groups/{groupId}/reviews")
                    .route(web::get().to(reviews::list_reviews::list_reviews))
                    .route(web::post().to(reviews::create_review::create_review)),
            )
            .service(
                resource("/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}")
                    .route(web::get().to(reviews::get_review::get_review))
                    .route(web::put().to(reviews::update_review::update_review))
                    .route(web::delete().to(reviews::delete_review::delete_review)),
            )
            .service(
                resource("/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}/submit")
                    .route(web::post().to(reviews::submit_review::submit_review)),
            )
            .service(
                resource("/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}/adopt")
                    .route(web::post().to(reviews::adopt_review::adopt_review)),
            )
            .service(
                resource("/tenants/{tenant}/expert-groups/{groupId}/reviews/{reviewId}/send-back")
                    .route(web::post().to(reviews::send_back_review::send_back_review)),
            )
            .service(
                resource("/tenants/{tenant}/commitments")
                    .route(web::get().to(commitments::list_commitments::list_commitments))
                    .route(web::post().to(commitments::create_commitment::create_commitment)),
            )
            .service(
                resource("/tenants/{tenant}/commitments/{commitmentId}")
                    .route(web::get().to(commitments::get_commitment::get_commitment))
                    .route(web::put().to(commitments::update_commitment::update_commitment))
                    .route(web::delete().to(commitments::delete_commitment::delete_commitment)),
            )
            .service(
                resource("/tenants/{tenant}/commitment-exports").route(
                    web::get().to(commitment_exports::export_commitments::export_commitments),
                ),
            )
            .service(
                resource("/tenants/{tenant}/commitment-imports").route(
                    web::post().to(commitment_imports::import_commitments::import_commitments),
                ),
            )
            .service(
                resource("/tenants/{tenant}/safety-letters")
                    .route(web::get().to(safety_letters::list_letters::list_letters))
                    .route(web::post().to(safety_letters::request_letter::request_letter)),
            )
            .service(
                resource("/tenants/{tenant}/safety-letters/{letterId}")
                    .route(web::get().to(safety_letters::get_letter::get_letter)),
            )
            .service(
                resource("/tenants/{tenant}/safety-letters/{letterId}/document")
                    .route(web::get().to(safety_letters::download_letter::download_letter)),
            )
            .service(
                resource("/tenants/{tenant}/safety-letters/{letterId}/adopt")
                    .route(web::post().to(safety_letters::adopt_letter::adopt_letter)),
            )
            .service(
                resource("/tenants/{tenant}/safety-letter-schedule")
                    .route(web::get().to(safety_letter_schedule::get_schedule::get_schedule))
                    .route(web::put().to(safety_letter_schedule::update_schedule::update_schedule)),
            )
            .service(
                resource("/tenants/{tenant}/audit-events")
                    .route(web::get().to(audit_events::list_audit_events::list_audit_events)),
            ),
    );
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
