//! Finite-horizon stochastic inventory with a fixed order cost: the dynamic
//! program `θ_t(x) = min_{y ≥ x} {K·[y > x] + c(y − x) + g_t(y) + γ E θ_{t+1}(y − D)}`
//! (Snyder & Shen Algorithm 4.1), whose optimal policy is (s_t, S_t).
//!
//! Normal demand is discretised as in the textbook's reference code, so the
//! figures match it: integer inventory levels; demand `d` on integers
//! `round(μ ± 4σ)` (at least 0) with mass `Φ(d + ½) − Φ(d − ½)` (not
//! renormalised); `g_t(y)` the exact normal newsvendor cost at integer `y`;
//! levels `x` from `round(μ − μ − 9σ)` to `round(μ + Q_EOQB + 5σ)`, where a
//! demand that would leave the range is clamped to it, and the upper end
//! doubles whenever an optimal order-up-to level reaches it. Rounding is
//! half-to-even. `s_t` is the largest level of the run, from the bottom of the
//! range, that orders up to `S_t`.

use crate::classic::{eoq_backorders, normal_cost};
use crate::dist;
use crate::{non_negative, positive, Error, Result};

/// Parameters, the same in every period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Horizon {
    pub periods: usize,
    pub holding_cost: f64,
    pub stockout_cost: f64,
    pub terminal_holding_cost: f64,
    pub terminal_stockout_cost: f64,
    pub purchase_cost: f64,
    pub fixed_cost: f64,
    pub demand_mean: f64,
    pub demand_sd: f64,
    pub discount: f64,
    pub initial_level: i64,
}

/// The optimal policy: `s[t]`, `S[t]` for periods `1..=T` (index 0 unused, 0)
/// and the optimal expected total cost from the initial level.
#[derive(Debug, Clone, PartialEq)]
pub struct HorizonPolicy {
    pub s: Vec<i64>,
    pub big_s: Vec<i64>,
    pub cost: f64,
}

const D_SPREAD: f64 = 4.0;
const S_SPREAD: f64 = 5.0;

pub fn solve(p: &Horizon) -> Result<HorizonPolicy> {
    if p.periods == 0 {
        return Err(Error::Param {
            name: "periods",
            rule: "an integer ≥ 1",
            value: 0.0,
        });
    }
    let (h, b) = (
        non_negative("holding cost", p.holding_cost)?,
        non_negative("stock-out cost", p.stockout_cost)?,
    );
    let (ht, bt) = (
        non_negative("terminal holding cost", p.terminal_holding_cost)?,
        non_negative("terminal stock-out cost", p.terminal_stockout_cost)?,
    );
    let c = non_negative("purchase cost", p.purchase_cost)?;
    let k = non_negative("fixed cost", p.fixed_cost)?;
    let mu = non_negative("demand mean", p.demand_mean)?;
    let sd = positive("demand sd", p.demand_sd)?;
    if !(p.discount > 0.0 && p.discount <= 1.0) {
        return Err(Error::Param {
            name: "discount factor",
            rule: "in (0, 1]",
            value: p.discount,
        });
    }
    let round = |v: f64| v.round_ties_even() as i64;
    let d_min = round(mu - D_SPREAD * sd).max(0);
    let d_max = round(mu + D_SPREAD * sd);
    let prob: Vec<f64> = (d_min..=d_max)
        .map(|d| dist::cdf((d as f64 + 0.5 - mu) / sd) - dist::cdf((d as f64 - 0.5 - mu) / sd))
        .collect();
    let q = eoq_backorders(
        positive("fixed cost", k.max(f64::MIN_POSITIVE))?,
        positive("holding cost", h)?,
        positive("stock-out cost", b)?,
        mu,
    )?
    .q;
    // Lowest level: the newsvendor estimate (μ) less μ and (s + d spreads)·σ.
    let x_min = round(-sd * (S_SPREAD + D_SPREAD));
    let mut x_max_next = round(mu + q + sd * S_SPREAD);
    if x_min > p.initial_level {
        return Err(Error::Infeasible(format!(
            "initial level {} is below the levels considered",
            p.initial_level
        )));
    }
    'restart: loop {
        let x_max = x_max_next;
        let n = (x_max - x_min + 1) as usize;
        let mut theta_next: Vec<f64> = (x_min..=x_max)
            .map(|x| ht * x.max(0) as f64 + bt * (-x).max(0) as f64)
            .collect();
        let mut s = vec![0i64; p.periods + 1];
        let mut big_s = vec![0i64; p.periods + 1];
        for t in (1..=p.periods).rev() {
            // H_t(y): this period's newsvendor cost plus the expected future.
            let hy: Vec<f64> = (x_min..=x_max)
                .map(|y| {
                    let future: f64 = (d_min..=d_max)
                        .zip(&prob)
                        .map(|(d, pr)| {
                            let d_eff = d.min(y - x_min).max(y - x_max);
                            pr * theta_next[(y - d_eff - x_min) as usize]
                        })
                        .sum();
                    normal_cost(y as f64, h, b, mu, sd) + p.discount * future
                })
                .collect();
            let mut theta = vec![0.0; n];
            let mut oul = vec![0i64; n];
            for x in x_min..=x_max {
                let (mut best, mut best_y) = (f64::INFINITY, x);
                for y in x..=x_max {
                    let order = if y > x { c * (y - x) as f64 + k } else { 0.0 };
                    let v = order + hy[(y - x_min) as usize];
                    if v < best {
                        best = v;
                        best_y = y;
                        if y == x_max && x < x_max {
                            x_max_next = x_max * 2;
                            continue 'restart;
                        }
                    }
                }
                theta[(x - x_min) as usize] = best;
                oul[(x - x_min) as usize] = best_y;
            }
            big_s[t] = oul[0];
            let mut st = x_min;
            while st < x_max && oul[(st + 1 - x_min) as usize] == big_s[t] {
                st += 1;
            }
            s[t] = st;
            theta_next = theta;
        }
        let cost = theta_next[(p.initial_level - x_min) as usize];
        return Ok(HorizonPolicy { s, big_s, cost });
    }
}
