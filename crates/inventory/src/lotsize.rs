//! Deterministic dynamic lot sizing: the Wagner–Whitin algorithm.

use crate::{non_negative, Error, Result};

/// Wagner–Whitin lot sizing for per-period demands with fixed cost `K` per
/// order and holding cost `h` per unit carried to the next period (zero
/// starting inventory, no backorders). Returns the order quantity of each
/// period and the optimal total cost.
pub fn wagner_whitin(
    holding_cost: f64,
    fixed_cost: f64,
    demand: &[f64],
) -> Result<(Vec<f64>, f64)> {
    let h = non_negative("holding cost", holding_cost)?;
    let k = non_negative("fixed cost", fixed_cost)?;
    for &d in demand {
        if !(d.is_finite() && d >= 0.0) {
            return Err(Error::Param {
                name: "demand",
                rule: "a finite number ≥ 0",
                value: d,
            });
        }
    }
    let n = demand.len();
    // best[t] = least cost of covering periods 0..t; from[t] = period of the last order.
    let mut best = vec![0.0; n + 1];
    let mut from = vec![0usize; n + 1];
    for t in 1..=n {
        best[t] = f64::INFINITY;
        for j in 0..t {
            // Order in period j for periods j..t.
            let hold: f64 = (j..t).map(|i| h * (i - j) as f64 * demand[i]).sum();
            let setup = if demand[j..t].iter().any(|d| *d > 0.0) {
                k
            } else {
                0.0
            };
            let c = best[j] + setup + hold;
            if c < best[t] {
                best[t] = c;
                from[t] = j;
            }
        }
    }
    let mut q = vec![0.0; n];
    let mut t = n;
    while t > 0 {
        let j = from[t];
        q[j] = demand[j..t].iter().sum();
        t = j;
    }
    Ok((q, best[n]))
}
