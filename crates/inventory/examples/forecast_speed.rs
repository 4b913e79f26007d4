//! Benchmark: forecasting throughput of each demand method on a dataset's
//! daily histories. `cargo run --release -p abacus-inventory --example
//! forecast_speed -- --data ../shared/data/sample --models auto,ets,theta,weekday-mean`.

mod common;

use std::time::Instant;

use abacus_inventory::demand::{forecast_demand, Method};
use abacus_inventory::series::{daily_histories, first_sale};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::arg("--data").unwrap_or_else(|| "../shared/data/sample".into());
    let models = common::arg("--models").unwrap_or_else(|| "auto,weekday-mean".into());
    let store = std::env::temp_dir().join("abacus-inventory-bench-store");
    let data = common::load(dir.as_ref(), &store)?;
    let as_of = data.as_of.ok_or("no as-of")?;
    let hist = daily_histories(&data, first_sale(&data).ok_or("no sales")?, as_of);
    let series: Vec<&Vec<f64>> = hist.values().collect();
    println!(
        "{} series of {} days; {} threads",
        series.len(),
        series[0].len(),
        rayon::current_num_threads()
    );
    for name in models.split(',') {
        let method = if name == "weekday-mean" {
            Method::WeekdayMean
        } else {
            Method::Engine(name.parse()?)
        };
        let t = Instant::now();
        let ok = series
            .par_iter()
            .filter(|h| forecast_demand(h, 60, method, "x").is_ok())
            .count();
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name:>14}: {ok} forecasts in {s:.3} s = {:.0} series/s",
            series.len() as f64 / s
        );
    }
    Ok(())
}
