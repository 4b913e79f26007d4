//! `abacus._native`: the Rust side of the Python package. Takes flat numpy
//! arrays (read in place, no copy through Python objects) from the wrapper in
//! `abacus/__init__.py`, runs the engines with the GIL released, and hands back
//! flat arrays the wrapper turns into pandas frames.
//!
//! Forecasting goes through `abacus_forecast::batch`, the code path of the
//! `abacus forecast` CLI, so the numbers are the CLI's bit for bit.

use std::collections::HashMap;

use abacus_core::Date;
use abacus_forecast::batch::{self, Gaps, RawTime, Row, Series, Unit};
use abacus_forecast::{Forecast, Model, MAX_HORIZON};
use abacus_funds::{Config, FundInfo, FundInput, FundTable, Metric};
use abacus_inventory::demand::Method;
use abacus_inventory::demand::Safety;
use abacus_inventory::plan::{plan_all, ItemParams, LeadTime, PlanSettings};
use abacus_inventory::series::{build_inputs, first_sale, ItemRow, RetailData};
use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn slice<'a, T: numpy::Element>(a: &'a PyReadonlyArray1<'_, T>, name: &str) -> PyResult<&'a [T]> {
    a.as_slice()
        .map_err(|_| value_error(format!("{name}: array is not contiguous")))
}

/// Runs `f` over `items` on `threads` threads: 0 = rayon's global pool (all
/// cores), 1 = this thread only (one task per core under Spark or Ray).
fn par_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    match threads {
        1 => Ok(items.iter().map(f).collect()),
        0 => Ok(items.par_iter().map(f).collect()),
        n => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(value_error)?;
            Ok(pool.install(|| items.par_iter().map(f).collect()))
        }
    }
}

fn parse_models(names: &[String]) -> PyResult<Vec<Model>> {
    let mut models = Vec::new();
    for name in names.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let m: Model = name.parse().map_err(value_error)?;
        if !models.contains(&m) {
            models.push(m);
        }
    }
    if models.is_empty() {
        return Err(value_error(
            "models is empty; give \"auto\" or a list of models",
        ));
    }
    Ok(models)
}

