//! The guaranteed-service model (Graves & Willems) on a small supply network:
//! choose each node's committed outbound service time `S_j` to minimise the
//! safety-stock holding cost `Σ h_j z_j σ_j √(SI_j + T_j − S_j)`, where the
//! inbound service time `SI_j` is the largest `S` of its predecessors (or the
//! external supplier's for a source node) and `σ_j` is the sd of all demand
//! downstream of `j` (independent end demands add in variance).
//!
//! Solved exactly by enumerating integer service times (`0 ≤ S_j ≤ SI_j + T_j`,
//! `S_j ≤` the customer's maximum at demand nodes); meant for networks of a
//! dozen nodes, as in the textbook examples.

use std::collections::BTreeMap;

use crate::{non_negative, Error, Result};

/// A node of the network.
#[derive(Debug, Clone, PartialEq)]
pub struct GsmNode {
    pub id: u32,
    pub holding_cost: f64,
    pub processing_time: u32,
    pub predecessors: Vec<u32>,
    /// Sd of the node's own end-customer demand per period, if it faces customers.
    pub demand_sd: Option<f64>,
    /// Maximum service time the node's customers accept.
    pub max_service_time: Option<u32>,
    /// Service time of the outside supplier to a node without predecessors.
    pub external_inbound_service_time: u32,
    /// Safety factor `z_j`.
    pub demand_bound: f64,
}

/// Largest number of service-time combinations searched.
const MAX_COMBINATIONS: u64 = 20_000_000;

/// Optimal committed service times by node id and the optimal cost.
pub fn optimize(nodes: &[GsmNode]) -> Result<(BTreeMap<u32, u32>, f64)> {
    let n = nodes.len();
    let idx: BTreeMap<u32, usize> = nodes.iter().enumerate().map(|(i, v)| (v.id, i)).collect();
    for v in nodes {
        non_negative("holding cost", v.holding_cost)?;
        non_negative("demand bound", v.demand_bound)?;
        if let Some(sd) = v.demand_sd {
            non_negative("demand sd", sd)?;
        }
        if v.predecessors.iter().any(|p| !idx.contains_key(p)) {
            return Err(Error::Infeasible(format!(
                "node {} has an unknown predecessor",
                v.id
            )));
        }
    }
    // Topological order (predecessors first); a cycle is an error.
    let mut order = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    while order.len() < n {
        let before = order.len();
        for (i, v) in nodes.iter().enumerate() {
            if !placed[i] && v.predecessors.iter().all(|p| placed[idx[p]]) {
                placed[i] = true;
                order.push(i);
            }
        }
        if order.len() == before {
            return Err(Error::Infeasible("the network has a cycle".into()));
        }
    }
    // Downstream demand variance: own plus every successor's, in reverse order.
    let mut var: Vec<f64> = nodes
        .iter()
        .map(|v| v.demand_sd.unwrap_or(0.0).powi(2))
        .collect();
    for &i in order.iter().rev() {
        for p in &nodes[i].predecessors {
            let v = var[i];
            var[idx[p]] += v;
        }
    }
    // Upper bound of each S: the longest replenishment time into and through the node.
    let mut longest = vec![0u32; n];
    for &i in &order {
        let v = &nodes[i];
        let inbound = v
            .predecessors
            .iter()
            .map(|p| longest[idx[p]])
            .max()
            .unwrap_or(v.external_inbound_service_time);
        longest[i] = inbound + v.processing_time;
    }
    let combos: u64 = longest.iter().map(|l| u64::from(*l) + 1).product();
    if combos > MAX_COMBINATIONS {
        return Err(Error::Infeasible(format!(
            "{combos} service-time combinations are too many to enumerate"
        )));
    }
    let mut s = vec![0u32; n];
    let mut best: Option<(Vec<u32>, f64)> = None;
    loop {
        if let Some(c) = cost(nodes, &idx, &var, &s) {
            if best.as_ref().is_none_or(|b| c < b.1 - 1e-12) {
                best = Some((s.clone(), c));
            }
        }
        // Next combination (odometer).
        let mut k = 0;
        loop {
            if k == n {
                let (s, c) =
                    best.ok_or_else(|| Error::Infeasible("no feasible service times".into()))?;
                return Ok((nodes.iter().zip(s).map(|(v, x)| (v.id, x)).collect(), c));
            }
            if s[k] < longest[k] {
                s[k] += 1;
                break;
            }
            s[k] = 0;
            k += 1;
        }
    }
}

/// Cost of service times `s`, or `None` when infeasible.
fn cost(nodes: &[GsmNode], idx: &BTreeMap<u32, usize>, var: &[f64], s: &[u32]) -> Option<f64> {
    let mut total = 0.0;
    for (i, v) in nodes.iter().enumerate() {
        if v.max_service_time.is_some_and(|m| s[i] > m) {
            return None;
        }
        let si = v
            .predecessors
            .iter()
            .map(|p| s[idx[p]])
            .max()
            .unwrap_or(v.external_inbound_service_time);
        let nlt = i64::from(si) + i64::from(v.processing_time) - i64::from(s[i]);
        if nlt < 0 {
            return None;
        }
        total += v.holding_cost * v.demand_bound * var[i].sqrt() * (nlt as f64).sqrt();
    }
    Some(total)
}
