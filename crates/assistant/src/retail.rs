//! Sales history and inventory status, computed from the store's tables.

use std::collections::HashMap;

use abacus_nlu::dates::Period;
use abacus_nlu::lexicon::Kind;
use abacus_nlu::plan::{GroupBy, Plan, SalesMeasure, Scope, StockMeasure};
use abacus_store::{SalesFilter, SalesKey};
use serde_json::json;

use crate::answer::{fmt_num, fmt_pct, Answer, Table};
use crate::context::Context;
use crate::Result;

fn filter(scope: &Scope, p: Period) -> SalesFilter {
    SalesFilter {
        skus: scope.skus.clone(),
        locations: scope.locations.clone(),
        categories: scope.categories.clone(),
        brands: scope.brands.clone(),
        suppliers: scope.suppliers.clone(),
        start: Some(p.start),
        end: Some(p.end),
    }
}

fn period_text(p: Period) -> String {
    if p.start == p.end {
        format!("on {}", p.start)
    } else {
        format!("from {} to {}", p.start, p.end)
    }
}

/// Words for the scope: "SKU-1 (Tea) at WH-SH (Shanghai …), category Snacks".
pub(crate) fn scope_text(ctx: &Context<'_>, s: &Scope) -> String {
    let mut parts = Vec::new();
    if !s.skus.is_empty() {
        parts.push(
            s.skus
                .iter()
                .map(|x| ctx.label(Kind::Sku, x))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if !s.categories.is_empty() {
        parts.push(format!("category {}", s.categories.join(", ")));
    }
    if !s.brands.is_empty() {
        parts.push(format!("brand {}", s.brands.join(", ")));
    }
    if !s.suppliers.is_empty() {
        parts.push(format!("supplier {}", s.suppliers.join(", ")));
    }
    let what = if parts.is_empty() {
        "all SKUs".to_string()
    } else {
        parts.join(", ")
    };
    let where_ = if s.locations.is_empty() {
        "across all locations".to_string()
    } else {
        format!(
            "at {}",
            s.locations
                .iter()
                .map(|x| ctx.label(Kind::Location, x))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    format!("{what} {where_}")
}

fn key_of(g: GroupBy) -> SalesKey {
    match g {
        GroupBy::Sku => SalesKey::Sku,
        GroupBy::Location => SalesKey::Location,
        GroupBy::Category => SalesKey::Category,
        GroupBy::Brand => SalesKey::Brand,
    }
}

fn measure_name(m: SalesMeasure) -> &'static str {
    match m {
        SalesMeasure::Units => "units sold",
        SalesMeasure::Revenue => "revenue",
        SalesMeasure::AvgDailyUnits => "average daily units",
        SalesMeasure::AvgDailyRevenue => "average daily revenue",
        SalesMeasure::SkusSold => "SKUs with at least one sale",
        SalesMeasure::SkusNotSold => "SKUs without a sale",
    }
}

/// Sales history: totals, rankings, growth.
pub(crate) fn sales(ctx: &Context<'_>, mut plan: Plan) -> Result<Answer> {
    let Some(range) = ctx.catalog.sales_range else {
        return Ok(Answer::error(
            Some(plan.intent()),
            "this dataset has no sales (no retail/ folder was imported)".into(),
        ));
    };
    let Plan::SalesHistory {
        scope,
        measure,
        ranking,
        yoy,
        growth_from,
        difference,
        share,
        split,
        share_of_place,
    } = &mut plan
    else {
        unreachable!("sales plan")
    };
    let (difference, share, split, share_of_place) = (*difference, *share, *split, *share_of_place);
    let data_start = range.0;
    let data_end = ctx.catalog.as_of.unwrap_or(range.1);
    let p = scope.period.unwrap_or(Period {
        start: data_start,
        end: data_end,
    });
    scope.period = Some(p);
    let (measure, ranking, growth_from) = (*measure, ranking.clone(), *growth_from);
    let yoy = *yoy || growth_from.is_some();
    let scope = scope.clone();
    if p.end < data_start || p.start > data_end {
        let text = format!(
            "There are no sales figures {}: the sales data covers {} to {}.",
            period_text(p),
            data_start,
            data_end
        );
        return Ok(Answer::answered(plan, text, None, None));
    }
    let f = filter(&scope, p);
    let value_of = |units: f64, revenue: f64, skus: i64| match measure {
        SalesMeasure::Units => units,
        SalesMeasure::Revenue => revenue,
        SalesMeasure::AvgDailyUnits => units / p.days() as f64,
        SalesMeasure::AvgDailyRevenue => revenue / p.days() as f64,
        SalesMeasure::SkusSold => skus as f64,
        SalesMeasure::SkusNotSold => skus as f64,
    };
    let fmt = |x: f64| {
        if measure == SalesMeasure::Revenue {
            fmt_num(x, 2)
        } else {
            fmt_num(x, 4)
        }
    };

    if yoy && (ranking.is_some() || split || difference) {
        // "Top 3 categories …" then "and year over year?": the growth of the whole scope
        // would answer another question.
        return Ok(Answer::error(
            Some(plan.intent()),
            "Growth is computed for one scope at a time, not for each entity of a ranking or comparison; ask for the growth of each separately.".into(),
        ));
    }
    if yoy {
        let last = growth_from.unwrap_or_else(|| p.year_before());
        let this_t = ctx.ds.sales_totals(&f, None)?.pop();
        let last_t = ctx.ds.sales_totals(&filter(&scope, last), None)?.pop();
        let v = |t: Option<abacus_store::SalesAgg>| {
            t.map_or(0.0, |t| value_of(t.units, t.revenue, t.skus_sold))
        };
        let (a, b) = (v(this_t), v(last_t));
        let mut table = Table::new(&["period", "start", "end", measure_name(measure)]);
        table.rows.push(vec![
            json!("this"),
            json!(p.start.to_string()),
            json!(p.end.to_string()),
            json!(a),
        ]);
        table.rows.push(vec![
            json!(if growth_from.is_some() {
                "earlier"
            } else {
                "year before"
            }),
            json!(last.start.to_string()),
            json!(last.end.to_string()),
            json!(b),
        ]);
        if last.start < data_start || last.end > data_end {
            let text = format!(
                "This growth needs sales {}, but the data covers {} to {}.",
                period_text(last),
                data_start,
                data_end
            );
            return Ok(Answer::answered(plan, text, None, Some(table)));
        }
        if b == 0.0 {
            let text = format!(
                "{} of {} were {} {} and 0 {}, so growth is undefined.",
                measure_name(measure),
                scope_text(ctx, &scope),
                fmt(a),
                period_text(p),
                if growth_from.is_some() {
                    period_text(last)
                } else {
                    "a year earlier".to_string()
                }
            );
            return Ok(Answer::answered(plan, text, None, Some(table)));
        }
        let g = (a - b) / b;
        let text = format!(
            "{} of {} for {}: {} ({} {} versus {} {}).",
            if growth_from.is_some() {
                "Growth"
            } else {
                "Year-over-year growth"
            },
            measure_name(measure),
            scope_text(ctx, &scope),
            fmt_pct(g),
            fmt(a),
            period_text(p),
            fmt(b),
            period_text(last)
        );
        return Ok(Answer::answered(plan, text, Some(g), Some(table)));
    }

    if let Some(r) = &ranking {
        let mut groups = ctx.ds.sales_totals(&f, Some(key_of(r.by)))?;
        let val = |g: &abacus_store::SalesAgg| value_of(g.units, g.revenue, g.skus_sold);
        groups.sort_by(|a, b| {
            let o = val(b)
                .partial_cmp(&val(a))
                .unwrap_or(std::cmp::Ordering::Equal);
            let o = if r.ascending { o.reverse() } else { o };
            o.then_with(|| a.key.cmp(&b.key))
        });
        if let Some(n) = r.top {
            groups.truncate(n);
        }
        let first = match r.by {
            GroupBy::Sku => "sku",
            GroupBy::Location => "location_id",
            GroupBy::Category => "category",
            GroupBy::Brand => "brand",
        };
        let mut table = Table::new(&[first, "name", "units", "revenue"]);
        for g in &groups {
            let name = match r.by {
                GroupBy::Sku => ctx.items.get(&g.key).map(|i| i.name.clone()),
                GroupBy::Location => ctx.location_names.get(&g.key).cloned(),
                _ => None,
            };
            table.rows.push(vec![
                json!(g.key),
                json!(name.unwrap_or_else(|| g.key.clone())),
                json!(g.units),
                json!(g.revenue),
            ]);
        }
        let listed: Vec<String> = groups
            .iter()
            .map(|g| format!("{} ({})", g.key, fmt(val(g))))
            .collect();
        let text = if groups.is_empty() {
            format!(
                "No sales {} for {}.",
                period_text(p),
                scope_text(ctx, &scope)
            )
        } else {
            format!(
                "{} by {} {} for {}: {}.",
                match r.top {
                    Some(1) => format!(
                        "The {} {}",
                        if r.ascending { "lowest" } else { "top" },
                        first.replace("_id", "").replace("sku", "SKU")
                    ),
                    Some(n) => format!(
                        "{} {} {}",
                        if r.ascending { "Bottom" } else { "Top" },
                        n,
                        first
                            .replace("_id", "s")
                            .replace("sku", "SKUs")
                            .replace("category", "categories")
                            .replace("brand", "brands")
                    ),
                    None => format!("Ranking of {}", first.replace("_id", "s")),
                },
                measure_name(measure),
                period_text(p),
                scope_text(ctx, &scope),
                listed.join(", ")
            )
        };
        return Ok(Answer::answered(plan, text, None, Some(table)));
    }

    if difference || split {
        // One figure per entity of the list with several ids, in the order they were named.
        let (kind, ids): (Kind, Vec<String>) = [
            (Kind::Sku, &scope.skus),
            (Kind::Location, &scope.locations),
            (Kind::Category, &scope.categories),
            (Kind::Brand, &scope.brands),
        ]
        .into_iter()
        .find(|(_, v)| v.len() >= 2)
        .map(|(k, v)| (k, v.clone()))
        .unwrap_or((Kind::Sku, Vec::new()));
        let mut table = Table::new(&[
            match kind {
                Kind::Location => "location_id",
                Kind::Category => "category",
                Kind::Brand => "brand",
                _ => "sku",
            },
            "units",
            "revenue",
            measure_name(measure),
        ]);
        let mut values = Vec::new();
        for id in &ids {
            let mut one = scope.clone();
            match kind {
                Kind::Location => one.locations = vec![id.clone()],
                Kind::Category => one.categories = vec![id.clone()],
                Kind::Brand => one.brands = vec![id.clone()],
                _ => one.skus = vec![id.clone()],
            }
            let t = ctx.ds.sales_totals(&filter(&one, p), None)?.pop();
            let (u, r, k) = t.map_or((0.0, 0.0, 0), |t| (t.units, t.revenue, t.skus_sold));
            let v = value_of(u, r, k);
            values.push((ctx.label(kind, id), v));
            table
                .rows
                .push(vec![json!(id), json!(u), json!(r), json!(v)]);
        }
        let listed: Vec<String> = values
            .iter()
            .map(|(l, v)| format!("{l}: {}", fmt(*v)))
            .collect();
        if difference && values.len() == 2 {
            let d = values[0].1 - values[1].1;
            let text = format!(
                "{} minus {} = {} ({}) {}; {}.",
                values[0].0,
                values[1].0,
                fmt(d),
                measure_name(measure),
                period_text(p),
                listed.join("; ")
            );
            return Ok(Answer::answered(plan, text, Some(d), Some(table)));
        }
        let text = format!(
            "{} {}: {}.",
            measure_name(measure),
            period_text(p),
            listed.join("; ")
        );
        return Ok(Answer::answered(plan, text, None, Some(table)));
    }

    if share {
        let part = ctx.ds.sales_totals(&f, None)?.pop();
        let mut whole_scope = scope.clone();
        if share_of_place {
            // "What share of X's sales came from Guangzhou": X everywhere is the whole.
            whole_scope.locations.clear();
        } else if whole_scope.skus.is_empty()
            && whole_scope.categories.is_empty()
            && whole_scope.brands.is_empty()
            && whole_scope.suppliers.is_empty()
        {
            whole_scope.locations.clear();
        } else {
            whole_scope.skus.clear();
            whole_scope.categories.clear();
            whole_scope.brands.clear();
            whole_scope.suppliers.clear();
        }
        let whole = ctx.ds.sales_totals(&filter(&whole_scope, p), None)?.pop();
        let v = |t: Option<abacus_store::SalesAgg>| {
            t.map_or(0.0, |t| value_of(t.units, t.revenue, t.skus_sold))
        };
        let (a, b) = (v(part), v(whole));
        let mut table = Table::new(&["part", measure_name(measure)]);
        table
            .rows
            .push(vec![json!(scope_text(ctx, &scope)), json!(a)]);
        table
            .rows
            .push(vec![json!(scope_text(ctx, &whole_scope)), json!(b)]);
        if b == 0.0 {
            let text = format!(
                "The total {} {} is 0, so a share is undefined.",
                measure_name(measure),
                period_text(p)
            );
            return Ok(Answer::answered(plan, text, None, Some(table)));
        }
        let text = format!(
            "{} made {} of the {} of {} {} ({} of {}).",
            scope_text(ctx, &scope),
            fmt_pct(a / b),
            measure_name(measure),
            scope_text(ctx, &whole_scope),
            period_text(p),
            fmt(a),
            fmt(b)
        );
        return Ok(Answer::answered(plan, text, Some(a / b), Some(table)));
    }

    if matches!(measure, SalesMeasure::SkusSold | SalesMeasure::SkusNotSold) {
        let sold: Vec<String> = ctx
            .ds
            .sales_totals(&f, Some(SalesKey::Sku))?
            .into_iter()
            .filter(|g| g.units > 0.0)
            .map(|g| g.key)
            .collect();
        // The SKUs that count: at given locations, those with an inventory row there; else every SKU in the filter.
        let universe: Vec<String> = if scope.locations.is_empty() {
            ctx.catalog
                .items
                .iter()
                .filter(|i| in_item_scope(i, &scope))
                .map(|i| i.sku.clone())
                .collect()
        } else {
            let mut v: Vec<String> = ctx
                .ds
                .inventory()?
                .into_iter()
                .filter(|r| scope.locations.contains(&r.location_id))
                .map(|r| r.sku)
                .filter(|s| ctx.items.get(s).is_some_and(|i| in_item_scope(i, &scope)))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let ids: Vec<&String> = universe
            .iter()
            .filter(|s| sold.contains(s) == (measure == SalesMeasure::SkusSold))
            .collect();
        let mut table = Table::new(&["sku", "name"]);
        for s in &ids {
            table.rows.push(vec![
                json!(s),
                json!(ctx.items.get(*s).map(|i| i.name.clone())),
            ]);
        }
        let n = ids.len() as f64;
        let text = format!(
            "{} {} {} for {}.",
            fmt_num(n, 0),
            measure_name(measure),
            period_text(p),
            scope_text(ctx, &scope)
        );
        return Ok(Answer::answered(plan, text, Some(n), Some(table)));
    }

    // A total, with its breakdown by the most specific dimension named.
    let by = if !scope.skus.is_empty() {
        SalesKey::Sku
    } else if !scope.categories.is_empty() {
        SalesKey::Category
    } else if !scope.brands.is_empty() {
        SalesKey::Brand
    } else {
        SalesKey::Location
    };
    let groups = ctx.ds.sales_totals(&f, Some(by))?;
    let (units, revenue): (f64, f64) = groups
        .iter()
        .fold((0.0, 0.0), |(u, r), g| (u + g.units, r + g.revenue));
    let total = ctx.ds.sales_totals(&f, None)?.pop();
    let (units, revenue) = total.map_or((units, revenue), |t| (t.units, t.revenue));
    let value = value_of(units, revenue, 0);
    let first = match by {
        SalesKey::Sku => "sku",
        SalesKey::Category => "category",
        SalesKey::Brand => "brand",
        SalesKey::Location => "location_id",
    };
    let mut table = Table::new(&[first, "name", "units", "revenue"]);
    for g in &groups {
        let name = match by {
            SalesKey::Sku => ctx.items.get(&g.key).map(|i| i.name.clone()),
            SalesKey::Location => ctx.location_names.get(&g.key).cloned(),
            _ => None,
        };
        table.rows.push(vec![
            json!(g.key),
            json!(name.unwrap_or_else(|| g.key.clone())),
            json!(g.units),
            json!(g.revenue),
        ]);
    }
    let unit = match measure {
        SalesMeasure::Revenue => "in revenue".to_string(),
        SalesMeasure::AvgDailyUnits => format!("units a day on average over {} days", p.days()),
        SalesMeasure::AvgDailyRevenue => {
            format!("in revenue a day on average over {} days", p.days())
        }
        _ => "units".to_string(),
    };
    let mut text = format!(
        "{} sold {} {} {}.",
        scope_text(ctx, &scope),
        fmt(value),
        unit,
        period_text(p)
    );
    if p.start < data_start || p.end > data_end {
        text.push_str(&format!(" (The sales data covers {data_start} to {data_end}; the figure counts only those days.)"));
    }
    Ok(Answer::answered(plan, text, Some(value), Some(table)))
}

fn in_item_scope(i: &abacus_store::model::Item, s: &Scope) -> bool {
    (s.skus.is_empty() || s.skus.contains(&i.sku))
        && (s.categories.is_empty() || s.categories.contains(&i.category))
        && (s.brands.is_empty() || s.brands.contains(&i.brand))
        && (s.suppliers.is_empty() || s.suppliers.contains(&i.supplier_id))
}

/// On hand, open orders, position and stock value from the snapshot and purchase orders.
pub(crate) fn inventory(ctx: &Context<'_>, plan: Plan) -> Result<Answer> {
    let Plan::InventoryStatus {
        scope,
        measure,
        count,
        ranking,
    } = &plan
    else {
        unreachable!("inventory plan")
    };
    let (scope, measure, count, ranking) = (scope.clone(), *measure, *count, ranking.clone());
    if ctx.catalog.as_of.is_none() {
        return Ok(Answer::error(
            Some(plan.intent()),
            "this dataset has no inventory (no retail/ folder was imported)".into(),
        ));
    }
    let in_scope = |sku: &str, loc: &str| {
        ctx.items.get(sku).is_some_and(|i| in_item_scope(i, &scope))
            && (scope.locations.is_empty() || scope.locations.iter().any(|l| l == loc))
    };
    let mut rows: Vec<(String, String, f64, f64)> = ctx
        .ds
        .inventory()?
        .into_iter()
        .filter(|r| in_scope(&r.sku, &r.location_id))
        .map(|r| (r.sku, r.location_id, r.on_hand, 0.0))
        .collect();
    // SKUs with a stock record in scope (before open orders add rows of their own).
    let recorded: std::collections::BTreeSet<String> = rows.iter().map(|r| r.0.clone()).collect();
    let mut open: HashMap<(String, String), f64> = HashMap::new();
    for po in ctx.ds.purchase_orders()? {
        if po.status == "open" && in_scope(&po.sku, &po.location_id) {
            *open.entry((po.sku, po.location_id)).or_default() += po.quantity;
        }
    }
    for r in rows.iter_mut() {
        r.3 = open.remove(&(r.0.clone(), r.1.clone())).unwrap_or(0.0);
    }
    // Open orders for a SKU-location without a snapshot row still count.
    for ((sku, loc), q) in open {
        rows.push((sku, loc, 0.0, q));
    }
    rows.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let as_of = ctx.catalog.as_of.map(|d| d.to_string()).unwrap_or_default();
    if measure == StockMeasure::ZeroOnHand {
        let zero: Vec<&(String, String, f64, f64)> = rows
            .iter()
            .filter(|r| r.2 == 0.0 && ctx.items.contains_key(&r.0))
            .collect();
        let mut ids: Vec<&String> = zero.iter().map(|r| &r.0).collect();
        ids.dedup();
        let mut table = Table::new(&["sku", "location_id", "name", "on_hand"]);
        for r in &zero {
            table.rows.push(vec![
                json!(r.0),
                json!(r.1),
                json!(ctx.items.get(&r.0).map(|i| i.name.clone())),
                json!(r.2),
            ]);
        }
        let text = format!(
            "{} SKU-location(s) have zero units on hand as of {} for {}: {}.",
            zero.len(),
            as_of,
            scope_text(ctx, &scope),
            if ids.is_empty() {
                "none".to_string()
            } else {
                ids.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        let value = count.then_some(zero.len() as f64);
        return Ok(Answer::answered(plan, text, value, Some(table)));
    }
    if measure == StockMeasure::Carried || (count && measure == StockMeasure::OnHand) {
        // "How many SKUs does Chengdu carry?" (a stock record, zero included) or "how many
        // SKUs have stock on hand?" (more than zero now): a count of SKUs, never of units.
        let ids: Vec<&String> = if measure == StockMeasure::Carried {
            recorded.iter().collect()
        } else {
            let mut v: Vec<&String> = rows.iter().filter(|r| r.2 > 0.0).map(|r| &r.0).collect();
            v.sort();
            v.dedup();
            v
        };
        let mut table = Table::new(&["sku", "name"]);
        for s in &ids {
            table.rows.push(vec![
                json!(s),
                json!(ctx.items.get(*s).map(|i| i.name.clone())),
            ]);
        }
        let what = if measure == StockMeasure::Carried {
            "have a stock record (zero on hand included)"
        } else {
            "have stock on hand"
        };
        let text = format!(
            "{} SKUs {what} for {} as of {as_of}.",
            ids.len(),
            scope_text(ctx, &scope)
        );
        return Ok(Answer::answered(
            plan,
            text,
            Some(ids.len() as f64),
            Some(table),
        ));
    }
    if rows.is_empty() {
        let text = format!(
            "There is no inventory record for {} as of {}.",
            scope_text(ctx, &scope),
            as_of
        );
        return Ok(Answer::answered(plan, text, None, None));
    }
    if let Some(r) = &ranking {
        // Rank SKUs (summed over the locations in scope) by the measure.
        let pick = |oh: f64, op: f64, sku: &str| match measure {
            StockMeasure::OpenOrders => op,
            StockMeasure::Position => oh + op,
            StockMeasure::ValueAtCost => oh * ctx.items.get(sku).map_or(0.0, |i| i.unit_cost),
            StockMeasure::ValueAtPrice => oh * ctx.items.get(sku).map_or(0.0, |i| i.unit_price),
            _ => oh,
        };
        let mut by_sku: std::collections::BTreeMap<String, f64> = std::collections::BTreeMap::new();
        for row in &rows {
            *by_sku.entry(row.0.clone()).or_default() += pick(row.2, row.3, &row.0);
        }
        let mut ranked: Vec<(String, f64)> = by_sku.into_iter().collect();
        ranked.sort_by(|a, b| {
            let o = b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal);
            (if r.ascending { o.reverse() } else { o }).then_with(|| a.0.cmp(&b.0))
        });
        if let Some(n) = r.top {
            ranked.truncate(n);
        }
        let mut table = Table::new(&["sku", "name", "amount"]);
        for (sku, v) in &ranked {
            table.rows.push(vec![
                json!(sku),
                json!(ctx.items.get(sku).map(|i| i.name.clone())),
                json!(v),
            ]);
        }
        let listed: Vec<String> = ranked
            .iter()
            .map(|(s, v)| format!("{s} ({})", fmt_num(*v, 2)))
            .collect();
        let text = format!(
            "Ranking of SKUs for {} as of {as_of}: {}.",
            scope_text(ctx, &scope),
            listed.join(", ")
        );
        return Ok(Answer::answered(plan, text, None, Some(table)));
    }
    let (on_hand, open_q): (f64, f64) =
        rows.iter().fold((0.0, 0.0), |(a, b), r| (a + r.2, b + r.3));
    let cost = |sku: &str| ctx.items.get(sku).map_or(0.0, |i| i.unit_cost);
    let price = |sku: &str| ctx.items.get(sku).map_or(0.0, |i| i.unit_price);
    let value_cost: f64 = rows.iter().map(|r| r.2 * cost(&r.0)).sum();
    let value_price: f64 = rows.iter().map(|r| r.2 * price(&r.0)).sum();
    let mut table = Table::new(&[
        "sku",
        "location_id",
        "name",
        "on_hand",
        "open_orders",
        "position",
        "value_at_cost",
    ]);
    for r in &rows {
        let name = ctx.items.get(&r.0).map(|i| i.name.clone());
        table.rows.push(vec![
            json!(r.0),
            json!(r.1),
            json!(name),
            json!(r.2),
            json!(r.3),
            json!(r.2 + r.3),
            json!(r.2 * cost(&r.0)),
        ]);
    }
    let who = scope_text(ctx, &scope);
    let (value, text) = match measure {
        StockMeasure::OnHand => (on_hand, format!("{who} has {} units on hand as of {as_of}.", fmt_num(on_hand, 4))),
        StockMeasure::OpenOrders => (open_q, format!("{who} has {} units on open purchase orders (overdue ones included) as of {as_of}.", fmt_num(open_q, 4))),
        StockMeasure::Position => (
            on_hand + open_q,
            format!("The inventory position of {who} is {} units: {} on hand plus {} on open purchase orders, as of {as_of}.", fmt_num(on_hand + open_q, 4), fmt_num(on_hand, 4), fmt_num(open_q, 4)),
        ),
        StockMeasure::ValueAtCost => (value_cost, format!("The stock on hand of {who} is worth {} at unit cost as of {as_of}.", fmt_num(value_cost, 2))),
        StockMeasure::ValueAtPrice => (value_price, format!("The stock on hand of {who} is worth {} at retail price as of {as_of}.", fmt_num(value_price, 2))),
        StockMeasure::DaysOfCover | StockMeasure::ZeroOnHand | StockMeasure::Carried => {
            unreachable!("handled elsewhere")
        }
    };
    Ok(Answer::answered(plan, text, Some(value), Some(table)))
}
