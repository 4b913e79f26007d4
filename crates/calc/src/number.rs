//! `Number`: an exact rational or a flagged `f64` approximation, with range checks and
//! canonical decimal formatting.

use std::fmt;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::{Error, Result};

/// Exact values whose numerator or denominator exceed this many bits are converted to a
/// correctly rounded `f64` (flagged approximate).
pub(crate) const MAX_BITS: u64 = 4096;

/// Significant digits shown for a repeating (non-terminating) decimal.
const REPEATING_DIGITS: i64 = 16;

/// A calculation's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    /// Known exactly.
    Exact(BigRational),
    /// Irrational (or derived from an irrational): a finite `f64`, good to at least
    /// 15 significant digits for a single function application.
    Approx(f64),
}

impl Number {
    /// An exact integer.
    pub fn integer(n: i64) -> Number {
        Number::Exact(BigRational::from_integer(BigInt::from(n)))
    }

    /// An exact rational `numer / denom`; `None` when `denom` is zero.
    pub fn ratio(numer: i64, denom: i64) -> Option<Number> {
        (denom != 0).then(|| Number::Exact(BigRational::new(numer.into(), denom.into())))
    }

    /// Parse a plain decimal such as `1234.5` or `-0.25` exactly.
    pub fn parse_decimal(s: &str) -> Option<Number> {
        parse_decimal_rational(s).map(Number::Exact)
    }

    /// A figure from elsewhere (e.g. a previous answer held as `f64`), read as the exact
    /// value of its shortest decimal text: `0.1` is exactly 1/10, not the binary
    /// expansion. `None` for infinities and NaN.
    pub fn from_f64(f: f64) -> Option<Number> {
        if !f.is_finite() {
            return None;
        }
        let text = format!("{f:e}");
        let (mantissa, exp) = text.split_once('e')?;
        let exp: i32 = exp.parse().ok()?;
        let m = parse_decimal_rational(mantissa)?;
        let scale = BigRational::from_integer(pow10(u64::from(exp.unsigned_abs())));
        Some(Number::Exact(if exp < 0 { m / scale } else { m * scale }))
    }

    /// Whether the value is known exactly.
    pub fn is_exact(&self) -> bool {
        matches!(self, Number::Exact(_))
    }

    /// The exact rational, when there is one.
    pub fn as_rational(&self) -> Option<&BigRational> {
        match self {
            Number::Exact(r) => Some(r),
            Number::Approx(_) => None,
        }
    }

    /// The nearest `f64` (correctly rounded for exact values).
    pub fn to_f64(&self) -> f64 {
        match self {
            Number::Exact(r) => r.to_f64().unwrap_or(f64::NAN),
            Number::Approx(f) => *f,
        }
    }

    /// Exact and with a finite decimal expansion: the decimal string is the whole value.
    pub fn is_terminating(&self) -> bool {
        match self {
            Number::Exact(r) => strip_2_5(r.denom()).2.is_one(),
            Number::Approx(_) => false,
        }
    }

