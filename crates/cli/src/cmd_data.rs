//! `abacus demo-data`, `abacus import`, `abacus datasets`.

use std::path::PathBuf;
use std::time::Instant;

use abacus_store::model::Summary;
use anyhow::Context;
use clap::Args;

use crate::{open_store, progress::ImportBar};

#[derive(Debug, Args)]
pub(crate) struct DemoDataArgs {
    /// Folder to write (created if missing; existing contract files are overwritten).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Random seed: the same seed always writes the same files.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Multiply the number of SKUs and funds (for benchmarks).
    #[arg(long, default_value_t = 1)]
    scale: u32,
}

#[derive(Debug, Args)]
pub(crate) struct DemoArgs {
    /// Where the demo dataset lives (default: demo-data/ inside the store folder).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The dataset folder, holding any of retail/, network/, funds/.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct DatasetsArgs {
    /// Print as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn demo_data(a: DemoDataArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let stats = abacus_demo::write_dataset(
        &a.out,
        &abacus_demo::Config {
            seed: a.seed,
            scale: a.scale.max(1),
        },
    )
    .with_context(|| format!("writing the demo dataset to {}", a.out.display()))?;
    outln!(
        "wrote demo dataset to {} in {:.1}s: {} SKUs, {} sales rows, {} funds, {} NAV rows, {} network nodes",
        a.out.display(),
        started.elapsed().as_secs_f64(),
        stats.skus,
        stats.sales_rows,
        stats.funds,
        stats.nav_rows,
        stats.nodes
    );
    Ok(())
}

pub(crate) fn demo(store_dir: Option<&PathBuf>, a: DemoArgs) -> anyhow::Result<()> {
    let store = open_store(store_dir)?;
    let out = a.out.unwrap_or_else(|| store.home().join("demo-data"));
    if !out.join("retail/sales.csv").exists() {
        demo_data(DemoDataArgs {
            out: out.clone(),
            seed: 42,
            scale: 1,
        })?;
    }
    let started = Instant::now();
    let mut bar = ImportBar::new();
    let result = store.ensure_imported(&out, &mut |p| bar.update(p));
    bar.finish();
    let (info, imported) = result?;
    if imported {
        outln!(
            "imported {} in {:.2}s",
            info.path,
            started.elapsed().as_secs_f64()
        );
    } else {
        outln!(
            "{} is already imported (unchanged since {})",
            info.path,
            info.imported_at
        );
    }
    print_summary(&info.summary);
    outln!("store: {}", store.home().display());
    // A few questions, answered live by the assistant over the demo data.
    let ds = store.open_dataset(&info)?;
    let assistant = abacus_assistant::Assistant::new(&ds)?;
    let mut state = abacus_assistant::State::default();
    outln!();
    for q in [
        "What were the top 3 categories by revenue last month?",
        "How many units did the Shanghai warehouse sell in the last 4 weeks?",
        "And Beijing?",
        "List bond funds with a 3-year Sharpe ratio above 1, top 5 by Sharpe",
        "What does the optimal distribution plan cost?",
        "What if we close Wuhan Roastery?",
        "What is the square root of 143?",
    ] {
        let a = assistant.ask(q, &mut state);
        outln!("Q: {q}\nA: {}\n", a.answer);
    }
    outln!("Ask your own: abacus ask --data {} \"…\"", out.display());
    Ok(())
}

pub(crate) fn import(store: Option<&PathBuf>, a: ImportArgs) -> anyhow::Result<()> {
    let store = open_store(store)?;
    let started = Instant::now();
    let mut bar = ImportBar::new();
    let result = store.import(&a.dir, &mut |p| bar.update(p));
    bar.finish();
    let info = result?;
    let secs = started.elapsed().as_secs_f64();
    if a.json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&abacus_server::reports::dataset_json(&info, Some(secs)))?
        );
    } else {
        outln!("imported {} ({}) in {secs:.2}s", info.name, info.path);
        print_summary(&info.summary);
    }
    Ok(())
}

pub(crate) fn datasets(store: Option<&PathBuf>, a: DatasetsArgs) -> anyhow::Result<()> {
    let store = open_store(store)?;
    let all = store.datasets()?;
    if a.json {
        let list: Vec<_> = all
            .iter()
            .map(|i| abacus_server::reports::dataset_json(i, None))
            .collect();
        outln!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(());
    }
    if all.is_empty() {
        outln!(
            "no datasets in {}; load one with `abacus import DIR`",
            store.home().display()
        );
    }
    for info in &all {
        outln!(
            "{}  id {}  imported {}",
            info.name,
            info.id,
            info.imported_at
        );
        outln!("  path {}", info.path);
        print_summary(&info.summary);
    }
    Ok(())
}

fn range(a: &Option<String>, b: &Option<String>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => "none".into(),
    }
}

fn print_summary(s: &Summary) {
    if let Some(r) = &s.retail {
        outln!(
            "  retail   as-of {}: {} locations, {} suppliers, {} SKUs in {} categories and {} brands",
            r.as_of, r.locations, r.suppliers, r.items, r.categories, r.brands
        );
        outln!(
            "           {} sales rows {}, {} inventory rows, {} purchase orders ({} open), events: {}",
            r.sales_rows,
            range(&r.sales_first, &r.sales_last),
            r.inventory_rows,
            r.purchase_orders,
            r.open_purchase_orders,
            r.events.map_or("built-in calendar".to_string(), |n| format!("{n} rows"))
        );
    }
    if let Some(n) = &s.network {
        outln!(
            "  network  {} suppliers, {} facilities, {} customers, {} lanes, {} products, {} demand rows",
            n.suppliers, n.facilities, n.customers, n.lanes, n.products, n.demand_rows
        );
    }
    if let Some(f) = &s.funds {
        outln!(
            "  funds    as-of {}: {} funds ({} with NAV history), {} NAV rows from {}",
            f.as_of.as_deref().unwrap_or("none"),
            f.funds,
            f.funds_with_nav,
            f.nav_rows,
            f.nav_first.as_deref().unwrap_or("none")
        );
    }
}
