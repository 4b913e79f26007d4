//! What-if questions about the supply network, read into structured edits:
//! demand, supplier capacity and supply, lane costs, forbidden lanes, minimum flows,
//! "only serves", exclusive pairs, opening and closing facilities, fixed costs.

use crate::lexicon::{Kind, Linked};
use crate::plan::NetworkEdit;
use crate::signals::Text;

fn edit(op: &str) -> NetworkEdit {
    NetworkEdit {
        op: op.into(),
        node: None,
        from: None,
        to: None,
        product: None,
        scale: None,
        set: None,
        add: None,
        min: None,
        open: None,
        destinations: Vec::new(),
    }
}

fn number(w: &str) -> Option<f64> {
    w.replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
}

/// Words that say a change goes up or down ("dearer", "20% more", "0.3 off").
const UP: &[&str] = &[
    "more",
    "dearer",
    "higher",
    "up",
    "extra",
    "additional",
    "pricier",
    "costlier",
    "rise",
    "rises",
    "rose",
    "increase",
    "increases",
    "increased",
    "raise",
    "raised",
    "grow",
    "grows",
    "add",
    "adds",
    "added",
    "adding",
    "plus",
    "expensive",
];
const DOWN: &[&str] = &[
    "less",
    "cheaper",
    "lower",
    "down",
    "fewer",
    "drop",
    "drops",
    "dropped",
    "fall",
    "falls",
    "fell",
    "decrease",
    "decreases",
    "decreased",
    "cut",
    "reduce",
    "reduced",
    "shrinks",
    "off",
    "minus",
    "subtract",
    "subtracted",
    "knock",
    "save",
    "saves",
    "saving",
];

/// A relative change: "by 20%" up → 1.2, "10% cheaper" → 0.9, "half" → 0.5, "doubled" → 2.
fn scale_of(t: &Text<'_>) -> Option<f64> {
    let w = &t.words;
    let (up, down) = (t.word(UP), t.word(DOWN));
    for (i, x) in w.iter().enumerate() {
        if let Some(p) = number(x) {
            if w.get(i + 1).is_some_and(|n| *n == "%" || *n == "percent") {
                let f = p / 100.0;
                return Some(if down && !up { 1.0 - f } else { 1.0 + f });
            }
        }
    }
    if t.phrase(&["a quarter", "one quarter", "25 percent"]) {
        return Some(if down { 0.75 } else { 1.25 });
    }
    if t.phrase(&["a third", "one third"]) {
        return Some(if down { 2.0 / 3.0 } else { 4.0 / 3.0 });
    }
    // "up by half", "half as much again" are +50%; "halved", "cut by half" are ×0.5.
    if t.word(&["half"]) && up && !down && !t.word(&["halved", "halve", "halves"]) {
        return Some(1.5);
    }
    if t.word(&["half", "halved", "halve", "halves"]) {
        return Some(0.5);
    }
    if t.word(&["double", "doubled", "doubles", "twice"]) {
        return Some(2.0);
    }
    if t.word(&["triple", "tripled", "triples", "thrice"]) {
        return Some(3.0);
    }
    None
}

/// An absolute quantity or cost named in the clause: the first number not part of a percentage.
fn amount(t: &Text<'_>) -> Option<f64> {
    let w = &t.words;
    (0..w.len()).find_map(|i| {
        let x = number(w[i])?;
        let pct = w.get(i + 1).is_some_and(|n| *n == "%" || *n == "percent");
        let cents = w
            .get(i + 1)
            .is_some_and(|n| matches!(*n, "cents" | "cent" | "fen"));
        (!pct).then_some(if cents { x / 100.0 } else { x })
    })
}

