//! Lead-time error sums against their definition, computed the slow way.

use abacus_inventory::demand::{lead_time_errors, weekday_mean};

fn series(n: usize) -> Vec<f64> {
    // Weekly pattern, a trend, a promotion spike and zero days: every branch of
    // the weekday-mean forecaster (short history, < 14 days, zeros) is visited.
    (0..n)
        .map(|i| {
            let week = [3.0, 4.0, 5.0, 4.0, 6.0, 9.0, 8.0][i % 7];
            let spike = if i % 97 == 40 { 30.0 } else { 0.0 };
            let zero = i % 23 == 5;
            if zero {
                0.0
            } else {
                week + i as f64 * 0.01 + spike
            }
        })
        .collect()
}

#[test]
fn lead_time_errors_match_the_definition() {
    let y = series(500);
    for lead in [1, 5, 12] {
        let fast = lead_time_errors(&y, lead);
        assert_eq!(fast.len(), y.len() - lead);
        for (i, e) in fast.iter().enumerate() {
            let o = i + 1;
            let actual: f64 = y[o..o + lead].iter().sum();
            let slow = actual - weekday_mean(&y[..o], lead).iter().sum::<f64>();
            assert!(
                (e - slow).abs() < 1e-9 * (1.0 + slow.abs()),
                "lead {lead} origin {o}: {e} vs {slow}"
            );
        }
    }
}

#[test]
fn lead_time_errors_of_short_or_empty_history() {
    assert!(lead_time_errors(&[], 3).is_empty());
    assert!(lead_time_errors(&[1.0, 2.0, 3.0], 3).is_empty());
    assert!(lead_time_errors(&[1.0, 2.0, 3.0], 0).is_empty());
    assert_eq!(lead_time_errors(&[1.0, 2.0, 3.0], 2), vec![5.0 - 2.0]);
}

use abacus_inventory::demand::{forecast_demand, plan_forecast, Method, PlanForecast, Safety};

fn how(safety: Safety) -> PlanForecast {
    PlanForecast {
        horizon: 28,
        lead_days: 5.0,
        service_level: 0.9,
        safety,
        method: Method::WeekdayMean,
    }
}

#[test]
fn plan_forecast_without_windows_or_calibration_is_the_plain_forecast() {
    let y = series(400);
    let plain = forecast_demand(&y, 28, Method::WeekdayMean, "s").unwrap();
    assert_eq!(
        plan_forecast(&y, None, &how(Safety::Spec), "s").unwrap(),
        plain
    );
}

#[test]
fn event_windows_divide_the_history_and_multiply_the_forecast() {
    // A history that is the plain one doubled everywhere, with factors of 2
    // everywhere, forecasts twice the plain forecast with twice its σ.
    let y = series(400);
    let doubled: Vec<f64> = y.iter().map(|v| 2.0 * v).collect();
    let factors = vec![2.0; 400 + 28];
    let plain = forecast_demand(&y, 28, Method::WeekdayMean, "s").unwrap();
    let f = plan_forecast(&doubled, Some(&factors), &how(Safety::Spec), "s").unwrap();
    for (a, b) in f.daily.iter().zip(&plain.daily) {
        assert!((a - 2.0 * b).abs() < 1e-9);
    }
    assert!((f.sigma - 2.0 * plain.sigma).abs() < 1e-9);
    // Factors that do not cover the horizon, or are not positive, are refused.
    assert!(plan_forecast(&y, Some(&factors[..410]), &how(Safety::Spec), "s").is_err());
    let mut bad = factors.clone();
    bad[3] = 0.0;
    assert!(plan_forecast(&y, Some(&bad), &how(Safety::Spec), "s").is_err());
}

#[test]
fn empirical_safety_reaches_the_quantile_of_last_years_lead_time_errors() {
    let y = series(800);
    let lead = 5;
    let errors = lead_time_errors(&y, lead);
    let recent = &errors[errors.len() - 365..];
    let m = recent.iter().sum::<f64>() / 365.0;
    let mut c: Vec<f64> = recent.iter().map(|e| e - m).collect();
    c.sort_by(f64::total_cmp);
    let q90 = c[(0.9f64 * 365.0).ceil() as usize - 1];
    let plain = forecast_demand(&y, 28, Method::WeekdayMean, "s").unwrap();
    let f = plan_forecast(&y, None, &how(Safety::Empirical), "s").unwrap();
    // Lead-time demand mean moves by the errors' mean; z·√L·σ equals the quantile.
    let shift: f64 = f.daily[..lead]
        .iter()
        .zip(&plain.daily)
        .map(|(a, b)| a - b)
        .sum();
    assert!((shift - m).abs() < 1e-9, "{shift} vs {m}");
    let z = 1.2815515655446004; // Φ⁻¹(0.9)
    assert!(
        (z * 5f64.sqrt() * f.sigma - q90).abs() < 1e-6,
        "{} vs {q90}",
        z * 5f64.sqrt() * f.sigma
    );
    // Too little history: the spec's σ is kept.
    let short = &y[..30]; // 25 lead-time errors, under MIN_ERRORS
    let s = plan_forecast(short, None, &how(Safety::Empirical), "s").unwrap();
    assert_eq!(
        s,
        forecast_demand(short, 28, Method::WeekdayMean, "s").unwrap()
    );
}
