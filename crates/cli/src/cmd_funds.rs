//! `abacus funds`: fund metrics, screens and comparisons over an imported dataset.
//!
//! The NAV statistics are computed once per import and kept in the dataset's derived cache
//! (`fund_stats.v1`); later calls read the funds' attributes and that cache only.

use std::path::{Path, PathBuf};

use abacus_core::date::iso;
use abacus_funds::{parse_screen, Cell, Config, FundTable, Metric, Table, Unit, Window};
use anyhow::Context;
use clap::{Args, Subcommand};
use serde_json::json;

const FILTER_HELP: &str = "\
FILTERS: whitespace-separated terms, all of which must hold:
  field>v  field>=v  field<v  field<=v  field=v   numeric comparison; v may end in % (4% = 0.04)
  field=a..b                                      numeric range, both ends included
  field=a,b,c                                     numeric field equal to one of the values
  text=a,b                                        text field equal to one of the values (any case)
  text~word                                       text field contains word (any case); quote spaces
  sort=k1,-k2,+k3                                 sort keys: - descending, + ascending, no sign =
                                                  better first (lower for drawdown, volatility,
                                                  fees, risk level; higher otherwise); ties by code
  limit=N                                         keep the first N rows
Numeric fields: risk_level, expense_ratio, aum, extra numeric columns of funds.csv, and the metrics
  return_total_{1,3,5}y return_{1,3,5}y volatility_ sharpe_ sortino_ max_drawdown_ calmar_{1,3,5}y
  return_ytd return_total_since_inception return_since_inception
Text fields: fund_code, name, category, subcategory, manager, company, extra text columns.
A fund with no value for a filtered or sorted field is left out; inactive funds are never screened.
Example: abacus funds --data DIR screen \"category=bond risk_level<=2 return_3y>4% sort=-sharpe_3y limit=10\"";

#[derive(Debug, Args)]
pub(crate) struct FundsArgs {
    /// Dataset folder holding funds/ (imported on first use and whenever its files change).
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Annual risk-free rate for Sharpe and Sortino ratios, as a fraction.
    #[arg(long, global = true, default_value_t = 0.0, value_name = "RATE")]
    rf: f64,
    /// Print JSON (exact values) instead of a text table.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: FundsCommand,
}

#[derive(Debug, Subcommand)]
enum FundsCommand {
    /// Screen and rank the active funds.
    #[command(after_help = FILTER_HELP)]
    Screen {
        /// Filter terms (one quoted argument or several).
        #[arg(value_name = "FILTERS")]
        filters: Vec<String>,
    },
    /// One metric or attribute of one fund, with its window and its rank within its category.
    Metric {
        /// Fund code, exact name, or a part of the name that fits one fund.
        fund: String,
        /// A metric (sharpe_3y, return_ytd, ...), a numeric column (aum, expense_ratio, ...) or a
        /// text attribute (manager, company, category, subcategory, name, inception_date).
        metric: String,
    },
    /// Two or more funds side by side.
    Compare {
        /// Fund codes or names.
        #[arg(num_args = 2.., required = true)]
        funds: Vec<String>,
        /// Fields to show, comma-separated (default: returns, volatility, Sharpe, drawdown, fees,
        /// risk level, AUM).
        #[arg(long, value_delimiter = ',')]
        fields: Vec<String>,
    },
}

pub(crate) fn run(store: Option<&PathBuf>, args: FundsArgs) -> anyhow::Result<()> {
    let data = args
        .data
        .as_deref()
        .context("give the dataset folder with --data DIR")?;
    let config = Config {
        risk_free_rate: args.rf,
        ..Config::default()
    };
    anyhow::ensure!(args.rf.is_finite(), "--rf must be a finite number");
    let table = load_table(store, data, config)?;
    let out = match args.command {
        FundsCommand::Screen { filters } => screen(&table, &filters.join(" "), args.json)?,
        FundsCommand::Metric { fund, metric } => metric_cmd(&table, &fund, &metric, args.json)?,
        FundsCommand::Compare { funds, fields } => compare(&table, &funds, &fields, args.json)?,
    };
    outln!("{out}");
    Ok(())
}

