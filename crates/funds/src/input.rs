//! What the engine is given: each fund's attributes from `funds.csv` and its NAV history.

use std::collections::BTreeMap;

use abacus_core::Date;

use crate::{Error, Result};

/// One fund's attributes (a row of `funds.csv`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FundInfo {
    pub code: String,
    pub name: String,
    pub category: String,
    pub subcategory: Option<String>,
    /// 1 (lowest) to 5.
    pub risk_level: Option<i64>,
    /// Annual fraction, e.g. 0.0075.
    pub expense_ratio: f64,
    pub inception: Date,
    pub manager: Option<String>,
    pub company: Option<String>,
    /// Assets under management, millions.
    pub aum: Option<f64>,
    /// Extra numeric columns by name. A column named like a metric (`return_3y`) is that
    /// metric's value for a fund without NAV history; any other can be filtered and sorted on.
    pub numeric: BTreeMap<String, f64>,
    /// Extra text columns by name.
    pub text: BTreeMap<String, String>,
}

/// A fund with its NAV history as `(date, adj_nav)` rows, oldest first.
/// Only `adj_nav` (distributions reinvested) enters the metrics.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FundInput {
    pub info: FundInfo,
    pub nav: Vec<(Date, f64)>,
}

impl FundInput {
    /// Checks that the NAV rows are in strictly increasing date order with finite, positive values.
    pub fn validate(&self) -> Result<()> {
        let bad = |message: String| Error::BadNav {
            code: self.info.code.clone(),
            message,
        };
        for (i, &(date, v)) in self.nav.iter().enumerate() {
            if !(v.is_finite() && v > 0.0) {
                return Err(bad(format!(
                    "adj_nav {v} on {date} is not a positive number"
                )));
            }
            if i > 0 && self.nav[i - 1].0 >= date {
                return Err(bad(format!(
                    "NAV dates are not strictly increasing at {date}"
                )));
            }
        }
        Ok(())
    }
}
