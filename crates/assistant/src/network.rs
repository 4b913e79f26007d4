//! Network questions on the network engine: the optimal plan and what-ifs, with
//! infeasible what-ifs answered by their reason. Also the conversion of the stored
//! network into the engine's model, shared with `abacus network`.

use abacus_network::{
    Change, Edit, Network, Node, NodeKind, Outcome, Processing, Quantity, Settings, SolveOptions,
    Target,
};
use abacus_nlu::plan::{NetworkEdit, Plan};
use serde_json::json;

use crate::answer::{fmt_num, Answer, Table};
use crate::{Error, Result};

/// The engine's model of a stored network.
pub fn engine_network(m: &abacus_store::model::Network) -> Result<Network> {
    let q = |r: &abacus_store::model::Quantity| Quantity {
        node: r.node_id.clone(),
        product: r.product.clone(),
        quantity: r.quantity,
    };
    Ok(Network {
        nodes: m
            .nodes
            .iter()
            .map(|n| {
                Ok(Node {
                    id: n.node_id.clone(),
                    kind: NodeKind::parse(&n.kind)?,
                    capacity: n.capacity,
                    fixed_cost: n.fixed_cost,
                    name: n.name.clone(),
                })
            })
            .collect::<std::result::Result<_, abacus_network::Error>>()?,
        lanes: m
            .lanes
            .iter()
            .map(|l| abacus_network::Lane {
                from: l.from.clone(),
                to: l.to.clone(),
                product: l.product.clone(),
                unit_cost: l.unit_cost,
                capacity: l.capacity,
            })
            .collect(),
        demand: m.demand.iter().map(q).collect(),
        supply: m.supply.iter().map(q).collect(),
        processing: m
            .processing
            .iter()
            .map(|p| Processing {
                node: p.node_id.clone(),
                input: p.input.clone(),
                output: p.output.clone(),
                unit_cost: p.unit_cost,
            })
            .collect(),
        settings: Settings {
            integer_flows: m.integer_flows,
            demand_exact: m.demand_exact,
            supply_exact: m.supply_exact,
        },
        rules: Default::default(),
    })
}

fn target(s: &Option<String>) -> Target {
    match s.as_deref() {
        None | Some("*") => Target::All,
        Some(n) => Target::Node(n.to_string()),
    }
}

fn need(s: &Option<String>, what: &str) -> Result<String> {
    s.clone()
        .filter(|x| x != "*")
        .ok_or_else(|| Error::Plan(format!("the what-if needs {what}")))
}

/// A plan's structured edit as an engine edit.
pub fn engine_edit(e: &NetworkEdit) -> Result<Edit> {
    let change = || -> Result<Change> {
        match (e.scale, e.set, e.add) {
            (Some(k), _, _) => Ok(Change::Scale(k)),
            (_, Some(x), _) => Ok(Change::Set(x)),
            (_, _, Some(a)) => Ok(Change::Add(a)),
            _ => Err(Error::Plan(format!(
                "the {} change needs an amount",
                e.op.replace('_', " ")
            ))),
        }
    };
    Ok(match e.op.as_str() {
        "demand" => Edit::Demand {
            node: target(&e.node),
            product: e.product.clone(),
            change: change()?,
        },
        "supplier_capacity" => Edit::Capacity {
            node: need(&e.node, "a supplier")?,
            change: change()?,
        },
        "supply" => Edit::Supply {
            node: need(&e.node, "a supplier")?,
            product: need(&e.product, "a product")?,
            change: change()?,
        },
        "lane_cost" => Edit::LaneCost {
            from: target(&e.from),
            to: target(&e.to),
            product: e.product.clone(),
            change: change()?,
        },
        "forbid_lane" => Edit::ForbidLane {
            from: target(&e.from),
            to: target(&e.to),
            product: e.product.clone(),
        },
        "min_flow" => Edit::MinFlow {
            from: need(&e.from, "a lane's origin")?,
            to: need(&e.to, "a lane's destination")?,
            product: e.product.clone(),
            min: e
                .min
                .ok_or_else(|| Error::Plan("a minimum flow needs a quantity".into()))?,
        },
        "only_serve" => Edit::OnlyServe {
            node: need(&e.node, "a node")?,
            destinations: e.destinations.clone(),
        },
        "exclusive_pair" => Edit::ExclusivePair {
            from: need(&e.from, "a node")?,
            to: need(&e.to, "a node")?,
        },
        "facility" => Edit::Facility {
            node: need(&e.node, "a facility")?,
            open: e.open.unwrap_or(true),
        },
        "fixed_cost" => Edit::FixedCost {
            node: need(&e.node, "a facility")?,
            change: change()?,
        },
        op => return Err(Error::Plan(format!("unknown network change {op:?}"))),
    })
}

