//! Tokens of a calculation: lexing normalised text through the lexicon, reading Chinese
//! numerals, and merging number words ("three hundred and five", "1.2 million",
//! "two thirds") into numbers.

use num_bigint::BigInt;
use num_rational::BigRational;

use crate::chinese::{is_cn_numeral, parse_chinese};
use crate::expr::{Func, TimeUnit};
use crate::lexicon::{atomize, correct_typo, normalize, Atom, Lexicon};
use crate::number::parse_decimal_rational;

/// Imperative verbs ("divide that by 9").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    Add,
    Subtract,
    Multiply,
    Divide,
    Square,
    Cube,
    Double,
    Triple,
    Halve,
    Increase,
    Decrease,
    Sum,
    Product,
    Convert,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// A number; `fraction_word` when written as "half", "two thirds"... (then "of" multiplies).
    Num {
        value: BigRational,
        fraction_word: bool,
    },
    Prev,
    Pi,
    Mod,
    /// "point" in "three point one four".
    NwPoint,
    Plus,
    Minus,
    Times,
    Div,
    Pow,
    Squared,
    Cubed,
    Percent,
    /// 百分之 (the percentage follows).
    PctPrefix,
    Of,
    /// "15% off 80".
    Off,
    /// 的 (possessive: "143的平方根").
    De,
    /// 除 without 以: ambiguous (A除B is B ÷ A in formal usage).
    ChuAlone,
    /// 次方 ("2的10次方").
    CiFang,
    LParen,
    RParen,
    Comma,
    Bang,
    Sqrt,
    Cbrt,
    Root,
    RootN(u32),
    OrdSuffix,
    Func(Func),
    Degrees,
    Radians,
    DecimalPlaces,
    Unit(TimeUnit),
    BadUnit,
    HowMany,
    In,
    To,
    By,
    From,
    And,
    Is,
    WhatPct,
    AsPctOf,
    Verb(Verb),
    NwUnit(i64),
    NwTens(i64),
    NwHundred,
    NwScale(i64),
    NwFrac(i64),
    A,
    Filler,
}

impl Tok {
    /// Whether the token asks for a computation (a bare number does not).
    pub(crate) fn is_operation(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Plus | Minus
                | Mod
                | Times
                | Div
                | Pow
                | Squared
                | Cubed
                | Percent
                | PctPrefix
                | CiFang
                | Bang
                | Sqrt
                | Cbrt
                | Root
                | RootN(_)
                | Func(_)
                | HowMany
                | WhatPct
                | AsPctOf
                | Verb(_)
        )
    }

    /// An arithmetic operator or root, as opposed to operation words such as "total".
    pub(crate) fn is_symbolic_operation(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Plus | Minus
                | Mod
                | Times
                | Div
                | Pow
                | Squared
                | Cubed
                | Percent
                | PctPrefix
                | CiFang
                | Bang
                | Sqrt
                | Cbrt
                | Root
                | RootN(_)
        )
    }

    /// Short user-facing description for error messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Tok::Num { value, .. } => format!("the number {}", crate::Number::Exact(value.clone())),
            Tok::LParen => "\"(\"".into(),
            Tok::RParen => "\")\"".into(),
            Tok::Comma => "\",\"".into(),
            t => format!("\"{}\"", format!("{t:?}").to_lowercase()),
        }
    }

    fn num(value: BigRational) -> Tok {
        Tok::Num {
            value,
            fraction_word: false,
        }
    }
}

pub(crate) fn rat(n: i64) -> BigRational {
    BigRational::from_integer(BigInt::from(n))
}

/// Lex `text` into tokens; `None` when it contains anything that is not part of a
/// calculation (an unknown word).
pub(crate) fn lex(text: &str) -> Option<Vec<Tok>> {
    let mut atoms = atomize(&normalize(text));
    let lexicon = Lexicon::get();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        if let Some((len, tok)) = lexicon.match_at(&atoms, i) {
            if tok != Tok::Filler {
                toks.push(tok);
            }
            i += len;
            continue;
        }
        let text = match &atoms[i] {
            Atom::Num(s) => {
                toks.push(Tok::num(parse_decimal_rational(s)?));
                i += 1;
                continue;
            }
            Atom::Text(s) => s.clone(),
        };
        let first = text.chars().next()?;
        if text.chars().count() == 1 && is_cn_numeral(first) {
            let mut run = Vec::new();
            while let Some(Atom::Text(s)) = atoms.get(i) {
                match s.chars().next() {
                    Some(c) if s.chars().count() == 1 && is_cn_numeral(c) => run.push(c),
                    _ => break,
                }
                i += 1;
            }
            let scale_only = run.len() == 1 && "百千万亿".contains(run[0]);
            if scale_only && matches!(toks.last(), Some(Tok::Num { .. })) {
                let s = match run[0] {
                    '百' => 100,
                    '千' => 1000,
                    '万' => 10_000,
                    _ => 100_000_000,
                };
                toks.push(Tok::NwScale(s));
            } else {
                toks.push(Tok::num(parse_chinese(&run)?));
            }
            continue;
        }
        // A misspelt operator word is replaced once by its correction (a different,
        // known word); anything else unknown means this is not a calculation.
        match correct_typo(&text).filter(|fixed| *fixed != text && !lexicon.knows(&text)) {
            Some(fixed) => atoms[i] = Atom::Text(fixed.to_string()),
            None => return None,
        }
    }
    Some(merge_numbers(toks))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    A,
    Digits,
    Unit,
    Tens,
    Hundred,
    Scale,
}

