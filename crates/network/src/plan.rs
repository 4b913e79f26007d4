//! Solving a network: the optimal plan (costs, flows, facilities), the
//! constraints that bind, and shadow prices from the LP with the facility
//! decisions fixed.

use crate::diagnose::{diagnose, Infeasibility};
use crate::formulation::{build, Constraint, Formulation, Mode};
use crate::lp::{LpOutcome, SolveOptions};
use crate::network::{clean, Network};
use crate::Result;

/// Units of one product on one lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub product: String,
    pub quantity: f64,
    pub unit_cost: f64,
    pub cost: f64,
}

/// Units made at a facility from an input.
#[derive(Debug, Clone, PartialEq)]
pub struct Processed {
    pub node: String,
    pub input: String,
    pub output: String,
    pub quantity: f64,
    pub unit_cost: f64,
    pub cost: f64,
}

/// A facility in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct FacilityUse {
    pub node: String,
    pub open: bool,
    /// Fixed cost paid (0 when closed or when it has none).
    pub fixed_cost: f64,
    /// Total units shipped out.
    pub throughput: f64,
    pub capacity: Option<f64>,
}

/// A constraint at its limit in the optimal plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub constraint: Constraint,
    /// The left-hand side in the plan (units).
    pub activity: f64,
    /// Change in optimal cost per extra unit of the limit, from the LP
    /// relaxation with the facility decisions fixed (None when not available).
    pub shadow_price: Option<f64>,
}

/// An optimal plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub total_cost: f64,
    pub lane_cost: f64,
    pub processing_cost: f64,
    pub fixed_cost: f64,
    /// Non-zero flows, sorted by lane then product.
    pub flows: Vec<Flow>,
    pub processed: Vec<Processed>,
    pub facilities: Vec<FacilityUse>,
    /// Capacities at their limit, demands met exactly, minimum flows at their minimum.
    pub binding: Vec<Binding>,
    /// Relative MIP gap reached (0 when proven optimal).
    pub mip_gap: f64,
    /// False when a time limit stopped the search before optimality was proven.
    pub proven_optimal: bool,
}

impl Plan {
    /// Units of `product` on lane (`from`, `to`) (0 when none).
    pub fn flow(&self, from: &str, to: &str, product: &str) -> f64 {
        self.flows
            .iter()
            .find(|f| f.from == from && f.to == to && f.product == product)
            .map_or(0.0, |f| f.quantity)
    }

    /// Names of the open facilities.
    pub fn open_facilities(&self) -> Vec<&str> {
        self.facilities
            .iter()
            .filter(|f| f.open)
            .map(|f| f.node.as_str())
            .collect()
    }
}

/// The result of optimising a network: a plan, or why none exists.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Optimal(Plan),
    Infeasible(Infeasibility),
}

impl Outcome {
    /// The optimal total cost; None when no plan exists.
    pub fn cost(&self) -> Option<f64> {
        match self {
            Outcome::Optimal(p) => Some(p.total_cost),
            Outcome::Infeasible(_) => None,
        }
    }

    pub fn plan(&self) -> Option<&Plan> {
        match self {
            Outcome::Optimal(p) => Some(p),
            Outcome::Infeasible(_) => None,
        }
    }
}

/// Finds the minimum-cost plan for `net`, or explains why none exists.
pub fn optimize(net: &Network, opts: &SolveOptions) -> Result<Outcome> {
    let form = build(net, Mode::Strict)?;
    match solve_integral(&form, opts)? {
        LpOutcome::Infeasible => Ok(Outcome::Infeasible(diagnose(net, opts)?)),
        LpOutcome::Solved {
            x,
            row_duals,
            gap,
            proven,
            ..
        } => {
            let duals = if form.lp.has_integers() {
                fixed_duals(&form, &x, opts)?
            } else {
                Some(row_duals)
            };
            Ok(Outcome::Optimal(extract(
                net,
                &form,
                &x,
                duals.as_deref(),
                gap,
                proven,
            )))
        }
    }
}

/// Solves with flows relaxed to continuous first (only the facility binaries
/// integer); network structure makes that solution integral in most cases, and
/// then it is optimal for the integer model too. Otherwise solves the full model.
fn solve_integral(form: &Formulation, opts: &SolveOptions) -> Result<LpOutcome> {
    let n = form.flows.len() + form.procs.len();
    if !form.lp.cols[..n].iter().any(|c| c.integer) {
        return form.lp.solve(opts);
    }
    let mut relaxed = form.lp.clone();
    for c in &mut relaxed.cols[..n] {
        c.integer = false;
    }
    let start = std::time::Instant::now();
    let out = relaxed.solve(opts)?;
    match &out {
        // Integral flows are feasible for the integer model, and the relaxed
        // model's bound is a bound for it too, so the reported gap holds.
        LpOutcome::Solved { x, .. } if x[..n].iter().all(|v| (v - v.round()).abs() <= 1e-7) => {
            Ok(out)
        }
        // Infeasible relaxed means infeasible integer model too.
        LpOutcome::Infeasible => Ok(out),
        _ => {
            let left = opts
                .time_limit
                .map(|t| (t - start.elapsed().as_secs_f64()).max(1.0));
            form.lp.solve(&SolveOptions {
                time_limit: left,
                ..*opts
            })
        }
    }
}

