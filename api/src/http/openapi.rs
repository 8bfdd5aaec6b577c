//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` annotations.
//!
//! What every operation shares is added here rather than repeated on each handler: the
//! `API-Version` header on success responses (Dutch API Design Rules), and the problem+json error
//! responses that the HTTP edge gives for every route of its kind.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{Schema, SchemaType};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, ObjectBuilder, Ref, RefOr, Required, Response, ResponseBuilder, Type,
};
use utoipa::{Modify, OpenApi};

use super::API_VERSION;
use super::dto;
use super::dto::rules;
use super::problem::{InvalidParam, Problem, RejectedRow};
use super::routes;

#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "Veiligheidsplatform API",
        description = "REST API of the safety-monitoring platform for Dutch regional safety cooperations. \
            Tenant resources live under `/tenants/{tenant}`; a cooperation the caller is not a member of \
            answers 404, exactly like one that does not exist. Errors are `application/problem+json` \
            with a stable `code`.",
        contact(name = "Veiligheidsplatform", email = "support@veiligheidsplatform.example", url = "https://veiligheidsplatform.example"),
        license(name = "EUPL-1.2", identifier = "EUPL-1.2")
    ),
    servers((url = "/api/v1", description = "This server")),
    components(schemas(Problem, InvalidParam, RejectedRow, dto::users::RoleDto, dto::me::MembershipDto, dto::tenants::NewAdminRequest)),
    modifiers(&WithEndpoints, &SharedResponses),
    tags(
        (name = "Auth", description = "Sign-in and sessions"),
        (name = "Me", description = "The signed-in user"),
        (name = "Tenants", description = "Cooperations (samenwerkingsverbanden)"),
        (name = "Users", description = "Users of a cooperation and their roles"),
        (name = "Municipalities", description = "Municipalities (gemeenten) of a cooperation"),
        (name = "Districts", description = "Districts (wijken) of a municipality"),
        (name = "Priorities", description = "Priorities of a plan: cooperation-wide (bovenlokaal), per municipality or per district"),
        (name = "Actions", description = "Action points (actiepunten) of the uitvoeringsplan"),
        (name = "Indicators", description = "Indicators of a priority with baseline, target and progress per area"),
        (name = "Measurements", description = "Measurements (metingen) per area and period, with history; CSV import and export"),
        (name = "Expert groups", description = "Expert groups (expertgroepen) per theme, with members inside and outside the municipality and their review cadence"),
        (name = "Reviews", description = "Half-year reviews of an expert group: concept, ingediend, vastgesteld"),
        (name = "Commitments", description = "Commitments (toezeggingen) of bestuurders to their councils, with CSV import and export"),
        (name = "Safety letters", description = "The Veiligheidsbrief: compiled by the worker as an editable Word draft with an HTML preview, in versions, adopted by a coordinator"),
        (name = "Notifications", description = "The emails the worker sent for a cooperation"),
        (name = "Audit", description = "The audit trail: every create, update and delete of tenant data"),
        (name = "Plans", description = "Policy plans: IVP, HUP, handhavingsstrategie, prioriteringsagenda, uitvoeringsplan"),
    )
)]
pub struct ApiDoc;

/// Adds the paths of every endpoint (`routes::Endpoints`, the same list the router is made of)
/// before `SharedResponses` completes their responses.
#[derive(Debug)]
struct WithEndpoints;

impl Modify for WithEndpoints {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        openapi.merge(routes::Endpoints::openapi());
    }
}

/// The document as served and committed (`openapi/openapi.json`).
pub fn document_json() -> String {
    let mut doc = ApiDoc::openapi();
    doc.info.version = API_VERSION.to_owned();
    let names: Vec<String> = doc
        .components
        .as_ref()
        .map(|c| c.schemas.keys().cloned().collect())
        .unwrap_or_default();
    // Only `XDto_YDto` names, and only when the new name is free.
    let generic: Vec<String> = names
        .iter()
        .filter(|k| {
            k.split_once('_').is_some_and(|(outer, inner)| {
                outer.ends_with("Dto") && inner.ends_with("Dto") && !inner.contains('_')
            })
        })
        .filter(|k| !names.contains(&readable_schema_name(k)))
        .cloned()
        .collect();
    let mut json = doc.to_pretty_json().unwrap_or_default();
    // utoipa names generic schemas `PageDto_PlanDto`; the NL API Design Rules want UpperCamelCase.
    for name in generic {
        let readable = readable_schema_name(&name);
        json = json
            .replace(&format!("\"{name}\""), &format!("\"{readable}\""))
            .replace(&format!("/{name}\""), &format!("/{readable}\""));
    }
    json.push('\n');
    json
}