/// Forecasts every series of a long frame given as arrays.
///
/// `codes[i]` is row i's series (an index into `ids`, numbered in order of first
/// appearance); `t` is in `t_int` (`t_kind` "index": integers, "seconds": Unix
/// seconds of time stamps) or `t_text` (`t_kind` "text": strings parsed as the
/// CLI parses them). Returns, per output row, the series code and step, the
/// values row-major, and the value column names.
#[pyfunction]
#[pyo3(signature = (ids, codes, t_kind, t_int, t_text, y, horizon, models, levels, season=None, fill=None, freq=None, threads=0))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn forecast_arrays<'py>(
    py: Python<'py>,
    ids: Vec<String>,
    codes: PyReadonlyArray1<'py, i64>,
    t_kind: &str,
    t_int: Option<PyReadonlyArray1<'py, i64>>,
    t_text: Option<Vec<String>>,
    y: PyReadonlyArray1<'py, f64>,
    horizon: usize,
    models: Vec<String>,
    levels: Vec<f64>,
    season: Option<usize>,
    fill: Option<&str>,
    freq: Option<&str>,
    threads: usize,
) -> PyResult<(
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<f64>>,
    Vec<String>,
)> {
    let models = parse_models(&models)?;
    if let Some(l) = levels.iter().find(|l| !(**l > 0.0 && **l < 100.0)) {
        return Err(value_error(format!(
            "levels: {l} is out of range; levels lie strictly between 0 and 100"
        )));
    }
    if horizon == 0 || horizon > MAX_HORIZON {
        return Err(value_error(format!(
            "horizon {horizon} is out of range; allowed 1..={MAX_HORIZON}"
        )));
    }
    if season == Some(0) {
        return Err(value_error("season must be at least 1"));
    }
    let gaps = match fill {
        None => Gaps::Error,
        Some("zero") => Gaps::Zero,
        Some(other) => {
            return Err(value_error(format!(
                "fill {other:?} is not known; use None or \"zero\""
            )))
        }
    };
    let columns = batch::output_columns(&models, &levels);
    let codes = slice(&codes, "codes")?;
    let y = slice(&y, "y")?;
    let n = codes.len();
    if y.len() != n {
        return Err(value_error("codes and y differ in length"));
    }
    let mut series: Vec<Series> = ids
        .iter()
        .map(|id| Series {
            id: id.clone(),
            rows: Vec::new(),
        })
        .collect();
    let code_of = |i: usize| -> PyResult<usize> {
        usize::try_from(codes[i])
            .ok()
            .filter(|c| *c < ids.len())
            .ok_or_else(|| value_error(format!("row {i}: bad series code {}", codes[i])))
    };
    match t_kind {
        "index" | "seconds" => {
            let t = t_int
                .as_ref()
                .ok_or_else(|| value_error("t_int is missing"))?;
            let t = slice(t, "t")?;
            if t.len() != n {
                return Err(value_error("codes and t differ in length"));
            }
            for i in 0..n {
                let c = code_of(i)?;
                let t = if t_kind == "index" {
                    RawTime::Index(t[i])
                } else {
                    RawTime::Stamp(
                        chrono::DateTime::from_timestamp(t[i], 0)
                            .ok_or_else(|| {
                                value_error(format!(
                                    "series {}, row {i}: t is out of range",
                                    ids[c]
                                ))
                            })?
                            .naive_utc(),
                    )
                };
                series[c].rows.push(Row {
                    t,
                    y: y[i],
                    line: i as u64,
                });
            }
        }
        "text" => {
            let t = t_text.ok_or_else(|| value_error("t_text is missing"))?;
            if t.len() != n {
                return Err(value_error("codes and t differ in length"));
            }
            for (i, s) in t.iter().enumerate() {
                let c = code_of(i)?;
                let raw = batch::parse_time(s.trim()).map_err(|e| {
                    value_error(format!("series {}, row {i}: bad t `{s}`: {e}", ids[c]))
                })?;
                series[c].rows.push(Row {
                    t: raw,
                    y: y[i],
                    line: i as u64,
                });
            }
        }
        other => return Err(value_error(format!("unknown t_kind {other:?}"))),
    }
    series.retain(|s| !s.rows.is_empty());
    let empty = || -> PyResult<_> {
        Ok((
            Vec::<i64>::new().into_pyarray(py),
            Vec::<i64>::new().into_pyarray(py),
            Vec::<f64>::new().into_pyarray(py),
            columns.clone(),
        ))
    };
    if series.is_empty() {
        return empty();
    }
    let code_by_id: HashMap<&str, i64> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as i64))
        .collect();
    let ncol = columns.len();
    let run = || -> batch::Result<(Vec<i64>, Vec<i64>, Vec<f64>)> {
        batch::check_values(&series, Unit::Row)?;
        let kind = match freq {
            None => batch::time_kind(&series, Unit::Row)?,
            Some(f) => batch::time_kind_for(f, &series, Unit::Row)?,
        };
        let season = season.unwrap_or_else(|| kind.default_season());
        let one = |s: &Series| -> batch::Result<Vec<Forecast>> {
            let y = batch::regularise(s, kind, gaps, Unit::Row)?;
            batch::forecast_series(&s.id, &y, horizon, season, &models, &levels)
        };
        let results = par_map(&series, threads, one).map_err(|e| batch::Error {
            series: None,
            message: e.to_string(),
        })?;
        let forecasts: Vec<Vec<Forecast>> = results.into_iter().collect::<batch::Result<_>>()?;
        let rows = series.len() * horizon;
        let (mut out_code, mut out_step) = (Vec::with_capacity(rows), Vec::with_capacity(rows));
        let mut values = Vec::with_capacity(rows * ncol);
        for (s, fcs) in series.iter().zip(&forecasts) {
            let c = code_by_id[s.id.as_str()];
            for k in 0..horizon {
                out_code.push(c);
                out_step.push(k as i64 + 1);
                values.extend(batch::output_row(fcs, k));
            }
        }
        Ok((out_code, out_step, values))
    };
    let (c, s, v) = py.detach(run).map_err(value_error)?;
    Ok((
        c.into_pyarray(py),
        s.into_pyarray(py),
        v.into_pyarray(py),
        columns,
    ))
}

fn day(days: i64) -> PyResult<Date> {
    Date::from_num_days_from_ce_opt((days + 719_163) as i32)
        .ok_or_else(|| value_error(format!("day {days} is out of range")))
}

