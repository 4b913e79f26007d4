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
