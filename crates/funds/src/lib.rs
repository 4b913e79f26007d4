//! Fund engine: exact metrics from NAV histories, screening, ranking and comparison (see metrics.md).
//!
//! Data in, numbers out, no IO. Build a [`FundTable`] once from every fund's attributes and
//! NAV history ([`FundTable::build`]); it precomputes every metric of metrics.md for every fund
//! (in parallel), and then answers single metrics ([`FundTable::value`]), screens and rankings
//! ([`Screen`]), side-by-side comparisons ([`FundTable::table`]) and percentile ranks within a
//! category ([`FundTable::percentile`]). The rf-independent part of the work, [`NavStats`], can be
//! cached as bytes ([`encode_stats`] / [`decode_stats`]) so the NAV history is read once per import.
//!
//! # Metrics
//!
//! `return_total_{k}y`, `return_{k}y`, `volatility_{k}y`, `sharpe_{k}y`, `sortino_{k}y`,
//! `max_drawdown_{k}y`, `calmar_{k}y` for k = 1, 3, 5; `return_ytd`, `return_total_since_inception`
//! and `return_since_inception`. A value that cannot be computed is an [`Undefined`] with the reason.
//! Fields besides metrics: `risk_level`, `expense_ratio`, `aum` and every extra numeric column of
//! `funds.csv`; text fields `fund_code`, `name`, `category`, `subcategory`, `manager`, `company`
//! and every extra text column.
//!
//! # Filter syntax
//!
//! [`parse_screen`] reads a screen from whitespace-separated terms, all of which must hold:
//!
//! | term | meaning |
//! |---|---|
//! | `field>v`, `field>=v`, `field<v`, `field<=v`, `field=v` | numeric comparison; `v` may end in `%` (`4%` = 0.04) |
//! | `field=a..b` | numeric range, both ends included |
//! | `field=a,b,c` | numeric field equal to one of the values (e.g. `risk_level=1,2`) |
//! | `text=a,b` | text field equal to one of the values, case-insensitive (e.g. `category=bond,mixed`) |
//! | `text~word` | text field contains `word`, case-insensitive (e.g. `name~dividend`) |
//! | `sort=k1,-k2,+k3` | sort keys in order; `-` descending, `+` ascending, no sign: the better end first (lower first for drawdown, volatility, fees and risk level, higher first otherwise); ties by fund code |
//! | `limit=N` | keep the first N rows (`top=N` too) |
//!
//! Values with spaces are quoted: `manager~"zhang wei"`. Field names are case-insensitive.
//! A fund with no value for a filtered or sorted field is left out; inactive funds (NAV ending more
//! than 30 days before the funds' as-of date) are never screened.
//! Example: `category=bond risk_level<=2 return_3y>4% expense_ratio<0.005 sort=-sharpe_3y limit=10`.

mod codec;
mod input;
mod metric;
mod nav;
mod report;
mod screen;
mod syntax;
mod table;

pub use codec::{decode_stats, encode_stats};
pub use input::{FundInfo, FundInput};
pub use metric::{Better, Kind, Metric, Unit, Window};
pub use nav::{nav_stats, window_start, NavStats, WindowStats, TRADING_DAYS};
pub use report::{Cell, Percentile, Table};
pub use screen::{Cond, Filter, Order, Screen, ScreenResult, SortKey};
pub use syntax::parse_screen;
pub use table::{Config, FieldDef, FieldId, FieldSource, FundTable, TextField};

use std::fmt;

/// Why a value is undefined (metrics.md: the answer is null and says why).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Undefined {
    /// The NAV history does not reach back to the window's start.
    NotEnoughHistory,
    /// Volatility is zero (a constant NAV), so a ratio over it has no value.
    ZeroVolatility,
    /// No daily return was negative, so the downside deviation is zero.
    ZeroDownside,
    /// The NAV never fell in the window, so the maximum drawdown is zero.
    ZeroDrawdown,
    /// No NAV history and no value for it in `funds.csv`.
    NoData,
    /// The computation overflowed or the data held a non-finite number.
    NotFinite,
}

impl fmt::Display for Undefined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Undefined::NotEnoughHistory => "not enough history",
            Undefined::ZeroVolatility => "volatility is zero",
            Undefined::ZeroDownside => "no negative daily return (downside deviation is zero)",
            Undefined::ZeroDrawdown => "no drawdown in the window",
            Undefined::NoData => "no value in the data",
            Undefined::NotFinite => "not a finite number",
        })
    }
}

/// A field's value for one fund: a number, or the reason there is none.
pub type Value = std::result::Result<f64, Undefined>;

/// Errors of the fund engine. `BadNav`, `DuplicateFund` and `Cache` are about the data given;
/// the rest are about a request (a fund reference, a field name, a filter).
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Error {
    #[error("fund {code}: {message}")]
    BadNav { code: String, message: String },
    #[error("fund code {0} appears more than once")]
    DuplicateFund(String),
    #[error("the metric cache does not fit these funds: {0}")]
    Cache(String),
    #[error("no fund matches {0:?}")]
    UnknownFund(String),
    #[error("{query:?} matches several funds: {}", list_funds(.candidates))]
    AmbiguousFund {
        query: String,
        candidates: Vec<(String, String)>,
    },
    #[error("unknown field {name:?}; {allowed}")]
    UnknownField { name: String, allowed: String },
    #[error("bad filter term `{token}`: {message}")]
    Filter { token: String, message: String },
}

fn list_funds(c: &[(String, String)]) -> String {
    let mut out: Vec<String> = c
        .iter()
        .take(10)
        .map(|(code, name)| format!("{code} ({name})"))
        .collect();
    if c.len() > 10 {
        out.push(format!("and {} more", c.len() - 10));
    }
    out.join(", ")
}

/// The engine's result type.
pub type Result<T> = std::result::Result<T, Error>;
