//! The fund part of the demo: a universe of funds across categories, with daily
//! NAV histories driven by shared market factors, distributions (NAV drops,
//! adjusted NAV does not), young funds, liquidated funds, and a few funds known
//! only by metric columns.

use std::path::Path;

use abacus_core::date::iso;
use abacus_core::Date;
use chrono::{Datelike, Duration, Weekday};
use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

use crate::{as_of, num, Out, Result, Stats};

/// (category, name word, annual drift, annual volatility, market beta, risk levels, expense ratio range)
const KINDS: &[(&str, &str, f64, f64, f64, (i64, i64), (f64, f64))] = &[
    ("equity", "Equity", 0.07, 0.24, 1.0, (4, 5), (0.012, 0.015)),
    ("mixed", "Mixed", 0.055, 0.16, 0.65, (3, 4), (0.008, 0.015)),
    ("bond", "Bond", 0.035, 0.025, 0.02, (1, 2), (0.002, 0.006)),
    (
        "money_market",
        "Money Market",
        0.018,
        0.0,
        0.0,
        (1, 1),
        (0.0015, 0.0033),
    ),
    ("index", "Index", 0.06, 0.21, 1.0, (4, 4), (0.0015, 0.006)),
    ("qdii", "QDII", 0.08, 0.22, 0.4, (4, 5), (0.008, 0.016)),
    (
        "commodity",
        "Commodity",
        0.03,
        0.17,
        0.2,
        (3, 4),
        (0.005, 0.01),
    ),
];

const THEMES: &[&str] = &[
    "Blue Chip",
    "Consumer Upgrade",
    "Healthcare Innovation",
    "New Energy",
    "Dividend",
    "Technology Growth",
    "Value Select",
    "Flexible Allocation",
    "Stable Income",
    "Short-term Bond",
    "Enhanced Yield",
    "CSI 300",
    "CSI 500",
    "ChiNext",
    "Global Internet",
    "Nasdaq 100",
    "Gold",
    "Nonferrous Metals",
    "Low Volatility",
    "Quality",
];

const COMPANIES: &[&str] = &[
    "Jade River",
    "Silver Pine",
    "East Harbor",
    "Great Wall Peak",
    "Lotus Capital",
    "North Star",
    "Pearl Bay",
    "Crimson Sail",
    "Golden Bridge",
    "Cloud Summit",
    "Azure Sea",
    "Evergreen Grove",
];

const SURNAMES: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu",
    "Zhu", "Gao", "Lin",
];
const GIVEN: &[&str] = &[
    "Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Tao", "Hui", "Qiang", "Ning", "Bo", "Xin", "Hao",
    "Ying", "Jun", "Lu",
];

/// Trading days: weekdays outside the Chinese New Year week and the first week of October.
fn trading_day(d: Date) -> bool {
    if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        return false;
    }
    if d.month() == 10 && d.day() <= 7 {
        return false;
    }
    if let Some(cny) = abacus_core::calendar::chinese_new_year(d.year()) {
        let k = (d - cny).num_days();
        if (-1..=5).contains(&k) {
            return false;
        }
    }
    true
}

