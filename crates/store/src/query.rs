//! Aggregate reads of sales for the assistant: totals and breakdowns over the
//! in-memory sales cube (no text from a question ever reaches SQL).

use std::collections::BTreeMap;

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
    /// Sums sales under a filter, overall (`by` = None, always one row) or per group
    /// (groups with at least one sales row), ordered by key.
    pub fn sales_totals(&self, f: &SalesFilter, by: Option<SalesKey>) -> Result<Vec<SalesAgg>> {
        if !f.skus.is_empty() {
            let mut rows = self.sales_totals_sql(f, by)?;
            rows.sort_by(|a, b| a.key.cmp(&b.key));
            return Ok(rows);
        }
        let cube = self.cube()?;
        let items = self.item_list()?;
        let attrs: Vec<Option<&crate::model::Item>> = cube
            .skus
            .iter()
            .map(|s| items.iter().find(|i| &i.sku == s))
            .collect();
        let sku_ok: Vec<bool> = cube
            .skus
            .iter()
            .zip(&attrs)
            .map(|(s, item)| {
                let Some(i) = item else { return false };
                (f.skus.is_empty() || f.skus.contains(s))
                    && (f.categories.is_empty() || f.categories.contains(&i.category))
                    && (f.brands.is_empty() || f.brands.contains(&i.brand))
                    && (f.suppliers.is_empty() || f.suppliers.contains(&i.supplier_id))
            })
            .collect();
        let loc_ok: Vec<bool> = cube
            .locations
            .iter()
            .map(|l| f.locations.is_empty() || f.locations.contains(l))
            .collect();
        let start = f.start.or(cube.first).unwrap_or(Date::MIN);
        let end = f.end.unwrap_or(Date::MAX);
        let price: Vec<f64> = attrs
            .iter()
            .map(|i| i.map_or(0.0, |i| i.unit_price))
            .collect();
        let key = |s: usize, l: usize| -> String {
            match by {
                None => String::new(),
                Some(SalesKey::Sku) => cube.skus[s].clone(),
                Some(SalesKey::Location) => cube.locations[l].clone(),
                Some(SalesKey::Category) => {
                    attrs[s].map_or_else(String::new, |i| i.category.clone())
                }
                Some(SalesKey::Brand) => attrs[s].map_or_else(String::new, |i| i.brand.clone()),
            }
        };
        // Per group: units, revenue, the SKUs seen. Each (sku, location) pair finds
        // its group once; rows then add into the group by index.
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut acc: Vec<(f64, f64, Vec<bool>)> = Vec::new();
        if by.is_none() {
            index.insert(String::new(), 0);
            acc.push((0.0, 0.0, vec![false; cube.skus.len()]));
        }
        let width = cube.locations.len().max(1);
        let mut group_of: Vec<Option<usize>> = vec![None; cube.skus.len() * width];
        for r in cube.range(start, end) {
            let (s, l) = (cube.sku[r] as usize, cube.loc[r] as usize);
            if !sku_ok[s] || !loc_ok[l] {
                continue;
            }
            let g = match group_of[s * width + l] {
                Some(g) => g,
                None => {
                    let k = key(s, l);
                    let g = match index.get(&k) {
                        Some(&g) => g,
                        None => {
                            acc.push((0.0, 0.0, vec![false; cube.skus.len()]));
                            index.insert(k, acc.len() - 1);
                            acc.len() - 1
                        }
                    };
                    group_of[s * width + l] = Some(g);
                    g
                }
            };
            let u = cube.units[r];
            let a = &mut acc[g];
            a.0 += u;
            a.1 += u * price[s];
            if u > 0.0 {
                a.2[s] = true;
            }
        }
        Ok(index
            .into_iter()
            .map(|(key, g)| {
                let (units, revenue, seen) = &acc[g];
                SalesAgg {
                    key,
                    units: *units,
                    revenue: *revenue,
                    skus_sold: seen.iter().filter(|b| **b).count() as i64,
                }
            })
            .collect())
    }

    /// The same sums with SQL over the sales index: fastest when a few SKUs are named.
    fn sales_totals_sql(&self, f: &SalesFilter, by: Option<SalesKey>) -> Result<Vec<SalesAgg>> {
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
            sql.push_str(&format!(
                " AND {col} IN ({})",
                vec!["?"; values.len()].join(", ")
            ));
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
            Ok(SalesAgg {
                key: r.get(0)?,
                units: r.get(1)?,
                revenue: r.get(2)?,
                skus_sold: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Daily units summed over the given SKUs and locations (empty = all), for a date range;
    /// days without sales are absent.
    pub fn daily_units(
        &self,
        skus: &[String],
        locations: &[String],
        start: Date,
        end: Date,
    ) -> Result<Vec<(Date, f64)>> {
        let cube = self.cube()?;
        let Some(first) = cube.first else {
            return Ok(Vec::new());
        };
        let sku_ok: Vec<bool> = cube
            .skus
            .iter()
            .map(|s| skus.is_empty() || skus.contains(s))
            .collect();
        let loc_ok: Vec<bool> = cube
            .locations
            .iter()
            .map(|l| locations.is_empty() || locations.contains(l))
            .collect();
        let mut out: Vec<(Date, f64)> = Vec::new();
        for r in cube.range(start, end) {
            if !sku_ok[cube.sku[r] as usize] || !loc_ok[cube.loc[r] as usize] {
                continue;
            }
            let d = first + chrono::Duration::days(i64::from(cube.day[r]));
            match out.last_mut() {
                Some((last, u)) if *last == d => *u += cube.units[r],
                _ => out.push((d, cube.units[r])),
            }
        }
        Ok(out)
    }
}
