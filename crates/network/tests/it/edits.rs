//! Every edit kind on the hand-solved networks of `hand.rs`, with the new
//! optimum worked out by hand in each comment, plus edit errors.

use abacus_network::{
    apply_all, what_if, Change, Edit, Error, Network, Outcome, SolveOptions, Target,
};

use crate::assert_close;
use crate::hand::{location, products, transport};

fn n(s: &str) -> Target {
    Target::Node(s.to_string())
}

fn cost(net: &Network, edits: &[Edit]) -> Option<f64> {
    what_if(net, edits, &SolveOptions::default())
        .unwrap()
        .scenario
        .cost()
}

fn check(net: &Network, edits: &[Edit], want: Option<f64>) {
    match (cost(net, edits), want) {
        (Some(g), Some(w)) => assert_close(g, w),
        (g, w) => assert_eq!(g, w, "{edits:?}"),
    }
}

fn demand(node: Target, product: Option<&str>, change: Change) -> Edit {
    Edit::Demand {
        node,
        product: product.map(str::to_string),
        change,
    }
}

fn lane_cost(from: Target, to: Target, product: Option<&str>, change: Change) -> Edit {
    Edit::LaneCost {
        from,
        to,
        product: product.map(str::to_string),
        change,
    }
}

#[test]
fn demand_edits() {
    let t = transport();
    // C3 = 10: S2 carries C2 40 + C3 10: 30 + 40 + 30 = 100.
    check(&t, &[demand(n("C3"), None, Change::Set(10.0))], Some(100.0));
    // Halved: C1 15, C2 20, C3 10, all at their cheapest source: 15 + 20 + 30 = 65.
    check(
        &t,
        &[demand(Target::All, None, Change::Scale(0.5))],
        Some(65.0),
    );
    // +10 everywhere: 120 against capacity 100: infeasible, 20 short.
    let w = what_if(
        &t,
        &[demand(Target::All, None, Change::Add(10.0))],
        &SolveOptions::default(),
    )
    .unwrap();
    let Outcome::Infeasible(i) = &w.scenario else {
        panic!("expected infeasible")
    };
    assert_close(i.total_short, 20.0);
    assert_eq!(w.change, None);
    // Scaled quantities are exact decimals: 100 × 1.07 = 107.
    let mut t2 = t.clone();
    t2.demand[0].quantity = 100.0;
    let e = apply_all(&t2, &[demand(n("C1"), Some("p"), Change::Scale(1.07))]).unwrap();
    assert_eq!(e.demand[0].quantity, 107.0);
}

#[test]
fn capacity_and_supply_edits() {
    let t = transport();
    // S2 at 60 serves C2 and C3 fully: 30 + 40 + 60 = 130.
    check(
        &t,
        &[Edit::Capacity {
            node: "S2".into(),
            change: Change::Set(60.0),
        }],
        Some(130.0),
    );
    // S1 at 25: 75 < 90, infeasible.
    check(
        &t,
        &[Edit::Capacity {
            node: "S1".into(),
            change: Change::Scale(0.5),
        }],
        None,
    );
    let p = products();
    // S may now ship b (row of 10): both products from S at 1: 10.
    check(
        &p,
        &[Edit::Supply {
            node: "S".into(),
            product: "b".into(),
            change: Change::Set(10.0),
        }],
        Some(10.0),
    );
    // S's a drops to 4: 4 from S + 1 from T at 2 + b 15 = 21.
    check(
        &p,
        &[Edit::Supply {
            node: "S".into(),
            product: "a".into(),
            change: Change::Scale(0.4),
        }],
        Some(21.0),
    );
}

