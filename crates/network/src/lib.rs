//! Supply-network optimisation engine: the minimum-cost multi-product plan of
//! data.md section 2 (lanes, processing, facilities with fixed costs), solved
//! exactly with HiGHS, plus what-if edits and explanations of infeasibility.
//!
//! Pure library: a [`Network`] in, an [`Outcome`] out; no IO.
//!
//! ```text
//! Network ──build──► MIP ──HiGHS──► Plan (costs, flows, facilities, binding constraints)
//!    │                          └─ infeasible ─► elastic re-solve ─► Infeasibility (reason)
//!    └─ edits (Edit / text syntax) ─► edited copy ─► what_if ─► WhatIf (change, flow changes)
//! ```
//!
//! # The model
//! Variables: flow per lane and product (a lane row without product carries every
//! product at its cost unless a product row overrides it), processed units per
//! facility and recipe, and an open/closed binary per facility with a fixed cost.
//! Constraints: conservation per facility and product (inflow + made − consumed =
//! outflow); supplier capacity (total out) and supply rows (a supplier with supply
//! rows ships only those products; `supply = exact` makes them equalities);
//! facility capacity on total outflow, only when open; lane capacity over all
//! products; demand (received − shipped on ≥ demand, or = with `demand = exact`;
//! a customer never ships more of a product than it receives). With
//! `integer_flows` flows and processed units are whole numbers (38.7 needs 39).
//! Suppliers are sources only: lanes into a supplier carry nothing.
//! Shadow prices come from the LP relaxation with the facility decisions fixed.
//!
//! Solving: with integer flows the model is first solved with only the
//! facility binaries integer; network structure usually makes those flows whole
//! numbers, and then the plan is optimal for the integer model too (else the
//! full integer model is solved). When no rule forces extra flow, each flow
//! from a facility with a fixed cost to a customer that ships nothing on is
//! also bounded by that customer's demand times the open binary, which
//! tightens the relaxation without cutting off an optimal plan. The MIP gap is
//! 0 by default ([`SolveOptions`]); an infeasible network is explained by
//! minimising the total shortfall of demand, minimum flows and exact supply.
//!
//! # Edit syntax ([`parse_edit`])
//! One edit per string; node ids with spaces go in double quotes; `*` means
//! every node; a change is `*K` (scale), `=V` (set), `+A` / `-A` (raise / lower),
//! or a percentage `+10%` / `-25%`.
//! ```text
//! demand S06 *1.2              demand S06 green_tea =150     demand * +10
//! capacity "Assam Estate" *0.5 supply "Harbour Imports" leaf =100
//! lane-cost A B *1.1           lane-cost A B black_tea =3    lane-cost A * +0.5   lane-cost * S09 *2
//! forbid A B [product]         min-flow A B 50 [product]
//! only-serve N S01,S02         exclusive A B
//! close F      open F          fixed-cost F *0.8
//! ```

mod apply;
mod constraint;
mod diagnose;
mod edit;
mod formulation;
mod lp;
mod network;
mod plan;
mod syntax;
mod whatif;

pub use apply::{apply, apply_all};
pub use constraint::Constraint;
pub use diagnose::{Infeasibility, Shortfall};
pub use edit::{Change, Edit, Target};
pub use lp::SolveOptions;
pub use network::{
    clean, Lane, LaneRef, Network, Node, NodeKind, Processing, Quantity, Rules, Settings,
};
pub use plan::{optimize, FacilityUse, Flow, Outcome, Plan, Processed};
pub use syntax::{parse_edit, EDIT_SYNTAX};
pub use whatif::{compare_with, flow_changes, what_if, FacilityChange, FlowChange, WhatIf};

/// Everything that can go wrong. Infeasible networks are not errors (see [`Outcome`]).
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Error {
    /// A name that matches no node.
    #[error("unknown node {0:?}")]
    UnknownNode(String),
    /// A product no lane, demand, supply or processing row names.
    #[error("unknown product {0:?}")]
    UnknownProduct(String),
    /// A lane that does not exist (or does not carry the product).
    #[error("no lane {0}")]
    UnknownLane(String),
    #[error("{node} is a {is}, not a {expected}")]
    WrongKind {
        node: String,
        is: &'static str,
        expected: &'static str,
    },
    /// Bad numbers or an edit that cannot apply.
    #[error("{0}")]
    Invalid(String),
    /// Edit text that does not parse.
    #[error("cannot read edit {text:?}: {why}")]
    Syntax { text: String, why: String },
    /// The solver failed (not infeasibility).
    #[error("solver: {0}")]
    Solver(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// The model as free-format MPS text (for running the same model in another solver).
pub fn to_mps(net: &Network) -> Result<String> {
    let f = formulation::build(net, formulation::Mode::Strict)?;
    Ok(f.lp.to_mps("abacus_network"))
}
