//! `funds/`: fund attributes and daily NAV histories.

use std::collections::HashMap;

use abacus_core::date::iso;
use abacus_core::Date;
use rusqlite::params;

use super::{Ctx, Keys};
use crate::csvio::{opt, req, Check};
use crate::error::Result;
use crate::model::FundsSummary;

pub(crate) const CATEGORIES: &[&str] = &[
    "equity",
    "bond",
    "mixed",
    "money_market",
    "index",
    "qdii",
    "commodity",
];

pub(super) fn import(ctx: &mut Ctx<'_>) -> Result<FundsSummary> {
    let tx = ctx.tx;
    let cols = [
        req("fund_code"),
        req("name"),
        req("category"),
        opt("subcategory"),
        opt("risk_level"),
        req("expense_ratio"),
        req("inception_date"),
        opt("manager"),
        opt("company"),
        opt("aum"),
    ];
    let mut t = ctx.open("funds/funds.csv", &cols, true)?.expect("required");
    let extras = t.extra_columns();
    let mut funds: HashMap<String, u32> = HashMap::new();
    {
        let mut keys = Keys::new();
        let mut ins =
            tx.prepare("INSERT INTO funds VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")?;
        while t.next()? {
            let code = t.text("fund_code")?;
            keys.insert(code.clone(), &t, || format!("fund_code {code:?}"))?;
            let mut extra = serde_json::Map::new();
            for name in &extras {
                let v = t.extra(name);
                if v.is_empty() {
                    continue;
                }
                let value = match v.parse::<f64>() {
                    Ok(x) if x.is_finite() => serde_json::json!(x),
                    _ => serde_json::Value::String(v.to_string()),
                };
                extra.insert(name.clone(), value);
            }
            ins.execute(params![
                code,
                t.text("name")?,
                t.one_of("category", CATEGORIES)?,
                t.opt_text("subcategory"),
                t.opt_int("risk_level", Check::Closed(1.0, 5.0))?,
                t.num("expense_ratio", Check::NonNeg)?,
                iso(t.date("inception_date")?),
                t.opt_text("manager"),
                t.opt_text("company"),
                t.opt_num("aum", Check::NonNeg)?,
                (!extra.is_empty()).then(|| serde_json::Value::Object(extra).to_string())
            ])?;
            let n = funds.len() as u32;
            funds.insert(code, n);
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);

    let (mut rows, mut first, mut last) = (0u64, None::<Date>, None::<Date>);
    let mut with_nav = vec![false; funds.len()];
    if let Some(mut t) = ctx.open(
        "funds/fund_nav.csv",
        &[req("fund_code"), req("date"), req("nav"), req("adj_nav")],
        false,
    )? {
        let mut keys: Keys<(u32, Date)> = Keys::new();
        let mut ins = tx.prepare("INSERT INTO fund_nav VALUES (?1, ?2, ?3, ?4)")?;
        while t.next()? {
            let code = t.text("fund_code")?;
            let Some(&fi) = funds.get(&code) else {
                return Err(t
                    .err(
                        Some("fund_code"),
                        format!("unknown fund_code {code:?}: it is not in funds/funds.csv"),
                    )
                    .into());
            };
            let date = t.date("date")?;
            let nav = t.num("nav", Check::Pos)?;
            let adj = t.num("adj_nav", Check::Pos)?;
            keys.insert((fi, date), &t, || {
                format!("(fund_code, date) = ({code}, {})", iso(date))
            })?;
            ins.execute(params![code, iso(date), nav, adj])?;
            with_nav[fi as usize] = true;
            rows += 1;
            first = Some(first.map_or(date, |f| f.min(date)));
            last = Some(last.map_or(date, |l| l.max(date)));
            ctx.tick(&t);
        }
        ctx.finish(&t);
    }
    Ok(FundsSummary {
        funds: funds.len() as u64,
        funds_with_nav: with_nav.iter().filter(|b| **b).count() as u64,
        nav_rows: rows,
        nav_first: first.map(iso),
        as_of: last.map(iso),
    })
}
