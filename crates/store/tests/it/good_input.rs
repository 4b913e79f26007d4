//! Valid datasets import and read back correctly: the fixture, the accepted
//! variants of CSV (BOM, CRLF, quoted commas and newlines, extra columns), and the
//! generated demo dataset checked against counts made independently from its files.

use std::collections::HashSet;

use abacus_store::Store;

use crate::fixture::{edit, put, setup};

#[test]
fn fixture_reads_back() {
    let s = setup();
    let info = &s.store.datasets().unwrap()[0];
    let r = info.summary.retail.as_ref().unwrap();
    assert_eq!(r.as_of, "2026-06-30");
    assert_eq!(
        (r.locations, r.suppliers, r.items, r.sales_rows),
        (2, 2, 2, 4)
    );
    assert_eq!(
        (r.sales_first.as_deref(), r.sales_last.as_deref()),
        (Some("2026-06-01"), Some("2026-06-29"))
    );
    assert_eq!(
        (r.purchase_orders, r.open_purchase_orders, r.events),
        (2, 1, Some(1))
    );
    let ds = s.store.open_dataset(info).unwrap();
    let items = ds.items().unwrap();
    assert_eq!(items[0].pack_size, 6);
    assert_eq!(items[0].unit_price, 15.5);
    let sales = ds.sales().unwrap();
    assert_eq!(sales.iter().map(|r| r.units).sum::<f64>(), 6.5);
    let net = ds.network().unwrap();
    assert!(net.integer_flows && net.demand_exact && !net.supply_exact);
    assert_eq!(net.lanes.len(), 3);
    assert_eq!(net.lanes[1].product, None);
    assert_eq!(net.nodes[1].fixed_cost, Some(500.0));
    let funds = ds.funds().unwrap();
    assert_eq!(funds[0].company.as_deref(), Some("Calm Co., Ltd."));
    assert_eq!(
        funds[1].extra_numeric,
        vec![("return_3y".to_string(), 0.031)]
    );
    assert_eq!(funds[1].inception_date.to_string(), "2024-02-29");
    assert_eq!(ds.fund_nav().unwrap().len(), 2);
    let cat = ds.catalog().unwrap();
    assert_eq!(cat.categories, vec!["Care", "Drinks"]);
    assert_eq!(cat.products, vec!["fine", "raw"]);
}

#[test]
fn bom_crlf_quotes_and_extra_columns_are_accepted() {
    let s = setup();
    put(
        &s.data,
        "retail/locations.csv",
        b"\xEF\xBB\xBFlocation_id,name,city,kind,region\r\nWH-A,\"Alpha, North\r\nBuilding 2\",Beijing,warehouse,N\r\nWH-B,Beta,Shanghai,store,\r\n",
    );
    let info = s.store.import(&s.data, &mut |_| {}).unwrap();
    let ds = s.store.open_dataset(&info).unwrap();
    let locs = ds.locations().unwrap();
    assert_eq!(locs[0].name, "Alpha, North\r\nBuilding 2");
    assert_eq!(locs[1].city, "Shanghai");
}

#[test]
fn optional_files_may_be_absent_and_fixing_the_data_imports_again() {
    let s = setup();
    for f in [
        "retail/events.csv",
        "retail/purchase_orders.csv",
        "network/supply.csv",
        "network/processing.csv",
        "network/settings.csv",
        "funds/fund_nav.csv",
    ] {
        std::fs::remove_file(s.data.join(f)).unwrap();
    }
    let info = s.store.import(&s.data, &mut |_| {}).unwrap();
    assert_eq!(info.summary.retail.as_ref().unwrap().events, None);
    let ds = s.store.open_dataset(&info).unwrap();
    assert!(ds.events().unwrap().is_none());
    let net = ds.network().unwrap();
    assert!(
        net.integer_flows && !net.demand_exact,
        "settings default when the file is absent"
    );
    // A broken file fails; once fixed, the import succeeds with the new data.
    edit(&s.data, "retail/sales.csv", |t| {
        t.replace("WH-A,3", "WH-A,-3")
    });
    assert!(s.store.import(&s.data, &mut |_| {}).is_err());
    edit(&s.data, "retail/sales.csv", |t| {
        t.replace("WH-A,-3", "WH-A,30")
    });
    let info = s.store.import(&s.data, &mut |_| {}).unwrap();
    let total: f64 = s
        .store
        .open_dataset(&info)
        .unwrap()
        .sales()
        .unwrap()
        .iter()
        .map(|r| r.units)
        .sum();
    assert_eq!(total, 33.5);
}

#[test]
fn ensure_imported_reimports_only_when_files_change() {
    let s = setup();
    let (first, imported) = s.store.ensure_imported(&s.data, &mut |_| {}).unwrap();
    assert!(!imported, "unchanged folder is not imported again");
    edit(&s.data, "retail/sales.csv", |t| {
        t + "2026-06-03,SKU-2,WH-B,5\n"
    });
    let (second, imported) = s.store.ensure_imported(&s.data, &mut |_| {}).unwrap();
    assert!(imported);
    assert_ne!(first.fingerprint, second.fingerprint);
    assert_eq!(second.summary.retail.unwrap().sales_rows, 5);
    assert_eq!(s.store.find("data").unwrap().id, first.id);
    assert!(s.store.find("nothing-like-it").is_err());
}

#[test]
fn audit_log_and_conversations_persist() {
    let s = setup();
    let entry = abacus_store::AuditEntry {
        question: "what is on hand?".into(),
        status: "answered".into(),
        ..Default::default()
    };
    s.store.audit(&entry).unwrap();
    s.store
        .save_conversation("c-1", "ds", None, "{\"turns\":1}")
        .unwrap();
    let reopened = Store::open(s.store.home()).unwrap();
    assert_eq!(reopened.audit_len().unwrap(), 1);
    assert_eq!(
        reopened.conversation("c-1").unwrap().unwrap().2,
        "{\"turns\":1}"
    );
    assert!(reopened.conversation("c-2").unwrap().is_none());
}

/// Counts made straight from the CSV text, independent of the importer.
fn csv_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn demo_dataset_imports_with_the_counts_of_its_files() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("demo");
    let stats = abacus_demo::write_dataset(&data, &abacus_demo::Config::default()).unwrap();
    let store = Store::open(&tmp.path().join("store")).unwrap();
    let info = store.import(&data, &mut |_| {}).unwrap();
    let r = info.summary.retail.as_ref().unwrap();
    let sales = csv_rows(&data.join("retail/sales.csv"));
    assert_eq!(r.sales_rows as usize, sales.len());
    assert_eq!(stats.sales_rows, sales.len());
    let dates: HashSet<&str> = sales.iter().map(|s| s[0].as_str()).collect();
    assert_eq!(r.sales_first.as_deref(), dates.iter().min().copied());
    assert_eq!(r.sales_last.as_deref(), dates.iter().max().copied());
    assert_eq!(
        r.items as usize,
        csv_rows(&data.join("retail/items.csv")).len()
    );
    let pos = csv_rows(&data.join("retail/purchase_orders.csv"));
    assert_eq!(
        r.open_purchase_orders as usize,
        pos.iter().filter(|p| p[6] == "open").count()
    );
    let f = info.summary.funds.as_ref().unwrap();
    assert_eq!(
        f.nav_rows as usize,
        csv_rows(&data.join("funds/fund_nav.csv")).len()
    );
    assert_eq!(f.funds, 200);
    let n = info.summary.network.as_ref().unwrap();
    assert_eq!(
        (n.suppliers + n.facilities + n.customers) as usize,
        stats.nodes
    );
}
