//! The engine's input: a single-period multi-product network (data.md section 2),
//! its settings, and the rules what-if edits add (forbidden lanes, minimum flows,
//! facilities forced open or closed).

use std::collections::BTreeSet;

use crate::{Error, Result};

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Supplier,
    Facility,
    Customer,
}

impl NodeKind {
    /// Parses `supplier`, `facility` or `customer`.
    pub fn parse(s: &str) -> Result<NodeKind> {
        match s {
            "supplier" => Ok(NodeKind::Supplier),
            "facility" => Ok(NodeKind::Facility),
            "customer" => Ok(NodeKind::Customer),
            other => Err(Error::Invalid(format!(
                "unknown node kind {other:?} (expected supplier, facility or customer)"
            ))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Supplier => "supplier",
            NodeKind::Facility => "facility",
            NodeKind::Customer => "customer",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    /// Supplier: max total units shipped out; facility: max total units shipped out.
    pub capacity: Option<f64>,
    /// Facility: cost of being open; with one, the optimiser decides whether it opens.
    pub fixed_cost: Option<f64>,
    /// A display name, when the data has one.
    pub name: Option<String>,
}

/// One row of `lanes.csv`: `product` `None` carries every product at this cost
/// unless a row with that product overrides it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub from: String,
    pub to: String,
    pub product: Option<String>,
    pub unit_cost: f64,
    /// Max total units on (`from`, `to`) over all products.
    pub capacity: Option<f64>,
}

/// A demand (customer) or supply (supplier) row.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub node: String,
    pub product: String,
    pub quantity: f64,
}

/// One unit of `input` makes one unit of `output` at `node` for `unit_cost`.
#[derive(Debug, Clone, PartialEq)]
pub struct Processing {
    pub node: String,
    pub input: String,
    pub output: String,
    pub unit_cost: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Lane flows and processed quantities are whole numbers (default true).
    pub integer_flows: bool,
    /// Customers receive exactly their demand (default: at least).
    pub demand_exact: bool,
    /// Suppliers ship exactly their supply rows (default: at most).
    pub supply_exact: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            integer_flows: true,
            demand_exact: false,
            supply_exact: false,
        }
    }
}

/// A lane, or one product on it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LaneRef {
    pub from: String,
    pub to: String,
    pub product: Option<String>,
}

impl LaneRef {
    /// True when this reference covers product `p` on lane (`from`, `to`).
    pub(crate) fn covers(&self, from: &str, to: &str, p: &str) -> bool {
        self.from == from && self.to == to && self.product.as_deref().is_none_or(|q| q == p)
    }
}

impl std::fmt::Display for LaneRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} → {}", self.from, self.to)?;
        if let Some(p) = &self.product {
            write!(f, " ({p})")?;
        }
        Ok(())
    }
}

/// Constraints that what-if edits add on top of the data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rules {
    /// Lanes (or products on lanes) that may carry nothing.
    pub forbidden: Vec<LaneRef>,
    /// At least `.1` units on the lane (all products, or the one named).
    pub min_flows: Vec<(LaneRef, f64)>,
    /// Facilities forced open (`true`) or closed (`false`).
    pub facility_status: Vec<(String, bool)>,
}

/// A whole network: what the optimiser reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub lanes: Vec<Lane>,
    pub demand: Vec<Quantity>,
    pub supply: Vec<Quantity>,
    pub processing: Vec<Processing>,
    pub settings: Settings,
    pub rules: Rules,
}

impl Network {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Finds a node by id, then by id ignoring case, then by display name ignoring case.
    pub fn resolve_node(&self, text: &str) -> Result<&Node> {
        let t = text.trim();
        let lower = t.to_lowercase();
        self.nodes
            .iter()
            .find(|n| n.id == t)
            .or_else(|| self.nodes.iter().find(|n| n.id.to_lowercase() == lower))
            .or_else(|| {
                self.nodes
                    .iter()
                    .find(|n| n.name.as_deref().is_some_and(|m| m.to_lowercase() == lower))
            })
            .ok_or_else(|| Error::UnknownNode(t.to_string()))
    }

