//! Hand-checked retail policy figures and replenishment rounding.

use abacus_inventory::policy::{self, Binding};

use crate::close;

#[test]
fn lead_time_demand_by_hand() {
    // μ = 10/day, σ = 4, L = 9 days, σ_L = 2: mean 90, sd √(9·16 + 100·4) = √544.
    let (m, sd) = policy::lead_time_demand(10.0, 4.0, 9.0, 2.0).unwrap();
    close(m, 90.0, 1e-15);
    close(sd, 544f64.sqrt(), 1e-15);
    // z(0.95) = 1.6448536269514722 (scipy); SS = z·√544; ROP = 90 + SS.
    let z = policy::service_z(0.95).unwrap();
    close(z, 1.6448536269514722, 1e-14);
    let (ss, rop) = policy::reorder_point(m, sd, z);
    close(ss, 1.6448536269514722 * 544f64.sqrt(), 1e-14);
    close(rop, 90.0 + 1.6448536269514722 * 544f64.sqrt(), 1e-14);
}

#[test]
fn quantile_matches_scipy() {
    // Values of scipy.stats.norm.ppf.
    for (p, z) in [
        (0.5, 0.0),
        (0.9, 1.2815515655446004),
        (0.975, 1.959963984540054),
        (0.99, 2.3263478740408408),
        (0.999, 3.090232306167813),
        (0.01, -2.3263478740408408),
    ] {
        let got = abacus_inventory::dist::quantile(p);
        assert!(
            (got - z).abs() < 1e-9 * z.abs().max(1.0),
            "p={p}: {got} vs {z}"
        );
    }
}

#[test]
fn retail_eoq_by_hand() {
    // μ = 2/day → D = 730; K = 300; h = 0.25 × 40 = 10: √(2·730·300/10) = √43800.
    close(
        policy::retail_eoq(2.0, 300.0, 0.25, 40.0).unwrap(),
        43800f64.sqrt(),
        1e-15,
    );
}

#[test]
fn rounding_to_packs_above_eoq() {
    // IP 120 ≤ ROP 180; EOQ 231 > 61 needed: 231 → 2 packs of 120 = 240.
    let r = policy::recommended_order(120.0, 180.0, 231.0, 0, 120)
        .unwrap()
        .unwrap();
    assert_eq!((r.qty, r.packs, r.binding), (240, 2, Binding::Eoq));
}

#[test]
fn rounding_shortfall_binds() {
    // IP 10, ROP 300.5: need 291.5 > EOQ 50 → packs of 24: ⌈291.5/24⌉ = 13 → 312.
    let r = policy::recommended_order(10.0, 300.5, 50.0, 0, 24)
        .unwrap()
        .unwrap();
    assert_eq!((r.qty, r.packs, r.binding), (312, 13, Binding::Shortfall));
}

#[test]
fn rounding_moq_binds() {
    // Need max(EOQ 30, 21) = 30 < MOQ 100; pack 12 → 108 (9 packs).
    let r = policy::recommended_order(80.0, 100.0, 30.0, 100, 12)
        .unwrap()
        .unwrap();
    assert_eq!((r.qty, r.packs, r.binding), (108, 9, Binding::Moq));
    assert!(r.qty >= 100 && r.qty % 12 == 0);
}

#[test]
fn exact_multiples_are_not_rounded_up() {
    let r = policy::recommended_order(0.0, 10.0, 240.0, 0, 120)
        .unwrap()
        .unwrap();
    assert_eq!(r.qty, 240);
    // Float noise just above a multiple stays on it.
    let r = policy::recommended_order(0.0, 10.0, 240.0 + 1e-12, 0, 120)
        .unwrap()
        .unwrap();
    assert_eq!(r.qty, 240);
}

#[test]
fn no_order_above_reorder_point() {
    assert_eq!(
        policy::recommended_order(180.01, 180.0, 231.0, 50, 12).unwrap(),
        None
    );
    // At the reorder point exactly, order.
    assert!(policy::recommended_order(180.0, 180.0, 231.0, 50, 12)
        .unwrap()
        .is_some());
}

#[test]
fn rounding_property_over_a_grid() {
    // Brute force: the smallest multiple of pack that is ≥ every bound.
    for pack in [1u64, 4, 6, 24, 120] {
        for moq in [0u64, 5, 50, 200] {
            for ip in [-20.0, 0.0, 33.3, 100.0] {
                for rop in [0.0, 10.0, 99.9, 150.0] {
                    for eoq in [0.0, 7.5, 64.0, 333.0] {
                        let got = policy::recommended_order(ip, rop, eoq, moq, pack).unwrap();
                        if ip > rop {
                            assert_eq!(got, None);
                            continue;
                        }
                        let lower = f64::max(eoq, rop - ip + 1.0).max(moq as f64);
                        let want = (1..)
                            .map(|k| k * pack)
                            .find(|q| *q as f64 >= lower - 1e-9)
                            .unwrap();
                        assert_eq!(
                            got.unwrap().qty,
                            want,
                            "pack {pack} moq {moq} ip {ip} rop {rop} eoq {eoq}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn position_counts_every_open_order() {
    close(
        policy::inventory_position(50.0, [10.0, 20.0, 5.5]),
        85.5,
        1e-15,
    );
}

#[test]
fn stream_lead_time_sd_matches_a_simulated_order_stream() {
    use abacus_inventory::policy::stream_lead_time_sd;
    use rand::SeedableRng;
    use rand_distr::{Distribution, Normal};
    // Orders every T days with lead times N(30, σ_L²): the variance of the number
    // arrived by a day far from the start, times T², is the stream's σ_L².
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    for (t, sd) in [(1.0, 6.0), (2.0, 6.8), (0.5, 3.0)] {
        let lead = Normal::new(30.0, sd).unwrap();
        let day = 150.0;
        let reps = 20_000;
        let counts: Vec<f64> = (0..reps)
            .map(|_| {
                (0..(day / t) as usize)
                    .filter(|i| *i as f64 * t + lead.sample(&mut rng) <= day)
                    .count() as f64
            })
            .collect();
        let m = counts.iter().sum::<f64>() / reps as f64;
        let var = counts.iter().map(|c| (c - m).powi(2)).sum::<f64>() / (reps - 1) as f64;
        let simulated = (var * t * t).sqrt();
        let formula = stream_lead_time_sd(sd, t);
        assert!(
            (simulated / formula - 1.0).abs() < 0.03,
            "T {t} σ_L {sd}: simulated {simulated} vs {formula}"
        );
    }
    // Orders far apart: the single-order σ_L; degenerate inputs stay defined.
    assert_eq!(stream_lead_time_sd(2.0, 48.0), 2.0);
    assert_eq!(stream_lead_time_sd(2.0, f64::INFINITY), 2.0);
    assert_eq!(stream_lead_time_sd(0.0, 1.0), 0.0);
}
