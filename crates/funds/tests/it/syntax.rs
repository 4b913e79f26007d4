//! The CLI filter syntax: what it accepts and the messages for what it does not.

use abacus_funds::{parse_screen, Cond, Error, Filter, FundTable, Order, SortKey, TextField};

use crate::{fund, table};

fn t() -> FundTable {
    let mut a = fund("A1", "bond", &[("2024-01-02", 1.0), ("2025-01-02", 1.1)]);
    a.info.numeric.insert("min_purchase".into(), 10.0);
    a.info.text.insert("share_class".into(), "A".into());
    table(vec![a, fund("B1", "equity", &[])])
}

fn err(q: &str) -> String {
    match parse_screen(&t(), q) {
        Ok(s) => panic!("{q:?} parsed as {s:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn accepted_terms() {
    let t = t();
    let s = parse_screen(&t, "  category=bond  RISK_LEVEL<=2 return_3y>4% expense_ratio<0.005 aum=100..2e3 \
         min_purchase=10,100 name~\"pure bond\" share_class=a sort=-sharpe_3y,+aum,return_1y limit=10")
    .unwrap();
    let f = |n: &str| t.field(n).unwrap();
    assert_eq!(
        s.filters,
        vec![
            Filter::TextOneOf {
                field: TextField::Category,
                values: vec!["bond".into()]
            },
            Filter::Number {
                field: f("risk_level"),
                cond: Cond::Le(2.0)
            },
            Filter::Number {
                field: f("return_3y"),
                cond: Cond::Gt(0.04)
            },
            Filter::Number {
                field: f("expense_ratio"),
                cond: Cond::Lt(0.005)
            },
            Filter::Number {
                field: f("aum"),
                cond: Cond::Between(100.0, 2000.0)
            },
            Filter::Number {
                field: f("min_purchase"),
                cond: Cond::OneOf(vec![10.0, 100.0])
            },
            Filter::TextContains {
                field: TextField::Name,
                needle: "pure bond".into()
            },
            Filter::TextOneOf {
                field: TextField::Extra("share_class".into()),
                values: vec!["a".into()]
            },
        ]
    );
    assert_eq!(
        s.sort,
        vec![
            SortKey {
                field: f("sharpe_3y"),
                order: Some(Order::Descending)
            },
            SortKey {
                field: f("aum"),
                order: Some(Order::Ascending)
            },
            SortKey {
                field: f("return_1y"),
                order: None
            },
        ]
    );
    assert_eq!(s.limit, Some(10));
    assert_eq!(parse_screen(&t, "").unwrap(), Default::default());
    let s = parse_screen(&t, "top=3 return_ytd>=-5% risk_level==3").unwrap();
    assert_eq!(s.limit, Some(3));
    assert_eq!(
        s.filters[0],
        Filter::Number {
            field: f("return_ytd"),
            cond: Cond::Ge(-0.05)
        }
    );
    assert_eq!(
        s.filters[1],
        Filter::Number {
            field: f("risk_level"),
            cond: Cond::Eq(3.0)
        }
    );
}

#[test]
fn errors_name_the_term_and_the_allowed_fields() {
    let e = err("category=bond sharp_3y>1");
    assert!(e.contains("unknown field \"sharp_3y\""), "{e}");
    assert!(
        e.contains("sharpe_3y") && e.contains("min_purchase") && e.contains("manager"),
        "{e}"
    );
    assert_eq!(
        err("return_3y>abc"),
        "bad filter term `return_3y>abc`: `abc` is not a number"
    );
    assert_eq!(
        err("return_3y>"),
        "bad filter term `return_3y>`: no value after `>`"
    );
    assert!(err("return_3y").starts_with("bad filter term `return_3y`: expected FIELD OP VALUE"));
    assert!(err(">5").starts_with("bad filter term `>5`: expected"));
    assert!(err("return_3y~5").contains("`~` (contains) applies to text fields"));
    assert!(
        err("name<abc").contains("text field `name` takes `=` (one of) or `~` (contains), not `<`")
    );
    assert!(
        err("category=bonds").contains("no fund has category `bonds`; categories: bond, equity")
    );
    assert!(err("aum=5..1").contains("the range 5..1 is empty"));
    assert!(err("limit=ten").contains("`ten` is not a whole number"));
    assert!(err("limit>3").contains("`limit` takes `=`"));
    assert!(err("limit=1 top=2").contains("the limit is given twice"));
    assert!(err("sort=name").contains("cannot sort by `name`"));
    assert!(err("sort=-").contains("an empty sort key"));
    assert!(err("sort=aum sort=risk_level").contains("sort is given twice"));
    assert!(err("name~\"pure bond").contains("the quote is never closed"));
    assert!(err("return_3y>inf").contains("is not a number"));
    assert!(matches!(
        parse_screen(&t(), "x=1"),
        Err(Error::UnknownField { .. })
    ));
}

#[test]
fn garbage_never_panics() {
    let t = t();
    for q in [
        "=",
        "==",
        "~",
        "%",
        "a=",
        "aum=..",
        "aum=1..",
        "aum=,",
        "aum=%",
        "aum>%5",
        "sort=,",
        "limit=-1",
        "\"",
        "'''",
        "名称~基金",
        "收益>1",
        "return_3y>1e400",
        "aum=1,,2",
        "risk_level=\u{202e}2",
        "limit=99999999999999999999999",
    ] {
        let _ = parse_screen(&t, q);
    }
}
