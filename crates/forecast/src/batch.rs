//! Batch forecasting of long-form series (spec/forecast.md), shared by every
//! front end that forecasts `series_id, t, y` rows: the `abacus forecast` CLI
//! and the Python package (`python/`), so both give the same numbers.
//!
//! The caller groups rows by series (in order of first appearance) into
//! [`Series`]; [`time_kind`] decides how `t` is written (integer index, or
//! dates on one grid), [`regularise`] orders one series by `t` and checks for
//! duplicates and gaps, [`forecast_series`] runs every requested model on it,
//! and [`output_columns`] / [`output_row`] lay the result out as the output
//! columns `y_hat, lo_L, hi_L…` (or `y_hat_<model>…` with several models).
//! Pure: no IO, no threads; callers parallelise over series.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::{forecast, Forecast, Model};

/// An error about one series (or the batch), with a message that names it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// The series at fault, where there is one.
    pub series: Option<String>,
    pub message: String,
}

impl Error {
    fn series(id: &str, message: String) -> Self {
        Error {
            series: Some(id.to_string()),
            message,
        }
    }
}

/// Result type of this module.
pub type Result<T> = std::result::Result<T, Error>;

/// What a row's position is called in messages: a `line` of a CSV file or a
/// `row` of a data frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Line,
    Row,
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unit::Line => "line",
            Unit::Row => "row",
        })
    }
}

/// How gaps in `t` are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gaps {
    /// A missing step is an error.
    Error,
    /// A missing step is a zero (retail sales).
    Zero,
}

/// How `t` is written in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    Index,
    /// Fixed step in seconds (hourly, daily, weekly) from an origin time stamp.
    Seconds(i64, i64),
    /// Calendar months per step (1 monthly, 3 quarterly, 12 yearly).
    Months(i64),
}

impl TimeKind {
    /// The seasonal period used when none is given.
    pub fn default_season(self) -> usize {
        match self {
            TimeKind::Index => 1,
            TimeKind::Seconds(3600, _) => 24,
            TimeKind::Seconds(86_400, _) => 7,
            TimeKind::Seconds(604_800, _) => 52,
            TimeKind::Seconds(..) => 1,
            TimeKind::Months(1) => 12,
            TimeKind::Months(3) => 4,
            TimeKind::Months(_) => 1,
        }
    }
}

/// One input row: its raw time, value and position (line or row) in the input.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub t: RawTime,
    pub y: f64,
    pub line: u64,
}

/// A time as written: an integer index or a time stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawTime {
    Index(i64),
    Stamp(NaiveDateTime),
}

/// One series' rows, in input order.
#[derive(Debug, Clone)]
pub struct Series {
    pub id: String,
    pub rows: Vec<Row>,
}

/// Parses `t`: an integer, an ISO date, or an ISO date-time (`T` or space, with
/// or without seconds).
pub fn parse_time(s: &str) -> std::result::Result<RawTime, &'static str> {
    if let Ok(i) = s.parse::<i64>() {
        return Ok(RawTime::Index(i));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d
            .and_hms_opt(0, 0, 0)
            .map(RawTime::Stamp)
            .ok_or("not an integer or an ISO date");
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(RawTime::Stamp(dt));
        }
    }
    Err("not an integer or an ISO date")
}

/// Checks that every `y` is finite, naming the first series and row that is not.
pub fn check_values(series: &[Series], unit: Unit) -> Result<()> {
    for s in series {
        if let Some(r) = s.rows.iter().find(|r| !r.y.is_finite()) {
            return Err(Error::series(
                &s.id,
                format!(
                    "series {}, {unit} {}: y `{}` is not a finite number",
                    s.id, r.line, r.y
                ),
            ));
        }
    }
    Ok(())
}

