//! Screens and rankings: filters, ties broken by code, default directions, missing values,
//! inactive funds, comparisons and percentile ranks.

use abacus_funds::{
    parse_screen, Cell, Cond, Filter, FundInput, FundTable, Screen, SortKey, TextField,
};

use crate::{fund, table};

/// Eight funds ending 2025-06-30 (one inactive), given out of code order.
fn funds() -> FundTable {
    let mut out = Vec::new();
    // (code, category, risk, fee, aum, 1-year NAV ratio, a mid-year dip, manager)
    type Spec<'a> = (&'a str, &'a str, i64, f64, Option<f64>, f64, f64, &'a str);
    let spec: [Spec<'_>; 7] = [
        ("F05", "bond", 2, 0.004, Some(500.0), 1.03, 0.99, "Li Na"),
        ("F02", "bond", 1, 0.004, Some(900.0), 1.05, 0.98, "Wang Wei"),
        ("F07", "equity", 4, 0.012, None, 1.20, 0.80, "Zhang Wei"),
        ("F01", "bond", 2, 0.006, Some(900.0), 1.05, 0.97, "Li Ming"),
        (
            "F04",
            "equity",
            5,
            0.015,
            Some(3000.0),
            0.90,
            0.70,
            "Wang Fang",
        ),
        (
            "F03",
            "bond",
            3,
            0.004,
            Some(100.0),
            1.04,
            0.995,
            "Chen Jie",
        ),
        (
            "F06",
            "mixed",
            3,
            0.010,
            Some(2000.0),
            1.10,
            0.90,
            "Zhang Min",
        ),
    ];
    for (code, cat, risk, fee, aum, end, dip, manager) in spec {
        let mut f = fund(
            code,
            cat,
            &[
                ("2024-06-28", 1.0),
                ("2024-12-31", dip),
                ("2025-06-30", end),
            ],
        );
        f.info.risk_level = Some(risk);
        f.info.expense_ratio = fee;
        f.info.aum = aum;
        f.info.manager = Some(manager.into());
        out.push(f);
    }
    // Inactive: its NAV ends 31 days before the as-of date 2025-06-30; the best of all on paper.
    let mut old: FundInput = fund("F00", "bond", &[("2024-01-02", 1.0), ("2025-05-30", 2.0)]);
    old.info.expense_ratio = 0.0001;
    out.push(old);
    table(out)
}

fn ids(t: &FundTable, q: &str) -> Vec<String> {
    let s = parse_screen(t, q).unwrap_or_else(|e| panic!("{q}: {e}"));
    s.run(t)
        .funds
        .iter()
        .map(|&i| t.fund(i).code.clone())
        .collect()
}

#[test]
fn ties_at_the_cut_go_by_code() {
    let t = funds();
    // F02, F03 and F05 share the lowest fee; F03 < F05 by code.
    assert_eq!(ids(&t, "sort=expense_ratio limit=2"), ["F02", "F03"]);
    assert_eq!(
        ids(&t, "category=bond sort=expense_ratio"),
        ["F02", "F03", "F05", "F01"]
    );
    // AUM ties (F01, F02 at 900) after the filter; F07 has no AUM and is left out.
    assert_eq!(
        ids(&t, "sort=-aum,+risk_level"),
        ["F04", "F06", "F02", "F01", "F05", "F03"]
    );
    assert_eq!(
        ids(&t, "sort=-aum"),
        ["F04", "F06", "F01", "F02", "F05", "F03"]
    );
}

#[test]
fn default_directions_put_the_better_end_first() {
    let t = funds();
    assert_eq!(ids(&t, "sort=expense_ratio")[..3], ["F02", "F03", "F05"]);
    assert_eq!(ids(&t, "sort=risk_level")[..2], ["F02", "F01"]);
    assert_eq!(ids(&t, "sort=aum")[0], "F04");
    assert_eq!(ids(&t, "sort=return_1y")[..2], ["F07", "F06"]);
    assert_eq!(ids(&t, "sort=max_drawdown_1y")[..2], ["F03", "F05"]);
    assert_eq!(ids(&t, "sort=volatility_1y")[0], "F03");
    assert_eq!(ids(&t, "sort=+return_1y")[0], "F04");
    assert_eq!(ids(&t, "sort=-max_drawdown_1y")[0], "F04");
}

