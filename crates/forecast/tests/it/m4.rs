//! Naive benchmarks on M4 Hourly and Weekly against the competition's official
//! figures (`official_scores_by_frequency.csv`), when the shared data are present.

use std::collections::HashMap;
use std::path::Path;

use abacus_forecast::metrics::{mase, smape};
use abacus_forecast::{forecast, Model};

/// This package's folder as cargo gives it when it runs the tests (the path compiled in
/// is stale when the checkout moved and the build cache was reused).
fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || env!("CARGO_MANIFEST_DIR").into(),
        std::path::PathBuf::from,
    )
}

fn m4_dir() -> std::path::PathBuf {
    package_dir().join("../../../shared/bench/m4")
}

/// Series in file order, each sorted by its integer index.
fn read_long(path: &Path) -> Vec<(String, Vec<f64>)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<(String, Vec<(usize, f64)>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let i = *index.entry(f[0].to_string()).or_insert_with(|| {
            out.push((f[0].to_string(), Vec::new()));
            out.len() - 1
        });
        out[i]
            .1
            .push((f[1].parse().unwrap(), f[2].parse().unwrap()));
    }
    out.into_iter()
        .map(|(id, mut v)| {
            v.sort_by_key(|p| p.0);
            (id, v.into_iter().map(|p| p.1).collect())
        })
        .collect()
}

/// Official (sMAPE, MASE) of `method` for `freq` (e.g. "Hourly").
fn official(method: &str, freq: &str) -> (f64, f64) {
    let text = std::fs::read_to_string(m4_dir().join("official_scores_by_frequency.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: String| header.iter().position(|h| *h == name).unwrap();
    let (cs, cm) = (col(format!("sMAPE_{freq}")), col(format!("MASE_{freq}")));
    let row: Vec<&str> = lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|r| r[0] == method)
        .unwrap();
    (row[cs].parse().unwrap(), row[cm].parse().unwrap())
}

/// Mean sMAPE and MASE of `model` over a whole set.
fn score(
    set: &str,
    h: usize,
    model_season: usize,
    scale_season: usize,
    model: Model,
) -> (f64, f64) {
    let train = read_long(&m4_dir().join(format!("{set}_train.csv")));
    let test = read_long(&m4_dir().join(format!("{set}_test.csv")));
    assert_eq!(train.len(), test.len());
    let (mut s, mut m) = (0.0, 0.0);
    for ((id, y), (tid, actual)) in train.iter().zip(&test) {
        assert_eq!(id, tid);
        let fc = forecast(y, h, model_season, model, &[]).unwrap();
        s += smape(actual, &fc.mean);
        m += mase(y, actual, &fc.mean, scale_season).unwrap();
    }
    let n = train.len() as f64;
    (s / n, m / n)
}

fn check(set: &str, freq: &str, h: usize, season: usize, model: Model, method: &str) {
    let (s, m) = score(set, h, season, season, model);
    let (os, om) = official(method, freq);
    println!("M4 {freq} {method}: sMAPE {s:.3} (official {os}), MASE {m:.3} (official {om})");
    assert!((s - os).abs() < 5e-4, "{method} {freq} sMAPE {s} vs {os}");
    assert!((m - om).abs() < 5e-4, "{method} {freq} MASE {m} vs {om}");
}

#[test]
fn naive_benchmarks_match_the_official_m4_scores() {
    if !m4_dir().join("official_scores_by_frequency.csv").exists() {
        println!("skipped: M4 data not found at {}", m4_dir().display());
        return;
    }
    check("hourly", "Hourly", 48, 24, Model::Naive, "Naive");
    check("hourly", "Hourly", 48, 24, Model::SeasonalNaive, "sNaive");
    check("hourly", "Hourly", 48, 24, Model::Naive2, "Naive2");
    // M4 treated weekly data as non-seasonal (period 1): sNaive and Naive2 equal Naive.
    check("weekly", "Weekly", 13, 1, Model::Naive, "Naive");
    check("weekly", "Weekly", 13, 1, Model::SeasonalNaive, "sNaive");
    check("weekly", "Weekly", 13, 1, Model::Naive2, "Naive2");
}
