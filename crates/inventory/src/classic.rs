//! Closed-form textbook models: EOQ, EOQ with backorders, EPQ, the newsvendor
//! (normal, explicit prices, Poisson, any discrete distribution) and the
//! normal safety stock. Notation of Snyder & Shen, *Fundamentals of Supply
//! Chain Theory*: fixed cost `K`, holding `h`, stock-out (backorder) cost `p`,
//! demand rate `λ` (or `D`).

use crate::dist::{self, Discrete};
use crate::{non_negative, positive, probability, Error, Result};

/// EOQ: `Q* = √(2Kλ/h)` and its annual cost `√(2Kλh)`.
pub fn eoq(fixed_cost: f64, holding_cost: f64, demand_rate: f64) -> Result<(f64, f64)> {
    let k = positive("fixed cost", fixed_cost)?;
    let h = positive("holding cost", holding_cost)?;
    let d = non_negative("demand rate", demand_rate)?;
    Ok(((2.0 * k * d / h).sqrt(), (2.0 * k * d * h).sqrt()))
}

/// The result of [`eoq_backorders`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EoqB {
    pub q: f64,
    /// Fraction of each cycle spent out of stock, `h/(h+p)`.
    pub stockout_fraction: f64,
    pub cost: f64,
}

/// EOQ with planned backorders: `Q* = √(2Kλ(h+p)/(hp))`, `x* = h/(h+p)`,
/// cost `√(2Kλhp/(h+p))`.
pub fn eoq_backorders(
    fixed_cost: f64,
    holding_cost: f64,
    stockout_cost: f64,
    demand_rate: f64,
) -> Result<EoqB> {
    let k = positive("fixed cost", fixed_cost)?;
    let h = positive("holding cost", holding_cost)?;
    let p = positive("stock-out cost", stockout_cost)?;
    let d = non_negative("demand rate", demand_rate)?;
    Ok(EoqB {
        q: (2.0 * k * d * (h + p) / (h * p)).sqrt(),
        stockout_fraction: h / (h + p),
        cost: (2.0 * k * d * h * p / (h + p)).sqrt(),
    })
}

/// Economic production quantity with production rate `P > λ`:
/// `Q* = √(2Kλ/(h(1−λ/P)))`, cost `√(2Kλh(1−λ/P))`.
pub fn epq(
    fixed_cost: f64,
    holding_cost: f64,
    demand_rate: f64,
    production_rate: f64,
) -> Result<(f64, f64)> {
    let k = positive("fixed cost", fixed_cost)?;
    let h = positive("holding cost", holding_cost)?;
    let d = non_negative("demand rate", demand_rate)?;
    let pr = positive("production rate", production_rate)?;
    let rho = 1.0 - d / pr;
    if rho <= 0.0 {
        return Err(Error::Infeasible(format!(
            "production rate {pr} must exceed the demand rate {d}"
        )));
    }
    Ok((
        (2.0 * k * d / (h * rho)).sqrt(),
        (2.0 * k * d * h * rho).sqrt(),
    ))
}

/// Newsvendor with normal demand: `S* = μ + σ Φ⁻¹(p/(p+h))`, cost `(h+p)σφ(z*)`.
pub fn newsvendor_normal(
    holding_cost: f64,
    stockout_cost: f64,
    mean: f64,
    sd: f64,
) -> Result<(f64, f64)> {
    let h = positive("holding cost", holding_cost)?;
    let p = positive("stock-out cost", stockout_cost)?;
    non_negative("demand sd", sd)?;
    if !mean.is_finite() {
        return Err(Error::Param {
            name: "demand mean",
            rule: "finite",
            value: mean,
        });
    }
    let z = dist::quantile(p / (p + h));
    Ok((mean + sd * z, (h + p) * sd * dist::phi(z)))
}

/// Expected newsvendor cost of base-stock level `s` under normal demand:
/// `hσL̄(z) + pσL(z)`, `z = (s−μ)/σ` (σ = 0: the deterministic cost).
pub fn newsvendor_normal_cost(
    s: f64,
    holding_cost: f64,
    stockout_cost: f64,
    mean: f64,
    sd: f64,
) -> Result<f64> {
    let h = non_negative("holding cost", holding_cost)?;
    let p = non_negative("stock-out cost", stockout_cost)?;
    let sd = non_negative("demand sd", sd)?;
    Ok(normal_cost(s, h, p, mean, sd))
}

pub(crate) fn normal_cost(s: f64, h: f64, p: f64, mean: f64, sd: f64) -> f64 {
    if sd == 0.0 {
        return h * (s - mean).max(0.0) + p * (mean - s).max(0.0);
    }
    let z = (s - mean) / sd;
    h * sd * dist::comp_loss(z) + p * sd * dist::loss(z)
}

/// Newsvendor with explicit prices: holding `h = c − v`, stock-out `p = r − c`.
/// Returns `(S*, expected profit)`, profit = `(r − c)μ − g(S*)`.
pub fn newsvendor_explicit(
    revenue: f64,
    purchase_cost: f64,
    salvage: f64,
    mean: f64,
    sd: f64,
) -> Result<(f64, f64)> {
    if !(revenue > purchase_cost && purchase_cost > salvage) {
        return Err(Error::Infeasible(format!(
            "need revenue > purchase cost > salvage value; got {revenue}, {purchase_cost}, {salvage}"
        )));
    }
    let (s, cost) = newsvendor_normal(purchase_cost - salvage, revenue - purchase_cost, mean, sd)?;
    Ok((s, (revenue - purchase_cost) * mean - cost))
}

/// Newsvendor with a discrete demand distribution: the smallest `S` with
/// `F(S) ≥ p/(p+h)`, and its expected cost.
pub fn newsvendor_discrete(
    holding_cost: f64,
    stockout_cost: f64,
    demand: &Discrete,
) -> Result<(i64, f64)> {
    let h = positive("holding cost", holding_cost)?;
    let p = positive("stock-out cost", stockout_cost)?;
    let ratio = p / (p + h);
    let mut s = 0i64;
    let mut cum = 0.0;
    for (k, pk) in demand.pmf.iter().enumerate() {
        cum += pk;
        s = k as i64;
        if cum >= ratio {
            break;
        }
    }
    Ok((s, demand.newsvendor_cost(s, h, p)))
}

/// Newsvendor with Poisson(mean) demand.
pub fn newsvendor_poisson(holding_cost: f64, stockout_cost: f64, mean: f64) -> Result<(i64, f64)> {
    let mean = non_negative("demand mean", mean)?;
    newsvendor_discrete(holding_cost, stockout_cost, &Discrete::poisson(mean))
}

/// Safety stock for a cycle service level under normal demand:
/// returns `(z, SS = zσ√L, ROP = μL + SS)` for per-period mean `μ`, sd `σ`, lead time `L`.
pub fn safety_stock(
    mean: f64,
    sd: f64,
    lead_time: f64,
    service_level: f64,
) -> Result<(f64, f64, f64)> {
    let a = probability("service level", service_level)?;
    let l = positive("lead time", lead_time)?;
    let sd = non_negative("demand sd", sd)?;
    let mean = non_negative("demand mean", mean)?;
    let z = dist::quantile(a);
    let ss = z * sd * l.sqrt();
    Ok((z, ss, mean * l + ss))
}
