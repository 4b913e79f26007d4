//! Demand forecasts for SKU × location series of the store, on the forecast
//! engine: daily history (a day without sales is zero; history starts at the
//! series' first sale), weekly seasonality, and rolling-origin accuracy.

use abacus_core::Date;
use abacus_forecast::{forecast, metrics, Forecast, Model};
use chrono::Duration;

use crate::context::Context;
use crate::Result;

/// Interval levels reported with every forecast.
pub const LEVELS: [f64; 2] = [80.0, 95.0];

/// Daily units of one SKU at one location from its first sale to the day before `as_of`.
pub fn history(ctx: &Context<'_>, sku: &str, loc: &str, as_of: Date) -> Result<Vec<f64>> {
    let Some((first, _)) = ctx.catalog.sales_range else {
        return Ok(Vec::new());
    };
    let end = as_of - Duration::days(1);
    let days = ctx
        .ds
        .daily_units(&[sku.to_string()], &[loc.to_string()], first, end)?;
    let Some(start) = days.iter().find(|(_, u)| *u > 0.0).map(|(d, _)| *d) else {
        return Ok(Vec::new());
    };
    let n = (end - start).num_days() + 1;
    let mut y = vec![0.0; n.max(0) as usize];
    for (d, u) in days {
        if d >= start {
            y[(d - start).num_days() as usize] += u;
        }
    }
    Ok(y)
}

/// The next `horizon` days of one series (None when it has never sold).
pub fn series_forecast(
    ctx: &Context<'_>,
    sku: &str,
    loc: &str,
    horizon: usize,
) -> Result<Option<Forecast>> {
    let as_of = ctx.catalog.as_of.unwrap_or(ctx.as_of);
    let y = history(ctx, sku, loc, as_of)?;
    if y.is_empty() {
        return Ok(None);
    }
    Ok(Some(forecast(&y, horizon, 7, Model::Auto, &LEVELS)?))
}

/// Accuracy of one series: forecast the last `h` days from the history before them
/// (training data only) and score against what sold. Returns (sMAPE, MASE, actual, forecast).
pub fn backtest(
    ctx: &Context<'_>,
    sku: &str,
    loc: &str,
    h: usize,
) -> Result<Option<(f64, Option<f64>, f64, f64)>> {
    let as_of = ctx.catalog.as_of.unwrap_or(ctx.as_of);
    let y = history(ctx, sku, loc, as_of)?;
    if y.len() < h + 28 {
        return Ok(None);
    }
    let (train, test) = y.split_at(y.len() - h);
    let f = forecast(train, h, 7, Model::Auto, &[])?;
    let smape = metrics::smape(test, &f.mean);
    let mase = metrics::mase(train, test, &f.mean, 7);
    Ok(Some((smape, mase, test.iter().sum(), f.mean.iter().sum())))
}
