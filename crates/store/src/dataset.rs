//! Reading an imported dataset: the catalog of entities and typed rows for the engines.

use std::path::Path;

use abacus_core::date::parse_iso_date;
use abacus_core::Date;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::error::{Error, Result};
use crate::model::*;
use crate::DatasetInfo;

/// An imported dataset, open read-only (plus the `derived` cache).
pub struct Dataset {
    conn: Connection,
    pub info: DatasetInfo,
    cube: std::cell::OnceCell<crate::SalesCube>,
    items: std::cell::OnceCell<Vec<Item>>,
}

/// The entities a question can name, with their ids and names.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub as_of: Option<Date>,
    pub sales_range: Option<(Date, Date)>,
    pub locations: Vec<Location>,
    pub suppliers: Vec<Supplier>,
    pub items: Vec<Item>,
    pub categories: Vec<String>,
    pub brands: Vec<String>,
    /// (fund_code, name, category)
    pub funds: Vec<(String, String, String)>,
    /// (fund_code, company) of the funds whose company is given.
    pub fund_companies: Vec<(String, String)>,
    pub funds_as_of: Option<Date>,
    pub nodes: Vec<Node>,
    pub products: Vec<String>,
}

fn date(s: String) -> rusqlite::Result<Date> {
    parse_iso_date(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("bad date {s:?}").into(),
        )
    })
}

