//! The control tower on the inventory engine: policy figures (safety stock,
//! reorder point, EOQ, order-up-to), recommended orders, stock-out risk and excess
//! stock for the SKU × locations of a question. Also the reading of a dataset's
//! rows into the engine's input, shared with `abacus plan`.

use abacus_core::Date;
use abacus_forecast::Model;
use abacus_inventory::demand::Method;
use abacus_inventory::series::{build_inputs, ItemRow, RetailData};
use abacus_inventory::{plan_all, ItemParams, LeadTime, PlanLine, PlanSettings};
use abacus_nlu::plan::{Plan, PolicyMeasure, Scope};
use abacus_store::Dataset;
use serde_json::json;

use crate::answer::{fmt_num, fmt_pct, Answer, Table};
use crate::context::Context;
use crate::future::series;
use crate::retail::scope_text;
use crate::{Error, Result};

/// The forecaster the control tower plans with (fast, and as accurate as `auto` on the
/// last 28 days of the sample; see bench/inventory).
pub const PLAN_MODEL: Model = Model::Theta;

/// Reads the rows the plan needs. `only`: the (sku, location) pairs to include (all when None);
/// their sales are read per series from the index.
/// The sales events a plan forecasts around: the dataset's calendar (its
/// `events.csv`, else the built-in one) from the first sale to two years past
/// the as-of date. `abacus plan`, the server and the assistant share it.
pub fn plan_events(ds: &Dataset, first: Date, as_of: Date) -> Result<Vec<(Date, String)>> {
    Ok(ds.event_calendar(first, as_of + chrono::Duration::days(730))?)
}

pub fn retail_data(ds: &Dataset, only: Option<&[(String, String)]>) -> Result<RetailData> {
    let retail = ds
        .info
        .summary
        .retail
        .as_ref()
        .ok_or_else(|| Error::Plan("the dataset has no retail data".into()))?;
    let as_of = abacus_core::date::parse_iso_date(&retail.as_of)
        .ok_or_else(|| Error::Plan("bad as-of date in the store".into()))?;
    let keep =
        |sku: &str, loc: &str| only.is_none_or(|o| o.iter().any(|(s, l)| s == sku && l == loc));
    let items = ds
        .items()?
        .into_iter()
        .map(|i| ItemRow {
            params: ItemParams {
                unit_cost: i.unit_cost,
                pack_size: i.pack_size.max(0) as u64,
                moq: i.moq.max(0) as u64,
                order_cost: i.order_cost,
                holding_cost_rate: i.holding_cost_rate,
                service_level: i.service_level,
            },
            sku: i.sku,
            category: i.category,
            supplier_id: i.supplier_id,
        })
        .collect();
    let lead_times = ds
        .suppliers()?
        .into_iter()
        .map(|s| {
            (
                s.supplier_id,
                LeadTime {
                    mean_days: s.lead_time_days,
                    sd_days: s.lead_time_std_days,
                },
            )
        })
        .collect();
    let stock = ds
        .inventory()?
        .into_iter()
        .filter(|r| keep(&r.sku, &r.location_id))
        .map(|r| (r.sku, r.location_id, r.on_hand))
        .collect();
    let sales = match only {
        None => ds
            .sales()?
            .into_iter()
            .map(|r| (r.sku, r.location_id, r.date, r.units))
            .collect(),
        Some(pairs) => {
            let start = retail
                .sales_first
                .as_deref()
                .and_then(abacus_core::date::parse_iso_date)
                .unwrap_or(as_of);
            let mut v = Vec::new();
            for (sku, loc) in pairs {
                for (d, u) in ds.daily_units(&[sku.clone()], &[loc.clone()], start, as_of)? {
                    v.push((sku.clone(), loc.clone(), d, u));
                }
            }
            v
        }
    };
    let open_orders = ds
        .purchase_orders()?
        .into_iter()
        .filter(|p| p.status == "open" && keep(&p.sku, &p.location_id))
        .map(|p| (p.sku, p.location_id, p.expected_date, p.quantity))
        .collect();
    Ok(RetailData {
        as_of: Some(as_of),
        items,
        lead_times,
        stock,
        sales,
        open_orders,
    })
}

