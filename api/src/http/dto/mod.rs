//! JSON shapes of the API (camelCase, as the Dutch API Design Rules ask).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::authz::Grant;
use crate::domain::InvalidField;
use crate::domain::page::{Page, PageRequest};
use crate::domain::role::Role;
use crate::repo::districts::DistrictRow;
use crate::repo::memberships::MembershipWithTenant;
use crate::repo::tenants::TenantRow;
use crate::services::municipalities::MunicipalityWithDistricts;
use crate::services::principal::Principal;
use crate::services::sessions::SessionTokens;
use crate::services::users::TenantUser;

mod audit;
mod commitments;
mod expert_groups;
mod indicators;
mod notifications;
mod safety_letters;
pub use audit::*;
pub use commitments::*;
pub use expert_groups::*;
pub use indicators::*;
pub use notifications::*;
pub use safety_letters::*;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PageDto<T> {
    pub items: Vec<T>,
    pub page: i64,
    pub page_size: i64,
    pub total: i64,
}

impl<T> PageDto<T> {
    pub fn map<R>(page: Page<R>, f: impl FnMut(R) -> T) -> Self {
        let page = page.map(f);
        PageDto {
            items: page.items,
            page: page.page,
            page_size: page.page_size,
            total: page.total,
        }
    }
}

/// A whole (unpaginated) list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListDto<T> {
    pub items: Vec<T>,
}

/// `?page=&pageSize=` of every list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    pub page_size: Option<i64>,
}

