//! `parse_question`: recognise a calculation in a question and build its `Expr`
//! (recursive descent over the lexed tokens, plus whole-question patterns for
//! percentages of a total and time conversions).

use crate::expr::{BinOp, Expr, Func};
use crate::lex::{lex, Tok, Verb};
use crate::number::Number;
use crate::patterns::{conversion, percent_question};
use crate::{Error, Result};

/// Longest question considered, in characters.
const MAX_CHARS: usize = 4000;
/// Most numbers and operators in one calculation (bounds recursion when evaluating).
const MAX_TOKENS: usize = 1000;
/// Deepest nesting of parentheses, functions and unary operators.
const MAX_DEPTH: usize = 100;

const VARIABLE_UNITS: &str = "months and years vary in length (28–31 days; 365 or 366 days), \
so they are not converted exactly; ask in days or weeks";

const CHU: &str =
    "除 on its own is ambiguous (A除B can mean B ÷ A); write 除以 (A除以B = A ÷ B) or ÷";

/// Recognise a calculation in `text`.
///
/// `None`: the text is not a calculation (it has a word that is not part of one, or
/// no operation at all). `Some(Err(_))`: it is one that cannot be understood or refers
/// to a previous result when `previous` is `None`. "that", "it", "the result" and a
/// leading operator ("times 3", "add 5") refer to `previous`.
pub fn parse_question(text: &str, previous: Option<&Number>) -> Option<Result<Expr>> {
    if text.trim().is_empty() || text.chars().count() > MAX_CHARS {
        return None;
    }
    let mut toks = lex(text)?;
    if toks.len() > MAX_TOKENS {
        return Some(Err(Error::Syntax(format!(
            "a calculation may have at most {MAX_TOKENS} numbers and operators"
        ))));
    }
    if toks.contains(&Tok::ChuAlone) {
        return Some(Err(Error::Unsupported(CHU.into())));
    }
    if !has_operation(&toks) {
        return None;
    }
    let has_operand = toks
        .iter()
        .any(|t| matches!(t, Tok::Num { .. } | Tok::Prev | Tok::Pi))
        || matches!(toks.first(), Some(Tok::Squared | Tok::Cubed));
    if !has_operand {
        return None;
    }
    if toks.contains(&Tok::BadUnit) {
        return Some(Err(Error::Unsupported(VARIABLE_UNITS.into())));
    }
    toks.retain(|t| *t != Tok::Verb(Verb::Convert));
    while matches!(toks.first(), Some(Tok::Comma | Tok::And)) {
        toks.remove(0);
    }
    while matches!(toks.last(), Some(Tok::Comma)) {
        toks.pop();
    }
    let strong = toks.iter().any(Tok::is_symbolic_operation);
    let prev = previous.cloned();
    let result = if toks
        .iter()
        .any(|t| matches!(t, Tok::WhatPct | Tok::AsPctOf))
    {
        percent_question(&toks, &prev)
    } else if toks.iter().any(|t| matches!(t, Tok::Unit(_))) {
        conversion(&toks, &prev)
    } else {
        toks.retain(|t| *t != Tok::Is);
        if matches!(
            toks.first(),
            Some(Tok::Plus | Tok::Times | Tok::Div | Tok::Pow | Tok::Squared | Tok::Cubed)
        ) {
            toks.insert(0, Tok::Prev);
        }
        whole(&toks, &prev)
    };
    match result {
        // Only words like "total" or "lower" and no arithmetic operator: not ours.
        Err(Error::Syntax(_)) if !strong => None,
        r => Some(r),
    }
}

/// An operator, a function, "half of", or a unit with "in"/"to": a bare number is not a
/// calculation.
fn has_operation(toks: &[Tok]) -> bool {
    let fraction_of = toks.windows(2).any(|w| {
        matches!(
            w,
            [
                Tok::Num {
                    fraction_word: true,
                    ..
                },
                Tok::Of
            ]
        )
    });
    let unit = toks.iter().any(|t| matches!(t, Tok::Unit(_)));
    let unit_op = unit && toks.iter().any(|t| matches!(t, Tok::In | Tok::To));
    // A percentage on its own ("5%", "and 1%?") is a figure, not a calculation.
    let operator = toks
        .iter()
        .any(|t| t.is_operation() && !matches!(t, Tok::Percent | Tok::PctPrefix));
    let percent_of = toks
        .iter()
        .any(|t| matches!(t, Tok::Percent | Tok::PctPrefix))
        && toks
            .iter()
            .any(|t| matches!(t, Tok::Of | Tok::De | Tok::Off | Tok::Prev));
    operator || fraction_of || unit_op || percent_of
}