/// An absolute change named in the clause: `(true, a)` adds `a` ("0.50 dearer per case",
/// "up by 200", "300 fewer"), `(false, x)` sets the value ("rises to 2.5", "at 2.00 per
/// case", "only 500 cases").
fn absolute(t: &Text<'_>) -> Option<(bool, f64)> {
    let w = &t.words;
    let i = (0..w.len()).find(|&i| {
        number(w[i]).is_some() && !w.get(i + 1).is_some_and(|n| *n == "%" || *n == "percent")
    })?;
    let mut a = number(w[i])?;
    let before = i.checked_sub(1).map(|k| w[k]);
    // "50 cents": hundredths of the currency unit the costs are in; the words after
    // the amount are those after "cents".
    let mut i = i;
    if w.get(i + 1)
        .is_some_and(|n| matches!(*n, "cents" | "cent" | "fen"))
    {
        a /= 100.0;
        i += 1;
    }
    // "is 0.3 cheaper", "gets 0.50 dearer": the word after the amount says it is a change.
    if let Some(n) = w.get(i + 1) {
        if UP.contains(n) {
            return Some((true, a));
        }
        if DOWN.contains(n) {
            return Some((true, -a));
        }
    }
    if matches!(
        before,
        Some("to" | "at" | "of" | "=" | "is" | "be" | "becomes" | "only" | "just")
    ) {
        return Some((false, a));
    }
    let near = |list: &[&str]| {
        w.get(i + 1).is_some_and(|n| list.contains(n)) || before.is_some_and(|b| list.contains(&b))
    };
    let (up, down) = (near(UP) || t.word(UP), near(DOWN) || t.word(DOWN));
    match (up, down) {
        (true, false) => Some((true, a)),
        (false, true) => Some((true, -a)),
        (true, true) if near(UP) && !near(DOWN) => Some((true, a)),
        (true, true) if near(DOWN) && !near(UP) => Some((true, -a)),
        (true, true) => None,
        (false, false) => Some((false, a)),
    }
}

/// Sets an edit's change from a relative or absolute amount; false when there is none.
fn set_change(e: &mut NetworkEdit, t: &Text<'_>) -> bool {
    if let Some(s) = scale_of(t) {
        e.scale = Some(s);
    } else if let Some((add, a)) = absolute(t) {
        if add {
            e.add = Some(a);
        } else {
            e.set = Some(a);
        }
    } else {
        return false;
    }
    true
}

/// A change with no target ("and if it were 450 instead?", "and if instead it fell by
/// 25%?"): the new value of the previous what-if's change, in an edit without an op.
pub fn bare_change(t: &Text<'_>) -> Option<NetworkEdit> {
    let mut e = edit("");
    set_change(&mut e, t).then_some(e)
}

