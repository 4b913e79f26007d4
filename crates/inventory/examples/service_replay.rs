//! Benchmark: achieved service of the plan's policy in a replay of the last
//! `--days` (180) days of a dataset, against a simple "order up to 30 days of
//! average sales" rule.
//!
//! For each SKU×location and each replayed day `t` (only data before `t` is used
//! to decide): arrivals due on `t` are received, the policy re-plans and may
//! order (lead time drawn from the supplier's normal(mean, sd), rounded, at
//! least 1 day, seeded), then the day's actual sales are served from stock;
//! what cannot be served is lost. Both policies start with 30 days of average
//! sales on hand and see the same demand and the same lead-time draws.
//!
//! Measures, per target service level (item class): cycle service level (share
//! of replenishment cycles, arrival to next arrival, without a stock-out), fill
//! rate (units served ÷ demanded), ready rate (days without a lost sale), and
//! average on-hand units and value, and cost (holding plus ordering).
//!
//! The plan forecasts as `abacus plan` does (`demand::plan_forecast`): event
//! windows learned from the total of all series before the replay starts
//! (`--events windows`, the default, or `none`), and safety stock from the spec
//! formula (`--safety spec`) or last year's lead-time errors (`empirical`).
//! `cargo run --release -p abacus-inventory --example service_replay -- --data DIR [--days 180] [--model weekday-mean|theta|…] [--safety spec|empirical] [--events windows|none] [--max-order-days D] [--cover-days 30]`.

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use abacus_inventory::demand::{plan_forecast, Method, PlanForecast, Safety};
use abacus_inventory::series::{daily_histories, first_sale};
use abacus_inventory::{plan_line, policy, ItemParams, LeadTime, OpenPo, PlanInput, PlanSettings};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

#[derive(Default, Clone, Copy)]
struct Score {
    demand: f64,
    served: f64,
    cycles: u64,
    cycles_ok: u64,
    inv_units: f64,
    inv_value: f64,
    /// Holding cost (on-hand value × holding rate per day) plus order costs.
    cost: f64,
    days: u64,
    days_ok: u64,
    orders: u64,
    /// Orders whose realised lead-time demand is known, and those where it stayed ≤ ROP.
    ltd_n: u64,
    ltd_ok: u64,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.demand += o.demand;
        self.served += o.served;
        self.cycles += o.cycles;
        self.cycles_ok += o.cycles_ok;
        self.inv_units += o.inv_units;
        self.inv_value += o.inv_value;
        self.cost += o.cost;
        self.days += o.days;
        self.days_ok += o.days_ok;
        self.orders += o.orders;
        self.ltd_n += o.ltd_n;
        self.ltd_ok += o.ltd_ok;
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Plan,
    /// Order up to this many days of average sales (30 in the rule).
    Cover(f64),
}

struct Series<'a> {
    sku: &'a str,
    loc: &'a str,
    category: &'a str,
    supplier: &'a str,
    hist: &'a [f64],
    item: &'a ItemParams,
    lt: LeadTime,
    /// Event-window factors from the history's first day to a year past its end.
    factors: Option<Vec<f64>>,
}