/// Decides how `t` is written: all integers, or dates with one step size, taken
/// from the smallest gap between consecutive dates of any series. The grid's
/// origin is the first row's time. `series` must not be empty and no series may
/// be empty.
pub fn time_kind(series: &[Series], unit: Unit) -> Result<TimeKind> {
    let first = series
        .first()
        .and_then(|s| s.rows.first())
        .ok_or_else(|| Error {
            series: None,
            message: "no rows".into(),
        })?;
    let is_index = matches!(first.t, RawTime::Index(_));
    for s in series {
        for r in &s.rows {
            if matches!(r.t, RawTime::Index(_)) != is_index {
                return Err(Error::series(
                    &s.id,
                    format!(
                        "series {}, {unit} {}: t mixes integer indices and dates",
                        s.id, r.line
                    ),
                ));
            }
        }
    }
    if is_index {
        return Ok(TimeKind::Index);
    }
    let mut min_secs = i64::MAX;
    let origin = match first.t {
        RawTime::Stamp(d) => d.and_utc().timestamp(),
        RawTime::Index(_) => 0,
    };
    for s in series {
        let mut stamps: Vec<NaiveDateTime> = s
            .rows
            .iter()
            .filter_map(|r| match r.t {
                RawTime::Stamp(d) => Some(d),
                RawTime::Index(_) => None,
            })
            .collect();
        stamps.sort();
        for w in stamps.windows(2) {
            let d = (w[1] - w[0]).num_seconds();
            if d > 0 {
                min_secs = min_secs.min(d);
            }
        }
    }
    Ok(match min_secs {
        i64::MAX => TimeKind::Seconds(86_400, origin), // single dates only: assume daily
        3600 | 86_400 | 604_800 => TimeKind::Seconds(min_secs, origin),
        d if (28 * 86_400..=31 * 86_400).contains(&d) => TimeKind::Months(1),
        d if (89 * 86_400..=92 * 86_400).contains(&d) => TimeKind::Months(3),
        d if (365 * 86_400..=366 * 86_400).contains(&d) => TimeKind::Months(12),
        d => TimeKind::Seconds(d, origin),
    })
}

/// The grid named by `freq` (`h`/`hourly`, `d`/`daily`, `w`/`weekly`,
/// `m`/`monthly`, `q`/`quarterly`, `y`/`yearly`), for callers that see only
/// part of the data (one series per Spark or Ray task), where the grid
/// [`time_kind`] infers from a sparse series could differ from the whole
/// file's. Fixed steps start at the first row's time, as in [`time_kind`].
pub fn time_kind_for(freq: &str, series: &[Series], unit: Unit) -> Result<TimeKind> {
    time_kind(series, unit)?; // the same checks: no empty input, no mixture
    let origin = match series[0].rows[0].t {
        RawTime::Stamp(d) => d.and_utc().timestamp(),
        RawTime::Index(_) => {
            return Err(Error {
                series: None,
                message: format!("freq {freq:?} needs dates in t, not integers"),
            })
        }
    };
    Ok(match freq.to_ascii_lowercase().as_str() {
        "h" | "hourly" => TimeKind::Seconds(3600, origin),
        "d" | "daily" => TimeKind::Seconds(86_400, origin),
        "w" | "weekly" => TimeKind::Seconds(604_800, origin),
        "m" | "monthly" => TimeKind::Months(1),
        "q" | "quarterly" => TimeKind::Months(3),
        "y" | "yearly" => TimeKind::Months(12),
        other => {
            return Err(Error {
                series: None,
                message: format!(
                    "freq {other:?} is not known; use hourly, daily, weekly, monthly, quarterly or yearly"
                ),
            })
        }
    })
}

/// The step number of a time stamp on the input's grid.
fn step_of(t: RawTime, kind: TimeKind) -> Option<i64> {
    match (t, kind) {
        (RawTime::Index(i), TimeKind::Index) => Some(i),
        (RawTime::Stamp(d), TimeKind::Seconds(step, origin)) => {
            let offset = d.and_utc().timestamp() - origin;
            (offset % step == 0).then(|| offset.div_euclid(step))
        }
        (RawTime::Stamp(d), TimeKind::Months(k)) => {
            let months = i64::from(d.year()) * 12 + i64::from(d.month0());
            Some(months.div_euclid(k))
        }
        _ => None,
    }
}

