//! Integration tests of the store: a valid import, the bad-input table (every case
//! gives its exact error and leaves the previously imported data untouched), and
//! an import of the generated demo dataset checked against independent counts.

mod bad_input;
mod catalog;
mod fixture;
mod good_input;
mod mutations;
