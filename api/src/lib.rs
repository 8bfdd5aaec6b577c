//! The safety-monitoring platform: domain, database and HTTP layers. The `api` binary serves it;
//! the `worker` binary uses the domain and database layers and builds without the HTTP layer
//! (feature `http`, on by default).

pub mod auth;
pub mod authz;
pub mod commands;
pub mod config;
pub mod db;
pub mod domain;
pub mod error_chain;
#[cfg(feature = "http")]
pub mod http;
pub mod repo;
pub mod services;
pub mod telemetry;
