//! Stock-out risk within a horizon and the expected stock-out date.
//!
//! Risk (`spec/metrics.md`): the probability that demand over the next `H`
//! days exceeds on hand + the open orders expected within those days (overdue
//! orders count as arriving today). Daily demand has the forecast as its mean
//! and independent errors of sd `σ`, so `H`-day demand has sd `σ√H`.
//! - **Analytic** (normal) when the expected `H`-day demand is at least
//!   [`NORMAL_MIN_UNITS`] units, where the central limit theorem makes the
//!   normal a fair model of a sum of daily demands.
//! - **Monte Carlo** otherwise (slow movers, where the normal puts mass on
//!   negative demand): seeded simulation of daily demand as negative binomial
//!   (gamma–Poisson) with mean `f_t` and variance `max(σ², f_t)` (Poisson when
//!   `σ² ≤ f_t`); `PlanSettings::mc_paths` paths (1000 by default).
//! - **Certain** when `σ = 0` or nothing is expected to sell: 0 or 1 exactly.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Gamma, Poisson};

use crate::dist;

/// Expected `H`-day demand from which the normal model is used.
pub const NORMAL_MIN_UNITS: f64 = 20.0;

/// How a stock-out probability was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskMethod {
    Analytic,
    MonteCarlo,
    Certain,
}

impl RiskMethod {
    pub fn name(self) -> &'static str {
        match self {
            RiskMethod::Analytic => "normal",
            RiskMethod::MonteCarlo => "monte-carlo",
            RiskMethod::Certain => "certain",
        }
    }
}

/// Probability that the sum of `forecast[..horizon]` (with daily error sd
/// `sigma`) exceeds `supply`; see the module docs for the method used.
pub fn stockout_probability(
    forecast: &[f64],
    sigma: f64,
    supply: f64,
    horizon: usize,
    paths: usize,
    seed: u64,
) -> (f64, RiskMethod) {
    let days = &forecast[..horizon.min(forecast.len())];
    let mean: f64 = days.iter().sum();
    if mean <= 0.0 || days.is_empty() {
        return (0.0, RiskMethod::Certain);
    }
    if sigma <= 0.0 {
        return (if mean > supply { 1.0 } else { 0.0 }, RiskMethod::Certain);
    }
    if mean >= NORMAL_MIN_UNITS {
        let sd = sigma * (days.len() as f64).sqrt();
        return (dist::sf((supply - mean) / sd), RiskMethod::Analytic);
    }
    (
        simulate(days, sigma, supply, paths.max(1), seed),
        RiskMethod::MonteCarlo,
    )
}

/// The Monte-Carlo estimate: share of `paths` simulated demand totals above `supply`.
///
/// A sum of independent Poisson mixtures is Poisson given the sum of the
/// rates, so each path draws the gamma rates of the over-dispersed days (one
/// per distinct daily mean), adds the means of the Poisson days, and draws the
/// `H`-day total once. When the first quarter of the paths (at least 100)
/// all stock out, or none does, the estimate stops there (1 or 0).
pub fn simulate(days: &[f64], sigma: f64, supply: f64, paths: usize, seed: u64) -> f64 {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let var = sigma * sigma;
    let mut fixed_rate = 0.0;
    // Over-dispersed days as (scale, shape); days with the same scale (the same
    // mean) merge exactly, since Gamma(a, θ) + Gamma(b, θ) = Gamma(a + b, θ).
    let mut parts: Vec<(f64, f64)> = Vec::new();
    for &m in days.iter().filter(|m| **m > 0.0) {
        if var <= m {
            fixed_rate += m;
        } else {
            parts.push(((var - m) / m, m * m / (var - m)));
        }
    }
    parts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::with_capacity(parts.len());
    for (scale, shape) in parts {
        match merged.last_mut() {
            Some(last) if last.0 == scale => last.1 += shape,
            _ => merged.push((scale, shape)),
        }
    }
    let gammas: Vec<Gamma<f64>> = merged
        .iter()
        .filter_map(|(scale, shape)| Gamma::new(*shape, *scale).ok())
        .collect();
    let mut over = 0usize;
    // Early stop: when the first quarter of the paths (at least 100) agree
    // unanimously, the probability is 0 or 1 to within sampling error.
    let check = (paths / 4).max(100).min(paths);
    for done in 0..paths {
        if done == check && (over == 0 || over == done) {
            return over as f64 / done as f64;
        }
        let rate = fixed_rate + gammas.iter().map(|g| g.sample(&mut rng)).sum::<f64>();
        let total = if rate > 0.0 {
            Poisson::new(rate).map_or(0.0, |p| p.sample(&mut rng))
        } else {
            0.0
        };
        if total > supply {
            over += 1;
        }
    }
    over as f64 / paths as f64
}

/// The first day offset (0 = the as-of date) on which expected cumulative
/// demand exceeds on hand + arrivals up to that day; `arrivals` are
/// `(day offset, quantity)` with overdue orders at offset 0. `None` when it
/// does not happen within the forecast.
pub fn stockout_day(forecast: &[f64], on_hand: f64, arrivals: &[(usize, f64)]) -> Option<usize> {
    let mut demand = 0.0;
    let mut supply = on_hand;
    for (day, f) in forecast.iter().enumerate() {
        demand += f;
        supply += arrivals
            .iter()
            .filter(|(d, _)| *d == day)
            .map(|(_, q)| q)
            .sum::<f64>();
        if demand > supply + 1e-9 {
            return Some(day);
        }
    }
    None
}

/// A stable 64-bit seed for a series key (FNV-1a), so Monte-Carlo results do
/// not depend on the order in which series are planned.
pub fn seed_for(base: u64, key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ base;
    for b in key.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