/// The fund table of a dataset (computed once per import, then read from the store's cache).
fn load_table(store: Option<&PathBuf>, data: &Path, config: Config) -> anyhow::Result<FundTable> {
    let store = crate::open_store(store)?;
    let ds = crate::dataset_for(&store, data)?;
    anyhow::ensure!(
        ds.info.summary.funds.is_some(),
        "the dataset at {} has no funds/ folder",
        data.display()
    );
    Ok(abacus_assistant::funds::fund_table(&ds, config)?)
}

fn screen(t: &FundTable, filters: &str, as_json: bool) -> anyhow::Result<String> {
    if as_json {
        let v = abacus_server::reports::fund_screen_json(t, filters)?;
        return Ok(serde_json::to_string_pretty(&v)?);
    }
    let s = parse_screen(t, filters)?;
    let r = s.run(t);
    let table = t.table(&r.funds, &r.fields);
    let head = match (r.matched, r.funds.len()) {
        (0, _) => "No active fund matches.".to_string(),
        (1, _) => "1 fund matches.".to_string(),
        (m, n) if m == n => format!("{m} funds match."),
        (m, n) => format!("{m} funds match; the first {n}:"),
    };
    Ok(if r.funds.is_empty() {
        head
    } else {
        format!("{head}\n{}", render(&table))
    })
}

fn metric_cmd(t: &FundTable, fund: &str, metric: &str, as_json: bool) -> anyhow::Result<String> {
    let i = t.find(fund)?;
    let info = t.fund(i);
    let who = format!("{} {}", info.code, info.name);
    let inactive = !t.is_active(i);
    let note = if inactive {
        " (inactive: its NAV ended more than 30 days before the as-of date)"
    } else {
        ""
    };
    let text_value = if metric.eq_ignore_ascii_case("inception_date") {
        Some(Some(iso(info.inception)))
    } else {
        t.text_field(metric)
            .map(|f| t.text(i, &f).map(str::to_string))
    };
    if let Some(v) = text_value {
        return Ok(if as_json {
            serde_json::to_string_pretty(&json!({
                "fund_code": info.code, "name": info.name, "metric": metric.to_lowercase(),
                "value": v, "inactive": inactive,
            }))?
        } else {
            format!(
                "{who}{note}\n{}: {}",
                metric.to_lowercase(),
                v.as_deref().unwrap_or("(none given)")
            )
        });
    }
    let field = t
        .field(metric)
        .ok_or_else(|| anyhow::anyhow!("unknown metric {metric:?}; {}", t.allowed_fields()))?;
    let def = t.field_def(field);
    let value = t.value(i, field);
    let window = Metric::parse(&def.name).and_then(|m| t.window(i, m.window).map(|w| (m, w)));
    let window = window.filter(|_| value.is_ok() && t.stats(i).is_some());
    let pct = t.percentile(i, field);
    if as_json {
        let mut v = json!({
            "fund_code": info.code, "name": info.name, "metric": def.name,
            "value": value.ok(), "inactive": inactive,
        });
        if let Err(u) = value {
            v["reason"] = json!(u.to_string());
        }
        if let Some((m, w)) = window {
            v["window"] = json!({ "start": iso(w.start), "end": iso(w.end) });
            if m.kind == abacus_funds::Kind::MaxDrawdown && w.max_drawdown > 0.0 {
                v["drawdown"] = json!({ "peak": iso(w.peak), "trough": iso(w.trough) });
            }
        }
        if let Some(p) = &pct {
            v["category_rank"] = json!({
                "category": p.category, "rank": p.rank, "of": p.peers, "percentile": p.percentile,
            });
        }
        return Ok(serde_json::to_string_pretty(&v)?);
    }
    let mut out = format!("{who}{note}\n{}: ", def.name);
    match value {
        Ok(v) => out.push_str(&format_number(v, def.unit)),
        Err(u) => out.push_str(&format!("undefined ({u})")),
    }
    if let Some((m, w)) = window {
        let from = if m.window == Window::SinceInception {
            "since"
        } else {
            "from"
        };
        out.push_str(&format!(
            "\nwindow: {from} {} to {}",
            iso(w.start),
            iso(w.end)
        ));
        if m.kind == abacus_funds::Kind::MaxDrawdown && w.max_drawdown > 0.0 {
            out.push_str(&format!(
                "\npeak {} → trough {}",
                iso(w.peak),
                iso(w.trough)
            ));
        }
    }
    if let Some(p) = pct {
        out.push_str(&format!(
            "\nrank {} of {} {} funds (percentile {:.1})",
            p.rank, p.peers, p.category, p.percentile
        ));
    }
    Ok(out)
}

