//! The calculation tree (`Expr`, its operators, functions and time units) and `evaluate`.

use crate::func;
use crate::number::Number;
use crate::{Error, Result};

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    /// Remainder after floored division (the result has the divisor's sign).
    Mod,
    Pow,
}

/// Unit of an angle given to a trigonometric function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Angle {
    Radians,
    Degrees,
}

/// A function. `Root` takes `[degree, x]`; `Round` takes `[x]` or `[x, decimal places]`;
/// `Min`, `Max`, `Mean` take one or more arguments; the others take one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Sqrt,
    Cbrt,
    Root,
    Ln,
    Log10,
    Log2,
    Exp,
    Sin(Angle),
    Cos(Angle),
    Tan(Angle),
    /// Degrees to radians (`30°` on its own).
    Radians,
    Abs,
    Round,
    Floor,
    Ceil,
    Factorial,
    Min,
    Max,
    Mean,
}

/// An exact unit of time (months and years are not: they vary in length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
}

impl TimeUnit {
    /// Length in seconds.
    pub fn seconds(self) -> i64 {
        match self {
            TimeUnit::Second => 1,
            TimeUnit::Minute => 60,
            TimeUnit::Hour => 3_600,
            TimeUnit::Day => 86_400,
            TimeUnit::Week => 604_800,
        }
    }

    /// English name, plural unless `one`.
    pub fn name(self, one: bool) -> &'static str {
        let (s, p) = match self {
            TimeUnit::Second => ("second", "seconds"),
            TimeUnit::Minute => ("minute", "minutes"),
            TimeUnit::Hour => ("hour", "hours"),
            TimeUnit::Day => ("day", "days"),
            TimeUnit::Week => ("week", "weeks"),
        };
        if one {
            s
        } else {
            p
        }
    }
}

/// A calculation as understood from the question.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number written in the question.
    Num(Number),
    /// The previous answer ("that", "it", "the result").
    Previous(Number),
    /// π (approximate; sin, cos and tan of a rational multiple of π are taken in degrees,
    /// so sin(π) is exactly 0).
    Pi,
    Neg(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `x%` = x / 100.
    Percent(Box<Expr>),
    /// `p% of y` = p / 100 × y.
    PercentOf {
        percent: Box<Expr>,
        of: Box<Expr>,
    },
    /// `base + p%` = base × (1 + p/100); `base − p%` = base × (1 − p/100).
    PercentChange {
        base: Box<Expr>,
        op: BinOp,
        percent: Box<Expr>,
    },
    /// `part` as a percentage of `whole` = part / whole × 100.
    AsPercentOf {
        part: Box<Expr>,
        whole: Box<Expr>,
    },
    Call(Func, Vec<Expr>),
    /// A duration (a sum of amounts of units) expressed in `to`.
    Convert {
        parts: Vec<(Expr, TimeUnit)>,
        to: TimeUnit,
    },
}

impl Expr {
    pub(crate) fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::Binary(op, Box::new(a), Box::new(b))
    }

    pub(crate) fn int(n: i64) -> Expr {
        Expr::Num(Number::integer(n))
    }

    /// Whether the calculation uses the previous answer.
    pub fn uses_previous(&self) -> bool {
        match self {
            Expr::Previous(_) => true,
            Expr::Num(_) | Expr::Pi => false,
            Expr::Neg(a) | Expr::Percent(a) => a.uses_previous(),
            Expr::Binary(_, a, b)
            | Expr::PercentOf { percent: a, of: b }
            | Expr::PercentChange {
                base: a,
                percent: b,
                ..
            }
            | Expr::AsPercentOf { part: a, whole: b } => a.uses_previous() || b.uses_previous(),
            Expr::Call(_, args) => args.iter().any(Expr::uses_previous),
            Expr::Convert { parts, .. } => parts.iter().any(|(e, _)| e.uses_previous()),
        }
    }

    /// The unit of the result, for a time conversion.
    pub fn unit(&self) -> Option<TimeUnit> {
        match self {
            Expr::Convert { to, .. } => Some(*to),
            _ => None,
        }
    }

    /// Binding strength for display: 1 sum, 2 product, 3 unary minus, 4 power,
    /// 5 postfix, 6 atom; 0 never binds (always parenthesised inside another).
    pub(crate) fn level(&self) -> u8 {
        match self {
            Expr::Num(n) | Expr::Previous(n) => {
                if n.is_negative() {
                    3
                } else if n.is_exact() && !n.is_terminating() {
                    2
                } else {
                    6
                }
            }
            Expr::Pi => 6,
            Expr::Neg(_) => 3,
            Expr::Binary(BinOp::Add | BinOp::Sub, ..) | Expr::PercentChange { .. } => 1,
            Expr::Binary(BinOp::Mul | BinOp::Div | BinOp::Mod, ..) | Expr::PercentOf { .. } => 2,
            Expr::Binary(BinOp::Pow, ..) => 4,
            Expr::Percent(_) | Expr::Call(Func::Factorial | Func::Radians, _) => 5,
            Expr::Call(..) => 6,
            Expr::AsPercentOf { .. } | Expr::Convert { .. } => 0,
        }
    }
}

