//! `worker`: background work of the platform. Shares the api library's domain and database code.
//! This first version migrates; the reminder and digest jobs arrive with their issue.

use api::config::Settings;
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "worker",
    about = "Veiligheidsplatform: achtergrondwerk",
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
}

fn main() -> anyhow::Result<()> {
    api::telemetry::init("info");
    let cli = Cli::parse();
    let settings = Settings::from_env()?;
    match cli.command {
        Command::Migrate => api::commands::migrate(&settings),
    }
}
