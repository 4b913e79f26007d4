//! Benchmark network: 20 suppliers, 50 candidate facilities with fixed costs,
//! 1,000 customers, 3 products (made from one raw material). Generated
//! deterministically, timed in Abacus (build + solve, baseline and one
//! what-if), and written as MPS for a side-by-side run in another solver.
//!
//! `cargo run --release -p abacus-network --example bench -- OUT_DIR [TIME_LIMIT_S] [MIP_REL_GAP]`

use std::time::Instant;

use abacus_network::{
    compare_with, optimize, to_mps, Edit, Lane, Network, Node, NodeKind, Outcome, Processing,
    Quantity, Settings, SolveOptions,
};

/// SplitMix64: a small deterministic generator (no dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next()
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

const PRODUCTS: [&str; 3] = ["p1", "p2", "p3"];
/// Each customer is linked to its nearest this-many candidate facilities.
const LINKS: usize = 10;

fn generate() -> Network {
    let mut rng = Rng(20_260_101);
    let pt = |r: &mut Rng| (r.next() * 100.0, r.next() * 100.0);
    let sup: Vec<(f64, f64)> = (0..20).map(|_| pt(&mut rng)).collect();
    let fac: Vec<(f64, f64)> = (0..50).map(|_| pt(&mut rng)).collect();
    let cus: Vec<(f64, f64)> = (0..1000).map(|_| pt(&mut rng)).collect();
    // Continuous flows: both solvers then face the same MIP (50 binaries).
    let mut net = Network {
        settings: Settings {
            integer_flows: false,
            ..Settings::default()
        },
        ..Default::default()
    };
    let mut demand_total = 0.0;
    for (i, c) in cus.iter().enumerate() {
        let id = format!("C{i:04}");
        net.nodes.push(Node {
            id: id.clone(),
            kind: NodeKind::Customer,
            capacity: None,
            fixed_cost: None,
            name: None,
        });
        for p in PRODUCTS {
            let q = rng.range(5.0, 60.0).round();
            demand_total += q;
            net.demand.push(Quantity {
                node: id.clone(),
                product: p.to_string(),
                quantity: q,
            });
        }
        // Lanes from the nearest facilities.
        let mut near: Vec<(f64, usize)> = fac
            .iter()
            .enumerate()
            .map(|(j, f)| (dist(*c, *f), j))
            .collect();
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        for &(d, j) in near.iter().take(LINKS) {
            net.lanes.push(Lane {
                from: format!("F{j:02}"),
                to: id.clone(),
                product: None,
                unit_cost: round2(0.5 + 0.08 * d),
                capacity: None,
            });
        }
    }
    for (i, _) in sup.iter().enumerate() {
        let cap = (demand_total / 20.0 * rng.range(1.1, 1.6)).round();
        net.nodes.push(Node {
            id: format!("V{i:02}"),
            kind: NodeKind::Supplier,
            capacity: Some(cap),
            fixed_cost: None,
            name: None,
        });
    }
    for (j, f) in fac.iter().enumerate() {
        let id = format!("F{j:02}");
        let cap = (demand_total / 50.0 * rng.range(2.0, 4.0)).round();
        let fixed = (rng.range(20_000.0, 60_000.0) / 100.0).round() * 100.0;
        net.nodes.push(Node {
            id: id.clone(),
            kind: NodeKind::Facility,
            capacity: Some(cap),
            fixed_cost: Some(fixed),
            name: None,
        });
        for (k, p) in PRODUCTS.iter().enumerate() {
            net.processing.push(Processing {
                node: id.clone(),
                input: "raw".into(),
                output: p.to_string(),
                unit_cost: round2(rng.range(0.8, 1.6) + 0.2 * k as f64),
            });
        }
        for (i, s) in sup.iter().enumerate() {
            net.lanes.push(Lane {
                from: format!("V{i:02}"),
                to: id.clone(),
                product: Some("raw".into()),
                unit_cost: round2(0.3 + 0.05 * dist(*s, *f)),
                capacity: None,
            });
        }
    }
    net
}

fn describe(o: &Outcome) -> String {
    match o {
        Outcome::Optimal(p) => format!(
            "cost {:.2} (gap {:.2e}, proven {}), {} facilities open",
            p.total_cost,
            p.mip_gap,
            p.proven_optimal,
            p.open_facilities().len()
        ),
        Outcome::Infeasible(i) => format!("infeasible: {}", i.reason),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = std::path::PathBuf::from(args.get(1).map_or("bench/out/network", String::as_str));
    let time_limit: f64 = args
        .get(2)
        .map_or(120.0, |s| s.parse().expect("time limit in seconds"));
    let gap: f64 = args
        .get(3)
        .map_or(1e-4, |s| s.parse().expect("relative MIP gap"));
    std::fs::create_dir_all(&out).expect("output folder");
    let opts = SolveOptions {
        time_limit: Some(time_limit),
        mip_rel_gap: gap,
        threads: None,
    };

    let t = Instant::now();
    let net = generate();
    let gen_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mps = to_mps(&net).expect("model");
    let mps_s = t.elapsed().as_secs_f64();
    std::fs::write(out.join("model.mps"), &mps).expect("write MPS");

    let t = Instant::now();
    let base = optimize(&net, &opts).expect("solve");
    let base_s = t.elapsed().as_secs_f64();
    // What-if: the busiest open facility closes.
    let busiest = base
        .plan()
        .and_then(|p| {
            p.facilities
                .iter()
                .filter(|f| f.open)
                .max_by(|a, b| a.throughput.total_cmp(&b.throughput))
        })
        .map(|f| f.node.clone())
        .unwrap_or_else(|| "F00".into());
    let edits = [Edit::Facility {
        node: busiest.clone(),
        open: false,
    }];
    let t = Instant::now();
    let edited = abacus_network::apply_all(&net, &edits).expect("edit");
    let w = compare_with(base.clone(), &edited, &edits, &opts).expect("what-if");
    let whatif_s = t.elapsed().as_secs_f64();
    let mps2 = to_mps(&edited).expect("model");
    std::fs::write(out.join("whatif.mps"), &mps2).expect("write MPS");

    let flows = mps.lines().filter(|l| l.contains(" obj ")).count();
    eprintln!("generated in {gen_s:.3}s; {flows} columns; MPS written in {mps_s:.3}s");
    eprintln!("baseline: {}", describe(&base));
    eprintln!("what-if close {busiest}: {}", describe(&w.scenario));
    let gap_of = |o: &Outcome| {
        o.plan()
            .map_or("null".to_string(), |p| format!("{}", p.mip_gap))
    };
    println!(
        "{{\"baseline_gap\": {}, \"whatif_gap\": {}, \"baseline_s\": {base_s:.4}, \"whatif_s\": {whatif_s:.4}, \
         \"baseline_cost\": {}, \"whatif_cost\": {}, \"closed\": \"{busiest}\", \"time_limit_s\": {time_limit}, \"mip_rel_gap\": {gap}}}",
        gap_of(&base),
        gap_of(&w.scenario),
        base.cost().map_or("null".into(), |c| format!("{c}")),
        w.scenario.cost().map_or("null".into(), |c| format!("{c}")),
    );
}
