//! Powers and functions: exact when the result is rational (perfect roots, integer
//! powers, special angles), otherwise one correctly rounded `f64` operation on the
//! correctly rounded operand. Exponents are bounded before anything is computed.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::expr::Func;
use crate::number::Number;
use crate::{Error, Result};

/// Largest factorial argument whose result fits an `f64`.
const MAX_FACTORIAL: u32 = 170;
/// Largest bit length of an exact power computed before rounding to `f64`.
const MAX_POW_BITS: u64 = 1 << 20;
/// Largest root degree taken.
const MAX_ROOT: u32 = 1000;

pub(crate) fn int(n: i64) -> BigRational {
    BigRational::from_integer(BigInt::from(n))
}

pub(crate) fn domain(msg: &str) -> Error {
    Error::Domain(msg.into())
}

/// `b ^ n` for an integer `n`, exact.
fn pow_int(b: &BigRational, n: &BigInt) -> Result<Number> {
    if b.is_zero() {
        return match n.sign() {
            num_bigint::Sign::Minus => Err(Error::DivisionByZero),
            num_bigint::Sign::NoSign => Ok(Number::integer(1)),
            num_bigint::Sign::Plus => Ok(Number::integer(0)),
        };
    }
    if b.abs().is_one() {
        let neg = b.is_negative() && n.is_odd();
        return Ok(Number::integer(if neg { -1 } else { 1 }));
    }
    let Some(e) = n.abs().to_u64() else {
        return Err(Error::ExponentTooLarge);
    };
    let (nb, db) = (b.numer().bits(), b.denom().bits());
    // Reject what is surely out of range before computing anything.
    let log2 = b.to_f64().map_or(f64::NAN, |f| f.abs().log2()) * e as f64;
    if log2 > 1030.0 {
        return Err(if n.is_negative() {
            Error::TooSmall
        } else {
            Error::TooLarge
        });
    }
    if log2 < -1080.0 {
        return Err(if n.is_negative() {
            Error::TooLarge
        } else {
            Error::TooSmall
        });
    }
    if nb.max(db).saturating_mul(e) > MAX_POW_BITS {
        return Err(Error::ExponentTooLarge);
    }
    let e = e as u32;
    let (p, q) = (b.numer().pow(e), b.denom().pow(e));
    let r = if n.is_negative() {
        if p.is_negative() {
            BigRational::new_raw(-q, -p)
        } else {
            BigRational::new_raw(q, p)
        }
    } else {
        BigRational::new_raw(p, q)
    };
    Number::exact(r)
}

/// The exact `n`-th root of `r` when it is rational.
fn exact_root(r: &BigRational, n: u32) -> Option<BigRational> {
    if r.is_negative() && n % 2 == 0 {
        return None;
    }
    let root = |x: &BigInt| {
        let a = x.abs();
        let s = a.nth_root(n);
        (s.pow(n) == a).then_some(if x.is_negative() { -s } else { s })
    };
    Some(BigRational::new_raw(root(r.numer())?, root(r.denom())?))
}

pub(crate) fn pow(b: &Number, e: &Number) -> Result<Number> {
    if let (Number::Exact(br), Number::Exact(er)) = (b, e) {
        if er.is_integer() {
            return pow_int(br, er.numer());
        }
        if br.is_zero() {
            return if er.is_negative() {
                Err(Error::DivisionByZero)
            } else {
                Ok(Number::integer(0))
            };
        }
        // Rational exponent p/q: exact when the q-th root is rational.
        if let Some(q) = er.denom().to_u32().filter(|q| *q <= MAX_ROOT) {
            if let Some(root) = exact_root(br, q) {
                return pow_int(&root, er.numer());
            }
            if br.is_negative() {
                if q % 2 == 0 {
                    return Err(Error::NegativeRoot);
                }
                let mag = b.to_f64().abs().powf(e.to_f64());
                let neg = er.numer().is_odd();
                return Number::approx(if neg { -mag } else { mag });
            }
        }
    }
    let (bf, ef) = (b.to_f64(), e.to_f64());
    if bf == 0.0 && ef < 0.0 {
        return Err(Error::DivisionByZero);
    }
    if bf < 0.0 && ef.fract() != 0.0 {
        return Err(domain(
            "a negative number to a fractional power is not a real number",
        ));
    }
    let r = bf.powf(ef);
    if b.is_exact() && e.is_exact() {
        // One correctly rounded operation: no snapping.
        if r == 0.0 && bf != 0.0 {
            return Err(Error::TooSmall);
        }
        return Number::approx(r);
    }
    Number::approx_op(r, bf != 0.0)
}

