//! `abacus plan`: the control-tower view of a retail dataset: items at risk of
//! a stock-out, recommended purchase orders and excess stock, with totals.
//! Reads the dataset from the store, hands plain rows to `abacus-inventory`.

use std::path::PathBuf;
use std::time::Instant;

use abacus_core::date::iso;
use abacus_inventory::demand::Method;
use abacus_inventory::series::{self, RetailData};
use abacus_inventory::whatif::WhatIf;
use abacus_inventory::{plan_all, what_if, Edit, Plan, PlanLine, PlanSettings, Scope};
use abacus_store::Dataset;
use anyhow::Context;
use clap::Args;
use serde_json::{json, Value};

use crate::{dataset_for, open_store};

#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// The dataset folder (holding retail/).
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// Print the whole plan as JSON.
    #[arg(long)]
    json: bool,
    /// Stock-out risk horizon in days.
    #[arg(long, default_value_t = 28)]
    horizon: usize,
    /// Forecast model: a model of the forecasting engine (theta, auto, ets, ses, …) or
    /// `weekday-mean`. Theta is the default: as accurate as auto on the sample's
    /// 28-day holdout and ~90× faster.
    #[arg(long, default_value = "theta")]
    model: String,
    /// Sales events around which demand is forecast: `calendar` (the dataset's
    /// events.csv, else the built-in calendar; each event's window is learned from
    /// the total of all series) or `none` (the plain forecast of spec/metrics.md's
    /// recomputation in bench/inventory/check_plan.py).
    #[arg(long, default_value = "calendar", value_parser = ["calendar", "none"])]
    events: String,
    /// Safety stock: `spec` (spec/metrics.md: σ of one-day errors, normal lead-time
    /// demand) or `empirical` (the service level's quantile of the last year's
    /// realised lead-time demand errors, bias included; see bench/inventory).
    #[arg(long, default_value = "spec", value_parser = ["spec", "empirical"])]
    safety: String,
    /// Days of cover above which stock counts as excess.
    #[arg(long, default_value_t = 90.0)]
    excess_days: f64,
    /// Stock-out probability from which an item is listed as at risk.
    #[arg(long, default_value_t = 0.2)]
    min_risk: f64,
    /// Rows shown per section in the text view (0 = all).
    #[arg(long, default_value_t = 15)]
    top: usize,
    /// What-if: scale demand, `FACTOR` or `FACTOR@category:NAME|sku:ID|location:ID` (repeatable).
    #[arg(long, value_name = "FACTOR[@SCOPE]")]
    scale_demand: Vec<String>,
    /// What-if: a supplier's lead time, `SUPPLIER=DAYS` or `SUPPLIER=DAYS,SD` (repeatable).
    #[arg(long, value_name = "SUPPLIER=DAYS[,SD]")]
    lead_time: Vec<String>,
    /// What-if: a service level, `LEVEL` or `LEVEL@SCOPE` as for --scale-demand (repeatable).
    #[arg(long, value_name = "LEVEL[@SCOPE]")]
    service_level: Vec<String>,
}

/// `VALUE[@kind:NAME]` → (value, scope).
fn scoped(s: &str) -> anyhow::Result<(f64, Scope)> {
    let (v, scope) = match s.split_once('@') {
        None => (s, Scope::All),
        Some((v, sc)) => {
            let (kind, name) = sc
                .split_once(':')
                .with_context(|| format!("scope {sc:?}: expected kind:NAME"))?;
            let name = name.to_string();
            let scope = match kind.to_ascii_lowercase().as_str() {
                "category" => Scope::Category(name),
                "sku" => Scope::Sku(name),
                "location" => Scope::Location(name),
                other => anyhow::bail!("scope kind {other:?}: expected category, sku or location"),
            };
            (v, scope)
        }
    };
    Ok((
        v.trim()
            .parse()
            .with_context(|| format!("{v:?} is not a number"))?,
        scope,
    ))
}