#[test]
fn lane_cost_edits() {
    let t = transport();
    // S1→C3 at 2 beats S2's 3: C3 all from S1 (S1 = 30 + 20 = 50): 30 + 40 + 40 = 110.
    check(
        &t,
        &[lane_cost(n("S1"), n("C3"), None, Change::Set(2.0))],
        Some(110.0),
    );
    // Every lane out of S1 +1 (2, 4, 5): S2 takes C2 40 + C3 10; S1 C1 30 @2 + C3 10 @5: 40 + 30 + 60 + 50 = 180.
    check(
        &t,
        &[lane_cost(n("S1"), Target::All, None, Change::Add(1.0))],
        Some(180.0),
    );
    // Every lane into C3 doubled (S1 8, S2 6): S2's 50 on C2 40 + C3 10 (or any tie): 30 + 40 + 60 + 80 = 210.
    check(
        &t,
        &[lane_cost(Target::All, n("C3"), None, Change::Scale(2.0))],
        Some(210.0),
    );
    // Product b on T→C (override row) at 1.5: a 5 from S + b 7.5 = 12.5.
    let p = products();
    check(
        &p,
        &[lane_cost(n("T"), n("C"), Some("b"), Change::Set(1.5))],
        Some(12.5),
    );
    // Product a on T→C has no row: raising it adds an override from the generic 2, leaving b at 3.
    let e = apply_all(
        &p,
        &[lane_cost(n("T"), n("C"), Some("a"), Change::Add(0.5))],
    )
    .unwrap();
    assert!(e
        .lanes
        .iter()
        .any(|l| l.from == "T" && l.product.as_deref() == Some("a") && l.unit_cost == 2.5));
    // Setting the cost of a lane that does not exist adds it (uncapacitated).
    let mut u = t.clone();
    u.nodes.push(crate::node(
        "C4",
        abacus_network::NodeKind::Customer,
        None,
        None,
    ));
    u.demand.push(crate::qty("C4", "p", 5.0));
    u.nodes[1].capacity = Some(60.0);
    // C4 is reachable only through the new lane. With S2 at 60, S2 serves C2 and
    // C3 (100), S1 serves C1 (30) and C4 over the new lane (5 × 2): 140.
    check(&u, &[], None);
    check(
        &u,
        &[lane_cost(n("S1"), n("C4"), None, Change::Set(2.0))],
        Some(140.0),
    );
    // Scaling a missing lane is an error naming it.
    let err = apply_all(&u, &[lane_cost(n("S2"), n("C4"), None, Change::Scale(2.0))]).unwrap_err();
    assert_eq!(err, Error::UnknownLane("S2 → C4".into()));
}

#[test]
fn lane_rule_edits() {
    let t = transport();
    // No S2→C2: S1 carries C2 40 + C1 10, S2 C1 20 + C3 20: 120 + 10 + 40 + 60 = 230.
    check(
        &t,
        &[Edit::ForbidLane {
            from: n("S2"),
            to: n("C2"),
            product: None,
        }],
        Some(230.0),
    );
    // At least 15 on S1→C3 (baseline 10): +5 × (4 − 3) = 145.
    check(
        &t,
        &[Edit::MinFlow {
            from: "S1".into(),
            to: "C3".into(),
            product: None,
            min: 15.0,
        }],
        Some(145.0),
    );
    // S2 serves only C2: S1 takes C1 30 + C3 20: 30 + 40 + 80 = 150.
    check(
        &t,
        &[Edit::OnlyServe {
            node: "S2".into(),
            destinations: vec!["C2".into()],
        }],
        Some(150.0),
    );
    // S1 ↔ C1 exclusive with S2 at 60: S1→C1 30, S2 → C2, C3: 30 + 40 + 60 = 130.
    let cap = Edit::Capacity {
        node: "S2".into(),
        change: Change::Set(60.0),
    };
    check(
        &t,
        &[
            cap,
            Edit::ExclusivePair {
                from: "S1".into(),
                to: "C1".into(),
            },
        ],
        Some(130.0),
    );
    // ... without the extra capacity S2 must carry 60: infeasible.
    check(
        &t,
        &[Edit::ExclusivePair {
            from: "S1".into(),
            to: "C1".into(),
        }],
        None,
    );
    // Forbid only product a on S→C: a comes from T at 2: 10 + 15 = 25.
    let p = products();
    check(
        &p,
        &[Edit::ForbidLane {
            from: n("S"),
            to: n("C"),
            product: Some("a".into()),
        }],
        Some(25.0),
    );
}

