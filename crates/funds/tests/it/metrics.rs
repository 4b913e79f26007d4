//! Metrics on tiny NAV series, against figures computed by hand in expected.py.

use abacus_funds::{Config, FundTable, Undefined, Window};

use crate::{close, d, fund, table, value};

/// Fund T1 ends on 29 February 2024, so its 1-year window starts on 28 February 2023.
const T1: [(&str, f64); 8] = [
    ("2022-12-30", 1.00),
    ("2023-02-27", 1.02),
    ("2023-02-28", 1.05),
    ("2023-03-01", 1.01),
    ("2023-06-30", 1.10),
    ("2023-12-29", 1.08),
    ("2024-01-15", 0.99),
    ("2024-02-29", 1.12),
];

#[test]
fn one_year_window_from_a_leap_day() {
    let t = table(vec![fund("T1", "equity", &T1)]);
    let v = |name| value(&t, "T1", name).unwrap_or_else(|u| panic!("{name}: {u}"));
    close(v("return_total_1y"), 0.06666666666666665, 1e-12);
    close(v("return_1y"), 0.0664785928414433, 1e-12);
    close(v("volatility_1y"), 1.4331898765156552, 1e-12);
    close(v("sharpe_1y"), 0.04638505611207974, 1e-12);
    close(v("sortino_1y"), 0.10024257719485342, 1e-12);
    close(v("max_drawdown_1y"), 0.10000000000000009, 1e-12);
    close(v("calmar_1y"), 0.6647859284144325, 1e-12);
    close(v("return_ytd"), 0.03703703703703698, 1e-12);
    close(v("return_total_since_inception"), 0.1200000000000001, 1e-12);
    close(v("return_since_inception"), 0.10197152263339393, 1e-12);

    let w = t.window(0, Window::Years(1)).unwrap();
    assert_eq!(
        (w.start, w.end, w.returns),
        (d("2023-02-28"), d("2024-02-29"), 5)
    );
    assert_eq!((w.peak, w.trough), (d("2023-06-30"), d("2024-01-15")));
    assert_eq!(t.window(0, Window::Ytd).unwrap().start, d("2023-12-29"));
    for name in [
        "return_3y",
        "volatility_3y",
        "sharpe_5y",
        "max_drawdown_5y",
        "calmar_3y",
    ] {
        assert_eq!(
            value(&t, "T1", name),
            Err(Undefined::NotEnoughHistory),
            "{name}"
        );
    }
}

#[test]
fn risk_free_rate_enters_sharpe() {
    let config = Config {
        risk_free_rate: 0.02,
        ..Config::default()
    };
    let t = FundTable::build(vec![fund("T1", "equity", &T1)], config).unwrap();
    close(
        value(&t, "T1", "sharpe_1y").unwrap(),
        0.032430171049241015,
        1e-12,
    );
    close(
        value(&t, "T1", "return_1y").unwrap(),
        0.0664785928414433,
        1e-12,
    );
}

/// T2 paid a distribution on 2025-06-02: its unit NAV fell from 1.30 to 1.10 but `adj_nav`
/// (reinvested) rose, so there is no drawdown and no negative daily return.
#[test]
fn only_adj_nav_counts_across_a_distribution() {
    let rows = "date,nav,adj_nav\n2024-05-31,1.00,1.00\n2025-05-30,1.30,1.25\n2025-06-02,1.10,1.26\n2025-06-03,1.11,1.27\n";
    let mut r = csv::Reader::from_reader(rows.as_bytes());
    let nav: Vec<(String, f64)> = r
        .records()
        .map(|rec| rec.unwrap())
        .map(|rec| (rec[0].to_string(), rec[2].parse().unwrap()))
        .collect();
    let nav: Vec<(&str, f64)> = nav.iter().map(|(s, v)| (s.as_str(), *v)).collect();
    let t = table(vec![fund("T2", "equity", &nav)]);
    close(value(&t, "T2", "return_total_1y").unwrap(), 0.27, 1e-12);
    close(
        value(&t, "T2", "return_1y").unwrap(),
        0.2675278050044203,
        1e-12,
    );
    close(
        value(&t, "T2", "volatility_1y").unwrap(),
        2.2182576507905942,
        1e-12,
    );
    close(
        value(&t, "T2", "sharpe_1y").unwrap(),
        0.12060267431471386,
        1e-12,
    );
    assert_eq!(value(&t, "T2", "max_drawdown_1y"), Ok(0.0));
    assert_eq!(value(&t, "T2", "sortino_1y"), Err(Undefined::ZeroDownside));
    assert_eq!(value(&t, "T2", "calmar_1y"), Err(Undefined::ZeroDrawdown));
    assert_eq!(
        t.window(0, Window::Years(1)).unwrap().start,
        d("2024-05-31")
    );
}