fn edits(a: &PlanArgs) -> anyhow::Result<Vec<Edit>> {
    let mut out = Vec::new();
    for s in &a.scale_demand {
        let (factor, scope) = scoped(s).context("--scale-demand")?;
        out.push(Edit::ScaleDemand { scope, factor });
    }
    for s in &a.lead_time {
        let (sup, days) = s
            .split_once('=')
            .context("--lead-time: expected SUPPLIER=DAYS[,SD]")?;
        let (mean, sd) = match days.split_once(',') {
            Some((m, sd)) => (m, Some(sd.trim().parse::<f64>().context("--lead-time sd")?)),
            None => (days, None),
        };
        let mean_days = mean.trim().parse().context("--lead-time days")?;
        out.push(Edit::LeadTime {
            supplier_id: sup.trim().to_string(),
            mean_days,
            sd_days: sd,
        });
    }
    for s in &a.service_level {
        let (level, scope) = scoped(s).context("--service-level")?;
        out.push(Edit::ServiceLevel { scope, level });
    }
    Ok(out)
}

pub(crate) fn run(store: Option<&PathBuf>, a: PlanArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        a.horizon >= 1 && a.horizon <= 3650,
        "--horizon must be between 1 and 3650 days"
    );
    anyhow::ensure!(a.excess_days > 0.0, "--excess-days must be > 0");
    let method = if a.model.eq_ignore_ascii_case("weekday-mean") {
        Method::WeekdayMean
    } else {
        Method::Engine(
            a.model
                .parse()
                .map_err(|e| anyhow::anyhow!("--model: {e}"))?,
        )
    };
    let edits = edits(&a)?;
    let store = open_store(store)?;
    let ds = dataset_for(&store, &a.data)?;
    let started = Instant::now();
    let data = retail_data(&ds)?;
    let read_s = started.elapsed().as_secs_f64();
    let as_of = data.as_of.context("the dataset has no retail as-of date")?;
    let mut settings = PlanSettings::new(as_of);
    settings.horizon_days = a.horizon;
    settings.excess_days = a.excess_days;
    if a.safety == "empirical" {
        settings.safety = abacus_inventory::demand::Safety::Empirical;
    }
    if a.events == "calendar" {
        if let Some(first) = series::first_sale(&data) {
            settings.events = ds.event_calendar(first, as_of + chrono::Duration::days(730))?;
        }
    }
    let (inputs, mut problems) = series::build_inputs(&data, &settings, method);
    let forecast_s = started.elapsed().as_secs_f64() - read_s;
    let mut plan = plan_all(&inputs, &settings);
    plan.problems.append(&mut problems);
    let timing = Timing {
        read_s,
        forecast_s,
        plan_s: started.elapsed().as_secs_f64() - read_s - forecast_s,
    };
    let scenario = if edits.is_empty() {
        None
    } else {
        Some(what_if(&inputs, &settings, &edits)?)
    };
    if a.json {
        let mut v = plan_json(&plan, &settings, &a.model);
        if let Some(w) = &scenario {
            v["what_if"] = what_if_json(w);
        }
        outln!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print_text(&plan, &settings, &a, &timing);
        if let Some(w) = &scenario {
            print_what_if(w, &a);
        }
    }
    Ok(())
}

/// Reads the rows the plan needs from an imported dataset.
pub(crate) fn retail_data(ds: &Dataset) -> anyhow::Result<RetailData> {
    Ok(abacus_assistant::control::retail_data(ds, None)?)
}

fn line_json(l: &PlanLine) -> Value {
    json!({
        "sku": l.sku, "location": l.location, "category": l.category, "supplier_id": l.supplier_id,
        "mu": l.mu, "sigma": l.sigma,
        "lead_time_days": l.lead_time.mean_days, "lead_time_sd_days": l.lead_time.sd_days,
        "service_level": l.service_level, "z": l.z,
        "lead_time_demand_mean": l.ltd_mean, "lead_time_demand_sd": l.ltd_sd,
        "safety_stock": l.safety_stock, "reorder_point": l.reorder_point, "eoq": l.eoq,
        "order_up_to": l.order_up_to, "on_hand": l.on_hand, "on_order": l.on_order,
        "overdue_on_order": l.overdue, "inventory_position": l.position,
        "daily_demand_28": l.daily_demand_28, "days_of_cover": l.days_of_cover,
        "order": l.order.as_ref().map(|o| json!({
            "qty": o.qty, "packs": o.packs, "arrival": iso(o.arrival), "value": o.value,
        })),
        "reason": l.reason,
        "horizon_days": l.horizon_days,
        "stockout_probability": l.stockout_probability,
        "risk_method": l.risk_method.name(),
        "stockout_date": l.stockout_date.map(iso),
        "excess": l.excess.as_ref().map(|e| json!({"units": e.units, "value": e.value})),
    })
}