/// Parse all of `toks` as one expression.
pub(crate) fn whole(toks: &[Tok], prev: &Option<Number>) -> Result<Expr> {
    let toks: Vec<Tok> = toks.iter().filter(|t| **t != Tok::Is).cloned().collect();
    if toks.is_empty() {
        return Err(Error::Syntax("a number is missing".into()));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        prev: prev.clone(),
        depth: 0,
    };
    let e = p.expr()?;
    match p.peek() {
        None => Ok(e),
        Some(t) => Err(Error::Syntax(format!(
            "did not understand what follows {}",
            t.describe()
        ))),
    }
}

/// `x°` (or `−x°`) as the number of degrees `x` (`−x`).
pub(crate) fn in_degrees(e: &Expr) -> Option<Expr> {
    match e {
        Expr::Call(Func::Radians, x) if x.len() == 1 => Some(x[0].clone()),
        Expr::Neg(inner) => in_degrees(inner).map(|x| Expr::Neg(Box::new(x))),
        _ => None,
    }
}

pub(crate) struct Parser {
    pub(crate) toks: Vec<Tok>,
    pub(crate) pos: usize,
    pub(crate) prev: Option<Number>,
    pub(crate) depth: usize,
}

impl Parser {
    pub(crate) fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn peek_at(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.pos + k)
    }

    pub(crate) fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub(crate) fn expect(&mut self, t: &Tok, what: &str) -> Result<()> {
        if self.eat(t) {
            Ok(())
        } else {
            Err(Error::Syntax(format!("expected {what}")))
        }
    }

    pub(crate) fn previous(&self) -> Result<Expr> {
        self.prev
            .clone()
            .map(Expr::Previous)
            .ok_or(Error::NoPrevious)
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Parser) -> Result<T>) -> Result<T> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::Syntax("the calculation is nested too deeply".into()));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// sum := term (("+" | "−") term)*; `a + p%` is a percentage change of `a`.
    pub(crate) fn expr(&mut self) -> Result<Expr> {
        let mut e = self.term()?;
        loop {
            let op = if self.eat(&Tok::Plus) {
                BinOp::Add
            } else if self.eat(&Tok::Minus) {
                BinOp::Sub
            } else {
                return Ok(e);
            };
            e = match self.term()? {
                Expr::Percent(p) if !matches!(e, Expr::Percent(_)) => Expr::PercentChange {
                    base: Box::new(e),
                    op,
                    percent: p,
                },
                rhs => Expr::bin(op, e, rhs),
            };
        }
    }

    /// term := unary (("×" | "÷") unary | "(" …)*
    fn term(&mut self) -> Result<Expr> {
        let mut e = self.unary()?;
        loop {
            if self.eat(&Tok::Times) {
                e = Expr::bin(BinOp::Mul, e, self.unary()?);
            } else if self.eat(&Tok::Div) {
                e = Expr::bin(BinOp::Div, e, self.unary()?);
            } else if self.eat(&Tok::Mod) {
                e = Expr::bin(BinOp::Mod, e, self.unary()?);
            } else if matches!(self.peek(), Some(Tok::LParen | Tok::Pi)) {
                e = Expr::bin(BinOp::Mul, e, self.unary()?);
            } else {
                return Ok(e);
            }
        }
    }

    /// unary := ("−" | "+") unary | power;  power := postfix ("^" unary)?
    pub(crate) fn unary(&mut self) -> Result<Expr> {
        self.nested(|p| {
            if let (Some(Tok::Minus), Some(Tok::Num { value, .. }), Some(Tok::De)) =
                (p.peek(), p.peek_at(1), p.peek_at(2))
            {
                // 的 takes the signed number: -5的平方 = (−5)².
                let n = Expr::Neg(Box::new(Expr::Num(Number::Exact(value.clone()))));
                p.pos += 2;
                let base = p.postfix_from(n, false)?;
                return p.power_from(base);
            }
            if p.eat(&Tok::Minus) {
                return Ok(Expr::Neg(Box::new(p.unary()?)));
            }
            if p.eat(&Tok::Plus) {
                return p.unary();
            }
            let base = p.postfix()?;
            p.power_from(base)
        })
    }

    fn power_from(&mut self, base: Expr) -> Result<Expr> {
        if self.eat(&Tok::Pow) {
            return Ok(Expr::bin(BinOp::Pow, base, self.unary()?));
        }
        Ok(base)
    }

    /// postfix := primary ("squared" | "cubed" | "%" | "!" | "°" | "of" x | 的 …)*
    fn postfix(&mut self) -> Result<Expr> {
        let fraction = matches!(
            self.peek(),
            Some(Tok::Num {
                fraction_word: true,
                ..
            })
        );
        let e = self.primary()?;
        self.postfix_from(e, fraction)
    }

    fn postfix_from(&mut self, mut e: Expr, fraction: bool) -> Result<Expr> {
        loop {
            e = match self.peek() {
                Some(Tok::Squared) => Expr::bin(BinOp::Pow, e, Expr::int(2)),
                Some(Tok::Cubed) => Expr::bin(BinOp::Pow, e, Expr::int(3)),
                Some(Tok::Percent) => Expr::Percent(Box::new(e)),
                Some(Tok::Bang | Tok::Func(Func::Factorial)) => {
                    Expr::Call(Func::Factorial, vec![e])
                }
                Some(Tok::Degrees) => Expr::Call(Func::Radians, vec![e]),
                Some(Tok::Off) if matches!(e, Expr::Percent(_)) => {
                    self.pos += 1;
                    let base = self.unary()?;
                    if let Expr::Percent(p) = e {
                        e = Expr::PercentChange {
                            base: Box::new(base),
                            op: BinOp::Sub,
                            percent: p,
                        };
                    }
                    continue;
                }
                Some(Tok::Of) if matches!(e, Expr::Percent(_)) || fraction => {
                    self.pos += 1;
                    let of = self.unary()?;
                    e = match e {
                        Expr::Percent(p) => Expr::PercentOf {
                            percent: p,
                            of: Box::new(of),
                        },
                        e => Expr::bin(BinOp::Mul, e, of),
                    };
                    continue;
                }
                Some(Tok::De) => {
                    e = self.de(e)?;
                    continue;
                }
                _ => return Ok(e),
            };
            self.pos += 1;
        }
    }

    /// After 的: 平方根, 立方根, 平方, 立方, 百分之p, n次方.
    fn de(&mut self, e: Expr) -> Result<Expr> {
        self.pos += 1;
        let t = self.peek().cloned();
        match t {
            Some(Tok::Sqrt | Tok::Cbrt | Tok::Squared | Tok::Cubed) => {
                self.pos += 1;
                Ok(match t {
                    Some(Tok::Sqrt) => Expr::Call(Func::Sqrt, vec![e]),
                    Some(Tok::Cbrt) => Expr::Call(Func::Cbrt, vec![e]),
                    Some(Tok::Squared) => Expr::bin(BinOp::Pow, e, Expr::int(2)),
                    _ => Expr::bin(BinOp::Pow, e, Expr::int(3)),
                })
            }
            Some(Tok::PctPrefix) => match self.primary()? {
                Expr::Percent(p) => Ok(Expr::PercentOf {
                    percent: p,
                    of: Box::new(e),
                }),
                _ => Err(Error::Syntax("expected a percentage after 的".into())),
            },
            _ => {
                let n = self.primary()?;
                self.expect(&Tok::CiFang, "次方")?;
                Ok(Expr::bin(BinOp::Pow, e, n))
            }
        }
    }

    pub(crate) fn primary(&mut self) -> Result<Expr> {
        self.nested(|p| {
            let Some(t) = p.peek().cloned() else {
                return Err(Error::Syntax("a number is missing at the end".into()));
            };
            p.pos += 1;
            match t {
                Tok::Num { value, .. } => {
                    if p.peek() == Some(&Tok::OrdSuffix) && p.peek_at(1) == Some(&Tok::Root) {
                        p.pos += 2;
                        p.eat(&Tok::Of);
                        let x = p.unary()?;
                        return Ok(Expr::Call(
                            Func::Root,
                            vec![Expr::Num(Number::Exact(value)), x],
                        ));
                    }
                    Ok(Expr::Num(Number::Exact(value)))
                }
                Tok::Prev => p.previous(),
                Tok::Pi => Ok(Expr::Pi),
                Tok::LParen => {
                    let e = p.expr()?;
                    p.expect(&Tok::RParen, "a closing parenthesis")?;
                    Ok(e)
                }
                Tok::Sqrt | Tok::Root | Tok::Cbrt | Tok::RootN(_) => {
                    p.eat(&Tok::Of);
                    let x = p.unary()?;
                    Ok(match t {
                        Tok::Cbrt => Expr::Call(Func::Cbrt, vec![x]),
                        Tok::RootN(n) => Expr::Call(Func::Root, vec![Expr::int(n.into()), x]),
                        _ => Expr::Call(Func::Sqrt, vec![x]),
                    })
                }
                Tok::PctPrefix => Ok(Expr::Percent(Box::new(p.postfix()?))),
                Tok::Func(f) => p.call(f),
                Tok::Verb(v) => p.verb(v),
                t => Err(Error::Syntax(format!("unexpected {}", t.describe()))),
            }
        })
    }
}
