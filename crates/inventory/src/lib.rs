//! Inventory engine: textbook policies (EOQ family, newsvendor, (r, Q), (s, S),
//! base-stock, safety stock, lot sizing) and the per SKU×location replenishment
//! plan of `spec/metrics.md` with stock-out risk and what-ifs.
//!
//! Pure library: data in, numbers out, no IO. Every public function validates its
//! parameters and answers an [`Error`] rather than a panic or a NaN.

pub mod classic;
pub mod demand;
pub mod dist;
pub mod finite;
pub mod gsm;
pub mod lotsize;
pub mod plan;
pub mod policy;
pub mod risk;
pub mod rq;
pub mod serial;
pub mod series;
pub mod ss;
pub mod whatif;

pub use plan::{
    plan_all, plan_line, Excess, ItemParams, LeadTime, OpenPo, Order, Plan, PlanInput, PlanLine,
    PlanSettings, Problem,
};
pub use risk::RiskMethod;
pub use whatif::{what_if, Edit, LineChange, Scope};

/// Everything that can go wrong in this crate; all are caller (input) errors.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A parameter outside its allowed range (or not a finite number).
    #[error("{name} must be {rule}; got {value}")]
    Param {
        name: &'static str,
        rule: &'static str,
        value: f64,
    },
    /// A series with no sales history to forecast from.
    #[error("no sales history for {0}")]
    NoHistory(String),
    /// A model without a finite solution for these parameters.
    #[error("{0}")]
    Infeasible(String),
    /// Dataset rows that do not fit together (an unknown item or supplier).
    #[error("{0}")]
    Data(String),
    /// The forecasting engine refused the series.
    #[error("forecast: {0}")]
    Forecast(#[from] abacus_forecast::Error),
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Checks `value > 0` (and finite).
pub(crate) fn positive(name: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(Error::Param {
            name,
            rule: "a finite number > 0",
            value,
        })
    }
}

/// Checks `value ≥ 0` (and finite).
pub(crate) fn non_negative(name: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(Error::Param {
            name,
            rule: "a finite number ≥ 0",
            value,
        })
    }
}

/// Checks `0 < value < 1`.
pub(crate) fn probability(name: &'static str, value: f64) -> Result<f64> {
    if value > 0.0 && value < 1.0 {
        Ok(value)
    } else {
        Err(Error::Param {
            name,
            rule: "strictly between 0 and 1",
            value,
        })
    }
}