fn plan_json(plan: &Plan, s: &PlanSettings, model: &str) -> Value {
    let orders: Vec<&PlanLine> = plan.lines.iter().filter(|l| l.order.is_some()).collect();
    json!({
        "as_of": iso(s.as_of),
        "horizon_days": s.horizon_days,
        "excess_days": s.excess_days,
        "forecast_model": model,
        "totals": {
            "lines": plan.lines.len(),
            "orders": orders.len(),
            "order_units": orders.iter().map(|l| l.order.as_ref().map_or(0, |o| o.qty)).sum::<u64>(),
            "order_value": orders.iter().map(|l| l.order.as_ref().map_or(0.0, |o| o.value)).sum::<f64>(),
            "excess_lines": plan.lines.iter().filter(|l| l.excess.is_some()).count(),
            "excess_value": plan.lines.iter().filter_map(|l| l.excess.as_ref()).map(|e| e.value).sum::<f64>(),
            "expected_stockouts": plan.lines.iter().map(|l| l.stockout_probability).sum::<f64>(),
        },
        "lines": plan.lines.iter().map(line_json).collect::<Vec<_>>(),
        "problems": plan.problems.iter().map(|p| json!({
            "sku": p.sku, "location": p.location, "error": p.error.to_string(),
        })).collect::<Vec<_>>(),
    })
}

fn money(v: f64) -> String {
    let s = format!("{:.2}", v.abs());
    let (int, frac) = s.split_at(s.len() - 3);
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}{frac}", if v < 0.0 { "-" } else { "" })
}

fn take(v: Vec<&PlanLine>, top: usize) -> (Vec<&PlanLine>, usize) {
    let n = v.len();
    let shown = if top == 0 {
        v
    } else {
        v.into_iter().take(top).collect()
    };
    (shown, n)
}

fn more(shown: usize, n: usize) {
    if shown < n {
        outln!(
            "  … {} more (--top 0 shows all, --json gives every line)",
            n - shown
        );
    }
}

struct Timing {
    read_s: f64,
    forecast_s: f64,
    plan_s: f64,
}

fn print_text(plan: &Plan, s: &PlanSettings, a: &PlanArgs, t: &Timing) {
    outln!(
        "Plan as of {} · {} SKU×locations · risk horizon {} days · forecast {} · read {:.2} s, forecast {:.2} s, plan {:.2} s",
        iso(s.as_of),
        plan.lines.len(),
        s.horizon_days,
        a.model,
        t.read_s,
        t.forecast_s,
        t.plan_s
    );

    let mut risk: Vec<&PlanLine> = plan
        .lines
        .iter()
        .filter(|l| l.stockout_probability >= a.min_risk)
        .collect();
    risk.sort_by(|x, y| {
        y.stockout_probability
            .total_cmp(&x.stockout_probability)
            .then(x.sku.cmp(&y.sku))
    });
    let (shown, n) = take(risk, a.top);
    outln!(
        "\nAt risk (stock-out probability ≥ {:.0}% within {} days): {n}",
        a.min_risk * 100.0,
        s.horizon_days
    );
    if n > 0 {
        outln!(
            "  {:<12} {:<8} {:>7} {:>11} {:>9} {:>9} {:>9}  method",
            "sku",
            "location",
            "P(out)",
            "out on",
            "on hand",
            "position",
            "ROP"
        );
    }
    for l in &shown {
        outln!(
            "  {:<12} {:<8} {:>6.1}% {:>11} {:>9.0} {:>9.0} {:>9.1}  {}",
            l.sku,
            l.location,
            l.stockout_probability * 100.0,
            l.stockout_date.map(iso).unwrap_or_else(|| "-".into()),
            l.on_hand,
            l.position,
            l.reorder_point,
            l.risk_method.name()
        );
    }
    more(shown.len(), n);

    let mut orders: Vec<&PlanLine> = plan.lines.iter().filter(|l| l.order.is_some()).collect();
    let value = |l: &PlanLine| l.order.as_ref().map_or(0.0, |o| o.value);
    let units: u64 = orders
        .iter()
        .map(|l| l.order.as_ref().map_or(0, |o| o.qty))
        .sum();
    let total: f64 = orders.iter().map(|l| value(l)).sum();
    orders.sort_by(|x, y| value(y).total_cmp(&value(x)).then(x.sku.cmp(&y.sku)));
    let (shown, n) = take(orders, a.top);
    outln!(
        "\nRecommended orders: {n} lines · {units} units · value {}",
        money(total)
    );
    for l in &shown {
        let o = l.order.as_ref().expect("filtered on orders");
        outln!(
            "  {:<12} {:<8} {:>7} units  arrives {}  {:>12}  {}",
            l.sku,
            l.location,
            o.qty,
            iso(o.arrival),
            money(o.value),
            l.reason
        );
    }
    more(shown.len(), n);

    let mut excess: Vec<&PlanLine> = plan.lines.iter().filter(|l| l.excess.is_some()).collect();
    let ev = |l: &PlanLine| l.excess.as_ref().map_or(0.0, |e| e.value);
    let total: f64 = excess.iter().map(|l| ev(l)).sum();
    excess.sort_by(|x, y| ev(y).total_cmp(&ev(x)).then(x.sku.cmp(&y.sku)));
    let (shown, n) = take(excess, a.top);
    outln!(
        "\nExcess stock (cover > {} days): {n} lines · value tied up {}",
        s.excess_days,
        money(total)
    );
    if n > 0 {
        outln!(
            "  {:<12} {:<8} {:>9} {:>10} {:>10} {:>12}",
            "sku",
            "location",
            "on hand",
            "cover (d)",
            "excess",
            "value"
        );
    }
    for l in &shown {
        let e = l.excess.as_ref().expect("filtered on excess");
        let cover = l
            .days_of_cover
            .map(|d| format!("{d:.0}"))
            .unwrap_or_else(|| "no demand".into());
        outln!(
            "  {:<12} {:<8} {:>9.0} {:>10} {:>10.0} {:>12}",
            l.sku,
            l.location,
            l.on_hand,
            cover,
            e.units,
            money(e.value)
        );
    }
    more(shown.len(), n);

    if !plan.problems.is_empty() {
        outln!("\nNot planned: {}", plan.problems.len());
        for p in plan
            .problems
            .iter()
            .take(if a.top == 0 { usize::MAX } else { a.top })
        {
            outln!("  {:<12} {:<8} {}", p.sku, p.location, p.error);
        }
        more(
            plan.problems
                .len()
                .min(if a.top == 0 { usize::MAX } else { a.top }),
            plan.problems.len(),
        );
    }
}

