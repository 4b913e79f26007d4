//! Continuous-review (r, Q) policies: the exact normal cost, the EIL, EOQB,
//! EOQ+SS and loss-function approximations, and the exact Poisson optimum of
//! Federgruen & Zheng (1992). Demand per unit time has mean `λ` and sd `τ`;
//! lead-time demand is normal with mean `λL` and sd `τ√L`.

use crate::classic::{self, normal_cost};
use crate::dist::{self, Discrete};
use crate::{non_negative, positive, Error, Result};

/// Cost and demand parameters shared by the (r, Q) functions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RqParams {
    pub holding_cost: f64,
    pub stockout_cost: f64,
    pub fixed_cost: f64,
    pub demand_mean: f64,
    pub demand_sd: f64,
    pub lead_time: f64,
}

impl RqParams {
    fn check(&self) -> Result<()> {
        positive("holding cost", self.holding_cost)?;
        positive("stock-out cost", self.stockout_cost)?;
        positive("fixed cost", self.fixed_cost)?;
        non_negative("demand mean", self.demand_mean)?;
        non_negative("demand sd", self.demand_sd)?;
        non_negative("lead time", self.lead_time)?;
        Ok(())
    }
    /// Mean and sd of lead-time demand.
    fn ltd(&self) -> (f64, f64) {
        (
            self.demand_mean * self.lead_time,
            self.demand_sd * self.lead_time.sqrt(),
        )
    }
}

/// Exact expected cost per unit time of `(r, Q)` under normal demand:
/// `(Kλ + ∫_r^{r+Q} g(y) dy) / Q` with the newsvendor cost `g`, integrated in
/// closed form with the second-order loss function.
pub fn cost(r: f64, q: f64, p: &RqParams) -> Result<f64> {
    p.check()?;
    positive("order quantity", q)?;
    let (mu, sigma) = p.ltd();
    let (h, b) = (p.holding_cost, p.stockout_cost);
    let integral = if sigma == 0.0 {
        // Piecewise linear g: integrate h(y−μ)⁺ + b(μ−y)⁺ exactly.
        let pos = |y: f64| 0.5 * (y - mu).max(0.0).powi(2);
        let neg = |y: f64| 0.5 * (mu - y).max(0.0).powi(2);
        h * (pos(r + q) - pos(r)) + b * (neg(r) - neg(r + q))
    } else {
        // g(y) = h(y − μ) + (h + b)σL((y − μ)/σ) and d/dz L²(z) = −L(z).
        let z0 = (r - mu) / sigma;
        let z1 = (r + q - mu) / sigma;
        h * 0.5 * ((r + q - mu).powi(2) - (r - mu).powi(2))
            + (h + b) * sigma * sigma * (dist::second_loss(z0) - dist::second_loss(z1))
    };
    Ok((p.fixed_cost * p.demand_mean + integral) / q)
}

/// The optimal reorder point for a given `Q`: the root of `g(r) = g(r + Q)`,
/// found by bisection on `[S* − Q, S*]` to machine precision.
pub fn optimal_r_for_q(q: f64, p: &RqParams) -> Result<f64> {
    p.check()?;
    positive("order quantity", q)?;
    let (mu, sigma) = p.ltd();
    let (h, b) = (p.holding_cost, p.stockout_cost);
    let (s_star, _) = classic::newsvendor_normal(h, b, mu, sigma)?;
    let gap = |r: f64| normal_cost(r, h, b, mu, sigma) - normal_cost(r + q, h, b, mu, sigma);
    let (mut lo, mut hi) = (s_star - q, s_star);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid == lo || mid == hi {
            break;
        }
        if gap(mid) > 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(0.5 * (lo + hi))
}

/// The expected-inventory-level (EIL) approximation (Hadley & Whitin):
/// iterate `r = F⁻¹(1 − Qh/(pλ))`, `Q = √(2λ(K + p·n(r))/h)` from `Q = EOQ`.
/// Returns `(r, Q, approximate cost)`.
pub fn eil(p: &RqParams) -> Result<(f64, f64, f64)> {
    p.check()?;
    let (mu, sigma) = p.ltd();
    let (h, b, k, lam) = (p.holding_cost, p.stockout_cost, p.fixed_cost, p.demand_mean);
    let n = |r: f64| {
        if sigma > 0.0 {
            sigma * dist::loss((r - mu) / sigma)
        } else {
            (mu - r).max(0.0)
        }
    };
    let (mut q, _) = classic::eoq(k, h, lam)?;
    let mut r = 0.0;
    for _ in 0..10_000 {
        let ratio = 1.0 - q * h / (b * lam);
        if !(ratio > 0.0 && ratio < 1.0) {
            return Err(Error::Infeasible(format!(
                "EIL approximation undefined: 1 − Qh/(pλ) = {ratio} is not in (0, 1)"
            )));
        }
        let r_new = mu + sigma * dist::quantile(ratio);
        let q_new = (2.0 * lam * (k + b * n(r_new)) / h).sqrt();
        let done = (q_new - q).abs() <= 1e-12 * q.abs().max(1.0)
            && (r_new - r).abs() <= 1e-12 * r.abs().max(1.0);
        q = q_new;
        r = r_new;
        if done {
            break;
        }
    }
    let cost = h * (r - mu + q / 2.0) + k * lam / q + b * lam * n(r) / q;
    Ok((r, q, cost))
}