/// `PageDto_PlanDto` → `PlanPage`, `ListDto_DistrictDto` → `DistrictList`.
fn readable_schema_name(generic: &str) -> String {
    let (outer, inner) = generic.split_once('_').unwrap_or((generic, ""));
    let strip = |s: &str| s.strip_suffix("Dto").unwrap_or(s).to_owned();
    format!("{}{}", strip(inner), strip(outer))
}

#[derive(Debug)]
struct SharedResponses;

impl Modify for SharedResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from POST /auth/login"))
                    .build(),
            ),
        );
        for (path, item) in openapi.paths.paths.iter_mut() {
            let in_tenant = path.contains("{tenant}");
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                add_shared(op, in_tenant);
            }
        }
    }
}

fn add_shared(op: &mut Operation, in_tenant: bool) {
    unwrap_optional_body(op);
    constrain_shared_parameters(op);
    let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
    let has_body = op.request_body.is_some();
    let id = op.operation_id.clone().unwrap_or_default();
    let id = id.as_str();
    // Uploads have their own 422 (rows rejected), documented on the operation.
    let is_csv_upload =
        matches!(&op.request_body, Some(RefOr::T(b)) if b.content.contains_key("text/csv"));
    let has_params = op.parameters.as_ref().is_some_and(|p| !p.is_empty());
    let responses = &mut op.responses.responses;
    for (status, response) in responses.iter_mut() {
        if (status.starts_with('2') || status.starts_with('3'))
            && let RefOr::T(r) = response
        {
            r.headers.insert(
                "API-Version".to_owned(),
                RefOr::T(
                    HeaderBuilder::new()
                        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                        .description(Some("Full version of the API, e.g. 1.0.0"))
                        .build(),
                ),
            );
        }
    }
    let mut add = |status: &str, description: &str| {
        responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::T(problem_response(description)));
    };
    if has_body || has_params {
        add("400", "Invalid input; `invalidParams` names the fields");
    }
    if secured {
        add("401", "No valid access token");
    }
    if secured || in_tenant {
        add(
            "403",
            "The role does not allow this, or the cooperation is suspended",
        );
    }
    if in_tenant {
        add(
            "404",
            "Not found, or a cooperation the caller is not a member of",
        );
    }
    if has_body && in_tenant {
        add(
            "409",
            "Changed by another request at the same moment (`concurrent_change`), or in conflict \
             with what is stored: `code` says which",
        );
    }
    if has_body && !is_csv_upload && (in_tenant || RULES_BEYOND_ITS_FIELDS.contains(&id)) {
        add(
            "422",
            "Each value fits its field, but not together: a rule between fields, a reference to \
             something the cooperation does not have, or a date still to come; `invalidParams` \
             names the fields",
        );
    }
    if has_body {
        add("413", "The body is too large");
        add("415", "The body is not application/json");
    }
    add("500", "Internal error; the cause is logged, not shown");
    if !WITHOUT_DATABASE.contains(&id) {
        responses
            .entry("503".to_owned())
            .or_insert_with(|| RefOr::T(database_unavailable_response()));
    }
}

/// Operations outside a cooperation whose body has a rule the schema cannot state (422): a new
/// cooperation's admin needs a password only when no account has the address yet.
const RULES_BEYOND_ITS_FIELDS: [&str; 1] = ["create_tenant"];

/// Operations that answer without the database, so never with its 503.
const WITHOUT_DATABASE: [&str; 1] = ["unsubscribe_page"];

