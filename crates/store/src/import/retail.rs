//! `retail/`: locations, suppliers, items, sales, inventory, events, purchase orders.

use std::collections::{BTreeSet, HashMap};

use abacus_core::date::iso;
use abacus_core::Date;
use rusqlite::params;

use super::{check_ref, extras_json, Ctx, Keys};
use crate::csvio::{req, Check};
use crate::error::Result;
use crate::model::RetailSummary;

pub(super) fn import(ctx: &mut Ctx<'_>) -> Result<RetailSummary> {
    let tx = ctx.tx;

    // locations.csv
    let mut locations: HashMap<String, u32> = HashMap::new();
    let mut t = ctx
        .open(
            "retail/locations.csv",
            &[req("location_id"), req("name"), req("city"), req("kind")],
            true,
        )?
        .expect("required");
    let extras = t.extra_columns();
    let mut keys = Keys::new();
    {
        let mut ins = tx.prepare("INSERT INTO locations VALUES (?1, ?2, ?3, ?4, ?5)")?;
        while t.next()? {
            let id = t.text("location_id")?;
            keys.insert(id.clone(), &t, || format!("location_id {id:?}"))?;
            let kind = t.one_of("kind", &["warehouse", "store", "dc"])?;
            ins.execute(params![
                id,
                t.text("name")?,
                t.text("city")?,
                kind,
                extras_json(&t, &extras)
            ])?;
            let n = locations.len() as u32;
            locations.insert(id, n);
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);

    // suppliers.csv
    let mut t = ctx
        .open(
            "retail/suppliers.csv",
            &[
                req("supplier_id"),
                req("name"),
                req("lead_time_days"),
                req("lead_time_std_days"),
            ],
            true,
        )?
        .expect("required");
    let extras = t.extra_columns();
    let mut suppliers = Keys::new();
    {
        let mut ins = tx.prepare("INSERT INTO suppliers VALUES (?1, ?2, ?3, ?4, ?5)")?;
        while t.next()? {
            let id = t.text("supplier_id")?;
            suppliers.insert(id.clone(), &t, || format!("supplier_id {id:?}"))?;
            ins.execute(params![
                id,
                t.text("name")?,
                t.num("lead_time_days", Check::Pos)?,
                t.num("lead_time_std_days", Check::NonNeg)?,
                extras_json(&t, &extras)
            ])?;
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);

    // items.csv
    let cols = [
        req("sku"),
        req("name"),
        req("category"),
        req("brand"),
        req("unit_cost"),
        req("unit_price"),
        req("supplier_id"),
        req("pack_size"),
        req("moq"),
        req("order_cost"),
        req("holding_cost_rate"),
        req("service_level"),
    ];
    let mut t = ctx
        .open("retail/items.csv", &cols, true)?
        .expect("required");
    let extras = t.extra_columns();
    let mut skus: HashMap<String, u32> = HashMap::new();
    let mut categories = BTreeSet::new();
    let mut brands = BTreeSet::new();
    {
        let mut ins = tx.prepare(
            "INSERT INTO items VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        let mut keys = Keys::new();
        while t.next()? {
            let sku = t.text("sku")?;
            keys.insert(sku.clone(), &t, || format!("sku {sku:?}"))?;
            let supplier = t.text("supplier_id")?;
            check_ref(
                &t,
                "supplier_id",
                &supplier,
                &suppliers,
                &supplier,
                "retail/suppliers.csv",
            )?;
            let category = t.text("category")?;
            let brand = t.text("brand")?;
            ins.execute(params![
                sku,
                t.text("name")?,
                category,
                brand,
                t.num("unit_cost", Check::NonNeg)?,
                t.num("unit_price", Check::NonNeg)?,
                supplier,
                t.int("pack_size", Check::Min(1.0))?,
                t.int("moq", Check::NonNeg)?,
                t.num("order_cost", Check::NonNeg)?,
                t.num("holding_cost_rate", Check::NonNeg)?,
                t.num("service_level", Check::Open(0.0, 1.0))?,
                extras_json(&t, &extras)
            ])?;
            categories.insert(category);
            brands.insert(brand);
            let n = skus.len() as u32;
            skus.insert(sku, n);
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);
    let sku_keys = Keys(skus.iter().map(|(k, _)| (k.clone(), 0)).collect());
    let loc_keys = Keys(locations.iter().map(|(k, _)| (k.clone(), 0)).collect());

    // inventory.csv (before sales: its as_of bounds the sales dates)
    let mut t = ctx
        .open(
            "retail/inventory.csv",
            &[req("sku"), req("location_id"), req("on_hand"), req("as_of")],
            true,
        )?
        .expect("required");
    let mut as_of: Option<(Date, u64)> = None;
    let mut inv_keys = Keys::new();
    {
        let mut ins = tx.prepare("INSERT INTO inventory VALUES (?1, ?2, ?3)")?;
        while t.next()? {
            let sku = t.text("sku")?;
            check_ref(&t, "sku", &sku, &sku_keys, &sku, "retail/items.csv")?;
            let loc = t.text("location_id")?;
            check_ref(
                &t,
                "location_id",
                &loc,
                &loc_keys,
                &loc,
                "retail/locations.csv",
            )?;
            let on_hand = t.num("on_hand", Check::NonNeg)?;
            let d = t.date("as_of")?;
            match as_of {
                None => as_of = Some((d, t.line())),
                Some((first, line)) if first != d => {
                    return Err(t
                        .err(
                            Some("as_of"),
                            format!(
                                "as_of must be one date for the whole file: found {} but line {line} has {}",
                                iso(d),
                                iso(first)
                            ),
                        )
                        .into())
                }
                Some(_) => {}
            }
            inv_keys.insert((sku.clone(), loc.clone()), &t, || {
                format!("(sku, location_id) = ({sku}, {loc})")
            })?;
            ins.execute(params![sku, loc, on_hand])?;
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);
    let as_of = as_of.expect("non-empty").0;

    // sales.csv
    let mut t = ctx
        .open(
            "retail/sales.csv",
            &[req("date"), req("sku"), req("location_id"), req("units")],
            true,
        )?
        .expect("required");
    let mut sales_keys: Keys<(i32, u32, u32)> = Keys::new();
    let (mut first, mut last): (Option<Date>, Option<Date>) = (None, None);
    {
        let mut ins = tx.prepare("INSERT INTO sales VALUES (?1, ?2, ?3, ?4)")?;
        let epoch = Date::from_ymd_opt(1970, 1, 1).expect("valid");
        while t.next()? {
            let date = t.date("date")?;
            if date > as_of {
                return Err(t
                    .err(
                        Some("date"),
                        format!(
                            "sales dated {} are after the as-of date {} of retail/inventory.csv; sales after it cannot exist",
                            iso(date),
                            iso(as_of)
                        ),
                    )
                    .into());
            }
            let sku = t.raw("sku").to_string();
            let Some(&si) = skus.get(&sku) else {
                t.text("sku")?;
                return Err(t
                    .err(
                        Some("sku"),
                        format!("unknown sku {sku:?}: it is not in retail/items.csv"),
                    )
                    .into());
            };
            let loc = t.raw("location_id").to_string();
            let Some(&li) = locations.get(&loc) else {
                t.text("location_id")?;
                return Err(t
                    .err(
                        Some("location_id"),
                        format!("unknown location_id {loc:?}: it is not in retail/locations.csv"),
                    )
                    .into());
            };
            let units = t.num("units", Check::NonNeg)?;
            let day = (date - epoch).num_days() as i32;
            sales_keys.insert((day, si, li), &t, || {
                format!("(date, sku, location_id) = ({}, {sku}, {loc})", iso(date))
            })?;
            ins.execute(params![sku, loc, iso(date), units])?;
            first = Some(first.map_or(date, |f| f.min(date)));
            last = Some(last.map_or(date, |l| l.max(date)));
            ctx.tick(&t);
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);
    let sales_rows = sales_keys.len() as u64;
    drop(sales_keys);

    // events.csv (optional)
    let events = match ctx.open("retail/events.csv", &[req("date"), req("name")], false)? {
        None => None,
        Some(mut t) => {
            let mut keys = Keys::new();
            let mut ins = tx.prepare("INSERT INTO events VALUES (?1, ?2)")?;
            while t.next()? {
                let d = t.date("date")?;
                let name = t.text("name")?;
                keys.insert((d, name.clone()), &t, || {
                    format!("(date, name) = ({}, {name})", iso(d))
                })?;
                ins.execute(params![iso(d), name])?;
            }
            ctx.finish(&t);
            Some(keys.len() as u64)
        }
    };

    // purchase_orders.csv (optional)
    let cols = [
        req("po_id"),
        req("sku"),
        req("location_id"),
        req("quantity"),
        req("order_date"),
        req("expected_date"),
        req("status"),
    ];
    let (mut pos, mut open) = (0u64, 0u64);
    if let Some(mut t) = ctx.open("retail/purchase_orders.csv", &cols, false)? {
        let mut keys = Keys::new();
        let mut ins =
            tx.prepare("INSERT INTO purchase_orders VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        while t.next()? {
            let id = t.text("po_id")?;
            keys.insert(id.clone(), &t, || format!("po_id {id:?}"))?;
            let sku = t.text("sku")?;
            check_ref(&t, "sku", &sku, &sku_keys, &sku, "retail/items.csv")?;
            let loc = t.text("location_id")?;
            check_ref(
                &t,
                "location_id",
                &loc,
                &loc_keys,
                &loc,
                "retail/locations.csv",
            )?;
            let status = t.one_of("status", &["open", "received", "cancelled"])?;
            ins.execute(params![
                id,
                sku,
                loc,
                t.num("quantity", Check::Pos)?,
                iso(t.date("order_date")?),
                iso(t.date("expected_date")?),
                status
            ])?;
            pos += 1;
            open += u64::from(status == "open");
        }
        ctx.finish(&t);
    }
    Ok(RetailSummary {
        as_of: iso(as_of),
        locations: locations.len() as u64,
        suppliers: suppliers.len() as u64,
        items: skus.len() as u64,
        categories: categories.len() as u64,
        brands: brands.len() as u64,
        sales_rows,
        sales_first: first.map(iso),
        sales_last: last.map(iso),
        inventory_rows: inv_keys.len() as u64,
        purchase_orders: pos,
        open_purchase_orders: open,
        events,
    })
}
