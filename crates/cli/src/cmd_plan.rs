//! `abacus plan`: the control-tower view of a retail dataset: items at risk of
//! a stock-out, recommended purchase orders and excess stock, with totals.
//! Reads the dataset from the store, hands plain rows to `abacus-inventory`.

use std::path::PathBuf;

use abacus_core::date::iso;
use abacus_inventory::whatif::WhatIf;
use abacus_inventory::{Edit, Plan, PlanLine, PlanSettings};
use abacus_server::reports::{run_plan, PlanOptions};
use clap::Args;

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
    /// Caps the order quantity aimed at (the EOQ) at D days of mean demand: more,
    /// smaller orders and less stock (MOQ and packs still apply). Unset: the EOQ.
    #[arg(long, value_name = "D")]
    max_order_days: Option<f64>,
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

fn edits(a: &PlanArgs) -> anyhow::Result<Vec<Edit>> {
    abacus_server::reports::plan_edits(&a.scale_demand, &a.lead_time, &a.service_level)
        .map_err(|e| anyhow::anyhow!("--{e}"))
}

pub(crate) fn run(store: Option<&PathBuf>, a: PlanArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        a.horizon >= 1 && a.horizon <= 3650,
        "--horizon must be between 1 and 3650 days"
    );
    anyhow::ensure!(a.excess_days > 0.0, "--excess-days must be > 0");
    let store = open_store(store)?;
    let ds = dataset_for(&store, &a.data)?;
    let opts = PlanOptions {
        horizon_days: a.horizon,
        model: a.model.clone(),
        excess_days: a.excess_days,
        edits: edits(&a)?,
        events: a.events == "calendar",
        safety: abacus_server::reports::parse_safety(&a.safety).map_err(anyhow::Error::msg)?,
        max_order_days: a.max_order_days,
    };
    let run = run_plan(&ds, &opts).map_err(|e| anyhow::anyhow!("{e}"))?;
    let timing = Timing {
        read_s: run.timing.read_s,
        forecast_s: run.timing.forecast_s,
        plan_s: run.timing.plan_s,
    };
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&run.to_json(&a.model))?);
    } else {
        print_text(&run.plan, &run.settings, &a, &timing);
        if let Some(w) = &run.what_if {
            print_what_if(w, &a);
        }
    }
    Ok(())
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
