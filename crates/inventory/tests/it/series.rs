//! From dataset rows to plan inputs: zero-filled history cut at the as-of
//! date, open orders attached, bad rows reported as problems.

use abacus_inventory::demand::{self, Method};
use abacus_inventory::series::{build_inputs, daily_histories, ItemRow, RetailData};
use abacus_inventory::{Error, ItemParams, LeadTime, PlanSettings};

use crate::plan::d;

fn data() -> RetailData {
    let params = ItemParams {
        unit_cost: 10.0,
        pack_size: 6,
        moq: 0,
        order_cost: 100.0,
        holding_cost_rate: 0.2,
        service_level: 0.95,
    };
    let item = |sku: &str, sup: &str| ItemRow {
        sku: sku.into(),
        category: "C".into(),
        supplier_id: sup.into(),
        params: params.clone(),
    };
    let mut sales = Vec::new();
    // SKU-A at L1 sells 3 units every other day from 2026-01-01 to 2026-06-29,
    // plus 1000 units on the as-of date itself and after it (must be ignored).
    let mut day = d("2026-01-01");
    while day < d("2026-06-30") {
        sales.push(("SKU-A".to_string(), "L1".to_string(), day, 3.0));
        day = day + chrono::Days::new(2);
    }
    sales.push(("SKU-A".into(), "L1".into(), d("2026-06-30"), 1000.0));
    sales.push(("SKU-A".into(), "L1".into(), d("2026-07-03"), 1000.0));
    RetailData {
        as_of: Some(d("2026-06-30")),
        items: vec![
            item("SKU-A", "S1"),
            item("SKU-B", "S1"),
            item("SKU-C", "S-missing"),
        ],
        lead_times: [(
            "S1".to_string(),
            LeadTime {
                mean_days: 5.0,
                sd_days: 1.0,
            },
        )]
        .into_iter()
        .collect(),
        stock: vec![
            ("SKU-A".into(), "L1".into(), 40.0),
            ("SKU-B".into(), "L1".into(), 5.0),
            ("SKU-C".into(), "L1".into(), 5.0),
            ("SKU-X".into(), "L1".into(), 5.0),
        ],
        sales,
        open_orders: vec![
            ("SKU-A".into(), "L1".into(), d("2026-07-02"), 12.0),
            ("SKU-A".into(), "L2".into(), d("2026-07-02"), 99.0),
        ],
    }
}

#[test]
fn history_is_zero_filled_and_cut_before_the_as_of_date() {
    let data = data();
    let h = daily_histories(&data, d("2026-01-01"), d("2026-06-30"));
    let a = &h[&("SKU-A".to_string(), "L1".to_string())];
    assert_eq!(a.len(), 180); // 2026-01-01 ..= 2026-06-29
    assert_eq!(a.iter().sum::<f64>(), 3.0 * 90.0);
    assert_eq!((a[0], a[1], a[2]), (3.0, 0.0, 3.0));
}

#[test]
fn inputs_carry_stock_orders_and_forecast() {
    let data = data();
    let settings = PlanSettings::new(d("2026-06-30"));
    let (inputs, problems) = build_inputs(&data, &settings, Method::WeekdayMean);
    assert_eq!(inputs.len(), 1);
    let a = &inputs[0];
    assert_eq!(
        (
            a.sku.as_str(),
            a.on_hand,
            a.open_pos.len(),
            a.open_pos[0].qty
        ),
        ("SKU-A", 40.0, 1, 12.0)
    );
    assert_eq!(a.forecast.len(), 28); // max(⌈5⌉, 28, H = 28)
                                      // The history alternates 3, 0: the weekday-mean forecast averages 1.5 a day over a fortnight.
    let h = daily_histories(&data, d("2026-01-01"), d("2026-06-30"));
    let expected = demand::weekday_mean(&h[&("SKU-A".to_string(), "L1".to_string())], 28);
    assert_eq!(a.forecast, expected);
    assert!((a.forecast[..14].iter().sum::<f64>() / 14.0 - 1.5).abs() < 0.2);
    // SKU-B never sold, SKU-C's supplier is unknown, SKU-X is not an item.
    let mut why: Vec<(String, Error)> = problems.into_iter().map(|p| (p.sku, p.error)).collect();
    why.sort_by(|x, y| x.0.cmp(&y.0));
    assert_eq!(
        why[0],
        ("SKU-B".to_string(), Error::NoHistory("SKU-B at L1".into()))
    );
    assert!(matches!(&why[1], (s, Error::Data(m)) if s == "SKU-C" && m.contains("S-missing")));
    assert!(matches!(&why[2], (s, Error::Data(m)) if s == "SKU-X" && m.contains("items.csv")));
}
