//! `abacus forecast`: the batch forecasting CLI of spec/forecast.md.
//!
//! Reads a long CSV (`series_id,t,y`), groups rows by series in order of first
//! appearance, orders each series by `t` (an integer index or an ISO date or
//! date-time), forecasts every series in parallel and writes
//! `series_id,step,y_hat,lo_L,hi_L…` in input order.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use abacus_forecast::batch::{self, Gaps, Row, Series, Unit};
use abacus_forecast::{Forecast, Model};
use anyhow::{bail, Context};
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
    let kind = batch::time_kind(&series, Unit::Line)?;
    let season = args.season.unwrap_or_else(|| kind.default_season());
    if season == 0 {
        bail!("--season must be at least 1");
    }
    let values: Vec<Vec<f64>> = series
        .iter()
        .map(|s| batch::regularise(s, kind, gaps(args.fill), Unit::Line))
        .collect::<Result<_, _>>()?;

    let start = Instant::now();
    let bar = crate::progress::count_bar(series.len() as u64, "forecasting");
    let results: Vec<batch::Result<Vec<Forecast>>> = series
        .par_iter()
        .zip(&values)
        .map(|(s, y)| {
            let out = batch::forecast_series(&s.id, y, args.horizon, season, &models, &levels);
            bar.inc(1);
            out
        })
        .collect();
    bar.finish_and_clear();
    let forecasts: Vec<Vec<Forecast>> = results.into_iter().collect::<Result<_, _>>()?;
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

fn gaps(fill: Option<Fill>) -> Gaps {
    match fill {
        Some(Fill::Zero) => Gaps::Zero,
        None => Gaps::Error,
    }
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
        let t = batch::parse_time(field(ct))
            .map_err(anyhow::Error::msg)
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
    let mut header = vec!["series_id".to_string(), "step".to_string()];
    header.extend(batch::output_columns(models, levels));
    w.write_record(&header)?;
    let mut record: Vec<String> = Vec::with_capacity(header.len());
    for (s, fcs) in series.iter().zip(forecasts) {
        for k in 0..horizon {
            record.clear();
            record.push(s.id.clone());
            record.push((k + 1).to_string());
            record.extend(batch::output_row(fcs, k).map(|v| v.to_string()));
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

    // The grid, gap and duplicate rules are tested in abacus_forecast::batch.

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
