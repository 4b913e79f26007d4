//! `network/`: nodes, lanes, demand, supply, processing, settings.

use std::collections::{BTreeSet, HashMap};

use rusqlite::params;

use super::{extras_json, Ctx, Keys};
use crate::csvio::{opt, req, Check, Table};
use crate::error::{ImportError, Result};
use crate::model::NetworkSummary;

fn node_ref(
    t: &Table<super::Input>,
    col: &str,
    nodes: &HashMap<String, &'static str>,
    want: Option<&str>,
) -> Result<String, ImportError> {
    let id = t.text(col)?;
    match nodes.get(&id) {
        None => Err(t.err(
            Some(col),
            format!("unknown node {id:?}: it is not in network/nodes.csv"),
        )),
        Some(kind) if want.is_some_and(|w| w != *kind) => Err(t.err(
            Some(col),
            format!(
                "node {id:?} is a {kind}; this file only takes {} nodes",
                want.unwrap_or_default()
            ),
        )),
        Some(_) => Ok(id),
    }
}

pub(super) fn import(ctx: &mut Ctx<'_>) -> Result<NetworkSummary> {
    let tx = ctx.tx;

    let mut t = ctx
        .open(
            "network/nodes.csv",
            &[
                req("node_id"),
                req("kind"),
                opt("capacity"),
                opt("fixed_cost"),
            ],
            true,
        )?
        .expect("required");
    let extras = t.extra_columns();
    let mut nodes: HashMap<String, &'static str> = HashMap::new();
    {
        let mut keys = Keys::new();
        let mut ins = tx.prepare("INSERT INTO nodes VALUES (?1, ?2, ?3, ?4, ?5)")?;
        while t.next()? {
            let id = t.text("node_id")?;
            keys.insert(id.clone(), &t, || format!("node_id {id:?}"))?;
            let kind = t.one_of("kind", &["supplier", "facility", "customer"])?;
            ins.execute(params![
                id,
                kind,
                t.opt_num("capacity", Check::NonNeg)?,
                t.opt_num("fixed_cost", Check::NonNeg)?,
                extras_json(&t, &extras)
            ])?;
            nodes.insert(id, kind);
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);

    let mut t = ctx
        .open(
            "network/lanes.csv",
            &[
                req("from"),
                req("to"),
                opt("product"),
                req("unit_cost"),
                opt("capacity"),
            ],
            true,
        )?
        .expect("required");
    let mut products = BTreeSet::new();
    let mut lane_caps: HashMap<(String, String), (f64, u64)> = HashMap::new();
    let mut lanes = BTreeSet::new();
    {
        let mut keys = Keys::new();
        let mut ins = tx.prepare("INSERT INTO lanes VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        while t.next()? {
            let from = node_ref(&t, "from", &nodes, None)?;
            let to = node_ref(&t, "to", &nodes, None)?;
            if from == to {
                return Err(t
                    .err(
                        Some("to"),
                        format!("a lane from {from:?} to itself is not allowed"),
                    )
                    .into());
            }
            let product = t.opt_text("product");
            let cost = t.num("unit_cost", Check::NonNeg)?;
            let cap = t.opt_num("capacity", Check::NonNeg)?;
            keys.insert((from.clone(), to.clone(), product.clone()), &t, || {
                format!(
                    "(from, to, product) = ({from}, {to}, {})",
                    product.as_deref().unwrap_or("")
                )
            })?;
            if let Some(c) = cap {
                match lane_caps.get(&(from.clone(), to.clone())) {
                    Some(&(prev, line)) if prev != c => {
                        return Err(t
                            .err(
                                Some("capacity"),
                                format!(
                                    "lane {from} → {to} has capacity {c} here but {prev} on line {line}; \
                                     rows of one lane that give a capacity must give the same one"
                                ),
                            )
                            .into())
                    }
                    Some(_) => {}
                    None => {
                        lane_caps.insert((from.clone(), to.clone()), (c, t.line()));
                    }
                }
            }
            if let Some(p) = &product {
                products.insert(p.clone());
            }
            ins.execute(params![from, to, product, cost, cap, t.line() as i64])?;
            lanes.insert((from, to));
        }
    }
    Ctx::non_empty(&t)?;
    ctx.finish(&t);

    let mut t = ctx
        .open(
            "network/demand.csv",
            &[req("node_id"), req("product"), req("quantity")],
            true,
        )?
        .expect("required");
    {
        let mut keys = Keys::new();
        let mut ins = tx.prepare("INSERT INTO demand VALUES (?1, ?2, ?3)")?;
        while t.next()? {
            let node = node_ref(&t, "node_id", &nodes, Some("customer"))?;
            let product = t.text("product")?;
            keys.insert((node.clone(), product.clone()), &t, || {
                format!("(node_id, product) = ({node}, {product})")
            })?;
            ins.execute(params![node, product, t.num("quantity", Check::NonNeg)?])?;
            products.insert(product);
        }
    }
    Ctx::non_empty(&t)?;
    let demand_rows = t.rows();
    ctx.finish(&t);

    if let Some(mut t) = ctx.open(
        "network/supply.csv",
        &[req("node_id"), req("product"), req("quantity")],
        false,
    )? {
        let mut keys = Keys::new();
        let mut ins = tx.prepare("INSERT INTO supply VALUES (?1, ?2, ?3)")?;
        while t.next()? {
            let node = node_ref(&t, "node_id", &nodes, Some("supplier"))?;
            let product = t.text("product")?;
            keys.insert((node.clone(), product.clone()), &t, || {
                format!("(node_id, product) = ({node}, {product})")
            })?;
            ins.execute(params![node, product, t.num("quantity", Check::NonNeg)?])?;
            products.insert(product);
        }
        ctx.finish(&t);
    }

    if let Some(mut t) = ctx.open(
        "network/processing.csv",
        &[
            req("node_id"),
            req("input"),
            req("output"),
            req("unit_cost"),
        ],
        false,
    )? {
        let mut keys = Keys::new();
        let mut ins = tx.prepare("INSERT INTO processing VALUES (?1, ?2, ?3, ?4)")?;
        while t.next()? {
            let node = node_ref(&t, "node_id", &nodes, Some("facility"))?;
            let input = t.text("input")?;
            let output = t.text("output")?;
            if input == output {
                return Err(t
                    .err(
                        Some("output"),
                        "a process must make a product other than its input",
                    )
                    .into());
            }
            keys.insert((node.clone(), input.clone(), output.clone()), &t, || {
                format!("(node_id, input, output) = ({node}, {input}, {output})")
            })?;
            ins.execute(params![
                node,
                input,
                output,
                t.num("unit_cost", Check::NonNeg)?
            ])?;
            products.insert(input);
            products.insert(output);
        }
        ctx.finish(&t);
    }

    if let Some(mut t) = ctx.open("network/settings.csv", &[req("key"), req("value")], false)? {
        let mut keys = Keys::new();
        let mut ins = tx.prepare("INSERT INTO settings VALUES (?1, ?2)")?;
        while t.next()? {
            let key = t.one_of("key", &["integer_flows", "demand", "supply"])?;
            keys.insert(key, &t, || format!("key {key:?}"))?;
            let value = match key {
                "integer_flows" => t.one_of("value", &["true", "false"])?,
                "demand" => t.one_of("value", &["at_least", "exact"])?,
                _ => t.one_of("value", &["at_most", "exact"])?,
            };
            ins.execute(params![key, value])?;
        }
        ctx.finish(&t);
    }

    let count = |k: &str| nodes.values().filter(|v| **v == k).count() as u64;
    Ok(NetworkSummary {
        suppliers: count("supplier"),
        facilities: count("facility"),
        customers: count("customer"),
        lanes: lanes.len() as u64,
        products: products.len() as u64,
        demand_rows,
    })
}
