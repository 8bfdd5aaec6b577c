//! Authorisation: every decision of who may do what, in one place, tested as a matrix.
//!
//! Rules:
//! - Platform admins manage tenants. They do not read tenant data unless they are also members.
//! - Every member of a tenant reads its data.
//! - Tenant admins manage the tenant's users and memberships and edit everything.
//! - Coordinators edit municipalities and districts; a coordinator scoped to one municipality
//!   edits only that municipality and its districts, and cannot add municipalities.
//! - Tenant admins and coordinators of the whole cooperation edit plans; a coordinator scoped to
//!   one municipality does not (plans are cooperation-wide).
//! - Priorities follow their scope: a coordinator scoped to one municipality edits only the
//!   priorities of that municipality (and its districts), not cooperation-wide ones.
//! - Indicators (with their baselines and targets) follow their priority.
//! - Measurements follow their area: a coordinator scoped to one municipality enters only that
//!   municipality's figures, not those of other municipalities or of the whole cooperation.
//! - Tenant admins and coordinators of the whole cooperation manage expert groups and may write any
//!   group's review; other members of a group (not viewers) write that group's review.
//! - Tenant admins, coordinators of the whole cooperation and bestuurders adopt a submitted review
//!   or send it back.
//! - A review may bring figures of the group's indicators: its writers enter them for every area,
//!   or, when their role is scoped to one municipality, for that municipality only.
//! - Commitments follow their municipality, as measurements do.
//! - Tenant admins and coordinators read the audit trail; tenant admins see the tenant's emails.
//! - Otherwise experts, bestuurders and viewers read.

use uuid::Uuid;

use crate::domain::role::Role;

/// One role a user holds in the tenant of the request, optionally scoped to a municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    pub role: Role,
    pub municipality_id: Option<Uuid>,
}

/// What a user may be allowed to do inside one tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantAction {
    Read,
    ManageUsers,
    CreateMunicipality,
    /// Change this municipality or its districts.
    EditMunicipality(Uuid),
    /// Create, change or delete policy plans.
    EditPlans,
    /// Create, change or delete a priority of this municipality (`None`: cooperation-wide).
    EditPriority(Option<Uuid>),
    /// Enter, change or delete a measurement for this municipality (`None`: the whole cooperation).
    EnterMeasurement(Option<Uuid>),
    /// Create, change or delete expert groups.
    ManageExpertGroups,
    /// Write the review of any expert group.
    WriteAnyReview,
    /// Write the review of a group the user is a member of.
    WriteReviewAsMember,
    /// Adopt a submitted review, or send it back.
    DecideReview,
    /// Bring a figure for this area (`None`: the whole cooperation) with a review the user may
    /// write.
    EnterReviewFigure(Option<Uuid>),
    /// Register, change or delete a commitment made to this municipality's council.
    EditCommitment(Uuid),
    /// Read who changed what.
    ReadAudit,
    /// See the tenant's sent and failed emails.
    ReadNotifications,
    /// Ask for a Veiligheidsbrief, adopt a version, set when drafts are compiled.
    ManageSafetyLetters,
}

/// Whether a member with `grants` in a tenant may do `action` there.
pub fn tenant_allows(grants: &[Grant], action: TenantAction) -> bool {
    grants.iter().any(|g| grant_allows(*g, action))
}

fn grant_allows(grant: Grant, action: TenantAction) -> bool {
    use TenantAction::*;
    match (grant.role, action) {
        (_, Read) => true,
        (Role::TenantAdmin, _) => true,
        (Role::Coordinator, CreateMunicipality) => grant.municipality_id.is_none(),
        (Role::Coordinator, EditMunicipality(m)) => {
            grant.municipality_id.is_none_or(|own| own == m)
        }
        (Role::Coordinator, EditPlans) => grant.municipality_id.is_none(),
        (Role::Coordinator, EditPriority(m) | EnterMeasurement(m)) => {
            match (grant.municipality_id, m) {
                (None, _) => true,
                (Some(own), Some(m)) => own == m,
                (Some(_), None) => false,
            }
        }
        (
            Role::Coordinator,
            ManageExpertGroups | WriteAnyReview | DecideReview | ManageSafetyLetters,
        ) => grant.municipality_id.is_none(),
        (Role::Coordinator, EditCommitment(m)) => grant.municipality_id.is_none_or(|own| own == m),
        (Role::Coordinator, WriteReviewAsMember | ReadAudit) => true,
        (Role::Coordinator | Role::Expert | Role::Bestuurder, EnterReviewFigure(area)) => {
            grant.municipality_id.is_none_or(|own| area == Some(own))
        }
        (Role::Coordinator, ManageUsers | ReadNotifications) => false,
        (Role::Expert | Role::Bestuurder, WriteReviewAsMember) => true,
        (Role::Bestuurder, DecideReview) => true,
        (Role::Expert | Role::Bestuurder | Role::Viewer, _) => false,
    }
}