/// Row duals of the LP relaxation with every open/closed decision fixed at `x`.
fn fixed_duals(form: &Formulation, x: &[f64], opts: &SolveOptions) -> Result<Option<Vec<f64>>> {
    let mut lp = form.lp.clone();
    for c in &mut lp.cols {
        c.integer = false;
    }
    for o in &form.opens {
        let v = x[o.col].round();
        lp.cols[o.col].lb = v;
        lp.cols[o.col].ub = v;
    }
    Ok(match lp.solve(opts)? {
        LpOutcome::Solved { row_duals, .. } if row_duals.len() == lp.rows.len() => Some(row_duals),
        _ => None,
    })
}

/// Rounds a solver value: to a whole number for integer flows, else to 9 decimals.
pub(crate) fn round_value(v: f64, integer: bool) -> f64 {
    if integer {
        let r = v.round();
        if r == 0.0 {
            0.0
        } else {
            r
        }
    } else {
        clean(v)
    }
}

pub(crate) fn extract(
    net: &Network,
    form: &Formulation,
    x: &[f64],
    duals: Option<&[f64]>,
    gap: f64,
    proven: bool,
) -> Plan {
    let int = net.settings.integer_flows;
    let mut flows: Vec<Flow> = form
        .flows
        .iter()
        .filter_map(|v| {
            let q = round_value(x[v.col], int);
            (q > 0.0).then(|| Flow {
                from: v.from.clone(),
                to: v.to.clone(),
                product: v.product.clone(),
                quantity: q,
                unit_cost: v.unit_cost,
                cost: clean(q * v.unit_cost),
            })
        })
        .collect();
    flows.sort_by(|a, b| (&a.from, &a.to, &a.product).cmp(&(&b.from, &b.to, &b.product)));
    let processed: Vec<Processed> = form
        .procs
        .iter()
        .filter_map(|v| {
            let q = round_value(x[v.col], int);
            (q > 0.0).then(|| Processed {
                node: v.node.clone(),
                input: v.input.clone(),
                output: v.output.clone(),
                quantity: q,
                unit_cost: v.unit_cost,
                cost: clean(q * v.unit_cost),
            })
        })
        .collect();
    let facilities: Vec<FacilityUse> = net
        .nodes
        .iter()
        .filter(|n| n.kind == crate::NodeKind::Facility)
        .map(|n| {
            let throughput = clean(
                flows
                    .iter()
                    .filter(|f| f.from == n.id)
                    .map(|f| f.quantity)
                    .sum(),
            );
            let (open, fixed_cost) = match form.opens.iter().find(|o| o.node == n.id) {
                Some(o) if x[o.col] > 0.5 => (true, o.fixed_cost),
                Some(_) => (false, 0.0),
                None => (!form.closed.contains(&n.id), 0.0),
            };
            FacilityUse {
                node: n.id.clone(),
                open,
                fixed_cost,
                throughput,
                capacity: n.capacity,
            }
        })
        .collect();
    let lane_cost = clean(flows.iter().map(|f| f.cost).sum());
    let processing_cost = clean(processed.iter().map(|p| p.cost).sum());
    let fixed_cost = clean(facilities.iter().map(|f| f.fixed_cost).sum());
    let mut binding = Vec::new();
    for (c, row) in &form.labelled {
        let activity = clean(
            form.lp.rows[*row]
                .coefs
                .iter()
                .map(|&(j, a)| {
                    a * round_value(x[j], int && j < form.flows.len() + form.procs.len())
                })
                .sum(),
        );
        let activity = match c {
            // The facility row also holds −capacity × open; report units shipped.
            Constraint::FacilityCapacity { node, .. } => facilities
                .iter()
                .find(|f| f.node == *node)
                .map_or(activity, |f| f.throughput),
            _ => activity,
        };
        if let Constraint::FacilityCapacity { node, .. } = c {
            if !facilities.iter().any(|f| f.node == *node && f.open) {
                continue;
            }
        }
        let at_limit = (activity - c.limit()).abs() <= 1e-6 * (1.0 + c.limit().abs());
        if at_limit {
            binding.push(Binding {
                constraint: c.clone(),
                activity,
                shadow_price: duals.and_then(|d| d.get(*row)).map(|d| clean(*d)),
            });
        }
    }
    Plan {
        total_cost: clean(lane_cost + processing_cost + fixed_cost),
        lane_cost,
        processing_cost,
        fixed_cost,
        flows,
        processed,
        facilities,
        binding,
        mip_gap: gap,
        proven_optimal: proven,
    }
}
