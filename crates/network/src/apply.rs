//! Applying what-if edits to a copy of the network.

use std::collections::BTreeSet;

use crate::edit::{Change, Edit, Target};
use crate::network::{clean, Lane, LaneRef, Network, NodeKind, Quantity};
use crate::{Error, Result};

/// A copy of `base` with `edits` applied in order.
pub fn apply_all(base: &Network, edits: &[Edit]) -> Result<Network> {
    let mut net = base.clone();
    for e in edits {
        apply(&mut net, e)?;
    }
    Ok(net)
}

fn id(net: &Network, t: &str) -> Result<String> {
    Ok(net.resolve_node(t)?.id.clone())
}

fn id_of(net: &Network, t: &str, kind: NodeKind) -> Result<String> {
    Ok(net.resolve_kind(t, kind)?.id.clone())
}

fn target(net: &Network, t: &Target) -> Result<Option<String>> {
    match t {
        Target::All => Ok(None),
        Target::Node(n) => id(net, n).map(Some),
    }
}

fn product(net: &Network, p: &Option<String>) -> Result<Option<String>> {
    p.as_deref().map(|p| net.resolve_product(p)).transpose()
}

/// Applies one edit to `net`.
pub fn apply(net: &mut Network, edit: &Edit) -> Result<()> {
    match edit {
        Edit::Demand {
            node,
            product: p,
            change,
        } => {
            change.check()?;
            let p = product(net, p)?;
            let node = match node {
                Target::All => None,
                Target::Node(n) => Some(id_of(net, n, NodeKind::Customer)?),
            };
            let mut hit = false;
            for q in &mut net.demand {
                if node.as_ref().is_none_or(|n| *n == q.node)
                    && p.as_ref().is_none_or(|p| *p == q.product)
                {
                    q.quantity = change.apply(q.quantity);
                    hit = true;
                }
            }
            if !hit {
                match (&node, &p, change) {
                    (Some(n), Some(p), Change::Set(_) | Change::Add(_)) => {
                        net.demand.push(Quantity {
                            node: n.clone(),
                            product: p.clone(),
                            quantity: change.apply(0.0),
                        });
                    }
                    (Some(n), None, _) => {
                        return Err(Error::Invalid(format!(
                            "{n} has no demand to change; name a product"
                        )))
                    }
                    _ => {}
                }
            }
        }
        Edit::Capacity { node, change } => {
            change.check()?;
            let n = id(net, node)?;
            let nd = net.nodes.iter_mut().find(|x| x.id == n).expect("resolved");
            if nd.kind == NodeKind::Customer {
                return Err(Error::WrongKind {
                    node: n,
                    is: "customer",
                    expected: "supplier or facility",
                });
            }
            nd.capacity = match (nd.capacity, change) {
                (_, Change::Set(v)) => Some(clean(*v)),
                (Some(c), _) => Some(change.apply(c)),
                (None, _) => {
                    return Err(Error::Invalid(format!(
                        "{n} has no capacity limit to change; set one with =N"
                    )))
                }
            };
        }
        Edit::Supply {
            node,
            product: p,
            change,
        } => {
            change.check()?;
            let n = id_of(net, node, NodeKind::Supplier)?;
            let p = net.resolve_product(p)?;
            match net
                .supply
                .iter_mut()
                .find(|q| q.node == n && q.product == p)
            {
                Some(q) => q.quantity = change.apply(q.quantity),
                None if matches!(change, Change::Set(_)) => net.supply.push(Quantity {
                    node: n,
                    product: p,
                    quantity: change.apply(0.0),
                }),
                None => {
                    return Err(Error::Invalid(format!(
                        "{n} has no supply row for {p}; set one with =N"
                    )))
                }
            }
        }
        Edit::LaneCost {
            from,
            to,
            product: p,
            change,
        } => {
            change.check()?;
            lane_cost(net, from, to, p, *change)?;
        }
        Edit::ForbidLane {
            from,
            to,
            product: p,
        } => {
            let p = product(net, p)?;
            let (f, t) = (target(net, from)?, target(net, to)?);
            let lanes = matching_lanes(net, f.as_deref(), t.as_deref(), p.as_deref());
            if lanes.is_empty() {
                return Err(no_lane(from, to, &p));
            }
            for (a, b) in lanes {
                net.rules.forbidden.push(LaneRef {
                    from: a,
                    to: b,
                    product: p.clone(),
                });
            }
        }
        Edit::MinFlow {
            from,
            to,
            product: p,
            min,
        } => {
            if !min.is_finite() || *min < 0.0 {
                return Err(Error::Invalid(format!(
                    "a minimum flow must be ≥ 0, got {min}"
                )));
            }
            let p = product(net, p)?;
            let (f, t) = (id(net, from)?, id(net, to)?);
            if matching_lanes(net, Some(&f), Some(&t), p.as_deref()).is_empty() {
                return Err(no_lane(&Target::Node(f), &Target::Node(t), &p));
            }
            net.rules.min_flows.push((
                LaneRef {
                    from: f,
                    to: t,
                    product: p,
                },
                clean(*min),
            ));
        }
        Edit::OnlyServe { node, destinations } => {
            let n = id(net, node)?;
            let keep: BTreeSet<String> = destinations
                .iter()
                .map(|d| id(net, d))
                .collect::<Result<_>>()?;
            for (a, b) in matching_lanes(net, Some(&n), None, None) {
                if !keep.contains(&b) {
                    net.rules.forbidden.push(LaneRef {
                        from: a,
                        to: b,
                        product: None,
                    });
                }
            }
        }
        Edit::ExclusivePair { from, to } => {
            let (f, t) = (id(net, from)?, id(net, to)?);
            for (a, b) in matching_lanes(net, Some(&f), None, None) {
                if b != t {
                    net.rules.forbidden.push(LaneRef {
                        from: a,
                        to: b,
                        product: None,
                    });
                }
            }
            for (a, b) in matching_lanes(net, None, Some(&t), None) {
                if a != f {
                    net.rules.forbidden.push(LaneRef {
                        from: a,
                        to: b,
                        product: None,
                    });
                }
            }
        }
        Edit::Facility { node, open } => {
            let n = id_of(net, node, NodeKind::Facility)?;
            net.rules.facility_status.push((n, *open));
        }
        Edit::FixedCost { node, change } => {
            change.check()?;
            let n = id_of(net, node, NodeKind::Facility)?;
            let nd = net.nodes.iter_mut().find(|x| x.id == n).expect("resolved");
            nd.fixed_cost = Some(change.apply(nd.fixed_cost.unwrap_or(0.0)));
        }
    }
    Ok(())
}