/// Plans the series of a scope; `service_level` overrides the items' targets.
fn plan_scope(
    ctx: &Context<'_>,
    scope: &Scope,
    service_level: Option<f64>,
    horizon: Option<i64>,
    excess_days: Option<f64>,
) -> Result<(Vec<PlanLine>, Vec<String>, Date)> {
    let pairs = series(ctx, scope)?;
    let mut data = retail_data(ctx.ds, Some(&pairs))?;
    if let Some(a) = service_level {
        if !(a > 0.0 && a < 1.0) {
            return Err(Error::Plan(format!(
                "a service level must be between 0% and 100%, not {}",
                fmt_pct(a)
            )));
        }
        for i in &mut data.items {
            i.params.service_level = a;
        }
    }
    let as_of = data.as_of.unwrap_or(ctx.as_of);
    let mut settings = PlanSettings::new(as_of);
    if let Some(h) = horizon {
        settings.horizon_days = h.max(1) as usize;
    }
    if let Some(x) = excess_days {
        settings.excess_days = x;
    }
    if let Some((first, _)) = ctx.catalog.sales_range {
        settings.events = plan_events(ctx.ds, first, as_of)?;
        settings.event_profile = Some(crate::demand::event_profile(ctx, as_of)?);
    }
    let (inputs, problems) = build_inputs(&data, &settings, Method::Engine(PLAN_MODEL));
    let plan = plan_all(&inputs, &settings);
    let refused = problems
        .iter()
        .chain(plan.problems.iter())
        .map(|p| format!("{} at {}: {}", p.sku, p.location, p.error))
        .collect();
    Ok((plan.lines, refused, as_of))
}

