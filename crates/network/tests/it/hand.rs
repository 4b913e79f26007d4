//! Networks small enough to solve by hand; each expected optimum is worked out
//! in the comment above its test (not taken from the engine).

use abacus_network::{optimize, Constraint, Network, NodeKind::*, Outcome, Settings, SolveOptions};

use crate::{assert_close, lane, node, qty, recipe, solve};

/// Transportation: S1 (cap 50), S2 (cap 50) → C1 30, C2 40, C3 20.
/// Costs S1: 1, 3, 4; S2: 2, 1, 3.
pub(crate) fn transport() -> Network {
    Network {
        nodes: vec![
            node("S1", Supplier, Some(50.0), None),
            node("S2", Supplier, Some(50.0), None),
            node("C1", Customer, None, None),
            node("C2", Customer, None, None),
            node("C3", Customer, None, None),
        ],
        lanes: vec![
            lane("S1", "C1", None, 1.0, None),
            lane("S1", "C2", None, 3.0, None),
            lane("S1", "C3", None, 4.0, None),
            lane("S2", "C1", None, 2.0, None),
            lane("S2", "C2", None, 1.0, None),
            lane("S2", "C3", None, 3.0, None),
        ],
        demand: vec![
            qty("C1", "p", 30.0),
            qty("C2", "p", 40.0),
            qty("C3", "p", 20.0),
        ],
        ..Default::default()
    }
}

/// Each customer's cheapest source: C1←S1, C2←S2, C3←S2; S2 holds only 50, and
/// C2 saves 2 per unit on S2 against 1 for C3, so S2 = C2 40 + C3 10 and S1 =
/// C1 30 + C3 10: 30 + 40 + 30 + 40 = 140.
#[test]
fn transportation_optimum_and_duals() {
    let p = solve(&transport());
    assert_close(p.total_cost, 140.0);
    assert_close(p.lane_cost, 140.0);
    assert_eq!(p.flow("S2", "C2", "p"), 40.0);
    assert_eq!(p.flow("S2", "C3", "p"), 10.0);
    assert_eq!(p.flow("S1", "C3", "p"), 10.0);
    assert_eq!(p.flow("S1", "C1", "p"), 30.0);
    // One more unit at S2 moves a C3 unit off S1: saves 1. One more unit of C3 comes from S1: costs 4.
    let price = |f: &dyn Fn(&Constraint) -> bool| {
        p.binding
            .iter()
            .find(|b| f(&b.constraint))
            .and_then(|b| b.shadow_price)
    };
    assert_close(
        price(&|c| matches!(c, Constraint::SupplierCapacity { node, .. } if node == "S2")).unwrap(),
        -1.0,
    );
    assert_close(
        price(&|c| matches!(c, Constraint::Demand { node, .. } if node == "C3")).unwrap(),
        4.0,
    );
    assert!(!p.binding.iter().any(
        |b| matches!(&b.constraint, Constraint::SupplierCapacity { node, .. } if node == "S1")
    ));
}

/// Raw from R to F1 (lane 2, cap 25) or F2 (lane 1); F1 makes good for 3, F2 for
/// 5; F2 can pass raw to F1 for 1.5; both ship to C for 1; C needs 40 good; F1
/// ships at most 30. Paths: R→F1 6, R→F2→F1 6.5, R→F2 7. F1 takes 25 direct +
/// 5 via F2, F2 makes the other 10: 150 + 32.5 + 70 = 252.5.
pub(crate) fn transship() -> Network {
    Network {
        nodes: vec![
            node("R", Supplier, None, None),
            node("F1", Facility, Some(30.0), None),
            node("F2", Facility, None, None),
            node("C", Customer, None, None),
        ],
        lanes: vec![
            lane("R", "F1", Some("raw"), 2.0, Some(25.0)),
            lane("R", "F2", Some("raw"), 1.0, None),
            lane("F2", "F1", Some("raw"), 1.5, None),
            lane("F1", "C", None, 1.0, None),
            lane("F2", "C", None, 1.0, None),
        ],
        demand: vec![qty("C", "good", 40.0)],
        processing: vec![
            recipe("F1", "raw", "good", 3.0),
            recipe("F2", "raw", "good", 5.0),
        ],
        ..Default::default()
    }
}

