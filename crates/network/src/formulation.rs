//! Turns a [`Network`] into a mixed-integer program: flow and processing
//! variables, open/closed binaries for facilities with a fixed cost, and the
//! constraints of data.md section 2, each row labelled so results can name it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(crate) use crate::constraint::Constraint;
use crate::lp::Lp;
use crate::network::{Network, NodeKind};
use crate::Result;

#[derive(Debug, Clone)]
pub(crate) struct FlowVar {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) product: String,
    pub(crate) unit_cost: f64,
    pub(crate) col: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct ProcVar {
    pub(crate) node: String,
    pub(crate) input: String,
    pub(crate) output: String,
    pub(crate) unit_cost: f64,
    pub(crate) col: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct OpenVar {
    pub(crate) node: String,
    pub(crate) fixed_cost: f64,
    pub(crate) col: usize,
}

/// Whether requirements (demand, minimum flows, exact supply) may fall short, at a price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Strict,
    /// Every requirement gets slack columns; used to explain infeasibility.
    Elastic,
}

#[derive(Debug, Clone)]
pub(crate) struct Formulation {
    pub(crate) lp: Lp,
    pub(crate) flows: Vec<FlowVar>,
    pub(crate) procs: Vec<ProcVar>,
    pub(crate) opens: Vec<OpenVar>,
    /// Labelled rows: (constraint, row index).
    pub(crate) labelled: Vec<(Constraint, usize)>,
    /// Elastic mode: (index into `labelled`, slack column, sign in the row).
    pub(crate) slacks: Vec<(usize, usize, f64)>,
    /// Facilities forced closed by a rule.
    pub(crate) closed: Vec<String>,
}

/// Per lane (from, to): the generic cost, product costs, and the capacity.
#[derive(Default)]
struct LaneInfo {
    generic: Option<f64>,
    by_product: BTreeMap<String, f64>,
    capacity: Option<f64>,
}

