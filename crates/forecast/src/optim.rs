//! Bounded Nelder–Mead minimiser used to fit model parameters by maximum likelihood.
//!
//! Points are projected onto the box `[lower, upper]`; the objective may return
//! `f64::INFINITY` (or NaN) for inadmissible parameters, which the simplex avoids.

/// Options for [`nelder_mead`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct NmOptions {
    /// Maximum number of objective evaluations.
    pub(crate) max_evals: usize,
    /// Stop when the spread of objective values in the simplex falls below this
    /// (relative to their magnitude).
    pub(crate) tol: f64,
}

impl Default for NmOptions {
    fn default() -> Self {
        NmOptions {
            max_evals: 1000,
            tol: 1e-8,
        }
    }
}

/// Minimises `f` from `x0` with initial steps `step`, inside the box.
/// Returns the best point and its value.
pub(crate) fn nelder_mead(
    mut f: impl FnMut(&[f64]) -> f64,
    x0: &[f64],
    step: &[f64],
    lower: &[f64],
    upper: &[f64],
    opts: NmOptions,
) -> (Vec<f64>, f64) {
    let n = x0.len();
    let clamp = |x: &mut [f64]| {
        for i in 0..n {
            x[i] = x[i].clamp(lower[i], upper[i]);
        }
    };
    let mut eval = |x: &[f64], evals: &mut usize| {
        *evals += 1;
        let v = f(x);
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    };
    let mut evals = 0usize;
    let mut pts: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    let mut start = x0.to_vec();
    clamp(&mut start);
    pts.push(start.clone());
    for i in 0..n {
        let mut p = start.clone();
        p[i] += step[i];
        if p[i] > upper[i] {
            p[i] = start[i] - step[i];
        }
        clamp(&mut p);
        pts.push(p);
    }
    let mut vals: Vec<f64> = pts.iter().map(|p| eval(p, &mut evals)).collect();
    let (alpha, gamma, rho, sigma) = (1.0, 2.0, 0.5, 0.5);
    let mut order: Vec<usize> = (0..=n).collect();
    while evals < opts.max_evals {
        order.sort_by(|&a, &b| vals[a].total_cmp(&vals[b]));
        let (best, worst, second) = (order[0], order[n], order[n - 1]);
        let spread = (vals[worst] - vals[best]).abs();
        if vals[best].is_finite()
            && vals[worst].is_finite()
            && spread <= opts.tol * (vals[best].abs() + opts.tol)
        {
            break;
        }
        let mut centroid = vec![0.0; n];
        for &i in &order[..n] {
            for (c, v) in centroid.iter_mut().zip(&pts[i]) {
                *c += v / n as f64;
            }
        }
        let along = |t: f64| -> Vec<f64> {
            let mut p: Vec<f64> = centroid
                .iter()
                .zip(&pts[worst])
                .map(|(c, w)| c + t * (c - w))
                .collect();
            clamp(&mut p);
            p
        };
        let xr = along(alpha);
        let fr = eval(&xr, &mut evals);
        if fr < vals[best] {
            let xe = along(gamma);
            let fe = eval(&xe, &mut evals);
            if fe < fr {
                pts[worst] = xe;
                vals[worst] = fe;
            } else {
                pts[worst] = xr;
                vals[worst] = fr;
            }
        } else if fr < vals[second] {
            pts[worst] = xr;
            vals[worst] = fr;
        } else {
            let (xc, fc) = if fr < vals[worst] {
                let xc = along(rho);
                let fc = eval(&xc, &mut evals);
                (xc, fc)
            } else {
                let xc = along(-rho);
                let fc = eval(&xc, &mut evals);
                (xc, fc)
            };
            if fc < vals[worst].min(fr) {
                pts[worst] = xc;
                vals[worst] = fc;
            } else {
                let b = pts[best].clone();
                for &i in &order[1..] {
                    let mut p: Vec<f64> = b
                        .iter()
                        .zip(&pts[i])
                        .map(|(bv, pv)| bv + sigma * (pv - bv))
                        .collect();
                    clamp(&mut p);
                    vals[i] = eval(&p, &mut evals);
                    pts[i] = p;
                }
            }
        }
    }
    let best = (0..=n)
        .min_by(|&a, &b| vals[a].total_cmp(&vals[b]))
        .unwrap_or(0);
    (pts[best].clone(), vals[best])
}