#[test]
fn filters_combine_and_inactive_funds_are_left_out() {
    let t = funds();
    assert_eq!(
        ids(
            &t,
            "category=bond risk_level<=2 return_1y>4% sort=-sharpe_1y"
        ),
        ["F02", "F01"]
    );
    assert_eq!(ids(&t, "risk_level=1..2"), ["F01", "F02", "F05"]);
    assert_eq!(ids(&t, "risk_level=1,3"), ["F02", "F03", "F06"]);
    assert_eq!(ids(&t, "manager~WEI"), ["F02", "F07"]);
    assert_eq!(
        ids(&t, "category=Bond,MIXED expense_ratio>=0.006"),
        ["F01", "F06"]
    );
    assert_eq!(
        ids(&t, "aum>0"),
        ["F01", "F02", "F03", "F04", "F05", "F06"],
        "no AUM: left out"
    );
    // The inactive fund is still found by code, but never screened.
    let f00 = t.find("F00").unwrap();
    assert!(!t.is_active(f00));
    assert!(!ids(&t, "expense_ratio<0.001").contains(&"F00".to_string()));
    assert_eq!(t.as_of(), Some(crate::d("2025-06-30")));
}

#[test]
fn empty_results_and_counts() {
    let t = funds();
    let s = parse_screen(&t, "category=equity return_1y>50%").unwrap();
    let r = s.run(&t);
    assert_eq!((r.matched, r.funds.len()), (0, 0));
    let r = parse_screen(&t, "category=bond limit=1 sort=aum")
        .unwrap()
        .run(&t);
    assert_eq!((r.matched, r.funds.len()), (4, 1));
    let columns = t.table(&r.funds, &r.fields).columns;
    assert_eq!(columns, ["fund_code", "name", "aum"]);
}

#[test]
fn typed_screens_work_without_the_syntax() {
    let t = funds();
    let fee = t.field("expense_ratio").unwrap();
    let screen = Screen {
        filters: vec![
            Filter::TextOneOf {
                field: TextField::Category,
                values: vec!["bond".into()],
            },
            Filter::Number {
                field: fee,
                cond: Cond::Between(0.004, 0.005),
            },
        ],
        sort: vec![SortKey {
            field: t.field("return_1y").unwrap(),
            order: None,
        }],
        limit: None,
    };
    let got: Vec<&str> = screen
        .run(&t)
        .funds
        .iter()
        .map(|&i| t.fund(i).code.as_str())
        .collect();
    assert_eq!(got, ["F02", "F03", "F05"]);
}

#[test]
fn compare_and_percentile() {
    let t = funds();
    let a = t.find("F04").unwrap();
    let b = t.find("fund f01").unwrap();
    let fields = [t.field("aum").unwrap(), t.field("return_3y").unwrap()];
    let tab = t.table(&[a, b], &fields);
    assert_eq!(tab.columns, ["fund_code", "name", "aum", "return_3y"]);
    assert_eq!(tab.rows[0][0], Cell::Text("F04".into()));
    assert!(matches!(tab.rows[1][2], Cell::Number { value, .. } if value == 900.0));
    assert_eq!(
        tab.rows[1][3],
        Cell::Undefined(abacus_funds::Undefined::NotEnoughHistory)
    );

    // Bond fees, active funds: 0.004 (F02, F03, F05), 0.006 (F01); lower is better.
    let fee = t.field("expense_ratio").unwrap();
    let p = t.percentile(b, fee).unwrap();
    assert_eq!((p.rank, p.peers, p.percentile), (4, 4, 0.0));
    let p = t.percentile(t.find("F03").unwrap(), fee).unwrap();
    assert_eq!((p.rank, p.peers), (1, 4));
    assert_eq!(p.percentile, 100.0);
    let p = t.percentile(t.find("F06").unwrap(), fee).unwrap();
    assert_eq!((p.rank, p.peers, p.percentile), (1, 1, 100.0));
    assert!(t
        .percentile(t.find("F07").unwrap(), t.field("aum").unwrap())
        .is_none());
}

#[test]
fn fund_references() {
    let t = funds();
    assert_eq!(
        t.find("f05").map(|i| t.fund(i).code.clone()),
        Ok("F05".into())
    );
    assert_eq!(
        t.find("Fund F06").map(|i| t.fund(i).code.clone()),
        Ok("F06".into())
    );
    assert!(matches!(
        t.find("Fund F0"),
        Err(abacus_funds::Error::AmbiguousFund { .. })
    ));
    assert!(matches!(
        t.find("F99"),
        Err(abacus_funds::Error::UnknownFund(_))
    ));
    assert!(matches!(
        t.find(""),
        Err(abacus_funds::Error::UnknownFund(_))
    ));
}

#[test]
fn ambiguity_lists_a_few_candidates() {
    let many: Vec<FundInput> = (0..25)
        .map(|i| fund(&format!("G{i:02}"), "bond", &[]))
        .collect();
    let e = table(many).find("fund").unwrap_err().to_string();
    assert!(
        e.starts_with("\"fund\" matches several funds: G00 (Fund G00), G01 (Fund G01)"),
        "{e}"
    );
    assert!(e.ends_with("G09 (Fund G09), and 15 more"), "{e}");
}
