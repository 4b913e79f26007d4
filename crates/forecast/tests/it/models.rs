//! Behaviour of each model on series whose forecasts are known by hand.

use abacus_forecast::metrics::{mase, rolling_origin, smape};
use abacus_forecast::{forecast, Error, Model, MAX_HORIZON};

const LEVELS: [f64; 2] = [80.0, 95.0];

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

/// A deterministic noisy seasonal series with trend (period 12), strictly positive.
fn seasonal_series(n: usize) -> Vec<f64> {
    let mut state = 12345u64;
    (0..n)
        .map(|t| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let noise = ((state >> 33) as f64 / (1u64 << 31) as f64) - 0.5;
            let season = 10.0 * (2.0 * std::f64::consts::PI * t as f64 / 12.0).sin();
            100.0 + 0.5 * t as f64 + season + 4.0 * noise
        })
        .collect()
}

#[test]
fn constant_series_forecasts_its_constant() {
    let y = vec![7.5; 40];
    for model in Model::NAMES.iter().map(|n| n.parse::<Model>().unwrap()) {
        let fc = forecast(&y, 10, 4, model, &LEVELS).unwrap();
        assert!(
            fc.mean.iter().all(|v| close(*v, 7.5, 1e-9)),
            "{model}: {:?}",
            fc.mean
        );
        for iv in &fc.intervals {
            assert!(iv.lo.iter().chain(&iv.hi).all(|v| v.is_finite()));
        }
    }
    let auto = forecast(&y, 3, 1, Model::Auto, &LEVELS).unwrap();
    assert!(auto.fell_back, "a constant series falls back to naive");
}

#[test]
fn holt_extrapolates_a_line() {
    let y: Vec<f64> = (0..50).map(|t| 10.0 + 2.0 * t as f64).collect();
    let fc = forecast(&y, 12, 1, Model::Holt, &LEVELS).unwrap();
    for (k, v) in fc.mean.iter().enumerate() {
        let expected = 10.0 + 2.0 * (50 + k) as f64;
        assert!(
            close(*v, expected, 1e-4),
            "step {}: {v} vs {expected}",
            k + 1
        );
    }
    let damped = forecast(&y, 12, 1, Model::Damped, &LEVELS).unwrap();
    assert!(
        damped.mean[11] < fc.mean[11] + 1e-9,
        "damping never steepens the line"
    );
}

#[test]
fn seasonal_naive_repeats_the_last_season() {
    let y: Vec<f64> = (0..30).map(|t| ((t * 7) % 11) as f64 + 1.0).collect();
    let fc = forecast(&y, 14, 7, Model::SeasonalNaive, &LEVELS).unwrap();
    let last: Vec<f64> = y[23..30].to_vec();
    let expected: Vec<f64> = last.iter().chain(&last).copied().collect();
    assert_eq!(fc.mean, expected);
    assert!(!fc.fell_back);
}

#[test]
fn intervals_widen_and_contain_the_point() {
    let y = seasonal_series(120);
    for name in [
        "naive", "snaive", "naive2", "ses", "holt", "damped", "ets", "theta", "ensemble", "auto",
    ] {
        let model: Model = name.parse().unwrap();
        let fc = forecast(&y, 24, 12, model, &LEVELS).unwrap();
        assert_eq!(fc.intervals.len(), 2);
        let (i80, i95) = (&fc.intervals[0], &fc.intervals[1]);
        for k in 0..24 {
            let m = fc.mean[k];
            assert!(
                i95.lo[k] <= i80.lo[k]
                    && i80.lo[k] <= m
                    && m <= i80.hi[k]
                    && i80.hi[k] <= i95.hi[k],
                "{name} step {k}"
            );
        }
        // Widths never shrink from one season to the next (same seasonal position).
        let width = |k: usize| i95.hi[k] - i95.lo[k];
        for k in 0..12 {
            assert!(
                width(k + 12) >= width(k) - 1e-9,
                "{name} step {k}: {} < {}",
                width(k + 12),
                width(k)
            );
        }
    }
}