/// Plans every stocked SKU × location, as `abacus plan` does on a dataset.
/// Dates are days since 1970-01-01. Returns (lines, problems) as tuples.
#[pyfunction]
#[pyo3(signature = (as_of, items, suppliers, inventory, pairs, sales_pair, sales_day, sales_units, orders, model="auto", horizon_days=28, excess_days=90.0, events="calendar", event_list=None, safety="spec", max_order_days=None))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn plan_arrays<'py>(
    py: Python<'py>,
    as_of: i64,
    items: Vec<(String, String, String, f64, i64, i64, f64, f64, f64)>,
    suppliers: Vec<(String, f64, f64)>,
    inventory: Vec<(String, String, f64)>,
    pairs: Vec<(String, String)>,
    sales_pair: PyReadonlyArray1<'py, i64>,
    sales_day: PyReadonlyArray1<'py, i64>,
    sales_units: PyReadonlyArray1<'py, f64>,
    orders: Vec<(String, String, i64, f64)>,
    model: &str,
    horizon_days: usize,
    excess_days: f64,
    events: &str,
    event_list: Option<Vec<(i64, String)>>,
    safety: &str,
    max_order_days: Option<f64>,
) -> PyResult<(Vec<Py<PyAny>>, Vec<(String, String, String)>)> {
    if !(1..=3650).contains(&horizon_days) {
        return Err(value_error("horizon_days must be between 1 and 3650"));
    }
    if max_order_days.is_some_and(|d| !(d.is_finite() && d > 0.0)) {
        return Err(value_error("max_order_days must be > 0"));
    }
    if excess_days <= 0.0 || excess_days.is_nan() {
        return Err(value_error("excess_days must be > 0"));
    }
    let method = if model.eq_ignore_ascii_case("weekday-mean") {
        Method::WeekdayMean
    } else {
        Method::Engine(model.parse().map_err(value_error)?)
    };
    let (sp, sd, su) = (
        slice(&sales_pair, "sales_pair")?,
        slice(&sales_day, "sales_day")?,
        slice(&sales_units, "sales_units")?,
    );
    if sp.len() != sd.len() || sp.len() != su.len() {
        return Err(value_error("sales arrays differ in length"));
    }
    let mut sales = Vec::with_capacity(sp.len());
    for i in 0..sp.len() {
        let (sku, loc) = usize::try_from(sp[i])
            .ok()
            .and_then(|p| pairs.get(p))
            .ok_or_else(|| value_error(format!("sales row {i}: bad pair code")))?;
        sales.push((sku.clone(), loc.clone(), day(sd[i])?, su[i]));
    }
    let mut open_orders = Vec::with_capacity(orders.len());
    for (sku, loc, d, q) in orders {
        open_orders.push((sku, loc, day(d)?, q));
    }
    let as_of = day(as_of)?;
    let data = RetailData {
        as_of: Some(as_of),
        items: items
            .into_iter()
            .map(
                |(sku, category, supplier_id, uc, pack, moq, oc, hcr, sl)| ItemRow {
                    sku,
                    category,
                    supplier_id,
                    params: ItemParams {
                        unit_cost: uc,
                        pack_size: pack.max(0) as u64,
                        moq: moq.max(0) as u64,
                        order_cost: oc,
                        holding_cost_rate: hcr,
                        service_level: sl,
                    },
                },
            )
            .collect(),
        lead_times: suppliers
            .into_iter()
            .map(|(id, m, s)| {
                (
                    id,
                    LeadTime {
                        mean_days: m,
                        sd_days: s,
                    },
                )
            })
            .collect(),
        stock: inventory,
        sales,
        open_orders,
    };
    let mut settings = PlanSettings::new(as_of);
    settings.horizon_days = horizon_days;
    settings.excess_days = excess_days;
    settings.max_order_days = max_order_days;
    settings.safety = match safety {
        "spec" => Safety::Spec,
        "empirical" => Safety::Empirical,
        other => {
            return Err(value_error(format!(
                "safety {other:?}: use spec or empirical"
            )))
        }
    };
    // Events as `abacus plan --events calendar`: the dataset's list (events.csv)
    // when given, else the built-in calendar, from the first sale to two years on.
    if !matches!(events, "calendar" | "none") {
        return Err(value_error(format!(
            "events {events:?}: use calendar or none"
        )));
    }
    if let (true, Some(first)) = (events == "calendar", first_sale(&data)) {
        let end = as_of + chrono::Duration::days(730);
        settings.events = match event_list {
            Some(list) => {
                let mut v = Vec::with_capacity(list.len());
                for (d, name) in list {
                    let d = day(d)?;
                    if d >= first && d <= end {
                        v.push((d, name));
                    }
                }
                v.sort();
                v
            }
            None => abacus_core::calendar::builtin_events(first, end)
                .into_iter()
                .map(|(d, n)| (d, n.to_string()))
                .collect(),
        };
    }
    let plan = py.detach(|| {
        let (inputs, mut problems) = build_inputs(&data, &settings, method);
        let mut plan = plan_all(&inputs, &settings);
        plan.problems.append(&mut problems);
        plan
    });
    let iso = |d: Date| d.format("%Y-%m-%d").to_string();
    let mut lines = Vec::with_capacity(plan.lines.len());
    for l in &plan.lines {
        let order = l.order.as_ref();
        let row = (
            (
                l.sku.clone(),
                l.location.clone(),
                l.category.clone(),
                l.supplier_id.clone(),
                l.mu,
                l.sigma,
                l.lead_time.mean_days,
                l.lead_time.sd_days,
                l.service_level,
                l.z,
            ),
            (
                l.ltd_mean,
                l.ltd_sd,
                l.safety_stock,
                l.reorder_point,
                l.eoq,
                l.lot,
                l.order_up_to,
                l.on_hand,
                l.on_order,
                l.overdue,
                l.position,
            ),
            (
                l.daily_demand_28,
                l.days_of_cover,
                order.map(|o| o.qty),
                order.map(|o| o.packs),
                order.map(|o| iso(o.arrival)),
                order.map(|o| o.value),
                l.reason.clone(),
                l.horizon_days,
                l.stockout_probability,
                l.risk_method.name().to_string(),
            ),
            (
                l.stockout_date.map(iso),
                l.excess.as_ref().map(|e| e.units),
                l.excess.as_ref().map(|e| e.value),
            ),
        );
        lines.push(row.into_pyobject(py)?.into_any().unbind());
    }
    let problems = plan
        .problems
        .iter()
        .map(|p| (p.sku.clone(), p.location.clone(), p.error.to_string()))
        .collect();
    Ok((lines, problems))
}

