//! The per SKU×location replenishment plan: `PlanInput` (stock, open orders,
//! item and supplier parameters, a daily forecast and its error σ) to
//! `PlanLine` (policy figures, recommended order with its reason in words,
//! stock-out risk and date, excess stock).
//!
//! Rules beyond `spec/metrics.md`, documented here:
//! - `μ` is the mean of the first `⌈L⌉` forecast days; the forecast must cover
//!   `max(⌈L⌉, 28, H)` days.
//! - An open order whose expected date is before the as-of date (overdue)
//!   counts in the inventory position and as arriving on the as-of date.
//! - Days of cover is `None` (unbounded) when the next 28 days' forecast is zero.
//! - Excess: days of cover above `excess_days`; the excess units are the stock
//!   beyond `excess_days` of the 28-day mean daily demand (all of it when the
//!   forecast is zero), valued at `unit_cost`.
//! - The recommended order arrives `round(L)` days after the as-of date.

use abacus_core::Date;
use rayon::prelude::*;

use crate::policy::{self, Binding};
use crate::risk::{self, RiskMethod};
use crate::{non_negative, positive, probability, Error, Result};

/// Days of forecast behind days of cover.
pub const COVER_DAYS: usize = 28;

/// Item parameters from `items.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemParams {
    pub unit_cost: f64,
    pub pack_size: u64,
    pub moq: u64,
    pub order_cost: f64,
    pub holding_cost_rate: f64,
    pub service_level: f64,
}

/// Supplier lead time in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeadTime {
    pub mean_days: f64,
    pub sd_days: f64,
}

/// An open purchase order.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenPo {
    pub expected: Date,
    pub qty: f64,
}

/// Everything the plan needs for one SKU at one location.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInput {
    pub sku: String,
    pub location: String,
    pub category: String,
    pub supplier_id: String,
    pub on_hand: f64,
    pub open_pos: Vec<OpenPo>,
    pub item: ItemParams,
    pub lead_time: LeadTime,
    /// Daily demand forecast starting on the as-of date.
    pub forecast: Vec<f64>,
    /// Sd of the one-day-ahead forecast errors.
    pub sigma: f64,
}

/// Plan-wide settings.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSettings {
    pub as_of: Date,
    /// Stock-out risk horizon `H` in days.
    pub horizon_days: usize,
    /// Days of cover above which stock is excess.
    pub excess_days: f64,
    /// Monte-Carlo paths for slow movers.
    pub mc_paths: usize,
    pub seed: u64,
    /// Sales events (date, name) known in advance, past and future. When not
    /// empty, `build_inputs` learns each event's window from the total of all
    /// series and forecasts around it (see `abacus_forecast::events`).
    pub events: Vec<(Date, String)>,
    /// Event windows learned elsewhere (from a whole dataset when `build_inputs`
    /// plans only some of its series); `None` learns them from the series planned.
    pub event_profile: Option<abacus_forecast::events::EventProfile>,
    /// How safety stock is sized (spec formula or empirical lead-time errors).
    pub safety: crate::demand::Safety,
    /// Caps the order quantity aimed at (the EOQ) at this many days of mean
    /// demand `μ`; `None` orders the EOQ as `spec/metrics.md` does. MOQ and
    /// pack rounding still apply.
    pub max_order_days: Option<f64>,
}

impl PlanSettings {
    pub fn new(as_of: Date) -> Self {
        PlanSettings {
            as_of,
            horizon_days: 28,
            excess_days: 90.0,
            mc_paths: 1000,
            seed: 7,
            events: Vec::new(),
            event_profile: None,
            safety: crate::demand::Safety::Spec,
            max_order_days: None,
        }
    }
    /// Days of demand the reorder point protects for lead time `lead_days`: `L`
    /// (`spec/metrics.md`), plus a review day with empirical safety stock.
    pub fn protection_days(&self, lead_days: f64) -> f64 {
        match self.safety {
            crate::demand::Safety::Spec => lead_days,
            crate::demand::Safety::Empirical => lead_days + crate::demand::REVIEW_DAYS,
        }
    }
    /// Forecast days a `PlanInput` must carry for lead time `lead_days`.
    pub fn days_needed(&self, lead_days: f64) -> usize {
        (self.protection_days(lead_days).ceil().max(1.0) as usize)
            .max(COVER_DAYS)
            .max(self.horizon_days)
    }
}

/// A recommended purchase order.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub qty: u64,
    pub packs: u64,
    pub arrival: Date,
    /// `qty × unit_cost`.
    pub value: f64,
}