/// Whether the user may create, list, suspend and reactivate tenants.
pub fn may_manage_tenants(is_platform_admin: bool) -> bool {
    is_platform_admin
}

#[cfg(test)]
mod tests {
    use super::*;
    use TenantAction::*;

    fn g(role: Role, m: Option<Uuid>) -> Vec<Grant> {
        vec![Grant {
            role,
            municipality_id: m,
        }]
    }

    #[test]
    fn matrix() {
        let ermelo = Uuid::new_v4();
        let putten = Uuid::new_v4();
        // (grants, action, allowed)
        let cases: Vec<(Vec<Grant>, TenantAction, bool)> = vec![
            (g(Role::TenantAdmin, None), Read, true),
            (g(Role::TenantAdmin, None), ManageUsers, true),
            (g(Role::TenantAdmin, None), CreateMunicipality, true),
            (g(Role::TenantAdmin, None), EditMunicipality(ermelo), true),
            (g(Role::TenantAdmin, None), EditPlans, true),
            (g(Role::Coordinator, None), EditPlans, true),
            (g(Role::TenantAdmin, None), ManageSafetyLetters, true),
            (g(Role::Coordinator, None), ManageSafetyLetters, true),
            (
                g(Role::Coordinator, Some(ermelo)),
                ManageSafetyLetters,
                false,
            ),
            (g(Role::Bestuurder, None), ManageSafetyLetters, false),
            (g(Role::Expert, None), ManageSafetyLetters, false),
            (g(Role::Viewer, None), ManageSafetyLetters, false),
            (g(Role::Coordinator, Some(ermelo)), EditPlans, false),
            (g(Role::Expert, None), EditPlans, false),
            (g(Role::Bestuurder, None), EditPlans, false),
            (g(Role::Viewer, None), EditPlans, false),
            (g(Role::TenantAdmin, None), EditPriority(None), true),
            (g(Role::Coordinator, None), EditPriority(None), true),
            (g(Role::Coordinator, None), EditPriority(Some(putten)), true),
            (
                g(Role::Coordinator, Some(ermelo)),
                EditPriority(Some(ermelo)),
                true,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EditPriority(Some(putten)),
                false,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EditPriority(None),
                false,
            ),
            (g(Role::Expert, None), EditPriority(Some(ermelo)), false),
            (g(Role::TenantAdmin, None), EnterMeasurement(None), true),
            (g(Role::Coordinator, None), EnterMeasurement(None), true),
            (
                g(Role::Coordinator, None),
                EnterMeasurement(Some(putten)),
                true,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EnterMeasurement(Some(ermelo)),
                true,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EnterMeasurement(Some(putten)),
                false,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EnterMeasurement(None),
                false,
            ),
            (g(Role::Expert, None), EnterMeasurement(Some(ermelo)), false),
            (g(Role::Bestuurder, None), EnterMeasurement(None), false),
            (
                g(Role::Viewer, Some(ermelo)),
                EnterMeasurement(Some(ermelo)),
                false,
            ),
            (g(Role::Viewer, None), EditPriority(None), false),
            (g(Role::Coordinator, None), Read, true),
            (g(Role::Coordinator, None), ManageUsers, false),
            (g(Role::Coordinator, None), CreateMunicipality, true),
            (g(Role::Coordinator, None), EditMunicipality(ermelo), true),
            (g(Role::Coordinator, Some(ermelo)), Read, true),
            (g(Role::Coordinator, Some(ermelo)), ManageUsers, false),
            (
                g(Role::Coordinator, Some(ermelo)),
                CreateMunicipality,
                false,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EditMunicipality(ermelo),
                true,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EditMunicipality(putten),
                false,
            ),
            (g(Role::Expert, None), Read, true),
            (g(Role::Expert, None), ManageUsers, false),
            (g(Role::Expert, None), CreateMunicipality, false),
            (g(Role::Expert, None), EditMunicipality(ermelo), false),
            (g(Role::Bestuurder, None), Read, true),
            (g(Role::Bestuurder, None), ManageUsers, false),
            (g(Role::Bestuurder, None), CreateMunicipality, false),
            (
                g(Role::Bestuurder, Some(ermelo)),
                EditMunicipality(ermelo),
                false,
            ),
            (g(Role::Viewer, None), Read, true),
            (g(Role::Viewer, None), ManageUsers, false),
            (g(Role::Viewer, None), CreateMunicipality, false),
            (g(Role::Viewer, None), EditMunicipality(ermelo), false),
            (g(Role::TenantAdmin, None), ManageExpertGroups, true),
            (g(Role::Coordinator, None), ManageExpertGroups, true),
            (
                g(Role::Coordinator, Some(ermelo)),
                ManageExpertGroups,
                false,
            ),
            (g(Role::Expert, None), ManageExpertGroups, false),
            (g(Role::Coordinator, None), WriteAnyReview, true),
            (g(Role::Coordinator, Some(ermelo)), WriteAnyReview, false),
            (g(Role::Expert, None), WriteAnyReview, false),
            (g(Role::Expert, None), WriteReviewAsMember, true),
            (g(Role::Bestuurder, None), WriteReviewAsMember, true),
            (
                g(Role::Coordinator, Some(ermelo)),
                WriteReviewAsMember,
                true,
            ),
            (g(Role::Viewer, None), WriteReviewAsMember, false),
            (g(Role::TenantAdmin, None), DecideReview, true),
            (g(Role::Coordinator, None), DecideReview, true),
            (g(Role::Coordinator, Some(ermelo)), DecideReview, false),
            (g(Role::Bestuurder, None), DecideReview, true),
            (g(Role::Expert, None), DecideReview, false),
            (g(Role::Viewer, None), DecideReview, false),
            (g(Role::Expert, None), EnterReviewFigure(Some(putten)), true),
            (g(Role::Expert, None), EnterReviewFigure(None), true),
            (
                g(Role::Expert, Some(ermelo)),
                EnterReviewFigure(Some(ermelo)),
                true,
            ),
            (
                g(Role::Expert, Some(ermelo)),
                EnterReviewFigure(Some(putten)),
                false,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EnterReviewFigure(None),
                false,
            ),
            (
                g(Role::Viewer, None),
                EnterReviewFigure(Some(ermelo)),
                false,
            ),
            (g(Role::TenantAdmin, None), EditCommitment(ermelo), true),
            (g(Role::Coordinator, None), EditCommitment(putten), true),
            (
                g(Role::Coordinator, Some(ermelo)),
                EditCommitment(ermelo),
                true,
            ),
            (
                g(Role::Coordinator, Some(ermelo)),
                EditCommitment(putten),
                false,
            ),
            (g(Role::Bestuurder, None), EditCommitment(ermelo), false),
            (g(Role::Viewer, None), EditCommitment(ermelo), false),
            (g(Role::TenantAdmin, None), ReadAudit, true),
            (g(Role::Coordinator, Some(ermelo)), ReadAudit, true),
            (g(Role::Expert, None), ReadAudit, false),
            (g(Role::Bestuurder, None), ReadAudit, false),
            (g(Role::Viewer, None), ReadAudit, false),
            (g(Role::TenantAdmin, None), ReadNotifications, true),
            (g(Role::Coordinator, None), ReadNotifications, false),
            (g(Role::Bestuurder, None), ReadNotifications, false),
            // No membership: nothing at all.
            (vec![], Read, false),
            (vec![], ManageUsers, false),
            // Several grants: the most generous one counts.
            (
                vec![
                    Grant {
                        role: Role::Viewer,
                        municipality_id: None,
                    },
                    Grant {
                        role: Role::Coordinator,
                        municipality_id: Some(putten),
                    },
                ],
                EditMunicipality(putten),
                true,
            ),
        ];
        for (grants, action, allowed) in cases {
            assert_eq!(
                tenant_allows(&grants, action),
                allowed,
                "{grants:?} {action:?}"
            );
        }
    }

    #[test]
    fn only_platform_admins_manage_tenants() {
        assert!(may_manage_tenants(true));
        assert!(!may_manage_tenants(false));
    }
}
