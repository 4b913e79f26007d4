//! sin, cos and tan: exact at whole multiples of 30° and 45° where the value is
//! rational (sin 30° = 1/2, tan 45° = 1), one `f64` evaluation elsewhere.

use num_rational::BigRational;
use num_traits::ToPrimitive;

use crate::expr::{Angle, Func};
use crate::func::{domain, int};
use crate::number::Number;
use crate::Result;

/// sin, cos or tan of an angle; exact at multiples of 30° and 45° where rational.
pub(crate) fn trig(func: Func, unit: Angle, x: &Number) -> Result<Number> {
    let tan_undefined = || domain("the tangent is undefined at odd multiples of 90°");
    if unit == Angle::Degrees {
        if let Number::Exact(r) = x {
            let red = r - int(360) * (r / int(360)).floor();
            let deg = red.is_integer().then(|| red.numer().to_i64()).flatten();
            if let Some(d) = deg.filter(|d| d % 30 == 0 || d % 45 == 0) {
                return match func {
                    Func::Sin(_) => Ok(special_sin(d)),
                    Func::Cos(_) => Ok(special_sin((d + 90) % 360)),
                    _ => special_tan(d).ok_or_else(tan_undefined),
                };
            }
            let rad = red.to_f64().unwrap_or(f64::NAN).to_radians();
            return trig(func, Angle::Radians, &Number::Approx(rad));
        }
        return trig(
            func,
            Angle::Radians,
            &Number::approx(x.to_f64().to_radians())?,
        );
    }
    if x.is_exact() && x.is_zero() {
        return Ok(Number::integer(if matches!(func, Func::Cos(_)) {
            1
        } else {
            0
        }));
    }
    let f = x.to_f64();
    match func {
        Func::Sin(_) => Number::approx(f.sin()),
        Func::Cos(_) => Number::approx(f.cos()),
        _ => Number::approx(f.tan()),
    }
}

/// sin of a whole number of degrees in 0..360 that is a multiple of 30 or 45.
fn special_sin(d: i64) -> Number {
    let half_sqrt2 = std::f64::consts::FRAC_1_SQRT_2;
    let half_sqrt3 = 3f64.sqrt() / 2.0;
    let (mag, neg) = (d % 180, d >= 180);
    let v = match mag {
        0 => Number::integer(0),
        90 => Number::integer(1),
        30 | 150 => Number::Exact(BigRational::new(1.into(), 2.into())),
        45 | 135 => Number::Approx(half_sqrt2),
        _ => Number::Approx(half_sqrt3),
    };
    if neg {
        v.neg()
    } else {
        v
    }
}

/// tan of a whole number of degrees in 0..360 that is a multiple of 30 or 45; `None`
/// where it is undefined (90°, 270°).
fn special_tan(d: i64) -> Option<Number> {
    let sqrt3 = 3f64.sqrt();
    Some(match d % 180 {
        0 => Number::integer(0),
        45 => Number::integer(1),
        135 => Number::integer(-1),
        90 => return None,
        30 => Number::Approx(sqrt3 / 3.0),
        150 => Number::Approx(-sqrt3 / 3.0),
        60 => Number::Approx(sqrt3),
        _ => Number::Approx(-sqrt3),
    })
}