impl Dataset {
    pub(crate) fn open(path: &Path, info: DatasetInfo) -> Result<Dataset> {
        if !path.exists() {
            return Err(Error::User(format!(
                "the store has no data file for dataset {} ({}); import it again",
                info.name, info.path
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(Dataset {
            conn,
            info,
            cube: std::cell::OnceCell::new(),
            items: std::cell::OnceCell::new(),
        })
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The sales cube, read once.
    pub(crate) fn cube(&self) -> Result<&crate::SalesCube> {
        if self.cube.get().is_none() {
            let c = self.sales_cube()?;
            let _ = self.cube.set(c);
        }
        Ok(self.cube.get().expect("set above"))
    }

    /// The items, read once.
    pub(crate) fn item_list(&self) -> Result<&[Item]> {
        if self.items.get().is_none() {
            let v = self.items()?;
            let _ = self.items.set(v);
        }
        Ok(self.items.get().expect("set above"))
    }

    fn all<T>(
        &self,
        sql: &str,
        f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], f)?;
        Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
    }

    pub fn has_retail(&self) -> bool {
        self.info.summary.retail.is_some()
    }
    pub fn has_network(&self) -> bool {
        self.info.summary.network.is_some()
    }
    pub fn has_funds(&self) -> bool {
        self.info.summary.funds.is_some()
    }

    /// The entities of the dataset, for lexicons and validation.
    pub fn catalog(&self) -> Result<Catalog> {
        let s = &self.info.summary;
        let mut c = Catalog {
            as_of: s.retail.as_ref().and_then(|r| parse_iso_date(&r.as_of)),
            sales_range: s.retail.as_ref().and_then(|r| {
                Some((
                    parse_iso_date(r.sales_first.as_deref()?)?,
                    parse_iso_date(r.sales_last.as_deref()?)?,
                ))
            }),
            funds_as_of: s
                .funds
                .as_ref()
                .and_then(|f| parse_iso_date(f.as_of.as_deref()?)),
            ..Catalog::default()
        };
        c.locations = self.locations()?;
        c.suppliers = self.suppliers()?;
        c.items = self.items()?;
        c.categories = self.all("SELECT DISTINCT category FROM items ORDER BY 1", |r| {
            r.get(0)
        })?;
        c.brands = self.all("SELECT DISTINCT brand FROM items ORDER BY 1", |r| r.get(0))?;
        c.funds = self.all(
            "SELECT fund_code, name, category FROM funds ORDER BY 1",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        c.fund_companies = self.all(
            "SELECT fund_code, company FROM funds WHERE company IS NOT NULL AND company <> '' ORDER BY 1",
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let net = self.network()?;
        c.products = {
            let mut p: Vec<String> = net
                .lanes
                .iter()
                .filter_map(|l| l.product.clone())
                .chain(net.demand.iter().map(|d| d.product.clone()))
                .chain(net.supply.iter().map(|d| d.product.clone()))
                .chain(
                    net.processing
                        .iter()
                        .flat_map(|p| [p.input.clone(), p.output.clone()]),
                )
                .collect();
            p.sort();
            p.dedup();
            p
        };
        c.nodes = net.nodes;
        Ok(c)
    }

    pub fn locations(&self) -> Result<Vec<Location>> {
        self.all(
            "SELECT location_id, name, city, kind FROM locations ORDER BY 1",
            |r| {
                Ok(Location {
                    location_id: r.get(0)?,
                    name: r.get(1)?,
                    city: r.get(2)?,
                    kind: r.get(3)?,
                })
            },
        )
    }

    pub fn suppliers(&self) -> Result<Vec<Supplier>> {
        self.all("SELECT supplier_id, name, lead_time_days, lead_time_std_days FROM suppliers ORDER BY 1", |r| {
            Ok(Supplier { supplier_id: r.get(0)?, name: r.get(1)?, lead_time_days: r.get(2)?, lead_time_std_days: r.get(3)? })
        })
    }

    pub fn items(&self) -> Result<Vec<Item>> {
        self.all(
            "SELECT sku, name, category, brand, unit_cost, unit_price, supplier_id, pack_size, moq, order_cost,
                    holding_cost_rate, service_level FROM items ORDER BY 1",
            |r| {
                Ok(Item {
                    sku: r.get(0)?,
                    name: r.get(1)?,
                    category: r.get(2)?,
                    brand: r.get(3)?,
                    unit_cost: r.get(4)?,
                    unit_price: r.get(5)?,
                    supplier_id: r.get(6)?,
                    pack_size: r.get(7)?,
                    moq: r.get(8)?,
                    order_cost: r.get(9)?,
                    holding_cost_rate: r.get(10)?,
                    service_level: r.get(11)?,
                })
            },
        )
    }

    /// Every sales row, ordered by sku, location, date.
    pub fn sales(&self) -> Result<Vec<SalesRow>> {
        self.all(
            "SELECT sku, location_id, date, units FROM sales ORDER BY sku, location_id, date",
            |r| {
                Ok(SalesRow {
                    sku: r.get(0)?,
                    location_id: r.get(1)?,
                    date: date(r.get(2)?)?,
                    units: r.get(3)?,
                })
            },
        )
    }

    pub fn inventory(&self) -> Result<Vec<InventoryRow>> {
        self.all(
            "SELECT sku, location_id, on_hand FROM inventory ORDER BY 1, 2",
            |r| {
                Ok(InventoryRow {
                    sku: r.get(0)?,
                    location_id: r.get(1)?,
                    on_hand: r.get(2)?,
                })
            },
        )
    }

    pub fn purchase_orders(&self) -> Result<Vec<PurchaseOrder>> {
        self.all(
            "SELECT po_id, sku, location_id, quantity, order_date, expected_date, status FROM purchase_orders ORDER BY 1",
            |r| {
                Ok(PurchaseOrder {
                    po_id: r.get(0)?,
                    sku: r.get(1)?,
                    location_id: r.get(2)?,
                    quantity: r.get(3)?,
                    order_date: date(r.get(4)?)?,
                    expected_date: date(r.get(5)?)?,
                    status: r.get(6)?,
                })
            },
        )
    }

    /// The dataset's events, or `None` when it has no `events.csv` (use the built-in calendar).
    pub fn events(&self) -> Result<Option<Vec<Event>>> {
        if self
            .info
            .summary
            .retail
            .as_ref()
            .and_then(|r| r.events)
            .is_none()
        {
            return Ok(None);
        }
        self.all("SELECT date, name FROM events ORDER BY 1, 2", |r| {
            Ok(Event {
                date: date(r.get(0)?)?,
                name: r.get(1)?,
            })
        })
        .map(Some)
    }

    /// Sales events (date, name) between two dates inclusive: the dataset's
    /// `events.csv`, else the built-in calendar (`abacus_core::calendar`).
    pub fn event_calendar(&self, start: Date, end: Date) -> Result<Vec<(Date, String)>> {
        Ok(match self.events()? {
            Some(list) => list
                .into_iter()
                .filter(|e| e.date >= start && e.date <= end)
                .map(|e| (e.date, e.name))
                .collect(),
            None => abacus_core::calendar::builtin_events(start, end)
                .into_iter()
                .map(|(d, n)| (d, n.to_string()))
                .collect(),
        })
    }

    pub fn funds(&self) -> Result<Vec<Fund>> {
        self.all(
            "SELECT fund_code, name, category, subcategory, risk_level, expense_ratio, inception_date, manager,
                    company, aum, extra FROM funds ORDER BY 1",
            |r| {
                let extra: Option<String> = r.get(10)?;
                let (mut extra_numeric, mut extra_text) = (Vec::new(), Vec::new());
                if let Some(serde_json::Value::Object(map)) = extra.and_then(|e| serde_json::from_str(&e).ok()) {
                    for (k, v) in map {
                        match v {
                            serde_json::Value::Number(n) => extra_numeric.push((k, n.as_f64().unwrap_or(f64::NAN))),
                            serde_json::Value::String(s) => extra_text.push((k, s)),
                            _ => {}
                        }
                    }
                }
                Ok(Fund {
                    fund_code: r.get(0)?,
                    name: r.get(1)?,
                    category: r.get(2)?,
                    subcategory: r.get(3)?,
                    risk_level: r.get(4)?,
                    expense_ratio: r.get(5)?,
                    inception_date: date(r.get(6)?)?,
                    manager: r.get(7)?,
                    company: r.get(8)?,
                    aum: r.get(9)?,
                    extra_numeric,
                    extra_text,
                })
            },
        )
    }

    /// Every NAV row, ordered by fund and date.
    pub fn fund_nav(&self) -> Result<Vec<NavRow>> {
        self.all(
            "SELECT fund_code, date, nav, adj_nav FROM fund_nav ORDER BY 1, 2",
            |r| {
                Ok(NavRow {
                    fund_code: r.get(0)?,
                    date: date(r.get(1)?)?,
                    nav: r.get(2)?,
                    adj_nav: r.get(3)?,
                })
            },
        )
    }

    /// The network with settings resolved (empty when the dataset has none).
    pub fn network(&self) -> Result<Network> {
        let nodes = self.all(
            "SELECT node_id, kind, capacity, fixed_cost, attrs FROM nodes ORDER BY rowid",
            |r| {
                let attrs: Option<String> = r.get(4)?;
                let name = attrs
                    .and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok())
                    .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string));
                Ok(Node {
                    node_id: r.get(0)?,
                    kind: r.get(1)?,
                    capacity: r.get(2)?,
                    fixed_cost: r.get(3)?,
                    name,
                })
            },
        )?;
        let lanes = self.all(
            "SELECT from_node, to_node, product, unit_cost, capacity FROM lanes ORDER BY line",
            |r| {
                Ok(Lane {
                    from: r.get(0)?,
                    to: r.get(1)?,
                    product: r.get(2)?,
                    unit_cost: r.get(3)?,
                    capacity: r.get(4)?,
                })
            },
        )?;
        let qty = |r: &rusqlite::Row<'_>| {
            Ok(Quantity {
                node_id: r.get(0)?,
                product: r.get(1)?,
                quantity: r.get(2)?,
            })
        };
        let demand = self.all(
            "SELECT node_id, product, quantity FROM demand ORDER BY rowid",
            qty,
        )?;
        let supply = self.all(
            "SELECT node_id, product, quantity FROM supply ORDER BY rowid",
            qty,
        )?;
        let processing = self.all(
            "SELECT node_id, input, output, unit_cost FROM processing ORDER BY rowid",
            |r| {
                Ok(Processing {
                    node_id: r.get(0)?,
                    input: r.get(1)?,
                    output: r.get(2)?,
                    unit_cost: r.get(3)?,
                })
            },
        )?;
        let setting = |k: &str| -> Result<Option<String>> {
            Ok(self
                .conn
                .query_row("SELECT value FROM settings WHERE key = ?1", [k], |r| {
                    r.get(0)
                })
                .optional()?)
        };
        Ok(Network {
            nodes,
            lanes,
            demand,
            supply,
            processing,
            integer_flows: setting("integer_flows")?.as_deref() != Some("false"),
            demand_exact: setting("demand")?.as_deref() == Some("exact"),
            supply_exact: setting("supply")?.as_deref() == Some("exact"),
        })
    }

    /// A cached derived result (e.g. precomputed fund metrics), by name.
    pub fn derived(&self, name: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT data FROM derived WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores a derived result; it lives as long as this import of the dataset.
    pub fn put_derived(&self, name: &str, data: &[u8]) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO derived VALUES (?1, ?2)",
            rusqlite::params![name, data],
        )?;
        Ok(())
    }
}
