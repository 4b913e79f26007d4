//! Exponential smoothing state-space models (ETS) fitted by maximum likelihood, with AICc selection.
//!
//! The recursions, parameter bounds and likelihood follow Hyndman's `forecast::ets`:
//! error A/M, trend N/A/Ad, season N/A/M, multiplicative parts only for strictly
//! positive data and no additive error with multiplicative season. Initial level
//! and trend are estimated with the smoothing parameters; initial seasonal states
//! are fixed at `ets()`'s heuristic (classical decomposition of the first three
//! seasons), which keeps the optimiser to at most six dimensions.

use crate::decompose::Seasonal;
use crate::optim::{nelder_mead, NmOptions};
use crate::Fc;

/// Longest seasonal period ETS models seasonality for (as statsforecast's AutoETS).
pub(crate) const MAX_ETS_SEASON: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trend {
    None,
    Additive,
    Damped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    None,
    Additive,
    Multiplicative,
}

/// One ETS model form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spec {
    pub(crate) mult_error: bool,
    pub(crate) trend: Trend,
    pub(crate) season: Season,
    pub(crate) m: usize,
}

impl Spec {
    pub(crate) fn additive(trend: Trend) -> Spec {
        Spec {
            mult_error: false,
            trend,
            season: Season::None,
            m: 1,
        }
    }

    pub(crate) fn label(&self) -> String {
        let e = if self.mult_error { "M" } else { "A" };
        let t = match self.trend {
            Trend::None => "N",
            Trend::Additive => "A",
            Trend::Damped => "Ad",
        };
        let s = match self.season {
            Season::None => "N",
            Season::Additive => "A",
            Season::Multiplicative => "M",
        };
        format!("ets({e},{t},{s})")
    }

    fn n_params(&self) -> usize {
        let mut k = 2; // alpha, l0
        if self.trend != Trend::None {
            k += 2; // beta, b0
        }
        if self.trend == Trend::Damped {
            k += 1;
        }
        if self.season != Season::None {
            k += self.m; // gamma and m - 1 free initial states
        }
        k
    }
}

/// A fitted ETS model on data divided by `scale`.
#[derive(Debug, Clone)]
pub(crate) struct Fit {
    pub(crate) spec: Spec,
    pub(crate) alpha: f64,
    beta: f64,
    gamma: f64,
    phi: f64,
    level: f64,
    slope: f64,
    seasons: Vec<f64>,
    n: usize,
    scale: f64,
    sigma2: f64,
    pub(crate) aicc: f64,
    /// One-step in-sample fitted values on the original scale.
    pub(crate) fitted: Vec<f64>,
}

struct Params {
    alpha: f64,
    beta: f64,
    gamma: f64,
    phi: f64,
    l0: f64,
    b0: f64,
}

struct Run {
    lik: f64,
    sse: f64,
    level: f64,
    slope: f64,
    seasons: Vec<f64>,
}

fn recurse(
    spec: &Spec,
    p: &Params,
    y: &[f64],
    s0: &[f64],
    mut fitted: Option<&mut Vec<f64>>,
) -> Option<Run> {
    let m = spec.m.max(1);
    let (mut l, mut b) = (p.l0, if spec.trend == Trend::None { 0.0 } else { p.b0 });
    let mut s = s0.to_vec();
    let (mut sse, mut log_f) = (0.0, 0.0);
    let positive = spec.mult_error || spec.season == Season::Multiplicative;
    let mut j = 0; // t % m, kept without a division per step
    let mut prod_f = 1.0;
    for &yt in y {
        let phib = p.phi * b;
        let q = l + phib;
        let st = if spec.season == Season::None {
            0.0
        } else {
            s[j]
        };
        let f = match spec.season {
            Season::None => q,
            Season::Additive => q + st,
            Season::Multiplicative => q * st,
        };
        if let Some(out) = fitted.as_deref_mut() {
            out.push(f);
        }
        let e = if spec.mult_error {
            if f.abs() < 1e-10 {
                return None;
            }
            // Σ ln|f| as a running product, taking a logarithm only when it
            // drifts far from 1 (a logarithm per step dominates the cost).
            prod_f *= f.abs();
            if !(1e-100..=1e100).contains(&prod_f) {
                log_f += prod_f.ln();
                prod_f = 1.0;
            }
            (yt - f) / f
        } else {
            yt - f
        };
        sse += e * e;
        let adj = match spec.season {
            Season::None => yt,
            Season::Additive => yt - st,
            Season::Multiplicative => yt / st,
        };
        let new_l = q + p.alpha * (adj - q);
        if spec.trend != Trend::None {
            b = phib + (p.beta / p.alpha) * (new_l - l - phib);
        }
        match spec.season {
            Season::None => {}
            Season::Additive => s[j] = st + p.gamma * (yt - q - st),
            Season::Multiplicative => s[j] = st + p.gamma * (yt / q - st),
        }
        j += 1;
        if j == m {
            j = 0;
        }
        l = new_l;
        if !l.is_finite() || (positive && l <= 0.0) {
            return None;
        }
    }
    let n = y.len() as f64;
    log_f += prod_f.ln();
    let lik = n * sse.max(1e-300).ln() + 2.0 * log_f;
    lik.is_finite().then_some(Run {
        lik,
        sse,
        level: l,
        slope: b,
        seasons: s,
    })
}

