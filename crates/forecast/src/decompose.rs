//! Seasonality test and classical decomposition (R's `decompose`), as used by M4's Naive2 and Theta.

/// Sample autocorrelations at lags 1..=max_lag (R's `acf`).
pub(crate) fn acf(y: &[f64], max_lag: usize) -> Vec<f64> {
    let n = y.len();
    let mean = y.iter().sum::<f64>() / n as f64;
    let d: Vec<f64> = y.iter().map(|v| v - mean).collect();
    let c0: f64 = d.iter().map(|v| v * v).sum();
    (1..=max_lag)
        .map(|k| {
            if k >= n || c0 == 0.0 {
                return 0.0;
            }
            d[k..]
                .iter()
                .zip(&d[..n - k])
                .map(|(a, b)| a * b)
                .sum::<f64>()
                / c0
        })
        .collect()
}

/// M4's 90% seasonality test: is the autocorrelation at lag `m` significant?
/// False when `m < 2` or the series is shorter than three seasons.
pub fn seasonality_test(y: &[f64], m: usize) -> bool {
    let n = y.len();
    if m < 2 || n < 3 * m {
        return false;
    }
    let r = acf(y, m);
    let tcrit = 1.645;
    let sum_sq: f64 = r[..m - 1].iter().map(|v| v * v).sum();
    let limit = tcrit / (n as f64).sqrt() * (1.0 + 2.0 * sum_sq).sqrt();
    r[m - 1].abs() > limit
}

/// Seasonal indices of period `m`, aligned so that position `t` (0-based) of the
/// training data has index `figure[t % m]`.
#[derive(Debug, Clone)]
pub(crate) struct Seasonal {
    pub(crate) figure: Vec<f64>,
    pub(crate) multiplicative: bool,
}

impl Seasonal {
    /// Classical decomposition of `y` with period `m` (needs `y.len() >= 2 * m`).
    /// Multiplicative requires strictly positive data.
    pub(crate) fn classical(y: &[f64], m: usize, multiplicative: bool) -> Option<Seasonal> {
        let n = y.len();
        if m < 2 || n < 2 * m {
            return None;
        }
        let trend = centred_ma(y, m);
        let mut sums = vec![0.0; m];
        let mut counts = vec![0usize; m];
        for (t, tr) in trend.iter().enumerate() {
            if let Some(tr) = tr {
                let v = if multiplicative { y[t] / tr } else { y[t] - tr };
                if v.is_finite() {
                    sums[t % m] += v;
                    counts[t % m] += 1;
                }
            }
        }
        if counts.contains(&0) {
            return None;
        }
        let mut figure: Vec<f64> = sums
            .iter()
            .zip(&counts)
            .map(|(s, c)| s / *c as f64)
            .collect();
        let mean = figure.iter().sum::<f64>() / m as f64;
        for f in &mut figure {
            if multiplicative {
                *f /= mean;
            } else {
                *f -= mean;
            }
        }
        if multiplicative && figure.iter().any(|f| !f.is_finite() || *f <= 1e-3) {
            return None;
        }
        Some(Seasonal {
            figure,
            multiplicative,
        })
    }

    /// The M4 recipe: multiplicative classical decomposition when the 90% test
    /// says seasonal and the data are positive, else none.
    pub(crate) fn m4(y: &[f64], m: usize) -> Option<Seasonal> {
        if y.iter().all(|v| *v > 0.0) && seasonality_test(y, m) {
            Seasonal::classical(y, m, true)
        } else {
            None
        }
    }

    pub(crate) fn period(&self) -> usize {
        self.figure.len()
    }

    /// Seasonally adjusted copy of the training data.
    pub(crate) fn adjust(&self, y: &[f64]) -> Vec<f64> {
        let m = self.period();
        y.iter()
            .enumerate()
            .map(|(t, v)| {
                if self.multiplicative {
                    v / self.figure[t % m]
                } else {
                    v - self.figure[t % m]
                }
            })
            .collect()
    }

    /// Puts the season back into forecasts of an adjusted series of length `n`.
    pub(crate) fn restore(&self, n: usize, mean: &mut [f64], sd: &mut [f64]) {
        let m = self.period();
        for (k, (mu, s)) in mean.iter_mut().zip(sd.iter_mut()).enumerate() {
            let f = self.figure[(n + k) % m];
            if self.multiplicative {
                *mu *= f;
                *s *= f;
            } else {
                *mu += f;
            }
        }
    }
}

/// Centred moving average of order `m` (2×m when `m` is even), as R's `filter`
/// with sides = 2; `None` at the ends.
fn centred_ma(y: &[f64], m: usize) -> Vec<Option<f64>> {
    let n = y.len();
    let mut out = vec![None; n];
    let half = m / 2;
    if m % 2 == 1 {
        for t in half..n.saturating_sub(half) {
            out[t] = Some(y[t - half..=t + half].iter().sum::<f64>() / m as f64);
        }
    } else {
        // R's decompose: filter c(0.5, rep(1, m - 1), 0.5) / m, centred with offset m/2.
        for t in half..n.saturating_sub(half) {
            let inner: f64 = y[t + 1 - half..t + half].iter().sum();
            let v = (0.5 * y[t - half] + inner + 0.5 * y[t + half]) / m as f64;
            out[t] = Some(v);
        }
    }
    out
}
