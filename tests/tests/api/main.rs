//! Integration tests: the API over HTTP against a real PostgreSQL (see `helpers`).

mod actions;
mod audit;
mod auth;
mod commitments;
mod delivery;
mod demo;
mod digests;
mod errors;
mod expert_groups;
mod health;
mod helpers;
mod indicators;
mod isolation;
mod mailcatcher;
mod measurement_imports;
mod measurements;
mod migrations;
mod municipalities;
mod openapi;
mod plans;
mod priorities;
mod provisioning;
mod reminders;
mod reviews;
mod tokens;
mod users;
