//! Integration tests of the assistant over the generated demo dataset: the
//! data-driven question table (`cases.jsonl`, expectations computed by
//! `make_cases.py` straight from the CSVs), answer-text provenance, and hostile input.

mod entities;
mod hostile;
mod models;
mod snapshots;
mod table;
mod wording;

use std::sync::OnceLock;

use abacus_store::{Dataset, Store};

/// The demo dataset (seed 42), imported once per test binary.
pub(crate) fn demo() -> &'static (tempfile::TempDir, std::path::PathBuf) {
    static DEMO: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("demo42");
        abacus_demo::write_dataset(&data, &abacus_demo::Config { seed: 42, scale: 1 }).unwrap();
        let store = Store::open(&tmp.path().join("store")).unwrap();
        store.import(&data, &mut |_| {}).unwrap();
        (tmp, data)
    })
}

/// Opens the imported demo dataset (each test thread gets its own connection).
pub(crate) fn open_demo() -> Dataset {
    let (tmp, data) = demo();
    let store = Store::open(&tmp.path().join("store")).unwrap();
    let info = store.find(data.to_str().unwrap()).unwrap();
    store.open_dataset(&info).unwrap()
}

/// This package's folder as cargo gives it when it runs the tests (the path compiled in
/// is stale when the checkout moved and the build cache was reused).
pub(crate) fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || env!("CARGO_MANIFEST_DIR").into(),
        std::path::PathBuf::from,
    )
}
