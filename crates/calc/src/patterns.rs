//! Whole-question patterns: the percentage one number is of another, and exact time
//! conversions.

use crate::expr::{Expr, TimeUnit};
use crate::lex::Tok;
use crate::number::Number;
use crate::parse::{whole, Parser};
use crate::{Error, Result};

/// "what percent is 30 of 120", "what percentage of 120 is 30", "30 is what percent of
/// 120", "30 as a percentage of 120".
pub(crate) fn percent_question(toks: &[Tok], prev: &Option<Number>) -> Result<Expr> {
    let part_of = |part: &[Tok], whole_: &[Tok]| -> Result<Expr> {
        Ok(Expr::AsPercentOf {
            part: Box::new(whole(part, prev)?),
            whole: Box::new(whole(whole_, prev)?),
        })
    };
    let bad =
        || Error::Syntax("ask as \"what percent of B is A\" or \"A as a percentage of B\"".into());
    let k = toks
        .iter()
        .position(|t| matches!(t, Tok::WhatPct | Tok::AsPctOf))
        .ok_or_else(bad)?;
    let (before, after) = (&toks[..k], &toks[k + 1..]);
    if toks[k] == Tok::AsPctOf {
        return part_of(before, after);
    }
    if !before.is_empty() {
        // "30 is what percent of 120"
        let rest = after.strip_prefix(&[Tok::Of]).ok_or_else(bad)?;
        return part_of(before, rest);
    }
    let after = after.strip_prefix(&[Tok::Is]).unwrap_or(after);
    if let Some(rest) = after.strip_prefix(&[Tok::Of]) {
        // "what percent of 120 is 30"
        let is = rest.iter().position(|t| *t == Tok::Is).ok_or_else(bad)?;
        return part_of(&rest[is + 1..], &rest[..is]);
    }
    // "what percent is 30 of 120": split at the first "of" that parses on both sides.
    for (i, _) in after.iter().enumerate().filter(|(_, t)| **t == Tok::Of) {
        if let Ok(e) = part_of(&after[..i], &after[i + 1..]) {
            return Ok(e);
        }
    }
    Err(bad())
}

/// "how many minutes are in 365 days", "how many seconds in a week", "3 hours in
/// minutes", "convert 2 weeks to hours", "a week is how many seconds", "一周有多少秒".
pub(crate) fn conversion(toks: &[Tok], prev: &Option<Number>) -> Result<Expr> {
    let bad = || {
        Error::Syntax("ask as \"how many minutes are in 3 days\" or \"3 days in minutes\"".into())
    };
    let unit = |t: Option<&Tok>| match t {
        Some(Tok::Unit(u)) => Some(*u),
        _ => None,
    };
    let toks: Vec<Tok> = toks.iter().filter(|t| **t != Tok::Is).cloned().collect();
    let n = toks.len();
    let (amount, to): (&[Tok], TimeUnit) = if toks.first() == Some(&Tok::HowMany) {
        let to = unit(toks.get(1)).ok_or_else(bad)?;
        let rest = &toks[2..];
        (rest.strip_prefix(&[Tok::In]).unwrap_or(rest), to)
    } else if let Some(h) = toks.iter().position(|t| *t == Tok::HowMany) {
        if h + 2 != n {
            return Err(bad());
        }
        (&toks[..h], unit(toks.get(h + 1)).ok_or_else(bad)?)
    } else if n >= 3 && matches!(toks[n - 2], Tok::In | Tok::To) && unit(toks.get(n - 1)).is_some()
    {
        (&toks[..n - 2], unit(toks.get(n - 1)).ok_or_else(bad)?)
    } else if n >= 3 && unit(toks.first()).is_some() && toks[1] == Tok::In {
        (&toks[2..], unit(toks.first()).ok_or_else(bad)?)
    } else {
        return Err(bad());
    };
    let mut p = Parser {
        toks: amount.to_vec(),
        pos: 0,
        prev: prev.clone(),
        depth: 0,
    };
    let mut parts = Vec::new();
    loop {
        let value = match p.peek() {
            Some(Tok::Unit(_)) => Expr::int(1),
            _ => p.expr()?,
        };
        let u = unit(p.peek()).ok_or_else(bad)?;
        p.pos += 1;
        parts.push((value, u));
        if p.peek().is_none() {
            break;
        }
        if !(p.eat(&Tok::And) || p.eat(&Tok::Plus) || p.eat(&Tok::Comma)) {
            return Err(bad());
        }
    }
    Ok(Expr::Convert { parts, to })
}
