//! Tenants: create (role + schema + tenant migrations + first admin, all in one transaction; or a
//! spare schema the worker made ahead of time + first admin), list, suspend and reactivate. Only
//! platform admins reach these (checked by the caller).

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use uuid::Uuid;

use super::ServiceError;
use super::users::{member_snapshot, record_member_change};
use crate::authz::Grant;
use crate::db::migrations::migrate_tenant;
use crate::db::{TenantDb, run_in_tenant};
use crate::domain::email::EmailAddress;
use crate::domain::password::NewPassword;
use crate::domain::role::Role;
use crate::domain::slug::TenantSlug;
use crate::domain::tenant_names::DbName;
use crate::repo::memberships::{self, MembershipRow};
use crate::repo::spare_schemas;
use crate::repo::tenants::{self, ACTIVE, SUSPENDED, TenantRow};
use crate::repo::users::{self, UserRow};

/// A validated request for a new tenant and its first tenant admin.
#[derive(Debug, Clone)]
pub struct NewTenant {
    pub slug: TenantSlug,
    pub name: String,
    pub admin_email: EmailAddress,
    pub admin_name: String,
    /// Needed when the admin has no account yet; ignored for an existing user.
    pub admin_password: Option<NewPassword>,
}

/// Points in provisioning where a test can make it fail, to prove nothing is left behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvisionStep {
    TenantRecorded,
    SchemaCreated,
    Migrated,
    AdminCreated,
}

pub fn create_tenant(conn: &mut PgConnection, new: &NewTenant) -> Result<TenantRow, ServiceError> {
    create_tenant_with_hook(conn, new, |_, _| Ok(()))
}

/// [`create_tenant`], calling `hook` after each step; an error from the hook rolls everything back.
#[tracing::instrument(skip(conn, new, hook), fields(slug = %new.slug))]
pub fn create_tenant_with_hook(
    conn: &mut PgConnection,
    new: &NewTenant,
    mut hook: impl FnMut(ProvisionStep, &TenantRow) -> Result<(), ServiceError>,
) -> Result<TenantRow, ServiceError> {
    let tenant = conn.transaction(|conn| {
        // A schema the worker made ahead of time, if one is ready: then only what is this
        // cooperation's own is done here (see `prepare_spare_schema`).
        let spare = spare_schemas::take(conn)?;
        let id = spare.unwrap_or_else(Uuid::new_v4);
        let name = DbName::for_tenant(id);
        let now = Utc::now();
        let row = TenantRow {
            id,
            slug: new.slug.to_string(),
            name: new.name.clone(),
            schema_name: name.to_string(),
            role_name: name.to_string(),
            status: ACTIVE.to_owned(),
            created_at: now,
            updated_at: now,
        };
        tenants::insert(conn, &row).map_err(|e| match e.unique_violation() {
            Some(_) => ServiceError::Conflict {
                code: "tenant_exists",
                detail: format!(
                    "Er bestaat al een samenwerkingsverband met slug '{}'",
                    new.slug
                ),
            },
            None => e.into(),
        })?;
        hook(ProvisionStep::TenantRecorded, &row)?;

        if spare.is_none() {
            tenants::create_role_and_schema(conn, &name)?;
        }
        hook(ProvisionStep::SchemaCreated, &row)?;

        let db = row
            .db()
            .map_err(|e| ServiceError::Internal(e.to_string()))?;
        // A spare made before the last upgrade gets the migrations it lacks here.
        let applied = run_in_tenant(conn, &db, migrate_tenant)?;
        tracing::info!(applied = ?applied, spare = spare.is_some(), "tenant schema migrated");
        hook(ProvisionStep::Migrated, &row)?;

        let (admin, _) = find_or_create_user(
            conn,
            &new.admin_email,
            &new.admin_name,
            new.admin_password.as_ref(),
        )?;
        memberships::insert_many(
            conn,
            &[MembershipRow {
                id: Uuid::new_v4(),
                user_id: admin.id,
                tenant_id: id,
                role: Role::TenantAdmin.as_str().to_owned(),
                municipality_id: None,
                created_at: now,
            }],
        )?;
        record_member_change(
            conn,
            &db,
            admin.id,
            None,
            Some(member_snapshot(
                &admin,
                &[Grant {
                    role: Role::TenantAdmin,
                    municipality_id: None,
                }],
            )),
        )?;
        hook(ProvisionStep::AdminCreated, &row)?;
        Ok::<_, ServiceError>(row)
    })?;
    tracing::info!(tenant = %tenant.slug, schema = %tenant.schema_name, "tenant provisioned");
    Ok(tenant)
}

