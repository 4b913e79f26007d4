//! Fund screens, metrics and comparisons on the fund engine, and the fund table
//! of a dataset (computed once per import, then read from the store's cache).

use std::collections::HashMap;

use abacus_funds::{
    decode_stats, encode_stats, Cond, Config, FieldId, Filter, FundInfo, FundInput, FundTable,
    NavStats, Order, Screen, SortKey, TextField,
};
use abacus_nlu::plan::{Cmp, Plan};
use abacus_store::Dataset;
use serde_json::json;

use crate::answer::{fmt_num, fmt_pct, Answer, Table};
use crate::{Error, Result};

const CACHE: &str = "fund_stats.v1";

/// The fund table of a dataset, from the derived cache when this import already has one.
pub fn fund_table(ds: &Dataset, config: Config) -> Result<FundTable> {
    let funds: Vec<FundInfo> = ds.funds()?.into_iter().map(fund_info).collect();
    let cached = ds.derived(CACHE)?.and_then(|b| decode_stats(&b).ok());
    if let Some(stats) = cached.filter(|s| same_codes(s, &funds)) {
        let mut by_code: HashMap<String, Option<NavStats>> = stats.into_iter().collect();
        let stats = funds
            .iter()
            .map(|f| by_code.remove(&f.code).flatten())
            .collect();
        return Ok(FundTable::from_stats(funds, stats, config)?);
    }
    let mut navs: HashMap<String, Vec<(abacus_core::Date, f64)>> = HashMap::new();
    for row in ds.fund_nav()? {
        navs.entry(row.fund_code)
            .or_default()
            .push((row.date, row.adj_nav));
    }
    let inputs = funds
        .into_iter()
        .map(|info| {
            let nav = navs.remove(&info.code).unwrap_or_default();
            FundInput { info, nav }
        })
        .collect();
    let table = FundTable::build(inputs, config)?;
    let stats: Vec<(String, Option<NavStats>)> = (0..table.len())
        .map(|i| (table.fund(i).code.clone(), table.stats(i).cloned()))
        .collect();
    // A failed cache write costs only speed next time.
    let _ = ds.put_derived(CACHE, &encode_stats(&stats));
    Ok(table)
}

