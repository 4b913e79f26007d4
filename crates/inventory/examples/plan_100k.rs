//! Benchmark: planning 100,000 generated SKU×locations from stored forecasts
//! (the forecasts are generated up front and not timed; forecasting throughput
//! is measured by the `forecast_speed` example).
//! `cargo run --release -p abacus-inventory --example plan_100k -- [--n 100000]`.

mod common;

use std::time::Instant;

use abacus_core::date::parse_iso_date;
use abacus_inventory::{
    plan_all, what_if, Edit, ItemParams, LeadTime, OpenPo, PlanInput, PlanSettings, Scope,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = common::arg("--n").map_or(Ok(100_000), |v| v.parse())?;
    // `--trend 0.002`: a daily drift, so no two forecast days are equal (the
    // Monte-Carlo path then draws one gamma per day instead of one per weekday).
    let trend: f64 = common::arg("--trend").map_or(Ok(0.0), |v| v.parse())?;
    let as_of = parse_iso_date("2026-06-30").ok_or("date")?;
    let mut settings = PlanSettings::new(as_of);
    settings.horizon_days = 28;
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let t = Instant::now();
    let inputs: Vec<PlanInput> = (0..n)
        .map(|i| {
            // Mean demand log-uniform in [0.05, 200] units/day with a weekly pattern.
            let mean = (rng.random_range(0.05f64.ln()..200f64.ln())).exp();
            let week = [0.9, 0.85, 0.9, 0.95, 1.1, 1.2, 1.1];
            let lead = rng.random_range(2..46) as f64;
            let days = settings.days_needed(lead);
            let forecast = (0..days)
                .map(|d| mean * week[d % 7] * (1.0 + trend * d as f64))
                .collect();
            let cover = rng.random_range(0.0..120.0);
            let open_pos = (0..rng.random_range(0..3))
                .map(|_| OpenPo {
                    expected: as_of + chrono::Days::new(rng.random_range(0..40))
                        - chrono::Days::new(3),
                    qty: (mean * rng.random_range(5.0..30.0)).ceil(),
                })
                .collect();
            PlanInput {
                sku: format!("SKU-{i:06}"),
                location: format!("LOC-{}", i % 7),
                category: format!("CAT-{}", i % 12),
                supplier_id: format!("SUP-{}", i % 10),
                on_hand: (mean * cover).floor(),
                open_pos,
                item: ItemParams {
                    unit_cost: rng.random_range(1.0..200.0),
                    pack_size: [1, 4, 6, 12, 24, 48][i % 6],
                    moq: [0, 0, 10, 50, 100][i % 5],
                    order_cost: rng.random_range(50.0..500.0),
                    holding_cost_rate: rng.random_range(0.1..0.35),
                    service_level: [0.9, 0.95, 0.98, 0.99][i % 4],
                },
                lead_time: LeadTime {
                    mean_days: lead,
                    sd_days: lead * rng.random_range(0.0..0.3),
                },
                forecast,
                sigma: mean.sqrt() * rng.random_range(0.8..2.0),
            }
        })
        .collect();
    println!(
        "generated {n} inputs in {:.2} s; {} threads",
        t.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );
    for rep in 0..2 {
        let t = Instant::now();
        let plan = plan_all(&inputs, &settings);
        let s = t.elapsed().as_secs_f64();
        let mc = plan
            .lines
            .iter()
            .filter(|l| l.risk_method.name() == "monte-carlo")
            .count();
        let orders = plan.lines.iter().filter(|l| l.order.is_some()).count();
        println!(
            "rep {rep}: planned {} lines ({} problems, {mc} by Monte Carlo, {orders} orders) in {s:.2} s = {:.0} series/s",
            plan.lines.len(),
            plan.problems.len(),
            n as f64 / s
        );
    }
    let t = Instant::now();
    let w = what_if(
        &inputs,
        &settings,
        &[Edit::ScaleDemand {
            scope: Scope::Category("CAT-3".into()),
            factor: 1.2,
        }],
    )?;
    println!(
        "what-if (category demand × 1.2, baseline + scenario): {} lines changed in {:.2} s",
        w.changes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