/// `ets()`'s heuristic initial states: seasonal figure from the first three
/// seasons, then level (and slope) from the first max(10, 2m) adjusted points.
fn initial_states(y: &[f64], spec: &Spec) -> Option<(f64, f64, Vec<f64>)> {
    let m = spec.m.max(1);
    let (s0, adj) = match spec.season {
        Season::None => (vec![0.0; 1], y.to_vec()),
        kind => {
            let mult = kind == Season::Multiplicative;
            let dec = Seasonal::classical(y, m, mult)?;
            (dec.figure.clone(), dec.adjust(y))
        }
    };
    let maxn = (2 * m).max(10).min(adj.len());
    let xs: Vec<f64> = (1..=maxn).map(|v| v as f64).collect();
    let (a, b) = linear_fit(&xs, &adj[..maxn]);
    let (l0, b0) = match spec.trend {
        Trend::None => (adj[..maxn].iter().sum::<f64>() / maxn as f64, 0.0),
        _ => (a, b),
    };
    Some((l0, b0, s0))
}

/// Least-squares line through (x, y): returns (intercept, slope).
pub(crate) fn linear_fit(x: &[f64], y: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    (my - slope * mx, slope)
}

/// Fits one ETS form by maximum likelihood. `None` when the data cannot carry it.
pub(crate) fn fit(y: &[f64], spec: Spec) -> Option<Fit> {
    let n = y.len();
    let np = spec.n_params();
    if n < np + 4 {
        return None;
    }
    let scale = y.iter().map(|v| v.abs()).sum::<f64>() / n as f64;
    if scale.is_nan() || scale <= 0.0 {
        return None;
    }
    let ys: Vec<f64> = y.iter().map(|v| v / scale).collect();
    let (l0, b0, s0) = initial_states(&ys, &spec)?;
    let has_trend = spec.trend != Trend::None;
    let has_season = spec.season != Season::None;
    let damped = spec.trend == Trend::Damped;
    // x = [alpha, beta/alpha, gamma/(1-alpha), phi, l0, b0] restricted to the form.
    let alpha0 = if has_season {
        (0.2 / spec.m as f64).max(0.02)
    } else {
        0.2
    };
    let mut x0 = vec![alpha0];
    let mut step = vec![0.1];
    let (mut lo, mut hi) = (vec![1e-4], vec![0.9999]);
    let mut push = |x: f64, s: f64, l: f64, h: f64| {
        x0.push(x);
        step.push(s);
        lo.push(l);
        hi.push(h);
    };
    if has_trend {
        push(0.1, 0.1, 1e-4, 1.0);
    }
    if has_season {
        push(0.05, 0.1, 1e-4, 0.9999);
    }
    if damped {
        push(0.97, 0.02, 0.8, 0.98);
    }
    push(
        l0,
        0.1 * l0.abs().max(0.1),
        f64::NEG_INFINITY,
        f64::INFINITY,
    );
    if has_trend {
        push(
            b0,
            0.1 * b0.abs().max(0.01),
            f64::NEG_INFINITY,
            f64::INFINITY,
        );
    }
    let unpack = |x: &[f64]| {
        let mut i = 1;
        let mut next = |on: bool, default: f64| {
            if on {
                i += 1;
                x[i - 1]
            } else {
                default
            }
        };
        let alpha = x[0];
        let beta = next(has_trend, 0.0) * alpha;
        let gamma = next(has_season, 0.0) * (1.0 - alpha);
        let phi = next(damped, 1.0);
        let l0 = next(true, 0.0);
        let b0 = next(has_trend, 0.0);
        Params {
            alpha,
            beta: beta.max(1e-8),
            gamma,
            phi,
            l0,
            b0,
        }
    };
    let objective =
        |x: &[f64]| recurse(&spec, &unpack(x), &ys, &s0, None).map_or(f64::INFINITY, |r| r.lik);
    let opts = NmOptions {
        max_evals: 100 * x0.len(),
        tol: 1e-6,
    };
    let (best, _) = nelder_mead(objective, &x0, &step, &lo, &hi, opts);
    let p = unpack(&best);
    let mut fitted = Vec::with_capacity(n);
    let run = recurse(&spec, &p, &ys, &s0, Some(&mut fitted))?;
    let k = np as f64 + 1.0;
    let nf = n as f64;
    let aic = run.lik + 2.0 * k;
    let aicc = if nf - k - 1.0 > 0.0 {
        aic + 2.0 * k * (k + 1.0) / (nf - k - 1.0)
    } else {
        f64::INFINITY
    };
    let sigma2 = run.sse / (nf - np as f64).max(1.0);
    Some(Fit {
        spec,
        alpha: p.alpha,
        beta: p.beta,
        gamma: p.gamma,
        phi: p.phi,
        level: run.level,
        slope: run.slope,
        seasons: run.seasons,
        n,
        scale,
        sigma2,
        aicc,
        fitted: fitted.iter().map(|f| f * scale).collect(),
    })
}

