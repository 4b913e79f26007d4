//! From a retail dataset's rows to plan inputs: per SKU×location zero-filled
//! daily sales history up to the day before the as-of date, a forecast of the
//! days the plan needs, and the open purchase orders. Pure: the caller reads
//! the rows (the CLI from the store).
//!
//! The series planned are the (SKU, location) pairs of `inventory.csv`. History
//! starts at the first sales date of the whole dataset; sales on or after the
//! as-of date are ignored (they do not exist as of that day).

use std::collections::HashMap;

use abacus_core::Date;
use abacus_forecast::events::EventProfile;
use rayon::prelude::*;

use crate::demand::{self, Method};
use crate::plan::{ItemParams, LeadTime, OpenPo, PlanInput, PlanSettings, Problem};
use crate::Error;

/// One item of `items.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    pub sku: String,
    pub category: String,
    pub supplier_id: String,
    pub params: ItemParams,
}

/// The rows the plan reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RetailData {
    pub as_of: Option<Date>,
    pub items: Vec<ItemRow>,
    /// Lead time by supplier id.
    pub lead_times: HashMap<String, LeadTime>,
    /// (sku, location, on hand).
    pub stock: Vec<(String, String, f64)>,
    /// (sku, location, date, units).
    pub sales: Vec<(String, String, Date, f64)>,
    /// Open purchase orders: (sku, location, expected date, quantity).
    pub open_orders: Vec<(String, String, Date, f64)>,
}

/// Daily histories by (sku, location) from `start` to `end` exclusive, zeros filled.
pub fn daily_histories(
    data: &RetailData,
    start: Date,
    end: Date,
) -> HashMap<(String, String), Vec<f64>> {
    let days = (end - start).num_days().max(0) as usize;
    let mut out: HashMap<(String, String), Vec<f64>> = HashMap::new();
    for (sku, loc, date, units) in &data.sales {
        if *date < start || *date >= end {
            continue;
        }
        let i = (*date - start).num_days() as usize;
        let h = out
            .entry((sku.clone(), loc.clone()))
            .or_insert_with(|| vec![0.0; days]);
        h[i] += units;
    }
    out
}

/// The first sales date of the dataset, if any.
pub fn first_sale(data: &RetailData) -> Option<Date> {
    data.sales.iter().map(|s| s.2).min()
}

/// Builds one `PlanInput` per stocked (sku, location), forecasting in parallel.
/// Series that cannot be planned (unknown item or supplier, no sales history,
/// a forecast error) come back as problems.
pub fn build_inputs(
    data: &RetailData,
    settings: &PlanSettings,
    method: Method,
) -> (Vec<PlanInput>, Vec<Problem>) {
    let as_of = settings.as_of;
    let start = first_sale(data).unwrap_or(as_of).min(as_of);
    let hist = daily_histories(data, start, as_of);
    let items: HashMap<&str, &ItemRow> = data.items.iter().map(|i| (i.sku.as_str(), i)).collect();
    let mut pos: HashMap<(&str, &str), Vec<OpenPo>> = HashMap::new();
    for (sku, loc, expected, qty) in &data.open_orders {
        pos.entry((sku, loc)).or_default().push(OpenPo {
            expected: *expected,
            qty: *qty,
        });
    }
    // Event windows: learned from the total of every series, divided out of each
    // history before forecasting and put back on its forecast (and its σ).
    let longest = data
        .lead_times
        .values()
        .map(|lt| settings.days_needed(lt.mean_days.max(1.0)))
        .max()
        .unwrap_or(0);
    let days = hist.values().next().map_or(0, Vec::len);
    let windows: Option<Vec<f64>> = (!settings.events.is_empty()).then(|| {
        let learned = settings.event_profile.clone().unwrap_or_else(|| {
            let mut agg = vec![0.0; days];
            for h in hist.values() {
                for (a, v) in agg.iter_mut().zip(h) {
                    *a += v;
                }
            }
            EventProfile::learn(&agg, start, &settings.events)
        });
        learned.factors(start, days + longest, &settings.events)
    });
    let results: Vec<Result<PlanInput, Problem>> = data
        .stock
        .par_iter()
        .map(|(sku, loc, on_hand)| {
            let problem = |error: Error| Problem {
                sku: sku.clone(),
                location: loc.clone(),
                error,
            };
            let key = format!("{sku} at {loc}");
            let item = items
                .get(sku.as_str())
                .ok_or_else(|| problem(Error::Data(format!("{sku} is not in items.csv"))))?;
            let lt = *data.lead_times.get(&item.supplier_id).ok_or_else(|| {
                problem(Error::Data(format!(
                    "supplier {} of {sku} is not in suppliers.csv",
                    item.supplier_id
                )))
            })?;
            let empty = Vec::new();
            let h = hist.get(&(sku.clone(), loc.clone())).unwrap_or(&empty);
            let horizon = settings.days_needed(lt.mean_days.max(1.0));
            let how = demand::PlanForecast {
                horizon,
                lead_days: settings.protection_days(lt.mean_days),
                service_level: item.params.service_level,
                safety: settings.safety,
                method,
            };
            let fc = demand::plan_forecast(h, windows.as_deref(), &how, &key).map_err(problem)?;
            Ok(PlanInput {
                sku: sku.clone(),
                location: loc.clone(),
                category: item.category.clone(),
                supplier_id: item.supplier_id.clone(),
                on_hand: *on_hand,
                open_pos: pos
                    .get(&(sku.as_str(), loc.as_str()))
                    .cloned()
                    .unwrap_or_default(),
                item: item.params.clone(),
                lead_time: lt,
                forecast: fc.daily,
                sigma: fc.sigma,
            })
        })
        .collect();
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(i) => inputs.push(i),
            Err(p) => problems.push(p),
        }
    }
    (inputs, problems)
}
