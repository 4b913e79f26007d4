//! Intermittent-demand models: Croston, SBA and TSB with smoothing constant 0.1.

use crate::Fc;

/// Smoothing constant used by all three methods (the usual textbook value).
const ALPHA: f64 = 0.1;

/// Which intermittent method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Croston,
    Sba,
    Tsb,
}

/// SES of `v` initialised at its first value: the final level.
fn ses_level(v: &[f64], alpha: f64) -> f64 {
    let mut level = v[0];
    for x in &v[1..] {
        level += alpha * (x - level);
    }
    level
}

/// The one-period demand rate the method forecasts after seeing `y`.
/// `None` when there is no non-zero demand.
pub(crate) fn rate(y: &[f64], method: Method) -> Option<f64> {
    let nz: Vec<usize> = (0..y.len()).filter(|&t| y[t] != 0.0).collect();
    if nz.is_empty() {
        return None;
    }
    match method {
        Method::Croston | Method::Sba => {
            // Sizes of the non-zero demands and the intervals between them; the
            // first interval counts from the start of the series.
            let sizes: Vec<f64> = nz.iter().map(|&t| y[t]).collect();
            let intervals: Vec<f64> = nz
                .iter()
                .enumerate()
                .map(|(i, &t)| {
                    if i == 0 {
                        (t + 1) as f64
                    } else {
                        (t - nz[i - 1]) as f64
                    }
                })
                .collect();
            let r = ses_level(&sizes, ALPHA) / ses_level(&intervals, ALPHA);
            Some(if method == Method::Sba {
                (1.0 - ALPHA / 2.0) * r
            } else {
                r
            })
        }
        Method::Tsb => {
            // Probability updated every period, size only when demand occurs;
            // initialised at the sample occurrence rate and the first demand.
            let mut p = nz.len() as f64 / y.len() as f64;
            let mut z = y[nz[0]];
            for &v in y {
                let occurred = if v != 0.0 { 1.0 } else { 0.0 };
                p += ALPHA * (occurred - p);
                if v != 0.0 {
                    z += ALPHA * (v - z);
                }
            }
            Some(p * z)
        }
    }
}

/// Sum of squared one-step in-sample errors and their count, in one pass: the
/// forecast for period `t` is the method's rate after periods `..t` (from the
/// first demand on). TSB starts its probability at the whole sample's rate.
fn one_step_errors(y: &[f64], method: Method) -> (f64, usize) {
    let (mut ss, mut count) = (0.0, 0usize);
    let mut err = |actual: f64, rate: f64| {
        ss += (actual - rate).powi(2);
        count += 1;
    };
    match method {
        Method::Croston | Method::Sba => {
            let factor = if method == Method::Sba {
                1.0 - ALPHA / 2.0
            } else {
                1.0
            };
            // (size level, interval level, index of the last demand)
            let mut state: Option<(f64, f64, usize)> = None;
            for (t, &v) in y.iter().enumerate() {
                if let Some((z, p, _)) = state {
                    err(v, factor * z / p);
                }
                if v != 0.0 {
                    state = Some(match state {
                        None => (v, (t + 1) as f64, t),
                        Some((z, p, last)) => {
                            (z + ALPHA * (v - z), p + ALPHA * ((t - last) as f64 - p), t)
                        }
                    });
                }
            }
        }
        Method::Tsb => {
            let mut p = y.iter().filter(|v| **v != 0.0).count() as f64 / y.len() as f64;
            let mut z: Option<f64> = None;
            for &v in y {
                if let Some(z) = z {
                    err(v, p * z);
                }
                p += ALPHA * (if v != 0.0 { 1.0 } else { 0.0 } - p);
                if v != 0.0 {
                    z = Some(z.map_or(v, |z| z + ALPHA * (v - z)));
                }
            }
        }
    }
    (ss, count)
}

/// Flat forecast at the method's rate; sd from in-sample one-step errors,
/// widened as SES with the same constant.
pub(crate) fn forecast(y: &[f64], h: usize, method: Method) -> Option<Fc> {
    let level = rate(y, method)?;
    let (ss, count) = one_step_errors(y, method);
    let sigma = if count > 0 {
        (ss / count as f64).sqrt()
    } else {
        level.abs()
    };
    let sd = (1..=h)
        .map(|k| sigma * (1.0 + ALPHA * ALPHA * (k as f64 - 1.0)).sqrt())
        .collect();
    let label = match method {
        Method::Croston => "croston",
        Method::Sba => "sba",
        Method::Tsb => "tsb",
    };
    Some(Fc::new(vec![level; h], sd, label))
}