pub(crate) fn build(net: &Network, mode: Mode) -> Result<Formulation> {
    net.validate()?;
    let products = net.products();
    let s = net.settings;
    let kind: HashMap<&str, NodeKind> = net.nodes.iter().map(|n| (n.id.as_str(), n.kind)).collect();

    let mut lanes: BTreeMap<(String, String), LaneInfo> = BTreeMap::new();
    for l in &net.lanes {
        let e = lanes.entry((l.from.clone(), l.to.clone())).or_default();
        match &l.product {
            None => e.generic = Some(l.unit_cost),
            Some(p) => {
                e.by_product.insert(p.clone(), l.unit_cost);
            }
        }
        if let Some(c) = l.capacity {
            e.capacity = Some(e.capacity.map_or(c, |old: f64| old.min(c)));
        }
    }
    let carries = |info: &LaneInfo| -> Vec<(String, f64)> {
        products
            .iter()
            .filter_map(|p| {
                info.by_product
                    .get(p)
                    .copied()
                    .or(info.generic)
                    .map(|c| (p.clone(), c))
            })
            .collect()
    };
    // Products each node can receive / ship on some lane (before pruning).
    let mut can_in: HashMap<&str, BTreeSet<String>> = HashMap::new();
    let mut has_out: BTreeSet<&str> = BTreeSet::new();
    for ((from, to), info) in &lanes {
        has_out.insert(from.as_str());
        can_in
            .entry(to.as_str())
            .or_default()
            .extend(carries(info).into_iter().map(|(p, _)| p));
    }
    let mut supply_of: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for q in &net.supply {
        supply_of
            .entry(q.node.as_str())
            .or_default()
            .insert(q.product.as_str());
    }
    let mut demanded: BTreeSet<(&str, &str)> = BTreeSet::new();
    for q in &net.demand {
        demanded.insert((q.node.as_str(), q.product.as_str()));
    }
    let made_at: BTreeSet<(&str, &str)> = net
        .processing
        .iter()
        .map(|p| (p.node.as_str(), p.output.as_str()))
        .collect();
    let used_at: BTreeSet<(&str, &str)> = net
        .processing
        .iter()
        .map(|p| (p.node.as_str(), p.input.as_str()))
        .collect();

    let mut f = Formulation {
        lp: Lp::default(),
        flows: Vec::new(),
        procs: Vec::new(),
        opens: Vec::new(),
        labelled: Vec::new(),
        slacks: Vec::new(),
        closed: Vec::new(),
    };
    let int = s.integer_flows;
    for ((from, to), info) in &lanes {
        let (kf, kt) = (kind[from.as_str()], kind[to.as_str()]);
        if kt == NodeKind::Supplier {
            continue; // suppliers are sources only
        }
        for (p, cost) in carries(info) {
            if net.rules.forbidden.iter().any(|r| r.covers(from, to, &p)) {
                continue;
            }
            let useful = match kf {
                NodeKind::Supplier => supply_of
                    .get(from.as_str())
                    .is_none_or(|set| set.contains(p.as_str())),
                NodeKind::Facility => {
                    can_in
                        .get(from.as_str())
                        .is_some_and(|set| set.contains(&p))
                        || made_at.contains(&(from.as_str(), p.as_str()))
                }
                NodeKind::Customer => can_in
                    .get(from.as_str())
                    .is_some_and(|set| set.contains(&p)),
            } && match kt {
                NodeKind::Customer => {
                    has_out.contains(to.as_str()) || demanded.contains(&(to.as_str(), p.as_str()))
                }
                NodeKind::Facility => {
                    has_out.contains(to.as_str()) || used_at.contains(&(to.as_str(), p.as_str()))
                }
                NodeKind::Supplier => false,
            };
            if !useful {
                continue;
            }
            let col = f.lp.col(cost, 0.0, f64::INFINITY, int);
            f.flows.push(FlowVar {
                from: from.clone(),
                to: to.clone(),
                product: p,
                unit_cost: cost,
                col,
            });
        }
    }
    for p in &net.processing {
        let col = f.lp.col(p.unit_cost, 0.0, f64::INFINITY, int);
        f.procs.push(ProcVar {
            node: p.node.clone(),
            input: p.input.clone(),
            output: p.output.clone(),
            unit_cost: p.unit_cost,
            col,
        });
    }

    // Flow indexes by origin and destination.
    let mut by_from: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_to: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, v) in f.flows.iter().enumerate() {
        by_from.entry(v.from.clone()).or_default().push(i);
        by_to.entry(v.to.clone()).or_default().push(i);
    }
    let none = Vec::new();
    let from_idx = |n: &str| by_from.get(n).unwrap_or(&none);
    let to_idx = |n: &str| by_to.get(n).unwrap_or(&none);
    let out_of = |f: &Formulation, n: &str| -> Vec<(usize, f64)> {
        from_idx(n).iter().map(|&i| (f.flows[i].col, 1.0)).collect()
    };
    // Net inflow of one product at a node: + in, − out.
    let net_in = |f: &Formulation, n: &str, p: &str| -> Vec<(usize, f64)> {
        let ins = to_idx(n)
            .iter()
            .filter(|&&i| f.flows[i].product == p)
            .map(|&i| (f.flows[i].col, 1.0));
        let outs = from_idx(n)
            .iter()
            .filter(|&&i| f.flows[i].product == p)
            .map(|&i| (f.flows[i].col, -1.0));
        ins.chain(outs).collect()
    };
    // Flow conservation per facility and product.
    for n in net.nodes.iter().filter(|n| n.kind == NodeKind::Facility) {
        for p in &products {
            let mut coefs = net_in(&f, &n.id, p);
            for v in f.procs.iter().filter(|v| v.node == n.id) {
                if v.output == *p {
                    coefs.push((v.col, 1.0));
                }
                if v.input == *p {
                    coefs.push((v.col, -1.0));
                }
            }
            if !coefs.is_empty() {
                f.lp.row(0.0, 0.0, coefs);
            }
        }
    }
    let total_min: f64 = net.rules.min_flows.iter().map(|(_, m)| m).sum();
    let total_exact_supply: f64 = if s.supply_exact {
        net.supply.iter().map(|q| q.quantity).sum()
    } else {
        0.0
    };
    let big_m =
        net.demand.iter().map(|q| q.quantity).sum::<f64>() + total_min + total_exact_supply + 1.0;

    for n in &net.nodes {
        match n.kind {
            NodeKind::Supplier => {
                if let Some(cap) = n.capacity {
                    let coefs = out_of(&f, &n.id);
                    let row = f.lp.row(f64::NEG_INFINITY, cap, coefs);
                    f.labelled.push((
                        Constraint::SupplierCapacity {
                            node: n.id.clone(),
                            capacity: cap,
                        },
                        row,
                    ));
                }
            }
            NodeKind::Facility => {
                let status = net
                    .rules
                    .facility_status
                    .iter()
                    .rev()
                    .find(|(id, _)| *id == n.id)
                    .map(|(_, o)| *o);
                if status == Some(false) {
                    f.closed.push(n.id.clone());
                }
                let mut coefs = out_of(&f, &n.id);
                let fixed = n.fixed_cost.filter(|c| *c > 0.0);
                if let Some(fc) = fixed {
                    let (lb, ub) = match status {
                        Some(true) => (1.0, 1.0),
                        Some(false) => (0.0, 0.0),
                        None => (0.0, 1.0),
                    };
                    let col = f.lp.col(fc, lb, ub, true);
                    f.opens.push(OpenVar {
                        node: n.id.clone(),
                        fixed_cost: fc,
                        col,
                    });
                    let cap = n.capacity.unwrap_or(big_m);
                    coefs.push((col, -cap));
                    let row = f.lp.row(f64::NEG_INFINITY, 0.0, coefs);
                    if let Some(c) = n.capacity {
                        f.labelled.push((
                            Constraint::FacilityCapacity {
                                node: n.id.clone(),
                                capacity: c,
                            },
                            row,
                        ));
                    }
                } else if status == Some(false) {
                    f.lp.row(f64::NEG_INFINITY, 0.0, coefs);
                } else if let Some(c) = n.capacity {
                    let row = f.lp.row(f64::NEG_INFINITY, c, coefs);
                    f.labelled.push((
                        Constraint::FacilityCapacity {
                            node: n.id.clone(),
                            capacity: c,
                        },
                        row,
                    ));
                }
            }
            NodeKind::Customer => {}
        }
    }
    // Tighten the facility-location relaxation: a flow from a facility with a
    // fixed cost to a customer that ships nothing on is at most that customer's
    // demand, and only when the facility is open. Valid for some optimal plan
    // when no rule forces extra flow (no minimum flows, supply at most).
    if net.rules.min_flows.is_empty() && !s.supply_exact {
        let mut need: HashMap<(&str, &str), f64> = HashMap::new();
        for q in &net.demand {
            *need
                .entry((q.node.as_str(), q.product.as_str()))
                .or_insert(0.0) += q.quantity;
        }
        for o in f.opens.clone() {
            for &i in from_idx(&o.node) {
                let v = &f.flows[i];
                if kind[v.to.as_str()] != NodeKind::Customer || has_out.contains(v.to.as_str()) {
                    continue;
                }
                let d = need
                    .get(&(v.to.as_str(), v.product.as_str()))
                    .copied()
                    .unwrap_or(0.0);
                let d = if int { d.ceil() } else { d };
                let col = v.col;
                f.lp.row(f64::NEG_INFINITY, 0.0, vec![(col, 1.0), (o.col, -d)]);
            }
        }
    }
    // Supply rows.
    for q in &net.supply {
        let coefs: Vec<_> = from_idx(&q.node)
            .iter()
            .filter(|&&i| f.flows[i].product == q.product)
            .map(|&i| (f.flows[i].col, 1.0))
            .collect();
        let lb = if s.supply_exact {
            q.quantity
        } else {
            f64::NEG_INFINITY
        };
        let row = f.lp.row(lb, q.quantity, coefs);
        let c = Constraint::Supply {
            node: q.node.clone(),
            product: q.product.clone(),
            quantity: q.quantity,
        };
        f.labelled.push((c, row));
        if s.supply_exact && mode == Mode::Elastic {
            add_slack(&mut f, 1.0);
            add_slack(&mut f, -1.0);
        }
    }
    // Lane capacities.
    for ((from, to), info) in &lanes {
        if let Some(cap) = info.capacity {
            let coefs: Vec<_> = from_idx(from)
                .iter()
                .filter(|&&i| f.flows[i].to == *to)
                .map(|&i| (f.flows[i].col, 1.0))
                .collect();
            if coefs.is_empty() {
                continue;
            }
            let row = f.lp.row(f64::NEG_INFINITY, cap, coefs);
            f.labelled.push((
                Constraint::LaneCapacity {
                    from: from.clone(),
                    to: to.clone(),
                    capacity: cap,
                },
                row,
            ));
        }
    }
    // Demand: every (customer, product) with a demand row or a flow.
    let mut pairs: BTreeMap<(String, String), f64> = BTreeMap::new();
    for v in &f.flows {
        if kind[v.to.as_str()] == NodeKind::Customer {
            pairs
                .entry((v.to.clone(), v.product.clone()))
                .or_insert(0.0);
        }
    }
    for q in &net.demand {
        *pairs
            .entry((q.node.clone(), q.product.clone()))
            .or_insert(0.0) += q.quantity;
    }
    for ((node, product), qty) in pairs {
        let coefs = net_in(&f, &node, &product);
        let ub = if s.demand_exact { qty } else { f64::INFINITY };
        let row = f.lp.row(qty, ub, coefs);
        f.labelled.push((
            Constraint::Demand {
                node,
                product,
                quantity: qty,
            },
            row,
        ));
        if mode == Mode::Elastic {
            add_slack(&mut f, 1.0);
            if s.demand_exact {
                add_slack(&mut f, -1.0);
            }
        }
    }
    // Minimum flows.
    for (lane, min) in &net.rules.min_flows {
        let coefs: Vec<_> = from_idx(&lane.from)
            .iter()
            .map(|&i| &f.flows[i])
            .filter(|v| lane.covers(&v.from, &v.to, &v.product))
            .map(|v| (v.col, 1.0))
            .collect();
        let row = f.lp.row(*min, f64::INFINITY, coefs);
        f.labelled.push((
            Constraint::MinFlow {
                lane: lane.clone(),
                min: *min,
            },
            row,
        ));
        if mode == Mode::Elastic {
            add_slack(&mut f, 1.0);
        }
    }
    Ok(f)
}

/// Adds a slack column to the last labelled row (sign +1 covers a shortfall, −1 a surplus).
fn add_slack(f: &mut Formulation, sign: f64) {
    let li = f.labelled.len() - 1;
    let row = f.labelled[li].1;
    let col = f.lp.col(0.0, 0.0, f64::INFINITY, false);
    f.lp.rows[row].coefs.push((col, sign));
    f.slacks.push((li, col, sign));
}
