//! The JSON documents the CLI prints with `--json` and the REST routes return:
//! datasets, the control-tower plan and its what-ifs, network plans and what-ifs,
//! fund screens, and one series' history with its forecast. One function per
//! document, shared by `abacus` and `abacus serve` so both print the same JSON.

use abacus_core::date::iso;
use abacus_funds::{parse_screen, Cell, FundTable, Table};
use abacus_inventory::whatif::WhatIf as PlanWhatIf;
use abacus_inventory::{Plan, PlanLine, PlanSettings};
use abacus_network::{Constraint, Outcome, WhatIf as NetworkWhatIf};
use abacus_store::{Dataset, DatasetInfo};
use chrono::Duration;
use serde_json::{json, Value};

/// A dataset of the catalog; `seconds` is the import time when one just ran.
pub fn dataset_json(info: &DatasetInfo, seconds: Option<f64>) -> Value {
    let mut v = json!({
        "id": info.id,
        "name": info.name,
        "path": info.path,
        "fingerprint": info.fingerprint,
        "imported_at": info.imported_at,
        "summary": info.summary,
    });
    if let Some(s) = seconds {
        v["seconds"] = json!(s);
    }
    v
}

/// One SKU × location line of the control-tower plan.
pub fn plan_line_json(l: &PlanLine) -> Value {
    json!({
        "sku": l.sku, "location": l.location, "category": l.category, "supplier_id": l.supplier_id,
        "mu": l.mu, "sigma": l.sigma,
        "lead_time_days": l.lead_time.mean_days, "lead_time_sd_days": l.lead_time.sd_days,
        "service_level": l.service_level, "z": l.z,
        "lead_time_demand_mean": l.ltd_mean, "lead_time_demand_sd": l.ltd_sd,
        "safety_stock": l.safety_stock, "reorder_point": l.reorder_point, "eoq": l.eoq, "lot": l.lot,
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

/// The whole control-tower plan with its totals (`abacus plan --json`).
pub fn plan_json(plan: &Plan, s: &PlanSettings, model: &str) -> Value {
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
        "lines": plan.lines.iter().map(plan_line_json).collect::<Vec<_>>(),
        "problems": plan.problems.iter().map(|p| json!({
            "sku": p.sku, "location": p.location, "error": p.error.to_string(),
        })).collect::<Vec<_>>(),
    })
}

/// The lines a control-tower what-if changes.
pub fn plan_what_if_json(w: &PlanWhatIf) -> Value {
    json!({
        "changed_lines": w.changes.len(),
        "changes": w.changes.iter().map(|c| json!({
            "sku": c.scenario.sku, "location": c.scenario.location,
            "baseline": plan_line_json(&c.baseline), "scenario": plan_line_json(&c.scenario),
        })).collect::<Vec<_>>(),
        "problems": w.problems.iter().map(|p| json!({
            "sku": p.sku, "location": p.location, "error": p.error.to_string(),
        })).collect::<Vec<_>>(),
    })
}

fn constraint_json(c: &Constraint) -> Value {
    let (kind, mut v) = match c {
        Constraint::SupplierCapacity { node, .. } => ("supplier_capacity", json!({ "node": node })),
        Constraint::Supply { node, product, .. } => {
            ("supply", json!({ "node": node, "product": product }))
        }
        Constraint::FacilityCapacity { node, .. } => ("facility_capacity", json!({ "node": node })),
        Constraint::LaneCapacity { from, to, .. } => {
            ("lane_capacity", json!({ "from": from, "to": to }))
        }
        Constraint::Demand { node, product, .. } => {
            ("demand", json!({ "node": node, "product": product }))
        }
        Constraint::MinFlow { lane, .. } => (
            "min_flow",
            json!({ "from": lane.from, "to": lane.to, "product": lane.product }),
        ),
    };
    v["kind"] = json!(kind);
    v["limit"] = json!(c.limit());
    v["text"] = json!(c.to_string());
    v
}

/// An optimal network plan, or why none exists.
pub fn network_outcome_json(o: &Outcome) -> Value {
    match o {
        Outcome::Infeasible(i) => json!({
            "status": "infeasible",
            "total_cost": Value::Null,
            "reason": i.reason,
            "total_short": i.total_short,
            "shortfalls": i.shortfalls.iter().map(|s| json!({
                "constraint": constraint_json(&s.constraint), "required": s.required, "achieved": s.achieved,
            })).collect::<Vec<_>>(),
            "limits": i.limits.iter().map(constraint_json).collect::<Vec<_>>(),
            "closed": i.closed,
        }),
        Outcome::Optimal(p) => json!({
            "status": "optimal",
            "total_cost": p.total_cost,
            "lane_cost": p.lane_cost,
            "processing_cost": p.processing_cost,
            "fixed_cost": p.fixed_cost,
            "proven_optimal": p.proven_optimal,
            "mip_gap": p.mip_gap,
            "flows": p.flows.iter().map(|f| json!({
                "from": f.from, "to": f.to, "product": f.product,
                "quantity": f.quantity, "unit_cost": f.unit_cost, "cost": f.cost,
            })).collect::<Vec<_>>(),
            "processed": p.processed.iter().map(|x| json!({
                "node": x.node, "input": x.input, "output": x.output,
                "quantity": x.quantity, "unit_cost": x.unit_cost, "cost": x.cost,
            })).collect::<Vec<_>>(),
            "facilities": p.facilities.iter().map(|f| json!({
                "node": f.node, "open": f.open, "fixed_cost": f.fixed_cost,
                "throughput": f.throughput, "capacity": f.capacity,
            })).collect::<Vec<_>>(),
            "binding": p.binding.iter().map(|b| json!({
                "constraint": constraint_json(&b.constraint), "activity": b.activity, "shadow_price": b.shadow_price,
            })).collect::<Vec<_>>(),
        }),
    }
}

/// The baseline network plan (`abacus network --json`).
pub fn network_baseline_json(o: &Outcome) -> Value {
    json!({ "mode": "baseline", "result": network_outcome_json(o) })
}

/// A network what-if against its baseline (`abacus network --edit … --json`).
pub fn network_what_if_json(w: &NetworkWhatIf) -> Value {
    json!({
        "mode": "what_if",
        "edits": w.edits,
        "value": w.scenario.cost(),
        "baseline_cost": w.baseline.cost(),
        "change": w.change,
        "facility_changes": w.facility_changes.iter().map(|f| json!({
            "node": f.node, "open_before": f.open_before, "open_after": f.open_after,
        })).collect::<Vec<_>>(),
        "flow_changes": w.flow_changes.iter().map(|c| json!({
            "from": c.from, "to": c.to, "product": c.product, "before": c.before, "after": c.after,
        })).collect::<Vec<_>>(),
        "scenario": network_outcome_json(&w.scenario),
    })
}

/// `{"columns": [...], "rows": [[...]]}` with exact numbers and `null` where undefined.
pub fn fund_table_json(t: &Table) -> Value {
    let rows: Vec<Value> = t
        .rows
        .iter()
        .map(|r| {
            Value::Array(
                r.iter()
                    .map(|c| match c {
                        Cell::Text(s) => json!(s),
                        Cell::Number { value, .. } => json!(value),
                        Cell::Undefined(_) => Value::Null,
                    })
                    .collect(),
            )
        })
        .collect();
    json!({ "columns": t.columns, "rows": rows })
}

/// A fund screen (`abacus funds screen --json`): the table, the number of matches, the as-of date.
pub fn fund_screen_json(t: &FundTable, filters: &str) -> abacus_funds::Result<Value> {
    let s = parse_screen(t, filters)?;
    let r = s.run(t);
    let table = t.table(&r.funds, &r.fields);
    let mut v = fund_table_json(&table);
    v["count"] = json!(r.matched);
    v["as_of"] = json!(t.as_of().map(iso));
    Ok(v)
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The request asks for something the dataset does not have, or is malformed;
    /// the message is safe to show.
    #[error("{0}")]
    User(String),
    /// Anything else (a store read failed, ...): logged, never shown.
    #[error("{0}")]
    Internal(String),
}

impl From<abacus_store::Error> for ReportError {
    fn from(e: abacus_store::Error) -> Self {
        match e {
            abacus_store::Error::User(m) => ReportError::User(m),
            e @ abacus_store::Error::Import(_) => ReportError::User(e.to_string()),
            other => ReportError::Internal(other.to_string()),
        }
    }
}

impl From<abacus_forecast::Error> for ReportError {
    fn from(e: abacus_forecast::Error) -> Self {
        ReportError::Internal(e.to_string())
    }
}

impl From<abacus_assistant::Error> for ReportError {
    fn from(e: abacus_assistant::Error) -> Self {
        match e {
            abacus_assistant::Error::Store(s) => s.into(),
            other => ReportError::User(other.to_string()),
        }
    }
}

/// What a control-tower plan is computed with.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Stock-out risk horizon in days (1..=3650).
    pub horizon_days: usize,
    /// A forecasting-engine model name, or `weekday-mean`.
    pub model: String,
    /// Days of cover above which stock counts as excess.
    pub excess_days: f64,
    /// What-if edits; none for the baseline only.
    pub edits: Vec<abacus_inventory::Edit>,
    /// Forecast around the dataset's sales events (`events.csv`, else the
    /// built-in calendar), as `abacus plan --events calendar` (the default).
    pub events: bool,
    /// How safety stock is sized (`abacus plan --safety`).
    pub safety: abacus_inventory::demand::Safety,
    /// Caps the EOQ at this many days of mean demand (`abacus plan --max-order-days`).
    pub max_order_days: Option<f64>,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            horizon_days: 28,
            model: "theta".into(),
            excess_days: 90.0,
            edits: Vec::new(),
            events: true,
            safety: abacus_inventory::demand::Safety::Spec,
            max_order_days: None,
        }
    }
}