fn same_codes(stats: &[(String, Option<NavStats>)], funds: &[FundInfo]) -> bool {
    let mut a: Vec<&str> = stats.iter().map(|(c, _)| c.as_str()).collect();
    let mut b: Vec<&str> = funds.iter().map(|f| f.code.as_str()).collect();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

fn fund_info(f: abacus_store::model::Fund) -> FundInfo {
    FundInfo {
        code: f.fund_code,
        name: f.name,
        category: f.category,
        subcategory: f.subcategory,
        risk_level: f.risk_level,
        expense_ratio: f.expense_ratio,
        inception: f.inception_date,
        manager: f.manager,
        company: f.company,
        aum: f.aum,
        numeric: f
            .extra_numeric
            .into_iter()
            .filter(|(_, v)| v.is_finite())
            .collect(),
        text: f.extra_text.into_iter().collect(),
    }
}

fn field(table: &FundTable, name: &str) -> Result<FieldId> {
    table
        .field(name)
        .ok_or_else(|| Error::Plan(format!("funds have no field {name:?}")))
}

/// A metric's name for people: `sharpe_3y` → "3-year Sharpe ratio".
fn metric_label(name: &str) -> String {
    let (base, window) = match name.rsplit_once('_') {
        Some((b, w)) if w.ends_with('y') && w[..w.len() - 1].parse::<u32>().is_ok() => {
            (b, Some(&w[..w.len() - 1]))
        }
        _ => (name, None),
    };
    let label = match base {
        "return" => "annualised return",
        "return_total" => "total return",
        "volatility" => "annualised volatility",
        "sharpe" => "Sharpe ratio",
        "sortino" => "Sortino ratio",
        "max_drawdown" => "maximum drawdown",
        "calmar" => "Calmar ratio",
        "return_ytd" => "year-to-date return",
        "return_since_inception" => "annualised return since inception",
        "return_total_since_inception" => "total return since inception",
        "expense_ratio" => "expense ratio",
        "aum" => "AUM",
        "risk_level" => "risk level",
        other => return other.replace('_', " "),
    };
    match window {
        Some(k) => format!("{k}-year {label}"),
        None => label.to_string(),
    }
}

/// A fund's manager or company: a text answer, no value.
fn attribute(table: &FundTable, i: usize, metric: &str, plan: &Plan) -> Option<Answer> {
    let (field, label) = match metric {
        "manager" => (TextField::Manager, "manager"),
        "company" => (TextField::Company, "management company"),
        _ => return None,
    };
    let fund = table.fund(i);
    let got = table.text(i, &field);
    let mut t = Table::new(&["fund_code", "name", label]);
    t.rows
        .push(vec![json!(fund.code), json!(fund.name), json!(got)]);
    let text = match got {
        Some(v) => format!(
            "The {label} of {} ({}) is {}.",
            fund.code,
            fund.name,
            v.trim_end_matches('.')
        ),
        None => format!(
            "The data gives no {label} for {} ({}).",
            fund.code, fund.name
        ),
    };
    Some(Answer::answered(plan.clone(), text, None, Some(t)))
}

fn show(table: &FundTable, f: FieldId, v: f64) -> String {
    let name = &table.field_def(f).name;
    if name == "aum" {
        format!("{} million", fmt_num(v, 2))
    } else if name == "risk_level"
        || name.starts_with("sharpe")
        || name.starts_with("sortino")
        || name.starts_with("calmar")
    {
        fmt_num(v, 4)
    } else {
        fmt_pct(v)
    }
}

fn row(table: &FundTable, i: usize, fields: &[FieldId]) -> Vec<serde_json::Value> {
    let mut r = vec![json!(table.fund(i).code), json!(table.fund(i).name)];
    for &f in fields {
        r.push(
            table
                .value(i, f)
                .map_or(serde_json::Value::Null, |v| json!(v)),
        );
    }
    r
}

fn columns(table: &FundTable, fields: &[FieldId]) -> Table {
    let mut t = Table::new(&["fund_code", "name"]);
    t.columns
        .extend(fields.iter().map(|&f| table.field_def(f).name.clone()));
    t
}

pub(crate) fn run(table: &FundTable, plan: Plan) -> Result<Answer> {
    match &plan {
        Plan::FundScreen {
            fund_categories,
            filters,
            sort,
            limit,
            managers,
            companies,
            name_contains,
            risk_levels,
            count,
            average,
            ..
        } => {
            let mut s = Screen {
                filters: Vec::new(),
                sort: Vec::new(),
                limit: *limit,
            };
            for m in managers {
                s.filters.push(Filter::TextContains {
                    field: TextField::Manager,
                    needle: m.clone(),
                });
            }
            if !companies.is_empty() {
                s.filters.push(Filter::TextOneOf {
                    field: TextField::Company,
                    values: companies.clone(),
                });
            }
            for n in name_contains {
                s.filters.push(Filter::TextContains {
                    field: TextField::Name,
                    needle: n.clone(),
                });
            }
            if !risk_levels.is_empty() {
                s.filters.push(Filter::NumberOneOf {
                    field: field(table, "risk_level")?,
                    values: risk_levels.iter().map(|&r| r as f64).collect(),
                });
            }
            if !fund_categories.is_empty() {
                s.filters.push(Filter::TextOneOf {
                    field: TextField::Category,
                    values: fund_categories.clone(),
                });
            }
            for f in filters {
                let cond = match f.cmp {
                    Cmp::Gt => Cond::Gt(f.value),
                    Cmp::Ge => Cond::Ge(f.value),
                    Cmp::Lt => Cond::Lt(f.value),
                    Cmp::Le => Cond::Le(f.value),
                    Cmp::Eq => Cond::Eq(f.value),
                };
                s.filters.push(Filter::Number {
                    field: field(table, &f.field)?,
                    cond,
                });
            }
            for k in sort {
                let order = k.descending.map(|d| {
                    if d {
                        Order::Descending
                    } else {
                        Order::Ascending
                    }
                });
                s.sort.push(SortKey {
                    field: field(table, &k.field)?,
                    order,
                });
            }
            let res = s.run(table);
            let mut t = columns(table, &res.fields);
            for &i in &res.funds {
                t.rows.push(row(table, i, &res.fields));
            }
            let mut text = format!(
                "{} active {}fund(s)",
                res.matched,
                if fund_categories.is_empty() {
                    String::new()
                } else {
                    format!("{} ", fund_categories.join("/"))
                }
            );
            for (what, list) in [
                ("of", companies),
                ("managed by", managers),
                ("with a name containing", name_contains),
            ] {
                if !list.is_empty() {
                    text.push_str(&format!(" {what} {}", list.join(" or ")));
                }
            }
            text.push_str(" match");
            if !risk_levels.is_empty() {
                let levels: Vec<String> = risk_levels.iter().map(i64::to_string).collect();
                text.push_str(&format!(", risk level {}", levels.join(" or ")));
            }
            for f in filters {
                let id = field(table, &f.field)?;
                let op = match f.cmp {
                    Cmp::Gt => ">",
                    Cmp::Ge => "≥",
                    Cmp::Lt => "<",
                    Cmp::Le => "≤",
                    Cmp::Eq => "=",
                };
                text.push_str(&format!(", {} {op} {}", f.field, show(table, id, f.value)));
            }
            if !res.funds.is_empty() {
                let shown: Vec<String> = res
                    .funds
                    .iter()
                    .map(|&i| table.fund(i).code.clone())
                    .collect();
                let order = sort
                    .first()
                    .map_or(String::new(), |k| format!(" by {}", k.field));
                if res.funds.len() < res.matched {
                    text.push_str(&format!(
                        "; the first {}{order}: {}",
                        res.funds.len(),
                        shown.join(", ")
                    ));
                } else {
                    text.push_str(&format!("{order}: {}", shown.join(", ")));
                }
            }
            text.push('.');
            // "The average 1-year return of bond funds": over every match, not only those shown.
            if let Some(m) = average {
                let f = field(table, m)?;
                let all = Screen {
                    filters: s.filters.clone(),
                    sort: Vec::new(),
                    limit: None,
                }
                .run(table);
                let vals: Vec<f64> = all
                    .funds
                    .iter()
                    .filter_map(|&i| table.value(i, f).ok())
                    .collect();
                if vals.is_empty() {
                    return Ok(Answer::answered(
                        plan.clone(),
                        format!("No matching fund has a value for {}.", metric_label(m)),
                        None,
                        Some(t),
                    ));
                }
                let mean = vals.iter().sum::<f64>() / vals.len() as f64;
                let text = format!(
                    "The average {} over {} matching funds with a value is {}.",
                    metric_label(m),
                    vals.len(),
                    show(table, f, mean)
                );
                let mut a = Answer::answered(plan.clone(), text, Some(mean), Some(t));
                a.figures = vec![("funds_averaged".into(), vals.len() as f64)];
                return Ok(a);
            }
            let value = count.then_some(res.matched as f64);
            let mut a = Answer::answered(plan.clone(), text, value, Some(t));
            a.figures = vec![("matched".into(), res.matched as f64)];
            Ok(a)
        }
        Plan::FundMetric { scope, metric } => {
            let code = scope
                .funds
                .first()
                .ok_or_else(|| Error::Plan("which fund?".into()))?;
            let i = table.find(code)?;
            if let Some(a) = attribute(table, i, metric, &plan) {
                return Ok(a);
            }
            let f = field(table, metric)?;
            let fund = table.fund(i);
            let t = {
                let mut t = columns(table, &[f]);
                t.rows.push(row(table, i, &[f]));
                t
            };
            let inactive = match (table.is_active(i), table.stats(i), table.as_of()) {
                (false, Some(st), Some(as_of)) => format!(" (an inactive fund: its NAV history ends on {}, the funds' data runs to {as_of})", st.last),
                _ => String::new(),
            };
            match table.value(i, f) {
                Ok(v) => {
                    let text = format!(
                        "The {} of {} ({}) is {}{}.",
                        metric_label(metric),
                        fund.code,
                        fund.name,
                        show(table, f, v),
                        inactive
                    );
                    Ok(Answer::answered(plan, text, Some(v), Some(t)))
                }
                Err(why) => {
                    let text = format!(
                        "The {} of {} ({}) is not available: {}{}.",
                        metric_label(metric),
                        fund.code,
                        fund.name,
                        why,
                        inactive
                    );
                    Ok(Answer::answered(plan, text, None, Some(t)))
                }
            }
        }
        Plan::FundCompare {
            scope,
            metrics,
            difference,
        } => {
            let idx: Vec<usize> = scope
                .funds
                .iter()
                .map(|c| table.find(c))
                .collect::<std::result::Result<_, _>>()?;
            let fields: Vec<FieldId> = if metrics.is_empty() {
                table.default_compare_fields()
            } else {
                metrics
                    .iter()
                    .map(|m| field(table, m))
                    .collect::<Result<_>>()?
            };
            let mut t = columns(table, &fields);
            for &i in &idx {
                t.rows.push(row(table, i, &fields));
            }
            let mut parts = Vec::new();
            for &f in &fields {
                let vals: Vec<String> = idx
                    .iter()
                    .map(|&i| {
                        format!(
                            "{} {}",
                            table.fund(i).code,
                            table
                                .value(i, f)
                                .map_or_else(|e| format!("n/a ({e})"), |v| show(table, f, v))
                        )
                    })
                    .collect();
                parts.push(format!("{}: {}", table.field_def(f).name, vals.join(", ")));
            }
            let mut value = None;
            let mut text = format!("Side by side — {}.", parts.join("; "));
            if *difference && idx.len() == 2 {
                if let (Some(&f), [a, b]) = (fields.first(), idx.as_slice()) {
                    if let (Ok(x), Ok(y)) = (table.value(*a, f), table.value(*b, f)) {
                        value = Some(x - y);
                        text = format!(
                            "The difference in {} between {} and {} is {} ({} minus {}).",
                            table.field_def(f).name,
                            table.fund(*a).code,
                            table.fund(*b).code,
                            show(table, f, x - y),
                            show(table, f, x),
                            show(table, f, y)
                        );
                    }
                }
            }
            Ok(Answer::answered(plan, text, value, Some(t)))
        }
        _ => unreachable!("fund plans only"),
    }
}
