//! Daily retail demand: the adjustments a univariate model needs around it.
//! Stock-out days are not demand (a run of zero days in a series that normally
//! sells every day is imputed), known sales events are taken out before fitting
//! and their learned uplift put back on the event days ahead. The weekly cycle is
//! the model's own (season 7). (A month-of-year profile for the yearly cycle was
//! tried and left out: on the sample's last-28-days backtest it raised mean MASE
//! from 1.009 to 1.040.)

use abacus_core::Date;
use chrono::Duration;

use crate::events::EventProfile;
use crate::{forecast, Forecast, Model, Result};

/// One daily series with what is known about its calendar.
#[derive(Debug, Clone)]
pub struct DailySeries<'a> {
    /// Units per day, one value per day from `start`, zeros included.
    pub y: &'a [f64],
    pub start: Date,
    /// Sales events (date, name), past and future.
    pub events: &'a [(Date, String)],
    /// The item is out of stock today: a trailing run of zero days is a stock-out.
    pub out_of_stock_now: bool,
    /// Event windows learned over many series (see [`crate::events`]). Events it
    /// knows are handled by their windows; others by a single-day uplift.
    pub profile: Option<&'a EventProfile>,
}

/// A retail forecast and what was adjusted to make it.
#[derive(Debug, Clone, PartialEq)]
pub struct RetailForecast {
    pub forecast: Forecast,
    /// History days treated as stock-outs (imputed, not taken as zero demand).
    pub censored_days: usize,
    /// Uplift learned per event name (ratio of event-day sales to the usual level).
    pub event_uplift: Vec<(String, f64)>,
}

/// Shortest zero run read as a stock-out, and how regular the seller must be before it.
const MIN_RUN: usize = 3;
const LOOKBACK: usize = 56;
const SELLING_SHARE: f64 = 0.9;

/// The usual level around day `i`: mean of the same weekday over the four weeks before.
fn usual(y: &[f64], i: usize) -> Option<f64> {
    let v: Vec<f64> = (1..=4)
        .filter_map(|k| i.checked_sub(7 * k).map(|j| y[j]))
        .collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Replaces stock-out runs by the usual level; returns how many days were replaced.
fn censor(y: &mut [f64], out_of_stock_now: bool) -> usize {
    let mut replaced = 0;
    let mut i = 0;
    while i < y.len() {
        if y[i] != 0.0 {
            i += 1;
            continue;
        }
        let run_end = (i..y.len()).find(|&k| y[k] != 0.0).unwrap_or(y.len());
        let run = run_end - i;
        let before = &y[i.saturating_sub(LOOKBACK)..i];
        let regular = before.len() >= 28
            && before.iter().filter(|v| **v > 0.0).count() as f64
                >= SELLING_SHARE * before.len() as f64;
        let trailing = run_end == y.len();
        if run >= MIN_RUN && regular && (!trailing || out_of_stock_now) {
            for k in i..run_end {
                if let Some(u) = usual(y, k) {
                    y[k] = u;
                    replaced += 1;
                }
            }
        }
        i = run_end;
    }
    replaced
}

/// Forecasts a daily retail series `horizon` days ahead with the adjustments above.
pub fn forecast_daily(
    s: &DailySeries<'_>,
    horizon: usize,
    model: Model,
    levels: &[f64],
) -> Result<RetailForecast> {
    let mut y = s.y.to_vec();
    let censored_days = censor(&mut y, s.out_of_stock_now);
    let end = s.start + Duration::days(y.len() as i64);
    let n = y.len();

    // Event windows: divide them out of the history, put them back on the forecast.
    let windows = s
        .profile
        .map(|p| p.factors(s.start, n + horizon, s.events))
        .unwrap_or_else(|| vec![1.0; n + horizon]);
    let known = |name: &str| {
        s.profile
            .is_some_and(|p| p.events().any(|(e, _)| e == name))
    };
    for (v, f) in y.iter_mut().zip(&windows) {
        *v /= f;
    }

    // Other events: learn each name's uplift on past occurrences, then take the events out.
    let mut uplift: Vec<(String, f64, usize)> = Vec::new();
    for (d, name) in s
        .events
        .iter()
        .filter(|(d, name)| *d >= s.start && *d < end && !known(name))
    {
        let i = (*d - s.start).num_days() as usize;
        if let Some(u) = usual(&y, i).filter(|u| *u > 0.0) {
            let ratio = y[i] / u;
            match uplift.iter_mut().find(|(n, _, _)| n == name) {
                Some(e) => {
                    e.1 += ratio;
                    e.2 += 1;
                }
                None => uplift.push((name.clone(), ratio, 1)),
            }
            y[i] = u;
        }
    }
    let event_uplift: Vec<(String, f64)> = uplift
        .into_iter()
        .map(|(n, sum, k)| (n, sum / k as f64))
        .collect();

    let mut f = forecast(&y, horizon, 7, model, levels)?;
    for h in 0..horizon {
        let d = end + Duration::days(h as i64);
        let mut k = windows[n + h];
        if let Some((_, u)) = s
            .events
            .iter()
            .find(|(e, _)| *e == d)
            .and_then(|(_, n)| event_uplift.iter().find(|(m, _)| m == n))
        {
            k *= u;
        }
        f.mean[h] *= k;
        for iv in &mut f.intervals {
            iv.lo[h] = (iv.lo[h] * k).max(0.0);
            iv.hi[h] *= k;
        }
    }
    Ok(RetailForecast {
        forecast: f,
        censored_days,
        event_uplift,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_stock_out_run_is_not_demand() {
        // Ten units every day, then five days of nothing, then ten again.
        let mut y = vec![10.0; 100];
        for v in &mut y[60..65] {
            *v = 0.0;
        }
        assert_eq!(censor(&mut y, false), 5);
        assert!(y.iter().all(|v| *v == 10.0));
        // A slow mover's zero days are real zeros.
        let mut slow: Vec<f64> = (0..100)
            .map(|i| if i % 3 == 0 { 1.0 } else { 0.0 })
            .collect();
        assert_eq!(censor(&mut slow, false), 0);
        // A trailing run counts only when the item is out of stock now.
        let mut tail = vec![10.0; 100];
        for v in &mut tail[95..] {
            *v = 0.0;
        }
        assert_eq!(censor(&mut tail.clone(), false), 0);
        assert_eq!(censor(&mut tail, true), 5);
    }

    #[test]
    fn event_uplift_is_learned_and_put_back() {
        // 200 days at 10 a day, with a day at 40 on each of two past occurrences of "promo".
        let start = date(2025, 1, 1);
        let mut y = vec![10.0; 200];
        y[100] = 40.0;
        y[150] = 40.0;
        let future = start + Duration::days(203);
        let events = vec![
            (start + Duration::days(100), "promo".to_string()),
            (start + Duration::days(150), "promo".to_string()),
            (future, "promo".to_string()),
        ];
        let s = DailySeries {
            y: &y,
            start,
            events: &events,
            out_of_stock_now: false,
            profile: None,
        };
        let r = forecast_daily(&s, 7, Model::Naive, &[80.0]).unwrap();
        assert_eq!(r.event_uplift, vec![("promo".to_string(), 4.0)]);
        // Naive on the de-evented history forecasts 10; the event day gets 4 × 10.
        assert_eq!(
            r.forecast.mean,
            vec![10.0, 10.0, 10.0, 40.0, 10.0, 10.0, 10.0]
        );
    }
}
