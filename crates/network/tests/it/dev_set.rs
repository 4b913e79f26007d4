//! Reproduces every expected cost of `../shared/eval/dev_network.jsonl` on the
//! sample network (read straight from its CSV files), when `../shared` exists.

use std::path::{Path, PathBuf};

use abacus_network::{
    what_if, Change, Edit, Lane, Network, Node, NodeKind, Processing, Quantity, Settings,
    SolveOptions, Target,
};
use serde_json::Value;

/// This package's folder as cargo gives it when it runs the tests (the path compiled in
/// is stale when the checkout moved and the build cache was reused).
fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || env!("CARGO_MANIFEST_DIR").into(),
        std::path::PathBuf::from,
    )
}

fn shared() -> PathBuf {
    package_dir().join("../../../shared")
}

fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn opt_num(s: &str) -> Option<f64> {
    if s.trim().is_empty() {
        None
    } else {
        Some(s.trim().parse().unwrap())
    }
}

/// Loads a `network/` folder of the data contract (no validation beyond parsing).
pub(crate) fn load(dir: &Path) -> Network {
    let nodes = rows(&dir.join("nodes.csv"))
        .into_iter()
        .map(|r| Node {
            id: r["node_id"].clone(),
            kind: NodeKind::parse(&r["kind"]).unwrap(),
            capacity: r.get("capacity").and_then(|s| opt_num(s)),
            fixed_cost: r.get("fixed_cost").and_then(|s| opt_num(s)),
            name: r.get("name").filter(|s| !s.is_empty()).cloned(),
        })
        .collect();
    let lanes = rows(&dir.join("lanes.csv"))
        .into_iter()
        .map(|r| Lane {
            from: r["from"].clone(),
            to: r["to"].clone(),
            product: Some(r["product"].clone()).filter(|s| !s.is_empty()),
            unit_cost: r["unit_cost"].parse().unwrap(),
            capacity: r.get("capacity").and_then(|s| opt_num(s)),
        })
        .collect();
    let quantities = |file: &str| -> Vec<Quantity> {
        let p = dir.join(file);
        if !p.exists() {
            return Vec::new();
        }
        rows(&p)
            .into_iter()
            .map(|r| Quantity {
                node: r["node_id"].clone(),
                product: r["product"].clone(),
                quantity: r["quantity"].parse().unwrap(),
            })
            .collect()
    };
    let processing = if dir.join("processing.csv").exists() {
        rows(&dir.join("processing.csv"))
            .into_iter()
            .map(|r| Processing {
                node: r["node_id"].clone(),
                input: r["input"].clone(),
                output: r["output"].clone(),
                unit_cost: r["unit_cost"].parse().unwrap(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut settings = Settings::default();
    if dir.join("settings.csv").exists() {
        for r in rows(&dir.join("settings.csv")) {
            match (r["key"].as_str(), r["value"].as_str()) {
                ("integer_flows", v) => settings.integer_flows = v == "true",
                ("demand", v) => settings.demand_exact = v == "exact",
                ("supply", v) => settings.supply_exact = v == "exact",
                (k, _) => panic!("unknown setting {k}"),
            }
        }
    }
    Network {
        nodes,
        lanes,
        demand: quantities("demand.csv"),
        supply: quantities("supply.csv"),
        processing,
        settings,
        rules: Default::default(),
    }
}

fn change(e: &Value) -> Change {
    if let Some(k) = e.get("scale").and_then(Value::as_f64) {
        Change::Scale(k)
    } else if let Some(v) = e.get("set").and_then(Value::as_f64) {
        Change::Set(v)
    } else if let Some(a) = e.get("add").and_then(Value::as_f64) {
        Change::Add(a)
    } else {
        panic!("no change in {e}")
    }
}

fn text(e: &Value, k: &str) -> String {
    e[k].as_str()
        .unwrap_or_else(|| panic!("{k} in {e}"))
        .to_string()
}

fn target(e: &Value, k: &str) -> Target {
    match e[k].as_str() {
        Some("*") | None => Target::All,
        Some(s) => Target::Node(s.to_string()),
    }
}

fn product(e: &Value) -> Option<String> {
    e.get("product").and_then(Value::as_str).map(str::to_string)
}

/// The structured edit of the dev set as an engine edit.
pub(crate) fn edit(e: &Value) -> Edit {
    match e["op"].as_str().unwrap() {
        "demand" => Edit::Demand {
            node: target(e, "node"),
            product: product(e),
            change: change(e),
        },
        "supplier_capacity" => Edit::Capacity {
            node: text(e, "node"),
            change: change(e),
        },
        "supply" => Edit::Supply {
            node: text(e, "node"),
            product: text(e, "product"),
            change: change(e),
        },
        "lane_cost" => Edit::LaneCost {
            from: target(e, "from"),
            to: target(e, "to"),
            product: product(e),
            change: change(e),
        },
        "forbid_lane" => Edit::ForbidLane {
            from: target(e, "from"),
            to: target(e, "to"),
            product: product(e),
        },
        "min_flow" => Edit::MinFlow {
            from: text(e, "from"),
            to: text(e, "to"),
            product: product(e),
            min: e["min"].as_f64().unwrap(),
        },
        "only_serve" => Edit::OnlyServe {
            node: text(e, "node"),
            destinations: e["destinations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect(),
        },
        "exclusive_pair" => Edit::ExclusivePair {
            from: text(e, "from"),
            to: text(e, "to"),
        },
        "facility" => Edit::Facility {
            node: text(e, "node"),
            open: e["open"].as_bool().unwrap(),
        },
        "fixed_cost" => Edit::FixedCost {
            node: text(e, "node"),
            change: change(e),
        },
        op => panic!("unknown op {op}"),
    }
}

#[test]
fn dev_network_costs() {
    let root = shared();
    let file = root.join("eval/dev_network.jsonl");
    if !file.exists() {
        eprintln!("dev_network: {} absent, skipped", file.display());
        return;
    }
    let base = load(&root.join("data/sample/network"));
    let opts = SolveOptions::default();
    let (mut checked, mut failures) = (0, Vec::new());
    for line in std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let case: Value = serde_json::from_str(line).unwrap();
        assert_eq!(case["dataset"], "sample");
        for (t, turn) in case["turns"].as_array().unwrap().iter().enumerate() {
            // Each turn lists every edit in force (follow-ups repeat the earlier ones).
            let edits: Vec<Edit> = turn["edits"].as_array().unwrap().iter().map(edit).collect();
            let w = what_if(&base, &edits, &opts).unwrap();
            let got = w.scenario.cost();
            let exp = &turn["expect"];
            let ok = match exp.get("value").and_then(Value::as_f64) {
                Some(v) => got.is_some_and(|g| (g - v).abs() <= 1e-6 * v.abs().max(1.0)),
                None => exp["no_value"] == true && got.is_none(),
            };
            if !ok {
                failures.push(format!(
                    "{} turn {}: got {got:?}, want {exp}",
                    case["id"],
                    t + 1
                ));
            }
            checked += 1;
        }
    }
    eprintln!(
        "dev_network: {checked} expected costs checked, {} failed",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