/// Stock beyond the excess threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Excess {
    pub units: f64,
    pub value: f64,
}

/// One line of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    pub sku: String,
    pub location: String,
    pub category: String,
    pub supplier_id: String,
    pub mu: f64,
    pub sigma: f64,
    pub lead_time: LeadTime,
    pub service_level: f64,
    pub ltd_mean: f64,
    pub ltd_sd: f64,
    pub z: f64,
    pub safety_stock: f64,
    pub reorder_point: f64,
    pub eoq: f64,
    /// The order quantity aimed at: the EOQ, capped at `max_order_days` of `μ`.
    pub lot: f64,
    pub order_up_to: f64,
    pub on_hand: f64,
    pub on_order: f64,
    /// Open quantity already past its expected date (counted as arriving today).
    pub overdue: f64,
    pub position: f64,
    /// Mean daily demand of the next 28 days' forecast.
    pub daily_demand_28: f64,
    pub days_of_cover: Option<f64>,
    pub order: Option<Order>,
    pub reason: String,
    pub horizon_days: usize,
    pub stockout_probability: f64,
    pub risk_method: RiskMethod,
    pub stockout_date: Option<Date>,
    pub excess: Option<Excess>,
}

/// A series that could not be planned, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub sku: String,
    pub location: String,
    pub error: Error,
}

/// The plan for many series: lines in input order, and the series refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub lines: Vec<PlanLine>,
    pub problems: Vec<Problem>,
}

/// Plans every input in parallel; a bad input becomes a [`Problem`], never a panic.
pub fn plan_all(inputs: &[PlanInput], settings: &PlanSettings) -> Plan {
    let results: Vec<Result<PlanLine>> =
        inputs.par_iter().map(|i| plan_line(i, settings)).collect();
    let mut plan = Plan::default();
    for (input, r) in inputs.iter().zip(results) {
        match r {
            Ok(line) => plan.lines.push(line),
            Err(error) => plan.problems.push(Problem {
                sku: input.sku.clone(),
                location: input.location.clone(),
                error,
            }),
        }
    }
    plan
}

