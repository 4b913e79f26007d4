//! Bad inputs: clear errors or documented rules, never a panic or a NaN.

use abacus_inventory::demand::{self, Method};
use abacus_inventory::{classic, plan_line, policy, Error};

use crate::plan::{input, settings};

fn param_name(e: Error) -> &'static str {
    match e {
        Error::Param { name, .. } => name,
        other => panic!("expected a parameter error, got {other:?}"),
    }
}

#[test]
fn lead_time_must_be_positive() {
    for lt in [0.0, -3.0, f64::NAN, f64::INFINITY] {
        let mut i = input(0.0);
        i.lead_time.mean_days = lt;
        assert_eq!(
            param_name(plan_line(&i, &settings()).unwrap_err()),
            "lead time"
        );
    }
    assert!(policy::lead_time_demand(1.0, 1.0, 0.0, 0.0).is_err());
}

#[test]
fn service_level_inside_zero_one() {
    for a in [0.0, 1.0, -0.5, 1.5, f64::NAN] {
        let mut i = input(0.0);
        i.item.service_level = a;
        let e = plan_line(&i, &settings()).unwrap_err();
        assert_eq!(param_name(e.clone()), "service level");
        assert!(e.to_string().contains("strictly between 0 and 1"), "{e}");
    }
    assert!(classic::safety_stock(10.0, 2.0, 4.0, 1.0).is_err());
}

#[test]
fn pack_size_zero() {
    let mut i = input(0.0);
    i.item.pack_size = 0;
    assert_eq!(
        param_name(plan_line(&i, &settings()).unwrap_err()),
        "pack size"
    );
    assert!(policy::recommended_order(0.0, 10.0, 5.0, 0, 0).is_err());
}

#[test]
fn no_sales_history() {
    for h in [vec![], vec![0.0; 400]] {
        let e = demand::forecast_demand(&h, 28, Method::WeekdayMean, "SKU-9@WH").unwrap_err();
        assert_eq!(e, Error::NoHistory("SKU-9@WH".into()));
        assert_eq!(e.to_string(), "no sales history for SKU-9@WH");
    }
}

#[test]
fn negative_or_nan_figures() {
    let mut i = input(-1.0);
    assert_eq!(
        param_name(plan_line(&i, &settings()).unwrap_err()),
        "on hand"
    );
    i = input(0.0);
    i.sigma = f64::NAN;
    assert_eq!(
        param_name(plan_line(&i, &settings()).unwrap_err()),
        "demand sd"
    );
    i = input(0.0);
    i.forecast[3] = -2.0;
    assert_eq!(
        param_name(plan_line(&i, &settings()).unwrap_err()),
        "forecast"
    );
    i = input(0.0);
    i.forecast.truncate(20);
    assert_eq!(
        param_name(plan_line(&i, &settings()).unwrap_err()),
        "forecast length"
    );
    assert!(demand::forecast_demand(&[1.0, f64::NAN], 5, Method::WeekdayMean, "x").is_err());
}

#[test]
fn overdue_orders_count_as_arriving_today() {
    // Rule: an overdue open order is in the position and arrives on the as-of date.
    let mut i = input(0.0);
    i.open_pos.truncate(1); // only the 50 overdue (expected 2026-06-27)
    let l = plan_line(&i, &settings()).unwrap();
    assert_eq!(l.overdue, 50.0);
    assert_eq!(l.position, 50.0);
    // 10/day: cumulative 60 > 50 on day 5.
    assert_eq!(l.stockout_date, Some(crate::plan::d("2026-07-05")));
}

#[test]
fn textbook_models_refuse_bad_parameters() {
    assert!(classic::eoq(0.0, 1.0, 10.0).is_err());
    assert!(classic::eoq(1.0, -1.0, 10.0).is_err());
    assert!(classic::epq(8.0, 0.225, 1700.0, 1300.0).is_err());
    assert!(classic::newsvendor_explicit(1.0, 2.0, 0.5, 10.0, 2.0).is_err());
}
