//! `abacus forecast`: the batch forecasting CLI of spec/forecast.md.
//!
//! Reads a long CSV (`series_id,t,y`), groups rows by series in order of first
//! appearance, orders each series by `t` (an integer index or an ISO date or
//! date-time), forecasts every series in parallel and writes
//! `series_id,step,y_hat,lo_L,hi_L…` in input order.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use abacus_forecast::{forecast, Forecast, Model};
use anyhow::{bail, Context};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use clap::{Args, ValueEnum};
use rayon::prelude::*;

#[derive(Debug, Args)]
pub(crate) struct ForecastArgs {
    /// Long-format CSV with columns series_id, t, y.
    #[arg(long, value_name = "FILE")]
    input: PathBuf,
    /// Steps to forecast (1..=10000).
    #[arg(long, value_name = "H")]
    horizon: usize,
    /// Seasonal period (24 hourly, 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 none);
    /// default: from the dates where t is a date, else 1.
    #[arg(long, value_name = "M")]
    season: Option<usize>,
    /// `auto`, or a comma list of models (naive, snaive, naive2, ses, holt, damped,
    /// ets, theta, croston, sba, tsb, ensemble).
    #[arg(long, default_value = "auto", value_name = "LIST")]
    models: String,
    /// Interval levels in percent, comma separated.
    #[arg(long, default_value = "80,95", value_name = "LIST")]
    levels: String,
    /// How to treat gaps in t: an error unless `zero` (a missing step is a zero).
    #[arg(long, value_name = "HOW")]
    fill: Option<Fill>,
    /// Output CSV.
    #[arg(long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Fill {
    Zero,
}

/// How `t` is written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeKind {
    Index,
    /// Fixed step in seconds (hourly, daily, weekly) from an origin time stamp.
    Seconds(i64, i64),
    /// Calendar months per step (1 monthly, 3 quarterly, 12 yearly).
    Months(i64),
}

impl TimeKind {
    fn default_season(self) -> usize {
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

/// One parsed row: its raw time, value and line in the file.
struct Row {
    t: RawTime,
    y: f64,
    line: u64,
}

#[derive(Debug, Clone, Copy)]
enum RawTime {
    Index(i64),
    Stamp(NaiveDateTime),
}

struct Series {
    id: String,
    rows: Vec<Row>,
}

pub(crate) fn run(args: ForecastArgs) -> anyhow::Result<()> {
    let models = parse_models(&args.models)?;
    let levels = parse_levels(&args.levels)?;
    if args.horizon == 0 || args.horizon > abacus_forecast::MAX_HORIZON {
        bail!(
            "--horizon {} is out of range; allowed 1..={}",
            args.horizon,
            abacus_forecast::MAX_HORIZON
        );
    }
    let series = read_series(&args.input)?;
    let kind = time_kind(&series)?;
    let season = args.season.unwrap_or_else(|| kind.default_season());
    if season == 0 {
        bail!("--season must be at least 1");
    }
    let values: Vec<Vec<f64>> = series
        .iter()
        .map(|s| regularise(s, kind, args.fill))
        .collect::<anyhow::Result<_>>()?;

    let start = Instant::now();
    let bar = crate::progress::count_bar(series.len() as u64, "forecasting");
    let results: Vec<anyhow::Result<Vec<Forecast>>> = series
        .par_iter()
        .zip(&values)
        .map(|(s, y)| {
            let out = models
                .iter()
                .map(|&m| {
                    forecast(y, args.horizon, season, m, &levels)
                        .with_context(|| format!("series {}: {m}", s.id))
                })
                .collect();
            bar.inc(1);
            out
        })
        .collect();
    bar.finish_and_clear();
    let forecasts: Vec<Vec<Forecast>> = results.into_iter().collect::<anyhow::Result<_>>()?;
    let secs = start.elapsed().as_secs_f64();

    write_output(
        &args.output,
        &series,
        &forecasts,
        &models,
        &levels,
        args.horizon,
    )?;
    let fell_back = forecasts
        .iter()
        .filter(|f| f.iter().any(|f| f.fell_back))
        .count();
    let n = series.len();
    eprintln!(
        "forecast: {n} series in {secs:.2} s ({:.1} series/s), season {season}, {fell_back} fell back to a simpler model; wrote {}",
        n as f64 / secs.max(1e-9),
        args.output.display()
    );
    Ok(())
}

fn parse_models(list: &str) -> anyhow::Result<Vec<Model>> {
    let mut models = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let m: Model = name.parse()?;
        if !models.contains(&m) {
            models.push(m);
        }
    }
    if models.is_empty() {
        bail!("--models is empty; give `auto` or a comma list of models");
    }
    Ok(models)
}

fn parse_levels(list: &str) -> anyhow::Result<Vec<f64>> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let v: f64 = s
                .parse()
                .with_context(|| format!("--levels: `{s}` is not a number"))?;
            if !(v > 0.0 && v < 100.0) {
                bail!("--levels: {v} is out of range; levels lie strictly between 0 and 100");
            }
            Ok(v)
        })
        .collect()
}

