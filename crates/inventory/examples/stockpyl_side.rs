//! Side-by-side with Python's stockpyl: reads cases (one JSON object per line:
//! `{"f": name, "args": {...}}`) from the file given as the first argument and
//! prints Abacus's figures as one JSON array, with the total time.
//! Used by `bench/inventory/stockpyl_side.py`.

use std::time::Instant;

use abacus_inventory::rq::{self, RqParams};
use abacus_inventory::{classic, ss};
use serde_json::{json, Value};

fn g(a: &Value, k: &str) -> f64 {
    a[k].as_f64().unwrap_or(f64::NAN)
}

fn rqp(a: &Value) -> RqParams {
    RqParams {
        holding_cost: g(a, "h"),
        stockout_cost: g(a, "p"),
        fixed_cost: g(a, "K"),
        demand_mean: g(a, "mu"),
        demand_sd: g(a, "sd"),
        lead_time: g(a, "L"),
    }
}

fn run(f: &str, a: &Value) -> Value {
    let r = match f {
        "eoq" => classic::eoq(g(a, "K"), g(a, "h"), g(a, "D")).map(|(q, c)| json!([q, c])),
        "eoqb" => classic::eoq_backorders(g(a, "K"), g(a, "h"), g(a, "p"), g(a, "D"))
            .map(|r| json!([r.q, r.stockout_fraction, r.cost])),
        "newsvendor_normal" => {
            classic::newsvendor_normal(g(a, "h"), g(a, "p"), g(a, "mu"), g(a, "sd"))
                .map(|(s, c)| json!([s, c]))
        }
        "newsvendor_poisson" => classic::newsvendor_poisson(g(a, "h"), g(a, "p"), g(a, "mu"))
            .map(|(s, c)| json!([s as f64, c])),
        "rq_cost" => rq::cost(g(a, "r"), g(a, "Q"), &rqp(a)).map(|c| json!([c])),
        "rq_eil" => rq::eil(&rqp(a)).map(|(r, q, c)| json!([r, q, c])),
        "rq_eoqss" => rq::eoqss(&rqp(a)).map(|(r, q)| json!([r, q])),
        "rq_loss" => rq::loss_function(&rqp(a)).map(|(r, q)| json!([r, q])),
        "ss_power" => {
            ss::power_approximation(g(a, "h"), g(a, "p"), g(a, "K"), g(a, "mu"), g(a, "sd"))
                .map(|(s, b)| json!([s, b]))
        }
        other => return json!({"error": format!("unknown {other}")}),
    };
    r.unwrap_or_else(|e| json!({"error": e.to_string()}))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("cases file")?;
    let cases: Vec<Value> = std::fs::read_to_string(path)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let t = Instant::now();
    let out: Vec<Value> = cases
        .iter()
        .map(|c| run(c["f"].as_str().unwrap_or(""), &c["args"]))
        .collect();
    let secs = t.elapsed().as_secs_f64();
    println!("{}", json!({"results": out, "seconds": secs}));
    Ok(())
}