/// Plans one SKU×location.
pub fn plan_line(input: &PlanInput, settings: &PlanSettings) -> Result<PlanLine> {
    let it = &input.item;
    let l = positive("lead time", input.lead_time.mean_days)?;
    let sl = non_negative("lead time sd", input.lead_time.sd_days)?;
    let alpha = probability("service level", it.service_level)?;
    let on_hand = non_negative("on hand", input.on_hand)?;
    let sigma = non_negative("demand sd", input.sigma)?;
    if it.pack_size == 0 {
        return Err(Error::Param {
            name: "pack size",
            rule: "an integer ≥ 1",
            value: 0.0,
        });
    }
    let need = settings.days_needed(l);
    if input.forecast.len() < need {
        return Err(Error::Param {
            name: "forecast length",
            rule: "at least max(⌈L⌉, 28, H) days",
            value: input.forecast.len() as f64,
        });
    }
    for &f in &input.forecast {
        non_negative("forecast", f)?;
    }
    for po in &input.open_pos {
        positive("open order quantity", po.qty)?;
    }
    if let Some(d) = settings.max_order_days {
        positive("maximum order days", d)?;
    }
    // Spec: L days; empirical safety: L + a review day (see `Safety::Empirical`).
    let protect = settings.protection_days(l);
    let mu = policy::mean_of_first(&input.forecast, protect.ceil() as usize);
    let eoq = policy::retail_eoq(mu, it.order_cost, it.holding_cost_rate, it.unit_cost)?;
    let lot = settings.max_order_days.map_or(eoq, |d| eoq.min(d * mu));
    let lead_sd = match settings.safety {
        crate::demand::Safety::Spec => sl,
        crate::demand::Safety::Empirical => {
            // Orders of the usual size (lot, MOQ, whole packs) come every q/μ days.
            let pack = it.pack_size as f64;
            let q = (lot.max(it.moq as f64) / pack - 1e-9).ceil().max(1.0) * pack;
            let interval = if mu > 0.0 { q / mu } else { f64::INFINITY };
            policy::stream_lead_time_sd(sl, interval)
        }
    };
    let (ltd_mean, ltd_sd) = policy::lead_time_demand(mu, sigma, protect, lead_sd)?;
    let z = policy::service_z(alpha)?;
    let (safety_stock, reorder_point) = policy::reorder_point(ltd_mean, ltd_sd, z);
    // `+ 0.0` turns the empty sum's −0.0 into 0.
    let on_order: f64 = input.open_pos.iter().map(|p| p.qty).sum::<f64>() + 0.0;
    let overdue: f64 = input
        .open_pos
        .iter()
        .filter(|p| p.expected < settings.as_of)
        .map(|p| p.qty)
        .sum::<f64>()
        + 0.0;
    let position = policy::inventory_position(on_hand, input.open_pos.iter().map(|p| p.qty));
    let rounded = policy::recommended_order(position, reorder_point, lot, it.moq, it.pack_size)?;
    let arrival = settings.as_of + chrono::Days::new(l.round() as u64);
    let order = rounded.map(|r| Order {
        qty: r.qty,
        packs: r.packs,
        arrival,
        value: r.qty as f64 * it.unit_cost,
    });
    let reason = reason(
        position,
        reorder_point,
        eoq,
        lot,
        settings.max_order_days,
        it,
        rounded,
    );

    let daily_demand_28 = policy::mean_of_first(&input.forecast, COVER_DAYS);
    let days_of_cover = (daily_demand_28 > 0.0).then(|| on_hand / daily_demand_28);
    let excess = match days_of_cover {
        Some(d) if d > settings.excess_days => {
            let units = on_hand - settings.excess_days * daily_demand_28;
            Some(Excess {
                units,
                value: units * it.unit_cost,
            })
        }
        None if on_hand > 0.0 => Some(Excess {
            units: on_hand,
            value: on_hand * it.unit_cost,
        }),
        _ => None,
    };

    let arrivals: Vec<(usize, f64)> = input
        .open_pos
        .iter()
        .map(|p| {
            (
                (p.expected - settings.as_of).num_days().max(0) as usize,
                p.qty,
            )
        })
        .collect();
    let h = settings.horizon_days;
    let supply_h = on_hand
        + arrivals
            .iter()
            .filter(|(d, _)| *d < h)
            .map(|(_, q)| q)
            .sum::<f64>();
    let seed = risk::seed_for(settings.seed, &format!("{}@{}", input.sku, input.location));
    let (stockout_probability, risk_method) =
        risk::stockout_probability(&input.forecast, sigma, supply_h, h, settings.mc_paths, seed);
    let stockout_date = risk::stockout_day(&input.forecast, on_hand, &arrivals)
        .map(|d| settings.as_of + chrono::Days::new(d as u64));

    Ok(PlanLine {
        sku: input.sku.clone(),
        location: input.location.clone(),
        category: input.category.clone(),
        supplier_id: input.supplier_id.clone(),
        mu,
        sigma,
        lead_time: input.lead_time,
        service_level: alpha,
        ltd_mean,
        ltd_sd,
        z,
        safety_stock,
        reorder_point,
        eoq,
        lot,
        order_up_to: reorder_point + lot,
        on_hand,
        on_order,
        overdue,
        position,
        daily_demand_28,
        days_of_cover,
        order,
        reason,
        horizon_days: h,
        stockout_probability,
        risk_method,
        stockout_date,
        excess,
    })
}

/// A number for people: whole when it is, else one decimal.
pub fn fmt_units(v: f64) -> String {
    if (v - v.round()).abs() < 0.05 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

fn reason(
    position: f64,
    rop: f64,
    eoq: f64,
    lot: f64,
    max_days: Option<f64>,
    it: &ItemParams,
    r: Option<policy::Rounded>,
) -> String {
    let (ip, rp) = (fmt_units(position), fmt_units(rop));
    let Some(r) = r else {
        return format!("position {ip} > reorder point {rp}; no order");
    };
    let packs = if it.pack_size == 1 {
        String::new()
    } else {
        let s = if r.packs == 1 { "" } else { "s" };
        format!(" = {} pack{s} of {}", r.packs, it.pack_size)
    };
    let why = match r.binding {
        Binding::Eoq if lot < eoq => format!(
            "EOQ {} capped at {} days of demand: {}",
            fmt_units(eoq),
            fmt_units(max_days.unwrap_or(0.0)),
            fmt_units(lot)
        ),
        Binding::Eoq => format!("EOQ {}", fmt_units(eoq)),
        Binding::Shortfall => format!(
            "{} needed to pass the reorder point",
            fmt_units(rop - position + 1.0)
        ),
        Binding::Moq => format!("MOQ {}", it.moq),
    };
    format!(
        "position {ip} ≤ reorder point {rp}; order {}{packs} ({why})",
        r.qty
    )
}
