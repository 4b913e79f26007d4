//! Accuracy measures as in the M4 competition (sMAPE, MASE, OWA) and a rolling-origin backtest.

use crate::{forecast, Model, Result};

/// Symmetric MAPE in percent: `200/h · Σ |y − ŷ| / (|y| + |ŷ|)`; a term with
/// both values zero counts as zero error.
pub fn smape(actual: &[f64], predicted: &[f64]) -> f64 {
    let h = actual.len().min(predicted.len());
    if h == 0 {
        return f64::NAN;
    }
    let sum: f64 = actual
        .iter()
        .zip(predicted)
        .map(|(y, f)| {
            let d = y.abs() + f.abs();
            if d == 0.0 {
                0.0
            } else {
                (y - f).abs() / d
            }
        })
        .sum();
    200.0 * sum / h as f64
}

/// The in-sample scale of MASE: mean absolute lag-`m` difference of `train`.
/// `None` when undefined (too short, or a zero scale).
pub fn mase_scale(train: &[f64], m: usize) -> Option<f64> {
    let m = m.max(1);
    if train.len() <= m {
        return None;
    }
    let s: f64 = train[m..]
        .iter()
        .zip(train)
        .map(|(a, b)| (a - b).abs())
        .sum();
    let scale = s / (train.len() - m) as f64;
    (scale > 0.0).then_some(scale)
}

/// Mean absolute scaled error with seasonal period `m` (1 when not seasonal).
pub fn mase(train: &[f64], actual: &[f64], predicted: &[f64], m: usize) -> Option<f64> {
    let scale = mase_scale(train, m)?;
    let h = actual.len().min(predicted.len());
    if h == 0 {
        return None;
    }
    let mae: f64 = actual
        .iter()
        .zip(predicted)
        .map(|(y, f)| (y - f).abs())
        .sum::<f64>()
        / h as f64;
    Some(mae / scale)
}

/// Overall weighted average: mean of sMAPE and MASE, each relative to Naive2's.
pub fn owa(smape: f64, mase: f64, smape_naive2: f64, mase_naive2: f64) -> f64 {
    0.5 * (smape / smape_naive2 + mase / mase_naive2)
}

/// Accuracy of one forecast origin in a backtest.
#[derive(Debug, Clone, PartialEq)]
pub struct OriginScore {
    /// Length of the training prefix.
    pub origin: usize,
    pub smape: f64,
    /// `None` when the scale is zero.
    pub mase: Option<f64>,
}

/// Rolling-origin evaluation: for each of `origins` origins, ending with the
/// last `horizon` points held out and stepping back by `step`, fit on the prefix
/// only and score the next `horizon` points. Origins with too little training
/// data (fewer than 2 points) are skipped.
pub fn rolling_origin(
    y: &[f64],
    horizon: usize,
    season: usize,
    model: Model,
    origins: usize,
    step: usize,
) -> Result<Vec<OriginScore>> {
    let mut scores = Vec::new();
    for i in (0..origins).rev() {
        let Some(origin) = y.len().checked_sub(horizon + i * step.max(1)) else {
            continue;
        };
        if origin < 2 {
            continue;
        }
        let train = &y[..origin];
        let actual = &y[origin..origin + horizon];
        let fc = forecast(train, horizon, season, model, &[])?;
        scores.push(OriginScore {
            origin,
            smape: smape(actual, &fc.mean),
            mase: mase(train, actual, &fc.mean, season),
        });
    }
    Ok(scores)
}