/// Timings of a plan run, in seconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlanTiming {
    pub read_s: f64,
    pub forecast_s: f64,
    pub plan_s: f64,
}

/// The control-tower plan of a dataset and its what-if, as the engine returns them.
pub struct PlanRun {
    pub plan: Plan,
    pub settings: PlanSettings,
    pub what_if: Option<PlanWhatIf>,
    pub timing: PlanTiming,
}

impl PlanRun {
    /// `abacus plan --json`: the plan, and `what_if` when edits were given.
    pub fn to_json(&self, model: &str) -> Value {
        let mut v = plan_json(&self.plan, &self.settings, model);
        if let Some(w) = &self.what_if {
            v["what_if"] = plan_what_if_json(w);
        }
        v
    }
}

/// Runs the control-tower plan (and its what-if) over a dataset.
/// `spec` or `empirical`, as `abacus plan --safety`.
pub fn parse_safety(s: &str) -> Result<abacus_inventory::demand::Safety, String> {
    match s {
        "spec" => Ok(abacus_inventory::demand::Safety::Spec),
        "empirical" => Ok(abacus_inventory::demand::Safety::Empirical),
        other => Err(format!("safety {other:?}: use spec or empirical")),
    }
}

pub fn run_plan(ds: &Dataset, o: &PlanOptions) -> Result<PlanRun, ReportError> {
    use abacus_inventory::demand::Method;
    if !(1..=3650).contains(&o.horizon_days) {
        return Err(ReportError::User(
            "the horizon must be between 1 and 3650 days".into(),
        ));
    }
    if !(o.excess_days.is_finite() && o.excess_days > 0.0) {
        return Err(ReportError::User("excess days must be > 0".into()));
    }
    if o.max_order_days
        .is_some_and(|d| !(d.is_finite() && d > 0.0 && d <= 3650.0))
    {
        return Err(ReportError::User(
            "max order days must be > 0 and at most 3650".into(),
        ));
    }
    let method = if o.model.eq_ignore_ascii_case("weekday-mean") {
        Method::WeekdayMean
    } else {
        Method::Engine(
            o.model
                .parse()
                .map_err(|e: abacus_forecast::Error| ReportError::User(format!("model: {e}")))?,
        )
    };
    let started = std::time::Instant::now();
    let data = abacus_assistant::control::retail_data(ds, None)?;
    let read_s = started.elapsed().as_secs_f64();
    let as_of = data
        .as_of
        .ok_or_else(|| ReportError::User("the dataset has no retail as-of date".into()))?;
    let mut settings = PlanSettings::new(as_of);
    settings.horizon_days = o.horizon_days;
    settings.excess_days = o.excess_days;
    settings.safety = o.safety;
    settings.max_order_days = o.max_order_days;
    if o.events {
        if let Some(first) = abacus_inventory::series::first_sale(&data) {
            settings.events = abacus_assistant::control::plan_events(ds, first, as_of)?;
        }
    }
    let (inputs, mut problems) = abacus_inventory::series::build_inputs(&data, &settings, method);
    let forecast_s = started.elapsed().as_secs_f64() - read_s;
    let mut plan = abacus_inventory::plan_all(&inputs, &settings);
    plan.problems.append(&mut problems);
    let timing = PlanTiming {
        read_s,
        forecast_s,
        plan_s: started.elapsed().as_secs_f64() - read_s - forecast_s,
    };
    let what_if = if o.edits.is_empty() {
        None
    } else {
        Some(
            abacus_inventory::what_if(&inputs, &settings, &o.edits)
                .map_err(|e| ReportError::User(e.to_string()))?,
        )
    };
    Ok(PlanRun {
        plan,
        settings,
        what_if,
        timing,
    })
}

