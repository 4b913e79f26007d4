//! Model dispatch, fallbacks and the `auto` policy.
//!
//! `auto`, per series, on the training data only:
//! 1. all zero or constant: naive (counted as a fallback);
//! 2. intermittent (non-negative, at least 30% zeros): Croston, SBA or TSB,
//!    whichever scores best on a holdout of the last points;
//! 3. otherwise the candidates are the ensemble (median of ETS, Theta and damped
//!    trend on seasonally adjusted data), seasonal ETS (period ≤ 24) and seasonal
//!    naive. They are ranked on two rolling-origin holdout windows of `h` points
//!    at the end of the training data (scale-free error); a challenger must beat
//!    the ensemble by 20% to replace it. ETS forms are chosen by AICc once, on
//!    all the training data, and only refitted in the holdout windows.
//!
//! The policy's two constants (windows, margin) were chosen on M4 Hourly and
//! Weekly *training* data, holding out each series' last `h` points
//! (`examples/m4.rs` with `VALIDATE=1`), never on the test horizon.

use crate::decompose::Seasonal;
use crate::ets::{self, Spec, Trend, MAX_ETS_SEASON};
use crate::intermittent::{self, Method};
use crate::metrics::{mase_scale, smape};
use crate::simple::{naive, naive2, on_adjusted, seasonal_naive};
use crate::theta::{optimised_theta, theta};
use crate::{Fc, Model};

/// Share of zeros from which a non-negative series counts as intermittent.
const INTERMITTENT_ZEROS: f64 = 0.3;
/// Holdout windows used to rank candidates.
const ORIGINS: usize = 2;
/// A challenger replaces the default only when its holdout score is below this
/// fraction of the default's.
const MARGIN: f64 = 0.8;

/// Forecasts with `model`; never fails (falls back to simpler models).
pub(crate) fn run(y: &[f64], h: usize, m: usize, model: Model) -> Fc {
    let constant = y.len() < 2 || y.iter().all(|v| *v == y[0]);
    match model {
        Model::Naive => naive(y, h),
        Model::SeasonalNaive => seasonal_naive(y, h, m),
        Model::Naive2 => naive2(y, h, m),
        _ if constant => naive(y, h).fallback(),
        Model::Auto => auto(y, h, m),
        other => single(y, h, m, other).unwrap_or_else(|| naive(y, h).fallback()),
    }
}

/// One named model; `None` when it cannot be fitted to `y`.
fn single(y: &[f64], h: usize, m: usize, model: Model) -> Option<Fc> {
    let smooth = |trend: Trend, label: &'static str| {
        let fc = on_adjusted(y, h, m, label, |a, h| {
            ets::fit(a, Spec::additive(trend))
                .map_or_else(|| naive(a, h).fallback(), |f| f.forecast(h))
        });
        (!fc.fell_back).then(|| relabel(fc, label))
    };
    match model {
        Model::Naive => Some(naive(y, h)),
        Model::SeasonalNaive => Some(seasonal_naive(y, h, m)),
        Model::Naive2 => Some(naive2(y, h, m)),
        Model::Ses => smooth(Trend::None, "ses"),
        Model::Holt => smooth(Trend::Additive, "holt"),
        Model::Damped => smooth(Trend::Damped, "damped"),
        Model::Ets => ets_model(y, h, m, None).map(|(fc, _)| fc),
        Model::Theta => {
            let fc = on_adjusted(y, h, m, "theta", |a, h| {
                theta(a, h).unwrap_or_else(|| naive(a, h).fallback())
            });
            (!fc.fell_back).then(|| relabel(fc, "theta"))
        }
        Model::OptimisedTheta => {
            let fc = on_adjusted(y, h, m, "otm", |a, h| {
                optimised_theta(a, h).unwrap_or_else(|| naive(a, h).fallback())
            });
            (!fc.fell_back).then(|| relabel(fc, "otm"))
        }
        Model::Croston => intermittent::forecast(y, h, Method::Croston),
        Model::Sba => intermittent::forecast(y, h, Method::Sba),
        Model::Tsb => intermittent::forecast(y, h, Method::Tsb),
        Model::Ensemble => ensemble(y, h, m, None).map(|(fc, _)| fc),
        Model::Auto => Some(auto(y, h, m)),
    }
}

fn relabel(mut fc: Fc, label: &str) -> Fc {
    fc.label = label.to_string();
    fc
}

/// Fits `form` when given (falling back to a fresh AICc choice), else chooses by AICc.
fn ets_fit(y: &[f64], m: usize, form: Option<Spec>) -> Option<ets::Fit> {
    form.and_then(|spec| ets::fit(y, spec))
        .or_else(|| ets::auto(y, m))
}

/// Auto ETS: seasonal forms for periods up to 24; longer seasons are removed by
/// the M4 decomposition first and the adjusted series gets a non-seasonal ETS.
/// Returns the forecast and the form used.
fn ets_model(y: &[f64], h: usize, m: usize, form: Option<Spec>) -> Option<(Fc, Option<Spec>)> {
    if m <= MAX_ETS_SEASON {
        return ets_fit(y, m, form).map(|f| (f.forecast(h), Some(f.spec)));
    }
    let mut spec = None;
    let fc = on_adjusted(y, h, m, "ets", |a, h| match ets_fit(a, 1, form) {
        Some(f) => {
            spec = Some(f.spec);
            f.forecast(h)
        }
        None => naive(a, h).fallback(),
    });
    (!fc.fell_back).then_some((fc, spec))
}

