//! Normal and Poisson distribution helpers (pdf, cdf, quantile, loss functions)
//! at full double precision, built on `libm`'s `erfc`.

use std::f64::consts::{PI, SQRT_2};

/// Standard normal density φ(z).
pub fn phi(z: f64) -> f64 {
    (-0.5 * z * z).exp() / (2.0 * PI).sqrt()
}

/// Standard normal distribution function Φ(z).
pub fn cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / SQRT_2)
}

/// Standard normal survival function 1 − Φ(z), accurate in the upper tail.
pub fn sf(z: f64) -> f64 {
    0.5 * libm::erfc(z / SQRT_2)
}

/// Inverse of Φ for 0 < p < 1: Acklam's rational approximation refined by two
/// Halley steps on `erfc`, so the result is accurate to a few ulps.
/// Returns ±∞ at p = 0 or 1 and NaN outside [0, 1]; callers validate first.
pub fn quantile(p: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let mut x = acklam(p);
    for _ in 0..2 {
        // Halley's method on f(x) = Φ(x) − p (upper tail uses the survival form).
        let e = if x > 0.0 {
            (1.0 - p) - sf(x)
        } else {
            cdf(x) - p
        };
        let u = e / phi(x);
        x -= u / (1.0 + 0.5 * x * u);
    }
    x
}

/// Acklam's approximation (shared with the forecast engine), refined above.
fn acklam(p: f64) -> f64 {
    abacus_forecast::normal_quantile(p)
}

/// Standard normal first-order loss L(z) = E[(Z − z)⁺] = φ(z) − z(1 − Φ(z)).
pub fn loss(z: f64) -> f64 {
    phi(z) - z * sf(z)
}

/// Standard normal complementary loss L̄(z) = E[(z − Z)⁺] = z + L(z).
pub fn comp_loss(z: f64) -> f64 {
    z + loss(z)
}

/// Standard normal second-order loss L²(z) = ½ E[((Z − z)⁺)²]
/// = ½[(z² + 1)(1 − Φ(z)) − zφ(z)]; note d/dz L²(z) = −L(z).
pub fn second_loss(z: f64) -> f64 {
    0.5 * ((z * z + 1.0) * sf(z) - z * phi(z))
}

/// Poisson probabilities P(D = 0..=n) for mean `mean`, by the stable recursion
/// p(k) = p(k − 1)·mean/k started from e^(−mean) (log space for large means).
pub fn poisson_pmf_upto(mean: f64, n: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(n + 1);
    if mean <= 0.0 {
        out.push(1.0);
        out.resize(n + 1, 0.0);
        return out;
    }
    for k in 0..=n {
        let kf = k as f64;
        let lp = kf * mean.ln() - mean - libm::lgamma(kf + 1.0);
        out.push(lp.exp());
    }
    out
}

/// A discrete demand distribution on 0..pmf.len() (the tail beyond is taken as zero).
#[derive(Debug, Clone, PartialEq)]
pub struct Discrete {
    pub pmf: Vec<f64>,
}

impl Discrete {
    /// Poisson(mean), truncated where the remaining tail is below 1e-16.
    pub fn poisson(mean: f64) -> Discrete {
        let hi = (mean + 12.0 * mean.sqrt() + 30.0).ceil() as usize;
        Discrete {
            pmf: poisson_pmf_upto(mean, hi),
        }
    }

    pub fn mean(&self) -> f64 {
        self.pmf.iter().enumerate().map(|(k, p)| k as f64 * p).sum()
    }

    /// P(D ≤ y).
    pub fn cdf(&self, y: i64) -> f64 {
        if y < 0 {
            return 0.0;
        }
        let hi = (y as usize).min(self.pmf.len() - 1);
        self.pmf[..=hi].iter().sum()
    }

    /// E[(y − D)⁺].
    pub fn comp_loss(&self, y: i64) -> f64 {
        self.pmf
            .iter()
            .enumerate()
            .map(|(k, p)| p * (y as f64 - k as f64).max(0.0))
            .sum()
    }

    /// E[(D − y)⁺] = E[D] − y + E[(y − D)⁺].
    pub fn loss(&self, y: i64) -> f64 {
        self.mean() - y as f64 + self.comp_loss(y)
    }

    /// Newsvendor cost g(y) = h·E[(y − D)⁺] + p·E[(D − y)⁺].
    pub fn newsvendor_cost(&self, y: i64, h: f64, p: f64) -> f64 {
        h * self.comp_loss(y) + p * self.loss(y)
    }
}
