//! Rows of an imported dataset as the rest of Abacus reads them, and the summary
//! `abacus datasets` prints.

use abacus_core::Date;
use serde::{Deserialize, Serialize};

/// What one import loaded: counts, date ranges and the as-of dates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub retail: Option<RetailSummary>,
    pub network: Option<NetworkSummary>,
    pub funds: Option<FundsSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetailSummary {
    pub as_of: String,
    pub locations: u64,
    pub suppliers: u64,
    pub items: u64,
    pub categories: u64,
    pub brands: u64,
    pub sales_rows: u64,
    pub sales_first: Option<String>,
    pub sales_last: Option<String>,
    pub inventory_rows: u64,
    pub purchase_orders: u64,
    pub open_purchase_orders: u64,
    /// Rows of `events.csv`; `None` when the file is absent and the built-in calendar applies.
    pub events: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkSummary {
    pub suppliers: u64,
    pub facilities: u64,
    pub customers: u64,
    pub lanes: u64,
    pub products: u64,
    pub demand_rows: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundsSummary {
    pub funds: u64,
    pub funds_with_nav: u64,
    pub nav_rows: u64,
    pub nav_first: Option<String>,
    /// The funds' as-of date: the latest NAV date.
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub location_id: String,
    pub name: String,
    pub city: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Supplier {
    pub supplier_id: String,
    pub name: String,
    pub lead_time_days: f64,
    pub lead_time_std_days: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub category: String,
    pub brand: String,
    pub unit_cost: f64,
    pub unit_price: f64,
    pub supplier_id: String,
    pub pack_size: i64,
    pub moq: i64,
    pub order_cost: f64,
    pub holding_cost_rate: f64,
    pub service_level: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SalesRow {
    pub sku: String,
    pub location_id: String,
    pub date: Date,
    pub units: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InventoryRow {
    pub sku: String,
    pub location_id: String,
    pub on_hand: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseOrder {
    pub po_id: String,
    pub sku: String,
    pub location_id: String,
    pub quantity: f64,
    pub order_date: Date,
    pub expected_date: Date,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: Date,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fund {
    pub fund_code: String,
    pub name: String,
    pub category: String,
    pub subcategory: Option<String>,
    pub risk_level: Option<i64>,
    pub expense_ratio: f64,
    pub inception_date: Date,
    pub manager: Option<String>,
    pub company: Option<String>,
    pub aum: Option<f64>,
    /// Extra columns of `funds.csv` with a numeric value, by column name.
    pub extra_numeric: Vec<(String, f64)>,
    /// Extra columns with a non-numeric value, by column name.
    pub extra_text: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NavRow {
    pub fund_code: String,
    pub date: Date,
    pub nav: f64,
    pub adj_nav: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub node_id: String,
    pub kind: String,
    pub capacity: Option<f64>,
    pub fixed_cost: Option<f64>,
    /// The `name` attribute when the file has one.
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub from: String,
    pub to: String,
    pub product: Option<String>,
    pub unit_cost: f64,
    pub capacity: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub node_id: String,
    pub product: String,
    pub quantity: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Processing {
    pub node_id: String,
    pub input: String,
    pub output: String,
    pub unit_cost: f64,
}

/// The network of `data.md` section 2 with its settings resolved to their values.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub lanes: Vec<Lane>,
    pub demand: Vec<Quantity>,
    pub supply: Vec<Quantity>,
    pub processing: Vec<Processing>,
    pub integer_flows: bool,
    pub demand_exact: bool,
    pub supply_exact: bool,
}
