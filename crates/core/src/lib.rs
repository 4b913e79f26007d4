//! Types and helpers shared by every Abacus crate: strict ISO dates, a stable
//! content hash for fingerprints, and the built-in Chinese retail event calendar.

pub mod calendar;
pub mod date;
pub mod hash;

pub use chrono::NaiveDate as Date;
