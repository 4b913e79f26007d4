//! Forecasting engine: point forecasts and prediction intervals for univariate series.
//!
//! Pure library: data in, numbers out, no IO. The entry point is [`forecast`], which
//! validates its input, runs one [`Model`] (or the `auto` policy) and returns a
//! [`Forecast`] whose values are always finite. Accuracy measures and a
//! rolling-origin backtest live in [`metrics`].

mod auto;
pub mod batch;
mod decompose;
mod ets;
pub mod events;
mod intermittent;
pub mod metrics;
mod optim;
pub mod retail;
mod simple;
mod theta;

use std::fmt;
use std::str::FromStr;

pub use decompose::seasonality_test;

/// The longest horizon [`forecast`] accepts.
pub const MAX_HORIZON: usize = 10_000;

/// Everything that can go wrong in this crate; all are caller errors.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("the series is empty")]
    Empty,
    #[error("the value at position {index} is not a finite number ({value})")]
    NotFinite { index: usize, value: f64 },
    #[error("horizon {0} is out of range; allowed 1..={MAX_HORIZON}")]
    Horizon(usize),
    #[error("season {0} is out of range; allowed 1..={max}", max = MAX_HORIZON)]
    Season(usize),
    #[error("interval level {0} is out of range; allowed strictly between 0 and 100")]
    Level(f64),
    #[error("unknown model `{0}`; known: {known}", known = Model::NAMES.join(", "))]
    UnknownModel(String),
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A forecasting model, or the `auto` policy that picks one per series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Model {
    /// Per-series choice on the training data (see the `auto` module docs).
    Auto,
    /// Last value repeated.
    Naive,
    /// Last season repeated.
    SeasonalNaive,
    /// Naive on data seasonally adjusted when the M4 90% test says seasonal.
    Naive2,
    /// Simple exponential smoothing, ETS(A,N,N), on seasonally adjusted data (as M4's SES).
    Ses,
    /// Holt's linear trend, ETS(A,A,N), on seasonally adjusted data.
    Holt,
    /// Damped trend, ETS(A,Ad,N), on seasonally adjusted data.
    Damped,
    /// ETS with automatic choice of error, trend and season by AICc; seasons
    /// longer than 24 are removed by classical decomposition first.
    Ets,
    /// The standard Theta method (SES with drift) on seasonally adjusted data, as in M4.
    Theta,
    /// The Optimised Theta Model (Fiorucci et al. 2016: level, α and θ fitted) on
    /// seasonally adjusted data.
    OptimisedTheta,
    /// Croston's method for intermittent demand.
    Croston,
    /// Syntetos–Boylan approximation (bias-corrected Croston).
    Sba,
    /// Teunter–Syntetos–Babai, which updates the demand probability every period.
    Tsb,
    /// Median of ETS, Theta and damped trend on seasonally adjusted data.
    Ensemble,
}

impl Model {
    /// The names accepted by [`Model::from_str`], in declaration order.
    pub const NAMES: [&'static str; 14] = [
        "auto", "naive", "snaive", "naive2", "ses", "holt", "damped", "ets", "theta", "otm",
        "croston", "sba", "tsb", "ensemble",
    ];
    const ALL: [Model; 14] = [
        Model::Auto,
        Model::Naive,
        Model::SeasonalNaive,
        Model::Naive2,
        Model::Ses,
        Model::Holt,
        Model::Damped,
        Model::Ets,
        Model::Theta,
        Model::OptimisedTheta,
        Model::Croston,
        Model::Sba,
        Model::Tsb,
        Model::Ensemble,
    ];

    /// The model's name as used on the command line and in output columns.
    pub fn name(self) -> &'static str {
        let i = Self::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Self::NAMES[i]
    }
}

impl fmt::Display for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Model {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let key = s.trim().to_ascii_lowercase();
        let key = match key.as_str() {
            "seasonal_naive" | "seasonalnaive" => "snaive",
            "holt_damped" | "damped_holt" => "damped",
            "optimised_theta" | "optimized_theta" | "optimisedtheta" | "optimizedtheta" => "otm",
            other => other,
        };
        Self::NAMES
            .iter()
            .position(|n| *n == key)
            .map(|i| Self::ALL[i])
            .ok_or_else(|| Error::UnknownModel(s.to_string()))
    }
}

