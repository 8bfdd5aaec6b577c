//! Repositories: every SQL statement of the platform. Platform tables take a plain connection;
//! tenant tables take a [`crate::db::TenantConn`], which only the tenancy entry point makes.
//!
//! Related rows of a page: a page's rows carry the few rows they show with them (an indicator
//! its targets, a commitment its priorities, …) as `ARRAY(SELECT ROW(…) …)` columns correlated
//! with the row, read in the page's own statement. Each statement is a round
//! trip, and round trips bound throughput (`scripts/bench-api`; the test `round_trips` counts
//! them). Rows, not JSON: PostgreSQL sends them in binary, where building JSON text of the same
//! rows cost it several times as much (timestamps and numbers as text), and numbers stay exact.
//! Only for the few rows a row has: many (an indicator's measurements) cost PostgreSQL more as
//! arrays than the round trip they save, and come in a statement of their own (`figures`).

pub mod actions;
pub mod audit;
pub mod commitments;
pub mod districts;
pub mod expert_groups;
pub mod figures;
mod fixed_sql;
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
