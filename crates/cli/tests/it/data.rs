//! `abacus demo-data`, `demo`, `import` and `datasets` through the binary.

use crate::{abacus, shared, stderr, stdout};

fn read_all(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for kind in ["retail", "funds", "network"] {
        let mut names: Vec<_> = std::fs::read_dir(dir.join(kind))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for p in names {
            files.push((
                p.strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(&p).unwrap(),
            ));
        }
    }
    files
}

#[test]
fn demo_data_is_deterministic_per_seed() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    for (dir, seed) in [(&a, "7"), (&b, "7"), (&c, "8")] {
        let o = abacus(
            &tmp.path().join("store"),
            &["demo-data", "--out", dir.to_str().unwrap(), "--seed", seed],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (fa, fb, fc) = (read_all(&a), read_all(&b), read_all(&c));
    assert_eq!(fa.len(), 15, "every contract file is written");
    assert!(fa == fb, "the same seed writes the same bytes");
    assert!(fa != fc, "another seed writes other data");
}

#[test]
fn demo_generates_imports_and_summarises_once() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    let o = abacus(&store, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("retail   as-of 2026-06-30: 6 locations"),
        "{out}"
    );
    assert!(out.contains("200 funds"), "{out}");
    let again = stdout(&abacus(&store, &["demo"]));
    assert!(again.contains("already imported"), "{again}");
    let list = abacus(&store, &["datasets", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["name"], "demo-data");
    assert_eq!(v[0]["summary"]["retail"]["items"], 150);
}

#[test]
fn failed_import_exits_non_zero_with_the_exact_error() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    let data = tmp.path().join("data");
    assert!(
        abacus(&store, &["demo-data", "--out", data.to_str().unwrap()])
            .status
            .success()
    );
    assert!(abacus(&store, &["import", data.to_str().unwrap()])
        .status
        .success());
    let before = stdout(&abacus(&store, &["datasets", "--json"]));
    std::fs::write(
        data.join("retail/suppliers.csv"),
        "supplier_id,name,lead_time_days\nSUP-01,X,3\n",
    )
    .unwrap();
    let o = abacus(&store, &["import", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "error: import failed, nothing was changed: retail/suppliers.csv, line 1, column `lead_time_std_days`: \
         required column is missing; the header must contain supplier_id, name, lead_time_days, lead_time_std_days"
    );
    assert_eq!(
        stdout(&abacus(&store, &["datasets", "--json"])),
        before,
        "the old data is still listed as it was"
    );
}

#[test]
fn abacus_home_selects_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_abacus"))
        .args(["datasets"])
        .env("ABACUS_HOME", tmp.path().join("home"))
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(stdout(&o).contains(&format!(
        "no datasets in {}",
        tmp.path().join("home").display()
    )));
}

#[test]
fn shared_sample_imports_under_three_seconds() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/data/sample is not present");
        return;
    };
    let _quiet = crate::heavy_lock();
    let tmp = tempfile::tempdir().unwrap();
    let sample = shared.join("data/sample");
    let o = abacus(tmp.path(), &["import", "--json", sample.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // Independent count: data lines of sales.csv.
    let lines = std::fs::read_to_string(sample.join("retail/sales.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    assert_eq!(v["summary"]["retail"]["sales_rows"], lines);
    assert_eq!(v["summary"]["retail"]["as_of"], "2026-06-30");
    let secs = v["seconds"].as_f64().unwrap();
    eprintln!("sample import: {secs:.2}s");
    assert!(
        secs < 6.0,
        "sample import took {secs:.2}s (target 3 s on an idle machine)"
    );
}
