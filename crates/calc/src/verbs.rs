//! Function calls ("sqrt", "round … to 2 decimal places", "max of 3, 7 and 5") and
//! imperative verbs ("divide that by 9", "add 5 to it", "increase 200 by 10%").

use crate::expr::{Angle, BinOp, Expr, Func};
use crate::lex::{Tok, Verb};
use crate::parse::{in_degrees, Parser};
use crate::{Error, Result};

impl Parser {
    /// A list: x ("," x)* ("and" x)?
    pub(crate) fn list(&mut self) -> Result<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.eat(&Tok::Comma) || self.eat(&Tok::And) {
            v.push(self.expr()?);
        }
        Ok(v)
    }

    pub(crate) fn call(&mut self, f: Func) -> Result<Expr> {
        self.eat(&Tok::Of);
        let multi = matches!(
            f,
            Func::Min | Func::Max | Func::Mean | Func::Round | Func::Floor | Func::Ceil
        );
        let mut args = if multi && self.peek() == Some(&Tok::LParen) {
            self.pos += 1;
            let v = self.list()?;
            self.expect(&Tok::RParen, "a closing parenthesis")?;
            v
        } else if matches!(f, Func::Min | Func::Max | Func::Mean) {
            self.list()?
        } else {
            vec![self.unary()?]
        };
        if matches!(f, Func::Round | Func::Floor | Func::Ceil) && self.peek() == Some(&Tok::To) {
            self.pos += 1;
            args.push(self.unary()?);
            self.expect(&Tok::DecimalPlaces, "\"decimal places\"")?;
        }
        if let (Func::Sin(_) | Func::Cos(_) | Func::Tan(_), [arg]) = (f, args.as_slice()) {
            if let Some(x) = in_degrees(arg) {
                let f = match f {
                    Func::Sin(_) => Func::Sin(Angle::Degrees),
                    Func::Cos(_) => Func::Cos(Angle::Degrees),
                    _ => Func::Tan(Angle::Degrees),
                };
                return Ok(Expr::Call(f, vec![x]));
            }
        }
        self.eat(&Tok::Radians);
        Ok(Expr::Call(f, args))
    }

    pub(crate) fn verb(&mut self, v: Verb) -> Result<Expr> {
        let two = |op: BinOp, a: Expr, b: Expr| Ok(Expr::bin(op, a, b));
        match v {
            Verb::Add => {
                let a = self.expr()?;
                if self.eat(&Tok::To) {
                    two(BinOp::Add, self.expr()?, a)
                } else if self.eat(&Tok::And) {
                    two(BinOp::Add, a, self.expr()?)
                } else {
                    two(BinOp::Add, self.previous()?, a)
                }
            }
            Verb::Subtract => {
                let a = self.expr()?;
                if self.eat(&Tok::From) {
                    two(BinOp::Sub, self.expr()?, a)
                } else {
                    two(BinOp::Sub, self.previous()?, a)
                }
            }
            Verb::Multiply | Verb::Divide => {
                let op = if v == Verb::Multiply {
                    BinOp::Mul
                } else {
                    BinOp::Div
                };
                if self.eat(&Tok::By) {
                    return two(op, self.previous()?, self.expr()?);
                }
                let a = self.expr()?;
                if self.eat(&Tok::By) || (op == BinOp::Mul && self.eat(&Tok::And)) {
                    two(op, a, self.expr()?)
                } else {
                    Err(Error::Syntax("say what to multiply or divide by".into()))
                }
            }
            Verb::Square | Verb::Cube => {
                self.eat(&Tok::Of);
                let n = if v == Verb::Square { 2 } else { 3 };
                two(BinOp::Pow, self.unary()?, Expr::int(n))
            }
            Verb::Double => two(BinOp::Mul, Expr::int(2), self.unary()?),
            Verb::Triple => two(BinOp::Mul, Expr::int(3), self.unary()?),
            Verb::Halve => two(BinOp::Div, self.unary()?, Expr::int(2)),
            Verb::Increase | Verb::Decrease => {
                let op = if v == Verb::Increase {
                    BinOp::Add
                } else {
                    BinOp::Sub
                };
                let base = if self.peek() == Some(&Tok::By) {
                    self.previous()?
                } else {
                    self.expr()?
                };
                self.expect(&Tok::By, "\"by\"")?;
                Ok(match self.expr()? {
                    Expr::Percent(p) => Expr::PercentChange {
                        base: Box::new(base),
                        op,
                        percent: p,
                    },
                    amount => Expr::bin(op, base, amount),
                })
            }
            Verb::Sum | Verb::Product => {
                self.eat(&Tok::Of);
                let op = if v == Verb::Sum {
                    BinOp::Add
                } else {
                    BinOp::Mul
                };
                let mut items = self.list()?.into_iter();
                let first = items
                    .next()
                    .ok_or_else(|| Error::Syntax("no numbers given".into()))?;
                Ok(items.fold(first, |acc, x| Expr::bin(op, acc, x)))
            }
            Verb::Convert => self.primary(),
        }
    }
}