/// The rules of parameters every operation of their kind shares: the cooperation's slug in the
/// path and the version in `If-Match`.
fn constrain_shared_parameters(op: &mut Operation) {
    for param in op.parameters.iter_mut().flatten() {
        let RefOr::T(param) = param else { continue };
        let schema = match (param.name.as_str(), &param.parameter_in) {
            ("tenant", ParameterIn::Path) => ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(2))
                .max_length(Some(63))
                .pattern(Some(rules::SLUG)),
            ("If-Match", ParameterIn::Header) => ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(rules::IF_MATCH)),
            _ => continue,
        };
        param.schema = Some(RefOr::T(Schema::Object(schema.build())));
    }
}

fn database_unavailable_response() -> Response {
    let mut response = problem_response(
        "The database cannot be reached for now; try again after `Retry-After` seconds",
    );
    response.headers.insert(
        "Retry-After".to_owned(),
        RefOr::T(
            HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
                .description(Some("Seconds to wait before trying again"))
                .build(),
        ),
    );
    response
}

/// `request_body = Option<T>` comes out as `oneOf: [T, null]`, but such a body is left out, never
/// `null`: the schema is `T` and the body is not required.
fn unwrap_optional_body(op: &mut Operation) {
    let Some(RefOr::T(body)) = op.request_body.as_mut() else {
        return;
    };
    for content in body.content.values_mut() {
        if let RefOr::T(content) = content
            && let Some(RefOr::T(Schema::OneOf(one_of))) = &content.schema
            && let [a, b] = one_of.items.as_slice()
            && (is_null(a) || is_null(b))
        {
            content.schema = Some(if is_null(a) { b.clone() } else { a.clone() });
            body.required = Some(Required::False);
        }
    }
}

fn is_null(schema: &RefOr<Schema>) -> bool {
    match schema {
        RefOr::T(Schema::Object(o)) => o.schema_type == SchemaType::Type(Type::Null),
        _ => false,
    }
}

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_schema_names_read_as_upper_camel_case() {
        assert_eq!(readable_schema_name("PageDto_PlanDto"), "PlanPage");
        assert_eq!(readable_schema_name("ListDto_DistrictDto"), "DistrictList");
        let json = document_json();
        assert!(!json.contains("PageDto_"), "generic names are replaced");
        assert!(json.contains("\"#/components/schemas/PlanPage\""));
        let doc: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
        let schemas = doc["components"]["schemas"].as_object().expect("schemas");
        assert!(
            schemas.keys().all(|k| !k.contains('_')),
            "{:?}",
            schemas.keys()
        );
        assert!(schemas.contains_key("PlanPage") && schemas.contains_key("TenantList"));
    }

    fn patterns(v: &serde_json::Value, found: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(p)) = m.get("pattern") {
                    found.push(p.clone());
                }
                m.values().for_each(|v| patterns(v, found));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| patterns(v, found)),
            _ => {}
        }
    }

    /// Each pattern is one of `rules`, which are held to the domain's parsers there.
    #[test]
    fn every_pattern_is_one_of_the_rules() {
        let doc: serde_json::Value = serde_json::from_str(&document_json()).expect("JSON");
        let mut found = Vec::new();
        patterns(&doc, &mut found);
        assert!(
            found.len() > 20,
            "the document constrains its inputs: {found:?}"
        );
        for p in found {
            assert!(
                rules::ALL.contains(&p.as_str()),
                "a pattern not in rules.rs: {p}"
            );
        }
    }

    /// The database can be away: every operation that uses it says so with its 503.
    #[test]
    fn every_operation_that_uses_the_database_documents_503() {
        let doc: serde_json::Value = serde_json::from_str(&document_json()).expect("JSON");
        let paths = doc["paths"].as_object().expect("paths");
        for (path, item) in paths {
            for (method, op) in item.as_object().expect("item") {
                let id = op["operationId"].as_str().unwrap_or_default();
                let has = op["responses"].get("503").is_some();
                assert_eq!(
                    has,
                    !WITHOUT_DATABASE.contains(&id),
                    "{method} {path} ({id})"
                );
            }
        }
        let tenant = &doc["paths"]["/tenants/{tenant}"]["get"]["parameters"][0];
        assert_eq!(tenant["name"], "tenant");
        assert_eq!(tenant["schema"]["pattern"], rules::SLUG);
    }
}
