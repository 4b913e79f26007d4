//! What-if edits (data.md section 2): the typed edit, its change and target.
//! How each edit changes a network is in `apply.rs`.

use crate::network::clean;
use crate::{Error, Result};

/// How a number changes. Results are rounded to 9 decimals and never go below zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Multiply by a factor ≥ 0.
    Scale(f64),
    /// Replace by a value ≥ 0.
    Set(f64),
    /// Add an amount (negative lowers).
    Add(f64),
}

impl Change {
    pub fn apply(self, v: f64) -> f64 {
        let r = match self {
            Change::Scale(k) => v * k,
            Change::Set(x) => x,
            Change::Add(a) => v + a,
        };
        clean(r.max(0.0))
    }

    pub(crate) fn check(self) -> Result<()> {
        match self {
            Change::Scale(x) | Change::Set(x) if !x.is_finite() || x < 0.0 => {
                Err(Error::Invalid(format!("{self} needs a number ≥ 0")))
            }
            Change::Add(x) if !x.is_finite() => {
                Err(Error::Invalid(format!("{self} needs a finite number")))
            }
            _ => Ok(()),
        }
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Scale(k) => write!(f, "×{k}"),
            Change::Set(x) => write!(f, "={x}"),
            Change::Add(a) if *a < 0.0 => write!(f, "−{}", -a),
            Change::Add(a) => write!(f, "+{a}"),
        }
    }
}

/// One node, or every node the edit can apply to (`*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    All,
    Node(String),
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::All => f.write_str("*"),
            Target::Node(n) => f.write_str(n),
        }
    }
}

/// A what-if edit. Node names may be ids or display names.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A customer's demand (every customer with `All`; every product with `None`).
    /// `Add` on all customers and products adds a constant to every demand.
    Demand {
        node: Target,
        product: Option<String>,
        change: Change,
    },
    /// A supplier's (or facility's) capacity.
    Capacity { node: String, change: Change },
    /// A supplier's supply of one product.
    Supply {
        node: String,
        product: String,
        change: Change,
    },
    /// The cost of a lane, of one product on it, or of every lane out of / into a node.
    /// Setting the cost of a lane that does not exist adds it, without capacity.
    LaneCost {
        from: Target,
        to: Target,
        product: Option<String>,
        change: Change,
    },
    /// The lane (or one product on it) may carry nothing.
    ForbidLane {
        from: Target,
        to: Target,
        product: Option<String>,
    },
    /// At least `min` units on the lane (or of one product on it).
    MinFlow {
        from: String,
        to: String,
        product: Option<String>,
        min: f64,
    },
    /// `node` ships only to `destinations` (its other outgoing lanes are forbidden).
    OnlyServe {
        node: String,
        destinations: Vec<String>,
    },
    /// `from` ships only to `to`, and `to` receives only from `from`.
    ExclusivePair { from: String, to: String },
    /// Force a facility open or closed.
    Facility { node: String, open: bool },
    /// A facility's fixed cost.
    FixedCost { node: String, change: Change },
}

impl std::fmt::Display for Edit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let prod = |p: &Option<String>| p.as_ref().map(|p| format!(" {p}")).unwrap_or_default();
        match self {
            Edit::Demand {
                node,
                product,
                change,
            } => write!(f, "demand {node}{} {change}", prod(product)),
            Edit::Capacity { node, change } => write!(f, "capacity {node} {change}"),
            Edit::Supply {
                node,
                product,
                change,
            } => write!(f, "supply {node} {product} {change}"),
            Edit::LaneCost {
                from,
                to,
                product,
                change,
            } => write!(f, "lane cost {from} → {to}{} {change}", prod(product)),
            Edit::ForbidLane { from, to, product } => {
                write!(f, "forbid {from} → {to}{}", prod(product))
            }
            Edit::MinFlow {
                from,
                to,
                product,
                min,
            } => write!(f, "at least {min} on {from} → {to}{}", prod(product)),
            Edit::OnlyServe { node, destinations } => {
                write!(f, "{node} serves only {}", destinations.join(", "))
            }
            Edit::ExclusivePair { from, to } => write!(
                f,
                "{from} ships only to {to}, {to} receives only from {from}"
            ),
            Edit::Facility { node, open: true } => write!(f, "open {node}"),
            Edit::Facility { node, open: false } => write!(f, "close {node}"),
            Edit::FixedCost { node, change } => write!(f, "fixed cost {node} {change}"),
        }
    }
}