fn note(refused: &[String]) -> String {
    match refused.len() {
        0 => String::new(),
        n => format!(
            " {n} series could not be planned ({}).",
            refused
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

pub(crate) fn policy(ctx: &Context<'_>, plan: Plan) -> Result<Answer> {
    let Plan::InventoryPolicy {
        scope,
        measure,
        service_level,
    } = &plan
    else {
        unreachable!("policy plan")
    };
    let (lines, refused, as_of) = plan_scope(ctx, scope, *service_level, None, None)?;
    let (name, get): (&str, fn(&PlanLine) -> f64) = match measure {
        PolicyMeasure::SafetyStock => ("safety stock", |l| l.safety_stock),
        PolicyMeasure::ReorderPoint => ("reorder point", |l| l.reorder_point),
        PolicyMeasure::Eoq => ("economic order quantity", |l| l.eoq),
        PolicyMeasure::OrderUpTo => ("order-up-to level", |l| l.order_up_to),
        PolicyMeasure::LeadTimeDemand => ("mean lead-time demand", |l| l.ltd_mean),
    };
    let mut t = Table::new(&[
        "sku",
        "location_id",
        "service_level",
        "mu",
        "sigma",
        "lead_time_days",
        "safety_stock",
        "reorder_point",
        "eoq",
        "order_up_to",
    ]);
    for l in &lines {
        t.rows.push(vec![
            json!(l.sku),
            json!(l.location),
            json!(l.service_level),
            json!(l.mu),
            json!(l.sigma),
            json!(l.lead_time.mean_days),
            json!(l.safety_stock),
            json!(l.reorder_point),
            json!(l.eoq),
            json!(l.order_up_to),
        ]);
    }
    let who = scope_text(ctx, scope);
    match lines.as_slice() {
        [] => Ok(Answer::answered(
            plan.clone(),
            format!("No series of {who} could be planned.{}", note(&refused)),
            None,
            None,
        )),
        [l] => {
            let v = get(l);
            let text = format!(
                "The {name} of {who} is {} units at a {} cycle service level (daily demand {} ± {}, lead time {} days, as of {as_of}).",
                fmt_num(v, 1),
                fmt_pct(l.service_level),
                fmt_num(l.mu, 2),
                fmt_num(l.sigma, 2),
                fmt_num(l.lead_time.mean_days, 1)
            );
            Ok(Answer::answered(plan.clone(), text, Some(v), Some(t)))
        }
        many => Ok(Answer::answered(
            plan.clone(),
            format!(
                "The {name} of {} SKU-locations of {who} are in the table.{}",
                many.len(),
                note(&refused)
            ),
            None,
            Some(t),
        )),
    }
}

pub(crate) fn replenishment(ctx: &Context<'_>, plan: Plan) -> Result<Answer> {
    let (lines, refused, as_of) = plan_scope(ctx, plan.scope(), None, None, None)?;
    let orders: Vec<&PlanLine> = lines.iter().filter(|l| l.order.is_some()).collect();
    let mut t = Table::new(&[
        "sku",
        "location_id",
        "order_qty",
        "packs",
        "arrival",
        "order_value",
        "position",
        "reorder_point",
        "reason",
    ]);
    for l in &orders {
        let o = l.order.as_ref().expect("filtered");
        t.rows.push(vec![
            json!(l.sku),
            json!(l.location),
            json!(o.qty),
            json!(o.packs),
            json!(o.arrival.to_string()),
            json!(o.value),
            json!(l.position),
            json!(l.reorder_point),
            json!(l.reason),
        ]);
    }
    let who = scope_text(ctx, plan.scope());
    let (value, text) = match (lines.as_slice(), orders.as_slice()) {
        ([l], []) => (
            Some(0.0),
            format!("Nothing to order for {who} today ({as_of}): {}.", l.reason),
        ),
        ([_], [l]) => {
            let o = l.order.as_ref().expect("filtered");
            (
                Some(o.qty as f64),
                format!(
                    "Order {} units of {who} today ({as_of}), arriving {}: {}.",
                    o.qty, o.arrival, l.reason
                ),
            )
        }
        (_, []) => (
            None,
            format!(
                "No order is due for {who} today ({as_of}).{}",
                note(&refused)
            ),
        ),
        (_, os) => {
            let value: f64 = os
                .iter()
                .filter_map(|l| l.order.as_ref())
                .map(|o| o.value)
                .sum();
            (
                None,
                format!(
                    "{} orders are due for {who} today ({as_of}), worth {} at unit cost.{}",
                    os.len(),
                    fmt_num(value, 2),
                    note(&refused)
                ),
            )
        }
    };
    let mut a = Answer::answered(plan.clone(), text, value, Some(t));
    if orders.len() > 1 {
        a.figures = vec![(
            "orders_value".into(),
            orders
                .iter()
                .filter_map(|l| l.order.as_ref())
                .map(|o| o.value)
                .sum(),
        )];
    }
    Ok(a)
}

pub(crate) fn stockout(ctx: &Context<'_>, mut plan: Plan) -> Result<Answer> {
    let h = plan.scope().horizon_days.unwrap_or(14);
    plan.scope_mut().horizon_days = Some(h);
    let (mut lines, refused, as_of) = plan_scope(ctx, plan.scope(), None, Some(h), None)?;
    lines.sort_by(|a, b| {
        b.stockout_probability
            .partial_cmp(&a.stockout_probability)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.sku.cmp(&b.sku))
    });
    let who = scope_text(ctx, plan.scope());
    let single = lines.len() == 1;
    let mut t = Table::new(&[
        "sku",
        "location_id",
        "horizon_days",
        "stockout_probability",
        "stockout_date",
        "on_hand",
        "position",
        "method",
    ]);
    for l in lines
        .iter()
        .filter(|l| single || l.stockout_probability >= 0.2)
    {
        t.rows.push(vec![
            json!(l.sku),
            json!(l.location),
            json!(l.horizon_days),
            json!(l.stockout_probability),
            json!(l.stockout_date.map(|d| d.to_string())),
            json!(l.on_hand),
            json!(l.position),
            json!(l.risk_method.name()),
        ]);
    }
    let text = match lines.as_slice() {
        [l] => format!(
            "The probability that {who} runs out within {h} days of {as_of} is {}{}.",
            fmt_pct(l.stockout_probability),
            l.stockout_date.map_or(String::new(), |d| format!("; expected stock-out date {d}"))
        ),
        _ => format!("{} SKU-locations of {who} have a stock-out probability of at least 20% within {h} days of {as_of}.{}", t.rows.len(), note(&refused)),
    };
    let value = if single {
        lines.first().map(|l| l.stockout_probability)
    } else {
        None
    };
    let mut a = Answer::answered(plan, text, value, Some(t));
    a.figures = vec![("risk_threshold".into(), 0.2)];
    Ok(a)
}

pub(crate) fn excess(ctx: &Context<'_>, plan: Plan) -> Result<Answer> {
    let Plan::ExcessStock {
        scope,
        min_days_of_cover,
    } = &plan
    else {
        unreachable!("excess plan")
    };
    let days = min_days_of_cover.unwrap_or(90.0);
    let (lines, refused, as_of) = plan_scope(ctx, scope, None, None, Some(days))?;
    let mut over: Vec<&PlanLine> = lines.iter().filter(|l| l.excess.is_some()).collect();
    over.sort_by(|a, b| {
        b.excess
            .as_ref()
            .map(|e| e.value)
            .partial_cmp(&a.excess.as_ref().map(|e| e.value))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut t = Table::new(&[
        "sku",
        "location_id",
        "days_of_cover",
        "on_hand",
        "excess_units",
        "excess_value",
    ]);
    for l in &over {
        let e = l.excess.as_ref().expect("filtered");
        t.rows.push(vec![
            json!(l.sku),
            json!(l.location),
            json!(l.days_of_cover),
            json!(l.on_hand),
            json!(e.units),
            json!(e.value),
        ]);
    }
    let value: f64 = over
        .iter()
        .filter_map(|l| l.excess.as_ref())
        .map(|e| e.value)
        .sum();
    let text = format!(
        "{} SKU-locations of {} have more than {} days of cover as of {as_of}; the stock beyond that is worth {} at unit cost.{}",
        over.len(),
        scope_text(ctx, scope),
        fmt_num(days, 0),
        fmt_num(value, 2),
        note(&refused)
    );
    let mut a = Answer::answered(plan.clone(), text, None, Some(t));
    a.figures = vec![
        ("excess_value".into(), value),
        ("threshold_days".into(), days),
    ];
    Ok(a)
}
