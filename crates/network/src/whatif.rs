//! What-if analysis: apply edits to a copy of the baseline, re-optimise, and
//! report the new cost, its change, and the flows and facilities that changed.

use std::collections::BTreeMap;

use crate::apply::apply_all;
use crate::edit::Edit;
use crate::lp::SolveOptions;
use crate::network::{clean, Network};
use crate::plan::{optimize, Outcome, Plan};
use crate::Result;

/// A flow whose quantity differs between baseline and scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowChange {
    pub from: String,
    pub to: String,
    pub product: String,
    pub before: f64,
    pub after: f64,
}

/// A facility whose open/closed state differs.
#[derive(Debug, Clone, PartialEq)]
pub struct FacilityChange {
    pub node: String,
    pub open_before: bool,
    pub open_after: bool,
}

/// The answer to a what-if.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The edits, as applied (display form).
    pub edits: Vec<String>,
    pub baseline: Outcome,
    pub scenario: Outcome,
    /// Scenario cost − baseline cost (None when either has no plan).
    pub change: Option<f64>,
    pub flow_changes: Vec<FlowChange>,
    pub facility_changes: Vec<FacilityChange>,
}

/// Optimises `base` and `base` with `edits`, and compares them.
pub fn what_if(base: &Network, edits: &[Edit], opts: &SolveOptions) -> Result<WhatIf> {
    let edited = apply_all(base, edits)?;
    let baseline = optimize(base, opts)?;
    compare_with(baseline, &edited, edits, opts)
}

/// Like [`what_if`] with the baseline outcome already computed (e.g. cached).
pub fn compare_with(
    baseline: Outcome,
    edited: &Network,
    edits: &[Edit],
    opts: &SolveOptions,
) -> Result<WhatIf> {
    let scenario = optimize(edited, opts)?;
    let change = match (baseline.cost(), scenario.cost()) {
        (Some(a), Some(b)) => Some(clean(b - a)),
        _ => None,
    };
    let (flow_changes, facility_changes) = match (baseline.plan(), scenario.plan()) {
        (Some(a), Some(b)) => (flow_changes(a, b), facility_changes(a, b)),
        _ => (Vec::new(), Vec::new()),
    };
    Ok(WhatIf {
        edits: edits.iter().map(|e| e.to_string()).collect(),
        baseline,
        scenario,
        change,
        flow_changes,
        facility_changes,
    })
}

/// Flows that differ, sorted by lane and product.
pub fn flow_changes(before: &Plan, after: &Plan) -> Vec<FlowChange> {
    let mut m: BTreeMap<(String, String, String), (f64, f64)> = BTreeMap::new();
    for f in &before.flows {
        m.entry((f.from.clone(), f.to.clone(), f.product.clone()))
            .or_default()
            .0 = f.quantity;
    }
    for f in &after.flows {
        m.entry((f.from.clone(), f.to.clone(), f.product.clone()))
            .or_default()
            .1 = f.quantity;
    }
    m.into_iter()
        .filter(|(_, (a, b))| (a - b).abs() > 1e-9)
        .map(|((from, to, product), (before, after))| FlowChange {
            from,
            to,
            product,
            before,
            after,
        })
        .collect()
}

fn facility_changes(before: &Plan, after: &Plan) -> Vec<FacilityChange> {
    before
        .facilities
        .iter()
        .filter_map(|a| {
            let b = after.facilities.iter().find(|b| b.node == a.node)?;
            (a.open != b.open).then(|| FacilityChange {
                node: a.node.clone(),
                open_before: a.open,
                open_after: b.open,
            })
        })
        .collect()
}
