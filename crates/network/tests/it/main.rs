//! Integration tests of the network engine: hand-solved networks, every edit,
//! infeasible what-ifs, the edit syntax, and the shared dev set when present.

mod dev_set;
mod edits;
mod hand;
mod syntax;

use abacus_network::{
    optimize, Lane, Network, Node, NodeKind, Outcome, Plan, Processing, Quantity, SolveOptions,
};

pub(crate) fn node(
    id: &str,
    kind: NodeKind,
    capacity: Option<f64>,
    fixed_cost: Option<f64>,
) -> Node {
    Node {
        id: id.to_string(),
        kind,
        capacity,
        fixed_cost,
        name: None,
    }
}

pub(crate) fn lane(
    from: &str,
    to: &str,
    product: Option<&str>,
    unit_cost: f64,
    capacity: Option<f64>,
) -> Lane {
    Lane {
        from: from.to_string(),
        to: to.to_string(),
        product: product.map(str::to_string),
        unit_cost,
        capacity,
    }
}

pub(crate) fn qty(node: &str, product: &str, quantity: f64) -> Quantity {
    Quantity {
        node: node.to_string(),
        product: product.to_string(),
        quantity,
    }
}

pub(crate) fn recipe(node: &str, input: &str, output: &str, unit_cost: f64) -> Processing {
    Processing {
        node: node.to_string(),
        input: input.to_string(),
        output: output.to_string(),
        unit_cost,
    }
}

/// Solves and returns the plan, failing the test when infeasible.
pub(crate) fn solve(net: &Network) -> Plan {
    match optimize(net, &SolveOptions::default()).expect("solver runs") {
        Outcome::Optimal(p) => p,
        Outcome::Infeasible(i) => panic!("unexpectedly infeasible: {}", i.reason),
    }
}

pub(crate) fn assert_close(got: f64, want: f64) {
    assert!(
        (got - want).abs() <= 1e-6 * (1.0 + want.abs()),
        "got {got}, want {want}"
    );
}
