//! Demand forecasts for SKU × location series of the store, on the forecast
//! engine: daily history (a day without sales is zero; history starts at the
//! series' first sale), weekly seasonality, and rolling-origin accuracy.

use abacus_core::Date;
use abacus_forecast::events::EventProfile;
use abacus_forecast::retail::{forecast_daily, DailySeries, RetailForecast};
use abacus_forecast::{metrics, Forecast, Model};
use chrono::Duration;

use abacus_store::Dataset;

use crate::context::Context;
use crate::Result;

/// Interval levels reported with every forecast.
pub const LEVELS: [f64; 2] = [80.0, 95.0];

/// Where a series' data comes from: the dataset, its first sales day (None
/// without sales) and the as-of date.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub ds: &'a Dataset,
    pub first: Option<Date>,
    pub as_of: Date,
}

impl<'a> Source<'a> {
    fn of(ctx: &Context<'a>) -> Source<'a> {
        Source {
            ds: ctx.ds,
            first: ctx.catalog.sales_range.map(|(f, _)| f),
            as_of: ctx.catalog.as_of.unwrap_or(ctx.as_of),
        }
    }
}

/// Event windows learned from the dataset's total daily sales before `until`.
pub(crate) fn event_profile(ctx: &Context<'_>, until: Date) -> Result<EventProfile> {
    profile_until(&Source::of(ctx), until)
}

fn profile_until(src: &Source<'_>, until: Date) -> Result<EventProfile> {
    let Some(first) = src.first else {
        return Ok(EventProfile::default());
    };
    let end = until - Duration::days(1);
    if end < first {
        return Ok(EventProfile::default());
    }
    let mut agg = vec![0.0; (end - first).num_days() as usize + 1];
    for (d, u) in src.ds.daily_units(&[], &[], first, end)? {
        agg[(d - first).num_days() as usize] += u;
    }
    let ev = src.ds.event_calendar(first, end)?;
    Ok(EventProfile::learn(&agg, first, &ev))
}

/// History, first day, and whether the item is out of stock now, for one series.
fn prepared(src: &Source<'_>, sku: &str, loc: &str) -> Result<Option<(Vec<f64>, Date, bool)>> {
    let y = history_of(src, sku, loc)?;
    if y.is_empty() {
        return Ok(None);
    }
    let start = src.as_of - Duration::days(y.len() as i64);
    let out_now = src
        .ds
        .inventory()?
        .iter()
        .any(|r| r.sku == sku && r.location_id == loc && r.on_hand == 0.0);
    Ok(Some((y, start, out_now)))
}

/// Daily units of one SKU at one location from its first sale to the day before `as_of`.
pub fn history(ctx: &Context<'_>, sku: &str, loc: &str, as_of: Date) -> Result<Vec<f64>> {
    history_of(
        &Source {
            as_of,
            ..Source::of(ctx)
        },
        sku,
        loc,
    )
}

fn history_of(src: &Source<'_>, sku: &str, loc: &str) -> Result<Vec<f64>> {
    let Some(first) = src.first else {
        return Ok(Vec::new());
    };
    let end = src.as_of - Duration::days(1);
    let days = src
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

/// The next `horizon` days of one series (None when it has never sold): stock-out
/// days imputed, sales events and the yearly cycle taken into account.
pub fn series_forecast(
    ctx: &Context<'_>,
    sku: &str,
    loc: &str,
    horizon: usize,
) -> Result<Option<Forecast>> {
    Ok(retail_forecast(ctx, sku, loc, horizon)?.map(|r| r.forecast))
}

/// The retail forecast of one series with what was adjusted.
pub fn retail_forecast(
    ctx: &Context<'_>,
    sku: &str,
    loc: &str,
    horizon: usize,
) -> Result<Option<RetailForecast>> {
    Ok(forecast_with_history(&Source::of(ctx), sku, loc, horizon)?.map(|(_, _, f)| f))
}

/// The retail forecast of one series from its first sale (None when it never
/// sold), with the daily history behind it and that history's first day: stock-out
/// days imputed, sales events (the dataset's event windows) taken into account.
pub fn forecast_with_history(
    src: &Source<'_>,
    sku: &str,
    loc: &str,
    horizon: usize,
) -> Result<Option<(Vec<f64>, Date, RetailForecast)>> {
    let Some((y, start, out_now)) = prepared(src, sku, loc)? else {
        return Ok(None);
    };
    let ev = src.ds.event_calendar(
        start,
        src.as_of + Duration::days(horizon as i64 + abacus_forecast::events::PRE),
    )?;
    let profile = profile_until(src, src.as_of)?;
    let s = DailySeries {
        y: &y,
        start,
        events: &ev,
        out_of_stock_now: out_now,
        profile: Some(&profile),
    };
    let f = forecast_daily(&s, horizon, Model::Auto, &LEVELS)?;
    Ok(Some((y, start, f)))
}

/// Accuracy of one series: forecast the last `h` days from the history before them
/// (training data only) and score against what sold. Returns (sMAPE, MASE, actual, forecast).
pub fn backtest(
    ctx: &Context<'_>,
    sku: &str,
    loc: &str,
    h: usize,
) -> Result<Option<(f64, Option<f64>, f64, f64)>> {
    let src = Source::of(ctx);
    let as_of = src.as_of;
    let Some((y, start, _)) = prepared(&src, sku, loc)? else {
        return Ok(None);
    };
    if y.len() < h + 28 {
        return Ok(None);
    }
    let (train, test) = y.split_at(y.len() - h);
    // Only the training days are seen; the event calendar is known in advance.
    let ev = src
        .ds
        .event_calendar(start, as_of + Duration::days(abacus_forecast::events::PRE))?;
    let profile = profile_until(&src, as_of - Duration::days(h as i64))?;
    let s = DailySeries {
        y: train,
        start,
        events: &ev,
        out_of_stock_now: false,
        profile: Some(&profile),
    };
    let f = forecast_daily(&s, h, Model::Auto, &[])?.forecast;
    let smape = metrics::smape(test, &f.mean);
    let mase = metrics::mase(train, test, &f.mean, 7);
    Ok(Some((smape, mase, test.iter().sum(), f.mean.iter().sum())))
}
