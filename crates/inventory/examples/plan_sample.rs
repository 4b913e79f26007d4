//! Benchmark: the full plan (forecasting included) for every SKU×location of a
//! dataset folder. `cargo run --release -p abacus-inventory --example plan_sample --
//! --data ../shared/data/sample [--model auto|weekday-mean] [--reps 3]`.

mod common;

use std::time::Instant;

use abacus_inventory::demand::Method;
use abacus_inventory::series::build_inputs;
use abacus_inventory::{plan_all, PlanSettings};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::arg("--data").unwrap_or_else(|| "../shared/data/sample".into());
    let model = common::arg("--model").unwrap_or_else(|| "auto".into());
    let reps: usize = common::arg("--reps").map_or(Ok(3), |r| r.parse())?;
    let store = std::env::temp_dir().join("abacus-inventory-bench-store");
    let t = Instant::now();
    let data = common::load(dir.as_ref(), &store)?;
    let load_s = t.elapsed().as_secs_f64();
    let method = if model == "weekday-mean" {
        Method::WeekdayMean
    } else {
        Method::Engine(model.parse()?)
    };
    let settings = PlanSettings::new(data.as_of.ok_or("no as-of")?);
    println!(
        "dataset {dir}: {} sales rows, {} series; read from the store in {load_s:.3} s",
        data.sales.len(),
        data.stock.len()
    );
    println!("threads: {}", rayon::current_num_threads());
    for rep in 0..reps {
        let t = Instant::now();
        let (inputs, problems) = build_inputs(&data, &settings, method);
        let fc_s = t.elapsed().as_secs_f64();
        let plan = plan_all(&inputs, &settings);
        let total = t.elapsed().as_secs_f64();
        println!(
            "rep {rep}: model {model}: {} lines, {} problems; history+forecast {fc_s:.3} s, plan {:.3} s, total {total:.3} s ({:.0} series/s)",
            plan.lines.len(),
            problems.len() + plan.problems.len(),
            total - fc_s,
            data.stock.len() as f64 / total
        );
        if rep == 0 {
            let mut methods = std::collections::BTreeMap::new();
            for l in &plan.lines {
                *methods.entry(l.risk_method.name()).or_insert(0usize) += 1;
            }
            let orders = plan.lines.iter().filter(|l| l.order.is_some()).count();
            let excess = plan.lines.iter().filter(|l| l.excess.is_some()).count();
            println!("  risk methods {methods:?}; {orders} orders; {excess} excess lines");
        }
    }
    Ok(())
}