#[test]
fn transshipment_with_processing() {
    let p = solve(&transship());
    assert_close(p.total_cost, 252.5);
    assert_eq!(p.flow("R", "F1", "raw"), 25.0);
    assert_eq!(p.flow("F2", "F1", "raw"), 5.0);
    assert_eq!(p.flow("F1", "C", "good"), 30.0);
    assert_eq!(p.flow("F2", "C", "good"), 10.0);
    assert_close(p.processing_cost, 30.0 * 3.0 + 10.0 * 5.0);
    assert!(p
        .binding
        .iter()
        .any(|b| matches!(&b.constraint, Constraint::LaneCapacity { from, .. } if from == "R")));
    assert!(p.binding.iter().any(
        |b| matches!(&b.constraint, Constraint::FacilityCapacity { node, .. } if node == "F1")
    ));
}

/// R → A (fixed 100) or B (fixed 60), each cap 60, lanes from R cost 1;
/// A→C1 1, A→C2 2, B→C1 3, B→C2 1; C1 and C2 need 30 each.
/// A only: 100 + 60 + 90 = 250; B only: 60 + 120 + 60 = 240; both: 160 + 120 = 280.
pub(crate) fn location() -> Network {
    Network {
        nodes: vec![
            node("R", Supplier, None, None),
            node("A", Facility, Some(60.0), Some(100.0)),
            node("B", Facility, Some(60.0), Some(60.0)),
            node("C1", Customer, None, None),
            node("C2", Customer, None, None),
        ],
        lanes: vec![
            lane("R", "A", None, 1.0, None),
            lane("R", "B", None, 1.0, None),
            lane("A", "C1", None, 1.0, None),
            lane("A", "C2", None, 2.0, None),
            lane("B", "C1", None, 3.0, None),
            lane("B", "C2", None, 1.0, None),
        ],
        demand: vec![qty("C1", "p", 30.0), qty("C2", "p", 30.0)],
        ..Default::default()
    }
}

#[test]
fn facility_location_with_fixed_costs() {
    let p = solve(&location());
    assert_close(p.total_cost, 240.0);
    assert_close(p.fixed_cost, 60.0);
    assert_eq!(p.open_facilities(), vec!["B"]);
    // With capacity 50 each, both must open: 280.
    let mut n = location();
    for x in &mut n.nodes[1..3] {
        x.capacity = Some(50.0);
    }
    let p = solve(&n);
    assert_close(p.total_cost, 280.0);
    assert_eq!(p.open_facilities(), vec!["A", "B"]);
}

/// One lane at 2 per unit and a demand of 38.7: whole units need 39 (78);
/// continuous flows 38.7 (77.4).
#[test]
fn integer_versus_continuous_flows() {
    let mut n = Network {
        nodes: vec![
            node("S", Supplier, None, None),
            node("C", Customer, None, None),
        ],
        lanes: vec![lane("S", "C", None, 2.0, None)],
        demand: vec![qty("C", "p", 38.7)],
        ..Default::default()
    };
    let p = solve(&n);
    assert_eq!(p.flow("S", "C", "p"), 39.0);
    assert_close(p.total_cost, 78.0);
    n.settings = Settings {
        integer_flows: false,
        ..Settings::default()
    };
    let p = solve(&n);
    assert_close(p.flow("S", "C", "p"), 38.7);
    assert_close(p.total_cost, 77.4);
}

