//! `worker`: background work of the platform. Shares the api library's domain and database code.
//!
//! - `worker run`: a daemon; every interval it plans what is due for every active tenant and
//!   delivers the outbox; between rounds it runs queued jobs (a requested Veiligheidsbrief)
//!   every `--poll` seconds. SIGTERM or Ctrl-C lets the current email finish, then it stops.
//! - `worker run-once [--now <RFC 3339>]`: one round at that moment, then exit (tests, cron).
//! - `worker migrate`: as `api migrate`.
//!
//! Several workers may run at once: each email is claimed by one of them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use api::config::Settings;
use api::db::pool::build_pool;
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use worker::config::{MailSettings, spare_schemas_from_env};
use worker::mail::Mailer;
use worker::outage::DatabaseWatch;
use worker::round::{RoundSettings, run_due_jobs, run_round};

#[derive(Debug, Parser)]
#[command(
    name = "worker",
    about = "Veiligheidsplatform: achtergrondwerk (herinneringen, overzichten, e-mail)",
    version
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrate the platform schema, then every tenant schema (same as `api migrate`).
    Migrate,
    /// Run until stopped: a round every interval.
    Run {
        /// Seconds between rounds.
        #[arg(long, default_value_t = 60)]
        interval: u64,
        /// Seconds between looks for queued jobs (a requested letter) between rounds.
        #[arg(long, default_value_t = 2)]
        poll: u64,
    },
    /// One round at a moment, then exit.
    RunOnce {
        /// The moment to act at (RFC 3339, e.g. 2026-12-17T08:00:00+01:00); default: now.
        #[arg(long, value_parser = parse_moment)]
        now: Option<DateTime<Utc>>,
    },
}

fn parse_moment(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.to_utc())
        .map_err(|e| format!("'{s}' is not an RFC 3339 moment: {e}"))
}

/// How long a round waits for a connection before it counts the database as away (and says so).
const DATABASE_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// The platform's settings and the worker's own.
struct Config {
    platform: Settings,
    mail: MailSettings,
    spare_schemas: u32,
}

fn main() -> anyhow::Result<()> {
    api::telemetry::init("info");
    let cli = Cli::parse();
    let settings = Config {
        platform: Settings::from_env()?,
        mail: MailSettings::from_env()?,
        spare_schemas: spare_schemas_from_env()?,
    };
    match cli.command {
        Command::Migrate => api::commands::migrate(&settings.platform),
        Command::Run { interval, poll } => run(&settings, interval, poll),
        Command::RunOnce { now } => {
            let stop = stop_flag()?;
            let res = open(&settings)?;
            round(&settings, &res, now.unwrap_or_else(Utc::now), &stop)
        }
    }
}

fn round_settings(settings: &Config) -> RoundSettings {
    RoundSettings {
        worker_id: format!(
            "{}-{}",
            std::env::var("HOSTNAME").unwrap_or_else(|_| "worker".to_owned()),
            std::process::id()
        ),
        base_url: settings.platform.app_base_url.clone(),
        reminder_days: settings.mail.reminder_days.clone(),
        spare_schemas: settings.spare_schemas,
        cooperations_per_connection: settings.platform.cooperations_per_connection,
    }
}

/// The database and the mail server, opened once per process.
struct Resources {
    pool: api::db::DbPool,
    mailer: Mailer,
}

fn open(settings: &Config) -> anyhow::Result<Resources> {
    Ok(Resources {
        pool: build_pool(&settings.platform.database_url, 2)
            .context("could not connect to the database")?,
        mailer: Mailer::new(&settings.mail.smtp_url, &settings.mail.from)?,
    })
}

fn round(
    settings: &Config,
    res: &Resources,
    now: DateTime<Utc>,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let mut conn = res.pool.get_timeout(DATABASE_WAIT)?;
    let report = run_round(
        &mut conn,
        &res.pool,
        &res.mailer,
        &round_settings(settings),
        now,
        &|| stop.load(Ordering::Relaxed),
    )
    .map_err(anyhow::Error::from)?;
    tracing::info!(
        planned = report.planned,
        jobs_failed = report.jobs_failed,
        sent = report.delivery.sent,
        retried = report.delivery.retried,
        dead = report.delivery.dead,
        %now,
        "round done"
    );
    Ok(())
}

/// Runs the jobs that are due now, between rounds.
fn jobs(settings: &Config, res: &Resources, stop: &AtomicBool) -> anyhow::Result<()> {
    let mut conn = res.pool.get_timeout(DATABASE_WAIT)?;
    let report = run_due_jobs(
        &mut conn,
        &res.pool,
        &round_settings(settings),
        Utc::now(),
        &|| stop.load(Ordering::Relaxed),
    )
    .map_err(anyhow::Error::from)?;
    if report.failed > 0 {
        tracing::warn!(failed = report.failed, "jobs failed");
    }
    Ok(())
}

fn run(settings: &Config, interval: u64, poll: u64) -> anyhow::Result<()> {
    let stop = stop_flag()?;
    let res = open(settings)?;
    tracing::info!(interval, poll, "worker started");
    let poll_ticks = poll.max(1) * 10;
    let mut database = DatabaseWatch::default();
    while !stop.load(Ordering::Relaxed) {
        // A round that failed (database or mail server away) is tried again next time.
        match round(settings, &res, Utc::now(), &stop) {
            Ok(()) => database.succeeded(),
            Err(e) => database.failed("round", &e),
        }
        for tick in 1..interval * 10 {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
            // A letter someone asked for should not wait for the next round; while the database
            // is away, only the rounds look for it.
            if tick % poll_ticks == 0 && !database.is_away() {
                match jobs(settings, &res, &stop) {
                    Ok(()) => database.succeeded(),
                    Err(e) => database.failed("looking for jobs", &e),
                }
            }
        }
    }
    tracing::info!("worker stopped");
    Ok(())
}

/// Set by SIGTERM or SIGINT: the current email finishes, no next one starts.
fn stop_flag() -> anyhow::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::spawn(move || {
        runtime.block_on(async {
            let mut term =
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(t) => t,
                    Err(_) => return,
                };
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            tracing::info!("stop requested; finishing the current email");
            flag.store(true, Ordering::Relaxed);
        });
    });
    Ok(stop)
}
