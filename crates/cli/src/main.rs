//! The `abacus` binary: parses the command line, sets up the store, and hands
//! each subcommand to its module. Only this crate does terminal IO.

/// `println!` that ends the process quietly when stdout is closed (`abacus plan | head`).
macro_rules! outln {
    () => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

mod cmd_ask;
mod cmd_data;
mod cmd_forecast;
mod cmd_funds;
mod cmd_network;
mod cmd_plan;
mod cmd_serve;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use abacus_store::{Dataset, Store};
use anyhow::Context;
use clap::{Parser, Subcommand};

/// Abacus: exact answers for retail supply chains and fund selection.
#[derive(Debug, Parser)]
#[command(name = "abacus", version, about)]
pub(crate) struct Cli {
    /// Store folder (default: $ABACUS_HOME, else the user's data directory).
    #[arg(long, global = true, env = "ABACUS_HOME", value_name = "DIR")]
    store: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate the demo dataset (once), import it, and print what was loaded.
    Demo(cmd_data::DemoArgs),
    /// Ask a question about a dataset folder (see spec/ask.md).
    Ask(cmd_ask::AskArgs),
    /// Write a deterministic demo dataset (retail, funds, network) in the data contract's form.
    DemoData(cmd_data::DemoDataArgs),
    /// Import a dataset folder into the store (all or nothing).
    Import(cmd_data::ImportArgs),
    /// List the datasets in the store: counts, date ranges, as-of dates.
    Datasets(cmd_data::DatasetsArgs),
    /// Forecast many series from a long-format CSV (see spec/forecast.md).
    Forecast(cmd_forecast::ForecastArgs),
    /// Fund metrics, screens and comparisons.
    Funds(cmd_funds::FundsArgs),
    /// Replenishment plan (control tower): stock-out risk, recommended orders, excess stock, what-ifs.
    Plan(cmd_plan::PlanArgs),
    /// Optimal supply-network plan, or a what-if with --edit (see `network --help` for the edit syntax).
    Network(cmd_network::NetworkArgs),
    /// Serve the HTTP API, the OpenAI-compatible chat endpoint and the web control tower.
    Serve(cmd_serve::ServeArgs),
    /// Create, list and revoke the server's API keys.
    Keys(cmd_serve::KeysArgs),
}

/// Opens the store chosen by `--store`, `$ABACUS_HOME` or the default location.
pub(crate) fn open_store(cli_store: Option<&PathBuf>) -> anyhow::Result<Store> {
    let home = store_home(cli_store)?;
    Store::open(&home).with_context(|| format!("opening the store at {}", home.display()))
}

/// The store folder: `--store`, else `$ABACUS_HOME` (both via clap), else the user's data directory.
fn store_home(cli_store: Option<&PathBuf>) -> anyhow::Result<PathBuf> {
    match cli_store {
        Some(p) => Ok(p.clone()),
        None => dirs::data_dir()
            .map(|d| d.join("abacus"))
            .context("no data directory for this user; set ABACUS_HOME or pass --store DIR"),
    }
}

/// Opens the dataset of folder `dir`, importing it first if new or changed.
pub(crate) fn dataset_for(store: &Store, dir: &std::path::Path) -> anyhow::Result<Dataset> {
    let mut bar = progress::ImportBar::new();
    let (info, _) = store.ensure_imported(dir, &mut |p| bar.update(p))?;
    bar.finish();
    Ok(store.open_dataset(&info)?)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let store = cli.store.clone();
    let result = match cli.command {
        Command::Ask(a) => cmd_ask::run(store.as_ref(), a),
        Command::Demo(a) => cmd_data::demo(store.as_ref(), a),
        Command::DemoData(a) => cmd_data::demo_data(a),
        Command::Import(a) => cmd_data::import(store.as_ref(), a),
        Command::Datasets(a) => cmd_data::datasets(store.as_ref(), a),
        Command::Forecast(a) => cmd_forecast::run(a),
        Command::Funds(a) => cmd_funds::run(store.as_ref(), a),
        Command::Plan(a) => cmd_plan::run(store.as_ref(), a),
        Command::Network(a) => cmd_network::run(store.as_ref(), a),
        Command::Serve(a) => cmd_serve::serve(store.as_ref(), a),
        Command::Keys(a) => cmd_serve::keys(store.as_ref(), a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
