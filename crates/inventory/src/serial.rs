//! Serial supply chains under echelon base-stock policies: the Clark–Scarf
//! decomposition (Chen & Zheng's form, Snyder & Shen §6.2.3) with normal
//! per-period demand, solved by exact quadrature rather than a grid.
//!
//! Stage 1 faces demand; stage `N` orders from an outside supplier. With
//! echelon holding costs `h_j`, local lead times `L_j`, stock-out cost `p` and
//! `h'_1 = Σ h_j`:
//! `Ĉ_j(x) = h_j x + C̲_{j−1}(x)`, `C_j(y) = E[Ĉ_j(y − D_j)]` with `D_j` the
//! demand over `L_j` periods, `C̲_j(x) = C_j(min(S_j, x))`,
//! `C̲_0(x) = (p + h'_1) x⁻`; the expected cost per period is `C_N(S_N)`.
//!
//! Each expectation is a one-dimensional integral over the normal density,
//! split at the kink of `min(S_j, ·)` and computed with 48-point
//! Gauss–Legendre on `μ ± 10σ` (the constant part in closed form); the
//! optimal `S_j` minimise the convex `C_j` by golden-section search.

use crate::dist;
use crate::{non_negative, positive, Error, Result};

/// One stage: echelon holding cost and local lead time (periods).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stage {
    pub echelon_holding_cost: f64,
    pub lead_time: f64,
}

/// A serial system; `stages[0]` is stage 1 (downstream).
#[derive(Debug, Clone, PartialEq)]
pub struct Serial {
    pub stages: Vec<Stage>,
    pub stockout_cost: f64,
    pub demand_mean: f64,
    pub demand_sd: f64,
}

impl Serial {
    fn check(&self) -> Result<()> {
        if self.stages.is_empty() {
            return Err(Error::Infeasible(
                "a serial system needs at least one stage".into(),
            ));
        }
        for s in &self.stages {
            non_negative("echelon holding cost", s.echelon_holding_cost)?;
            positive("lead time", s.lead_time)?;
        }
        positive("stock-out cost", self.stockout_cost)?;
        non_negative("demand mean", self.demand_mean)?;
        positive("demand sd", self.demand_sd)?;
        Ok(())
    }
}

const GL_N: usize = 48;

/// Gauss–Legendre nodes and weights on [−1, 1] (Newton on the Legendre recurrence).
fn gauss_legendre() -> ([f64; GL_N], [f64; GL_N]) {
    let mut x = [0.0; GL_N];
    let mut w = [0.0; GL_N];
    let n = GL_N as f64;
    for i in 0..GL_N {
        let mut z = (std::f64::consts::PI * (i as f64 + 0.75) / (n + 0.5)).cos();
        for _ in 0..100 {
            let (mut p1, mut p2) = (1.0, 0.0);
            for j in 0..GL_N {
                let p3 = p2;
                p2 = p1;
                p1 = ((2.0 * j as f64 + 1.0) * z * p2 - j as f64 * p3) / (j as f64 + 1.0);
            }
            let dp = n * (z * p1 - p2) / (z * z - 1.0);
            let dz = p1 / dp;
            z -= dz;
            if dz.abs() < 1e-15 {
                let (mut p1, mut p2) = (1.0, 0.0);
                for j in 0..GL_N {
                    let p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j as f64 + 1.0) * z * p2 - j as f64 * p3) / (j as f64 + 1.0);
                }
                let dp = n * (z * p1 - p2) / (z * z - 1.0);
                x[i] = z;
                w[i] = 2.0 / ((1.0 - z * z) * dp * dp);
                break;
            }
        }
    }
    (x, w)
}

struct Model<'a> {
    sys: &'a Serial,
    levels: Vec<f64>,
    gl: ([f64; GL_N], [f64; GL_N]),
    h_local_1: f64,
}

