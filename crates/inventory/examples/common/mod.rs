#![allow(dead_code)]
//! Shared by the benchmark examples: read a dataset folder through the store
//! (imported into a scratch store) into the plan's plain rows, as `abacus plan` does.

use std::path::Path;

use abacus_core::date::parse_iso_date;
use abacus_inventory::series::{ItemRow, RetailData};
use abacus_inventory::{ItemParams, LeadTime};

pub(crate) fn load(
    dir: &Path,
    store_home: &Path,
) -> Result<RetailData, Box<dyn std::error::Error>> {
    let store = abacus_store::Store::open(store_home)?;
    let (info, _) = store.ensure_imported(dir, &mut |_| {})?;
    let ds = store.open_dataset(&info)?;
    let retail = ds.info.summary.retail.as_ref().ok_or("no retail data")?;
    let as_of = parse_iso_date(&retail.as_of).ok_or("bad as-of")?;
    let items = ds
        .items()?
        .into_iter()
        .map(|i| ItemRow {
            params: ItemParams {
                unit_cost: i.unit_cost,
                pack_size: i.pack_size.max(0) as u64,
                moq: i.moq.max(0) as u64,
                order_cost: i.order_cost,
                holding_cost_rate: i.holding_cost_rate,
                service_level: i.service_level,
            },
            sku: i.sku,
            category: i.category,
            supplier_id: i.supplier_id,
        })
        .collect();
    let lead_times = ds
        .suppliers()?
        .into_iter()
        .map(|s| {
            (
                s.supplier_id,
                LeadTime {
                    mean_days: s.lead_time_days,
                    sd_days: s.lead_time_std_days,
                },
            )
        })
        .collect();
    let stock = ds
        .inventory()?
        .into_iter()
        .map(|r| (r.sku, r.location_id, r.on_hand))
        .collect();
    let sales = ds
        .sales()?
        .into_iter()
        .map(|r| (r.sku, r.location_id, r.date, r.units))
        .collect();
    let open_orders = ds
        .purchase_orders()?
        .into_iter()
        .filter(|p| p.status == "open")
        .map(|p| (p.sku, p.location_id, p.expected_date, p.quantity))
        .collect();
    Ok(RetailData {
        as_of: Some(as_of),
        items,
        lead_times,
        stock,
        sales,
        open_orders,
    })
}

/// `--name value` from the command line.
pub(crate) fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}