#[test]
fn croston_and_sba_give_the_textbook_values() {
    // Demands at t = 3, 5, 9 (1-based) of sizes 4, 6, 2; intervals 3, 2, 4.
    // Sizes by SES(0.1) from the first: 4 → 4.2 → 3.98.
    // Intervals likewise: 3 → 2.9 → 3.01. Croston = 3.98 / 3.01; SBA = 0.95 × that.
    let y = [0.0, 0.0, 4.0, 0.0, 6.0, 0.0, 0.0, 0.0, 2.0];
    let croston = forecast(&y, 3, 1, Model::Croston, &LEVELS).unwrap();
    let expected = 3.98 / 3.01;
    assert!(
        croston.mean.iter().all(|v| close(*v, expected, 1e-12)),
        "{:?}",
        croston.mean
    );
    let sba = forecast(&y, 3, 1, Model::Sba, &LEVELS).unwrap();
    assert!(close(sba.mean[0], 0.95 * expected, 1e-12));
    // TSB: p from 3/9 and z from 4, updated every period with 0.1.
    let (mut p, mut z) = (3.0 / 9.0, 4.0);
    for v in y {
        p += 0.1 * (if v > 0.0 { 1.0 } else { 0.0 } - p);
        if v > 0.0 {
            z += 0.1 * (v - z);
        }
    }
    let tsb = forecast(&y, 2, 1, Model::Tsb, &LEVELS).unwrap();
    assert!(close(tsb.mean[0], p * z, 1e-12));
    let auto = forecast(&y, 2, 1, Model::Auto, &LEVELS).unwrap();
    assert!(
        ["auto:croston", "auto:sba", "auto:tsb"].contains(&auto.model_used.as_str()),
        "{}",
        auto.model_used
    );
    assert!(
        auto.intervals
            .iter()
            .all(|iv| iv.lo.iter().all(|v| *v >= 0.0)),
        "non-negative data, non-negative bounds"
    );
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let ok = [1.0, 2.0, 3.0];
    assert_eq!(forecast(&[], 3, 1, Model::Auto, &LEVELS), Err(Error::Empty));
    // A single point is not an error: it is repeated, as a counted fallback.
    let one = forecast(&[5.0], 3, 1, Model::Auto, &LEVELS).unwrap();
    assert!(one.fell_back && one.mean == vec![5.0; 3]);
    assert!(matches!(
        forecast(&[1.0, f64::NAN], 3, 1, Model::Auto, &LEVELS),
        Err(Error::NotFinite { index: 1, .. })
    ));
    assert!(matches!(
        forecast(&[f64::INFINITY, 1.0], 3, 1, Model::Auto, &LEVELS),
        Err(Error::NotFinite { index: 0, .. })
    ));
    assert_eq!(
        forecast(&ok, 0, 1, Model::Auto, &LEVELS),
        Err(Error::Horizon(0))
    );
    assert_eq!(
        forecast(&ok, MAX_HORIZON + 1, 1, Model::Auto, &LEVELS),
        Err(Error::Horizon(MAX_HORIZON + 1))
    );
    assert_eq!(
        forecast(&ok, 3, 0, Model::Auto, &LEVELS),
        Err(Error::Season(0))
    );
    assert_eq!(
        forecast(&ok, 3, 1, Model::Auto, &[100.0]),
        Err(Error::Level(100.0))
    );
    assert_eq!(
        forecast(&ok, 3, 1, Model::Auto, &[0.0]),
        Err(Error::Level(0.0))
    );
    assert!(matches!(
        "arima".parse::<Model>(),
        Err(Error::UnknownModel(_))
    ));
    let msg = Error::Horizon(0).to_string();
    assert!(msg.contains("1..=10000"), "{msg}");
}