impl PageQuery {
    pub fn parse(&self) -> Result<PageRequest, InvalidField> {
        PageRequest::parse(self.page, self.page_size)
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenResponse {
    pub access_token: String,
    pub token_type: &'static str,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
    /// The next refresh token. Absent for a browser (`X-Client: web`): its refresh token is in
    /// the HttpOnly cookie `refresh_token` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub refresh_token: Option<String>,
}

impl TokenResponse {
    /// The answer to a browser: the refresh token goes into the cookie, not the body.
    pub fn without_refresh_token(self) -> Self {
        TokenResponse {
            refresh_token: None,
            ..self
        }
    }
}

impl From<SessionTokens> for TokenResponse {
    fn from(t: SessionTokens) -> Self {
        TokenResponse {
            access_token: t.access_token,
            token_type: "Bearer",
            expires_in: t.expires_in,
            refresh_token: Some(t.refresh_token),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeResponse {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub is_platform_admin: bool,
    pub memberships: Vec<MembershipDto>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MembershipDto {
    pub tenant: String,
    pub tenant_name: String,
    pub tenant_status: String,
    pub role: String,
    pub municipality_id: Option<Uuid>,
}

impl From<&MembershipWithTenant> for MembershipDto {
    fn from(m: &MembershipWithTenant) -> Self {
        MembershipDto {
            tenant: m.tenant_slug.clone(),
            tenant_name: m.tenant_name.clone(),
            tenant_status: m.tenant_status.clone(),
            role: m.membership.role.clone(),
            municipality_id: m.membership.municipality_id,
        }
    }
}

impl From<&Principal> for MeResponse {
    fn from(p: &Principal) -> Self {
        MeResponse {
            id: p.user.id,
            email: p.user.email.clone(),
            display_name: p.user.display_name.clone(),
            is_platform_admin: p.user.is_platform_admin,
            memberships: p.memberships.iter().map(MembershipDto::from).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantDto {
    pub slug: String,
    pub name: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TenantRow> for TenantDto {
    fn from(t: TenantRow) -> Self {
        TenantDto {
            slug: t.slug,
            name: t.name,
            status: t.status,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTenantRequest {
    pub slug: String,
    pub name: String,
    pub admin: NewAdminRequest,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAdminRequest {
    pub email: String,
    pub display_name: String,
    pub password: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateTenantRequest {
    pub status: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleDto {
    pub role: String,
    pub municipality_id: Option<Uuid>,
}

impl RoleDto {
    pub fn parse(&self) -> Result<Grant, InvalidField> {
        Ok(Grant {
            role: Role::parse(&self.role).map_err(|e| InvalidField::new("roles", e.message))?,
            municipality_id: self.municipality_id,
        })
    }
}

impl From<&Grant> for RoleDto {
    fn from(g: &Grant) -> Self {
        RoleDto {
            role: g.role.as_str().to_owned(),
            municipality_id: g.municipality_id,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TenantUserDto {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub is_active: bool,
    pub roles: Vec<RoleDto>,
    /// Only when the platform generated a first password; shown once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_password: Option<String>,
}

impl From<TenantUser> for TenantUserDto {
    fn from(u: TenantUser) -> Self {
        TenantUserDto {
            id: u.user.id,
            email: u.user.email,
            display_name: u.user.display_name,
            is_active: u.user.is_active,
            roles: u.grants.iter().map(RoleDto::from).collect(),
            initial_password: None,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateUserRequest {
    pub email: String,
    pub display_name: String,
    pub password: Option<String>,
    pub roles: Vec<RoleDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateUserRequest {
    pub display_name: String,
    pub roles: Vec<RoleDto>,
}

pub fn parse_roles(roles: &[RoleDto]) -> Result<Vec<Grant>, InvalidField> {
    roles.iter().map(RoleDto::parse).collect()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AreaRequest {
    pub name: String,
    pub cbs_code: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MunicipalityListQuery {
    /// Only municipalities whose name contains this text (case-insensitive).
    pub name: Option<String>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    pub page_size: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DistrictDto {
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<DistrictRow> for DistrictDto {
    fn from(d: DistrictRow) -> Self {
        DistrictDto {
            id: d.id,
            municipality_id: d.municipality_id,
            name: d.name,
            cbs_code: d.cbs_code,
            created_at: d.created_at,
            updated_at: d.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MunicipalityDto {
    pub id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub districts: Vec<DistrictDto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<MunicipalityWithDistricts> for MunicipalityDto {
    fn from(m: MunicipalityWithDistricts) -> Self {
        MunicipalityDto {
            id: m.municipality.id,
            name: m.municipality.name,
            cbs_code: m.municipality.cbs_code,
            districts: m.districts.into_iter().map(DistrictDto::from).collect(),
            created_at: m.municipality.created_at,
            updated_at: m.municipality.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PlanDto {
    pub id: Uuid,
    pub title: String,
    /// ivp, hup, handhavingsstrategie, prioriteringsagenda or uitvoeringsplan
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    /// concept, vastgesteld or afgelopen
    pub status: String,
    pub adopted_on: Option<chrono::NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<crate::repo::plans::PlanRow> for PlanDto {
    fn from(p: crate::repo::plans::PlanRow) -> Self {
        PlanDto {
            id: p.id,
            title: p.title,
            kind: p.kind,
            start_year: p.start_year,
            end_year: p.end_year,
            status: p.status,
            adopted_on: p.adopted_on,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanRequest {
    pub title: String,
    /// ivp, hup, handhavingsstrategie, prioriteringsagenda or uitvoeringsplan
    pub kind: String,
    pub start_year: i32,
    pub end_year: i32,
    /// concept (default), vastgesteld or afgelopen
    pub status: Option<String>,
    /// When the council adopted it; empty for a concept.
    pub adopted_on: Option<chrono::NaiveDate>,
}

impl PlanRequest {
    pub fn parse(&self) -> Result<crate::domain::plan::PlanFields, InvalidField> {
        crate::domain::plan::PlanFields::parse(
            &self.title,
            &self.kind,
            self.start_year,
            self.end_year,
            self.status.as_deref(),
            self.adopted_on,
        )
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PlanListQuery {
    /// Only plans of this kind.
    pub kind: Option<String>,
    /// Only plans with this status.
    pub status: Option<String>,
    /// Only plans whose period includes this year.
    pub year: Option<i32>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    pub page_size: Option<i64>,
}

/// An expert group's latest judgement of a priority.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriorityReviewDto {
    pub group_id: Uuid,
    pub group_name: String,
    pub review_id: Uuid,
    /// E.g. `2026-H1`.
    pub period: String,
    /// `ingediend` or `vastgesteld`.
    pub review_status: String,
    /// `op_koers`, `aandacht_nodig` or `niet_op_koers`.
    pub status: Option<String>,
    pub progress: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriorityDto {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub title: String,
    /// cooperation, municipality or district
    pub scope: String,
    pub municipality_id: Option<Uuid>,
    pub district_id: Option<Uuid>,
    pub opgave: String,
    pub ambitie: String,
    pub aanpak: String,
    pub doelstelling: String,
    pub partners: Vec<String>,
    pub flankerend_beleid: String,
    pub owner_id: Option<Uuid>,
    /// The owner's display name (leave out of requests; `ownerId` sets the owner).
    pub owner_name: Option<String>,
    /// Derived from the progress of its indicators (rule in the description of `PriorityStatusDto`).
    pub status: PriorityStatusDto,
    /// What the expert groups said last: the latest submitted or adopted review about it.
    pub latest_review: Option<PriorityReviewDto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<crate::services::priorities::PriorityView> for PriorityDto {
    fn from(v: crate::services::priorities::PriorityView) -> Self {
        let p = v.priority;
        PriorityDto {
            status: PriorityStatusDto::from(v.status),
            latest_review: v.latest_review.map(|j| PriorityReviewDto {
                group_id: j.group_id,
                group_name: j.group_name,
                review_id: j.review_id,
                period: j.period,
                review_status: j.review_status,
                status: j.status,
                progress: j.progress,
            }),
            id: p.id,
            plan_id: p.plan_id,
            parent_id: p.parent_id,
            title: p.title,
            scope: p.scope,
            municipality_id: p.municipality_id,
            district_id: p.district_id,
            opgave: p.opgave,
            ambitie: p.ambitie,
            aanpak: p.aanpak,
            doelstelling: p.doelstelling,
            partners: p.partners,
            flankerend_beleid: p.flankerend_beleid,
            owner_id: p.owner_id,
            owner_name: v.owner_name,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriorityRequest {
    pub plan_id: Uuid,
    /// Makes this a sub-priority (one level deep, same plan).
    pub parent_id: Option<Uuid>,
    pub title: String,
    /// cooperation (bovenlokaal), municipality (lokaal) or district (wijk)
    pub scope: String,
    pub municipality_id: Option<Uuid>,
    pub district_id: Option<Uuid>,
    pub opgave: Option<String>,
    pub ambitie: Option<String>,
    pub aanpak: Option<String>,
    pub doelstelling: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub flankerend_beleid: Option<String>,
    /// A user of this cooperation.
    pub owner_id: Option<Uuid>,
}

impl PriorityRequest {
    pub fn parse(&self) -> Result<crate::domain::priority::PriorityFields, InvalidField> {
        use crate::domain::priority::{Scope, long_text, partners};
        Ok(crate::domain::priority::PriorityFields {
            plan_id: self.plan_id,
            parent_id: self.parent_id,
            title: crate::domain::text::required_text("title", &self.title, 300)?,
            scope: Scope::parse(&self.scope, self.municipality_id, self.district_id)?,
            opgave: long_text("opgave", self.opgave.as_deref())?,
            ambitie: long_text("ambitie", self.ambitie.as_deref())?,
            aanpak: long_text("aanpak", self.aanpak.as_deref())?,
            doelstelling: long_text("doelstelling", self.doelstelling.as_deref())?,
            partners: partners(&self.partners)?,
            flankerend_beleid: long_text("flankerendBeleid", self.flankerend_beleid.as_deref())?,
            owner_id: self.owner_id,
        })
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PriorityListQuery {
    /// Only priorities of this plan.
    pub plan_id: Option<Uuid>,
    /// Only this scope: cooperation, municipality or district.
    pub scope: Option<String>,
    /// Only priorities of this municipality (and its districts).
    pub municipality_id: Option<Uuid>,
    /// Only sub-priorities of this priority.
    pub parent_id: Option<Uuid>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    pub page_size: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActionDto {
    pub id: Uuid,
    pub priority_id: Uuid,
    pub title: String,
    pub description: String,
    pub owner_id: Option<Uuid>,
    /// The owner's display name.
    pub owner_name: Option<String>,
    pub due_on: Option<chrono::NaiveDate>,
    /// gepland, lopend, gereed or vervallen
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<crate::services::actions::ActionView> for ActionDto {
    fn from(v: crate::services::actions::ActionView) -> Self {
        let a = v.action;
        ActionDto {
            owner_name: v.owner_name,
            id: a.id,
            priority_id: a.priority_id,
            title: a.title,
            description: a.description,
            owner_id: a.owner_id,
            due_on: a.due_on,
            status: a.status,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionRequest {
    pub priority_id: Uuid,
    pub title: String,
    pub description: Option<String>,
    /// A user of this cooperation.
    pub owner_id: Option<Uuid>,
    pub due_on: Option<chrono::NaiveDate>,
    /// gepland (default), lopend, gereed or vervallen
    pub status: Option<String>,
}

impl ActionRequest {
    pub fn parse(&self) -> Result<crate::domain::action::ActionFields, InvalidField> {
        crate::domain::action::ActionFields::parse(
            self.priority_id,
            &self.title,
            self.description.as_deref(),
            self.owner_id,
            self.due_on,
            self.status.as_deref(),
        )
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ActionListQuery {
    /// Only actions of this priority.
    pub priority_id: Option<Uuid>,
    /// Only actions of this plan's priorities.
    pub plan_id: Option<Uuid>,
    /// Only actions with this status.
    pub status: Option<String>,
    /// Only actions of this owner.
    pub owner_id: Option<Uuid>,
    /// Only actions due before this date.
    pub due_before: Option<chrono::NaiveDate>,
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    pub page_size: Option<i64>,
}
