//! The answer text of a calculation: `Display` for `Expr` ("143 × 7", "√143",
//! "17.5% of 2340", "sin(30°)"), with the fewest parentheses that keep its meaning.

use std::fmt;

use crate::expr::{Angle, BinOp, Expr, Func};
use crate::number::Number;

/// Write `e`, in parentheses when it binds less tightly than `min`.
fn child(f: &mut fmt::Formatter<'_>, e: &Expr, min: u8) -> fmt::Result {
    if e.level() < min {
        write!(f, "({e})")
    } else {
        write!(f, "{e}")
    }
}

fn write_number(f: &mut fmt::Formatter<'_>, n: &Number) -> fmt::Result {
    match n.as_rational() {
        Some(r) if !n.is_terminating() => write!(f, "{}/{}", r.numer(), r.denom()),
        _ => write!(f, "{n}"),
    }
}

fn superscript(n: &Expr) -> Option<String> {
    let Expr::Num(n) = n else { return None };
    let s = n.is_integer().then(|| n.to_decimal_string())?;
    let sup = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    s.chars()
        .map(|c| c.to_digit(10).map(|d| sup[d as usize]))
        .collect()
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Num(n) | Expr::Previous(n) => write_number(f, n),
            Expr::Pi => f.write_str("π"),
            Expr::Neg(a) => {
                f.write_str("−")?;
                child(f, a, 4)
            }
            Expr::Binary(op, a, b) => {
                let (sym, l, r) = match op {
                    BinOp::Add => (" + ", 1, 2),
                    BinOp::Sub => (" − ", 1, 2),
                    BinOp::Mul => (" × ", 2, 3),
                    BinOp::Div => (" ÷ ", 2, 3),
                    BinOp::Mod => (" mod ", 2, 3),
                    BinOp::Pow => ("^", 5, 4),
                };
                child(f, a, l)?;
                f.write_str(sym)?;
                child(f, b, r)
            }
            Expr::Percent(a) => {
                child(f, a, 6)?;
                f.write_str("%")
            }
            Expr::PercentOf { percent, of } => {
                child(f, percent, 6)?;
                f.write_str("% of ")?;
                child(f, of, 3)
            }
            Expr::PercentChange { base, op, percent } => {
                child(f, base, 1)?;
                f.write_str(if *op == BinOp::Add { " + " } else { " − " })?;
                child(f, percent, 6)?;
                f.write_str("%")
            }
            Expr::AsPercentOf { part, whole } => {
                child(f, part, 1)?;
                f.write_str(" as a percentage of ")?;
                child(f, whole, 1)
            }
            Expr::Call(func, args) => fmt_call(f, *func, args),
            Expr::Convert { parts, to } => {
                for (i, (e, u)) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" ")?;
                    }
                    let one = matches!(e, Expr::Num(n) if n.to_f64() == 1.0);
                    child(f, e, 1)?;
                    write!(f, " {}", u.name(one))?;
                }
                write!(f, " in {}", to.name(false))
            }
        }
    }
}

fn fmt_call(f: &mut fmt::Formatter<'_>, func: Func, args: &[Expr]) -> fmt::Result {
    let prefix = match func {
        Func::Sqrt => Some("√"),
        Func::Cbrt => Some("∛"),
        _ => None,
    };
    if let (Some(p), [a]) = (prefix, args) {
        f.write_str(p)?;
        return child(f, a, 6);
    }
    match (func, args) {
        (Func::Root, [n, x]) if superscript(n).is_some() => {
            write!(f, "{}√", superscript(n).unwrap_or_default())?;
            return child(f, x, 6);
        }
        (Func::Factorial, [a]) => {
            child(f, a, 6)?;
            return f.write_str("!");
        }
        (
            Func::Sin(Angle::Degrees) | Func::Cos(Angle::Degrees) | Func::Tan(Angle::Degrees),
            [a],
        ) => {
            let name = match func {
                Func::Sin(_) => "sin",
                Func::Cos(_) => "cos",
                _ => "tan",
            };
            write!(f, "{name}(")?;
            child(f, a, 6)?;
            return f.write_str("°)");
        }
        (Func::Radians, [a]) => {
            child(f, a, 6)?;
            return f.write_str("°");
        }
        _ => {}
    }
    let name = match func {
        Func::Sqrt => "sqrt",
        Func::Cbrt => "cbrt",
        Func::Root => "root",
        Func::Ln => "ln",
        Func::Log10 => "log10",
        Func::Log2 => "log2",
        Func::Exp => "exp",
        Func::Sin(_) => "sin",
        Func::Cos(_) => "cos",
        Func::Tan(_) => "tan",
        Func::Radians => "radians",
        Func::Abs => "abs",
        Func::Round => "round",
        Func::Floor => "floor",
        Func::Ceil => "ceil",
        Func::Factorial => "factorial",
        Func::Min => "min",
        Func::Max => "max",
        Func::Mean => "mean",
    };
    write!(f, "{name}(")?;
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{a}")?;
    }
    f.write_str(")")
}
