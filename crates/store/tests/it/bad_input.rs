//! The bad-input table: each malformed dataset gives its exact error (file, line,
//! column, what was expected) and the previously imported data stays unchanged.

use std::path::Path;

use crate::fixture::{edit, import_error, put};

type Break = Box<dyn FnOnce(&Path)>;

fn cases() -> Vec<(&'static str, Break, &'static str)> {
    vec![
        (
            "missing required file",
            Box::new(|d| std::fs::remove_file(d.join("retail/items.csv")).unwrap()),
            "retail/items.csv: required file is missing; add it to the dataset folder",
        ),
        (
            "missing required column",
            Box::new(|d| put(d, "retail/sales.csv", b"date,sku,location_id\n2026-06-01,SKU-1,WH-A\n")),
            "retail/sales.csv, line 1, column `units`: required column is missing; the header must contain date, sku, location_id, units",
        ),
        (
            "bad date",
            Box::new(|d| edit(d, "retail/sales.csv", |t| t.replace("2026-06-02", "2026-13-02"))),
            "retail/sales.csv, line 4, column `date`: expected a date as YYYY-MM-DD that exists, found \"2026-13-02\"",
        ),
        (
            "date that does not exist",
            Box::new(|d| edit(d, "retail/purchase_orders.csv", |t| t.replace("2026-05-01", "2025-02-30"))),
            "retail/purchase_orders.csv, line 3, column `order_date`: expected a date as YYYY-MM-DD that exists, found \"2025-02-30\"",
        ),
        (
            "negative units",
            Box::new(|d| edit(d, "retail/sales.csv", |t| t.replace("WH-A,3", "WH-A,-3"))),
            "retail/sales.csv, line 2, column `units`: expected a number ≥ 0, found -3",
        ),
        (
            "not a number",
            Box::new(|d| edit(d, "retail/items.csv", |t| t.replace("10,15.5", "10,15,5x"))),
            "retail/items.csv, line 2: the row has 14 fields but the header has 13",
        ),
        (
            "NaN is not a number",
            Box::new(|d| edit(d, "retail/inventory.csv", |t| t.replace("WH-B,7", "WH-B,NaN"))),
            "retail/inventory.csv, line 4, column `on_hand`: expected a number ≥ 0, found \"NaN\"",
        ),
        (
            "duplicate key",
            Box::new(|d| edit(d, "retail/sales.csv", |t| t + "2026-06-01,SKU-2,WH-A,4\n")),
            "retail/sales.csv, line 6: duplicate key (date, sku, location_id) = (2026-06-01, SKU-2, WH-A); it first appears on line 3",
        ),
        (
            "unknown SKU in sales",
            Box::new(|d| edit(d, "retail/sales.csv", |t| t + "2026-06-03,SKU-9,WH-A,4\n")),
            "retail/sales.csv, line 6, column `sku`: unknown sku \"SKU-9\": it is not in retail/items.csv",
        ),
        (
            "unknown supplier",
            Box::new(|d| edit(d, "retail/items.csv", |t| t.replace("SUP-2,1,0", "SUP-7,1,0"))),
            "retail/items.csv, line 3, column `supplier_id`: unknown supplier_id \"SUP-7\": it is not in retail/suppliers.csv",
        ),
        (
            "as_of varies within inventory.csv",
            Box::new(|d| edit(d, "retail/inventory.csv", |t| t.replace("7,2026-06-30", "7,2026-06-29"))),
            "retail/inventory.csv, line 4, column `as_of`: as_of must be one date for the whole file: found 2026-06-29 but line 2 has 2026-06-30",
        ),
        (
            "non-UTF-8 bytes",
            Box::new(|d| put(d, "retail/locations.csv", b"location_id,name,city,kind\nWH-A,Alpha \xff Warehouse,Beijing,warehouse\nWH-B,Beta,Shanghai,store\n")),
            "retail/locations.csv, line 2, column `name`: the value is not valid UTF-8 (byte 0xFF at offset 6); save the file as UTF-8",
        ),
        (
            "empty file",
            Box::new(|d| put(d, "retail/locations.csv", b"")),
            "retail/locations.csv: the file is empty; expected a header row with the columns location_id, name, city, kind",
        ),
        (
            "header only",
            Box::new(|d| put(d, "retail/suppliers.csv", b"supplier_id,name,lead_time_days,lead_time_std_days\n")),
            "retail/suppliers.csv: the file has a header but no rows; at least one row is required",
        ),
        (
            "an error after a quoted field with a comma and a newline names the right line",
            Box::new(|d| {
                put(d, "retail/locations.csv", b"location_id,name,city,kind\nWH-A,\"Alpha, North\nBuilding 2\",Beijing,warehouse\nWH-B,Beta,Shanghai,shop\n")
            }),
            "retail/locations.csv, line 4, column `kind`: expected one of warehouse, store, dc, found \"shop\"",
        ),
        (
            "a 2 GB line",
            Box::new(|d| {
                let f = std::fs::OpenOptions::new().append(true).open(d.join("retail/sales.csv")).unwrap();
                // A sparse file: 2 GiB of NUL bytes with no newline, written in no time.
                let len = f.metadata().unwrap().len();
                f.set_len(len + (2u64 << 30)).unwrap();
            }),
            "retail/sales.csv, line 6: the line is longer than 1048576 bytes; is this really a CSV file with one record per line?",
        ),
        (
            "a CSV bomb of millions of columns",
            Box::new(|d| {
                let mut header = b"fund_code,date,nav,adj_nav".to_vec();
                header.extend(std::iter::repeat_n(b',', 3_000_000));
                put(d, "funds/fund_nav.csv", &header)
            }),
            "funds/fund_nav.csv, line 1: the line is longer than 1048576 bytes; is this really a CSV file with one record per line?",
        ),
        (
            "too many columns",
            Box::new(|d| {
                let mut header = String::from("fund_code,date,nav,adj_nav");
                for i in 0..2000 {
                    header.push_str(&format!(",x{i}"));
                }
                put(d, "funds/fund_nav.csv", header.as_bytes())
            }),
            "funds/fund_nav.csv, line 1: the header has 2004 columns; at most 1024 are accepted",
        ),
        (
            "a lane to an unknown node",
            Box::new(|d| edit(d, "network/lanes.csv", |t| t + "P1,C9,,4,\n")),
            "network/lanes.csv, line 5, column `to`: unknown node \"C9\": it is not in network/nodes.csv",
        ),
        (
            "fund NAV of zero",
            Box::new(|d| edit(d, "funds/fund_nav.csv", |t| t.replace("1.01,1.02", "0,1.02"))),
            "funds/fund_nav.csv, line 2, column `nav`: expected a number > 0, found 0",
        ),
        (
            "negative adjusted NAV",
            Box::new(|d| edit(d, "funds/fund_nav.csv", |t| t.replace("1.02,1.03", "1.02,-1.03"))),
            "funds/fund_nav.csv, line 3, column `adj_nav`: expected a number > 0, found -1.03",
        ),
        (
            "NAV of an unknown fund",
            Box::new(|d| edit(d, "funds/fund_nav.csv", |t| t + "F9,2026-06-30,1,1\n")),
            "funds/fund_nav.csv, line 4, column `fund_code`: unknown fund_code \"F9\": it is not in funds/funds.csv",
        ),
        (
            "risk level out of range",
            Box::new(|d| edit(d, "funds/funds.csv", |t| t.replace("equity,,5,", "equity,,7,"))),
            "funds/funds.csv, line 3, column `risk_level`: expected a whole number from 1 to 5, found \"7\"",
        ),
        (
            "unknown fund category",
            Box::new(|d| edit(d, "funds/funds.csv", |t| t.replace(",bond,", ",bonds,"))),
            "funds/funds.csv, line 2, column `category`: expected one of equity, bond, mixed, money_market, index, qdii, commodity, found \"bonds\"",
        ),
        (
            "service level of 1",
            Box::new(|d| edit(d, "retail/items.csv", |t| t.replace("0.2,0.95", "0.2,1"))),
            "retail/items.csv, line 2, column `service_level`: expected a number strictly between 0 and 1, found 1",
        ),
        (
            "fractional pack size",
            Box::new(|d| edit(d, "retail/items.csv", |t| t.replace("SUP-1,6,12", "SUP-1,2.5,12"))),
            "retail/items.csv, line 2, column `pack_size`: expected a whole number ≥ 1, found \"2.5\"",
        ),
        (
            "lead time of zero",
            Box::new(|d| edit(d, "retail/suppliers.csv", |t| t.replace("SUP-1,One Co.,5", "SUP-1,One Co.,0"))),
            "retail/suppliers.csv, line 2, column `lead_time_days`: expected a number > 0, found 0",
        ),
        (
            "sales after the as-of date",
            Box::new(|d| edit(d, "retail/sales.csv", |t| t + "2026-07-01,SKU-1,WH-A,1\n")),
            "retail/sales.csv, line 6, column `date`: sales dated 2026-07-01 are after the as-of date 2026-06-30 of retail/inventory.csv; sales after it cannot exist",
        ),
        (
            "ragged row",
            Box::new(|d| edit(d, "retail/inventory.csv", |t| t + "SKU-2,WH-B\n")),
            "retail/inventory.csv, line 5: the row has 2 fields but the header has 4",
        ),
        (
            "purchase order status",
            Box::new(|d| edit(d, "retail/purchase_orders.csv", |t| t.replace(",open", ",pending"))),
            "retail/purchase_orders.csv, line 2, column `status`: expected one of open, received, cancelled, found \"pending\"",
        ),
        (
            "empty required value",
            Box::new(|d| edit(d, "retail/items.csv", |t| t.replace("Soap 100g", ""))),
            "retail/items.csv, line 3, column `name`: a value is required here",
        ),
        (
            "duplicate header column",
            Box::new(|d| put(d, "retail/events.csv", b"date,name,date\n2026-06-18,618,2026-06-18\n")),
            "retail/events.csv, line 1, column `date`: the column appears twice in the header",
        ),
        (
            "unknown settings key",
            Box::new(|d| edit(d, "network/settings.csv", |t| t + "solver,cbc\n")),
            "network/settings.csv, line 4, column `key`: expected one of integer_flows, demand, supply, found \"solver\"",
        ),
        (
            "lane capacities of one lane disagree",
            Box::new(|d| edit(d, "network/lanes.csv", |t| t + "S1,P1,other,2,70\n")),
            "network/lanes.csv, line 5, column `capacity`: lane S1 → P1 has capacity 70 here but 90 on line 2; rows of one lane that give a capacity must give the same one",
        ),
        (
            "demand at a facility",
            Box::new(|d| edit(d, "network/demand.csv", |t| t + "P1,fine,3\n")),
            "network/demand.csv, line 3, column `node_id`: node \"P1\" is a facility; this file only takes customer nodes",
        ),
        (
            "duplicate node",
            Box::new(|d| edit(d, "network/nodes.csv", |t| t + "S1,supplier,5,,Again\n")),
            "network/nodes.csv, line 5: duplicate key node_id \"S1\"; it first appears on line 2",
        ),
        (
            "missing optional-file column",
            Box::new(|d| put(d, "network/supply.csv", b"node_id,quantity\nS1,5\n")),
            "network/supply.csv, line 1, column `product`: required column is missing; the header must contain node_id, product, quantity",
        ),
    ]
}

#[test]
fn every_bad_input_gives_its_exact_error_and_changes_nothing() {
    let cases = cases();
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    for (name, break_it, expected) in cases {
        let got = import_error(break_it).to_string();
        if got != expected {
            failures.push(format!("{name}:\n  expected {expected}\n  got      {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_folder_without_any_dataset_kind_is_a_user_error() {
    let tmp = tempfile::tempdir().unwrap();
    let store = abacus_store::Store::open(&tmp.path().join("store")).unwrap();
    std::fs::create_dir_all(tmp.path().join("empty")).unwrap();
    let err = store
        .import(&tmp.path().join("empty"), &mut |_| {})
        .unwrap_err();
    assert!(err.is_user_error());
    assert!(err.to_string().ends_with("holds none of the folders retail/, network/ or funds/; see the data contract for the expected layout"), "{err}");
    let err = store
        .import(&tmp.path().join("nope"), &mut |_| {})
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("cannot read the dataset folder"),
        "{err}"
    );
}
