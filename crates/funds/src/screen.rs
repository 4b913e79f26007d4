//! The typed screen: a conjunction of filters, sort keys and a limit, run over a [`FundTable`].

use std::cmp::Ordering;

use crate::metric::Better;
use crate::table::{FieldId, FundTable, TextField};

/// A condition on a numeric field.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Gt(f64),
    Ge(f64),
    Lt(f64),
    Le(f64),
    Eq(f64),
    /// Both ends included.
    Between(f64, f64),
    /// Equal to one of the values.
    OneOf(Vec<f64>),
}

impl Cond {
    /// Whether `v` satisfies the condition.
    pub fn holds(&self, v: f64) -> bool {
        match self {
            Cond::Gt(x) => v > *x,
            Cond::Ge(x) => v >= *x,
            Cond::Lt(x) => v < *x,
            Cond::Le(x) => v <= *x,
            Cond::Eq(x) => v == *x,
            Cond::Between(lo, hi) => *lo <= v && v <= *hi,
            Cond::OneOf(xs) => xs.contains(&v),
        }
    }
}

/// One filter of a screen; a fund passes a screen when it passes every filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// A numeric field (metric or column) meets a condition; a fund without a value fails.
    Number { field: FieldId, cond: Cond },
    /// A text field equals one of the values (case-insensitive), e.g. the category set.
    TextOneOf {
        field: TextField,
        values: Vec<String>,
    },
    /// A text field contains the needle (case-insensitive), e.g. a manager's name.
    TextContains { field: TextField, needle: String },
    /// A numeric field equals one of the values, e.g. risk level 2 or 3.
    NumberOneOf { field: FieldId, values: Vec<f64> },
}

/// Ascending (lowest first) or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Ascending,
    Descending,
}

/// A sort key; without an order the better end comes first (the field's [`Better`] direction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    pub field: FieldId,
    pub order: Option<Order>,
}

impl SortKey {
    /// The order this key sorts in on `table`.
    pub fn effective_order(&self, table: &FundTable) -> Order {
        self.order
            .unwrap_or(match table.field_def(self.field).better {
                Better::Higher => Order::Descending,
                Better::Lower => Order::Ascending,
            })
    }
}

/// A screen or ranking.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Screen {
    pub filters: Vec<Filter>,
    /// Keys in priority order; remaining ties (and an empty sort) go by fund code.
    pub sort: Vec<SortKey>,
    /// Keep only the first `limit` funds.
    pub limit: Option<usize>,
}

/// What a screen found.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenResult {
    /// How many active funds pass the filters (before the limit).
    pub matched: usize,
    /// The funds (indexes into the table) in ranked order, at most `limit`.
    pub funds: Vec<usize>,
    /// The numeric fields a result table shows: filtered fields, then sort fields.
    pub fields: Vec<FieldId>,
}

impl Screen {
    /// Runs the screen over the active funds of `table`.
    pub fn run(&self, table: &FundTable) -> ScreenResult {
        let filters: Vec<Filter> = self.filters.iter().map(lowercase_filter).collect();
        let mut funds: Vec<usize> = (0..table.len())
            .filter(|&i| table.is_active(i))
            .filter(|&i| filters.iter().all(|f| passes(table, i, f)))
            .filter(|&i| self.sort.iter().all(|k| table.value(i, k.field).is_ok()))
            .collect();
        let keys: Vec<(FieldId, Order)> = self
            .sort
            .iter()
            .map(|k| (k.field, k.effective_order(table)))
            .collect();
        if !keys.is_empty() {
            // Index order is fund-code order, so a stable sort breaks every tie by code.
            funds.sort_by(|&a, &b| {
                keys.iter()
                    .map(|&(f, order)| {
                        let (x, y) = (
                            table.value(a, f).unwrap_or(0.0),
                            table.value(b, f).unwrap_or(0.0),
                        );
                        let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
                        if order == Order::Descending {
                            o.reverse()
                        } else {
                            o
                        }
                    })
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            });
        }
        let matched = funds.len();
        if let Some(n) = self.limit {
            funds.truncate(n);
        }
        ScreenResult {
            matched,
            funds,
            fields: self.fields(),
        }
    }

    /// The numeric fields the screen mentions: filtered fields, then sort fields, each once.
    pub fn fields(&self) -> Vec<FieldId> {
        let mut out: Vec<FieldId> = Vec::new();
        let filtered = self.filters.iter().filter_map(|f| match f {
            Filter::Number { field, .. } | Filter::NumberOneOf { field, .. } => Some(*field),
            _ => None,
        });
        for f in filtered.chain(self.sort.iter().map(|k| k.field)) {
            if !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }
}

fn lowercase_filter(f: &Filter) -> Filter {
    match f {
        Filter::TextOneOf { field, values } => Filter::TextOneOf {
            field: field.clone(),
            values: values.iter().map(|v| v.to_lowercase()).collect(),
        },
        Filter::TextContains { field, needle } => Filter::TextContains {
            field: field.clone(),
            needle: needle.to_lowercase(),
        },
        other => other.clone(),
    }
}

/// Whether `t` equals the lowercased `lower` ignoring case (without allocating for ASCII text).
fn same_text(t: &str, lower: &str) -> bool {
    if t.is_ascii() {
        t.eq_ignore_ascii_case(lower)
    } else {
        t.to_lowercase() == lower
    }
}

/// `f` with its text already lowercased.
fn passes(table: &FundTable, i: usize, f: &Filter) -> bool {
    match f {
        Filter::Number { field, cond } => table.value(i, *field).is_ok_and(|v| cond.holds(v)),
        Filter::NumberOneOf { field, values } => {
            table.value(i, *field).is_ok_and(|v| values.contains(&v))
        }
        Filter::TextOneOf { field, values } => table
            .text(i, field)
            .is_some_and(|t| values.iter().any(|v| same_text(t, v))),
        Filter::TextContains { field, needle } => table
            .text(i, field)
            .is_some_and(|t| t.to_lowercase().contains(needle.as_str())),
    }
}