#[test]
fn awkward_series_still_get_finite_forecasts() {
    let cases: Vec<(Vec<f64>, usize)> = vec![
        (vec![1.0, 2.0], 1),
        (vec![3.0, -1.0, 2.0], 12), // season longer than the series
        (vec![0.0; 30], 7),         // all zero
        (
            vec![
                -5.0, 3.0, -2.0, 8.0, -1.0, 0.5, 2.0, -7.0, 1.0, 4.0, 2.5, -3.0,
            ],
            4,
        ),
        (
            (0..60)
                .map(|t| if t % 5 == 0 { 3.0 } else { 0.0 })
                .collect(),
            7,
        ),
        ((0..40).map(|t| 1e9 * (t as f64 + 1.0)).collect(), 4),
        ((0..40).map(|t| 1e-9 * ((t % 4) as f64 + 1.0)).collect(), 4),
    ];
    for (y, m) in cases {
        for model in Model::NAMES.iter().map(|n| n.parse::<Model>().unwrap()) {
            let fc = forecast(&y, MAX_HORIZON.min(500), m, model, &LEVELS).unwrap();
            let all = fc.mean.iter().chain(
                fc.intervals
                    .iter()
                    .flat_map(|iv| iv.lo.iter().chain(&iv.hi)),
            );
            assert!(all.clone().all(|v| v.is_finite()), "{model} on {y:?}");
            assert_eq!(fc.mean.len(), 500);
        }
    }
    let zeros = forecast(&vec![0.0; 30], 5, 7, Model::Auto, &LEVELS).unwrap();
    assert!(zeros.fell_back && zeros.mean.iter().all(|v| *v == 0.0));
}

#[test]
fn accuracy_measures_by_hand() {
    // |10-8|/(10+8) = 1/9, |20-25|/45 = 1/9 → sMAPE = 200/2 · 2/9 = 22.22…
    assert!(close(
        smape(&[10.0, 20.0], &[8.0, 25.0]),
        200.0 / 9.0,
        1e-12
    ));
    // Scale: mean |lag-1 diff| of [1, 3, 2] = (2 + 1) / 2 = 1.5; MAE = 3.5 → 3.5 / 1.5.
    let m = mase(&[1.0, 3.0, 2.0], &[10.0, 20.0], &[8.0, 25.0], 1).unwrap();
    assert!(close(m, 3.5 / 1.5, 1e-12));
    assert_eq!(
        mase(&[2.0, 2.0], &[1.0], &[1.0], 1),
        None,
        "zero scale is undefined"
    );
    let y: Vec<f64> = (0..40).map(|t| t as f64).collect();
    let scores = rolling_origin(&y, 5, 1, Model::Naive, 3, 5).unwrap();
    assert_eq!(
        scores.iter().map(|s| s.origin).collect::<Vec<_>>(),
        vec![25, 30, 35]
    );
    // Naive on a unit line: errors 1..5, scale 1 → MASE 3.
    assert!(scores.iter().all(|s| close(s.mase.unwrap(), 3.0, 1e-12)));
}

#[test]
fn ets_finds_the_season_and_auto_handles_long_intermittent_series() {
    let y = seasonal_series(144);
    let fc = forecast(&y, 12, 12, Model::Ets, &LEVELS).unwrap();
    assert!(
        fc.model_used.ends_with(",A)") || fc.model_used.ends_with(",M)"),
        "{}",
        fc.model_used
    );
    // The fitted season shows in the forecast: its peak is where the data's is.
    let peak = (0..12)
        .max_by(|&a, &b| fc.mean[a].total_cmp(&fc.mean[b]))
        .unwrap();
    assert!(
        (144 + peak) % 12 == 3 || (144 + peak) % 12 == 2 || (144 + peak) % 12 == 4,
        "peak at step {}",
        peak + 1
    );

    // 20,000 periods with demand every seventh: one pass per model, not quadratic.
    let long: Vec<f64> = (0..20_000)
        .map(|t| {
            if t % 7 == 0 {
                1.0 + (t % 3) as f64
            } else {
                0.0
            }
        })
        .collect();
    let fc = forecast(&long, 28, 7, Model::Auto, &LEVELS).unwrap();
    assert!(fc.model_used.starts_with("auto:"), "{}", fc.model_used);
    assert!(fc.mean.iter().all(|v| v.is_finite() && *v >= 0.0));
}
