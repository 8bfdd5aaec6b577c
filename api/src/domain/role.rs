//! Roles a user holds in a tenant (per membership).

use super::InvalidField;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    TenantAdmin,
    Coordinator,
    Expert,
    Bestuurder,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::TenantAdmin,
        Role::Coordinator,
        Role::Expert,
        Role::Bestuurder,
        Role::Viewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::TenantAdmin => "tenant_admin",
            Role::Coordinator => "coordinator",
            Role::Expert => "expert",
            Role::Bestuurder => "bestuurder",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(s: &str) -> Result<Self, InvalidField> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                InvalidField::new(
                    "role",
                    format!("onbekende rol '{s}'; kies uit tenant_admin, coordinator, expert, bestuurder, viewer"),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
        assert!(Role::parse("platform_admin").is_err());
    }
}