    /// Like [`Network::resolve_node`], and the node must be of `kind`.
    pub fn resolve_kind(&self, text: &str, kind: NodeKind) -> Result<&Node> {
        let n = self.resolve_node(text)?;
        if n.kind != kind {
            return Err(Error::WrongKind {
                node: n.id.clone(),
                is: n.kind.as_str(),
                expected: kind.as_str(),
            });
        }
        Ok(n)
    }

    /// Every product the network names, sorted: in lanes, demand, supply and processing.
    pub fn products(&self) -> Vec<String> {
        let mut set = BTreeSet::new();
        set.extend(self.lanes.iter().filter_map(|l| l.product.clone()));
        set.extend(self.demand.iter().map(|q| q.product.clone()));
        set.extend(self.supply.iter().map(|q| q.product.clone()));
        for p in &self.processing {
            set.insert(p.input.clone());
            set.insert(p.output.clone());
        }
        set.into_iter().collect()
    }

    /// The product named `text` (exact, then ignoring case), or an error naming it.
    pub fn resolve_product(&self, text: &str) -> Result<String> {
        let t = text.trim();
        let all = self.products();
        all.iter()
            .find(|p| *p == t)
            .or_else(|| all.iter().find(|p| p.eq_ignore_ascii_case(t)))
            .cloned()
            .ok_or_else(|| Error::UnknownProduct(t.to_string()))
    }

    /// Display label of a node: its id, with the name when it differs.
    pub fn label(&self, id: &str) -> String {
        match self.node(id).and_then(|n| n.name.as_deref()) {
            Some(name) if name != id => format!("{id} ({name})"),
            _ => id.to_string(),
        }
    }

    /// Checks references and numbers: every node a lane or row names exists and
    /// has the right kind, numbers are finite and ≥ 0, rows of one lane agree on capacity.
    pub fn validate(&self) -> Result<()> {
        let mut ids = BTreeSet::new();
        for n in &self.nodes {
            if !ids.insert(n.id.as_str()) {
                return Err(Error::Invalid(format!("node {:?} appears twice", n.id)));
            }
            check_num(n.capacity, || format!("capacity of {}", n.id))?;
            check_num(n.fixed_cost, || format!("fixed cost of {}", n.id))?;
        }
        let kind_of = |id: &str, want: Option<NodeKind>| -> Result<()> {
            let n = self
                .node(id)
                .ok_or_else(|| Error::UnknownNode(id.to_string()))?;
            match want {
                Some(k) if n.kind != k => Err(Error::WrongKind {
                    node: id.to_string(),
                    is: n.kind.as_str(),
                    expected: k.as_str(),
                }),
                _ => Ok(()),
            }
        };
        for l in &self.lanes {
            kind_of(&l.from, None)?;
            kind_of(&l.to, None)?;
            check_num(Some(l.unit_cost), || {
                format!("cost of lane {} → {}", l.from, l.to)
            })?;
            check_num(l.capacity, || {
                format!("capacity of lane {} → {}", l.from, l.to)
            })?;
        }
        for q in &self.demand {
            kind_of(&q.node, Some(NodeKind::Customer))?;
            check_num(Some(q.quantity), || {
                format!("demand of {} at {}", q.product, q.node)
            })?;
        }
        for q in &self.supply {
            kind_of(&q.node, Some(NodeKind::Supplier))?;
            check_num(Some(q.quantity), || {
                format!("supply of {} at {}", q.product, q.node)
            })?;
        }
        for p in &self.processing {
            kind_of(&p.node, Some(NodeKind::Facility))?;
            check_num(Some(p.unit_cost), || {
                format!("processing cost at {}", p.node)
            })?;
        }
        for (r, m) in &self.rules.min_flows {
            check_num(Some(*m), || format!("minimum flow on {r}"))?;
        }
        Ok(())
    }
}

fn check_num(v: Option<f64>, what: impl Fn() -> String) -> Result<()> {
    match v {
        Some(x) if !x.is_finite() || x < 0.0 => Err(Error::Invalid(format!(
            "{} must be a number ≥ 0, got {x}",
            what()
        ))),
        _ => Ok(()),
    }
}

/// Rounds a computed quantity to 9 decimals so scaled data stays exact (100 × 1.07 = 107).
pub fn clean(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let r = (x * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}
