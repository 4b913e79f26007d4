//! The network part of the demo: suppliers of coffee beans, roasting plants that
//! make two finished products, and customer regions, with lane costs, capacities
//! and plants that the optimiser may close.

use std::path::Path;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::{num, Out, Result, Stats};

pub(crate) fn write(dir: &Path, rng: &mut ChaCha8Rng, stats: &mut Stats) -> Result<()> {
    let suppliers = [
        ("Yunnan Farms", 1800.0),
        ("Hainan Growers", 900.0),
        ("Port Importers", 1200.0),
    ];
    let plants = [
        ("Kunming Roastery", 1500.0, 6000.0),
        ("Wuhan Roastery", 1600.0, 8500.0),
        ("Shenzhen Roastery", 1100.0, 5200.0),
    ];
    let customers = ["R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08"];
    let cities = [
        "Chengdu",
        "Chongqing",
        "Xi'an",
        "Wuhan",
        "Changsha",
        "Guangzhou",
        "Shenzhen",
        "Xiamen",
    ];

    let mut out = Out::create(
        dir,
        "nodes.csv",
        &["node_id", "kind", "capacity", "fixed_cost", "name"],
    )?;
    for (id, cap) in suppliers {
        out.row([id, "supplier", &num(cap, 0), "", &format!("{id} Co.")])?;
    }
    for (id, cap, fixed) in plants {
        out.row([id, "facility", &num(cap, 0), &num(fixed, 0), id])?;
    }
    for (c, city) in customers.iter().zip(cities) {
        out.row([*c, "customer", "", "", &format!("{city} region")])?;
    }
    out.finish()?;

    let mut out = Out::create(
        dir,
        "lanes.csv",
        &["from", "to", "product", "unit_cost", "capacity"],
    )?;
    for (si, (s, _)) in suppliers.iter().enumerate() {
        for (pi, (p, _, _)) in plants.iter().enumerate() {
            let distance = ((si as f64 - pi as f64).abs() + 1.0) * rng.random_range(1.0..2.0);
            let cap = if rng.random_bool(0.3) {
                num(rng.random_range(4..9) as f64 * 100.0, 0)
            } else {
                String::new()
            };
            out.row([
                *s,
                *p,
                "beans",
                &num((distance * 10.0).round() / 10.0, 1),
                &cap,
            ])?;
        }
    }
    for (pi, (p, _, _)) in plants.iter().enumerate() {
        for (ci, c) in customers.iter().enumerate() {
            let distance =
                ((pi as f64 * 3.0 - ci as f64).abs() * 0.6 + 1.0) * rng.random_range(0.9..1.3);
            out.row([*p, *c, "", &num((distance * 10.0).round() / 10.0, 1), ""])?;
        }
    }
    // Whole beans travel cheaper than ground coffee on one lane.
    out.row(["Wuhan Roastery", "R04", "whole_bean", "1", ""])?;
    out.finish()?;

    let mut out = Out::create(dir, "demand.csv", &["node_id", "product", "quantity"])?;
    for c in customers {
        for p in ["ground_coffee", "whole_bean"] {
            out.row([c, p, &num(rng.random_range(6..30) as f64 * 10.0, 0)])?;
        }
    }
    out.finish()?;

    let mut out = Out::create(dir, "supply.csv", &["node_id", "product", "quantity"])?;
    out.row(["Port Importers", "beans", "1000"])?;
    out.finish()?;

    let mut out = Out::create(
        dir,
        "processing.csv",
        &["node_id", "input", "output", "unit_cost"],
    )?;
    for (p, _, _) in plants {
        out.row([
            p,
            "beans",
            "ground_coffee",
            &num(rng.random_range(15..35) as f64 / 10.0, 1),
        ])?;
        out.row([
            p,
            "beans",
            "whole_bean",
            &num(rng.random_range(10..25) as f64 / 10.0, 1),
        ])?;
    }
    out.finish()?;

    let mut out = Out::create(dir, "settings.csv", &["key", "value"])?;
    out.row(["integer_flows", "true"])?;
    out.row(["demand", "at_least"])?;
    out.row(["supply", "at_most"])?;
    out.finish()?;
    stats.nodes = suppliers.len() + plants.len() + customers.len();
    Ok(())
}