impl Model<'_> {
    /// `C̲_{j}(x)` for stage index `j` (0 = stage 1); `j = usize::MAX` is `C̲_0`.
    fn c_under(&self, j: Option<usize>, x: f64) -> f64 {
        match j {
            None => (self.sys.stockout_cost + self.h_local_1) * (-x).max(0.0),
            Some(j) => self.c(j, x.min(self.levels[j])),
        }
    }

    /// `C_j(y) = E[h_j (y − D_j) + C̲_{j−1}(y − D_j)]`.
    fn c(&self, j: usize, y: f64) -> f64 {
        let st = self.sys.stages[j];
        let mu = self.sys.demand_mean * st.lead_time;
        let sd = self.sys.demand_sd * st.lead_time.sqrt();
        let prev = if j == 0 { None } else { Some(j - 1) };
        let linear = st.echelon_holding_cost * (y - mu);
        if j == 0 {
            // Closed form: (p + h'_1) E[(D − y)⁺].
            return linear
                + (self.sys.stockout_cost + self.h_local_1) * sd * dist::loss((y - mu) / sd);
        }
        // C̲_{j−1}(y − d) is constant C_{j−1}(S_{j−1}) for d ≤ y − S_{j−1}.
        let s_prev = self.levels[j - 1];
        let u_kink = (y - s_prev - mu) / sd;
        let (lo, hi) = (-10.0f64, 10.0f64);
        let mut total = self.c(j - 1, s_prev) * dist::cdf(u_kink);
        let a = u_kink.clamp(lo, hi);
        if a < hi {
            let (xs, ws) = &self.gl;
            let half = 0.5 * (hi - a);
            let mid = 0.5 * (hi + a);
            for k in 0..GL_N {
                let u = mid + half * xs[k];
                total += half * ws[k] * dist::phi(u) * self.c_under(prev, y - (mu + sd * u));
            }
        }
        linear + total
    }

    /// Golden-section minimiser of the convex `C_j` around its stage's demand.
    fn argmin(&self, j: usize) -> f64 {
        let lead: f64 = self.sys.stages[..=j].iter().map(|s| s.lead_time).sum();
        let mu = self.sys.demand_mean * lead;
        let sd = self.sys.demand_sd * lead.sqrt();
        let (mut a, mut b) = (mu - 10.0 * sd - 1.0, mu + 10.0 * sd + 1.0);
        let g = (5f64.sqrt() - 1.0) / 2.0;
        let mut c = b - g * (b - a);
        let mut d = a + g * (b - a);
        let (mut fc, mut fd) = (self.c(j, c), self.c(j, d));
        while b - a > 1e-10 * (1.0 + mu.abs()) {
            if fc < fd {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = self.c(j, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = self.c(j, d);
            }
        }
        0.5 * (a + b)
    }
}

fn model(sys: &Serial) -> Model<'_> {
    let h_local_1 = sys.stages.iter().map(|s| s.echelon_holding_cost).sum();
    Model {
        sys,
        levels: vec![0.0; sys.stages.len()],
        gl: gauss_legendre(),
        h_local_1,
    }
}

/// Optimal echelon base-stock levels (stage 1 first) and the optimal expected cost per period.
pub fn optimal_base_stock(sys: &Serial) -> Result<(Vec<f64>, f64)> {
    sys.check()?;
    let mut m = model(sys);
    for j in 0..sys.stages.len() {
        m.levels[j] = m.argmin(j);
    }
    let n = sys.stages.len() - 1;
    let cost = m.c(n, m.levels[n]);
    Ok((m.levels, cost))
}

/// Expected cost per period of given echelon base-stock levels (stage 1 first).
pub fn cost_of(sys: &Serial, levels: &[f64]) -> Result<f64> {
    sys.check()?;
    if levels.len() != sys.stages.len() || levels.iter().any(|l| !l.is_finite()) {
        return Err(Error::Infeasible(
            "one finite base-stock level per stage is needed".into(),
        ));
    }
    let mut m = model(sys);
    m.levels = levels.to_vec();
    let n = levels.len() - 1;
    Ok(m.c(n, levels[n]))
}