/// Every metric of metrics.md for each fund's NAV history. `codes[i]` indexes
/// `funds`; dates are days since 1970-01-01. Returns the funds in table order,
/// the metric names and the values row-major (NaN where undefined), and the reasons for undefined values.
#[pyfunction]
#[pyo3(signature = (funds, codes, days, adj_nav, risk_free_rate=0.0))]
#[allow(clippy::type_complexity)]
fn fund_metrics_arrays<'py>(
    py: Python<'py>,
    funds: Vec<String>,
    codes: PyReadonlyArray1<'py, i64>,
    days: PyReadonlyArray1<'py, i64>,
    adj_nav: PyReadonlyArray1<'py, f64>,
    risk_free_rate: f64,
) -> PyResult<(
    Vec<String>,
    Vec<String>,
    Bound<'py, PyArray1<f64>>,
    Vec<String>,
)> {
    let (c, d, v) = (
        slice(&codes, "codes")?,
        slice(&days, "days")?,
        slice(&adj_nav, "adj_nav")?,
    );
    if c.len() != d.len() || c.len() != v.len() {
        return Err(value_error("fund arrays differ in length"));
    }
    let mut navs: Vec<Vec<(Date, f64)>> = vec![Vec::new(); funds.len()];
    for i in 0..c.len() {
        let f = usize::try_from(c[i])
            .ok()
            .filter(|f| *f < funds.len())
            .ok_or_else(|| value_error(format!("row {i}: bad fund code")))?;
        navs[f].push((day(d[i])?, v[i]));
    }
    let metrics = Metric::all();
    let names: Vec<String> = metrics.iter().map(|m| m.name()).collect();
    let inputs: Vec<FundInput> = funds
        .iter()
        .zip(navs)
        .map(|(code, mut nav)| {
            nav.sort_by_key(|r| r.0);
            FundInput {
                info: FundInfo {
                    code: code.clone(),
                    name: code.clone(),
                    inception: nav.first().map(|r| r.0).unwrap_or_default(),
                    ..FundInfo::default()
                },
                nav,
            }
        })
        .collect();
    let config = Config {
        risk_free_rate,
        ..Config::default()
    };
    let (order, values, reasons) = py
        .detach(|| -> abacus_funds::Result<_> {
            let table = FundTable::build(inputs, config)?;
            let mut values = Vec::with_capacity(table.len() * metrics.len());
            let mut reasons = Vec::with_capacity(table.len() * metrics.len());
            let mut order = Vec::with_capacity(table.len());
            for i in 0..table.len() {
                order.push(table.fund(i).code.clone());
                for m in &metrics {
                    match table.metric_field(*m).map(|f| table.value(i, f)) {
                        Some(Ok(x)) => {
                            values.push(x);
                            reasons.push(String::new());
                        }
                        Some(Err(u)) => {
                            values.push(f64::NAN);
                            reasons.push(u.to_string());
                        }
                        None => {
                            values.push(f64::NAN);
                            reasons.push("not defined".into());
                        }
                    }
                }
            }
            Ok((order, values, reasons))
        })
        .map_err(value_error)?;
    Ok((order, names, values.into_pyarray(py), reasons))
}

/// The extension module `abacus._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(forecast_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(plan_arrays, m)?)?;
    m.add_function(wrap_pyfunction!(fund_metrics_arrays, m)?)?;
    Ok(())
}
