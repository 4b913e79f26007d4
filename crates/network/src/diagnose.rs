//! Why no plan exists: re-solve with slack on every requirement (demand,
//! minimum flows, exact supply), find the smallest total shortfall, and report
//! which requirements fall short and which capacities are exhausted.

use crate::formulation::{build, Constraint, Mode};
use crate::lp::{LpOutcome, SolveOptions};
use crate::network::{clean, Network};
use crate::plan::round_value;
use crate::{Error, Result};

/// A requirement that cannot be met in full.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortfall {
    pub constraint: Constraint,
    /// What the constraint asks for.
    pub required: f64,
    /// The most that can be achieved alongside the other requirements (in the
    /// least-short plan; for exact rows, the achieved value).
    pub achieved: f64,
}

/// The explanation of an infeasible network.
#[derive(Debug, Clone, PartialEq)]
pub struct Infeasibility {
    /// Requirements that fall short in the plan with the smallest total shortfall.
    pub shortfalls: Vec<Shortfall>,
    /// Total units short.
    pub total_short: f64,
    /// Capacities used to their limit in that plan: what is short.
    pub limits: Vec<Constraint>,
    /// Facilities closed by a rule.
    pub closed: Vec<String>,
    /// One sentence saying why.
    pub reason: String,
}

/// Explains why `net` has no feasible plan.
pub(crate) fn diagnose(net: &Network, opts: &SolveOptions) -> Result<Infeasibility> {
    let mut form = build(net, Mode::Elastic)?;
    // Phase 1: minimise total shortfall only.
    let real_costs: Vec<f64> = form.lp.cols.iter().map(|c| c.cost).collect();
    for c in &mut form.lp.cols {
        c.cost = 0.0;
    }
    let slack_cols: Vec<usize> = form.slacks.iter().map(|s| s.1).collect();
    for &j in &slack_cols {
        form.lp.cols[j].cost = 1.0;
    }
    let short = match form.lp.solve(opts)? {
        LpOutcome::Solved { objective, .. } => objective,
        LpOutcome::Infeasible => {
            return Err(Error::Solver(
                "the relaxed model has no solution either".to_string(),
            ))
        }
    };
    // Phase 2: cheapest plan with that shortfall, so the flows are sensible.
    for (j, c) in real_costs.iter().enumerate() {
        form.lp.cols[j].cost = *c;
    }
    for &j in &slack_cols {
        form.lp.cols[j].cost = 0.0;
    }
    form.lp.row(
        f64::NEG_INFINITY,
        short + 1e-9 * (1.0 + short.abs()),
        slack_cols.iter().map(|&j| (j, 1.0)).collect(),
    );
    let x = match form.lp.solve(opts)? {
        LpOutcome::Solved { x, .. } => x,
        LpOutcome::Infeasible => {
            return Err(Error::Solver(
                "the relaxed model has no solution either".to_string(),
            ))
        }
    };
    let int = net.settings.integer_flows;
    let n_int = form.flows.len() + form.procs.len();
    let value = |j: usize| round_value(x[j], int && j < n_int);

    let mut shortfalls = Vec::new();
    for (li, (c, row)) in form.labelled.iter().enumerate() {
        let miss: f64 = form
            .slacks
            .iter()
            .filter(|s| s.0 == li)
            .map(|s| clean(x[s.1]))
            .sum();
        if miss > 1e-5 {
            let achieved = clean(
                form.lp.rows[*row]
                    .coefs
                    .iter()
                    .filter(|(j, _)| !slack_cols.contains(j))
                    .map(|&(j, a)| a * value(j))
                    .sum(),
            );
            shortfalls.push(Shortfall {
                constraint: c.clone(),
                required: c.limit(),
                achieved,
            });
        }
    }
    let mut limits = Vec::new();
    for (c, row) in &form.labelled {
        if !c.is_capacity() {
            continue;
        }
        let act: f64 = match c {
            Constraint::FacilityCapacity { node, .. } => form
                .flows
                .iter()
                .filter(|v| v.from == *node)
                .map(|v| value(v.col))
                .sum(),
            _ => form.lp.rows[*row]
                .coefs
                .iter()
                .map(|&(j, a)| a * value(j))
                .sum(),
        };
        if c.limit() - act <= 1e-6 * (1.0 + c.limit()) {
            limits.push(c.clone());
        }
    }
    let total_short = clean(short);
    let reason = reason_text(&shortfalls, &limits, &form.closed);
    Ok(Infeasibility {
        shortfalls,
        total_short,
        limits,
        closed: form.closed.clone(),
        reason,
    })
}

fn reason_text(shortfalls: &[Shortfall], limits: &[Constraint], closed: &[String]) -> String {
    let mut parts = Vec::new();
    for s in shortfalls.iter().take(6) {
        parts.push(match &s.constraint {
            Constraint::Demand {
                node,
                product,
                quantity,
            } => {
                format!(
                    "{node} can get only {} of its {quantity} {product}",
                    s.achieved
                )
            }
            Constraint::MinFlow { lane, min } => {
                format!("{lane} can carry only {} of the {min} required", s.achieved)
            }
            Constraint::Supply {
                node,
                product,
                quantity,
            } => {
                format!(
                    "{node} can ship only {} of its {quantity} {product}",
                    s.achieved
                )
            }
            other => other.to_string(),
        });
    }
    if shortfalls.len() > 6 {
        parts.push(format!("and {} more", shortfalls.len() - 6));
    }
    let mut s = format!("no plan meets all requirements: {}", parts.join("; "));
    if !closed.is_empty() {
        s.push_str(&format!(" (closed: {})", closed.join(", ")));
    }
    if !limits.is_empty() {
        let l: Vec<String> = limits.iter().take(6).map(|c| c.to_string()).collect();
        s.push_str(&format!("; at their limit: {}", l.join(", ")));
        if limits.len() > 6 {
            s.push_str(&format!(" and {} more", limits.len() - 6));
        }
    }
    s
}