fn flows_table(p: &abacus_network::Plan) -> Table {
    let mut t = Table::new(&["from", "to", "product", "quantity", "unit_cost", "cost"]);
    for f in &p.flows {
        t.rows.push(vec![
            json!(f.from),
            json!(f.to),
            json!(f.product),
            json!(f.quantity),
            json!(f.unit_cost),
            json!(f.cost),
        ]);
    }
    t
}

pub(crate) fn run(net: &Network, plan: Plan) -> Result<Answer> {
    let opts = SolveOptions::default();
    match &plan {
        Plan::NetworkOptimize { .. } => match abacus_network::optimize(net, &opts)? {
            Outcome::Optimal(p) => {
                let open: Vec<&str> = p.open_facilities();
                let text = format!(
                    "The optimal plan costs {}: lanes {}, processing {}, fixed costs {}; open facilities: {}; {} lane flows carry product.",
                    fmt_num(p.total_cost, 2),
                    fmt_num(p.lane_cost, 2),
                    fmt_num(p.processing_cost, 2),
                    fmt_num(p.fixed_cost, 2),
                    if open.is_empty() { "none".to_string() } else { open.join(", ") },
                    p.flows.len()
                );
                let table = flows_table(&p);
                let mut a = Answer::answered(plan, text, Some(p.total_cost), Some(table));
                a.figures = vec![
                    ("lane_cost".into(), p.lane_cost),
                    ("processing_cost".into(), p.processing_cost),
                    ("fixed_cost".into(), p.fixed_cost),
                ];
                Ok(a)
            }
            Outcome::Infeasible(i) => Ok(Answer::answered(
                plan,
                format!("No plan meets all demand: {}.", i.reason),
                None,
                None,
            )),
        },
        Plan::NetworkWhatIf { edits, .. } => {
            let engine: Vec<Edit> = edits.iter().map(engine_edit).collect::<Result<_>>()?;
            let w = abacus_network::what_if(net, &engine, &opts)?;
            let described = w.edits.join("; ");
            match (&w.scenario, w.baseline.cost()) {
                (Outcome::Optimal(p), base) => {
                    let change = base.map_or(String::new(), |b| {
                        format!(
                            ", a change of {} from the baseline {}",
                            fmt_num(p.total_cost - b, 2),
                            fmt_num(b, 2)
                        )
                    });
                    let mut t = Table::new(&["from", "to", "product", "before", "after"]);
                    for f in &w.flow_changes {
                        t.rows.push(vec![
                            json!(f.from),
                            json!(f.to),
                            json!(f.product),
                            json!(f.before),
                            json!(f.after),
                        ]);
                    }
                    let text = format!(
                        "With {described}, the optimal plan costs {}{change}; {} lane flows change.",
                        fmt_num(p.total_cost, 2),
                        w.flow_changes.len()
                    );
                    let mut a = Answer::answered(plan, text, Some(p.total_cost), Some(t));
                    if let Some(b) = base {
                        a.figures = vec![
                            ("baseline_cost".into(), b),
                            ("change".into(), p.total_cost - b),
                        ];
                    }
                    Ok(a)
                }
                (Outcome::Infeasible(i), _) => {
                    let reason = i
                        .reason
                        .strip_prefix("no plan meets all requirements: ")
                        .unwrap_or(&i.reason);
                    let text = format!("With {described}, no plan meets all demand: {reason}.");
                    Ok(Answer::answered(plan, text, None, None))
                }
            }
        }
        _ => unreachable!("network plans only"),
    }
}
