//! Which demand method to plan with: holdout accuracy on a dataset's daily
//! histories (train on all but the last `--hold` days, forecast them, score
//! WAPE = Σ|y − ŷ| / Σy and bias = Σ(ŷ − y) / Σy over all series), with timing.
//! `cargo run --release -p abacus-inventory --example forecast_accuracy -- --data DIR`.

mod common;

use std::time::Instant;

use abacus_inventory::demand::{forecast_demand, Method};
use abacus_inventory::series::{daily_histories, first_sale};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::arg("--data").unwrap_or_else(|| "../shared/data/sample".into());
    let models = common::arg("--models")
        .unwrap_or_else(|| "weekday-mean,naive2,ses,theta,damped,auto".into());
    let hold: usize = common::arg("--hold").map_or(Ok(28), |v| v.parse())?;
    let store = std::env::temp_dir().join("abacus-inventory-bench-store");
    let data = common::load(dir.as_ref(), &store)?;
    let as_of = data.as_of.ok_or("no as-of")?;
    let hist = daily_histories(&data, first_sale(&data).ok_or("no sales")?, as_of);
    let series: Vec<&Vec<f64>> = hist.values().filter(|h| h.len() > hold + 28).collect();
    println!("{} series, holdout {hold} days", series.len());
    for name in models.split(',') {
        let method = if name == "weekday-mean" {
            Method::WeekdayMean
        } else {
            Method::Engine(name.parse()?)
        };
        let t = Instant::now();
        let sums: Vec<(f64, f64, f64)> = series
            .par_iter()
            .filter_map(|h| {
                let (train, test) = h.split_at(h.len() - hold);
                let fc = forecast_demand(train, hold, method, "x").ok()?;
                let abs: f64 = fc.daily.iter().zip(test).map(|(f, y)| (f - y).abs()).sum();
                let bias: f64 = fc.daily.iter().zip(test).map(|(f, y)| f - y).sum();
                Some((abs, bias, test.iter().sum()))
            })
            .collect();
        let (a, b, y) = sums
            .iter()
            .fold((0.0, 0.0, 0.0), |s, x| (s.0 + x.0, s.1 + x.1, s.2 + x.2));
        println!(
            "{name:>14}: WAPE {:.4}  bias {:+.4}  ({} series, {:.2} s)",
            a / y,
            b / y,
            sums.len(),
            t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
