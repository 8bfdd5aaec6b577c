//! Municipalities and their districts in a tenant.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::ServiceError;
use super::tenant_access::TenantContext;
use crate::authz::TenantAction;
use crate::db::{DbError, run_in_tenant};
use crate::domain::municipality::{DistrictFields, MunicipalityFields};
use crate::domain::page::{Page, PageRequest};
use crate::repo::districts::{self, DistrictRow};
use crate::repo::municipalities::{self, MunicipalityRow};

/// A municipality with its districts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityView {
    pub id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub districts: Vec<DistrictView>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl MunicipalityView {
    fn new(m: MunicipalityRow, districts: Vec<DistrictRow>) -> Self {
        MunicipalityView {
            id: m.id,
            name: m.name,
            cbs_code: m.cbs_code,
            districts: districts.into_iter().map(DistrictView::from).collect(),
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

/// A district (wijk) of a municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictView {
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<DistrictRow> for DistrictView {
    fn from(d: DistrictRow) -> Self {
        DistrictView {
            id: d.id,
            municipality_id: d.municipality_id,
            name: d.name,
            cbs_code: d.cbs_code,
            created_at: d.created_at,
            updated_at: d.updated_at,
        }
    }
}

fn conflict(e: DbError, what: &str) -> ServiceError {
    match e.unique_violation() {
        Some(c) if c.contains("cbs_code") => ServiceError::Conflict {
            code: "duplicate_cbs_code",
            detail: format!("Er bestaat al een {what} met deze CBS-code"),
        },
        Some(_) => ServiceError::Conflict {
            code: "duplicate_name",
            detail: format!("Er bestaat al een {what} met deze naam"),
        },
        None => e.into(),
    }
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    name_contains: Option<&str>,
    page: PageRequest,
) -> Result<Page<MunicipalityView>, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        let page = municipalities::list(tc, name_contains, page)?;
        let ids: Vec<Uuid> = page.items.iter().map(|m| m.id).collect();
        let mut by_municipality: HashMap<Uuid, Vec<DistrictRow>> = HashMap::new();
        for d in districts::for_municipalities(tc, &ids)? {
            by_municipality
                .entry(d.municipality_id)
                .or_default()
                .push(d);
        }
        Ok(page.map(|m| {
            let districts = by_municipality.remove(&m.id).unwrap_or_default();
            MunicipalityView::new(m, districts)
        }))
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn get(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
) -> Result<MunicipalityView, ServiceError> {
    ctx.require(TenantAction::Read)?;
    run_in_tenant(conn, &ctx.db, |tc| with_districts(tc, id))
}

fn with_districts(
    tc: &mut crate::db::TenantConn<'_>,
    id: Uuid,
) -> Result<MunicipalityView, ServiceError> {
    let municipality = municipalities::find(tc, id)?.ok_or(ServiceError::not_found("gemeente"))?;
    let districts = districts::for_municipalities(tc, &[id])?;
    Ok(MunicipalityView::new(municipality, districts))
}

#[tracing::instrument(skip(conn, ctx))]
pub fn create(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    fields: &MunicipalityFields,
) -> Result<MunicipalityView, ServiceError> {
    ctx.require(TenantAction::CreateMunicipality)?;
    run_in_tenant(conn, &ctx.db, |tc| {
        let municipality =
            municipalities::insert(tc, fields).map_err(|e| conflict(e, "gemeente"))?;
        Ok(MunicipalityView::new(municipality, vec![]))
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn update(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    id: Uuid,
    fields: &MunicipalityFields,
) -> Result<MunicipalityView, ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        // A missing municipality answers 404 before the role check, so ids cannot be probed by 403.
        municipalities::find(tc, id)?.ok_or(ServiceError::not_found("gemeente"))?;
        ctx.require(TenantAction::EditMunicipality(id))?;
        municipalities::update(tc, id, fields)
            .map_err(|e| conflict(e, "gemeente"))?
            .ok_or(ServiceError::not_found("gemeente"))?;
        with_districts(tc, id)
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn list_districts(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    municipality_id: Uuid,
) -> Result<Vec<DistrictView>, ServiceError> {
    Ok(get(conn, ctx, municipality_id)?.districts)
}

#[tracing::instrument(skip(conn, ctx))]
pub fn create_district(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    municipality_id: Uuid,
    fields: &DistrictFields,
) -> Result<DistrictView, ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        municipalities::find(tc, municipality_id)?.ok_or(ServiceError::not_found("gemeente"))?;
        ctx.require(TenantAction::EditMunicipality(municipality_id))?;
        districts::insert(tc, municipality_id, fields)
            .map(DistrictView::from)
            .map_err(|e| conflict(e, "wijk in deze gemeente"))
    })
}

#[tracing::instrument(skip(conn, ctx))]
pub fn update_district(
    conn: &mut PgConnection,
    ctx: &TenantContext,
    municipality_id: Uuid,
    district_id: Uuid,
    fields: &DistrictFields,
) -> Result<DistrictView, ServiceError> {
    run_in_tenant(conn, &ctx.db, |tc| {
        districts::find(tc, municipality_id, district_id)?
            .ok_or(ServiceError::not_found("wijk"))?;
        ctx.require(TenantAction::EditMunicipality(municipality_id))?;
        districts::update(tc, municipality_id, district_id, fields)
            .map_err(|e| conflict(e, "wijk in deze gemeente"))?
            .map(DistrictView::from)
            .ok_or(ServiceError::not_found("wijk"))
    })
}