#[test]
fn facility_edits() {
    let l = location();
    // Baseline B only (240). Close B: A only, 250. Force A open: A only (250)
    // beats A and B (280). Force both open: 280.
    check(
        &l,
        &[Edit::Facility {
            node: "B".into(),
            open: false,
        }],
        Some(250.0),
    );
    check(
        &l,
        &[Edit::Facility {
            node: "A".into(),
            open: true,
        }],
        Some(250.0),
    );
    let both_open = [
        Edit::Facility {
            node: "A".into(),
            open: true,
        },
        Edit::Facility {
            node: "B".into(),
            open: true,
        },
    ];
    check(&l, &both_open, Some(280.0));
    // B's fixed cost doubled (120): B only 300, A only 250, both 340: A only.
    let w = what_if(
        &l,
        &[Edit::FixedCost {
            node: "B".into(),
            change: Change::Scale(2.0),
        }],
        &SolveOptions::default(),
    )
    .unwrap();
    assert_close(w.scenario.cost().unwrap(), 250.0);
    assert_close(w.change.unwrap(), 10.0);
    assert_eq!(w.facility_changes.len(), 2);
    assert!(w
        .flow_changes
        .iter()
        .any(|c| c.from == "A" && c.to == "C1" && c.before == 0.0 && c.after == 30.0));
    // Both closed: infeasible, and the reason lists the closed facilities.
    let both = [
        Edit::Facility {
            node: "A".into(),
            open: false,
        },
        Edit::Facility {
            node: "B".into(),
            open: false,
        },
    ];
    let w = what_if(&l, &both, &SolveOptions::default()).unwrap();
    let Outcome::Infeasible(i) = &w.scenario else {
        panic!("expected infeasible")
    };
    assert_eq!(i.closed, vec!["A".to_string(), "B".to_string()]);
    assert_close(i.total_short, 60.0);
}

#[test]
fn edits_name_unknown_entities() {
    let t = transport();
    let e = |edit: Edit| apply_all(&t, &[edit]).unwrap_err();
    assert_eq!(
        e(demand(n("C9"), None, Change::Scale(2.0))),
        Error::UnknownNode("C9".into())
    );
    assert_eq!(
        e(demand(n("C1"), Some("tea"), Change::Scale(2.0))),
        Error::UnknownProduct("tea".into())
    );
    assert_eq!(
        e(Edit::ForbidLane {
            from: n("S1"),
            to: n("S2"),
            product: None
        }),
        Error::UnknownLane("S1 → S2".into())
    );
    assert_eq!(
        e(Edit::MinFlow {
            from: "C1".into(),
            to: "C2".into(),
            product: None,
            min: 1.0
        }),
        Error::UnknownLane("C1 → C2".into())
    );
    assert!(matches!(
        e(Edit::Facility {
            node: "S1".into(),
            open: false
        }),
        Error::WrongKind { .. }
    ));
    assert!(matches!(
        e(demand(n("S1"), None, Change::Scale(2.0))),
        Error::WrongKind { .. }
    ));
    assert!(matches!(
        e(Edit::Capacity {
            node: "C1".into(),
            change: Change::Set(1.0)
        }),
        Error::WrongKind { .. }
    ));
    assert!(matches!(
        e(demand(n("C1"), None, Change::Scale(-1.0))),
        Error::Invalid(_)
    ));
    // Display names resolve too.
    let mut named = t.clone();
    named.nodes[0].name = Some("North Farm".into());
    let ok = apply_all(
        &named,
        &[Edit::Capacity {
            node: "north farm".into(),
            change: Change::Set(10.0),
        }],
    )
    .unwrap();
    assert_eq!(ok.nodes[0].capacity, Some(10.0));
}