/// Makes one spare schema in its own transaction: the role, the schema and every tenant
/// migration, as provisioning would, recorded as ready to be handed out. Its id is then the id of
/// the cooperation that gets it.
#[tracing::instrument(skip(conn))]
pub fn prepare_spare_schema(conn: &mut PgConnection) -> Result<Uuid, ServiceError> {
    conn.transaction(|conn| {
        let id = Uuid::new_v4();
        let name = DbName::for_tenant(id);
        tenants::create_role_and_schema(conn, &name)?;
        run_in_tenant(conn, &TenantDb::for_name(name), migrate_tenant)?;
        spare_schemas::insert(conn, id)?;
        Ok(id)
    })
}

/// The user with this email, or a new one (which needs a password); `true` when created.
pub fn find_or_create_user(
    conn: &mut PgConnection,
    email: &EmailAddress,
    display_name: &str,
    password: Option<&NewPassword>,
) -> Result<(UserRow, bool), ServiceError> {
    if let Some(user) = users::find_by_email(conn, email.as_str())? {
        return Ok((user, false));
    }
    let password = password.ok_or_else(|| {
        crate::domain::InvalidField::in_context(
            "password",
            "is verplicht voor een nieuwe gebruiker",
        )
    })?;
    let now = Utc::now();
    let user = UserRow {
        id: Uuid::new_v4(),
        email: email.as_str().to_owned(),
        display_name: display_name.to_owned(),
        password_hash: password
            .hash()
            .map_err(|e| ServiceError::Internal(e.to_string()))?,
        is_platform_admin: false,
        is_active: true,
        created_at: now,
        updated_at: now,
    };
    users::insert(conn, &user).map_err(|e| match e.unique_violation() {
        Some(_) => ServiceError::Conflict {
            code: "user_exists",
            detail: "Er bestaat al een gebruiker met dit e-mailadres".to_owned(),
        },
        None => e.into(),
    })?;
    Ok((user, true))
}

/// A cooperation as platform admins and its members see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantView {
    pub slug: String,
    pub name: String,
    /// `active` or `suspended`.
    pub status: String,
    /// Its PostgreSQL schema (and role), for the operator's command line.
    pub schema_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TenantRow> for TenantView {
    fn from(t: TenantRow) -> Self {
        TenantView {
            slug: t.slug,
            name: t.name,
            status: t.status,
            schema_name: t.schema_name,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

pub fn list_tenants(conn: &mut PgConnection) -> Result<Vec<TenantView>, ServiceError> {
    Ok(tenants::list_all(conn)?
        .into_iter()
        .map(TenantView::from)
        .collect())
}

pub fn find_tenant(conn: &mut PgConnection, slug: &str) -> Result<TenantView, ServiceError> {
    tenants::find_by_slug(conn, slug)?
        .map(TenantView::from)
        .ok_or(ServiceError::not_found("samenwerkingsverband"))
}

pub fn suspend_tenant(conn: &mut PgConnection, slug: &str) -> Result<TenantView, ServiceError> {
    set_status(conn, slug, SUSPENDED)
}

pub fn activate_tenant(conn: &mut PgConnection, slug: &str) -> Result<TenantView, ServiceError> {
    set_status(conn, slug, ACTIVE)
}

#[tracing::instrument(skip(conn))]
fn set_status(
    conn: &mut PgConnection,
    slug: &str,
    status: &str,
) -> Result<TenantView, ServiceError> {
    let row = tenants::set_status(conn, slug, status)?
        .ok_or(ServiceError::not_found("samenwerkingsverband"))?;
    tracing::info!(tenant = %row.slug, status, "tenant status changed");
    Ok(row.into())
}