fn root(x: &Number, n: u32) -> Result<Number> {
    if n == 0 || n > MAX_ROOT {
        return Err(domain(
            "the degree of a root must be a whole number from 1 to 1000",
        ));
    }
    if x.is_negative() && n % 2 == 0 {
        return Err(Error::NegativeRoot);
    }
    if let Number::Exact(r) = x {
        if let Some(root) = exact_root(r, n) {
            return Number::exact(root);
        }
    }
    let f = x.to_f64();
    let mag = match n {
        2 => f.abs().sqrt(),
        3 => f.abs().cbrt(),
        _ => f.abs().powf(1.0 / n as f64),
    };
    Number::approx(if f < 0.0 { -mag } else { mag })
}

fn small_int(x: &Number) -> Option<i64> {
    x.as_rational()
        .filter(|r| r.is_integer())
        .and_then(|r| r.numer().to_i64())
}

/// Exact `k` when `r` = `base`^k for an integer k.
fn exact_log(r: &BigRational, base: u32) -> Option<i64> {
    let (num, den) = (r.numer(), r.denom());
    let (x, sign) = if den.is_one() {
        (num.clone(), 1)
    } else if num.is_one() {
        (den.clone(), -1)
    } else {
        return None;
    };
    let mut x = x;
    let b = BigInt::from(base);
    let mut k = 0i64;
    while x > BigInt::one() {
        let (q, rem) = x.div_rem(&b);
        if !rem.is_zero() {
            return None;
        }
        x = q;
        k += 1;
    }
    Some(sign * k)
}

fn log(x: &Number, func: Func) -> Result<Number> {
    if x.is_zero() || x.is_negative() {
        return Err(domain("the logarithm is defined only for positive numbers"));
    }
    let base = match func {
        Func::Log10 => Some(10),
        Func::Log2 => Some(2),
        _ => None,
    };
    if let Number::Exact(r) = x {
        if r.is_one() {
            return Ok(Number::integer(0));
        }
        if let Some(k) = base.and_then(|b| exact_log(r, b)) {
            return Ok(Number::integer(k));
        }
        // Near 1, take ln(1 + (x − 1)) with x − 1 computed exactly.
        let d = (r - int(1)).to_f64().unwrap_or(f64::NAN);
        if d.abs() < 0.25 {
            let ln = d.ln_1p();
            return Number::approx(match func {
                Func::Log10 => ln / std::f64::consts::LN_10,
                Func::Log2 => ln / std::f64::consts::LN_2,
                _ => ln,
            });
        }
    }
    let f = x.to_f64();
    Number::approx(match func {
        Func::Log10 => f.log10(),
        Func::Log2 => f.log2(),
        _ => f.ln(),
    })
}

fn round(x: &Number, places: Option<&Number>, func: Func) -> Result<Number> {
    let p = match places {
        None => 0,
        Some(n) => small_int(n)
            .filter(|p| (0..=15).contains(p))
            .ok_or_else(|| domain("round to a whole number of decimal places from 0 to 15"))?,
    } as u64;
    match x {
        Number::Exact(r) => {
            let scale = BigRational::from_integer(crate::number::pow10(p));
            let s = r * &scale;
            let s = match func {
                Func::Floor => s.floor(),
                Func::Ceil => s.ceil(),
                _ => s.round(),
            };
            Number::exact(s / scale)
        }
        Number::Approx(f) => {
            let scale = 10f64.powi(p as i32);
            let s = f * scale;
            let s = match func {
                Func::Floor => s.floor(),
                Func::Ceil => s.ceil(),
                _ => s.round(),
            };
            Number::approx(s / scale)
        }
    }
}

