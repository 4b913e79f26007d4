//! A tiny valid dataset (all three kinds) written file by file, and a harness that
//! imports it, breaks it, and checks that the failed import changed nothing.

use std::path::{Path, PathBuf};

use abacus_store::{Error, ImportError, Store};

pub(crate) const FILES: &[(&str, &str)] = &[
    ("retail/locations.csv", "location_id,name,city,kind\nWH-A,Alpha Warehouse,Beijing,warehouse\nWH-B,Beta Store,Shanghai,store\n"),
    ("retail/suppliers.csv", "supplier_id,name,lead_time_days,lead_time_std_days\nSUP-1,One Co.,5,1\nSUP-2,Two Co.,12,0\n"),
    (
        "retail/items.csv",
        "sku,name,category,brand,unit_cost,unit_price,supplier_id,pack_size,moq,order_cost,holding_cost_rate,service_level,color\n\
         SKU-1,Tea 500g,Drinks,Leaf,10,15.5,SUP-1,6,12,100,0.2,0.95,green\n\
         SKU-2,Soap 100g,Care,Suds,2.5,4,SUP-2,1,0,50,0.25,0.9,\n",
    ),
    (
        "retail/sales.csv",
        "date,sku,location_id,units\n2026-06-01,SKU-1,WH-A,3\n2026-06-01,SKU-2,WH-A,1\n2026-06-02,SKU-1,WH-B,2.5\n2026-06-29,SKU-1,WH-A,0\n",
    ),
    ("retail/inventory.csv", "sku,location_id,on_hand,as_of\nSKU-1,WH-A,40,2026-06-30\nSKU-2,WH-A,0,2026-06-30\nSKU-1,WH-B,7,2026-06-30\n"),
    ("retail/events.csv", "date,name\n2026-06-18,618\n"),
    (
        "retail/purchase_orders.csv",
        "po_id,sku,location_id,quantity,order_date,expected_date,status\nPO-1,SKU-1,WH-A,24,2026-06-20,2026-06-25,open\nPO-2,SKU-2,WH-A,10,2026-05-01,2026-05-13,received\n",
    ),
    (
        "network/nodes.csv",
        "node_id,kind,capacity,fixed_cost,name\nS1,supplier,100,,Farm\nP1,facility,80,500,Plant\nC1,customer,,,Shop\n",
    ),
    ("network/lanes.csv", "from,to,product,unit_cost,capacity\nS1,P1,raw,2,90\nP1,C1,,3,\nP1,C1,fine,2.5,\n"),
    ("network/demand.csv", "node_id,product,quantity\nC1,fine,30\n"),
    ("network/supply.csv", "node_id,product,quantity\nS1,raw,100\n"),
    ("network/processing.csv", "node_id,input,output,unit_cost\nP1,raw,fine,1.5\n"),
    ("network/settings.csv", "key,value\ninteger_flows,true\ndemand,exact\n"),
    (
        "funds/funds.csv",
        "fund_code,name,category,subcategory,risk_level,expense_ratio,inception_date,manager,company,aum,return_3y\n\
         F1,Calm Bond,bond,Short,1,0.003,2020-01-02,Li Wei,\"Calm Co., Ltd.\",12.5,\n\
         F2,Bold Equity,equity,,5,0.015,2024-02-29,,,,0.031\n",
    ),
    ("funds/fund_nav.csv", "fund_code,date,nav,adj_nav\nF1,2026-06-29,1.01,1.02\nF1,2026-06-30,1.02,1.03\n"),
];

/// Writes the valid fixture into a new folder.
pub(crate) fn write_fixture(dir: &Path) {
    for (rel, text) in FILES {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

/// A store with the fixture imported once.
pub(crate) struct Setup {
    pub(crate) _tmp: tempfile::TempDir,
    pub(crate) data: PathBuf,
    pub(crate) store: Store,
}

pub(crate) fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    write_fixture(&data);
    let store = Store::open(&tmp.path().join("store")).unwrap();
    store.import(&data, &mut |_| {}).expect("the fixture imports");
    Setup { _tmp: tmp, data, store }
}

fn snapshot(s: &Setup) -> (Vec<u8>, Vec<abacus_store::DatasetInfo>) {
    let infos = s.store.datasets().unwrap();
    let file = s.store.home().join("datasets").join(format!("{}.sqlite", infos[0].id));
    (std::fs::read(file).unwrap(), infos)
}

/// Imports the fixture, applies `break_it`, imports again, and returns the
/// import error after checking that the stored dataset is byte-for-byte unchanged
/// and no temporary file is left behind.
pub(crate) fn import_error(break_it: impl FnOnce(&Path)) -> ImportError {
    let s = setup();
    let before = snapshot(&s);
    break_it(&s.data);
    let err = match s.store.import(&s.data, &mut |_| {}) {
        Err(Error::Import(e)) => e,
        Err(other) => panic!("expected an import error, got {other}"),
        Ok(_) => panic!("the broken dataset was accepted"),
    };
    assert_eq!(snapshot(&s), before, "a failed import changed the stored data");
    let leftovers: Vec<_> = std::fs::read_dir(s.store.home().join("datasets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    err
}

/// Replaces a whole fixture file.
pub(crate) fn put(dir: &Path, rel: &str, text: &[u8]) {
    std::fs::write(dir.join(rel), text).unwrap();
}

/// Edits a fixture file's text.
pub(crate) fn edit(dir: &Path, rel: &str, f: impl FnOnce(String) -> String) {
    let p = dir.join(rel);
    let t = std::fs::read_to_string(&p).unwrap();
    std::fs::write(p, f(t)).unwrap();
}
