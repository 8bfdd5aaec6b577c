//! `api`: serve the REST API, migrate, load demo data, and manage tenants from the command line.

use anyhow::Context;
use api::config::Settings;
use api::db::pool::build_pool;
use api::domain::email::EmailAddress;
use api::domain::password::NewPassword;
use api::domain::slug::TenantSlug;
use api::domain::text::required_text;
use api::http::startup::Application;
use api::services::{demo, provisioning};
use clap::{Parser, Subcommand};

/// mimalloc instead of glibc's malloc: under `scripts/bench-api` a fifth of the API's own CPU
/// went to glibc's malloc and free (`malloc_consolidate`, `unlink_chunk`: many threads handing
/// buffers to each other), in the blocking threads that read rows and the workers that write
/// JSON. It commits memory as it uses it (`.cargo/config.toml`), not whole arenas at once: the
/// API peaked at 68 MB resident under the benchmark with mimalloc's default, 30 MB so (27 MB with
/// glibc), at the same CPU per request.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "api",
    about = "Veiligheidsplatform: REST API en beheer",
    version
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the REST API on BIND_ADDR.
    Serve,
    /// Migrate the platform schema, then every tenant schema.
    Migrate,
    /// Load the launch tenants and demo users (DEMO_PASSWORD); running it twice changes nothing.
    DemoData,
    /// Print the OpenAPI document (committed as openapi/openapi.json).
    Openapi,
    /// Manage tenants.
    Tenants {
        #[command(subcommand)]
        command: TenantCommand,
    },
}

#[derive(Debug, Subcommand)]
enum TenantCommand {
    /// Provision a tenant with its first tenant admin.
    Create {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        admin_email: String,
        #[arg(long)]
        admin_name: String,
        /// Password of a new admin account (read from the environment, not the command line).
        #[arg(long, env = "ADMIN_PASSWORD", hide_env_values = true)]
        admin_password: Option<String>,
    },
    /// List tenants with their status.
    List,
    /// Suspend a tenant: its users get 403 until it is reactivated.
    Suspend { slug: String },
    /// Reactivate a suspended tenant.
    Activate { slug: String },
}

fn main() -> anyhow::Result<()> {
    api::telemetry::init("info");
    let command = Cli::parse().command;
    // Printing the document needs no database or configuration.
    if let Command::Openapi = command {
        let doc = api::http::openapi::document_json();
        std::io::Write::write_all(&mut std::io::stdout(), doc.as_bytes())?;
        return Ok(());
    }
    let settings = Settings::from_env()?;
    match command {
        Command::Openapi => Ok(()),
        Command::Serve => serve(settings),
        Command::Migrate => api::commands::migrate(&settings),
        Command::DemoData => demo_data(&settings),
        Command::Tenants { command } => tenants(&settings, command),
    }
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        Application::build(settings)?.run_until_stopped().await?;
        Ok(())
    })
}

fn demo_data(settings: &Settings) -> anyhow::Result<()> {
    let password = std::env::var("DEMO_PASSWORD")
        .context("set DEMO_PASSWORD: the password of every demo user")?;
    let password = NewPassword::parse(&password)
        .map_err(|e| anyhow::anyhow!("DEMO_PASSWORD: {}", e.message))?;
    let pool = build_pool(&settings.database_url, 2)?;
    let mut conn = pool.get()?;
    let report = demo::load(&mut conn, &password).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    tracing::info!(
        created = ?report.tenants_created,
        figures = ?report.figures_loaded,
        accountability = ?report.accountability_loaded,
        letters = ?report.letters_requested,
        users = report.users.len(),
        "demo data loaded"
    );
    Ok(())
}

fn tenants(settings: &Settings, command: TenantCommand) -> anyhow::Result<()> {
    let pool = build_pool(&settings.database_url, 2)?;
    let mut conn = pool.get()?;
    let err = |e: api::services::ServiceError| anyhow::anyhow!("{e:?}");
    let rows = match command {
        TenantCommand::Create {
            slug,
            name,
            admin_email,
            admin_name,
            admin_password,
        } => {
            let invalid = |e: api::domain::InvalidField| anyhow::anyhow!("{e}");
            let new = provisioning::NewTenant {
                slug: TenantSlug::parse(&slug).map_err(invalid)?,
                name: required_text("name", &name, 200).map_err(invalid)?,
                admin_email: EmailAddress::parse(&admin_email).map_err(invalid)?,
                admin_name: required_text("admin-name", &admin_name, 200).map_err(invalid)?,
                admin_password: admin_password
                    .as_deref()
                    .map(NewPassword::parse)
                    .transpose()
                    .map_err(invalid)?,
            };
            vec![
                provisioning::create_tenant(&mut conn, &new)
                    .map_err(err)?
                    .into(),
            ]
        }
        TenantCommand::List => provisioning::list_tenants(&mut conn).map_err(err)?,
        TenantCommand::Suspend { slug } => {
            vec![provisioning::suspend_tenant(&mut conn, &slug).map_err(err)?]
        }
        TenantCommand::Activate { slug } => {
            vec![provisioning::activate_tenant(&mut conn, &slug).map_err(err)?]
        }
    };
    let mut out = String::new();
    for t in rows {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            t.slug, t.status, t.schema_name, t.name
        ));
    }
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes())?;
    Ok(())
}