pub(crate) fn write(dir: &Path, scale: u32, rng: &mut ChaCha8Rng, stats: &mut Stats) -> Result<()> {
    let as_of = as_of();
    let first_day =
        Date::from_ymd_opt(as_of.year() - 10, as_of.month(), as_of.day()).expect("valid");
    let days: Vec<Date> = (0..=(as_of - first_day).num_days())
        .map(|k| first_day + Duration::days(k))
        .filter(|d| trading_day(*d))
        .collect();
    // Shared market factors: one for equities, one for rates; with a 2024-style drawdown.
    let mut equity = Vec::with_capacity(days.len());
    let mut rates = Vec::with_capacity(days.len());
    for d in &days {
        let stress = if d.year() == 2024 && d.month() <= 2 {
            -0.004
        } else {
            0.0
        };
        let z: f64 = StandardNormal.sample(rng);
        equity.push(0.0003 + stress + 0.012 * z);
        let z: f64 = StandardNormal.sample(rng);
        rates.push(0.0001 + 0.001 * z);
    }

    let n = 200 * scale as usize;
    let width = if n > 9999 { 5 } else { 4 };
    let mut funds = Out::create(
        dir,
        "funds.csv",
        &[
            "fund_code",
            "name",
            "category",
            "subcategory",
            "risk_level",
            "expense_ratio",
            "inception_date",
            "manager",
            "company",
            "aum",
            "min_purchase",
            "return_1y",
            "return_3y",
            "volatility_3y",
            "max_drawdown_3y",
        ],
    )?;
    let mut nav_out = Out::create(
        dir,
        "fund_nav.csv",
        &["fund_code", "date", "nav", "adj_nav"],
    )?;
    let mut nav_rows = 0;
    for i in 0..n {
        let code = format!("F{:0width$}", i + 1);
        let kind = &KINDS[match rng.random_range(0..100) {
            0..=29 => 0,
            30..=49 => 1,
            50..=67 => 2,
            68..=74 => 3,
            75..=87 => 4,
            88..=94 => 5,
            _ => 6,
        }];
        let theme = *THEMES.choose(rng).expect("non-empty");
        let company = *COMPANIES.choose(rng).expect("non-empty");
        let name = format!("{company} {theme} {}", kind.1);
        let managers = if rng.random_bool(0.25) { 2 } else { 1 };
        let manager: Vec<String> = (0..managers)
            .map(|_| {
                format!(
                    "{} {}",
                    SURNAMES.choose(rng).expect("non-empty"),
                    GIVEN.choose(rng).expect("non-empty")
                )
            })
            .collect();
        let risk = rng.random_range(kind.5 .0..=kind.5 .1);
        let fee = (rng.random_range(kind.6 .0..=kind.6 .1) * 10000.0).round() / 10000.0;
        let inception = as_of - Duration::days(rng.random_range(60..(365 * 12)));
        // 4% liquidated: NAV stops months before the as-of date; 4% have no NAV history at all.
        let roll = rng.random_range(0..100);
        let end = if roll < 4 {
            as_of - Duration::days(rng.random_range(45..400))
        } else {
            as_of
        };
        let no_history = (4..8).contains(&roll);
        let distributes = rng.random_bool(0.2) && kind.0 != "money_market";
        let (drift, vol, beta) = (
            kind.2 + rng.random_range(-0.03..0.03),
            kind.3 * rng.random_range(0.7..1.3),
            kind.4,
        );
        let idio = (vol * vol - (beta * 0.012 * 252f64.sqrt()).powi(2))
            .max(vol * vol * 0.15)
            .sqrt()
            / 252f64.sqrt();
        let (mut nav, mut adj) = (1.0f64, 1.0f64);
        let mut written = Vec::new();
        if !no_history {
            for (k, d) in days.iter().enumerate() {
                if *d < inception || *d > end {
                    continue;
                }
                if !written.is_empty() {
                    let z: f64 = StandardNormal.sample(rng);
                    let r = if kind.0 == "money_market" {
                        0.0
                    } else {
                        drift / 252.0
                            + beta * (equity[k] - 0.0003)
                            + if kind.0 == "bond" { rates[k] } else { 0.0 }
                            + idio * z
                    };
                    let r = r.max(-0.095);
                    adj *= 1.0 + r;
                    nav *= 1.0 + r;
                    if kind.0 == "money_market" {
                        // Money-market funds keep NAV at 1 and accrue income in the adjusted NAV.
                        adj *= 1.0 + drift / 365.0 * 1.4;
                    } else if distributes
                        && d.month() == 12
                        && d.day() >= 15
                        && d.day() <= 19
                        && d.weekday() == Weekday::Mon
                    {
                        nav *= 1.0 - rng.random_range(0.02..0.06);
                    }
                }
                nav_out.row([
                    code.as_str(),
                    iso(*d).as_str(),
                    num(nav, 4).as_str(),
                    num(adj, 6).as_str(),
                ])?;
                written.push(adj);
                nav_rows += 1;
            }
        }
        // Funds without NAV history carry metric columns instead.
        let metric = |x: f64| num(x, 4);
        let (r1, r3, v3, dd3) = if no_history {
            (
                metric(drift + rng.random_range(-0.1..0.1)),
                metric(drift + rng.random_range(-0.04..0.04)),
                metric(vol),
                metric(vol * rng.random_range(0.5..1.5)),
            )
        } else {
            Default::default()
        };
        funds.row([
            code.clone(),
            name,
            kind.0.to_string(),
            theme.to_string(),
            risk.to_string(),
            num(fee, 4),
            iso(inception),
            manager.join(", "),
            format!("{company} Fund Management Co., Ltd."),
            num(
                (rng.random_range(2.0f64..9.5)).exp().round() / 10.0 * 10.0,
                1,
            ),
            [10, 100, 1000].choose(rng).expect("non-empty").to_string(),
            r1,
            r3,
            v3,
            dd3,
        ])?;
    }
    funds.finish()?;
    nav_out.finish()?;
    stats.funds = n;
    stats.nav_rows = nav_rows;
    Ok(())
}
