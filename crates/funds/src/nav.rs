//! Statistics of one NAV history per window: the rf-independent building blocks of every metric.

use abacus_core::date::years_before;
use abacus_core::Date;
use chrono::Datelike;

use crate::metric::Window;

/// Trading days per year used to annualise daily volatility.
pub const TRADING_DAYS: f64 = 252.0;

/// What one window of a NAV history gives (all from `adj_nav`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowStats {
    /// Date of the start row: the last NAV date on or before the window's start.
    pub start: Date,
    /// The fund's last NAV date.
    pub end: Date,
    /// `adj_nav(end) / adj_nav(start) − 1`.
    pub total_return: f64,
    /// Total return annualised with `365 / days`; `None` when start and end are the same day.
    pub annual_return: Option<f64>,
    /// Sample standard deviation (n − 1) of daily returns × √252; `None` with fewer than two returns.
    pub volatility: Option<f64>,
    /// √(mean of min(r, 0)²) × √252 over all daily returns; `None` with no returns.
    pub downside: Option<f64>,
    /// Largest fall from a running peak, as a positive fraction (0 when the NAV never fell).
    pub max_drawdown: f64,
    /// Date of the peak before the largest fall (the start date when there was none).
    pub peak: Date,
    /// Date of the bottom of the largest fall (the start date when there was none).
    pub trough: Date,
    /// Number of daily returns in the window.
    pub returns: u32,
}

/// A fund's NAV statistics for every window of [`Window::ALL`].
#[derive(Debug, Clone, PartialEq)]
pub struct NavStats {
    /// First NAV date.
    pub first: Date,
    /// Last NAV date (`D` in metrics.md).
    pub last: Date,
    /// Indexed like [`Window::ALL`]; `None` when the history does not reach back to the window's start.
    pub windows: [Option<WindowStats>; 5],
}

impl NavStats {
    /// The statistics of one window, if the history covers it (and it is one of [`Window::ALL`]).
    pub fn window(&self, w: Window) -> Option<&WindowStats> {
        self.windows[w.index()?].as_ref()
    }
}

/// The date a window starts from, for a history ending at `last`
/// (`None` for since-inception, which starts at the first row whatever its date).
pub fn window_start(window: Window, last: Date) -> Option<Date> {
    match window {
        Window::Years(k) => Some(years_before(last, i32::from(k))),
        Window::Ytd => Date::from_ymd_opt(last.year() - 1, 12, 31),
        Window::SinceInception => None,
    }
}

/// Computes every window of a NAV history given as `(date, adj_nav)` rows in strictly
/// increasing date order with positive values (see [`crate::FundInput::validate`]).
/// Returns `None` for an empty history.
pub fn nav_stats(nav: &[(Date, f64)]) -> Option<NavStats> {
    let (first, last) = (nav.first()?.0, nav.last()?.0);
    // returns[i] is the simple return from row i to row i + 1.
    let returns: Vec<f64> = nav.windows(2).map(|p| p[1].1 / p[0].1 - 1.0).collect();
    let mut windows = [None; 5];
    for (slot, w) in windows.iter_mut().zip(Window::ALL) {
        let start = match window_start(w, last) {
            None => Some(0),
            Some(s) => nav.partition_point(|(d, _)| *d <= s).checked_sub(1),
        };
        *slot = start.map(|s| window_stats(nav, &returns, s));
    }
    Some(NavStats {
        first,
        last,
        windows,
    })
}

fn window_stats(nav: &[(Date, f64)], returns: &[f64], s: usize) -> WindowStats {
    let e = nav.len() - 1;
    let (start, a0) = nav[s];
    let (end, a1) = nav[e];
    let ratio = a1 / a0;
    let days = (end - start).num_days();
    let annual_return = (days > 0).then(|| ratio.powf(365.0 / days as f64) - 1.0);

    let r = &returns[s..e];
    let n = r.len() as f64;
    let volatility = (r.len() >= 2).then(|| {
        let mean = r.iter().sum::<f64>() / n;
        let ss: f64 = r.iter().map(|x| (x - mean) * (x - mean)).sum();
        (ss / (n - 1.0)).sqrt() * TRADING_DAYS.sqrt()
    });
    let downside = (!r.is_empty()).then(|| {
        let ss: f64 = r.iter().map(|&x| x.min(0.0) * x.min(0.0)).sum();
        (ss / n).sqrt() * TRADING_DAYS.sqrt()
    });

    let (mut peak_i, mut best, mut best_peak, mut best_trough) = (s, 0.0_f64, s, s);
    for i in s..=e {
        if nav[i].1 > nav[peak_i].1 {
            peak_i = i;
        }
        let dd = 1.0 - nav[i].1 / nav[peak_i].1;
        if dd > best {
            (best, best_peak, best_trough) = (dd, peak_i, i);
        }
    }
    WindowStats {
        start,
        end,
        total_return: ratio - 1.0,
        annual_return,
        volatility,
        downside,
        max_drawdown: best,
        peak: nav[best_peak].0,
        trough: nav[best_trough].0,
        returns: r.len() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        abacus_core::date::parse_iso_date(s).unwrap()
    }

    #[test]
    fn window_starts() {
        assert_eq!(
            window_start(Window::Years(1), d("2024-02-29")),
            Some(d("2023-02-28"))
        );
        assert_eq!(
            window_start(Window::Ytd, d("2026-06-30")),
            Some(d("2025-12-31"))
        );
        assert_eq!(window_start(Window::SinceInception, d("2026-06-30")), None);
    }

    #[test]
    fn empty_and_single_row() {
        assert!(nav_stats(&[]).is_none());
        let s = nav_stats(&[(d("2025-01-02"), 1.0)]).unwrap();
        let si = s.window(Window::SinceInception).unwrap();
        assert_eq!(
            (
                si.total_return,
                si.annual_return,
                si.volatility,
                si.downside
            ),
            (0.0, None, None, None)
        );
        assert!(s.window(Window::Years(1)).is_none());
    }
}
