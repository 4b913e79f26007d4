//! The text filter syntax of the CLI (`category=bond return_3y>4% sort=-sharpe_3y limit=10`),
//! parsed into a typed [`Screen`]. Errors name the bad term; parsing never panics.

use crate::screen::{Cond, Filter, Order, Screen, SortKey};
use crate::table::{FundTable, TextField};
use crate::{Error, Result};

/// Parses a screen written in the filter syntax (see the crate docs) against the fields of `table`.
pub fn parse_screen(table: &FundTable, text: &str) -> Result<Screen> {
    let mut screen = Screen::default();
    for token in tokenize(text)? {
        let term = split_term(&token)?;
        let bad = |message: String| Error::Filter {
            token: token.raw.clone(),
            message,
        };
        match term.name.as_str() {
            "sort" => {
                need_eq(&term, &bad)?;
                if !screen.sort.is_empty() {
                    return Err(bad(
                        "sort is given twice; list every key in one sort=k1,k2".into()
                    ));
                }
                screen.sort = parse_sort(table, &term.value, &bad)?;
            }
            "limit" | "top" => {
                need_eq(&term, &bad)?;
                if screen.limit.is_some() {
                    return Err(bad("the limit is given twice".into()));
                }
                let n = term.value.trim().parse::<usize>();
                screen.limit =
                    Some(n.map_err(|_| {
                        bad(format!("`{}` is not a whole number of rows", term.value))
                    })?);
            }
            name => screen.filters.push(parse_filter(table, name, &term, &bad)?),
        }
    }
    Ok(screen)
}

/// One whitespace-separated term, quotes removed (`raw` keeps them for messages).
#[derive(Debug)]
struct Token {
    raw: String,
    text: String,
}

fn tokenize(text: &str) -> Result<Vec<Token>> {
    let mut out = Vec::new();
    let (mut raw, mut cur, mut quote) = (String::new(), String::new(), None::<char>);
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c.is_whitespace() => {
                if !raw.is_empty() {
                    out.push(Token {
                        raw: std::mem::take(&mut raw),
                        text: std::mem::take(&mut cur),
                    });
                }
                continue;
            }
            None => cur.push(c),
        }
        raw.push(c);
    }
    if quote.is_some() {
        return Err(Error::Filter {
            token: raw,
            message: "the quote is never closed".into(),
        });
    }
    if !raw.is_empty() {
        out.push(Token { raw, text: cur });
    }
    Ok(out)
}

#[derive(Debug)]
struct Term {
    name: String,
    op: &'static str,
    value: String,
}

const OPS: [&str; 7] = [">=", "<=", "==", ">", "<", "=", "~"];

fn split_term(token: &Token) -> Result<Term> {
    let t = token.text.as_str();
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(t.len());
    let (name, rest) = t.split_at(end);
    let op = OPS.iter().find(|op| rest.starts_with(**op));
    match op {
        Some(op) if !name.is_empty() => {
            let value = rest[op.len()..].trim().to_string();
            if value.is_empty() {
                return Err(Error::Filter { token: token.raw.clone(), message: format!("no value after `{op}`") });
            }
            let op = if *op == "==" { "=" } else { op };
            Ok(Term { name: name.to_lowercase(), op, value })
        }
        _ => Err(Error::Filter {
            token: token.raw.clone(),
            message: "expected FIELD OP VALUE with OP one of > >= < <= = ~ (e.g. return_3y>4%), sort=KEYS or limit=N"
                .into(),
        }),
    }
}

fn need_eq(term: &Term, bad: &dyn Fn(String) -> Error) -> Result<()> {
    if term.op == "=" {
        Ok(())
    } else {
        Err(bad(format!("`{}` takes `=`, not `{}`", term.name, term.op)))
    }
}

fn parse_sort(
    table: &FundTable,
    value: &str,
    bad: &dyn Fn(String) -> Error,
) -> Result<Vec<SortKey>> {
    value
        .split(',')
        .map(|key| {
            let key = key.trim();
            let (order, name) = match key.as_bytes().first() {
                Some(b'-') => (Some(Order::Descending), &key[1..]),
                Some(b'+') => (Some(Order::Ascending), &key[1..]),
                _ => (None, key),
            };
            if name.is_empty() {
                return Err(bad(
                    "an empty sort key; write sort=-sharpe_3y,expense_ratio".into(),
                ));
            }
            let field = table.field(name).ok_or_else(|| {
                bad(format!(
                    "cannot sort by `{name}`; sort keys are numeric fields: {}",
                    table.allowed_fields()
                ))
            })?;
            Ok(SortKey { field, order })
        })
        .collect()
}

fn parse_filter(
    table: &FundTable,
    name: &str,
    term: &Term,
    bad: &dyn Fn(String) -> Error,
) -> Result<Filter> {
    if let Some(field) = table.field(name) {
        let cond = match term.op {
            ">" => Cond::Gt(number(&term.value, bad)?),
            ">=" => Cond::Ge(number(&term.value, bad)?),
            "<" => Cond::Lt(number(&term.value, bad)?),
            "<=" => Cond::Le(number(&term.value, bad)?),
            "~" => {
                return Err(bad(format!(
                    "`~` (contains) applies to text fields; `{name}` is numeric"
                )))
            }
            _ => match term.value.split_once("..") {
                Some((lo, hi)) => {
                    let (lo, hi) = (number(lo, bad)?, number(hi, bad)?);
                    if lo > hi {
                        return Err(bad(format!("the range {lo}..{hi} is empty")));
                    }
                    Cond::Between(lo, hi)
                }
                None if term.value.contains(',') => Cond::OneOf(
                    term.value
                        .split(',')
                        .map(|v| number(v, bad))
                        .collect::<Result<_>>()?,
                ),
                None => Cond::Eq(number(&term.value, bad)?),
            },
        };
        return Ok(Filter::Number { field, cond });
    }
    let Some(field) = table.text_field(name) else {
        return Err(Error::UnknownField {
            name: name.to_string(),
            allowed: table.allowed_fields(),
        });
    };
    match term.op {
        "~" => Ok(Filter::TextContains {
            field,
            needle: term.value.clone(),
        }),
        "=" => {
            let values: Vec<String> = term
                .value
                .split(',')
                .map(|v| v.trim().to_string())
                .collect();
            if values.iter().any(String::is_empty) {
                return Err(bad("an empty value in the list".into()));
            }
            if field == TextField::Category {
                let known = table.categories();
                if let Some(v) = values
                    .iter()
                    .find(|v| !known.iter().any(|k| k.eq_ignore_ascii_case(v)))
                {
                    return Err(bad(format!(
                        "no fund has category `{v}`; categories: {}",
                        known.join(", ")
                    )));
                }
            }
            Ok(Filter::TextOneOf { field, values })
        }
        op => Err(bad(format!(
            "text field `{name}` takes `=` (one of) or `~` (contains), not `{op}`"
        ))),
    }
}

fn number(s: &str, bad: &dyn Fn(String) -> Error) -> Result<f64> {
    let s = s.trim();
    let (digits, divisor) = match s.strip_suffix('%') {
        Some(d) => (d.trim(), 100.0),
        None => (s, 1.0),
    };
    match digits.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v / divisor),
        _ => Err(bad(format!("`{s}` is not a number"))),
    }
}
