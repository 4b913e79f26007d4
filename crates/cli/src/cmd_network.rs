//! `abacus network`: the optimal supply-network plan of a dataset, or a what-if
//! with edits, as text or JSON (engine: `abacus-network`).

use std::path::{Path, PathBuf};

use abacus_network::{
    optimize, parse_edit, what_if, Edit, Infeasibility, Network, Outcome, Plan, SolveOptions,
    WhatIf, EDIT_SYNTAX,
};
use anyhow::Context;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = EDIT_SYNTAX)]
pub(crate) struct NetworkArgs {
    /// Dataset folder (the one holding `network/`; the `network/` folder itself also works).
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// A what-if edit, e.g. `demand S06 *1.2` or `close "South Packing"` (repeatable; see below).
    #[arg(long = "edit", value_name = "EDIT")]
    edits: Vec<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Stop the MIP search after this many seconds (reports the gap reached).
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<f64>,
}

pub(crate) fn run(store: Option<&PathBuf>, args: NetworkArgs) -> anyhow::Result<()> {
    let edits: Vec<Edit> = args
        .edits
        .iter()
        .map(|e| parse_edit(e))
        .collect::<Result<_, _>>()?;
    let dir = dataset_dir(&args.data);
    let store = crate::open_store(store)?;
    let dataset = crate::dataset_for(&store, &dir)?;
    if args.json {
        let v = abacus_server::reports::network_report(&dataset, &args.edits, args.time_limit)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        outln!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    let model = dataset.network().context("reading the network")?;
    anyhow::ensure!(
        !model.nodes.is_empty(),
        "{} has no network/ data",
        dir.display()
    );
    let net = convert(&model)?;
    let opts = SolveOptions {
        time_limit: args.time_limit,
        ..SolveOptions::default()
    };
    if edits.is_empty() {
        let out = optimize(&net, &opts)?;
        print_outcome(&net, &out);
    } else {
        let w = what_if(&net, &edits, &opts)?;
        print_what_if(&net, &w);
    }
    Ok(())
}

/// Accepts the dataset folder or its `network/` subfolder.
fn dataset_dir(p: &Path) -> PathBuf {
    if p.join("nodes.csv").is_file() && p.file_name().is_some_and(|n| n == "network") {
        if let Some(parent) = p.parent() {
            return parent.to_path_buf();
        }
    }
    p.to_path_buf()
}

/// The store's rows as the engine's input.
fn convert(m: &abacus_store::model::Network) -> anyhow::Result<Network> {
    Ok(abacus_assistant::network::engine_network(m)?)
}

fn money(x: f64) -> String {
    let neg = x < 0.0;
    let s = format!("{:.2}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}.{frac}", if neg { "-" } else { "" })
}

fn units(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{}", (x * 1000.0).round() / 1000.0)
    }
}

fn print_outcome(net: &Network, out: &Outcome) {
    match out {
        Outcome::Infeasible(i) => print_infeasible(i),
        Outcome::Optimal(p) => print_plan(net, p),
    }
}

fn print_infeasible(i: &Infeasibility) {
    outln!("No plan exists: {}.", i.reason);
    if !i.shortfalls.is_empty() {
        outln!(
            "\nShort (in the plan with the smallest total shortfall, {} units):",
            units(i.total_short)
        );
        for s in &i.shortfalls {
            outln!(
                "  {:<50} needs {:>10}  gets {:>10}",
                s.constraint.to_string(),
                units(s.required),
                units(s.achieved)
            );
        }
    }
}

fn print_plan(net: &Network, p: &Plan) {
    outln!(
        "Optimal total cost: {}  (lanes {} · processing {} · fixed {})",
        money(p.total_cost),
        money(p.lane_cost),
        money(p.processing_cost),
        money(p.fixed_cost)
    );
    if !p.proven_optimal {
        outln!(
            "(time limit reached: best plan found, MIP gap {:.4}%)",
            p.mip_gap * 100.0
        );
    }
    outln!("\nFacilities:");
    for f in &p.facilities {
        let cap = f
            .capacity
            .map(|c| format!(" of {}", units(c)))
            .unwrap_or_default();
        let state = if f.open { "open  " } else { "closed" };
        outln!(
            "  {:<30} {state}  ships {:>8}{cap}  fixed {}",
            net.label(&f.node),
            units(f.throughput),
            money(f.fixed_cost)
        );
    }
    outln!("\nFlows:");
    outln!(
        "  {:<22} {:<22} {:<14} {:>9} {:>9} {:>12}",
        "from",
        "to",
        "product",
        "units",
        "unit",
        "cost"
    );
    for f in &p.flows {
        outln!(
            "  {:<22} {:<22} {:<14} {:>9} {:>9} {:>12}",
            f.from,
            f.to,
            f.product,
            units(f.quantity),
            f.unit_cost,
            money(f.cost)
        );
    }
    if !p.processed.is_empty() {
        outln!("\nProcessing:");
        for x in &p.processed {
            outln!(
                "  {:<22} {} → {:<14} {:>9}  cost {}",
                x.node,
                x.input,
                x.output,
                units(x.quantity),
                money(x.cost)
            );
        }
    }
    let caps: Vec<_> = p
        .binding
        .iter()
        .filter(|b| b.constraint.is_capacity())
        .collect();
    if !caps.is_empty() {
        outln!("\nBinding capacities (shadow price: cost change per extra unit, LP with facility decisions fixed):");
        for b in caps {
            let sp = b
                .shadow_price
                .map(|s| format!("{s:+.4}"))
                .unwrap_or_else(|| "n/a".into());
            outln!("  {:<55} {sp}", b.constraint.to_string());
        }
    }
}

fn print_what_if(net: &Network, w: &WhatIf) {
    outln!("What-if: {}", w.edits.join("; "));
    match (&w.scenario, w.baseline.cost()) {
        (Outcome::Optimal(p), base) => {
            print!("New optimal cost: {}", money(p.total_cost));
            match (base, w.change) {
                (Some(b), Some(c)) => outln!(
                    "  (baseline {}, change {}{})",
                    money(b),
                    if c >= 0.0 { "+" } else { "" },
                    money(c)
                ),
                _ => outln!("  (the baseline has no feasible plan)"),
            }
        }
        (Outcome::Infeasible(i), _) => {
            print_infeasible(i);
            return;
        }
    }
    for f in &w.facility_changes {
        let s = |o: bool| if o { "open" } else { "closed" };
        outln!(
            "  {}: {} → {}",
            net.label(&f.node),
            s(f.open_before),
            s(f.open_after)
        );
    }
    if w.flow_changes.is_empty() {
        outln!("No flow changes.");
    } else {
        outln!("\nFlows that changed:");
        outln!(
            "  {:<22} {:<22} {:<14} {:>9} {:>9}",
            "from",
            "to",
            "product",
            "before",
            "after"
        );
        for c in &w.flow_changes {
            outln!(
                "  {:<22} {:<22} {:<14} {:>9} {:>9}",
                c.from,
                c.to,
                c.product,
                units(c.before),
                units(c.after)
            );
        }
    }
    if let Outcome::Optimal(p) = &w.scenario {
        outln!();
        print_plan(net, p);
    }
}