fn read_series(path: &PathBuf) -> anyhow::Result<Vec<Series>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .with_context(|| format!("opening {}", path.display()))?;
    let headers = reader
        .headers()
        .with_context(|| format!("reading {}", path.display()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .with_context(|| {
                format!(
                    "{}: no `{name}` column (need series_id, t, y)",
                    path.display()
                )
            })
    };
    let (ci, ct, cy) = (col("series_id")?, col("t")?, col("y")?);
    let mut series: Vec<Series> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("reading {}", path.display()))?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |c: usize| record.get(c).unwrap_or("");
        let id = field(ci);
        if id.is_empty() {
            bail!("line {line}: empty series_id");
        }
        let t = parse_time(field(ct))
            .with_context(|| format!("series {id}, line {line}: bad t `{}`", field(ct)))?;
        let y: f64 = field(cy)
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .with_context(|| {
                format!(
                    "series {id}, line {line}: y `{}` is not a finite number",
                    field(cy)
                )
            })?;
        let i = match index.get(id) {
            Some(&i) => i,
            None => {
                index.insert(id.to_string(), series.len());
                series.push(Series {
                    id: id.to_string(),
                    rows: Vec::new(),
                });
                series.len() - 1
            }
        };
        series[i].rows.push(Row { t, y, line });
    }
    if series.is_empty() {
        bail!("{}: no rows", path.display());
    }
    Ok(series)
}

