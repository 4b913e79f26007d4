//! Integration tests of the forecasting engine: model behaviour on known series,
//! bad input, and the M4 reference figures for the naive benchmarks.

mod m4;
mod models;