/// Orders one series by `t` and checks that it has no duplicates or gaps
/// (gaps become zeros with [`Gaps::Zero`]).
pub fn regularise(s: &Series, kind: TimeKind, gaps: Gaps, unit: Unit) -> Result<Vec<f64>> {
    let err = |message: String| Error::series(&s.id, message);
    let mut steps: Vec<(i64, f64, u64)> = Vec::with_capacity(s.rows.len());
    for r in &s.rows {
        let k = step_of(r.t, kind).ok_or_else(|| {
            err(format!(
                "series {}, {unit} {}: t is off the grid",
                s.id, r.line
            ))
        })?;
        steps.push((k, r.y, r.line));
    }
    steps.sort_by_key(|p| p.0);
    let mut y = Vec::with_capacity(steps.len());
    for (i, &(k, v, line)) in steps.iter().enumerate() {
        if i > 0 {
            let prev = steps[i - 1].0;
            if k == prev {
                return Err(err(format!(
                    "series {}, {unit} {line}: t repeats an earlier row ({unit} {})",
                    s.id,
                    steps[i - 1].2
                )));
            }
            let missing = k - prev - 1;
            if missing > 0 {
                if gaps != Gaps::Zero {
                    return Err(err(format!(
                        "series {}, {unit} {line}: {missing} step(s) missing before this row; pass --fill zero (fill=\"zero\" in Python) to treat them as zeros",
                        s.id
                    )));
                }
                if missing > 10_000_000 {
                    return Err(err(format!(
                        "series {}, {unit} {line}: gap of {missing} steps is too large to fill",
                        s.id
                    )));
                }
                y.extend(std::iter::repeat_n(0.0, missing as usize));
            }
        }
        y.push(v);
    }
    Ok(y)
}

/// Runs every model of `models` on one regular series.
pub fn forecast_series(
    id: &str,
    y: &[f64],
    horizon: usize,
    season: usize,
    models: &[Model],
    levels: &[f64],
) -> Result<Vec<Forecast>> {
    models
        .iter()
        .map(|&m| {
            forecast(y, horizon, season, m, levels)
                .map_err(|e| Error::series(id, format!("series {id}: {m}: {e}")))
        })
        .collect()
}

/// The value columns of the output, after `series_id` and `step`: `y_hat`,
/// `lo_L`, `hi_L` per level, suffixed `_<model>` when there are several models.
pub fn output_columns(models: &[Model], levels: &[f64]) -> Vec<String> {
    let suffix = |m: &Model| {
        if models.len() == 1 {
            String::new()
        } else {
            format!("_{m}")
        }
    };
    let mut out = Vec::with_capacity(models.len() * (1 + 2 * levels.len()));
    for m in models {
        out.push(format!("y_hat{}", suffix(m)));
        for l in levels {
            out.push(format!("lo_{l}{}", suffix(m)));
            out.push(format!("hi_{l}{}", suffix(m)));
        }
    }
    out
}