/// Median of auto ETS, Theta and damped trend, all on M4-adjusted data.
/// Returns the forecast and the ETS member's form.
fn ensemble(y: &[f64], h: usize, m: usize, form: Option<Spec>) -> Option<(Fc, Option<Spec>)> {
    let season = Seasonal::m4(y, m);
    let adjusted = season.as_ref().map_or_else(|| y.to_vec(), |s| s.adjust(y));
    let ets_member = ets_fit(&adjusted, 1, form);
    let spec = ets_member.as_ref().map(|f| f.spec);
    let members = [
        ets_member.map(|f| f.forecast(h)),
        theta(&adjusted, h),
        ets::fit(&adjusted, Spec::additive(Trend::Damped)).map(|f| f.forecast(h)),
    ];
    let members: Vec<Fc> = members.into_iter().flatten().collect();
    if members.is_empty() {
        return None;
    }
    let mut fc = Fc::new(
        median_by_step(&members, |f| &f.mean),
        median_by_step(&members, |f| &f.sd),
        "ensemble",
    );
    if let Some(s) = season {
        s.restore(y.len(), &mut fc.mean, &mut fc.sd);
    }
    Some((fc, spec))
}

fn median_by_step(members: &[Fc], field: impl Fn(&Fc) -> &Vec<f64>) -> Vec<f64> {
    let h = field(&members[0]).len();
    (0..h)
        .map(|k| {
            let mut v: Vec<f64> = members.iter().map(|f| field(f)[k]).collect();
            v.sort_by(f64::total_cmp);
            let mid = v.len() / 2;
            if v.len() % 2 == 1 {
                v[mid]
            } else {
                0.5 * (v[mid - 1] + v[mid])
            }
        })
        .collect()
}

/// The per-series policy described in the module docs.
fn auto(y: &[f64], h: usize, m: usize) -> Fc {
    let n = y.len();
    if n < 2 || y.iter().all(|v| *v == y[0]) {
        return naive(y, h).fallback();
    }
    let zeros = y.iter().filter(|v| **v == 0.0).count() as f64 / n as f64;
    let candidates: Vec<Model> = if y.iter().all(|v| *v >= 0.0) && zeros >= INTERMITTENT_ZEROS {
        vec![Model::Sba, Model::Croston, Model::Tsb]
    } else {
        let mut c = vec![Model::Ensemble];
        if (2..=MAX_ETS_SEASON).contains(&m) && n >= 3 * m {
            c.push(Model::Ets);
        }
        if m >= 2 && n >= 2 * m {
            c.push(Model::SeasonalNaive);
        }
        c
    };
    // Fit every candidate on all the data first; the ETS forms chosen here by
    // AICc are refitted (not re-chosen) in the holdout windows.
    let full: Vec<Option<(Fc, Option<Spec>)>> = candidates
        .iter()
        .map(|&c| candidate(y, h, m, c, None))
        .collect();
    let forms: Vec<Option<Spec>> = full.iter().map(|f| f.as_ref().and_then(|f| f.1)).collect();
    let chosen = select(y, h, m, &candidates, &forms);
    let fallback = || naive(y, h).fallback();
    let pick = |i: usize| {
        full[i]
            .as_ref()
            .map(|f| f.0.clone())
            .filter(|fc| !fc.fell_back)
    };
    match pick(chosen).or_else(|| (0..candidates.len()).find_map(pick)) {
        Some(fc) => relabel_auto(fc),
        None => fallback(),
    }
}

/// One auto candidate, with the ETS form it used (if any).
fn candidate(
    y: &[f64],
    h: usize,
    m: usize,
    model: Model,
    form: Option<Spec>,
) -> Option<(Fc, Option<Spec>)> {
    match model {
        Model::Ets => ets_model(y, h, m, form),
        Model::Ensemble => ensemble(y, h, m, form),
        other => single(y, h, m, other).map(|fc| (fc, None)),
    }
}

fn relabel_auto(mut fc: Fc) -> Fc {
    fc.label = format!("auto:{}", fc.label);
    fc
}

/// Rolling-origin holdout on the training data: `ORIGINS` windows of `h` points
/// (at most a quarter of the series each) at the end of `y`. Each candidate is
/// fitted on the data before a window and scored on it by MAE scaled by the
/// in-sample seasonal-naive error plus sMAPE/100, summed over windows. The first
/// candidate (the default) keeps its place unless another scores below
/// `MARGIN` times its score; with too little data the default is used.
fn select(y: &[f64], h: usize, m: usize, candidates: &[Model], forms: &[Option<Spec>]) -> usize {
    let n = y.len();
    let hold = h.min(n / 4);
    if candidates.len() == 1 || hold == 0 {
        return 0;
    }
    let mut totals = vec![0.0; candidates.len()];
    let mut used = 0;
    for o in 0..ORIGINS {
        let Some(train_len) = n.checked_sub(hold * (o + 1)) else {
            break;
        };
        if train_len < (2 * m).max(8) {
            break;
        }
        used += 1;
        let (train, rest) = y.split_at(train_len);
        let test = &rest[..hold];
        let scale = mase_scale(train, m.min(train_len / 2).max(1))
            .or_else(|| mase_scale(train, 1))
            .unwrap_or(1.0);
        for (i, &c) in candidates.iter().enumerate() {
            totals[i] += match candidate(train, hold, m, c, forms[i]) {
                Some((fc, _)) if !fc.fell_back && fc.mean.iter().all(|v| v.is_finite()) => {
                    let mae = test
                        .iter()
                        .zip(&fc.mean)
                        .map(|(a, f)| (a - f).abs())
                        .sum::<f64>()
                        / hold as f64;
                    mae / scale + smape(test, &fc.mean) / 100.0
                }
                _ => f64::INFINITY,
            };
        }
    }
    if used == 0 {
        return 0;
    }
    let mut best = 0;
    for i in 1..candidates.len() {
        if totals[i] < totals[best] {
            best = i;
        }
    }
    if totals[best] < MARGIN * totals[0] {
        best
    } else {
        0
    }
}