fn compare(
    t: &FundTable,
    funds: &[String],
    fields: &[String],
    as_json: bool,
) -> anyhow::Result<String> {
    let idx = funds
        .iter()
        .map(|f| t.find(f))
        .collect::<Result<Vec<_>, _>>()?;
    let fields = if fields.is_empty() {
        t.default_compare_fields()
    } else {
        fields
            .iter()
            .map(|f| {
                t.field(f.trim())
                    .ok_or_else(|| anyhow::anyhow!("unknown field {f:?}; {}", t.allowed_fields()))
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let table = t.table(&idx, &fields);
    if as_json {
        return Ok(serde_json::to_string_pretty(
            &abacus_server::reports::fund_table_json(&table),
        )?);
    }
    let mut out = render(&table);
    for row in &table.rows {
        for (col, cell) in table.columns.iter().zip(row) {
            if let (Cell::Undefined(u), Cell::Text(code)) = (cell, &row[0]) {
                out.push_str(&format!("\nn/a: {code} {col}: {u}"));
            }
        }
    }
    Ok(out)
}

/// Fractions as percentages with two decimals; ratios with two decimals; whole numbers as such.
fn format_number(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Fraction => format!("{:.2}%", v * 100.0),
        Unit::Ratio => format!("{v:.2}"),
        Unit::Integer => format!("{v:.0}"),
        Unit::Number if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
        Unit::Number => format!("{v:.2}"),
    }
}

fn render(t: &Table) -> String {
    let cells: Vec<Vec<(String, bool)>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Cell::Text(s) => (s.clone(), false),
                    Cell::Number { value, unit } => (format_number(*value, *unit), true),
                    Cell::Undefined(_) => ("n/a".to_string(), true),
                })
                .collect()
        })
        .collect();
    let width = |j: usize| {
        cells
            .iter()
            .map(|r| r[j].0.chars().count())
            .chain([t.columns[j].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..t.columns.len()).map(width).collect();
    let line = |items: Vec<(String, bool)>| {
        items
            .iter()
            .zip(&widths)
            .map(|((s, right), &w)| {
                if *right {
                    format!("{s:>w$}")
                } else {
                    format!("{s:<w$}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let header = line(
        t.columns
            .iter()
            .enumerate()
            .map(|(j, c)| (c.clone(), j >= 2))
            .collect(),
    );
    let mut out = vec![header];
    out.extend(cells.into_iter().map(line));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use abacus_funds::Undefined;

    #[test]
    fn numbers_for_people_and_exact_json() {
        assert_eq!(format_number(0.05123, Unit::Fraction), "5.12%");
        assert_eq!(format_number(-0.0018312, Unit::Fraction), "-0.18%");
        assert_eq!(format_number(1.9404588, Unit::Ratio), "1.94");
        assert_eq!(format_number(3.0, Unit::Integer), "3");
        assert_eq!(format_number(1900.5, Unit::Number), "1900.50");
        assert_eq!(format_number(10.0, Unit::Number), "10");
        let t = Table {
            columns: vec!["fund_code".into(), "name".into(), "return_3y".into()],
            rows: vec![
                vec![
                    Cell::Text("F1".into()),
                    Cell::Text("One".into()),
                    Cell::Number {
                        value: 0.1 / 3.0,
                        unit: Unit::Fraction,
                    },
                ],
                vec![
                    Cell::Text("F2".into()),
                    Cell::Text("Two".into()),
                    Cell::Undefined(Undefined::NotEnoughHistory),
                ],
            ],
        };
        assert_eq!(
            abacus_server::reports::fund_table_json(&t),
            json!({"columns": ["fund_code", "name", "return_3y"], "rows": [["F1", "One", 0.1 / 3.0], ["F2", "Two", null]]})
        );
        assert_eq!(
            render(&t),
            "fund_code  name  return_3y\nF1         One       3.33%\nF2         Two         n/a"
        );
    }
}