fn what_if_json(w: &WhatIf) -> Value {
    json!({
        "changed_lines": w.changes.len(),
        "changes": w.changes.iter().map(|c| json!({
            "sku": c.scenario.sku, "location": c.scenario.location,
            "baseline": line_json(&c.baseline), "scenario": line_json(&c.scenario),
        })).collect::<Vec<_>>(),
        "problems": w.problems.iter().map(|p| json!({
            "sku": p.sku, "location": p.location, "error": p.error.to_string(),
        })).collect::<Vec<_>>(),
    })
}

fn print_what_if(w: &WhatIf, a: &PlanArgs) {
    let qty = |l: &PlanLine| l.order.as_ref().map_or(0, |o| o.qty);
    let value = |l: &PlanLine| l.order.as_ref().map_or(0.0, |o| o.value);
    let base: f64 = w.changes.iter().map(|c| value(&c.baseline)).sum();
    let scen: f64 = w.changes.iter().map(|c| value(&c.scenario)).sum();
    outln!(
        "\nWhat-if: {} lines change · orders on them {} → {}",
        w.changes.len(),
        money(base),
        money(scen)
    );
    if !w.changes.is_empty() {
        outln!(
            "  {:<12} {:<8} {:>19} {:>15} {:>15}",
            "sku",
            "location",
            "reorder point",
            "order qty",
            "P(out)"
        );
    }
    let shown = if a.top == 0 {
        w.changes.len()
    } else {
        a.top.min(w.changes.len())
    };
    for c in &w.changes[..shown] {
        let (b, s) = (&c.baseline, &c.scenario);
        outln!(
            "  {:<12} {:<8} {:>8.1} → {:>8.1} {:>6} → {:>6} {:>5.1}% → {:>5.1}%",
            s.sku,
            s.location,
            b.reorder_point,
            s.reorder_point,
            qty(b),
            qty(s),
            b.stockout_probability * 100.0,
            s.stockout_probability * 100.0
        );
    }
    more(shown, w.changes.len());
    for p in &w.problems {
        outln!(
            "  not planned in the what-if: {} {}: {}",
            p.sku,
            p.location,
            p.error
        );
    }
}
