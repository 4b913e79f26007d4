//! Daily demand for the plan: a forecast of the next days from a zero-filled
//! daily sales history, and `σ`, the sd of one-day-ahead forecast errors over
//! the last 90 days of history (`spec/metrics.md`).
//!
//! Two forecasters:
//! - [`Method::Engine`]: the forecasting engine (`abacus-forecast`) with a weekly
//!   season, fitted on at most the last [`ENGINE_WINDOW`] days.
//! - [`Method::WeekdayMean`]: the mean of the last 8 weeks times the weekday's
//!   share of demand over the last 52 weeks (weekday factors are 1 with under
//!   two weeks of history). Cheap and documented; also the replay baseline.
//!
//! `σ` always comes from rolling one-day-ahead forecasts of the weekday-mean
//! forecaster (refitting the engine 90 times per series is too slow for the
//! plan's time budget): for each of the last 90 days, forecast it from the days
//! before and take the sample sd of the errors. With fewer than 10 such
//! errors, `σ` is the sample sd of the history itself.

use abacus_forecast::Model;

use crate::{Error, Result};

/// Days of history the engine is fitted on.
pub const ENGINE_WINDOW: usize = 730;
/// Days of one-step errors behind `σ`.
pub const SIGMA_DAYS: usize = 90;

/// Which forecaster to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Engine(Model),
    WeekdayMean,
}

/// A daily demand forecast with its one-step error sd.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandForecast {
    pub daily: Vec<f64>,
    pub sigma: f64,
    pub model: String,
}

/// Forecasts `horizon` days after the end of `history` (one value per day,
/// zero-filled, the last one the day before the as-of date). `key` names the
/// series in errors.
pub fn forecast_demand(
    history: &[f64],
    horizon: usize,
    method: Method,
    key: &str,
) -> Result<DemandForecast> {
    if history.is_empty() || history.iter().all(|v| *v == 0.0) {
        return Err(Error::NoHistory(key.to_string()));
    }
    if let Some(v) = history.iter().find(|v| !(v.is_finite() && **v >= 0.0)) {
        return Err(Error::Param {
            name: "daily sales",
            rule: "a finite number ≥ 0",
            value: *v,
        });
    }
    let sigma = one_step_sigma(history);
    let (daily, model) = match method {
        Method::WeekdayMean => (weekday_mean(history, horizon), "weekday-mean".to_string()),
        Method::Engine(m) => {
            let start = history.len().saturating_sub(ENGINE_WINDOW);
            let y = &history[start..];
            if y.len() < 2 {
                (weekday_mean(history, horizon), "weekday-mean".to_string())
            } else {
                let fc = abacus_forecast::forecast(y, horizon, 7, m, &[])?;
                let daily = fc.mean.iter().map(|v| v.max(0.0)).collect();
                (daily, fc.model_used)
            }
        }
    };
    Ok(DemandForecast {
        daily,
        sigma,
        model,
    })
}

/// The weekday-mean forecast of `horizon` days after `y` (see the module docs).
pub fn weekday_mean(y: &[f64], horizon: usize) -> Vec<f64> {
    let n = y.len();
    if n == 0 {
        return vec![0.0; horizon];
    }
    let recent = &y[n.saturating_sub(56)..];
    let level = recent.iter().sum::<f64>() / recent.len() as f64;
    let year = &y[n.saturating_sub(364)..];
    let total: f64 = year.iter().sum();
    let weeks_ok = year.len() >= 14 && total > 0.0;
    // factor[k] for the weekday of position n + k (k mod 7), relative to the end.
    let mut factor = [1.0; 7];
    if weeks_ok {
        let m = year.len();
        let mut sums = [0.0; 7];
        let mut counts = [0usize; 7];
        for (i, v) in year.iter().enumerate() {
            // Position in y is n − m + i; its weekday class relative to n is (i − m) mod 7.
            let class = ((i as i64 - m as i64).rem_euclid(7)) as usize;
            sums[class] += v;
            counts[class] += 1;
        }
        let mean_all = total / m as f64;
        for c in 0..7 {
            if counts[c] > 0 {
                factor[c] = (sums[c] / counts[c] as f64) / mean_all;
            }
        }
    }
    (0..horizon).map(|k| level * factor[k % 7]).collect()
}

/// Sd of one-day-ahead weekday-mean forecast errors over the last 90 days.
pub fn one_step_sigma(y: &[f64]) -> f64 {
    let n = y.len();
    let first = n.saturating_sub(SIGMA_DAYS).max(1);
    let errors: Vec<f64> = (first..n)
        .map(|t| y[t] - weekday_mean(&y[..t], 1)[0])
        .collect();
    let sample = if errors.len() >= 10 {
        errors.as_slice()
    } else {
        y
    };
    sample_sd(sample)
}

fn sample_sd(v: &[f64]) -> f64 {
    if v.len() < 2 {
        return 0.0;
    }
    let m = v.iter().sum::<f64>() / v.len() as f64;
    (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
}
