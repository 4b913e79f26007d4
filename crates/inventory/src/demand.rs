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

/// How the plan sizes safety stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Safety {
    /// `spec/metrics.md`: `σ` from one-day errors, `σ_LTD = √(Lσ² + μ²σ_L²)`.
    #[default]
    Spec,
    /// From the last year's realised lead-time demand errors of the
    /// weekday-mean forecaster: their mean is added to the lead-time demand
    /// (bias) and the service level's quantile of the centred errors replaces
    /// `z·√L·σ` (skewed, autocorrelated and event-driven errors included).
    /// Falls back to `Spec` with under [`MIN_ERRORS`] errors. The plan then
    /// also protects `L +` [`REVIEW_DAYS`] days (the plan is re-run daily, so an
    /// order placed today must last until the next review's order arrives) and
    /// counts lead-time variability for the stream of orders it places
    /// ([`crate::policy::stream_lead_time_sd`]).
    Empirical,
}

/// Review period of the empirical policy in days: the plan is re-run every day.
pub const REVIEW_DAYS: f64 = 1.0;

/// Fewest lead-time errors behind an empirical safety stock.
pub const MIN_ERRORS: usize = 30;
/// Origins (days) of lead-time errors behind an empirical safety stock.
pub const ERROR_ORIGINS: usize = 365;

/// What [`plan_forecast`] makes for one series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanForecast {
    /// Days to forecast.
    pub horizon: usize,
    /// Mean lead time in days.
    pub lead_days: f64,
    /// The item's target cycle service level.
    pub service_level: f64,
    pub safety: Safety,
    pub method: Method,
}

/// The plan's forecast of one series: [`forecast_demand`] with optional event
/// windows (`factors`: the window factor of every history day and at least
/// `horizon` days after; the history is divided by them, forecast, and the
/// forecast and `σ` multiplied back) and the chosen [`Safety`] for an item of
/// `service_level` and lead time `lead_days`. Only `history` is seen.
pub fn plan_forecast(
    history: &[f64],
    factors: Option<&[f64]>,
    how: &PlanForecast,
    key: &str,
) -> Result<DemandForecast> {
    let PlanForecast {
        horizon,
        lead_days,
        service_level,
        safety,
        method,
    } = *how;
    let n = history.len();
    let adjusted: Vec<f64>;
    let y = match factors {
        None => history,
        Some(f) => {
            if f.len() < n + horizon || f.iter().any(|v| !(v.is_finite() && *v > 0.0)) {
                return Err(Error::Data(format!(
                    "{key}: event-window factors must be positive and cover the history and the horizon"
                )));
            }
            adjusted = history.iter().zip(f).map(|(v, f)| v / f).collect();
            &adjusted
        }
    };
    let mut fc = forecast_demand(y, horizon, method, key)?;
    let lead = lead_days.ceil().max(1.0) as usize;
    if safety == Safety::Empirical {
        // Errors need 364 days of weekday history before the first origin.
        let from = n.saturating_sub(ERROR_ORIGINS + lead + 364);
        let errors = lead_time_errors(&y[from..], lead);
        let recent = &errors[errors.len().saturating_sub(ERROR_ORIGINS)..];
        if recent.len() >= MIN_ERRORS {
            let l = lead_days.max(1e-9);
            let m = recent.iter().sum::<f64>() / recent.len() as f64;
            let mut c: Vec<f64> = recent.iter().map(|e| e - m).collect();
            c.sort_by(f64::total_cmp);
            let a = service_level.clamp(1e-9, 1.0 - 1e-9);
            let q = c[((a * c.len() as f64).ceil() as usize).clamp(1, c.len()) - 1];
            let z = crate::policy::service_z(a)?;
            // plan_line's z·√(Lσ² + μ²σ_L²) then gives √(q² + (zμσ_L)²).
            fc.sigma = if z > 0.0 {
                q.max(0.0) / (z * l.sqrt())
            } else {
                fc.sigma
            };
            for v in &mut fc.daily {
                *v = (*v + m / l).max(0.0);
            }
        }
    }
    if let Some(f) = factors {
        let ahead = &f[n..];
        for (v, f) in fc.daily.iter_mut().zip(ahead) {
            *v *= f;
        }
        let k = lead.min(horizon).max(1);
        fc.sigma *= ahead[..k].iter().sum::<f64>() / k as f64;
    }
    Ok(fc)
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

/// Errors of the weekday-mean forecaster's `lead`-day demand sums, one per
/// origin: `e[o] = Σ y[o..o+lead] − Σ weekday_mean(y[..o], lead)` for every
/// origin `o ≥ 1` with `o + lead ≤ y.len()` (index `o − 1` in the result).
/// Each forecast sees only the days before its origin. Prefix sums per weekday
/// residue make every origin O(1) beyond the lead-time sum, so a year of
/// origins costs about as much as one forecast of the old kind.
pub fn lead_time_errors(y: &[f64], lead: usize) -> Vec<f64> {
    let n = y.len();
    if lead == 0 || n < lead + 1 {
        return Vec::new();
    }
    // pre[i] = Σ y[..i]; res[r][i] = Σ y[p] for p < i with p ≡ r (mod 7).
    let mut pre = vec![0.0; n + 1];
    let mut res = vec![vec![0.0; n + 1]; 7];
    for (i, v) in y.iter().enumerate() {
        pre[i + 1] = pre[i] + v;
        for (r, col) in res.iter_mut().enumerate() {
            col[i + 1] = col[i] + if i % 7 == r { *v } else { 0.0 };
        }
    }
    let count = |a: usize, b: usize, r: usize| -> usize {
        // positions p in [a, b) with p % 7 == r
        let upto = |x: usize| x / 7 + usize::from(x % 7 > r);
        upto(b) - upto(a)
    };
    (1..=n - lead)
        .map(|o| {
            let a56 = o.saturating_sub(56);
            let level = (pre[o] - pre[a56]) / (o - a56) as f64;
            let a = o.saturating_sub(364);
            let m = o - a;
            let total = pre[o] - pre[a];
            let weeks_ok = m >= 14 && total > 0.0;
            let mean_all = total / m as f64;
            let fc: f64 = (0..lead)
                .map(|k| {
                    let f = if weeks_ok {
                        let r = (o + k) % 7;
                        let c = count(a, o, r);
                        if c > 0 {
                            ((res[r][o] - res[r][a]) / c as f64) / mean_all
                        } else {
                            1.0
                        }
                    } else {
                        1.0
                    };
                    level * f
                })
                .sum();
            pre[o + lead] - pre[o] - fc
        })
        .collect()
}