/// Read one number written with digits and/or words starting at `toks[start]`.
fn read_number(toks: &[Tok], start: usize) -> Option<(BigRational, bool, usize)> {
    use Tok::*;
    let (mut total, mut current) = (rat(0), rat(0));
    let mut last = Last::Start;
    let mut last_scale = i64::MAX;
    let mut i = start;
    loop {
        match (toks.get(i), last) {
            (
                Some(Num {
                    value,
                    fraction_word: false,
                }),
                Last::Start,
            ) => current = value.clone(),
            (Some(A), Last::Start)
                if matches!(toks.get(i + 1), Some(NwHundred | NwScale(_) | NwFrac(_))) =>
            {
                current = rat(1)
            }
            (Some(NwUnit(v)), Last::Start | Last::Tens | Last::Hundred | Last::Scale)
                if !(last == Last::Tens && *v >= 10) =>
            {
                current += rat(*v)
            }
            (Some(NwTens(v)), Last::Start | Last::Hundred | Last::Scale) => current += rat(*v),
            (Some(NwHundred), Last::Start | Last::A | Last::Digits | Last::Unit | Last::Tens) => {
                if last == Last::Start {
                    current = rat(1);
                }
                current *= rat(100);
            }
            (Some(NwScale(s)), l) if l != Last::Scale => {
                if l == Last::Start {
                    current = rat(1);
                }
                if *s > last_scale {
                    total = (total + &current) * rat(*s);
                } else {
                    total += &current * rat(*s);
                }
                last_scale = *s;
                current = rat(0);
            }
            (Some(And), Last::Hundred | Last::Scale) if and_continues(toks, i + 1) => {}
            (Some(And), l)
                if l != Last::Start
                    && l != Last::A
                    && toks.get(i + 1) == Some(&A)
                    && toks.get(i + 2) == Some(&NwFrac(2)) =>
            {
                let half = BigRational::new(1.into(), 2.into());
                return Some((total + current + half, false, i + 3));
            }
            (Some(NwPoint), Last::Digits | Last::Unit | Last::Tens) if matches!(toks.get(i + 1), Some(NwUnit(d)) if *d < 10) =>
            {
                let mut digits = String::from("0.");
                let mut j = i + 1;
                while let Some(NwUnit(d)) =
                    toks.get(j).filter(|t| matches!(t, NwUnit(d) if *d < 10))
                {
                    digits.push_str(&d.to_string());
                    j += 1;
                }
                let mut value = total + current + parse_decimal_rational(&digits)?;
                if let Some(NwScale(s)) = toks.get(j) {
                    value *= rat(*s);
                    j += 1;
                }
                return Some((value, false, j));
            }
            (Some(NwFrac(d)), Last::Start | Last::A | Last::Digits | Last::Unit | Last::Tens) => {
                let n = if last == Last::Start {
                    rat(1)
                } else {
                    total + current
                };
                return Some((n / rat(*d), true, i + 1));
            }
            _ => break,
        }
        last = match &toks[i] {
            Num { .. } => Last::Digits,
            A => Last::A,
            NwUnit(_) => Last::Unit,
            NwTens(_) => Last::Tens,
            NwHundred => Last::Hundred,
            NwScale(_) => Last::Scale,
            _ => last,
        };
        i += 1;
    }
    match last {
        Last::Start | Last::A => None,
        _ => Some((total + current, false, i)),
    }
}

/// "and" inside a number ("three hundred and five") is followed by a number below a
/// hundred that is not itself scaled ("one hundred and two hundred" is two numbers).
fn and_continues(toks: &[Tok], mut i: usize) -> bool {
    let start = i;
    while matches!(toks.get(i), Some(Tok::NwUnit(_) | Tok::NwTens(_))) {
        i += 1;
    }
    i > start && !matches!(toks.get(i), Some(Tok::NwHundred | Tok::NwScale(_)))
}

/// Collapse number words into `Num` tokens; "a week" is one week; a stray "a" is dropped.
fn merge_numbers(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if matches!(
            toks[i],
            Tok::Num {
                fraction_word: true,
                ..
            }
        ) {
            out.push(toks[i].clone());
            i += 1;
            continue;
        }
        if let Some((value, fraction_word, next)) = read_number(&toks, i) {
            out.push(Tok::Num {
                value,
                fraction_word,
            });
            i = next;
            continue;
        }
        match &toks[i] {
            Tok::A if matches!(toks.get(i + 1), Some(Tok::Unit(_) | Tok::BadUnit)) => {
                out.push(Tok::num(rat(1)))
            }
            Tok::A => {}
            t => out.push(t.clone()),
        }
        i += 1;
    }
    out
}
