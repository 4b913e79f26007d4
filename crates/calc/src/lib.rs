//! Abacus calculator engine: exact rational arithmetic and a natural-language math extractor.
//!
//! A calculation is computed exactly (integers and decimals without rounding error) as a
//! rational; only irrational results (roots that are not perfect, logarithms, trigonometry)
//! fall back to `f64`, flagged [`Number::Approx`]. Nothing here does IO.
//!
//! What the extractor reads (see `vocab.rs` for every word): digits with thousands
//! separators, decimals and `1.5e3`; number words ("three hundred and five", "1.2
//! million", "two thirds", "one and a half", "three point one four"); + − × ÷ ^ ** mod
//! and their words; squared, cubed, %, "x% of y", "y plus/minus x%", "x% off y", "what
//! percent is a of b"; √, cube and n-th roots, ln/log/log2, exp, sin/cos/tan (radians, or
//! degrees when said; exact at special angles and rational multiples of π), abs, round
//! (to n decimal places), floor, ceil, factorial, min, max, average, sum, product;
//! imperatives on the previous answer ("divide that by 9", "add 5", "increase it by
//! 10%"); exact time conversions between seconds, minutes, hours, days and weeks (months
//! and years are refused: they vary in length); Chinese (加 减 乘 乘以 除以 平方根 百分之,
//! Chinese numerals) and Arabic (زائد ناقص ضرب مقسوم على الجذر التربيعي, Arabic-Indic
//! digits). Misspelt operator words within a small edit distance are accepted. Any
//! other word means the text is not a calculation (`None`).
//!
//! ```
//! use abacus_calc::{calculate, parse_question, evaluate};
//! let calc = calculate("what is 143 times 7?", None).unwrap().unwrap();
//! assert_eq!(calc.to_string(), "143 × 7 = 1001");
//! let expr = parse_question("divide that by 7", Some(&calc.value)).unwrap().unwrap();
//! assert_eq!(evaluate(&expr).unwrap().to_string(), "143");
//! assert!(parse_question("top 5 categories by revenue this year", None).is_none());
//! ```

mod chinese;
mod display;
mod expr;
mod func;
mod lex;
mod lexicon;
mod number;
mod parse;
mod patterns;
mod trig;
mod verbs;
mod vocab;

use std::fmt;

pub use expr::{evaluate, Angle, BinOp, Expr, Func, TimeUnit};
pub use number::Number;
pub use parse::parse_question;

/// Everything that can go wrong while understanding or computing a calculation.
/// All of these are user errors: the text asked for something that has no number.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("division by zero is undefined")]
    DivisionByZero,
    #[error("an even root of a negative number is not a real number")]
    NegativeRoot,
    #[error("{0}")]
    Domain(String),
    #[error("the result is too large for a number (the limit is about 1.8 × 10^308)")]
    TooLarge,
    #[error("the result is too small to represent (closer to zero than about 10^-308)")]
    TooSmall,
    #[error("the exponent is too large to compute exactly")]
    ExponentTooLarge,
    #[error("factorial is defined here for whole numbers from 0 to 170")]
    Factorial,
    #[error("there is no previous result to refer to")]
    NoPrevious,
    #[error("incomplete or unreadable calculation: {0}")]
    Syntax(String),
    #[error("{0}")]
    Unsupported(String),
}

/// Result of every fallible operation in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A parsed question together with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Calculation {
    pub expr: Expr,
    pub value: Number,
}

impl fmt::Display for Calculation {
    /// `143 × 7 = 1001`; `365 days in minutes = 525600`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {}", self.expr, self.value)
    }
}

/// Recognise and compute a calculation in one step: `None` when `text` is not a
/// calculation, `Some(Err(_))` when it is one that has no answer (division by zero,
/// a reference to a previous result that does not exist, a number too large...).
pub fn calculate(text: &str, previous: Option<&Number>) -> Option<Result<Calculation>> {
    let expr = match parse_question(text, previous)? {
        Ok(expr) => expr,
        Err(e) => return Some(Err(e)),
    };
    Some(evaluate(&expr).map(|value| Calculation { expr, value }))
}
