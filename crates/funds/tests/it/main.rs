//! Integration tests of the fund engine: hand-checked metrics, screens, the filter syntax,
//! and the dev questions of ../shared/eval reproduced on the sample data (when present).

mod metrics;
mod sample;
mod screens;
mod syntax;

use abacus_core::Date;
use abacus_funds::{Config, FundInfo, FundInput, FundTable, Value};

pub(crate) fn d(s: &str) -> Date {
    abacus_core::date::parse_iso_date(s).unwrap_or_else(|| panic!("bad date {s}"))
}

/// A fund with the given code and category, default attributes and NAV rows.
pub(crate) fn fund(code: &str, category: &str, nav: &[(&str, f64)]) -> FundInput {
    FundInput {
        info: FundInfo {
            code: code.into(),
            name: format!("Fund {code}"),
            category: category.into(),
            expense_ratio: 0.01,
            inception: nav.first().map_or(d("2020-01-01"), |r| d(r.0)),
            ..FundInfo::default()
        },
        nav: nav.iter().map(|&(s, v)| (d(s), v)).collect(),
    }
}

pub(crate) fn table(funds: Vec<FundInput>) -> FundTable {
    FundTable::build(funds, Config::default()).expect("valid funds")
}

/// Fund `code`'s value of field `name`.
pub(crate) fn value(t: &FundTable, code: &str, name: &str) -> Value {
    let f = t.field(name).unwrap_or_else(|| panic!("no field {name}"));
    t.value(t.find(code).expect("fund"), f)
}

#[track_caller]
pub(crate) fn close(got: f64, want: f64, tol: f64) {
    let err = (got - want).abs() / want.abs().max(1e-300);
    assert!(
        err <= tol || got == want,
        "got {got:e}, want {want:e} (relative error {err:e})"
    );
}