    /// Exact and a whole number.
    pub fn is_integer(&self) -> bool {
        matches!(self, Number::Exact(r) if r.is_integer())
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Number::Exact(r) => r.is_zero(),
            Number::Approx(f) => *f == 0.0,
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Number::Exact(r) => r.is_negative(),
            Number::Approx(f) => *f < 0.0,
        }
    }

    /// The canonical decimal text: every digit of a terminating exact value
    /// (`0.3`, `1267650600228229401496703205376`); a repeating exact value rounded to
    /// 16 significant digits (`0.3333333333333333`); an approximation as the shortest
    /// text that reads back as the same `f64` (`11.958260743101398`), in scientific
    /// notation outside 1e-7..1e21.
    pub fn to_decimal_string(&self) -> String {
        match self {
            Number::Exact(r) => format_exact(r),
            Number::Approx(f) => format_approx(*f),
        }
    }

    /// Range-check an exact value: beyond the `f64` range is an error; beyond
    /// [`MAX_BITS`] of precision it becomes a correctly rounded approximation.
    pub(crate) fn exact(r: BigRational) -> Result<Number> {
        let (nb, db) = (r.numer().bits(), r.denom().bits());
        if nb > db + 1023 && !r.to_f64().is_some_and(f64::is_finite) {
            return Err(Error::TooLarge);
        }
        if nb <= MAX_BITS && db <= MAX_BITS {
            return Ok(Number::Exact(r));
        }
        let f = r.to_f64().unwrap_or(f64::NAN);
        if f == 0.0 || (f.is_finite() && f.abs() < f64::MIN_POSITIVE) {
            return Err(Error::TooSmall);
        }
        Number::approx(f)
    }

    /// Check an `f64` result: NaN and infinities are errors, never values.
    pub(crate) fn approx(f: f64) -> Result<Number> {
        if f.is_nan() {
            Err(Error::Domain("the result is not a real number".into()))
        } else if f.is_infinite() {
            Err(Error::TooLarge)
        } else if f != 0.0 && f.abs() < f64::MIN_POSITIVE {
            // Subnormal: fewer than 15 significant digits survive.
            Err(Error::TooSmall)
        } else {
            Ok(Number::Approx(f))
        }
    }

    /// An `f64` computed from approximate operands (or that underflowed to zero from
    /// non-zero ones): checked, and snapped to 15 significant digits when within 4 ulps
    /// of such a value, so √2 × √2 reads 2 rather than 2.0000000000000004.
    pub(crate) fn approx_op(f: f64, underflow: bool) -> Result<Number> {
        if underflow && f == 0.0 {
            return Err(Error::TooSmall);
        }
        let n = Number::approx(f)?;
        let snapped: f64 = format!("{f:.14e}").parse().unwrap_or(f);
        if (snapped - f).abs() <= 4.0 * f.abs() * f64::EPSILON {
            return Ok(Number::Approx(snapped));
        }
        Ok(n)
    }

    pub(crate) fn add(&self, o: &Number) -> Result<Number> {
        match (self, o) {
            (Number::Exact(a), Number::Exact(b)) => Number::exact(a + b),
            _ => Number::approx_op(self.to_f64() + o.to_f64(), false),
        }
    }

    pub(crate) fn sub(&self, o: &Number) -> Result<Number> {
        match (self, o) {
            (Number::Exact(a), Number::Exact(b)) => Number::exact(a - b),
            _ => Number::approx_op(self.to_f64() - o.to_f64(), false),
        }
    }

    pub(crate) fn mul(&self, o: &Number) -> Result<Number> {
        match (self, o) {
            (Number::Exact(a), Number::Exact(b)) => Number::exact(a * b),
            _ => Number::approx_op(self.to_f64() * o.to_f64(), !self.is_zero() && !o.is_zero()),
        }
    }

    pub(crate) fn div(&self, o: &Number) -> Result<Number> {
        if o.is_zero() {
            return Err(Error::DivisionByZero);
        }
        match (self, o) {
            (Number::Exact(a), Number::Exact(b)) => Number::exact(a / b),
            _ => Number::approx_op(self.to_f64() / o.to_f64(), !self.is_zero()),
        }
    }

    pub(crate) fn neg(&self) -> Number {
        match self {
            Number::Exact(r) => Number::Exact(-r),
            Number::Approx(f) => Number::Approx(-f),
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal_string())
    }
}

pub(crate) fn pow10(k: u64) -> BigInt {
    BigInt::from(10u32).pow(k as u32)
}

/// `digits` or `digits.fraction` into an exact rational.
pub(crate) fn parse_decimal_rational(s: &str) -> Option<BigRational> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (s, exp) = match s.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().ok().filter(|e| e.abs() <= 9999)?),
        None => (s, 0),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits: BigInt = format!("0{int}{frac}").parse().ok()?;
    let mut r = BigRational::new(digits, pow10(frac.len() as u64));
    let scale = BigRational::from_integer(pow10(exp.unsigned_abs()));
    r = if exp < 0 { r / scale } else { r * scale };
    Some(if neg { -r } else { r })
}

/// Split `den` into its factors of 2, of 5 and the rest.
fn strip_2_5(den: &BigInt) -> (u64, u64, BigInt) {
    let twos = den.trailing_zeros().unwrap_or(0);
    let mut rest = den >> twos;
    let five = BigInt::from(5u32);
    let mut fives = 0;
    while !rest.is_zero() && (&rest % &five).is_zero() {
        rest /= &five;
        fives += 1;
    }
    (twos, fives, rest)
}

/// `digits` (non-negative) with a decimal point `places` from the right, trailing
/// fractional zeros trimmed.
fn place_point(digits: &BigInt, places: u64) -> String {
    let mut s = digits.to_string();
    if places == 0 {
        return s;
    }
    let places = places as usize;
    if s.len() <= places {
        s = format!("{}{s}", "0".repeat(places + 1 - s.len()));
    }
    let (int, frac) = s.split_at(s.len() - places);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

fn format_exact(r: &BigRational) -> String {
    let num = r.numer().abs();
    let den = r.denom();
    let (twos, fives, rest) = strip_2_5(den);
    let body = if rest.is_one() {
        let k = twos.max(fives);
        place_point(&(&num * pow10(k) / den), k)
    } else {
        // Decimal exponent e with 10^e <= num/den < 10^(e+1).
        let d = num.to_string().len() as i64 - den.to_string().len() as i64;
        let at_least = if d >= 0 {
            num >= den * pow10(d as u64)
        } else {
            &num * pow10((-d) as u64) >= *den
        };
        let e = if at_least { d } else { d - 1 };
        let places = (REPEATING_DIGITS - 1 - e).max(1) as u64;
        // Round half up: floor((2·num·10^p + den) / (2·den)).
        let scaled = (BigInt::from(2) * &num * pow10(places) + den) / (BigInt::from(2) * den);
        place_point(&scaled, places)
    };
    if r.is_negative() && body != "0" {
        format!("-{body}")
    } else {
        body
    }
}

fn format_approx(f: f64) -> String {
    if f == 0.0 {
        return "0".into();
    }
    let a = f.abs();
    if !(1e-7..1e21).contains(&a) {
        format!("{f:e}")
    } else {
        format!("{f}")
    }
}
