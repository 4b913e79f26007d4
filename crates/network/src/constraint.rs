//! The named constraints of the network model, as answers report them.

use crate::network::LaneRef;

/// A constraint of the model that answers can name.
#[derive(Debug, Clone, PartialEq)]
pub enum Constraint {
    /// Total shipped out of a supplier ≤ its capacity.
    SupplierCapacity { node: String, capacity: f64 },
    /// One product shipped out of a supplier ≤ (or =) its supply row.
    Supply {
        node: String,
        product: String,
        quantity: f64,
    },
    /// Total shipped out of an open facility ≤ its capacity.
    FacilityCapacity { node: String, capacity: f64 },
    /// Total over all products on the lane ≤ its capacity.
    LaneCapacity {
        from: String,
        to: String,
        capacity: f64,
    },
    /// What a customer receives minus what it ships on ≥ (or =) its demand.
    Demand {
        node: String,
        product: String,
        quantity: f64,
    },
    /// At least `min` units on a lane (a what-if rule).
    MinFlow { lane: LaneRef, min: f64 },
}

impl Constraint {
    /// The number on the constraint's right-hand side.
    pub fn limit(&self) -> f64 {
        match self {
            Constraint::SupplierCapacity { capacity, .. }
            | Constraint::FacilityCapacity { capacity, .. }
            | Constraint::LaneCapacity { capacity, .. } => *capacity,
            Constraint::Supply { quantity, .. } | Constraint::Demand { quantity, .. } => *quantity,
            Constraint::MinFlow { min, .. } => *min,
        }
    }

    /// A capacity (upper limit) rather than a requirement.
    pub fn is_capacity(&self) -> bool {
        !matches!(self, Constraint::Demand { .. } | Constraint::MinFlow { .. })
    }
}

impl std::fmt::Display for Constraint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Constraint::SupplierCapacity { node, capacity } => {
                write!(f, "capacity of supplier {node} ({capacity})")
            }
            Constraint::Supply {
                node,
                product,
                quantity,
            } => write!(f, "supply of {product} at {node} ({quantity})"),
            Constraint::FacilityCapacity { node, capacity } => {
                write!(f, "capacity of facility {node} ({capacity})")
            }
            Constraint::LaneCapacity { from, to, capacity } => {
                write!(f, "capacity of lane {from} → {to} ({capacity})")
            }
            Constraint::Demand {
                node,
                product,
                quantity,
            } => write!(f, "demand of {product} at {node} ({quantity})"),
            Constraint::MinFlow { lane, min } => write!(f, "at least {min} on {lane}"),
        }
    }
}
