//! The retail replenishment policy of `spec/metrics.md`: lead-time demand,
//! safety stock, reorder point, EOQ, order-up-to level, inventory position and
//! the recommended order rounded to the MOQ and pack size.

use crate::{dist, non_negative, positive, probability, Error, Result};

/// Days in the year for annual demand `D = 365μ`.
pub const DAYS_PER_YEAR: f64 = 365.0;

/// Lead-time demand `(mean μL, sd √(Lσ² + μ²σ_L²))` for daily demand mean `μ`,
/// daily sd `σ`, lead time mean `L` days and sd `σ_L` days.
pub fn lead_time_demand(
    mu: f64,
    sigma: f64,
    lead_time: f64,
    lead_time_sd: f64,
) -> Result<(f64, f64)> {
    let mu = non_negative("daily demand mean", mu)?;
    let sigma = non_negative("daily demand sd", sigma)?;
    let l = positive("lead time", lead_time)?;
    let sl = non_negative("lead time sd", lead_time_sd)?;
    Ok((mu * l, (l * sigma * sigma + mu * mu * sl * sl).sqrt()))
}

/// The lead-time sd (days) that matters for a steady stream of orders placed
/// every `order_interval` days whose lead times are independent normal with sd
/// `lead_time_sd` (so orders may cross): the number of orders arrived by a given
/// day has variance `≈ σ_L / (T√π)` (`Σ Φ(1 − Φ)` over orders spaced `T`
/// apart), which in demand terms is `Q μ σ_L/√π` with `Q = μT`, that is a
/// lead-time sd of `√(T σ_L/√π)` days. Never more than `σ_L`, the single-order
/// figure, which it equals once orders are `σ_L√π` days or more apart.
pub fn stream_lead_time_sd(lead_time_sd: f64, order_interval: f64) -> f64 {
    if !(order_interval.is_finite() && order_interval > 0.0) || lead_time_sd <= 0.0 {
        return lead_time_sd.max(0.0);
    }
    lead_time_sd.min((order_interval * lead_time_sd / std::f64::consts::PI.sqrt()).sqrt())
}

/// `z = Φ⁻¹(α)` for a cycle service level `α` in (0, 1).
pub fn service_z(service_level: f64) -> Result<f64> {
    Ok(dist::quantile(probability("service level", service_level)?))
}

/// Safety stock `zσ_LTD` and reorder point `μL + zσ_LTD`.
pub fn reorder_point(ltd_mean: f64, ltd_sd: f64, z: f64) -> (f64, f64) {
    let ss = z * ltd_sd;
    (ss, ltd_mean + ss)
}

/// EOQ `√(2DK/h)` with `D = 365μ` and `h = holding_cost_rate × unit_cost`.
pub fn retail_eoq(mu: f64, order_cost: f64, holding_cost_rate: f64, unit_cost: f64) -> Result<f64> {
    let mu = non_negative("daily demand mean", mu)?;
    let k = non_negative("order cost", order_cost)?;
    let h = positive("holding cost rate", holding_cost_rate)? * positive("unit cost", unit_cost)?;
    Ok((2.0 * DAYS_PER_YEAR * mu * k / h).sqrt())
}

/// Inventory position: on hand + every open purchase order (overdue included);
/// the model has no backorders.
pub fn inventory_position(on_hand: f64, open_orders: impl IntoIterator<Item = f64>) -> f64 {
    on_hand + open_orders.into_iter().sum::<f64>()
}

/// Why a quantity was chosen: which lower bound bound it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// The EOQ was the largest lower bound.
    Eoq,
    /// Reorder point − position + 1 was the largest.
    Shortfall,
    /// The minimum order quantity was.
    Moq,
}

/// A recommended order quantity with the bound that set it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rounded {
    pub qty: u64,
    pub packs: u64,
    pub binding: Binding,
}

/// The recommended order: when `position ≤ reorder point`, the smallest quantity
/// ≥ max(EOQ, ROP − IP + 1) that is ≥ `moq` and a multiple of `pack_size`;
/// otherwise `None`. `pack_size` must be ≥ 1.
pub fn recommended_order(
    position: f64,
    rop: f64,
    eoq: f64,
    moq: u64,
    pack_size: u64,
) -> Result<Option<Rounded>> {
    if pack_size == 0 {
        return Err(Error::Param {
            name: "pack size",
            rule: "an integer ≥ 1",
            value: 0.0,
        });
    }
    for (name, v) in [
        ("inventory position", position),
        ("reorder point", rop),
        ("EOQ", eoq),
    ] {
        if !v.is_finite() {
            return Err(Error::Param {
                name,
                rule: "finite",
                value: v,
            });
        }
    }
    if position > rop {
        return Ok(None);
    }
    let shortfall = rop - position + 1.0;
    let (mut need, mut binding) = if eoq >= shortfall {
        (eoq, Binding::Eoq)
    } else {
        (shortfall, Binding::Shortfall)
    };
    if moq as f64 > need {
        need = moq as f64;
        binding = Binding::Moq;
    }
    // Round up to whole packs; a hair of float noise (1e-9) does not add a pack.
    let pack = pack_size as f64;
    let packs = ((need / pack) - 1e-9).ceil().max(1.0) as u64;
    Ok(Some(Rounded {
        qty: packs * pack_size,
        packs,
        binding,
    }))
}

/// The mean of the first `days` values (fewer when the slice is shorter; 0 when empty).
pub fn mean_of_first(values: &[f64], days: usize) -> f64 {
    let n = days.min(values.len());
    if n == 0 {
        return 0.0;
    }
    values[..n].iter().sum::<f64>() / n as f64
}
