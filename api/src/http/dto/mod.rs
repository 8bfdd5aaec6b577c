//! JSON shapes of the API (camelCase, as the Dutch API Design Rules ask).
//!
//! One file per resource; handlers import from the resource's module.

pub mod actions;
pub mod audit;
pub mod auth;
pub mod commitments;
pub mod expert_groups;
pub mod indicators;
pub mod me;
pub mod municipalities;
pub mod notifications;
pub mod page;
pub mod plans;
pub mod priorities;
pub mod rules;
pub mod safety_letters;
pub mod tenants;
pub mod users;
pub mod whole_number;
