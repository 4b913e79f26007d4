//! A plan line checked figure by figure against hand computation.

use abacus_core::Date;
use abacus_inventory::{
    plan_all, plan_line, ItemParams, LeadTime, OpenPo, PlanInput, PlanSettings, RiskMethod,
};

use crate::close;

pub(crate) fn d(s: &str) -> Date {
    abacus_core::date::parse_iso_date(s).unwrap()
}

/// μ = 10/day flat, σ = 4, L = 9 ± 2 days, α = 0.95, unit cost 40, h-rate 0.25,
/// K = 300, packs of 24; open orders: 50 overdue, 30 on day 5, 40 on day 40.
pub(crate) fn input(on_hand: f64) -> PlanInput {
    PlanInput {
        sku: "SKU-1".into(),
        location: "WH-A".into(),
        category: "Snacks".into(),
        supplier_id: "SUP-1".into(),
        on_hand,
        open_pos: vec![
            OpenPo {
                expected: d("2026-06-27"),
                qty: 50.0,
            },
            OpenPo {
                expected: d("2026-07-05"),
                qty: 30.0,
            },
            OpenPo {
                expected: d("2026-08-09"),
                qty: 40.0,
            },
        ],
        item: ItemParams {
            unit_cost: 40.0,
            pack_size: 24,
            moq: 0,
            order_cost: 300.0,
            holding_cost_rate: 0.25,
            service_level: 0.95,
        },
        lead_time: LeadTime {
            mean_days: 9.0,
            sd_days: 2.0,
        },
        forecast: vec![10.0; 60],
        sigma: 4.0,
    }
}

pub(crate) fn settings() -> PlanSettings {
    PlanSettings::new(d("2026-06-30"))
}

#[test]
fn hand_checked_line_with_order() {
    let l = plan_line(&input(0.0), &settings()).unwrap();
    let z = 1.6448536269514722;
    let sd = 544f64.sqrt(); // √(9·4² + 10²·2²)
    close(l.mu, 10.0, 1e-15);
    close(l.ltd_mean, 90.0, 1e-15);
    close(l.ltd_sd, sd, 1e-15);
    close(l.safety_stock, z * sd, 1e-13);
    close(l.reorder_point, 90.0 + z * sd, 1e-13);
    close(l.eoq, 219000f64.sqrt(), 1e-15); // √(2·3650·300/(0.25·40))
    close(l.order_up_to, 90.0 + z * sd + 219000f64.sqrt(), 1e-13);
    close(l.position, 120.0, 1e-15);
    close(l.on_order, 120.0, 1e-15);
    close(l.overdue, 50.0, 1e-15);
    assert_eq!(l.days_of_cover, Some(0.0));
    // IP 120 ≤ ROP 128.4; EOQ 467.97 → 20 packs of 24 = 480, arriving 9 days later.
    let o = l.order.clone().unwrap();
    assert_eq!((o.qty, o.packs, o.arrival), (480, 20, d("2026-07-09")));
    close(o.value, 480.0 * 40.0, 1e-15);
    assert_eq!(
        l.reason,
        "position 120 ≤ reorder point 128.4; order 480 = 20 packs of 24 (EOQ 468)"
    );
    // Risk over 28 days: supply 0 + 50 + 30 = 80 against N(280, 4²·28).
    assert_eq!(l.risk_method, RiskMethod::Analytic);
    // z = (80 − 280)/(4√28) ≈ −9.45: the probability is 1 to double precision.
    close(l.stockout_probability, 1.0, 1e-15);
    // Cumulative demand 90 on day 8 first exceeds 0 + 50 + 30.
    assert_eq!(l.stockout_date, Some(d("2026-07-08")));
    assert_eq!(l.excess, None);
}

#[test]
fn analytic_risk_one_sd_above_mean() {
    // Supply over 28 days = on hand + 80 = 280 + 4√28: P(Z > 1) = 0.15865525393145707.
    let l = plan_line(&input(200.0 + 4.0 * 28f64.sqrt()), &settings()).unwrap();
    assert_eq!(l.risk_method, RiskMethod::Analytic);
    close(l.stockout_probability, 0.15865525393145707, 1e-12);
}