fn replay(
    s: &Series<'_>,
    rule: Rule,
    start: usize,
    method: Method,
    settings0: &PlanSettings,
    lead_draws: &[u64],
) -> Score {
    let n = s.hist.len();
    let mut sc = Score::default();
    let avg = |t: usize, days: usize| {
        let a = t.saturating_sub(days);
        s.hist[a..t].iter().sum::<f64>() / (t - a).max(1) as f64
    };
    let mut on_hand = (30.0 * avg(start, 90)).round();
    let mut pipeline: Vec<(usize, f64)> = Vec::new(); // (arrival day, qty)
    let mut cycle_ok = true;
    let mut draw = 0usize;
    for t in start..n {
        // Receive.
        let arriving: f64 = pipeline
            .iter()
            .filter(|(d, _)| *d == t)
            .map(|(_, q)| q)
            .sum();
        if arriving > 0.0 {
            on_hand += arriving;
            pipeline.retain(|(d, _)| *d != t);
            sc.cycles += 1;
            sc.cycles_ok += u64::from(cycle_ok);
            cycle_ok = true;
        }
        // Decide with data before t.
        let position = on_hand + pipeline.iter().map(|(_, q)| q).sum::<f64>();
        let mut rop = None;
        let qty = match rule {
            Rule::Plan => {
                let mut settings = settings0.clone();
                settings.as_of = settings0.as_of - chrono::Days::new((n - t) as u64);
                let need = settings.days_needed(s.lt.mean_days);
                let how = PlanForecast {
                    horizon: need,
                    lead_days: settings.protection_days(s.lt.mean_days),
                    service_level: s.item.service_level,
                    safety: settings.safety,
                    method,
                };
                let Ok(fc) = plan_forecast(&s.hist[..t], s.factors.as_deref(), &how, s.sku) else {
                    continue;
                };
                let input = PlanInput {
                    sku: s.sku.to_string(),
                    location: s.loc.to_string(),
                    category: s.category.to_string(),
                    supplier_id: s.supplier.to_string(),
                    on_hand,
                    open_pos: pipeline
                        .iter()
                        .map(|(d, q)| OpenPo {
                            expected: settings.as_of + chrono::Days::new((d - t) as u64),
                            qty: *q,
                        })
                        .collect(),
                    item: s.item.clone(),
                    lead_time: s.lt,
                    forecast: fc.daily,
                    sigma: fc.sigma,
                };
                match plan_line(&input, &settings) {
                    Ok(l) => {
                        rop = Some(l.reorder_point);
                        l.order.map_or(0, |o| o.qty)
                    }
                    Err(_) => 0,
                }
            }
            Rule::Cover(days) => {
                let target = days * avg(t, 28);
                if position < target {
                    policy::recommended_order(
                        position,
                        target - 1.0,
                        target - position,
                        s.item.moq,
                        s.item.pack_size.max(1),
                    )
                    .ok()
                    .flatten()
                    .map_or(0, |r| r.qty)
                } else {
                    0
                }
            }
        };
        if qty > 0 {
            let lt = lead_draws[draw % lead_draws.len()];
            draw += 1;
            pipeline.push((t + lt as usize, qty as f64));
            sc.orders += 1;
            sc.cost += s.item.order_cost;
            // Calibration: did demand over this lead time stay within the reorder point?
            if let (Some(r), true) = (rop, t + (lt as usize) <= n) {
                sc.ltd_n += 1;
                sc.ltd_ok += u64::from(s.hist[t..t + lt as usize].iter().sum::<f64>() <= r);
            }
        }
        // Serve the day's demand (lost sales).
        let d = s.hist[t];
        let served = d.min(on_hand);
        on_hand -= served;
        if served < d {
            cycle_ok = false;
        }
        sc.demand += d;
        sc.served += served;
        sc.inv_units += on_hand;
        sc.inv_value += on_hand * s.item.unit_cost;
        sc.cost += on_hand * s.item.unit_cost * s.item.holding_cost_rate / 365.0;
        sc.days += 1;
        sc.days_ok += u64::from(served >= d);
    }
    sc
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = common::arg("--data").unwrap_or_else(|| "../shared/data/sample".into());
    let days: usize = common::arg("--days").map_or(Ok(180), |v| v.parse())?;
    let model = common::arg("--model").unwrap_or_else(|| "weekday-mean".into());
    let safety = match common::arg("--safety").as_deref() {
        None | Some("spec") => Safety::Spec,
        Some("empirical") => Safety::Empirical,
        Some(other) => return Err(format!("--safety {other}: use spec or empirical").into()),
    };
    let cover_days: f64 = common::arg("--cover-days").map_or(Ok(30.0), |v| v.parse())?;
    let cap_days: Option<f64> = common::arg("--max-order-days")
        .map(|v| v.parse())
        .transpose()?;
    let method = if model == "weekday-mean" {
        Method::WeekdayMean
    } else {
        Method::Engine(model.parse()?)
    };
    let store = std::env::temp_dir().join("abacus-inventory-bench-store");
    let data = common::load(dir.as_ref(), &store)?;
    let as_of = data.as_of.ok_or("no as-of")?;
    let first = first_sale(&data).ok_or("no sales")?;
    let hist = daily_histories(&data, first, as_of);
    // Event windows learned from the total over every series, before the replay starts.
    let events: Vec<(abacus_core::Date, String)> =
        abacus_core::calendar::builtin_events(first, as_of + chrono::Days::new(400))
            .into_iter()
            .map(|(d, n)| (d, n.to_string()))
            .collect();
    let profile = match common::arg("--events").as_deref() {
        Some("none") => None,
        None | Some("windows") => {
            let len = (as_of - first).num_days() as usize - days;
            let mut agg = vec![0.0; len];
            for h in hist.values() {
                for (a, v) in agg.iter_mut().zip(h) {
                    *a += v;
                }
            }
            Some(abacus_forecast::events::EventProfile::learn(
                &agg, first, &events,
            ))
        }
        Some(other) => return Err(format!("--events {other}: use none or windows").into()),
    };
    let items: BTreeMap<&str, _> = data.items.iter().map(|i| (i.sku.as_str(), i)).collect();
    let mut settings = PlanSettings::new(as_of);
    settings.mc_paths = 200; // the order decision does not use the risk figure
    settings.safety = safety;
    settings.max_order_days = cap_days;
    let t0 = Instant::now();
    let series: Vec<Series<'_>> = data
        .stock
        .iter()
        .filter_map(|(sku, loc, _)| {
            let item = items.get(sku.as_str())?;
            let h = hist.get(&(sku.clone(), loc.clone()))?;
            Some(Series {
                sku,
                loc,
                category: &item.category,
                supplier: &item.supplier_id,
                hist: h,
                item: &item.params,
                lt: *data.lead_times.get(&item.supplier_id)?,
                factors: None,
            })
        })
        .collect();
    let series: Vec<Series<'_>> = series
        .into_iter()
        .map(|mut s| {
            if let Some(p) = &profile {
                s.factors = Some(p.factors(first, s.hist.len() + 400, &events));
            }
            s
        })
        .collect();
    use rayon::prelude::*;
    let results: Vec<(f64, String, Score, Score)> = series
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let start = s.hist.len().saturating_sub(days);
            let mut rng = ChaCha8Rng::seed_from_u64(1000 + i as u64);
            let normal =
                Normal::new(s.lt.mean_days, s.lt.sd_days.max(1e-9)).expect("finite lead time");
            let draws: Vec<u64> = (0..400)
                .map(|_| normal.sample(&mut rng).round().max(1.0) as u64)
                .collect();
            let a = replay(s, Rule::Plan, start, method, &settings, &draws);
            let b = replay(s, Rule::Cover(cover_days), start, method, &settings, &draws);
            let group = format!("{} L={}", s.supplier, s.lt.mean_days);
            (s.item.service_level, group, a, b)
        })
        .collect();
    let mut by: BTreeMap<String, (u64, Score, Score)> = BTreeMap::new();
    let mut by_supplier: BTreeMap<String, (u64, Score, Score)> = BTreeMap::new();
    for (_, g, a, b) in &results {
        let e = by_supplier.entry(g.clone()).or_default();
        e.0 += 1;
        e.1.add(a);
        e.2.add(b);
    }
    for (sl, _, a, b) in &results {
        for key in [format!("{sl:.2}"), "all".to_string()] {
            let e = by.entry(key).or_default();
            e.0 += 1;
            e.1.add(a);
            e.2.add(b);
        }
    }
    println!(
        "replay of the last {days} days, {} series, forecast {model}, safety {}, order quantity {}, {:.1} s",
        series.len(),
        match safety {
            Safety::Spec => "spec (metrics.md)",
            Safety::Empirical => "empirical (last year's lead-time errors)",
        },
        cap_days.map_or("EOQ".to_string(), |d| format!("EOQ capped at {d} days of demand")),
        t0.elapsed().as_secs_f64()
    );
    println!(
        "{:>20} | {:^62} | {:^62}",
        "",
        "plan policy (ROP/EOQ, MOQ, packs)",
        format!("order up to {cover_days} days of average sales")
    );
    let head = format!(
        "{:>6} {:>6} {:>6} {:>9} {:>11} {:>6} {:>8}",
        "CSL", "fill", "ready", "avg units", "avg value", "orders", "cost k"
    );
    println!(
        "{:>13} {:>6} | {head} | {head} | LTD≤ROP",
        "target", "series"
    );
    let row = |s: &Score| {
        format!(
            "{:>6.4} {:>6.4} {:>6.4} {:>9.0} {:>11.0} {:>6} {:>8.0}",
            s.cycles_ok as f64 / s.cycles.max(1) as f64,
            s.served / s.demand.max(1e-9),
            s.days_ok as f64 / s.days.max(1) as f64,
            s.inv_units / days as f64,
            s.inv_value / days as f64,
            s.orders,
            s.cost / 1000.0
        )
    };
    let line = |k: &str, n: u64, a: &Score, b: &Score| {
        let ltd = a.ltd_ok as f64 / a.ltd_n.max(1) as f64;
        println!("{k:>13} {n:>6} | {} | {} | {ltd:>6.4}", row(a), row(b));
    };
    for (k, (n, a, b)) in &by {
        line(k, *n, a, b);
    }
    println!("by supplier (mean lead time L days):");
    for (k, (n, a, b)) in &by_supplier {
        line(k, *n, a, b);
    }
    println!("CSL: replenishment cycles (arrival to next arrival) without a lost sale; fill: units served / demanded;\nready: days without a lost sale; avg units / value: mean end-of-day stock, summed over the class's series;\ncost k: thousands of holding cost (value × holding_cost_rate per year) plus order_cost per order over the replay;\nLTD≤ROP: share of the plan's orders whose realised lead-time demand stayed within the reorder point (the model's promise)");
    Ok(())
}
