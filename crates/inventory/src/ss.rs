//! Periodic-review (s, S) policies: the exact cost and optimum under a discrete
//! demand distribution (renewal-reward formula of Zheng & Federgruen 1991) and
//! the power approximation of Ehrhardt & Mosier (1984) under normal demand.

use crate::classic;
use crate::dist::Discrete;
use crate::{non_negative, positive, Error, Result};

/// The renewal function of the demand: `m(0) = 1/(1−p₀)`,
/// `m(j) = m(0) Σ_{l=1..j} p_l m(j−l)`, for `j < n`.
fn renewal(d: &Discrete, n: usize) -> Vec<f64> {
    let pmf = |k: usize| d.pmf.get(k).copied().unwrap_or(0.0);
    let mut m = vec![0.0; n.max(1)];
    m[0] = 1.0 / (1.0 - pmf(0));
    for j in 1..n {
        m[j] = m[0] * (1..=j).map(|l| pmf(l) * m[j - l]).sum::<f64>();
    }
    m
}

/// Expected cost per period of `(s, S)` with `s < S`:
/// `(K + Σ_{d=0}^{S−s−1} m(d) g(S−d)) / M(S−s)`, `M(j) = Σ_{i<j} m(i)`.
pub fn cost_discrete(
    s: i64,
    big_s: i64,
    holding_cost: f64,
    stockout_cost: f64,
    fixed_cost: f64,
    demand: &Discrete,
) -> Result<f64> {
    let h = positive("holding cost", holding_cost)?;
    let p = positive("stock-out cost", stockout_cost)?;
    let k = non_negative("fixed cost", fixed_cost)?;
    if s >= big_s {
        return Err(Error::Infeasible(format!(
            "need s < S; got s = {s}, S = {big_s}"
        )));
    }
    if demand.pmf.first().copied().unwrap_or(1.0) >= 1.0 {
        return Err(Error::Infeasible("demand is zero with certainty".into()));
    }
    let n = (big_s - s) as usize;
    let m = renewal(demand, n);
    Ok(cost_with(&m, s, big_s, h, p, k, demand))
}

fn cost_with(m: &[f64], s: i64, big_s: i64, h: f64, p: f64, k: f64, d: &Discrete) -> f64 {
    let n = (big_s - s) as usize;
    let num: f64 = k
        + (0..n)
            .map(|i| m[i] * d.newsvendor_cost(big_s - i as i64, h, p))
            .sum::<f64>();
    let den: f64 = m[..n].iter().sum();
    num / den
}

/// Optimal `(s, S)` and its cost per period under a discrete demand
/// distribution (zero lead time), by exhaustive search over
/// `y* − B ≤ s < y* ≤ S ≤ y* + B` where `y*` is the newsvendor level and `B`
/// comfortably exceeds any optimal gap (Zheng & Federgruen show `s < y* ≤ S`).
pub fn optimal_discrete(
    holding_cost: f64,
    stockout_cost: f64,
    fixed_cost: f64,
    demand: &Discrete,
) -> Result<(i64, i64, f64)> {
    let h = positive("holding cost", holding_cost)?;
    let p = positive("stock-out cost", stockout_cost)?;
    let k = positive("fixed cost", fixed_cost)?;
    if demand.pmf.first().copied().unwrap_or(1.0) >= 1.0 {
        return Err(Error::Infeasible("demand is zero with certainty".into()));
    }
    let (y_star, _) = classic::newsvendor_discrete(h, p, demand)?;
    let mean = demand.mean();
    // Gap bound: a generous multiple of the EOQ gap plus the demand support.
    let b = (4.0 * (2.0 * k * mean.max(1.0) / h).sqrt() + 4.0 * mean + 20.0).ceil() as i64;
    let m = renewal(demand, (2 * b + 1) as usize);
    let mut best = (y_star - 1, y_star, f64::INFINITY);
    for big_s in y_star..=y_star + b {
        for s in (y_star - b)..y_star {
            let c = cost_with(&m, s, big_s, h, p, k, demand);
            if c < best.2 - 1e-13 * best.2.abs().min(1e300) {
                best = (s, big_s, c);
            }
        }
    }
    Ok(best)
}

/// The power approximation for `(s, S)` under normal per-period demand
/// `(μ, σ)` with zero lead time: `Q = 1.30 μ^0.494 (K/h)^0.506 (1 + σ²/μ²)^0.116`,
/// `z = √(Qh/(σp))`, `s = 0.973μ + σ(0.183/z + 1.063 − 2.192z)`, `S = s + Q`.
pub fn power_approximation(
    holding_cost: f64,
    stockout_cost: f64,
    fixed_cost: f64,
    mean: f64,
    sd: f64,
) -> Result<(f64, f64)> {
    let h = positive("holding cost", holding_cost)?;
    let p = positive("stock-out cost", stockout_cost)?;
    let k = positive("fixed cost", fixed_cost)?;
    let mu = positive("demand mean", mean)?;
    let sigma = positive("demand sd", sd)?;
    let q = 1.30 * mu.powf(0.494) * (k / h).powf(0.506) * (1.0 + (sigma / mu).powi(2)).powf(0.116);
    let z = (q / sigma * h / p).sqrt();
    let s = 0.973 * mu + sigma * (0.183 / z + 1.063 - 2.192 * z);
    Ok((s, s + q))
}
