//! Benchmark: multi-origin backtest of the retail daily forecast
//! (`abacus_forecast::retail::forecast_daily`) with and without event windows
//! (`abacus_forecast::events`), on every SKU×location of a dataset.
//!
//! Origins every `--step` (56) days going back from the as-of date, `--origins`
//! (6) of them; each forecasts `--h` (28) days from the history before the
//! origin only. The event windows are learned from the total over all series
//! before the origin; the event calendar (built-in) is known in advance.
//! Reports mean sMAPE and MASE (season 7) per origin and overall, and the error
//! of the 28-day total summed over all series.
//! `cargo run --release -p abacus-inventory --example retail_backtest -- --data DIR [--model auto|theta|…]`.

mod common;

use std::time::Instant;

use abacus_forecast::events::EventProfile;
use abacus_forecast::metrics::{mase, smape};
use abacus_forecast::retail::{forecast_daily, DailySeries};
use abacus_forecast::Model;
use abacus_inventory::series::{daily_histories, first_sale};
use rayon::prelude::*;

#[derive(Default, Clone, Copy)]
struct Acc {
    n: usize,
    smape: f64,
    mase_n: usize,
    mase: f64,
    actual: f64,
    forecast: f64,
}

impl Acc {
    fn add(&mut self, o: &Acc) {
        self.n += o.n;
        self.smape += o.smape;
        self.mase_n += o.mase_n;
        self.mase += o.mase;
        self.actual += o.actual;
        self.forecast += o.forecast;
    }
    fn row(&self) -> String {
        format!(
            "{:>8.2} {:>7.3} {:>+8.1}%",
            self.smape / self.n.max(1) as f64,
            self.mase / self.mase_n.max(1) as f64,
            100.0 * (self.forecast - self.actual) / self.actual.max(1e-9)
        )
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::arg("--data").unwrap_or_else(|| "../shared/data/sample".into());
    let model: Model = common::arg("--model")
        .unwrap_or_else(|| "auto".into())
        .parse()?;
    let h: usize = common::arg("--h").map_or(Ok(28), |v| v.parse())?;
    let step: usize = common::arg("--step").map_or(Ok(56), |v| v.parse())?;
    let origins: usize = common::arg("--origins").map_or(Ok(6), |v| v.parse())?;
    let store = std::env::temp_dir().join("abacus-inventory-bench-store");
    let data = common::load(dir.as_ref(), &store)?;
    let as_of = data.as_of.ok_or("no as-of")?;
    let first = first_sale(&data).ok_or("no sales")?;
    let hist = daily_histories(&data, first, as_of);
    let events: Vec<(abacus_core::Date, String)> =
        abacus_core::calendar::builtin_events(first, as_of + chrono::Days::new(h as u64))
            .into_iter()
            .map(|(d, n)| (d, n.to_string()))
            .collect();
    let mut series: Vec<&Vec<f64>> = hist.values().collect();
    series.sort_by(|a, b| b.iter().sum::<f64>().total_cmp(&a.iter().sum::<f64>()));
    let n = (as_of - first).num_days() as usize;
    let t0 = Instant::now();
    println!(
        "retail backtest: {} series, model {model:?}, horizon {h}, {origins} origins every {step} days",
        series.len()
    );
    println!(
        "{:>10} | {:^27} | {:^27}",
        "", "without windows", "with event windows"
    );
    println!(
        "{:>10} | {:>8} {:>7} {:>9} | {:>8} {:>7} {:>9}",
        "origin", "sMAPE", "MASE", "total", "sMAPE", "MASE", "total"
    );
    let mut all = [Acc::default(); 2];
    for k in (1..=origins).rev() {
        let origin = (n - k * step).min(n - h);
        let mut agg = vec![0.0; origin];
        for y in &series {
            for (a, v) in agg.iter_mut().zip(&y[..origin]) {
                *a += v;
            }
        }
        let profile = EventProfile::learn(&agg, first, &events);
        let per: Vec<[Acc; 2]> = series
            .par_iter()
            .filter_map(|y| {
                let s0 = y[..origin].iter().position(|v| *v > 0.0)?;
                let train = &y[s0..origin];
                let test = &y[origin..origin + h];
                if train.len() < 56 {
                    return None;
                }
                let start = first + chrono::Days::new(s0 as u64);
                let mut out = [Acc::default(); 2];
                for (j, p) in [None, Some(&profile)].into_iter().enumerate() {
                    let s = DailySeries {
                        y: train,
                        start,
                        events: &events,
                        out_of_stock_now: false,
                        profile: p,
                    };
                    let f = forecast_daily(&s, h, model, &[]).ok()?.forecast.mean;
                    let m = mase(train, test, &f, 7);
                    out[j] = Acc {
                        n: 1,
                        smape: smape(test, &f),
                        mase_n: usize::from(m.is_some()),
                        mase: m.unwrap_or(0.0),
                        actual: test.iter().sum(),
                        forecast: f.iter().sum(),
                    };
                }
                Some(out)
            })
            .collect();
        let mut acc = [Acc::default(); 2];
        for p in &per {
            acc[0].add(&p[0]);
            acc[1].add(&p[1]);
        }
        all[0].add(&acc[0]);
        all[1].add(&acc[1]);
        println!(
            "{:>10} | {} | {}",
            (first + chrono::Days::new(origin as u64)).to_string(),
            acc[0].row(),
            acc[1].row()
        );
    }
    println!("{:>10} | {} | {}", "all", all[0].row(), all[1].row());
    println!(
        "sMAPE, MASE: means over series (MASE season 7); total: error of the {h}-day total over all series. {:.1} s",
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
