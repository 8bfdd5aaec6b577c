//! Configuration of the api and worker binaries, read from the environment. (The worker's own
//! settings, its mail server and reminder days, are in `worker::config`.)
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `DATABASE_URL` | (required) | PostgreSQL URL of the login role the platform runs as |
//! | `DB_POOL_SIZE` | twice the cores, at most 10 | connections in the pool (see `default_pool_size`) |
//! | `DB_COOPERATIONS_PER_CONNECTION` | `250` | a pooled connection is replaced once it has served more cooperations than this (at least 1) |
//! | `MIGRATE_JOBS` | `4` | cooperations `migrate` migrates at once, each on its own connection |
//! | `BIND_ADDR` | `127.0.0.1:8080` | address `api serve` listens on |
//! | `APP_BASE_URL` | `http://localhost:8080` | public address of the platform, used in links and as token issuer |
//! | `DATA_DIR` | `./.data` | generated keys and local state |
//! | `JWT_PRIVATE_KEY` / `JWT_PRIVATE_KEY_FILE` | generated in `DATA_DIR/keys` | Ed25519 private key (PKCS#8 PEM) that signs access tokens |
//! | `JWT_PUBLIC_KEY` / `JWT_PUBLIC_KEY_FILE` | generated in `DATA_DIR/keys` | its public key (SPKI PEM) |
//! | `JWT_AUDIENCE` | `safety-platform` | audience of access tokens |
//! | `ACCESS_TOKEN_TTL_SECONDS` | `900` | lifetime of an access token |
//! | `REFRESH_TOKEN_TTL_DAYS` | `30` | lifetime of a refresh token |
//! | `LOG_FORMAT` | `json` | `json` or `pretty` |
//! | `RUST_LOG` | `info` | log filter |
//! | `DEMO_PASSWORD` | (required by `demo-data`) | password of every demo user |
//! | `WEB_UI_DIR` | `web-ui/dist` | the built web UI that `api serve` serves at `/` (relative to the working directory) |

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub db_pool_size: u32,
    /// Cooperations a pooled connection serves before it is replaced (its catalog caches grow
    /// with every schema it touches).
    pub cooperations_per_connection: usize,
    /// Tenants `migrate` works on at once.
    pub migrate_jobs: u32,
    pub bind_addr: String,
    pub app_base_url: String,
    pub data_dir: PathBuf,
    /// The built web UI (`index.html` and `assets/`), served at `/`.
    pub web_ui_dir: PathBuf,
    pub token: TokenSettings,
}

#[derive(Debug, Clone)]
pub struct TokenSettings {
    pub private_key_pem: Option<String>,
    pub public_key_pem: Option<String>,
    pub issuer: String,
    pub audience: String,
    pub access_ttl_seconds: i64,
    pub refresh_ttl_days: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("environment variable {0} is not set")]
    Missing(&'static str),
    #[error("environment variable {name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("could not read {name} from {path}")]
    File {
        name: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        let app_base_url = var_or("APP_BASE_URL", "http://localhost:8080")
            .trim_end_matches('/')
            .to_owned();
        Ok(Settings {
            database_url: std::env::var("DATABASE_URL")
                .map_err(|_| ConfigError::Missing("DATABASE_URL"))?,
            db_pool_size: parse_var("DB_POOL_SIZE", default_pool_size())?,
            cooperations_per_connection: match parse_var(
                "DB_COOPERATIONS_PER_CONNECTION",
                crate::db::pool::COOPERATIONS_PER_CONNECTION,
            )? {
                0 => {
                    return Err(ConfigError::Invalid {
                        name: "DB_COOPERATIONS_PER_CONNECTION",
                        reason: "must be at least 1".to_owned(),
                    });
                }
                n => n,
            },
            migrate_jobs: match parse_var("MIGRATE_JOBS", 4)? {
                n @ 1..=64 => n,
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "MIGRATE_JOBS",
                        reason: "must be 1 to 64".to_owned(),
                    });
                }
            },
            bind_addr: var_or("BIND_ADDR", "127.0.0.1:8080"),
            data_dir: PathBuf::from(var_or("DATA_DIR", "./.data")),
            web_ui_dir: PathBuf::from(var_or("WEB_UI_DIR", "web-ui/dist")),
            token: TokenSettings {
                private_key_pem: pem_var("JWT_PRIVATE_KEY")?,
                public_key_pem: pem_var("JWT_PUBLIC_KEY")?,
                issuer: app_base_url.clone(),
                audience: var_or("JWT_AUDIENCE", "safety-platform"),
                access_ttl_seconds: parse_var("ACCESS_TOKEN_TTL_SECONDS", 900)?,
                refresh_ttl_days: parse_var("REFRESH_TOKEN_TTL_DAYS", 30)?,
            },
            app_base_url,
        })
    }
}

/// Twice the cores of this machine, as PostgreSQL's own advice for a pool goes: measured on 2
/// cores with the database beside the API, 4 connections gave the same throughput as 10 and
/// 16, but without their tail (`/me` at 16 clients: p99 7 ms against 160 to 600 ms), because
/// more connections than cores only add runnable threads and backends that take turns on the
/// cores, and the event loops wait among them.
/// At most 10: on a machine with many cores (a container without a CPU limit sees them all) the
/// pools of a few replicas would otherwise pass PostgreSQL's `max_connections`.
fn default_pool_size() -> u32 {
    std::thread::available_parallelism()
        .map(|n| u32::try_from(n.get()).unwrap_or(u32::MAX).saturating_mul(2))
        .unwrap_or(4)
        .min(10)
}

/// The variable's value, or `default` when it is unset or empty.
pub fn var_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

pub fn parse_var<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => v.parse().map_err(|e: T::Err| ConfigError::Invalid {
            name,
            reason: e.to_string(),
        }),
        _ => Ok(default),
    }
}

/// A PEM given inline (`NAME`) or as a file (`NAME_FILE`).
fn pem_var(name: &'static str) -> Result<Option<String>, ConfigError> {
    if let Ok(v) = std::env::var(name)
        && !v.is_empty()
    {
        return Ok(Some(v));
    }
    let file_var = match name {
        "JWT_PRIVATE_KEY" => "JWT_PRIVATE_KEY_FILE",
        _ => "JWT_PUBLIC_KEY_FILE",
    };
    match std::env::var(file_var) {
        Ok(path) if !path.is_empty() => {
            std::fs::read_to_string(&path)
                .map(Some)
                .map_err(|source| ConfigError::File {
                    name: file_var,
                    path,
                    source,
                })
        }
        _ => Ok(None),
    }
}
