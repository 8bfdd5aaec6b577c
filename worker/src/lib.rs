//! The worker's own code: what only the background process runs. The `worker` binary runs it;
//! the API never links it.
//!
//! - `round`: one round of the worker (plan every tenant, run queued jobs, deliver the outbox);
//! - `queue`: the one queue's loop, lease and backoff, for every job (emails' delivery included);
//! - `notifications`: which reminders and digests are due, rendered as Dutch emails;
//! - `delivery` and `mail`: the outbox's lane of the queue, sent over SMTP;
//! - `letters` and `document`: the Veiligheidsbrief compiled into Word and HTML;
//! - `spares`: cooperations' schemas made ahead of time, for quick provisioning.
//!
//! It builds on the `api` library's domain, database and services, without its HTTP layer.

pub mod config;
pub mod delivery;
pub mod document;
pub mod error;
pub mod letters;
pub mod mail;
pub mod notifications;
pub mod outage;
pub mod queue;
pub mod round;
pub mod spares;
