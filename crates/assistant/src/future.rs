//! Questions about the future of SKU × location series: demand forecasts,
//! forecast accuracy (rolling origin on the training data only), days of cover.

use abacus_nlu::plan::{Plan, Scope};
use serde_json::json;

use crate::answer::{fmt_num, Answer, Table};
use crate::context::Context;
use crate::demand::{backtest, series_forecast};
use crate::retail::scope_text;
use crate::Result;

/// Default horizon when a forecast question names none.
const DEFAULT_HORIZON: i64 = 28;

/// The SKU × location series a scope covers: the inventory snapshot's pairs.
pub(crate) fn series(ctx: &Context<'_>, s: &Scope) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = ctx
        .ds
        .inventory()?
        .into_iter()
        .filter(|r| s.skus.is_empty() || s.skus.contains(&r.sku))
        .filter(|r| s.locations.is_empty() || s.locations.contains(&r.location_id))
        .filter(|r| {
            ctx.items.get(&r.sku).is_some_and(|i| {
                (s.categories.is_empty() || s.categories.contains(&i.category))
                    && (s.brands.is_empty() || s.brands.contains(&i.brand))
                    && (s.suppliers.is_empty() || s.suppliers.contains(&i.supplier_id))
            })
        })
        .map(|r| (r.sku, r.location_id))
        .collect();
    out.sort();
    Ok(out)
}

pub(crate) fn forecast(ctx: &Context<'_>, mut plan: Plan) -> Result<Answer> {
    let scope = plan.scope().clone();
    let h = scope.horizon_days.unwrap_or(DEFAULT_HORIZON);
    plan.scope_mut().horizon_days = Some(h);
    let list = series(ctx, &scope)?;
    let as_of = ctx.catalog.as_of.unwrap_or(ctx.as_of);
    let mut table = Table::new(&["sku", "location_id", "forecast_units", "model"]);
    let mut total = 0.0;
    let mut never = 0;
    for (sku, loc) in &list {
        match series_forecast(ctx, sku, loc, h as usize)? {
            Some(f) => {
                let sum: f64 = f.mean.iter().sum();
                total += sum;
                table.rows.push(vec![
                    json!(sku),
                    json!(loc),
                    json!(sum),
                    json!(f.model_used),
                ]);
            }
            None => never += 1,
        }
    }
    if list.is_empty() {
        return Ok(Answer::answered(
            plan,
            format!(
                "There is no stocked SKU-location for {}.",
                scope_text(ctx, &scope)
            ),
            None,
            None,
        ));
    }
    let end = as_of + chrono::Duration::days(h - 1);
    let mut text = format!(
        "Forecast demand for {} over the next {} days ({} to {}): {} units, from {} SKU-location series.",
        scope_text(ctx, &scope),
        h,
        as_of,
        end,
        fmt_num(total, 1),
        table.rows.len()
    );
    if never > 0 {
        text.push_str(&format!(
            " {never} series have never sold and are forecast at zero."
        ));
    }
    Ok(Answer::answered(plan, text, Some(total), Some(table)))
}

pub(crate) fn accuracy(ctx: &Context<'_>, plan: Plan) -> Result<Answer> {
    let scope = plan.scope().clone();
    let h = 28;
    let list = series(ctx, &scope)?;
    let mut table = Table::new(&[
        "sku",
        "location_id",
        "holdout_days",
        "smape",
        "mase",
        "actual_units",
        "forecast_units",
    ]);
    let (mut s_sum, mut m_sum, mut m_n) = (0.0, 0.0, 0usize);
    for (sku, loc) in &list {
        if let Some((smape, mase, actual, fc)) = backtest(ctx, sku, loc, h)? {
            s_sum += smape;
            if let Some(m) = mase {
                m_sum += m;
                m_n += 1;
            }
            table.rows.push(vec![
                json!(sku),
                json!(loc),
                json!(h),
                json!(smape),
                json!(mase),
                json!(actual),
                json!(fc),
            ]);
        }
    }
    let n = table.rows.len();
    if n == 0 {
        return Ok(Answer::answered(
            plan,
            format!(
                "No series of {} has enough history to measure forecast accuracy.",
                scope_text(ctx, &scope)
            ),
            None,
            None,
        ));
    }
    let smape = s_sum / n as f64;
    let mase = (m_n > 0).then(|| m_sum / m_n as f64);
    let text = format!(
        "Backtest of the last {h} days for {} ({n} series, forecast from the history before those days): mean sMAPE {}{}.",
        scope_text(ctx, &scope),
        fmt_num(smape, 2),
        mase.map_or(String::new(), |m| format!(", mean MASE {}", fmt_num(m, 3)))
    );
    let mut a = Answer::answered(plan, text, Some(smape), Some(table));
    a.figures = mase
        .map(|m| ("mean_mase".to_string(), m))
        .into_iter()
        .collect();
    Ok(a)
}

pub(crate) fn days_of_cover(ctx: &Context<'_>, plan: Plan) -> Result<Answer> {
    let scope = plan.scope().clone();
    let list = series(ctx, &scope)?;
    let on_hand: std::collections::HashMap<(String, String), f64> = ctx
        .ds
        .inventory()?
        .into_iter()
        .map(|r| ((r.sku, r.location_id), r.on_hand))
        .collect();
    const COVER_DAYS: usize = 28;
    let mut table = Table::new(&[
        "sku",
        "location_id",
        "on_hand",
        "forecast_days",
        "mean_daily_forecast",
        "days_of_cover",
    ]);
    let mut single = None;
    for (sku, loc) in &list {
        let oh = on_hand
            .get(&(sku.clone(), loc.clone()))
            .copied()
            .unwrap_or(0.0);
        let mean = series_forecast(ctx, sku, loc, COVER_DAYS)?
            .map_or(0.0, |f| f.mean.iter().sum::<f64>() / COVER_DAYS as f64);
        let cover = (mean > 0.0).then(|| oh / mean);
        single = cover;
        table.rows.push(vec![
            json!(sku),
            json!(loc),
            json!(oh),
            json!(COVER_DAYS),
            json!(mean),
            json!(cover),
        ]);
    }
    let as_of = ctx.catalog.as_of.map(|d| d.to_string()).unwrap_or_default();
    match (table.rows.len(), single) {
        (0, _) => Ok(Answer::answered(plan, format!("There is no stocked SKU-location for {}.", scope_text(ctx, &scope)), None, None)),
        (1, Some(c)) => Ok(Answer::answered(
            plan,
            format!("{} has {} days of cover as of {as_of}: on hand divided by the mean daily demand of the next 28 days' forecast.", scope_text(ctx, &scope), fmt_num(c, 1)),
            Some(c),
            Some(table),
        )),
        (1, None) => Ok(Answer::answered(plan, format!("{} has no forecast demand, so days of cover are undefined.", scope_text(ctx, &scope)), None, Some(table))),
        (n, _) => Ok(Answer::answered(plan, format!("Days of cover for {n} SKU-locations of {} as of {as_of} are in the table.", scope_text(ctx, &scope)), None, Some(table))),
    }
}