#[test]
fn flat_nav_has_zero_volatility_and_no_sharpe() {
    let nav: Vec<(String, f64)> = (0..800)
        .map(|i| {
            (
                abacus_core::date::iso(d("2023-01-02") + chrono::Days::new(i)),
                1.0,
            )
        })
        .collect();
    let nav: Vec<(&str, f64)> = nav.iter().map(|(s, v)| (s.as_str(), *v)).collect();
    let t = table(vec![fund("MM", "money_market", &nav)]);
    assert_eq!(value(&t, "MM", "volatility_1y"), Ok(0.0));
    assert_eq!(value(&t, "MM", "return_1y"), Ok(0.0));
    assert_eq!(value(&t, "MM", "max_drawdown_1y"), Ok(0.0));
    assert_eq!(value(&t, "MM", "sharpe_1y"), Err(Undefined::ZeroVolatility));
    assert_eq!(value(&t, "MM", "sortino_1y"), Err(Undefined::ZeroDownside));
    assert_eq!(value(&t, "MM", "calmar_1y"), Err(Undefined::ZeroDrawdown));
    assert_eq!(
        value(&t, "MM", "volatility_3y"),
        Err(Undefined::NotEnoughHistory)
    );
    assert_eq!(
        Undefined::NotEnoughHistory.to_string(),
        "not enough history"
    );
}

#[test]
fn fund_younger_than_the_window_is_undefined() {
    // The 1-year window of a fund ending 2025-06-30 starts 2024-06-30; its first NAV is a day later.
    let t = table(vec![fund(
        "Y",
        "bond",
        &[
            ("2024-07-01", 1.0),
            ("2025-01-02", 1.01),
            ("2025-06-30", 1.03),
        ],
    )]);
    assert_eq!(
        value(&t, "Y", "return_1y"),
        Err(Undefined::NotEnoughHistory)
    );
    assert_eq!(
        value(&t, "Y", "return_total_1y"),
        Err(Undefined::NotEnoughHistory)
    );
    close(
        value(&t, "Y", "return_total_since_inception").unwrap(),
        0.03,
        1e-12,
    );
    // 364 days from 2024-07-01 to 2025-06-30.
    close(
        value(&t, "Y", "return_since_inception").unwrap(),
        1.03_f64.powf(365.0 / 364.0) - 1.0,
        1e-12,
    );
    // YTD from 2024's last NAV date (2024-07-01) with no row on 2024-12-31.
    close(value(&t, "Y", "return_ytd").unwrap(), 0.03, 1e-12);
    // A history that starts exactly on the window's start date is enough.
    let t = table(vec![fund(
        "Z",
        "bond",
        &[("2024-06-30", 1.0), ("2025-06-30", 1.1)],
    )]);
    close(value(&t, "Z", "return_1y").unwrap(), 0.1, 1e-12);
    assert_eq!(
        value(&t, "Z", "volatility_1y"),
        Err(Undefined::NotEnoughHistory),
        "one daily return has no sample sd"
    );
}

#[test]
fn funds_without_nav_use_metric_columns() {
    let mut a = fund("A", "bond", &[]);
    a.info.numeric.insert("return_3y".into(), 0.05);
    a.info.numeric.insert("min_purchase".into(), 10.0);
    let mut b = fund("B", "bond", &[("2024-06-28", 1.0), ("2025-06-30", 1.02)]);
    b.info.numeric.insert("return_1y".into(), 0.5); // ignored: computed metrics win
    let t = table(vec![a, b]);
    assert_eq!(value(&t, "A", "return_3y"), Ok(0.05));
    assert_eq!(value(&t, "A", "sharpe_3y"), Err(Undefined::NoData));
    assert_eq!(value(&t, "A", "min_purchase"), Ok(10.0));
    assert_eq!(value(&t, "B", "min_purchase"), Err(Undefined::NoData));
    close(value(&t, "B", "return_total_1y").unwrap(), 0.02, 1e-12);
    assert!(t.is_active(0), "a fund without NAV is not inactive");
}

#[test]
fn bad_nav_is_refused() {
    let e = FundTable::build(
        vec![fund(
            "X",
            "bond",
            &[("2024-01-02", 1.0), ("2024-01-02", 1.1)],
        )],
        Config::default(),
    );
    assert!(matches!(e, Err(abacus_funds::Error::BadNav { .. })));
    let e = FundTable::build(
        vec![fund("X", "bond", &[("2024-01-02", 0.0)])],
        Config::default(),
    );
    assert!(matches!(e, Err(abacus_funds::Error::BadNav { .. })));
    let e = FundTable::build(
        vec![fund("X", "bond", &[]), fund("X", "bond", &[])],
        Config::default(),
    );
    assert_eq!(
        e.err(),
        Some(abacus_funds::Error::DuplicateFund("X".into()))
    );
}

#[test]
fn windows_and_metrics_outside_the_spec_are_absent_not_panics() {
    use abacus_funds::{Kind, Metric};
    let t = table(vec![fund("T1", "equity", &T1)]);
    assert!(t.window(0, Window::Years(2)).is_none());
    assert!(t
        .metric_field(Metric {
            kind: Kind::Sharpe,
            window: Window::Ytd
        })
        .is_none());
    let m = Metric {
        kind: Kind::MaxDrawdown,
        window: Window::Years(1),
    };
    assert_eq!(t.metric_field(m), t.field("max_drawdown_1y"));
    assert!(t.field("volatility_since_inception").is_none());
}