/// The engine's network and the baseline or what-if of `edits` (in the text syntax of
/// `abacus network --edit`), as `abacus network --json` prints it.
pub fn network_report(
    ds: &Dataset,
    edits: &[String],
    time_limit: Option<f64>,
) -> Result<Value, ReportError> {
    let edits: Vec<abacus_network::Edit> = edits
        .iter()
        .map(|e| abacus_network::parse_edit(e).map_err(|e| ReportError::User(e.to_string())))
        .collect::<Result<_, _>>()?;
    let model = ds.network()?;
    if model.nodes.is_empty() {
        return Err(ReportError::User("the dataset has no network/ data".into()));
    }
    let net = abacus_assistant::network::engine_network(&model)?;
    let opts = abacus_network::SolveOptions {
        time_limit,
        ..abacus_network::SolveOptions::default()
    };
    if edits.is_empty() {
        let out =
            abacus_network::optimize(&net, &opts).map_err(|e| ReportError::User(e.to_string()))?;
        Ok(network_baseline_json(&out))
    } else {
        let w = abacus_network::what_if(&net, &edits, &opts)
            .map_err(|e| ReportError::User(e.to_string()))?;
        Ok(network_what_if_json(&w))
    }
}

/// Daily sales of one SKU at one location for the last `history_days` days before the
/// as-of date, and the forecast engine's next `horizon` days with 80% and 95% intervals
/// (the assistant's retail forecast: stock-out days imputed, sales events included).
pub fn series_json(
    ds: &Dataset,
    sku: &str,
    location: &str,
    horizon: usize,
    history_days: usize,
) -> Result<Value, ReportError> {
    let cat = ds.catalog()?;
    if !cat.items.iter().any(|i| i.sku == sku) {
        return Err(ReportError::User(format!("unknown sku {sku:?}")));
    }
    if !cat.locations.iter().any(|l| l.location_id == location) {
        return Err(ReportError::User(format!("unknown location {location:?}")));
    }
    let (Some(as_of), Some((first, _))) = (cat.as_of, cat.sales_range) else {
        return Err(ReportError::User("the dataset has no sales".into()));
    };
    let src = abacus_assistant::demand::Source {
        ds,
        first: Some(first),
        as_of,
    };
    let Some((y, start, f)) =
        abacus_assistant::demand::forecast_with_history(&src, sku, location, horizon)?
    else {
        return Err(ReportError::User(format!(
            "{sku} has never sold at {location}"
        )));
    };
    let f = f.forecast;
    let keep = history_days.min(y.len());
    let hist_start = y.len() - keep;
    let history: Vec<Value> = y[hist_start..]
        .iter()
        .enumerate()
        .map(|(i, u)| json!({ "date": iso(start + Duration::days((hist_start + i) as i64)), "units": u }))
        .collect();
    let forecast: Vec<Value> = (0..f.mean.len())
        .map(|i| {
            let mut p = json!({ "date": iso(as_of + Duration::days(i as i64)), "mean": f.mean[i] });
            for iv in &f.intervals {
                p[format!("lo{}", iv.level as u32)] = json!(iv.lo[i]);
                p[format!("hi{}", iv.level as u32)] = json!(iv.hi[i]);
            }
            p
        })
        .collect();
    Ok(json!({
        "sku": sku, "location": location, "as_of": iso(as_of),
        "model": f.model_used, "history": history, "forecast": forecast,
    }))
}