/// Fits every admissible form and keeps the lowest AICc. Seasonal forms only
/// when `2 <= m <= MAX_ETS_SEASON` and the series has three full seasons.
pub(crate) fn auto(y: &[f64], m: usize) -> Option<Fit> {
    let positive = y.iter().all(|v| *v > 0.0);
    let seasonal = (2..=MAX_ETS_SEASON).contains(&m) && y.len() >= 3 * m;
    let mut best: Option<Fit> = None;
    for mult_error in [false, true] {
        if mult_error && !positive {
            continue;
        }
        for trend in [Trend::None, Trend::Additive, Trend::Damped] {
            for season in [Season::None, Season::Additive, Season::Multiplicative] {
                if season != Season::None && !seasonal {
                    continue;
                }
                if season == Season::Multiplicative && (!mult_error || !positive) {
                    continue;
                }
                let m = if season == Season::None { 1 } else { m };
                let spec = Spec {
                    mult_error,
                    trend,
                    season,
                    m,
                };
                if let Some(f) = fit(y, spec) {
                    if best.as_ref().is_none_or(|b| f.aicc < b.aicc) {
                        best = Some(f);
                    }
                }
            }
        }
    }
    best
}

impl Fit {
    /// Point forecasts and (approximate, Gaussian) standard deviations.
    pub(crate) fn forecast(&self, h: usize) -> Fc {
        let m = self.spec.m.max(1);
        let mut mean = Vec::with_capacity(h);
        let mut sd = Vec::with_capacity(h);
        let (mut phi_sum, mut phi_pow) = (0.0, 1.0);
        let mut var_sum = 1.0;
        for k in 1..=h {
            phi_pow *= self.phi;
            phi_sum += phi_pow;
            let q = self.level + phi_sum * self.slope;
            let s = self.seasons[(self.n + k - 1) % m];
            let f = match self.spec.season {
                Season::None => q,
                Season::Additive => q + s,
                Season::Multiplicative => q * s,
            };
            let sd_k = (self.sigma2 * var_sum).sqrt();
            mean.push(f * self.scale);
            sd.push(if self.spec.mult_error {
                sd_k * f.abs() * self.scale
            } else {
                sd_k * self.scale
            });
            // c_k for the next step's variance (class-1 formula).
            let seasonal_hit = if self.spec.season != Season::None && k % m == 0 {
                self.gamma
            } else {
                0.0
            };
            let c = self.alpha + self.beta * phi_sum + seasonal_hit;
            var_sum += c * c;
        }
        Fc::new(mean, sd, self.spec.label())
    }
}
