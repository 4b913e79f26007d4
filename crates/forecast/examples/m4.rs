//! Scores models on the M4 Hourly/Weekly files: `cargo run --release -p abacus-forecast --example m4 -- DIR hourly|weekly MODEL...`.

use std::collections::BTreeMap;
use std::time::Instant;

use abacus_forecast::metrics::{mase, smape};
use abacus_forecast::{forecast, Model};
use rayon::prelude::*;

fn read(path: &str) -> Vec<(String, Vec<f64>)> {
    let text = std::fs::read_to_string(path).expect("readable file");
    let mut order: Vec<String> = Vec::new();
    let mut map: BTreeMap<String, Vec<(usize, f64)>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let mut parts = line.split(',');
        let id = parts.next().expect("id").to_string();
        let t: usize = parts.next().expect("t").parse().expect("int t");
        let y: f64 = parts.next().expect("y").parse().expect("number y");
        if !map.contains_key(&id) {
            order.push(id.clone());
        }
        map.entry(id).or_default().push((t, y));
    }
    order
        .into_iter()
        .map(|id| {
            let mut v = map.remove(&id).expect("present");
            v.sort_by_key(|p| p.0);
            (id, v.into_iter().map(|p| p.1).collect())
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = &args[1];
    let set = args[2].as_str();
    let (h, m, scale_m) = if set == "hourly" {
        (48, 24, 24)
    } else {
        (13, 52, 1)
    };
    let mut train = read(&format!("{dir}/{set}_train.csv"));
    let mut test = read(&format!("{dir}/{set}_test.csv"));
    if std::env::var("VALIDATE").is_ok() {
        // Model-selection runs: hold out the last h training points instead of the test set.
        println!("validation split: last {h} training points held out");
        test = train
            .iter_mut()
            .map(|(id, y)| (id.clone(), y.split_off(y.len() - h)))
            .collect();
    }
    let base: Vec<(f64, f64)> = train
        .iter()
        .zip(&test)
        .map(|((_, y), (_, a))| {
            let f = forecast(
                y,
                h,
                if set == "hourly" { m } else { 1 },
                Model::Naive2,
                &[],
            )
            .expect("fc");
            (
                smape(a, &f.mean),
                mase(y, a, &f.mean, scale_m).expect("scale"),
            )
        })
        .collect();
    let n = base.len() as f64;
    let (s2, m2) = (
        base.iter().map(|b| b.0).sum::<f64>() / n,
        base.iter().map(|b| b.1).sum::<f64>() / n,
    );
    println!("naive2: sMAPE {s2:.3} MASE {m2:.3}");
    for name in &args[3..] {
        let model: Model = name.parse().expect("model");
        let t0 = Instant::now();
        let res: Vec<(f64, f64, String)> = train
            .par_iter()
            .zip(&test)
            .map(|((_, y), (_, a))| {
                let f = forecast(y, h, m, model, &[80.0, 95.0]).expect("fc");
                (
                    smape(a, &f.mean),
                    mase(y, a, &f.mean, scale_m).expect("scale"),
                    f.model_used,
                )
            })
            .collect();
        let secs = t0.elapsed().as_secs_f64();
        let s = res.iter().map(|r| r.0).sum::<f64>() / n;
        let ms = res.iter().map(|r| r.1).sum::<f64>() / n;
        let mut used: BTreeMap<String, usize> = BTreeMap::new();
        for r in &res {
            *used.entry(r.2.clone()).or_default() += 1;
        }
        let owa = 0.5 * (s / s2 + ms / m2);
        println!("{name}: sMAPE {s:.3} MASE {ms:.3} OWA {owa:.3}  {secs:.2}s  {used:?}");
    }
}