/// A prediction interval at one level (in percent).
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    pub level: f64,
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
}

/// Point forecasts and intervals for steps 1..=horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub mean: Vec<f64>,
    /// One entry per requested level, in the order given.
    pub intervals: Vec<Interval>,
    /// What actually produced the numbers, e.g. `ets(M,Ad,N)` or `naive`.
    pub model_used: String,
    /// True when the requested model could not be fitted and a simpler one was used.
    pub fell_back: bool,
}

/// Internal Gaussian forecast: means and standard deviations per step.
#[derive(Debug, Clone)]
pub(crate) struct Fc {
    pub(crate) mean: Vec<f64>,
    pub(crate) sd: Vec<f64>,
    pub(crate) label: String,
    pub(crate) fell_back: bool,
}

impl Fc {
    pub(crate) fn new(mean: Vec<f64>, sd: Vec<f64>, label: impl Into<String>) -> Self {
        Fc {
            mean,
            sd,
            label: label.into(),
            fell_back: false,
        }
    }
}

/// Forecasts `y` for `horizon` steps with seasonal period `season` (1 = none).
///
/// `levels` are interval levels in percent (e.g. `[80.0, 95.0]`). The result has
/// only finite numbers; a series too short, constant or all zero for the model
/// gets a simpler model and `fell_back = true` (a single point is repeated, with
/// zero-width intervals since no variability can be estimated from it).
pub fn forecast(
    y: &[f64],
    horizon: usize,
    season: usize,
    model: Model,
    levels: &[f64],
) -> Result<Forecast> {
    validate(y, horizon, season, levels)?;
    let fc = auto::run(y, horizon, season, model);
    Ok(finish(y, fc, levels))
}

fn validate(y: &[f64], horizon: usize, season: usize, levels: &[f64]) -> Result<()> {
    if y.is_empty() {
        return Err(Error::Empty);
    }
    if let Some((index, &value)) = y.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(Error::NotFinite { index, value });
    }
    if horizon == 0 || horizon > MAX_HORIZON {
        return Err(Error::Horizon(horizon));
    }
    if season == 0 || season > MAX_HORIZON {
        return Err(Error::Season(season));
    }
    if let Some(&l) = levels.iter().find(|l| !(**l > 0.0 && **l < 100.0)) {
        return Err(Error::Level(l));
    }
    Ok(())
}

/// Turns the internal Gaussian forecast into intervals; clamps at zero for
/// non-negative data and replaces any non-finite value by a naive forecast.
fn finish(y: &[f64], fc: Fc, levels: &[f64]) -> Forecast {
    let h = fc.mean.len();
    let ok = fc.mean.iter().chain(&fc.sd).all(|v| v.is_finite());
    let fc = if ok {
        fc
    } else {
        simple::naive(y, h).fallback()
    };
    let nonneg = y.iter().all(|v| *v >= 0.0);
    let clamp = |v: f64| if nonneg { v.max(0.0) } else { v };
    let mean: Vec<f64> = fc.mean.iter().map(|v| clamp(*v)).collect();
    let intervals = levels
        .iter()
        .map(|&level| {
            let z = normal_quantile(0.5 + level / 200.0);
            let lo = fc
                .mean
                .iter()
                .zip(&fc.sd)
                .map(|(m, s)| clamp(m - z * s))
                .collect();
            let hi = fc
                .mean
                .iter()
                .zip(&fc.sd)
                .map(|(m, s)| clamp(m + z * s))
                .collect();
            Interval { level, lo, hi }
        })
        .collect();
    Forecast {
        mean,
        intervals,
        model_used: fc.label,
        fell_back: fc.fell_back,
    }
}

impl Fc {
    pub(crate) fn fallback(mut self) -> Self {
        self.fell_back = true;
        self
    }
}

/// Inverse of the standard normal CDF (Acklam's rational approximation,
/// relative error below 1.2e-9), for 0 < p < 1.
#[allow(clippy::excessive_precision)] // the published coefficients, verbatim
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-03,
        3.224671290700398e-01,
        2.445134137142996e+00,
        3.754408661907416e+00,
    ];
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}
