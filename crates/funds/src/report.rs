//! Reading the fund table for people: fund references, result tables, percentile ranks.

use crate::metric::{Better, Unit};
use crate::table::{FieldId, FundTable};
use crate::{Error, Result, Undefined};

/// One cell of a result [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number {
        value: f64,
        unit: Unit,
    },
    /// No value; the reason says why.
    Undefined(Undefined),
}

/// Rows of funds by columns: `fund_code`, `name`, then the requested fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Where a fund's value of a field ranks among the active funds of its category.
#[derive(Debug, Clone, PartialEq)]
pub struct Percentile {
    pub category: String,
    pub value: f64,
    /// 1 = best (by the field's better direction); ties share the better rank.
    pub rank: usize,
    /// Funds ranked: the active funds of the category with a value, plus this fund.
    pub peers: usize,
    /// `100 · (peers − rank) / (peers − 1)`: 100 for the best, 0 for the worst, 100 when alone.
    pub percentile: f64,
}

impl FundTable {
    /// Resolves a fund reference: its code, its exact name, or a unique part of its name (all case-insensitive).
    /// Inactive funds are found too.
    pub fn find(&self, query: &str) -> Result<usize> {
        let q = query.trim().to_lowercase();
        if let Some(i) = (0..self.len()).find(|&i| self.fund(i).code.to_lowercase() == q) {
            return Ok(i);
        }
        let exact: Vec<usize> = (0..self.len())
            .filter(|&i| self.fund(i).name.to_lowercase() == q)
            .collect();
        let hits = if exact.is_empty() {
            (0..self.len())
                .filter(|&i| !q.is_empty() && self.fund(i).name.to_lowercase().contains(&q))
                .collect()
        } else {
            exact
        };
        match hits.as_slice() {
            [] => Err(Error::UnknownFund(query.to_string())),
            [i] => Ok(*i),
            _ => Err(Error::AmbiguousFund {
                query: query.to_string(),
                candidates: hits
                    .iter()
                    .map(|&i| (self.fund(i).code.clone(), self.fund(i).name.clone()))
                    .collect(),
            }),
        }
    }

    /// A table of the given funds (in the given order) with `fund_code`, `name` and the given fields.
    pub fn table(&self, funds: &[usize], fields: &[FieldId]) -> Table {
        let mut columns = vec!["fund_code".to_string(), "name".to_string()];
        columns.extend(fields.iter().map(|&f| self.field_def(f).name.clone()));
        let rows = funds
            .iter()
            .map(|&i| {
                let mut row = vec![
                    Cell::Text(self.fund(i).code.clone()),
                    Cell::Text(self.fund(i).name.clone()),
                ];
                row.extend(fields.iter().map(|&f| match self.value(i, f) {
                    Ok(value) => Cell::Number {
                        value,
                        unit: self.field_def(f).unit,
                    },
                    Err(u) => Cell::Undefined(u),
                }));
                row
            })
            .collect();
        Table { columns, rows }
    }

    /// The fields a comparison shows when none are asked for.
    pub fn default_compare_fields(&self) -> Vec<FieldId> {
        [
            "return_1y",
            "return_3y",
            "volatility_3y",
            "sharpe_3y",
            "max_drawdown_3y",
            "expense_ratio",
            "risk_level",
            "aum",
        ]
        .iter()
        .filter_map(|n| self.field(n))
        .collect()
    }

    /// Fund `i`'s rank and percentile for a field among the active funds of its category;
    /// `None` when the fund has no value for it.
    pub fn percentile(&self, i: usize, f: FieldId) -> Option<Percentile> {
        let value = self.value(i, f).ok()?;
        let category = self.fund(i).category.to_lowercase();
        let better = self.field_def(f).better;
        let (mut peers, mut ahead) = (1, 0);
        for j in (0..self.len()).filter(|&j| j != i && self.is_active(j)) {
            let Ok(v) = self.value(j, f) else { continue };
            if self.fund(j).category.to_lowercase() != category {
                continue;
            }
            peers += 1;
            if match better {
                Better::Higher => v > value,
                Better::Lower => v < value,
            } {
                ahead += 1;
            }
        }
        let rank = ahead + 1;
        let percentile = if peers == 1 {
            100.0
        } else {
            100.0 * (peers - rank) as f64 / (peers - 1) as f64
        };
        Some(Percentile {
            category: self.fund(i).category.clone(),
            value,
            rank,
            peers,
            percentile,
        })
    }
}
