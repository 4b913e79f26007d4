//! What-ifs: only the lines an edit touches change.

use abacus_inventory::{what_if, Edit, Scope};

use crate::plan::{input, settings};

fn inputs() -> Vec<abacus_inventory::PlanInput> {
    let mut a = input(0.0);
    a.sku = "SKU-A".into();
    let mut b = input(0.0);
    b.sku = "SKU-B".into();
    b.category = "Drinks".into();
    b.supplier_id = "SUP-2".into();
    let mut c = input(0.0);
    c.sku = "SKU-C".into();
    c.location = "WH-B".into();
    vec![a, b, c]
}

#[test]
fn scale_a_category() {
    let w = what_if(
        &inputs(),
        &settings(),
        &[Edit::ScaleDemand {
            scope: Scope::Category("drinks".into()),
            factor: 1.5,
        }],
    )
    .unwrap();
    assert_eq!(w.changes.len(), 1);
    let c = &w.changes[0];
    assert_eq!(c.scenario.sku, "SKU-B");
    // μ and σ scale by 1.5: lead-time demand sd scales by 1.5 too.
    crate::close(c.scenario.mu, 15.0, 1e-15);
    crate::close(c.scenario.ltd_sd, 1.5 * c.baseline.ltd_sd, 1e-13);
    crate::close(c.scenario.eoq, 1.5f64.sqrt() * c.baseline.eoq, 1e-13);
}

#[test]
fn scale_a_location_and_a_sku() {
    let w = what_if(
        &inputs(),
        &settings(),
        &[Edit::ScaleDemand {
            scope: Scope::Location("WH-B".into()),
            factor: 2.0,
        }],
    )
    .unwrap();
    assert_eq!(
        w.changes
            .iter()
            .map(|c| c.scenario.sku.as_str())
            .collect::<Vec<_>>(),
        ["SKU-C"]
    );
    let w = what_if(
        &inputs(),
        &settings(),
        &[Edit::ScaleDemand {
            scope: Scope::Sku("SKU-A".into()),
            factor: 0.5,
        }],
    )
    .unwrap();
    assert_eq!(
        w.changes
            .iter()
            .map(|c| c.scenario.sku.as_str())
            .collect::<Vec<_>>(),
        ["SKU-A"]
    );
    let w = what_if(
        &inputs(),
        &settings(),
        &[Edit::ScaleDemand {
            scope: Scope::All,
            factor: 1.0,
        }],
    )
    .unwrap();
    assert!(w.changes.is_empty());
}

#[test]
fn supplier_lead_time() {
    let w = what_if(
        &inputs(),
        &settings(),
        &[Edit::LeadTime {
            supplier_id: "SUP-1".into(),
            mean_days: 45.0,
            sd_days: Some(0.0),
        }],
    )
    .unwrap();
    assert_eq!(w.changes.len(), 2);
    for c in &w.changes {
        // L = 45, σ_L = 0: mean 450, sd 4√45.
        crate::close(c.scenario.ltd_mean, 450.0, 1e-15);
        crate::close(c.scenario.ltd_sd, 4.0 * 45f64.sqrt(), 1e-14);
        assert_eq!(
            c.scenario.order.as_ref().unwrap().arrival,
            crate::plan::d("2026-08-14")
        );
    }
}

#[test]
fn service_level() {
    let w = what_if(
        &inputs(),
        &settings(),
        &[Edit::ServiceLevel {
            scope: Scope::All,
            level: 0.99,
        }],
    )
    .unwrap();
    assert_eq!(w.changes.len(), 3);
    for c in &w.changes {
        crate::close(c.scenario.z, 2.3263478740408408, 1e-12);
    }
    assert!(what_if(
        &inputs(),
        &settings(),
        &[Edit::ServiceLevel {
            scope: Scope::All,
            level: 1.0
        }]
    )
    .is_err());
    assert!(what_if(
        &inputs(),
        &settings(),
        &[Edit::ScaleDemand {
            scope: Scope::All,
            factor: -1.0
        }]
    )
    .is_err());
}
