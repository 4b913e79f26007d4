//! Aggregate reads of sales for the assistant: totals and breakdowns with
//! parameterised SQL over the sales index (no text from a question ever becomes SQL;
//! ids are bound as parameters).

use abacus_core::date::iso;
use abacus_core::Date;
use rusqlite::types::Value;

use crate::error::Result;
use crate::Dataset;

/// Which sales rows count: every list empty means "all".
#[derive(Debug, Clone, Default)]
pub struct SalesFilter {
    pub skus: Vec<String>,
    pub locations: Vec<String>,
    pub categories: Vec<String>,
    pub brands: Vec<String>,
    pub suppliers: Vec<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// What sales are broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalesKey {
    Sku,
    Location,
    Category,
    Brand,
}

/// Units, revenue (units × the item's unit price) and distinct SKUs sold, for one group.
#[derive(Debug, Clone, PartialEq)]
pub struct SalesAgg {
    /// The group's id; empty for an overall total.
    pub key: String,
    pub units: f64,
    pub revenue: f64,
    pub skus_sold: i64,
}

impl Dataset {
    /// Sums sales under a filter, overall (`by` = None) or per group.
    pub fn sales_totals(&self, f: &SalesFilter, by: Option<SalesKey>) -> Result<Vec<SalesAgg>> {
        let key = match by {
            None => "''",
            Some(SalesKey::Sku) => "s.sku",
            Some(SalesKey::Location) => "s.location_id",
            Some(SalesKey::Category) => "i.category",
            Some(SalesKey::Brand) => "i.brand",
        };
        let mut sql = format!(
            "SELECT {key}, TOTAL(s.units), TOTAL(s.units * i.unit_price), COUNT(DISTINCT s.sku)
             FROM sales s JOIN items i ON i.sku = s.sku WHERE 1 = 1"
        );
        let mut params: Vec<Value> = Vec::new();
        let mut list = |sql: &mut String, col: &str, values: &[String]| {
            if values.is_empty() {
                return;
            }
            sql.push_str(&format!(" AND {col} IN ({})", vec!["?"; values.len()].join(", ")));
            params.extend(values.iter().map(|v| Value::Text(v.clone())));
        };
        list(&mut sql, "s.sku", &f.skus);
        list(&mut sql, "s.location_id", &f.locations);
        list(&mut sql, "i.category", &f.categories);
        list(&mut sql, "i.brand", &f.brands);
        list(&mut sql, "i.supplier_id", &f.suppliers);
        if let Some(s) = f.start {
            sql.push_str(" AND s.date >= ?");
            params.push(Value::Text(iso(s)));
        }
        if let Some(e) = f.end {
            sql.push_str(" AND s.date <= ?");
            params.push(Value::Text(iso(e)));
        }
        if by.is_some() {
            sql.push_str(&format!(" GROUP BY {key}"));
        }
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(SalesAgg { key: r.get(0)?, units: r.get(1)?, revenue: r.get(2)?, skus_sold: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Daily units of one SKU at one location (or summed over the given ones), for a date range.
    pub fn daily_units(&self, skus: &[String], locations: &[String], start: Date, end: Date) -> Result<Vec<(Date, f64)>> {
        let f = SalesFilter { skus: skus.to_vec(), locations: locations.to_vec(), start: Some(start), end: Some(end), ..Default::default() };
        let mut sql = String::from("SELECT s.date, TOTAL(s.units) FROM sales s WHERE s.date >= ? AND s.date <= ?");
        let mut params = vec![Value::Text(iso(start)), Value::Text(iso(end))];
        for (col, values) in [("s.sku", &f.skus), ("s.location_id", &f.locations)] {
            if !values.is_empty() {
                sql.push_str(&format!(" AND {col} IN ({})", vec!["?"; values.len()].join(", ")));
                params.extend(values.iter().map(|v| Value::Text(v.clone())));
            }
        }
        sql.push_str(" GROUP BY s.date ORDER BY s.date");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            let d: String = r.get(0)?;
            Ok((abacus_core::date::parse_iso_date(&d), r.get::<_, f64>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (d, u) = row?;
            if let Some(d) = d {
                out.push((d, u));
            }
        }
        Ok(out)
    }
}
