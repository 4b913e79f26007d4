//! Benchmark models: Naive, Seasonal Naive and M4's Naive2, with residual-based intervals.

use crate::decompose::Seasonal;
use crate::Fc;

/// Root mean square of lag-`lag` differences (the random-walk residual scale).
fn diff_rms(y: &[f64], lag: usize) -> f64 {
    if y.len() <= lag {
        return 0.0;
    }
    let ss: f64 = y[lag..].iter().zip(y).map(|(a, b)| (a - b) * (a - b)).sum();
    (ss / (y.len() - lag) as f64).sqrt()
}

/// The last value repeated; sd grows as sqrt(h).
pub(crate) fn naive(y: &[f64], h: usize) -> Fc {
    let last = y[y.len() - 1];
    let sigma = diff_rms(y, 1);
    let sd = (1..=h).map(|k| sigma * (k as f64).sqrt()).collect();
    Fc::new(vec![last; h], sd, "naive")
}

/// The last full season repeated; falls back to naive when the series is
/// shorter than one season or `m < 2`.
pub(crate) fn seasonal_naive(y: &[f64], h: usize, m: usize) -> Fc {
    let n = y.len();
    if m < 2 || n < m {
        let fc = naive(y, h);
        return if m < 2 { fc } else { fc.fallback() };
    }
    let sigma = diff_rms(y, m);
    let mean = (0..h).map(|k| y[n - m + k % m]).collect();
    let sd = (0..h)
        .map(|k| sigma * ((k / m + 1) as f64).sqrt())
        .collect();
    Fc::new(mean, sd, "snaive")
}

/// Naive on seasonally adjusted data when the M4 test finds seasonality.
pub(crate) fn naive2(y: &[f64], h: usize, m: usize) -> Fc {
    let mut fc = on_adjusted(y, h, m, "naive2", naive);
    fc.label = "naive2".into();
    fc
}

/// Runs `model` on data seasonally adjusted as in M4 (multiplicative classical
/// decomposition when the 90% test says seasonal) and puts the season back.
pub(crate) fn on_adjusted(
    y: &[f64],
    h: usize,
    m: usize,
    label: &str,
    model: impl FnOnce(&[f64], usize) -> Fc,
) -> Fc {
    match Seasonal::m4(y, m) {
        Some(season) => {
            let adjusted = season.adjust(y);
            let mut fc = model(&adjusted, h);
            season.restore(y.len(), &mut fc.mean, &mut fc.sd);
            fc.label = format!("{label}[{}]", fc.label);
            fc
        }
        None => {
            let mut fc = model(y, h);
            fc.label = format!("{label}[{}]", fc.label);
            fc
        }
    }
}