fn factorial(x: &Number) -> Result<Number> {
    let n = small_int(x).ok_or(Error::Factorial)?;
    if n < 0 || n > MAX_FACTORIAL as i64 {
        return Err(Error::Factorial);
    }
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
    }
    Number::exact(BigRational::from_integer(acc))
}

fn compare(a: &Number, b: &Number) -> std::cmp::Ordering {
    match (a, b) {
        (Number::Exact(x), Number::Exact(y)) => x.cmp(y),
        _ => a.to_f64().total_cmp(&b.to_f64()),
    }
}

/// Apply a function to evaluated arguments.
pub(crate) fn call(func: Func, args: &[Number]) -> Result<Number> {
    let arity = |n: usize| {
        if args.len() == n {
            Ok(())
        } else {
            Err(Error::Syntax(format!(
                "this function takes {n} argument(s)"
            )))
        }
    };
    match func {
        Func::Min | Func::Max | Func::Mean => {
            let first = args
                .first()
                .ok_or_else(|| Error::Syntax("no numbers given".into()))?;
            let mut acc = first.clone();
            for a in &args[1..] {
                acc = match func {
                    Func::Mean => acc.add(a)?,
                    Func::Min if compare(a, &acc).is_lt() => a.clone(),
                    Func::Max if compare(a, &acc).is_gt() => a.clone(),
                    _ => acc,
                };
            }
            if func == Func::Mean {
                acc = acc.div(&Number::integer(args.len() as i64))?;
            }
            Ok(acc)
        }
        Func::Root => {
            arity(2)?;
            let n = small_int(&args[0])
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| {
                    domain("the degree of a root must be a whole number from 1 to 1000")
                })?;
            root(&args[1], n)
        }
        Func::Round | Func::Floor | Func::Ceil => {
            if args.len() == 2 {
                return round(&args[0], Some(&args[1]), func);
            }
            arity(1)?;
            round(&args[0], None, func)
        }
        _ => {
            arity(1)?;
            let x = &args[0];
            match func {
                Func::Sqrt => root(x, 2),
                Func::Cbrt => root(x, 3),
                Func::Ln | Func::Log10 | Func::Log2 => log(x, func),
                Func::Exp if x.is_exact() && x.is_zero() => Ok(Number::integer(1)),
                Func::Exp => {
                    let r = x.to_f64().exp();
                    if r == 0.0 {
                        Err(Error::TooSmall)
                    } else {
                        Number::approx(r)
                    }
                }
                Func::Sin(u) | Func::Cos(u) | Func::Tan(u) => crate::trig::trig(func, u, x),
                Func::Radians if x.is_exact() && x.is_zero() => Ok(Number::integer(0)),
                Func::Radians => Number::approx(x.to_f64().to_radians()),
                Func::Abs if x.is_negative() => Ok(x.neg()),
                Func::Abs => Ok(x.clone()),
                Func::Factorial => factorial(x),
                _ => Err(Error::Syntax("unknown function".into())),
            }
        }
    }
}

/// `a mod b` = a − b·⌊a/b⌋.
pub(crate) fn modulo(a: &Number, b: &Number) -> Result<Number> {
    if b.is_zero() {
        return Err(Error::DivisionByZero);
    }
    match (a, b) {
        (Number::Exact(x), Number::Exact(y)) => Number::exact(x - y * (x / y).floor()),
        _ => {
            let (x, y) = (a.to_f64(), b.to_f64());
            Number::approx(x - y * (x / y).floor())
        }
    }
}
