//! `abacus serve` (the HTTP API and web control tower) and `abacus keys` (API keys).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Subcommand};

use crate::open_store;

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// A dataset folder to serve (imported first if new or changed); requests that name
    /// no dataset use it. Without --data or --demo, every dataset in the store is served.
    #[arg(long, value_name = "DIR", conflicts_with = "demo")]
    data: Option<PathBuf>,
    /// Serve the demo dataset (generated into the store folder once, then imported).
    #[arg(long)]
    demo: bool,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,
    /// Serve without API keys; allowed on a loopback address only.
    #[arg(long)]
    no_auth: bool,
    /// Worker threads per dataset (default: one per core).
    #[arg(long)]
    workers: Option<usize>,
    /// Requests per second allowed per API key (0: no limit).
    #[arg(long, default_value_t = 200.0)]
    rate_limit: f64,
    /// Requests a key may send in a burst above the rate.
    #[arg(long, default_value_t = 400.0)]
    burst: f64,
    /// Largest request body in bytes.
    #[arg(long, default_value_t = 64 * 1024)]
    body_limit: usize,
    /// Seconds one question may take.
    #[arg(long, default_value_t = 15)]
    ask_timeout: u64,
    /// Allow browser calls from this origin (CORS; repeatable). Off by default.
    #[arg(long, value_name = "ORIGIN")]
    cors_origin: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct KeysArgs {
    #[command(subcommand)]
    command: KeysCommand,
}

#[derive(Debug, Subcommand)]
enum KeysCommand {
    /// Create an API key; the key is printed once and only its hash is stored.
    Create {
        /// A name to recognise the key by.
        #[arg(long, default_value = "default")]
        name: String,
        /// Datasets (ids or names, comma-separated) the key may use; `*` for all.
        #[arg(long, value_delimiter = ',', default_value = "*")]
        datasets: Vec<String>,
        /// Print the key as JSON ({"id", "key", ...}).
        #[arg(long)]
        json: bool,
    },
    /// List the keys (never their secrets).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Revoke a key by id (takes effect on a running server within 5 seconds).
    Revoke { id: String },
}

pub(crate) fn serve(store_dir: Option<&PathBuf>, a: ServeArgs) -> anyhow::Result<()> {
    abacus_server::check_bind(&a.addr, a.no_auth).map_err(anyhow::Error::msg)?;
    // Logs (internal errors with their detail, failed writes) go to stderr; RUST_LOG filters.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .try_init();
    let store = open_store(store_dir)?;
    let data = if a.demo {
        let out = store.home().join("demo-data");
        if !out.join("retail/sales.csv").exists() {
            eprintln!("generating the demo dataset in {}", out.display());
            abacus_demo::write_dataset(&out, &abacus_demo::Config { seed: 42, scale: 1 })
                .with_context(|| format!("writing the demo dataset to {}", out.display()))?;
        }
        Some(out)
    } else {
        a.data.clone()
    };
    let default = match &data {
        Some(dir) => Some(crate::dataset_for(&store, dir)?.info.id),
        None => None,
    };
    let mut config = abacus_server::Config::new(store.home().to_path_buf());
    drop(store);
    config.no_auth = a.no_auth;
    if let Some(w) = a.workers {
        config.workers = w.max(1);
    }
    config.rate_per_sec = a.rate_limit;
    config.burst = a.burst;
    config.body_limit = a.body_limit;
    config.ask_timeout = Duration::from_secs(a.ask_timeout.max(1));
    config.cors_origins = a.cors_origin.clone();
    let no_auth = config.no_auth;
    let state = abacus_server::AppState::new(config, default)?;
    abacus_server::serve(state, a.addr, |bound| {
        outln!("Abacus is serving on http://{bound}/");
        if no_auth {
            outln!("(no API key needed: --no-auth on loopback)");
        } else {
            outln!("API calls need a key: create one with `abacus keys create`");
        }
    })?;
    Ok(())
}

pub(crate) fn keys(store_dir: Option<&PathBuf>, a: KeysArgs) -> anyhow::Result<()> {
    let store = open_store(store_dir)?;
    match a.command {
        KeysCommand::Create {
            name,
            datasets,
            json,
        } => {
            let datasets: Vec<String> = datasets
                .into_iter()
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty())
                .collect();
            let (record, key) = abacus_server::auth::create_key(&store, &name, &datasets)?;
            if json {
                outln!(
                    "{}",
                    serde_json::json!({
                        "id": record.id, "name": record.name, "key": key,
                        "datasets": record.datasets, "created_at": record.created_at,
                    })
                );
            } else {
                outln!("{key}");
                eprintln!(
                    "created key {} ({}) for datasets {}; it is shown only now",
                    record.id,
                    record.name,
                    record.datasets.join(",")
                );
            }
        }
        KeysCommand::List { json } => {
            let keys = store.keys()?;
            if json {
                let list: Vec<_> = keys
                    .iter()
                    .map(|k| {
                        serde_json::json!({
                            "id": k.id, "name": k.name, "datasets": k.datasets,
                            "created_at": k.created_at, "revoked_at": k.revoked_at,
                        })
                    })
                    .collect();
                outln!("{}", serde_json::to_string_pretty(&list)?);
            } else if keys.is_empty() {
                outln!("no API keys; create one with `abacus keys create`");
            } else {
                for k in keys {
                    outln!(
                        "{}  {}  datasets {}  created {}{}",
                        k.id,
                        k.name,
                        k.datasets.join(","),
                        k.created_at,
                        k.revoked_at
                            .map_or(String::new(), |r| format!("  revoked {r}"))
                    );
                }
            }
        }
        KeysCommand::Revoke { id } => {
            anyhow::ensure!(store.revoke_key(&id)?, "no active key with id {id:?}");
            outln!("revoked key {id}");
        }
    }
    Ok(())
}
