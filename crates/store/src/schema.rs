//! The SQLite schema of one imported dataset (one file per dataset) and of the
//! store's catalog (dataset registry, conversations, audit log).

pub(crate) const DATASET_SCHEMA: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE locations (location_id TEXT PRIMARY KEY, name TEXT NOT NULL, city TEXT NOT NULL,
  kind TEXT NOT NULL, attrs TEXT);
CREATE TABLE suppliers (supplier_id TEXT PRIMARY KEY, name TEXT NOT NULL,
  lead_time_days REAL NOT NULL, lead_time_std_days REAL NOT NULL, attrs TEXT);
CREATE TABLE items (sku TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, brand TEXT NOT NULL,
  unit_cost REAL NOT NULL, unit_price REAL NOT NULL, supplier_id TEXT NOT NULL REFERENCES suppliers,
  pack_size INTEGER NOT NULL, moq INTEGER NOT NULL, order_cost REAL NOT NULL,
  holding_cost_rate REAL NOT NULL, service_level REAL NOT NULL, attrs TEXT);
CREATE TABLE sales (sku TEXT NOT NULL, location_id TEXT NOT NULL, date TEXT NOT NULL, units REAL NOT NULL);
CREATE TABLE inventory (sku TEXT NOT NULL, location_id TEXT NOT NULL, on_hand REAL NOT NULL,
  PRIMARY KEY (sku, location_id)) WITHOUT ROWID;
CREATE TABLE events (date TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (date, name)) WITHOUT ROWID;
CREATE TABLE purchase_orders (po_id TEXT PRIMARY KEY, sku TEXT NOT NULL, location_id TEXT NOT NULL,
  quantity REAL NOT NULL, order_date TEXT NOT NULL, expected_date TEXT NOT NULL, status TEXT NOT NULL);

CREATE TABLE nodes (node_id TEXT PRIMARY KEY, kind TEXT NOT NULL, capacity REAL, fixed_cost REAL, attrs TEXT);
CREATE TABLE lanes (from_node TEXT NOT NULL, to_node TEXT NOT NULL, product TEXT, unit_cost REAL NOT NULL,
  capacity REAL, line INTEGER NOT NULL);
CREATE TABLE demand (node_id TEXT NOT NULL, product TEXT NOT NULL, quantity REAL NOT NULL,
  PRIMARY KEY (node_id, product));
CREATE TABLE supply (node_id TEXT NOT NULL, product TEXT NOT NULL, quantity REAL NOT NULL,
  PRIMARY KEY (node_id, product));
CREATE TABLE processing (node_id TEXT NOT NULL, input TEXT NOT NULL, output TEXT NOT NULL,
  unit_cost REAL NOT NULL, PRIMARY KEY (node_id, input, output));
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE funds (fund_code TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL,
  subcategory TEXT, risk_level INTEGER, expense_ratio REAL NOT NULL, inception_date TEXT NOT NULL,
  manager TEXT, company TEXT, aum REAL, extra TEXT);
CREATE TABLE fund_nav (fund_code TEXT NOT NULL, date TEXT NOT NULL, nav REAL NOT NULL, adj_nav REAL NOT NULL);

CREATE TABLE derived (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"#;

/// Indexes built once the rows are in (a sort, much faster than keeping them while inserting).
/// Keys are unique: the importer has already rejected duplicates.
pub(crate) const DATASET_INDEXES: &str = r#"
CREATE UNIQUE INDEX sales_key ON sales (sku, location_id, date);
CREATE INDEX sales_by_date ON sales (date, sku);
CREATE UNIQUE INDEX fund_nav_key ON fund_nav (fund_code, date);
ANALYZE;
"#;

pub(crate) const CATALOG_SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS datasets (id TEXT PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL,
  fingerprint TEXT NOT NULL, imported_at TEXT NOT NULL, summary TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL,
  owner TEXT, state TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
  dataset_id TEXT, conversation_id TEXT, question TEXT NOT NULL, plan TEXT, status TEXT NOT NULL,
  answer TEXT, elapsed_ms REAL);
CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
  datasets TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
"#;