/// The EOQB approximation (Zheng 1992): `Q` = EOQ with backorders, `r = r(Q)`.
pub fn eoqb(p: &RqParams) -> Result<(f64, f64)> {
    p.check()?;
    let q =
        classic::eoq_backorders(p.fixed_cost, p.holding_cost, p.stockout_cost, p.demand_mean)?.q;
    Ok((optimal_r_for_q(q, p)?, q))
}

/// The EOQ + safety stock approximation: `Q` = EOQ, `r` = the newsvendor level
/// of lead-time demand.
pub fn eoqss(p: &RqParams) -> Result<(f64, f64)> {
    p.check()?;
    let (mu, sigma) = p.ltd();
    let (q, _) = classic::eoq(p.fixed_cost, p.holding_cost, p.demand_mean)?;
    let (r, _) = classic::newsvendor_normal(p.holding_cost, p.stockout_cost, mu, sigma)?;
    Ok((r, q))
}

/// The loss-function approximation (Hadley & Whitin): iterate
/// `n(r) = hQ/(h+p)` and `Q = √(2(Kλ + (h+p)n²(r))/h)` from `Q = EOQ`.
pub fn loss_function(p: &RqParams) -> Result<(f64, f64)> {
    p.check()?;
    let (mu, sigma) = p.ltd();
    if sigma == 0.0 {
        return Err(Error::Infeasible(
            "the loss-function approximation needs demand sd > 0".into(),
        ));
    }
    let (h, b, k, lam) = (p.holding_cost, p.stockout_cost, p.fixed_cost, p.demand_mean);
    let (mut q, _) = classic::eoq(k, h, lam)?;
    let mut r = 0.0;
    for _ in 0..10_000 {
        // n(r) = σL((r−μ)/σ) is decreasing in r: solve by bisection.
        let target = h * q / (h + b);
        let (mut lo, mut hi) = (mu - 50.0 * sigma - 10.0 * target, mu + 50.0 * sigma);
        for _ in 0..300 {
            let mid = 0.5 * (lo + hi);
            if mid == lo || mid == hi {
                break;
            }
            if sigma * dist::loss((mid - mu) / sigma) > target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let r_new = 0.5 * (lo + hi);
        let q_new = (2.0
            * (k * lam + (h + b) * sigma * sigma * dist::second_loss((r_new - mu) / sigma))
            / h)
            .sqrt();
        let done = (q_new - q).abs() <= 1e-12 * q.abs().max(1.0)
            && (r_new - r).abs() <= 1e-12 * r.abs().max(1.0);
        q = q_new;
        r = r_new;
        if done {
            break;
        }
    }
    Ok((r, q))
}

/// Exact cost per unit time of integer `(r, Q)` under Poisson demand:
/// `(Kλ + Σ_{y=r+1}^{r+Q} g(y)) / Q` with Poisson(λL) lead-time demand.
pub fn cost_poisson(r: i64, q: i64, p: &RqParams) -> Result<f64> {
    p.check()?;
    if q <= 0 {
        return Err(Error::Param {
            name: "order quantity",
            rule: "an integer ≥ 1",
            value: q as f64,
        });
    }
    let d = Discrete::poisson(p.demand_mean * p.lead_time);
    Ok(cost_poisson_with(&d, r, q, p))
}

fn cost_poisson_with(d: &Discrete, r: i64, q: i64, p: &RqParams) -> f64 {
    let sum: f64 = (r + 1..=r + q)
        .map(|y| d.newsvendor_cost(y, p.holding_cost, p.stockout_cost))
        .sum();
    (p.fixed_cost * p.demand_mean + sum) / q as f64
}

/// Optimal integer `(r, Q)` and cost under Poisson demand (Federgruen & Zheng 1992):
/// grow `Q` one unit at a time, keeping the window `r+1..=r+Q` on the lowest
/// values of the convex `g`, until the cost stops falling.
pub fn poisson_exact(p: &RqParams) -> Result<(i64, i64, f64)> {
    p.check()?;
    let (h, b) = (p.holding_cost, p.stockout_cost);
    let d = Discrete::poisson(p.demand_mean * p.lead_time);
    let (s_star, _) = classic::newsvendor_discrete(h, b, &d)?;
    let g = |y: i64| d.newsvendor_cost(y, h, b);
    let mut q = 1i64;
    let mut r = s_star - 1;
    let mut best = cost_poisson_with(&d, r, q, p);
    loop {
        // Extend the window by the cheaper end: below (r) or above (r + Q + 1).
        let r_next = if g(r) < g(r + q + 1) { r - 1 } else { r };
        let c = cost_poisson_with(&d, r_next, q + 1, p);
        if c > best || q > 1_000_000 {
            return Ok((r, q, best));
        }
        best = c;
        r = r_next;
        q += 1;
    }
}