/// Supplier S ships only product a (its one supply row, 10); T ships anything,
/// a at 2 (generic row) and b at 3 (product row). C needs 5 a and 5 b:
/// a from S (5), b from T (15) = 20.
pub(crate) fn products() -> Network {
    Network {
        nodes: vec![
            node("S", Supplier, None, None),
            node("T", Supplier, None, None),
            node("C", Customer, None, None),
        ],
        lanes: vec![
            lane("S", "C", None, 1.0, None),
            lane("T", "C", None, 2.0, None),
            lane("T", "C", Some("b"), 3.0, None),
        ],
        demand: vec![qty("C", "a", 5.0), qty("C", "b", 5.0)],
        supply: vec![qty("S", "a", 10.0)],
        ..Default::default()
    }
}

#[test]
fn supply_rows_and_product_overrides() {
    let p = solve(&products());
    assert_close(p.total_cost, 20.0);
    assert_eq!(p.flow("S", "C", "b"), 0.0);
    assert_eq!(p.flow("T", "C", "b"), 5.0);
}

/// Exact demand: C1 needs exactly 30, so forcing 40 on S1→C1 is infeasible;
/// with "at least" the 10 extra units cost 10: 150.
#[test]
fn exact_demand_versus_at_least() {
    use abacus_network::{what_if, Edit};
    let force = [Edit::MinFlow {
        from: "S1".into(),
        to: "C1".into(),
        product: None,
        min: 40.0,
    }];
    let w = what_if(&transport(), &force, &SolveOptions::default()).unwrap();
    // S1 now carries C1 40 + C3 10: 40 + 40 + 40 + 30 = 150.
    assert_close(w.scenario.cost().unwrap(), 150.0);
    let mut exact = transport();
    exact.settings.demand_exact = true;
    let w = what_if(&exact, &force, &SolveOptions::default()).unwrap();
    let Outcome::Infeasible(i) = &w.scenario else {
        panic!("expected infeasible")
    };
    assert!(i.reason.contains("S1 → C1"), "{}", i.reason);
}

/// Exact supply: S must ship all 10 a although C needs 5: 10 + 15 = 25.
#[test]
fn exact_supply_ships_everything() {
    let mut n = products();
    n.settings.supply_exact = true;
    let p = solve(&n);
    assert_eq!(p.flow("S", "C", "a"), 10.0);
    assert_close(p.total_cost, 25.0);
}

/// Total capacity 80 against demand 90: short by 10, both capacities exhausted.
#[test]
fn infeasible_capacity_names_the_shortage() {
    let mut n = transport();
    n.nodes[1].capacity = Some(30.0);
    let out = optimize(&n, &SolveOptions::default()).unwrap();
    let Outcome::Infeasible(i) = out else {
        panic!("expected infeasible")
    };
    assert_close(i.total_short, 10.0);
    assert!(i
        .limits
        .iter()
        .any(|c| matches!(c, Constraint::SupplierCapacity { node, .. } if node == "S1")));
    assert!(i
        .limits
        .iter()
        .any(|c| matches!(c, Constraint::SupplierCapacity { node, .. } if node == "S2")));
    assert!(
        i.reason.starts_with("no plan meets all requirements"),
        "{}",
        i.reason
    );
}

/// A customer no lane reaches: its whole demand is reported short.
#[test]
fn infeasible_unreachable_customer() {
    let mut n = transport();
    n.nodes.push(node("C4", Customer, None, None));
    n.demand.push(qty("C4", "p", 5.0));
    let Outcome::Infeasible(i) = optimize(&n, &SolveOptions::default()).unwrap() else {
        panic!("expected infeasible")
    };
    assert_eq!(i.shortfalls.len(), 1);
    assert_eq!(i.shortfalls[0].achieved, 0.0);
    assert!(
        i.reason.contains("C4 can get only 0 of its 5 p"),
        "{}",
        i.reason
    );
}

#[test]
fn mps_export_has_every_column_and_row() {
    let mps = abacus_network::to_mps(&location()).unwrap();
    assert!(mps.starts_with("NAME"));
    assert!(mps.contains("'INTORG'") && mps.trim_end().ends_with("ENDATA"));
}