fn parse_time(s: &str) -> anyhow::Result<RawTime> {
    if let Ok(i) = s.parse::<i64>() {
        return Ok(RawTime::Index(i));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(RawTime::Stamp(d.and_hms_opt(0, 0, 0).context("midnight")?));
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
    bail!("not an integer or an ISO date")
}

/// Decides how `t` is written: all integers, or dates with one step size, taken
/// from the smallest gap between consecutive dates of any series.
fn time_kind(series: &[Series]) -> anyhow::Result<TimeKind> {
    let first = &series[0].rows[0];
    let is_index = matches!(first.t, RawTime::Index(_));
    for s in series {
        for r in &s.rows {
            if matches!(r.t, RawTime::Index(_)) != is_index {
                bail!(
                    "series {}, line {}: t mixes integer indices and dates",
                    s.id,
                    r.line
                );
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
            .filter_map(|r| {
                if let RawTime::Stamp(d) = r.t {
                    Some(d)
                } else {
                    None
                }
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

/// The step number of a time stamp on the file's grid.
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
/// (gaps become zeros with `--fill zero`).
fn regularise(s: &Series, kind: TimeKind, fill: Option<Fill>) -> anyhow::Result<Vec<f64>> {
    let mut steps: Vec<(i64, f64, u64)> = Vec::with_capacity(s.rows.len());
    for r in &s.rows {
        let k = step_of(r.t, kind)
            .with_context(|| format!("series {}, line {}: t is off the grid", s.id, r.line))?;
        steps.push((k, r.y, r.line));
    }
    steps.sort_by_key(|p| p.0);
    let mut y = Vec::with_capacity(steps.len());
    for (i, &(k, v, line)) in steps.iter().enumerate() {
        if i > 0 {
            let prev = steps[i - 1].0;
            if k == prev {
                bail!(
                    "series {}, line {line}: t repeats an earlier row (line {})",
                    s.id,
                    steps[i - 1].2
                );
            }
            let missing = k - prev - 1;
            if missing > 0 {
                if fill != Some(Fill::Zero) {
                    bail!(
                        "series {}, line {line}: {missing} step(s) missing before this row; pass --fill zero to treat them as zeros",
                        s.id
                    );
                }
                if missing > 10_000_000 {
                    bail!(
                        "series {}, line {line}: gap of {missing} steps is too large to fill",
                        s.id
                    );
                }
                y.extend(std::iter::repeat_n(0.0, missing as usize));
            }
        }
        y.push(v);
    }
    Ok(y)
}

fn write_output(
    path: &PathBuf,
    series: &[Series],
    forecasts: &[Vec<Forecast>],
    models: &[Model],
    levels: &[f64],
    horizon: usize,
) -> anyhow::Result<()> {
    let mut w =
        csv::Writer::from_path(path).with_context(|| format!("creating {}", path.display()))?;
    let suffix = |m: &Model| {
        if models.len() == 1 {
            String::new()
        } else {
            format!("_{m}")
        }
    };
    let mut header = vec!["series_id".to_string(), "step".to_string()];
    for m in models {
        header.push(format!("y_hat{}", suffix(m)));
        for l in levels {
            header.push(format!("lo_{l}{}", suffix(m)));
            header.push(format!("hi_{l}{}", suffix(m)));
        }
    }
    w.write_record(&header)?;
    let mut record: Vec<String> = Vec::with_capacity(header.len());
    for (s, fcs) in series.iter().zip(forecasts) {
        for k in 0..horizon {
            record.clear();
            record.push(s.id.clone());
            record.push((k + 1).to_string());
            for fc in fcs {
                record.push(fc.mean[k].to_string());
                for iv in &fc.intervals {
                    record.push(iv.lo[k].to_string());
                    record.push(iv.hi[k].to_string());
                }
            }
            w.write_record(&record)?;
        }
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
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
        let daily = series(&[
            ("2024-03-02", 2.0),
            ("2024-03-01", 1.0),
            ("2024-03-03", 3.0),
        ]);
        let kind = time_kind(std::slice::from_ref(&daily)).unwrap();
        assert_eq!(kind.default_season(), 7);
        assert_eq!(regularise(&daily, kind, None).unwrap(), vec![1.0, 2.0, 3.0]);
        let monthly = series(&[
            ("2024-01-01", 1.0),
            ("2024-02-01", 2.0),
            ("2024-04-01", 4.0),
        ]);
        let kind = time_kind(std::slice::from_ref(&monthly)).unwrap();
        assert_eq!(kind, TimeKind::Months(1));
        assert_eq!(kind.default_season(), 12);
        let err = regularise(&monthly, kind, None).unwrap_err().to_string();
        assert!(
            err.contains("series s1, line 4") && err.contains("--fill zero"),
            "{err}"
        );
        assert_eq!(
            regularise(&monthly, kind, Some(Fill::Zero)).unwrap(),
            vec![1.0, 2.0, 0.0, 4.0]
        );
        let hourly = series(&[("2024-01-01T00:00:00", 1.0), ("2024-01-01 01:00", 2.0)]);
        assert_eq!(
            time_kind(std::slice::from_ref(&hourly))
                .unwrap()
                .default_season(),
            24
        );
    }

    #[test]
    fn integer_index_duplicates_and_mixtures_are_errors() {
        let dup = series(&[("1", 1.0), ("2", 2.0), ("2", 3.0)]);
        let kind = time_kind(std::slice::from_ref(&dup)).unwrap();
        assert_eq!(kind.default_season(), 1);
        let err = regularise(&dup, kind, None).unwrap_err().to_string();
        assert!(err.contains("repeats"), "{err}");
        let mixed = series(&[("1", 1.0), ("2024-01-01", 2.0)]);
        assert!(time_kind(&[mixed]).is_err());
        assert!(parse_time("yesterday").is_err());
    }

    #[test]
    fn writes_one_block_per_series_in_input_order() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.csv");
        let output = dir.path().join("out.csv");
        let mut text = String::from("series_id,t,y\n");
        for t in (1..=30).rev() {
            text.push_str(&format!("zeta,{t},{}\nalpha,{t},{}\n", 10 + t % 7, 5 + t));
        }
        std::fs::write(&input, text).unwrap();
        let args = ForecastArgs {
            input,
            horizon: 4,
            season: Some(7),
            models: "naive,snaive".into(),
            levels: "80,95".into(),
            fill: None,
            output: output.clone(),
        };
        run(args).unwrap();
        let out = std::fs::read_to_string(output).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "series_id,step,y_hat_naive,lo_80_naive,hi_80_naive,lo_95_naive,hi_95_naive,\
             y_hat_snaive,lo_80_snaive,hi_80_snaive,lo_95_snaive,hi_95_snaive"
        );
        assert_eq!(lines.len(), 1 + 8);
        assert!(lines[1].starts_with("zeta,1,12,") && lines[5].starts_with("alpha,1,35,"));
        // snaive for zeta, step 1: the value one season before the next point, t = 24 → 10 + 24 % 7 = 13.
        assert_eq!(lines[1].split(',').nth(7), Some("13"));
    }
}
