//! Repositories: every SQL statement of the platform. Platform tables take a plain connection;
//! tenant tables take a [`crate::db::TenantConn`], which only the tenancy entry point makes.

pub mod actions;
pub mod audit;
pub mod commitments;
pub mod districts;
pub mod expert_groups;
pub mod indicators;
pub mod jobs;
pub mod login_failures;
pub mod measurements;
pub mod memberships;
pub mod municipalities;
pub mod notification_settings;
pub mod outbox;
mod paging;
pub mod plans;
pub mod priorities;
pub mod priority_links;
pub mod refresh_tokens;
pub mod reviews;
pub mod safety_letters;
pub mod spare_schemas;
pub mod tenants;
pub mod users;