/// Compute a calculation: exact where the value is rational, `f64` (flagged) where not.
/// Never panics and never returns an infinity or NaN.
pub fn evaluate(expr: &Expr) -> Result<Number> {
    eval(expr, 0)
}

const MAX_DEPTH: usize = 1_100;

fn eval(e: &Expr, depth: usize) -> Result<Number> {
    if depth > MAX_DEPTH {
        return Err(Error::Syntax("the calculation is nested too deeply".into()));
    }
    let ev = |x: &Expr| eval(x, depth + 1);
    let hundred = Number::integer(100);
    match e {
        Expr::Num(Number::Exact(r)) | Expr::Previous(Number::Exact(r)) => Number::exact(r.clone()),
        Expr::Num(n) | Expr::Previous(n) => Number::approx(n.to_f64()),
        Expr::Pi => Ok(Number::Approx(std::f64::consts::PI)),
        Expr::Neg(a) => Ok(ev(a)?.neg()),
        Expr::Binary(op, a, b) => {
            let (a, b) = (ev(a)?, ev(b)?);
            match op {
                BinOp::Add => a.add(&b),
                BinOp::Sub => a.sub(&b),
                BinOp::Mul => a.mul(&b),
                BinOp::Div => a.div(&b),
                BinOp::Mod => func::modulo(&a, &b),
                BinOp::Pow => func::pow(&a, &b),
            }
        }
        Expr::Percent(a) => ev(a)?.div(&hundred),
        Expr::PercentOf { percent, of } => ev(percent)?.div(&hundred)?.mul(&ev(of)?),
        Expr::PercentChange { base, op, percent } => {
            let p = ev(percent)?.div(&hundred)?;
            let one = Number::integer(1);
            let factor = if *op == BinOp::Add {
                one.add(&p)?
            } else {
                one.sub(&p)?
            };
            ev(base)?.mul(&factor)
        }
        Expr::AsPercentOf { part, whole } => ev(part)?.div(&ev(whole)?)?.mul(&hundred),
        Expr::Call(
            func @ (Func::Sin(Angle::Radians)
            | Func::Cos(Angle::Radians)
            | Func::Tan(Angle::Radians)),
            args,
        ) if args.len() == 1 && pi_multiple(&args[0]).is_some() => {
            let k = pi_multiple(&args[0]).unwrap_or_default();
            let degrees = k * num_rational::BigRational::from_integer(180.into());
            crate::trig::trig(*func, Angle::Degrees, &Number::exact(degrees)?)
        }
        Expr::Call(func, args) => {
            if let (Func::Sin(_) | Func::Cos(_) | Func::Tan(_), [Expr::Call(Func::Radians, x)]) =
                (func, args.as_slice())
            {
                if let [x] = x.as_slice() {
                    return crate::trig::trig(*func, Angle::Degrees, &ev(x)?);
                }
            }
            let vals = args.iter().map(ev).collect::<Result<Vec<_>>>()?;
            func::call(*func, &vals)
        }
        Expr::Convert { parts, to } => {
            let mut secs = Number::integer(0);
            for (x, unit) in parts {
                secs = secs.add(&ev(x)?.mul(&Number::integer(unit.seconds()))?)?;
            }
            secs.div(&Number::integer(to.seconds()))
        }
    }
}

/// `k` when `e` is exactly k·π for a rational k (π, 2π, π/6, −3 × π / 4...).
fn pi_multiple(e: &Expr) -> Option<num_rational::BigRational> {
    use num_traits::{One, Zero};
    let exact = |x: &Expr| evaluate(x).ok()?.as_rational().cloned();
    match e {
        Expr::Pi => Some(num_rational::BigRational::one()),
        Expr::Neg(a) => pi_multiple(a).map(|k| -k),
        Expr::Binary(BinOp::Mul, a, b) => match (pi_multiple(a), pi_multiple(b)) {
            (Some(k), None) => Some(k * exact(b)?),
            (None, Some(k)) => Some(exact(a)? * k),
            _ => None,
        },
        Expr::Binary(BinOp::Div, a, b) => {
            let (k, d) = (pi_multiple(a)?, exact(b)?);
            (!d.is_zero()).then(|| k / d)
        }
        _ => None,
    }
}