/// Reads the edits of a what-if question. `nodes` are the node mentions in order;
/// `products` the product mentions.
pub fn parse_edits(
    t: &Text<'_>,
    linked: &Linked,
    kind_of: &dyn Fn(&str) -> Option<String>,
    all_facilities: &[String],
) -> Vec<NetworkEdit> {
    let nodes: Vec<String> = linked
        .of(Kind::Node)
        .filter(|m| m.ids.len() == 1)
        .map(|m| m.ids[0].clone())
        .collect();
    let product = linked
        .of(Kind::Product)
        .find(|m| m.ids.len() == 1)
        .map(|m| m.ids[0].clone());
    let kind = |n: &str| kind_of(n).unwrap_or_default();
    let facilities: Vec<&String> = nodes.iter().filter(|n| kind(n) == "facility").collect();
    let suppliers: Vec<&String> = nodes.iter().filter(|n| kind(n) == "supplier").collect();
    let customers: Vec<&String> = nodes.iter().filter(|n| kind(n) == "customer").collect();
    let every_store = t.phrase(&[
        "every store",
        "all stores",
        "each store",
        "every customer",
        "all customers",
        "all the stores",
        "every shop",
        "every demand",
        "all demand",
        "each demand",
        "all demands",
    ]);
    let mut out = Vec::new();

    // Exclusive pairing: "A shipped only to B, and B received only from A".
    if nodes.len() >= 2
        && t.phrase(&["only to", "ships only to", "shipped only to"])
        && t.phrase(&["only from", "received only from", "receives only from"])
    {
        let mut e = edit("exclusive_pair");
        e.from = Some(nodes[0].clone());
        e.to = Some(nodes[1].clone());
        return vec![e];
    }
    // "A only served S07, S08 and S09", "A only supplied B".
    if !nodes.is_empty()
        && t.word(&["only"])
        && t.word(&[
            "served",
            "serve",
            "serves",
            "supplied",
            "supply",
            "supplies",
            "shipped",
            "ship",
            "ships",
            "delivered",
            "deliver",
        ])
        && nodes.len() >= 2
        && !t.word(&["can", "could"])
    {
        let mut e = edit("only_serve");
        e.node = Some(nodes[0].clone());
        e.destinations = nodes[1..].to_vec();
        return vec![e];
    }
    // One lane named by its two ends: a new lane, a lost lane ("we lose the A to B lane",
    // "the A to B lane is closed"). Read before facilities, so that closing a lane out of
    // a facility never closes the facility.
    let lane_named = nodes.len() >= 2
        && t.word(&[
            "lane",
            "lanes",
            "route",
            "routes",
            "link",
            "connection",
            "corridor",
        ]);
    if lane_named {
        // "a new lane", "add a lane", "opened a new … lane": the verb shortly before the lane word.
        let new_lane = t.words.iter().enumerate().any(|(i, x)| {
            matches!(*x, "lane" | "route" | "link" | "connection" | "corridor")
                && t.words[i.saturating_sub(3)..i].iter().any(|v| {
                    matches!(
                        *v,
                        "new"
                            | "add"
                            | "added"
                            | "adding"
                            | "open"
                            | "opened"
                            | "opening"
                            | "create"
                            | "created"
                            | "introduce"
                            | "introduced"
                            | "build"
                            | "built"
                            | "extra"
                            | "additional"
                    )
                })
        });
        let lost = t.word(&[
            "lose",
            "lost",
            "loses",
            "losing",
            "close",
            "closed",
            "closes",
            "closing",
            "shut",
            "remove",
            "removed",
            "removing",
            "blocked",
            "unavailable",
            "gone",
            "disappears",
            "disappear",
            "scrap",
            "scrapped",
            "cancel",
            "cancelled",
            "canceled",
            "suspended",
            "without",
        ]) || t.phrase(&[
            "no longer",
            "not available",
            "out of action",
            "out of service",
            "can't be used",
            "cannot be used",
            "can not be used",
            "can't use",
            "cannot use",
            "out of use",
        ]) || t.word(&["unusable", "anymore"]);
        if new_lane && !lost {
            let mut e = edit("lane_cost");
            e.from = Some(nodes[0].clone());
            e.to = Some(nodes[1].clone());
            e.product = product.clone();
            return match absolute(t) {
                Some((false, a)) => {
                    e.set = Some(a);
                    vec![e]
                }
                // A new lane needs its cost per unit.
                _ => Vec::new(),
            };
        }
        if lost && scale_of(t).is_none() && amount(t).is_none() {
            let mut e = edit("forbid_lane");
            e.from = Some(nodes[0].clone());
            e.to = Some(nodes[1].clone());
            e.product = product.clone();
            return vec![e];
        }
    }
    // A supplier that stops shipping: its capacity is zero.
    if let Some(s) = suppliers.first() {
        let stops = t.word(&[
            "stop", "stops", "stopped", "stopping", "halt", "halts", "halted", "cease", "ceases",
            "ceased", "bankrupt", "lose", "lost", "loses",
        ]) || t.phrase(&[
            "no longer",
            "goes bust",
            "went bust",
            "shuts down",
            "shut down",
        ]);
        if stops && scale_of(t).is_none() && amount(t).is_none() && product.is_none() {
            let mut e = edit("supplier_capacity");
            e.node = Some(s.to_string());
            e.set = Some(0.0);
            return vec![e];
        }
    }
    // Facilities opened or closed.
    let close = t.word(&[
        "close",
        "closed",
        "closes",
        "closing",
        "shut",
        "shutdown",
        "decommission",
    ]);
    // "keep Central Packing running as well"
    let open = t.phrase(&["keep open", "stay open", "remain open", "kept open"])
        || (t.word(&["keep", "kept", "keeping"])
            && t.word(&["running", "operating", "open", "going"]))
        || (t.word(&["open", "reopen", "opened"]) && !close);
    if (close || open) && !t.phrase(&["fixed cost"]) {
        let targets: Vec<String> = if facilities.is_empty()
            && t.phrase(&[
                "all three",
                "all facilities",
                "every facility",
                "all plants",
                "all the",
                "every plant",
                "all packing",
                "all centres",
                "all centers",
            ]) {
            let named: Vec<String> = linked
                .of(Kind::Node)
                .flat_map(|m| m.ids.clone())
                .filter(|n| kind(n) == "facility")
                .collect();
            if named.is_empty() {
                all_facilities.to_vec()
            } else {
                named
            }
        } else {
            facilities.iter().map(|s| s.to_string()).collect()
        };
        for f in targets {
            let mut e = edit("facility");
            e.node = Some(f);
            e.open = Some(!close);
            out.push(e);
        }
        if !out.is_empty() {
            return out;
        }
    }
    // Fixed cost of a facility.
    if (t.phrase(&["fixed cost", "running cost", "cost of running", "running"])
        || t.word(&["running"]))
        && facilities.len() == 1
    {
        let mut e = edit("fixed_cost");
        e.node = Some(facilities[0].clone());
        if let Some(s) = scale_of(t).filter(|_| !t.phrase(&["cost to", "costs to"])) {
            e.scale = Some(s);
        } else if !set_change(&mut e, t) {
            return Vec::new();
        }
        return vec![e];
    }
    // Minimum flow on a lane: "at least 100 cases from A to B".
    if nodes.len() >= 2 && t.phrase(&["at least", "minimum of", "no less than"]) {
        if let Some(a) = amount(t) {
            let mut e = edit("min_flow");
            e.from = Some(nodes[0].clone());
            e.to = Some(nodes[1].clone());
            e.product = product.clone();
            e.min = Some(a);
            return vec![e];
        }
    }
    // A forbidden lane: "no longer use the lane from A to B", "what if we didn't",
    // "South Packing stopped shipping green tea to Southport".
    // (exact words: typo tolerance would read "costs" and "stops" alike)
    let stops_serving = t.words.iter().any(|w| {
        matches!(
            *w,
            "stop" | "stops" | "stopped" | "stopping" | "ceased" | "ceases"
        )
    }) && t.words.iter().any(|w| {
        matches!(
            *w,
            "shipping"
                | "supplying"
                | "serving"
                | "delivering"
                | "sending"
                | "ship"
                | "supply"
                | "serve"
                | "deliver"
        )
    });
    if nodes.len() >= 2
        && (stops_serving
            || t.phrase(&[
                "no longer",
                "can't use",
                "cannot use",
                "can not use",
                "not use",
                "didn't",
                "did not",
                "stop using",
                "ban",
                "forbid",
                "without the lane",
                "drop the lane",
                "lose the lane",
                "close the lane",
            ])
            || t.word(&["forbidden", "banned", "unavailable"]))
    {
        let mut e = edit("forbid_lane");
        e.from = Some(nodes[0].clone());
        e.to = Some(nodes[1].clone());
        e.product = product.clone();
        return vec![e];
    }
    // Lane costs: one lane, or every lane out of / into a node.
    let lane_words = t.word(&[
        "lane",
        "lanes",
        "shipping",
        "shipment",
        "shipments",
        "deliveries",
        "delivery",
        "transport",
        "freight",
        "route",
    ]) || t.phrase(&["per case", "per unit", "a case"])
        // "everything shipped out of Harbour Imports costs 20% more"
        || (t.word(&["ship", "ships", "shipped", "sent", "send", "sends", "moved", "carried"])
            && (t.word(&["dearer", "cheaper", "pricier", "costlier", "expensive"])
                || t.words.iter().enumerate().any(|(k, x)| {
                    matches!(*x, "cost" | "costs" | "costing" | "price" | "rate")
                        && t.words[k + 1..(k + 4).min(t.words.len())].iter().any(|y| {
                            matches!(*y, "more" | "less" | "%" | "twice" | "double" | "half" | "extra")
                        })
                })));
    if lane_words && !nodes.is_empty() {
        let mut e = edit("lane_cost");
        if nodes.len() >= 2 {
            e.from = Some(nodes[0].clone());
            e.to = Some(nodes[1].clone());
        } else if t.word(&["into", "to"])
            && t.phrase(&["into", "deliveries to", "shipments to", "deliveries into"])
        {
            e.from = Some("*".into());
            e.to = Some(nodes[0].clone());
        } else {
            e.from = Some(nodes[0].clone());
            e.to = Some("*".into());
        }
        e.product = product.clone();
        if !set_change(&mut e, t) {
            return Vec::new();
        }
        return vec![e];
    }
    // Supplier capacity or supply of one product.
    if let Some(s) = suppliers.first() {
        let mut e = edit(if product.is_some() {
            "supply"
        } else {
            "supplier_capacity"
        });
        e.node = Some(s.to_string());
        e.product = product.clone();
        if let Some(x) = scale_of(t).filter(|_| {
            !(t.phrase(&["at most", "only"]) && amount(t).is_some()) || t.word(&["half", "halved"])
        }) {
            e.scale = Some(x);
        } else if let Some((add, a)) = absolute(t) {
            if add {
                e.add = Some(a);
            } else {
                e.set = Some(a);
            }
        } else {
            return Vec::new();
        }
        // "Darjeeling Estate and Assam Estate both lose half their capacity": each of them.
        return suppliers
            .iter()
            .map(|s| NetworkEdit {
                node: Some(s.to_string()),
                ..e.clone()
            })
            .collect();
    }
    // Demand at a customer (or every customer).
    let demand_words = t.word(&[
        "demand", "needed", "need", "needs", "orders", "ordering", "order", "ordered", "require",
        "requires", "required", "sales", "wants", "want", "wanted", "buys", "buy", "bought",
    ]);
    if demand_words && (!customers.is_empty() || every_store || t.word(&["demand"])) {
        let targets: Vec<String> = if customers.is_empty() {
            vec!["*".into()]
        } else {
            customers.iter().map(|s| s.to_string()).collect()
        };
        for c in targets {
            let mut e = edit("demand");
            e.node = Some(c);
            e.product = product.clone();
            if t.phrase(&[
                "stops ordering",
                "stop ordering",
                "stopped ordering",
                "no longer orders",
                "no demand",
                "zero demand",
            ]) {
                e.set = Some(0.0);
            } else if (t.word(&["more", "extra", "additional"])
                || (t.word(&["by"])
                    && t.word(&[
                        "up",
                        "rise",
                        "rises",
                        "increase",
                        "increases",
                        "grows",
                        "down",
                        "drop",
                        "drops",
                        "falls",
                        "decrease",
                        "decreases",
                    ])))
                && amount(t).is_some()
                && !t.lower.contains('%')
            {
                let down = t.word(&[
                    "down",
                    "drop",
                    "drops",
                    "falls",
                    "decrease",
                    "decreases",
                    "fewer",
                    "less",
                ]);
                e.add = amount(t).map(|a| if down { -a } else { a });
            } else if let Some(x) = scale_of(t) {
                e.scale = Some(x);
            } else if let Some(a) = amount(t) {
                e.set = Some(a);
            } else {
                continue;
            }
            out.push(e);
        }
    }
    out
}
