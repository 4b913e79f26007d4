//! The standard Theta method of M4 (Assimakopoulos & Nikolopoulos): SES on the
//! theta = 2 line combined half and half with the linear trend, which equals SES
//! with drift of half the regression slope.

use crate::ets::{self, linear_fit, Spec, Trend};
use crate::Fc;

/// Theta forecast of (already seasonally adjusted) data; `None` when SES cannot be fitted.
pub(crate) fn theta(y: &[f64], h: usize) -> Option<Fc> {
    let n = y.len();
    let xs: Vec<f64> = (1..=n).map(|v| v as f64).collect();
    let (a, b) = linear_fit(&xs, y);
    let line: Vec<f64> = xs.iter().map(|x| a + b * x).collect();
    let theta_line: Vec<f64> = y.iter().zip(&line).map(|(v, l)| 2.0 * v - l).collect();
    let ses = ets::fit(&theta_line, Spec::additive(Trend::None))?;
    let ses_fc = ses.forecast(h);
    let mean: Vec<f64> = (1..=h)
        .map(|k| 0.5 * ses_fc.mean[k - 1] + 0.5 * (a + b * (n + k) as f64))
        .collect();
    // Intervals: one-step residuals of the combined in-sample fit, widened as SES.
    let ss: f64 = (0..n)
        .map(|t| {
            let fit = 0.5 * ses.fitted[t] + 0.5 * line[t];
            (y[t] - fit).powi(2)
        })
        .sum();
    let sigma = (ss / (n as f64 - 2.0).max(1.0)).sqrt();
    let alpha = ses.alpha;
    let sd = (1..=h)
        .map(|k| sigma * (1.0 + alpha * alpha * (k as f64 - 1.0)).sqrt())
        .collect();
    Some(Fc::new(mean, sd, "theta"))
}

/// The Optimised Theta Model (OTM) of Fiorucci et al. (2016), on (already
/// seasonally adjusted) data. In state-space form, with `A`, `B` the intercept
/// and slope of the least-squares line over `t = 1..n`:
///
/// ```text
/// μ_t = ℓ_{t−1} + (1 − 1/θ)·((1−α)^{t−1}·A + (1 − (1−α)^t)/α · B)
/// ℓ_t = α·y_t + (1 − α)·ℓ_{t−1}
/// ŷ_{n+h} = ℓ_n + (1 − 1/θ)·((1−α)^n·A + ((h − 1) + (1 − (1−α)^{n+1})/α)·B)
/// ```
///
/// `ℓ_0`, `α ∈ [0.01, 0.99]` and `θ ≥ 1` minimise the sum of squared
/// one-step errors `y_t − μ_t` (bounded Nelder–Mead over `k = 1 − 1/θ ∈
/// [0, 0.999]` from `ℓ_0 = y_1/2`, `α = 0.5`, `θ = 2`, as statsforecast starts). `θ = 2` is the standard Theta
/// model; `θ = 1` is SES. Intervals widen as SES's. `None` below 3 points.
pub(crate) fn optimised_theta(y: &[f64], h: usize) -> Option<Fc> {
    let n = y.len();
    if n < 3 || y.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let xs: Vec<f64> = (1..=n).map(|v| v as f64).collect();
    let (a, b) = linear_fit(&xs, y);
    // Sum of squared one-step errors and the final level.
    let run = |p: &[f64]| -> (f64, f64) {
        let (mut level, alpha, k) = (p[0], p[1], p[2]);
        let mut decay = 1.0; // (1 − α)^{t−1}
        let mut sse = 0.0;
        for &v in y {
            let next = decay * (1.0 - alpha);
            let mu = level + k * (decay * a + (1.0 - next) / alpha * b);
            sse += (v - mu).powi(2);
            level = alpha * v + (1.0 - alpha) * level;
            decay = next;
        }
        (sse, level)
    };
    let scale = y.iter().map(|v| v.abs()).fold(0.0, f64::max).max(1e-9);
    let (p, sse) = crate::optim::nelder_mead(
        |p| {
            let (sse, _) = run(p);
            if sse.is_finite() {
                sse
            } else {
                f64::INFINITY
            }
        },
        &[y[0] / 2.0, 0.5, 0.5],
        &[0.1 * scale, 0.1, 0.1],
        &[-10.0 * scale, 0.01, 0.0],
        &[10.0 * scale, 0.99, 0.999],
        crate::optim::NmOptions::default(),
    );
    if !sse.is_finite() {
        return None;
    }
    let (_, level) = run(&p);
    let (alpha, k) = (p[1], p[2]);
    let tail = (1.0 - alpha).powi(n as i32);
    let mean: Vec<f64> = (1..=h)
        .map(|step| {
            level
                + k * (tail * a + ((step as f64 - 1.0) + (1.0 - tail * (1.0 - alpha)) / alpha) * b)
        })
        .collect();
    let sigma = (sse / (n as f64 - 3.0).max(1.0)).sqrt();
    let sd = (1..=h)
        .map(|step| sigma * (1.0 + alpha * alpha * (step as f64 - 1.0)).sqrt())
        .collect();
    Some(Fc::new(mean, sd, "otm"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linear_series_is_extrapolated() {
        // y = 3 + 2t exactly: the line fits, the level tracks it, the forecast goes on.
        let y: Vec<f64> = (1..=60).map(|t| 3.0 + 2.0 * t as f64).collect();
        let fc = optimised_theta(&y, 5).unwrap();
        for (k, v) in fc.mean.iter().enumerate() {
            let want = 3.0 + 2.0 * (61 + k) as f64;
            assert!((v - want).abs() < 0.25, "h={}: {v} vs {want}", k + 1);
        }
    }

    #[test]
    fn a_constant_series_forecasts_its_constant() {
        let fc = optimised_theta(&[7.0; 30], 4).unwrap();
        for v in &fc.mean {
            assert!((v - 7.0).abs() < 1e-6, "{v}");
        }
    }

    #[test]
    fn a_noisy_trend_gives_finite_widening_forecasts() {
        let y: Vec<f64> = (0..80)
            .map(|t| 50.0 + 0.8 * t as f64 + 6.0 * ((t * 7919 % 13) as f64 - 6.0) / 6.0)
            .collect();
        let otm = optimised_theta(&y, 8).unwrap();
        assert!(otm.mean.iter().all(|v| v.is_finite()));
        assert!(otm.sd.windows(2).all(|w| w[1] >= w[0]));
        assert!(optimised_theta(&[1.0, 2.0], 3).is_none());
    }
}
