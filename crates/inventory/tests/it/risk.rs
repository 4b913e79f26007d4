//! Stock-out probabilities against brute-force simulation and an exact
//! negative-binomial sum.

use abacus_inventory::risk::{self, RiskMethod};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

#[test]
fn analytic_matches_brute_force_normal_simulation() {
    // A fast mover with a weekly pattern: 28 days, σ = 6 per day.
    let forecast: Vec<f64> = (0..28)
        .map(|d| [30.0, 28.0, 25.0, 26.0, 35.0, 45.0, 40.0][d % 7])
        .collect();
    let (sigma, supply) = (6.0, 915.0);
    let (p, method) = risk::stockout_probability(&forecast, sigma, supply, 28, 1000, 1);
    assert_eq!(method, RiskMethod::Analytic);
    // Brute force: simulate each day's demand and count totals above supply.
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    let n = 200_000;
    let mut over = 0;
    for _ in 0..n {
        let total: f64 = forecast
            .iter()
            .map(|m| Normal::new(*m, sigma).unwrap().sample(&mut rng))
            .sum();
        if total > supply {
            over += 1;
        }
    }
    let est = over as f64 / n as f64;
    let se = (p * (1.0 - p) / n as f64).sqrt();
    assert!(
        (est - p).abs() < 4.0 * se,
        "analytic {p} vs simulated {est} (se {se})"
    );
    assert!(p > 0.05 && p < 0.95, "a non-trivial case: {p}");
}

/// ln Γ by Lanczos (g = 7, n = 9), enough for this check.
fn ln_gamma(x: f64) -> f64 {
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + 7.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

#[test]
fn monte_carlo_matches_exact_negative_binomial() {
    // Slow mover: 0.5/day with daily variance 1.44 → negative binomial per day with
    // success probability q = m/v and size r = m²/(v − m); 28 iid days sum to
    // NB(28r, q) exactly.
    let (m, sigma, supply, days) = (0.5, 1.2, 18.0, 28usize);
    let forecast = vec![m; days];
    let (p, method) = risk::stockout_probability(&forecast, sigma, supply, days, 20_000, 5);
    assert_eq!(method, RiskMethod::MonteCarlo);
    let v = sigma * sigma;
    let q = m / v;
    let size = days as f64 * m * m / (v - m);
    let cdf: f64 = (0..=supply as u64)
        .map(|k| {
            let k = k as f64;
            (ln_gamma(k + size) - ln_gamma(k + 1.0) - ln_gamma(size)
                + size * q.ln()
                + k * (1.0 - q).ln())
            .exp()
        })
        .sum();
    let exact = 1.0 - cdf;
    let se = (exact * (1.0 - exact) / 20_000.0).sqrt();
    assert!(
        (p - exact).abs() < 4.0 * se,
        "monte carlo {p} vs exact {exact} (se {se})"
    );
}

#[test]
fn monte_carlo_poisson_days_match_exact_poisson() {
    // Variance below the mean: Poisson days; the 28-day sum is Poisson(28m).
    let (m, sigma, supply, days) = (0.4, 0.3, 14.0, 28usize);
    let (p, method) = risk::stockout_probability(&vec![m; days], sigma, supply, days, 20_000, 3);
    assert_eq!(method, RiskMethod::MonteCarlo);
    let lam = m * days as f64;
    let mut term = (-lam).exp();
    let mut cdf = term;
    for k in 1..=supply as u64 {
        term *= lam / k as f64;
        cdf += term;
    }
    let exact = 1.0 - cdf;
    let se = (exact * (1.0 - exact) / 20_000.0).sqrt();
    assert!(
        (p - exact).abs() < 4.0 * se,
        "monte carlo {p} vs exact {exact}"
    );
}

#[test]
fn seeded_monte_carlo_is_reproducible() {
    let f = vec![0.3; 28];
    let a = risk::stockout_probability(&f, 0.9, 6.0, 28, 5000, 42);
    let b = risk::stockout_probability(&f, 0.9, 6.0, 28, 5000, 42);
    assert_eq!(a, b);
}

#[test]
fn stockout_day_counts_arrivals() {
    // 10/day, 25 on hand, 20 arriving on day 2: cumulative 30 > 25 on day 2? No:
    // supply is 45 by day 2; 50 > 45 on day 4.
    assert_eq!(risk::stockout_day(&[10.0; 10], 25.0, &[(2, 20.0)]), Some(4));
    assert_eq!(risk::stockout_day(&[10.0; 3], 25.0, &[]), Some(2));
    assert_eq!(risk::stockout_day(&[0.0; 30], 0.0, &[]), None);
}