#[test]
fn no_order_and_excess_when_overstocked() {
    let l = plan_line(&input(1000.0), &settings()).unwrap();
    assert_eq!(l.order, None);
    assert!(
        l.reason
            .starts_with("position 1120 > reorder point 128.4; no order"),
        "{}",
        l.reason
    );
    close(l.days_of_cover.unwrap(), 100.0, 1e-15);
    let e = l.excess.clone().unwrap();
    close(e.units, 100.0, 1e-12); // 1000 − 90 days × 10
    close(e.value, 4000.0, 1e-12);
    assert_eq!(l.stockout_date, None);
    assert!(l.stockout_probability < 1e-12);
}

#[test]
fn plan_all_keeps_order_and_reports_problems() {
    let mut bad = input(5.0);
    bad.sku = "SKU-BAD".into();
    bad.lead_time.mean_days = 0.0;
    let plan = plan_all(&[input(0.0), bad, input(1000.0)], &settings());
    assert_eq!(plan.lines.len(), 2);
    assert_eq!(plan.problems.len(), 1);
    assert_eq!(plan.problems[0].sku, "SKU-BAD");
    assert!(plan.lines[0].order.is_some() && plan.lines[1].order.is_none());
}

#[test]
fn figures_are_finite() {
    let mut i = input(0.0);
    i.forecast = vec![0.0; 60];
    i.sigma = 0.0;
    let l = plan_line(&i, &settings()).unwrap();
    for v in [
        l.mu,
        l.ltd_mean,
        l.ltd_sd,
        l.safety_stock,
        l.reorder_point,
        l.eoq,
        l.order_up_to,
        l.stockout_probability,
    ] {
        assert!(v.is_finite());
    }
    assert_eq!(l.days_of_cover, None);
    assert_eq!(l.risk_method, RiskMethod::Certain);
}

#[test]
fn capped_order_quantity_keeps_packs_and_says_why() {
    // EOQ 468 capped at 3 days of μ = 10: 30 ≥ shortfall 9.4 → 2 packs of 24.
    let mut s = settings();
    s.max_order_days = Some(3.0);
    let l = plan_line(&input(0.0), &s).unwrap();
    close(l.eoq, 219000f64.sqrt(), 1e-15);
    close(l.lot, 30.0, 1e-15);
    close(
        l.reorder_point,
        90.0 + 1.6448536269514722 * 544f64.sqrt(),
        1e-13,
    );
    close(l.order_up_to, l.reorder_point + 30.0, 1e-13);
    let o = l.order.clone().unwrap();
    assert_eq!((o.qty, o.packs), (48, 2));
    assert_eq!(
        l.reason,
        "position 120 ≤ reorder point 128.4; order 48 = 2 packs of 24 (EOQ 468 capped at 3 days of demand: 30)"
    );
    // A cap above the EOQ changes nothing; a MOQ above the cap still binds.
    s.max_order_days = Some(100.0);
    assert_eq!(plan_line(&input(0.0), &s).unwrap().order.unwrap().qty, 480);
    s.max_order_days = Some(3.0);
    let mut i = input(0.0);
    i.item.moq = 100;
    assert_eq!(plan_line(&i, &s).unwrap().order.unwrap().qty, 120);
    for bad in [0.0, -1.0, f64::NAN] {
        s.max_order_days = Some(bad);
        assert!(plan_line(&input(0.0), &s).is_err(), "{bad}");
    }
}

#[test]
fn empirical_policy_protects_a_review_day_and_the_order_stream() {
    use abacus_inventory::demand::Safety;
    let z = 1.6448536269514722;
    let mut s = settings();
    s.safety = Safety::Empirical;
    assert_eq!(s.protection_days(9.0), 10.0);
    assert_eq!(s.days_needed(30.0), 31);
    // Orders of 480 every 48 days: σ_L stays 2; L + R = 10 days.
    let l = plan_line(&input(0.0), &s).unwrap();
    close(l.ltd_mean, 100.0, 1e-15);
    close(l.ltd_sd, 560f64.sqrt(), 1e-15); // √(10·4² + 10²·2²)
    close(l.reorder_point, 100.0 + z * 560f64.sqrt(), 1e-13);
    // Capped at 1 day: orders of 24 every 2.4 days: σ_L² = 2.4·2/√π.
    s.max_order_days = Some(1.0);
    let l = plan_line(&input(0.0), &s).unwrap();
    let var_l = 2.4 * 2.0 / std::f64::consts::PI.sqrt();
    close(l.ltd_sd, (160.0 + 100.0 * var_l).sqrt(), 1e-13);
}