/// The values of step `k` (0-based) of one series, in the order of [`output_columns`].
pub fn output_row(forecasts: &[Forecast], k: usize) -> impl Iterator<Item = f64> + '_ {
    forecasts.iter().flat_map(move |fc| {
        std::iter::once(fc.mean[k])
            .chain(fc.intervals.iter().flat_map(move |iv| [iv.lo[k], iv.hi[k]]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(rows: &[(&str, f64)]) -> Series {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, (t, y))| Row {
                t: parse_time(t).unwrap(),
                y: *y,
                line: i as u64 + 2,
            })
            .collect();
        Series {
            id: "s1".into(),
            rows,
        }
    }

    #[test]
    fn dates_set_the_grid_and_the_default_season() {
        let u = Unit::Line;
        let daily = series(&[
            ("2024-03-02", 2.0),
            ("2024-03-01", 1.0),
            ("2024-03-03", 3.0),
        ]);
        let kind = time_kind(std::slice::from_ref(&daily), u).unwrap();
        assert_eq!(kind.default_season(), 7);
        assert_eq!(
            regularise(&daily, kind, Gaps::Error, u).unwrap(),
            vec![1.0, 2.0, 3.0]
        );
        let monthly = series(&[
            ("2024-01-01", 1.0),
            ("2024-02-01", 2.0),
            ("2024-04-01", 4.0),
        ]);
        let kind = time_kind(std::slice::from_ref(&monthly), u).unwrap();
        assert_eq!(kind, TimeKind::Months(1));
        assert_eq!(kind.default_season(), 12);
        let err = regularise(&monthly, kind, Gaps::Error, u).unwrap_err();
        assert_eq!(err.series.as_deref(), Some("s1"));
        assert!(
            err.message.contains("series s1, line 4") && err.message.contains("--fill zero"),
            "{err}"
        );
        assert_eq!(
            regularise(&monthly, kind, Gaps::Zero, u).unwrap(),
            vec![1.0, 2.0, 0.0, 4.0]
        );
        let hourly = series(&[("2024-01-01T00:00:00", 1.0), ("2024-01-01 01:00", 2.0)]);
        assert_eq!(
            time_kind(std::slice::from_ref(&hourly), u)
                .unwrap()
                .default_season(),
            24
        );
    }

    #[test]
    fn duplicates_mixtures_and_non_finite_values_are_errors() {
        let dup = series(&[("1", 1.0), ("2", 2.0), ("2", 3.0)]);
        let kind = time_kind(std::slice::from_ref(&dup), Unit::Row).unwrap();
        assert_eq!(kind.default_season(), 1);
        let err = regularise(&dup, kind, Gaps::Error, Unit::Row).unwrap_err();
        assert_eq!(
            err.to_string(),
            "series s1, row 4: t repeats an earlier row (row 3)"
        );
        let mixed = series(&[("1", 1.0), ("2024-01-01", 2.0)]);
        assert!(time_kind(&[mixed], Unit::Line).is_err());
        assert!(parse_time("yesterday").is_err());
        let sparse = series(&[("2024-01-01", 1.0), ("2024-01-03", 2.0)]);
        let kind = time_kind_for("daily", std::slice::from_ref(&sparse), Unit::Row).unwrap();
        assert_eq!(kind.default_season(), 7);
        assert_eq!(
            regularise(&sparse, kind, Gaps::Zero, Unit::Row).unwrap(),
            vec![1.0, 0.0, 2.0]
        );
        assert!(time_kind_for("daily", &[dup], Unit::Row).is_err());
        let nan = series(&[("1", 1.0), ("2", f64::NAN)]);
        assert_eq!(
            check_values(&[nan], Unit::Row).unwrap_err().to_string(),
            "series s1, row 3: y `NaN` is not a finite number"
        );
    }

    #[test]
    fn columns_and_rows_line_up() {
        let models = [Model::Naive, Model::SeasonalNaive];
        let cols = output_columns(&models, &[80.0, 97.5]);
        assert_eq!(
            cols[..5],
            [
                "y_hat_naive",
                "lo_80_naive",
                "hi_80_naive",
                "lo_97.5_naive",
                "hi_97.5_naive"
            ]
        );
        let y = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let fcs = forecast_series("s", &y, 2, 2, &models, &[80.0, 97.5]).unwrap();
        let row: Vec<f64> = output_row(&fcs, 1).collect();
        assert_eq!(row.len(), cols.len());
        assert_eq!(row[0], 6.0);
        assert_eq!(row[5], 6.0);
        let err = forecast_series("s", &y, 0, 2, &models, &[80.0]).unwrap_err();
        assert!(
            err.to_string().starts_with("series s: naive: horizon 0"),
            "{err}"
        );
    }
}