/// `VALUE[@kind:NAME]` → (value, scope), as `abacus plan --scale-demand` takes it.
fn scoped(s: &str) -> Result<(f64, abacus_inventory::Scope), String> {
    use abacus_inventory::Scope;
    let (v, scope) = match s.split_once('@') {
        None => (s, Scope::All),
        Some((v, sc)) => {
            let (kind, name) = sc
                .split_once(':')
                .ok_or_else(|| format!("scope {sc:?}: expected kind:NAME"))?;
            let name = name.to_string();
            let scope = match kind.to_ascii_lowercase().as_str() {
                "category" => Scope::Category(name),
                "sku" => Scope::Sku(name),
                "location" => Scope::Location(name),
                other => {
                    return Err(format!(
                        "scope kind {other:?}: expected category, sku or location"
                    ))
                }
            };
            (v, scope)
        }
    };
    let value: f64 = v
        .trim()
        .parse()
        .map_err(|_| format!("{v:?} is not a number"))?;
    if !value.is_finite() {
        return Err(format!("{v:?} is not a finite number"));
    }
    Ok((value, scope))
}

/// Control-tower what-if edits from the text forms of `abacus plan`: `--scale-demand
/// FACTOR[@SCOPE]`, `--lead-time SUPPLIER=DAYS[,SD]`, `--service-level LEVEL[@SCOPE]`.
pub fn plan_edits(
    scale_demand: &[String],
    lead_time: &[String],
    service_level: &[String],
) -> Result<Vec<abacus_inventory::Edit>, String> {
    use abacus_inventory::Edit;
    let mut out = Vec::new();
    for s in scale_demand {
        let (factor, scope) = scoped(s).map_err(|e| format!("scale-demand: {e}"))?;
        out.push(Edit::ScaleDemand { scope, factor });
    }
    for s in lead_time {
        let (sup, days) = s
            .split_once('=')
            .ok_or("lead-time: expected SUPPLIER=DAYS[,SD]")?;
        let num = |x: &str| {
            x.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("lead-time: {x:?} is not a number"))
        };
        let (mean, sd) = match days.split_once(',') {
            Some((m, sd)) => (m, Some(num(sd)?)),
            None => (days, None),
        };
        out.push(Edit::LeadTime {
            supplier_id: sup.trim().to_string(),
            mean_days: num(mean)?,
            sd_days: sd,
        });
    }
    for s in service_level {
        let (level, scope) = scoped(s).map_err(|e| format!("service-level: {e}"))?;
        out.push(Edit::ServiceLevel { scope, level });
    }
    Ok(out)
}
