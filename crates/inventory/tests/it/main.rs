//! Integration tests of the inventory engine: every textbook case of
//! `shared/reference/stockpyl_cases.json`, hand-checked policy figures,
//! replenishment rounding, risk against brute-force simulation, bad inputs
//! and what-ifs.

mod bad_input;
mod demand;
mod plan;
mod policy;
mod risk;
mod series;
mod stockpyl;
mod whatif;

/// Asserts `actual` is within relative `tol` of `expected`.
#[track_caller]
pub(crate) fn close(actual: f64, expected: f64, tol: f64) {
    let scale = expected.abs().max(1e-12);
    assert!(
        ((actual - expected) / scale).abs() <= tol,
        "expected {expected}, got {actual} (relative error {:e})",
        ((actual - expected) / scale).abs()
    );
}