fn no_lane(from: &Target, to: &Target, p: &Option<String>) -> Error {
    Error::UnknownLane(match p {
        Some(p) => format!("{from} → {to} carrying {p}"),
        None => format!("{from} → {to}"),
    })
}

/// Distinct (from, to) lanes matching the ends (None: any) that carry `product` (None: any).
fn matching_lanes(
    net: &Network,
    from: Option<&str>,
    to: Option<&str>,
    product: Option<&str>,
) -> Vec<(String, String)> {
    let mut out = BTreeSet::new();
    for l in &net.lanes {
        if from.is_none_or(|f| f == l.from) && to.is_none_or(|t| t == l.to) {
            let carries = match (product, &l.product) {
                (None, _) | (Some(_), None) => true,
                (Some(p), Some(q)) => p == q,
            };
            if carries {
                out.insert((l.from.clone(), l.to.clone()));
            }
        }
    }
    out.into_iter().collect()
}

fn lane_cost(
    net: &mut Network,
    from: &Target,
    to: &Target,
    p: &Option<String>,
    change: Change,
) -> Result<()> {
    let p = product(net, p)?;
    let (f, t) = (target(net, from)?, target(net, to)?);
    let ends = matching_lanes(net, f.as_deref(), t.as_deref(), None);
    if ends.is_empty() {
        return match (f, t, change) {
            (Some(a), Some(b), Change::Set(v)) => {
                net.lanes.push(Lane {
                    from: a,
                    to: b,
                    product: p,
                    unit_cost: clean(v),
                    capacity: None,
                });
                Ok(())
            }
            _ => Err(no_lane(from, to, &p)),
        };
    }
    for (a, b) in ends {
        let rows: Vec<usize> = (0..net.lanes.len())
            .filter(|&i| net.lanes[i].from == a && net.lanes[i].to == b)
            .collect();
        let capacity = rows.iter().find_map(|&i| net.lanes[i].capacity);
        match &p {
            None => {
                for i in rows {
                    net.lanes[i].unit_cost = change.apply(net.lanes[i].unit_cost);
                }
            }
            Some(p) => {
                if let Some(&i) = rows
                    .iter()
                    .find(|&&i| net.lanes[i].product.as_deref() == Some(p))
                {
                    net.lanes[i].unit_cost = change.apply(net.lanes[i].unit_cost);
                } else if let Some(&i) = rows.iter().find(|&&i| net.lanes[i].product.is_none()) {
                    let cost = change.apply(net.lanes[i].unit_cost);
                    net.lanes.push(Lane {
                        from: a,
                        to: b,
                        product: Some(p.clone()),
                        unit_cost: cost,
                        capacity,
                    });
                } else if let Change::Set(v) = change {
                    net.lanes.push(Lane {
                        from: a,
                        to: b,
                        product: Some(p.clone()),
                        unit_cost: clean(v),
                        capacity,
                    });
                } else if f.is_some() && t.is_some() {
                    return Err(no_lane(from, to, &Some(p.clone())));
                }
            }
        }
    }
    Ok(())
}
