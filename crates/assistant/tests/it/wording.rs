//! Families of wording that once gave wrong answers (a confident figure for another
//! measure, scope or period): each is now answered exactly or asked back. Expected
//! figures are computed here straight from the demo CSVs (or, for the network, from
//! the engine with the typed edit), never from the assistant.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use abacus_assistant::{Answer, Assistant, Cascade, Models, Policy, State, Status};
use abacus_nlu::plan::{Intent, Plan, SalesMeasure, StockMeasure};

use crate::{demo, open_demo};

struct Csv {
    /// (date, sku, location, units)
    sales: Vec<(String, String, String, f64)>,
    /// sku → (category, brand, unit cost, unit price)
    items: HashMap<String, (String, String, f64, f64)>,
    /// (sku, location, on hand)
    inventory: Vec<(String, String, f64)>,
}

fn rows(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn csv_data() -> Csv {
    let dir = demo().1.join("retail");
    let num = |s: &str| s.parse::<f64>().unwrap();
    Csv {
        sales: rows(&dir.join("sales.csv"))
            .into_iter()
            .map(|r| {
                (
                    r["date"].clone(),
                    r["sku"].clone(),
                    r["location_id"].clone(),
                    num(&r["units"]),
                )
            })
            .collect(),
        items: rows(&dir.join("items.csv"))
            .into_iter()
            .map(|r| {
                (
                    r["sku"].clone(),
                    (
                        r["category"].clone(),
                        r["brand"].clone(),
                        num(&r["unit_cost"]),
                        num(&r["unit_price"]),
                    ),
                )
            })
            .collect(),
        inventory: rows(&dir.join("inventory.csv"))
            .into_iter()
            .map(|r| {
                (
                    r["sku"].clone(),
                    r["location_id"].clone(),
                    num(&r["on_hand"]),
                )
            })
            .collect(),
    }
}

impl Csv {
    /// (units, revenue) of the sales rows that pass `keep`, between two ISO dates inclusive.
    fn sum(&self, from: &str, to: &str, keep: impl Fn(&str, &str) -> bool) -> (f64, f64) {
        self.sales
            .iter()
            .filter(|(d, s, l, _)| d.as_str() >= from && d.as_str() <= to && keep(s, l))
            .fold((0.0, 0.0), |(u, r), (_, s, _, x)| {
                (u + x, r + x * self.items[s].3)
            })
    }
}

fn rules_assistant(ds: &abacus_store::Dataset) -> Assistant<'_> {
    let policy = Policy {
        cascade: Cascade::Rules,
        ..Policy::default()
    };
    Assistant::with_models(ds, Models::global(), policy).unwrap()
}

fn ask(a: &Assistant<'_>, q: &str) -> Answer {
    a.ask(q, &mut State::default())
}

fn close(got: Option<f64>, want: f64, q: &str) {
    let g = got.unwrap_or_else(|| panic!("{q}: no value"));
    assert!(
        (g - want).abs() <= 1e-9 * want.abs() + 1e-9,
        "{q}: {g} != {want}"
    );
}

fn ids(a: &Answer) -> Vec<String> {
    a.table
        .as_ref()
        .map(|t| {
            t.rows
                .iter()
                .filter_map(|r| r.first().and_then(|c| c.as_str()).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Never a figure: asked back, refused or an error.
fn no_figure(a: &Answer, q: &str) {
    assert!(
        a.status != Status::Answered || (a.value.is_none() && a.table.is_none()),
        "{q}: answered {:?} {}",
        a.value,
        a.answer
    );
}

#[test]
fn revenue_words_give_revenue() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let (_, revenue) = data.sum("2025-04-01", "2025-06-30", |s, l| {
        s == "SKU-20009" && l == "WH-SH"
    });
    for q in [
        "What were the takings on SKU-20009 in Shanghai in Q2 2025?",
        "turnover of SKU-20009 at WH-SH in Q2 2025",
        "gross sales for SKU-20009 in Shanghai in Q2 2025",
        "What was the sales value of SKU-20009 in Shanghai in Q2 2025?",
        "income from SKU-20009 at the Shanghai warehouse in Q2 2025",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        assert!(
            matches!(
                r.plan,
                Some(Plan::SalesHistory {
                    measure: SalesMeasure::Revenue,
                    ..
                })
            ),
            "{q}"
        );
        close(r.value, revenue, q);
    }
}

#[test]
fn city_short_forms_and_location_codes_name_the_location() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let units =
        |loc: &str, from: &str, to: &str| data.sum(from, to, |s, l| s == "SKU-20009" && l == loc).0;
    for (q, loc, want) in [
        (
            "bj units SKU-20009 last 2 weeks",
            "WH-BJ",
            units("WH-BJ", "2026-06-16", "2026-06-29"),
        ),
        (
            "sh units of SKU-20009 in April 2026",
            "WH-SH",
            units("WH-SH", "2026-04-01", "2026-04-30"),
        ),
        (
            "SKU-20009 units cd april 2026",
            "WH-CD",
            units("WH-CD", "2026-04-01", "2026-04-30"),
        ),
        (
            "xa units SKU-20009 in April 2026",
            "DC-XA",
            units("DC-XA", "2026-04-01", "2026-04-30"),
        ),
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        assert_eq!(
            r.plan.as_ref().unwrap().scope().locations,
            vec![loc.to_string()],
            "{q}"
        );
        close(r.value, want, q);
    }
    let on_hand: f64 = data
        .inventory
        .iter()
        .filter(|(s, l, _)| s == "SKU-20009" && l == "WH-GZ")
        .map(|r| r.2)
        .sum();
    let q = "gz on hand SKU-20009";
    let r = ask(&a, q);
    assert_eq!(
        r.plan.as_ref().unwrap().scope().locations,
        vec!["WH-GZ".to_string()]
    );
    close(r.value, on_hand, q);
}

#[test]
fn ordering_words_rank_the_entities() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let mut by_loc: BTreeMap<String, f64> = BTreeMap::new();
    for (d, s, l, u) in &data.sales {
        if d.as_str() >= "2025-01-01" && d.as_str() <= "2025-12-31" && data.items[s].0 == "Snacks" {
            *by_loc.entry(l.clone()).or_default() += u;
        }
    }
    let mut want: Vec<(String, f64)> = by_loc.into_iter().collect();
    want.sort_by(|x, y| y.1.partial_cmp(&x.1).unwrap().then(x.0.cmp(&y.0)));
    let want: Vec<String> = want.into_iter().map(|x| x.0).collect();
    for q in [
        "Order our warehouses by how many Snacks units they shifted in 2025, best first.",
        "Rank the locations by Snacks units sold in 2025",
        "Snacks units in 2025: warehouses by units, highest first",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        assert_eq!(ids(&r), want, "{q}");
    }
    let mut by_brand: BTreeMap<String, f64> = BTreeMap::new();
    for (d, s, _, u) in &data.sales {
        if d.as_str() >= "2026-01-01" && d.as_str() <= "2026-03-31" {
            *by_brand.entry(data.items[s].1.clone()).or_default() += u * data.items[s].3;
        }
    }
    let mut want: Vec<(String, f64)> = by_brand.into_iter().collect();
    want.sort_by(|x, y| x.1.partial_cmp(&y.1).unwrap().then(x.0.cmp(&y.0)));
    let want: Vec<String> = want.into_iter().map(|x| x.0).collect();
    let q = "List the brands by revenue in Q1 2026, lowest first";
    let r = ask(&a, q);
    assert_eq!(ids(&r), want, "{q}");
}

#[test]
fn two_periods_are_growth_a_range_or_asked_back() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let snacks = |from: &str, to: &str| data.sum(from, to, |s, _| data.items[s].0 == "Snacks").1;
    let (this, last) = (
        snacks("2026-04-01", "2026-04-30"),
        snacks("2025-04-01", "2025-04-30"),
    );
    for q in [
        "By how much did Snacks revenue grow in April 2026 versus April 2025?",
        "Snacks revenue growth from April 2025 to April 2026",
        "How did Snacks revenue change between April 2025 and April 2026?",
        "Snacks revenue April 2026 vs April 2025",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        close(r.value, (this - last) / last, q);
    }
    let q = "Snacks revenue from March to May 2026";
    close(ask(&a, q).value, snacks("2026-03-01", "2026-05-31"), q);
    // A change between two periods that are not a year apart: the later over the earlier.
    let (march, may) = (
        snacks("2026-03-01", "2026-03-31"),
        snacks("2026-05-01", "2026-05-31"),
    );
    let q = "How did Snacks revenue change from March 2026 to May 2026?";
    close(ask(&a, q).value, (may - march) / march, q);
    for q in [
        "How many more Snacks units did we sell in April 2026 than in March 2026?",
        "Snacks revenue in March 2026 and in May 2026",
    ] {
        no_figure(&ask(&a, q), q);
    }
}

#[test]
fn zero_sellers_are_listed_and_lists_are_never_totals() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let stocked: BTreeSet<&String> = data
        .inventory
        .iter()
        .filter(|r| r.1 == "WH-BJ")
        .map(|r| &r.0)
        .collect();
    let sold: BTreeSet<&String> = data
        .sales
        .iter()
        .filter(|(d, _, l, u)| {
            l == "WH-BJ" && d.as_str() >= "2026-06-23" && d.as_str() <= "2026-06-29" && *u > 0.0
        })
        .map(|r| &r.1)
        .collect();
    let want: Vec<String> = stocked.difference(&sold).map(|s| s.to_string()).collect();
    for q in [
        "Which SKUs in Beijing sold nothing last week?",
        "which items at WH-BJ had no sales last week",
        "What products sold zero units in Beijing last week?",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        let mut got = ids(&r);
        got.sort();
        assert_eq!(got, want, "{q}");
    }
    for q in [
        "Which warehouses sold SKU-20009 last month?",
        "Which SKUs in Beijing sold well last week?",
    ] {
        let r = ask(&a, q);
        assert_ne!(r.status, Status::Answered, "{q}: {}", r.answer);
    }
}

#[test]
fn periods_since_the_start_of_the_year() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let want = data
        .sum("2026-01-01", "2026-06-30", |s, _| s == "SKU-20009")
        .0;
    for q in [
        "units sold of SKU-20009 since the start of the year",
        "SKU-20009 units so far this year",
        "how many SKU-20009 have we sold since the beginning of this year",
        "SKU-20009 units year to date",
        "SKU-20009 units the year so far",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        close(r.value, want, q);
    }
    let want = data
        .sum("2026-03-15", "2026-06-30", |s, _| s == "SKU-20009")
        .0;
    close(
        ask(&a, "SKU-20009 units since March 15").value,
        want,
        "since March 15",
    );
    // A "since" that is no date is never read as all of history.
    let q = "SKU-20009 units since the promotion";
    no_figure(&ask(&a, q), q);
}

#[test]
fn stock_value_at_retail_prices_and_at_cost() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let value = |price: bool| -> f64 {
        data.inventory
            .iter()
            .filter(|r| data.items[&r.0].0 == "Beverages")
            .map(|r| {
                r.2 * if price {
                    data.items[&r.0].3
                } else {
                    data.items[&r.0].2
                }
            })
            .sum()
    };
    for q in [
        "What is the Beverages stock on hand across the network worth at retail prices?",
        "value of Beverages inventory at selling prices",
        "Beverages stock value at retail",
    ] {
        let r = ask(&a, q);
        assert!(
            matches!(
                r.plan,
                Some(Plan::InventoryStatus {
                    measure: StockMeasure::ValueAtPrice,
                    ..
                })
            ),
            "{q}: {}",
            r.answer
        );
        close(r.value, value(true), q);
    }
    let q = "What is the Beverages stock worth at cost?";
    close(ask(&a, q).value, value(false), q);
}

#[test]
fn out_of_stock_now_is_nothing_on_hand() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let mut want: Vec<String> = data
        .inventory
        .iter()
        .filter(|r| r.1 == "WH-CD" && r.2 == 0.0)
        .map(|r| r.0.clone())
        .collect();
    want.sort();
    for q in [
        "Which items are completely out of stock in Chengdu?",
        "What is out of stock at WH-CD?",
        "Which SKUs are sold out in Chengdu?",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.intent, Some(Intent::InventoryStatus), "{q}: {}", r.answer);
        let mut got = ids(&r);
        got.sort();
        assert_eq!(got, want, "{q}");
    }
    let q = "Which SKUs will be out of stock in Chengdu in the next 14 days?";
    assert_eq!(ask(&a, q).intent, Some(Intent::StockoutRisk), "{q}");
}

#[test]
fn fund_screens_list_every_match() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let dir = demo().1.join("funds");
    let mut last: HashMap<String, String> = HashMap::new();
    for r in rows(&dir.join("fund_nav.csv")) {
        let e = last.entry(r["fund_code"].clone()).or_default();
        if r["date"] > *e {
            *e = r["date"].clone();
        }
    }
    let as_of = last.values().max().unwrap().clone();
    let as_of = chrono::NaiveDate::parse_from_str(&as_of, "%Y-%m-%d").unwrap();
    let active = |code: &str| {
        last.get(code).is_none_or(|d| {
            (as_of - chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()).num_days() <= 30
        })
    };
    let mut want: Vec<(f64, String)> = rows(&dir.join("funds.csv"))
        .into_iter()
        .filter(|r| r["category"] == "bond" && r["risk_level"] == "1" && active(&r["fund_code"]))
        .map(|r| (r["expense_ratio"].parse().unwrap(), r["fund_code"].clone()))
        .collect();
    want.sort_by(|x, y| x.0.partial_cmp(&y.0).unwrap().then(x.1.cmp(&y.1)));
    let want: Vec<String> = want.into_iter().map(|x| x.1).collect();
    assert!(want.len() > 1);
    for q in [
        "bond funds at risk level 1, cheapest first",
        "bond funds with risk level 1 sorted by fees",
    ] {
        let r = ask(&a, q);
        assert_eq!(ids(&r), want, "{q}: {}", r.answer);
    }
}

#[test]
fn network_what_ifs_apply_the_edit_or_ask() {
    use abacus_network::{Change, Edit, SolveOptions, Target};
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let net = abacus_assistant::network::engine_network(&ds.network().unwrap()).unwrap();
    let cost = |e: Edit| {
        abacus_network::what_if(&net, &[e], &SolveOptions::default())
            .unwrap()
            .scenario
            .cost()
    };
    let node = |n: &str| Target::Node(n.to_string());
    let dearer = cost(Edit::LaneCost {
        from: node("Kunming Roastery"),
        to: node("R01"),
        product: None,
        change: Change::Add(0.5),
    });
    let lost = cost(Edit::ForbidLane {
        from: node("Kunming Roastery"),
        to: node("R01"),
        product: None,
    });
    let set = cost(Edit::LaneCost {
        from: node("Kunming Roastery"),
        to: node("R01"),
        product: None,
        change: Change::Set(2.0),
    });
    let demand = |k: f64| {
        cost(Edit::Demand {
            node: node("R01"),
            product: None,
            change: Change::Scale(k),
        })
    };
    let (up_half, halved) = (demand(1.5), demand(0.5));
    let base = abacus_network::optimize(&net, &SolveOptions::default())
        .unwrap()
        .cost();
    assert_ne!(lost, base, "the test needs a lane that matters");
    for (q, want) in [
        (
            "Say the Kunming Roastery to R01 lane gets 0.50 dearer per case. What's the new optimum?",
            dearer,
        ),
        (
            "What if the Kunming Roastery to R01 lane cost 0.5 more per case?",
            dearer,
        ),
        (
            "We lose the Kunming Roastery to R01 lane. What does the cheapest plan cost now?",
            lost,
        ),
        (
            "What if the lane from Kunming Roastery to R01 is closed?",
            lost,
        ),
        (
            "If we opened a new lane from Kunming Roastery to R01 at 2.00 per case, what would the optimal plan cost?",
            set,
        ),
        (
            "Say the Kunming Roastery to R01 lane got 50 cents a case more expensive. Total cost then?",
            dearer,
        ),
        ("What if R01's demand went up by half?", up_half),
        ("What's the optimal cost if R01 wants 50% more?", up_half),
        ("What if R01's demand is halved?", halved),
    ] {
        let r = ask(&a, q);
        assert_eq!(r.intent, Some(Intent::NetworkWhatIf), "{q}: {}", r.answer);
        assert_eq!(r.value, want, "{q}: {}", r.answer);
    }
    // A change that cannot be read is asked back, never answered with the baseline.
    for q in [
        "What if the Kunming Roastery to R01 lane changed?",
        "Suppose we rework the Kunming Roastery to R01 lane. What does the plan cost?",
    ] {
        let r = ask(&a, q);
        assert_ne!(r.status, Status::Answered, "{q}: {}", r.answer);
    }
}

#[test]
fn a_partial_name_that_fits_two_products_is_asked_back() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    for q in [
        "forecast the 4L rice cooker for Beijing over the next 2 weeks",
        "units of the rice cooker 4L in Shanghai last month",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Clarify, "{q}: {}", r.answer);
        assert!(
            r.answer.contains("SKU-20015") && r.answer.contains("SKU-20075"),
            "{q}: {}",
            r.answer
        );
    }
}

#[test]
fn requests_to_write_or_draw_are_out_of_scope() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    for q in [
        "Write a short poem about inventory.",
        "Compose a song about our Snacks sales",
        "tell me a joke about stock levels in Beijing",
        "Draw a picture of the warehouse inventory",
        "Translate last month's sales report into French",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Unsupported, "{q}: {}", r.answer);
        assert!(r.intent.is_none() && r.value.is_none(), "{q}");
    }
}

#[test]
fn fund_size_and_manager_in_words() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let funds = rows(&demo().1.join("funds").join("funds.csv"));
    let f = funds
        .iter()
        .find(|r| !r["manager"].is_empty() && !r["aum"].is_empty())
        .unwrap();
    let code = &f["fund_code"];
    let q = format!("how big is {code}");
    close(ask(&a, &q).value, f["aum"].parse().unwrap(), &q);
    for q in [
        format!("Who runs {code}?"),
        format!("who manages {code}"),
        format!("What is the name of the manager of {code}?"),
    ] {
        let r = ask(&a, &q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        assert!(r.answer.contains(&f["manager"]), "{q}: {}", r.answer);
        assert!(r.value.is_none(), "{q}");
    }
    let q = format!("which company runs {code}");
    let r = ask(&a, &q);
    assert!(
        r.answer.contains(f["company"].trim_end_matches('.')),
        "{q}: {}",
        r.answer
    );
    // A screen by manager stays a screen.
    let r = ask(&a, &format!("funds managed by {}", f["manager"]));
    assert_eq!(r.intent, Some(Intent::FundScreen), "{}", r.answer);
}

#[test]
fn everyday_words_for_stock_orders_and_forecasts() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let on_hand: f64 = data
        .inventory
        .iter()
        .filter(|(s, l, _)| s == "SKU-20009" && l == "WH-CD")
        .map(|r| r.2)
        .sum();
    let q = "how much SKU-20009 is sitting in Chengdu?";
    close(ask(&a, q).value, on_hand, q);
    let q = "how many SKU-20009 went out the door in Beijing last month?";
    let want = data
        .sum("2026-05-01", "2026-05-31", |s, l| {
            s == "SKU-20009" && l == "WH-BJ"
        })
        .0;
    close(ask(&a, q).value, want, q);
    for (q, intent) in [
        (
            "chance gz runs dry on SKU-20009 next 30 days",
            Intent::StockoutRisk,
        ),
        (
            "Do we need to top up SKU-20009 in Guangzhou, and by how much?",
            Intent::Replenishment,
        ),
        (
            "Draft me a purchase list for the Chengdu warehouse.",
            Intent::Replenishment,
        ),
        (
            "How much buffer stock of SKU-20009 does Shanghai need to hit 99% availability?",
            Intent::InventoryPolicy,
        ),
        (
            "How good has our forecasting been for the Snacks range?",
            Intent::ForecastAccuracy,
        ),
        (
            "List Snacks SKUs sitting on more than 180 days of stock.",
            Intent::ExcessStock,
        ),
        (
            "how many SKU-20009 will Chengdu move over the next 3 weeks?",
            Intent::Forecast,
        ),
    ] {
        let r = ask(&a, q);
        assert_eq!(r.intent, Some(intent), "{q}: {}", r.answer);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
    }
    let r = ask(
        &a,
        "How much buffer stock of SKU-20009 does Shanghai need to hit 99% availability?",
    );
    assert!(matches!(
        r.plan,
        Some(Plan::InventoryPolicy { service_level: Some(x), .. }) if (x - 0.99).abs() < 1e-12
    ));
    let r = ask(&a, "chance gz runs dry on SKU-20009 next 30 days");
    let s = r.plan.unwrap().scope().clone();
    assert_eq!(
        (s.locations, s.horizon_days),
        (vec!["WH-GZ".to_string()], Some(30))
    );
}

#[test]
fn risk_level_follow_up_narrows_the_screen() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let mut state = State::default();
    let r = a.ask("bond funds sorted by fees", &mut state);
    assert_eq!(r.intent, Some(Intent::FundScreen), "{}", r.answer);
    let r = a.ask("only those at risk level 1", &mut state);
    assert_eq!(r.intent, Some(Intent::FundScreen), "{}", r.answer);
    assert!(r.answer.contains("risk_level"), "{}", r.answer);
}

#[test]
fn growth_is_year_over_year_of_one_scope_or_refused() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let snacks = |from: &str, to: &str| data.sum(from, to, |s, _| data.items[s].0 == "Snacks").1;
    let (this, last) = (
        snacks("2026-04-01", "2026-04-30"),
        snacks("2025-04-01", "2025-04-30"),
    );
    let q = "How much did Snacks revenue grow year on year in April 2026?";
    close(ask(&a, q).value, (this - last) / last, q);
    for q in [
        "How much did Snacks revenue grow in April 2026?",
        "Which category grew the most year over year last month?",
        "top 3 SKUs by revenue growth vs last year in Q1 2026",
        "Snacks vs Beverages revenue growth yoy in Q1 2026",
    ] {
        no_figure(&ask(&a, q), q);
    }
    // A follow-up that asks for growth of a ranking is refused too.
    let mut state = State::default();
    let r = a.ask("Top 3 categories by revenue in Q1 2026", &mut state);
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    let r = a.ask("and year over year?", &mut state);
    no_figure(&r, "and year over year?");
}

#[test]
fn skus_that_sold_nothing_are_not_the_skus_sold() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let stocked: BTreeSet<&String> = data
        .inventory
        .iter()
        .filter(|r| r.1 == "WH-GZ")
        .map(|r| &r.0)
        .collect();
    let sold: BTreeSet<&String> = data
        .sales
        .iter()
        .filter(|(d, _, l, u)| l == "WH-GZ" && d == "2026-06-29" && *u > 0.0)
        .map(|r| &r.1)
        .collect();
    let want: Vec<String> = stocked.difference(&sold).map(|s| s.to_string()).collect();
    let q = "which skus sold nothing in gz yesterday";
    let r = ask(&a, q);
    let mut got = ids(&r);
    got.sort();
    assert_eq!(got, want, "{q}: {}", r.answer);
}

#[test]
fn lane_cost_amounts_added_or_taken_off() {
    use abacus_network::{Change, Edit, SolveOptions, Target};
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let net = abacus_assistant::network::engine_network(&ds.network().unwrap()).unwrap();
    let cost = |k: f64| {
        abacus_network::what_if(
            &net,
            &[Edit::LaneCost {
                from: Target::Node("Kunming Roastery".into()),
                to: Target::Node("R01".into()),
                product: None,
                change: Change::Add(k),
            }],
            &SolveOptions::default(),
        )
        .unwrap()
        .scenario
        .cost()
    };
    for (q, k) in [
        (
            "What if we add 0.5 to the cost of the Kunming Roastery to R01 lane?",
            0.5,
        ),
        (
            "take 0.2 off the Kunming Roastery to R01 lane cost - new total cost?",
            -0.2,
        ),
    ] {
        let r = ask(&a, q);
        assert_eq!(r.value, cost(k), "{q}: {}", r.answer);
    }
}

#[test]
fn parts_of_periods_and_regions_are_refused() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    for q in [
        "units of SKU-20009 in the first week of May 2026",
        "SKU-20009 units before March 2026",
        "SKU-20009 units in early May 2026",
        "SKU-20009 units in week 23 of 2026",
        "how much stock do we have in the north?",
        "on hand of SKU-20009 at our southern warehouse",
        "units of SKU-20009 in the east region last month",
        "stock on hand of SKU-20009 last month",
        "how much SKU-20009 did we have in stock on 2026-03-01",
        "open orders arriving next week for SKU-20009",
        "units of SKU-20009 sold on promotion in May 2026",
        "online sales of SKU-20009 in May 2026",
        "units of SKU-20009 sold at full price in May 2026",
        "forecast Snacks for Q3",
        "How many units of SKU-20009 will we sell in July?",
        "What will Snacks revenue be next month?",
        "safety stock for SKU-20009 last month",
        "what should we order for sh next week",
        "excess stock in bj last month",
    ] {
        no_figure(&ask(&a, q), q);
    }
    let r = ask(&a, "on hand of SKU-20009 today");
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    // A location whose name holds a region word is still that location.
    let r = ask(
        &a,
        "units of SKU-20009 at Xi'an Regional Distribution Centre in April 2026",
    );
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
}

#[test]
fn several_network_changes_are_all_applied() {
    use abacus_network::{Change, Edit, SolveOptions, Target};
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let net = abacus_assistant::network::engine_network(&ds.network().unwrap()).unwrap();
    let want = abacus_network::what_if(
        &net,
        &[
            Edit::Demand {
                node: Target::Node("R01".into()),
                product: None,
                change: Change::Scale(2.0),
            },
            Edit::Facility {
                node: "Shenzhen Roastery".into(),
                open: false,
            },
        ],
        &SolveOptions::default(),
    )
    .unwrap()
    .scenario
    .cost();
    let q = "What if R01 demand doubles and Shenzhen Roastery closes?";
    let r = ask(&a, q);
    assert_eq!(r.intent, Some(Intent::NetworkWhatIf), "{q}: {}", r.answer);
    assert_eq!(r.value, want, "{q}: {}", r.answer);
    let q = "What if R01 demand doubles and Shenzhen Roastery is reorganised somehow by 3?";
    assert_ne!(ask(&a, q).status, Status::Answered, "{q}");
}

#[test]
fn market_questions_are_out_of_scope() {
    let ds = open_demo();
    let a = Assistant::new(&ds).unwrap();
    for q in [
        "What will the Shanghai Composite close at tomorrow?",
        "What's the exchange rate of the yuan?",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Unsupported, "{q}: {}", r.answer);
    }
}

#[test]
fn a_share_from_a_place_is_of_the_product_everywhere() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let (from, to) = ("2026-05-01", "2026-05-31");
    let gz = data
        .sum(from, to, |s, l| s == "SKU-20009" && l == "WH-GZ")
        .0;
    let all = data.sum(from, to, |s, _| s == "SKU-20009").0;
    let q = "What fraction of SKU-20009 units came from gz in May 2026?";
    close(ask(&a, q).value, gz / all, q);
    let snacks = |s: &str| data.items[s].0 == "Snacks";
    let part = data.sum(from, to, |s, l| snacks(s) && l == "WH-BJ").1;
    let bj = data.sum(from, to, |_, l| l == "WH-BJ").1;
    let q = "What share of Beijing's revenue came from Snacks in May 2026?";
    close(ask(&a, q).value, part / bj, q);
    let all_snacks = data.sum(from, to, |s, _| snacks(s)).1;
    let q = "What share of Snacks revenue came from Beijing in May 2026?";
    close(ask(&a, q).value, part / all_snacks, q);
}

#[test]
fn counts_of_skus_are_never_units() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let at_cd = |positive: bool| {
        data.inventory
            .iter()
            .filter(|r| r.1 == "WH-CD" && (!positive || r.2 > 0.0))
            .map(|r| &r.0)
            .collect::<BTreeSet<_>>()
            .len() as f64
    };
    for q in [
        "How many SKUs does WH-CD stock?",
        "How many SKUs are carried at the Chengdu warehouse?",
    ] {
        close(ask(&a, q).value, at_cd(false), q);
    }
    let q = "How many SKUs have stock on hand in Chengdu?";
    close(ask(&a, q).value, at_cd(true), q);
}

#[test]
fn a_valuation_follow_up_changes_only_the_valuation() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let at_price: f64 = data
        .inventory
        .iter()
        .filter(|r| data.items[&r.0].0 == "Beverages")
        .map(|r| r.2 * data.items[&r.0].3)
        .sum();
    let mut state = State::default();
    let r = a.ask("What is the Beverages stock worth?", &mut state);
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    let r = a.ask("and at retail prices?", &mut state);
    close(r.value, at_price, "and at retail prices?");
    // After a sales question it is not read as a stock value.
    let mut state = State::default();
    a.ask(
        "How many units of Snacks did we sell last month?",
        &mut state,
    );
    let r = a.ask("and at retail prices?", &mut state);
    assert_ne!(r.intent, Some(Intent::InventoryStatus), "{}", r.answer);
}

#[test]
fn periods_before_last_short_forms_and_unread_time_words() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    for (q, from, to) in [
        (
            "revenue of SKU-20009 in Beijing the month before last",
            "2026-04-01",
            "2026-04-30",
        ),
        ("bj revenue SKU-20009 yday", "2026-06-29", "2026-06-29"),
        (
            "SKU-20009 revenue at WH-BJ the week before last",
            "2026-06-16",
            "2026-06-22",
        ),
    ] {
        let (_, revenue) = data.sum(from, to, |s, l| s == "SKU-20009" && l == "WH-BJ");
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        close(r.value, revenue, q);
    }
    // Words of time no period accounts for: never the whole history.
    for q in [
        "SKU-20009 revenue the month before the promo",
        "units of SKU-20009 sold the day after the launch",
        "Snacks revenue in the weeks around the holiday",
    ] {
        no_figure(&ask(&a, q), q);
    }
    // A rate is no period: "per day" over a named month is answered.
    let r = ask(
        &a,
        "units of SKU-20009 sold per day on average in April 2026",
    );
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
}

#[test]
fn a_follow_up_whose_change_is_not_read_is_asked_back() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let mut state = State::default();
    let first = a.ask("bond funds sorted by 3-year Sharpe", &mut state);
    assert_eq!(first.status, Status::Answered, "{}", first.answer);
    for q in [
        "just the ones my aunt would like",
        "keep only the ones that feel safe",
    ] {
        let r = a.ask(q, &mut state.clone());
        assert_eq!(r.status, Status::Clarify, "{q}: {}", r.answer);
        no_figure(&r, q);
    }
    // A change it reads still narrows the screen.
    let r = a.ask("only risk level 2 or lower", &mut state);
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    let filters = |a: &Answer| match &a.plan {
        Some(Plan::FundScreen { filters, .. }) => filters.len(),
        other => panic!("{other:?}"),
    };
    assert_eq!(filters(&r), filters(&first) + 1, "{}", r.answer);
}

#[test]
fn the_low_end_of_a_ranking_without_its_noun_is_asked_back() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    for q in [
        "What were the bottom 3 by revenue in 2025?",
        "worst 5 by units last month",
        "top 3 by revenue in 2025",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Clarify, "{q}: {}", r.answer);
        no_figure(&r, q);
    }
    let r = ask(&a, "bottom 3 categories by revenue in 2025");
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    assert_eq!(ids(&r).len(), 3);
}

/// Active funds of the demo (data.md: inactive when the NAV ends more than 30 days
/// before the latest NAV date; a fund without NAV rows has no end) with their row of
/// funds.csv.
fn active_funds() -> Vec<HashMap<String, String>> {
    let dir = demo().1.join("funds");
    let mut last: HashMap<String, String> = HashMap::new();
    for r in rows(&dir.join("fund_nav.csv")) {
        let e = last.entry(r["fund_code"].clone()).or_default();
        if r["date"] > *e {
            *e = r["date"].clone();
        }
    }
    let as_of = last.values().max().cloned().unwrap();
    let as_of = chrono::NaiveDate::parse_from_str(&as_of, "%Y-%m-%d").unwrap();
    rows(&dir.join("funds.csv"))
        .into_iter()
        .filter(|r| {
            last.get(&r["fund_code"]).is_none_or(|d| {
                let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
                (as_of - d).num_days() <= 30
            })
        })
        .collect()
}

#[test]
fn verbs_of_trade_and_relative_years_are_sales() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let stationery = |s: &str| data.items[s].0 == "Stationery";
    let at = |loc: &'static str| move |s: &str, l: &str| stationery(s) && l == loc;
    let (units_sh, revenue_sh) = data.sum("2026-04-01", "2026-04-30", at("WH-SH"));
    let (q4_bj, _) = data.sum("2025-10-01", "2025-12-31", at("WH-BJ"));
    let (fortnight_bj, _) = data.sum("2026-06-16", "2026-06-29", at("WH-BJ"));
    let (_, revenue_2025) = data.sum("2025-01-01", "2025-12-31", |s, _| stationery(s));
    for (q, want) in [
        (
            "What did the Stationery category move in Shanghai in April 2026?",
            units_sh,
        ),
        (
            "What did Stationery gross in Shanghai in April 2026?",
            revenue_sh,
        ),
        (
            "Stationery units sold in Beijing during Q4 of last year",
            q4_bj,
        ),
        (
            "how many Stationery units did we move out of Beijing over the past fortnight?",
            fortnight_bj,
        ),
        (
            "roughly what did the Stationery category turn over last year?",
            revenue_2025,
        ),
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        close(r.value, want, q);
    }
}

#[test]
fn chinese_and_arabic_periods_are_read_or_refused() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let sku = |s: &str, l: &str| s == "SKU-20009" && l == "WH-BJ";
    for (q, from, to) in [
        (
            "SKU-20009去年12月在北京卖了多少件？",
            "2025-12-01",
            "2025-12-31",
        ),
        (
            "SKU-20009 2026年第一季度在北京的销量",
            "2026-01-01",
            "2026-03-31",
        ),
        (
            "كم وحدة من SKU-20009 بيعت في بكين في الربع الأول من عام 2026؟",
            "2026-01-01",
            "2026-03-31",
        ),
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
        close(r.value, data.sum(from, to, sku).0, q);
    }
    // A word of time nothing reads: never the whole history.
    no_figure(&ask(&a, "SKU-20009今天在北京卖了多少件"), "今天");
}

#[test]
fn fund_families_fees_under_management_and_chinese_superlatives() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let funds = active_funds();
    let num = |r: &HashMap<String, String>, k: &str| r[k].parse::<f64>().unwrap_or(f64::NAN);
    let set = |a: &Answer| ids(a).into_iter().collect::<BTreeSet<_>>();
    // "Cloud Summit funds": the funds of that company.
    let want: BTreeSet<String> = funds
        .iter()
        .filter(|r| r["company"].starts_with("Cloud Summit") && num(r, "expense_ratio") < 0.01)
        .map(|r| r["fund_code"].clone())
        .collect();
    assert!(want.len() >= 3);
    let q = "Which Cloud Summit funds charge less than 1% a year?";
    let r = ask(&a, q);
    assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
    assert_eq!(set(&r), want, "{q}: {}", r.answer);
    // A kind of fund that many names contain is still a category, not a company.
    let r = ask(&a, "3 biggest bond funds by AUM");
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    assert_eq!(ids(&r).len(), 3);
    // "more than 5 billion under management": AUM (in millions) above 5,000.
    let want: BTreeSet<String> = funds
        .iter()
        .filter(|r| r["category"] == "bond" && num(r, "aum") > 5000.0)
        .map(|r| r["fund_code"].clone())
        .collect();
    let mut state = State::default();
    a.ask("list the bond funds", &mut state);
    let r = a.ask(
        "keep only the ones with more than 5 billion under management",
        &mut state,
    );
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    assert_eq!(set(&r), want, "{}", r.answer);
    // 费率最低的3只债券基金: sorted by fee, three of them.
    let mut bonds: Vec<(f64, String)> = funds
        .iter()
        .filter(|r| r["category"] == "bond")
        .map(|r| (num(r, "expense_ratio"), r["fund_code"].clone()))
        .collect();
    bonds.sort_by(|x, y| x.partial_cmp(y).unwrap());
    assert!(bonds[2].0 < bonds[3].0, "a tie at the cut");
    let q = "费率最低的3只债券基金是哪些？";
    let r = ask(&a, q);
    assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
    let want: Vec<String> = bonds[..3].iter().map(|(_, c)| c.clone()).collect();
    assert_eq!(ids(&r), want, "{q}: {}", r.answer);
}

#[test]
fn growth_between_two_periods_and_after_a_year_earlier_follow_up() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let cat = |s: &str, _: &str| data.items[s].0 == "Stationery";
    let april = data.sum("2026-04-01", "2026-04-30", cat).0;
    let may = data.sum("2026-05-01", "2026-05-31", cat).0;
    let may_2025 = data.sum("2025-05-01", "2025-05-31", cat).0;
    let q = "By what percent did Stationery unit sales change from April to May 2026?";
    let r = ask(&a, q);
    assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
    close(r.value, (may - april) / april, q);
    // May, the same month a year earlier, then "the YoY growth": May 2026 over May 2025.
    let mut state = State::default();
    a.ask("Stationery units in May 2026", &mut state);
    let r = a.ask("and in the same month a year earlier?", &mut state);
    close(r.value, may_2025, "a year earlier");
    let r = a.ask("so what's the yoy growth?", &mut state);
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    close(r.value, (may - may_2025) / may_2025, "yoy");
}

#[test]
fn requests_to_change_data_or_outside_forecasts_are_refused() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    for q in [
        "Delete all the sales records for March 2025.",
        "please update the stock of SKU-20009 in Beijing to 50 units",
        "Write me a Python script that pulls purchase orders out of our ERP every night.",
        "What's the weather forecast for Shanghai next week?",
        "cancel the open purchase orders for SKU-20009",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Unsupported, "{q}: {}", r.answer);
        no_figure(&r, q);
    }
}

#[test]
fn network_names_in_part_unknown_nodes_and_changed_values() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    // "Kunming" names Kunming Roastery (no other node has the word).
    let r = ask(&a, "what if Kunming was closed?");
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    match &r.plan {
        Some(Plan::NetworkWhatIf { edits, .. }) => {
            assert_eq!(edits.len(), 1);
            assert_eq!(edits[0].node.as_deref(), Some("Kunming Roastery"));
            assert_eq!(edits[0].open, Some(false));
        }
        other => panic!("{other:?}"),
    }
    // A store the network does not have: never every store's demand.
    for q in [
        "What if Lakeview demand for ground coffee was 250?",
        "what if lakeview's demand rose 10%?",
    ] {
        let r = ask(&a, q);
        no_figure(&r, q);
    }
    // "And if it were 450 instead?": the last change with the new value.
    let mut state = State::default();
    let first = a.ask(
        "what if Port Importers can only ship 300 in total?",
        &mut state,
    );
    assert_eq!(first.status, Status::Answered, "{}", first.answer);
    let r = a.ask("and if it were 450 instead?", &mut state);
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    match &r.plan {
        Some(Plan::NetworkWhatIf { edits, .. }) => {
            assert_eq!(edits.len(), 1);
            assert_eq!(edits[0].node.as_deref(), Some("Port Importers"));
            assert_eq!(edits[0].set, Some(450.0));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn calculation_steps_said_as_commands_and_every_store_ordering_more() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let mut state = State::default();
    let r = a.ask("what is 1000 plus 24", &mut state);
    close(r.value, 1024.0, "1000 plus 24");
    let r = a.ask("subtract 24 and divide by eight", &mut state);
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    close(r.value, 125.0, "(1024 - 24) / 8");
    let r = a.ask("then double it", &mut state);
    close(r.value, 250.0, "125 * 2");
    // Ordering more at every store is the network's demand, everywhere.
    let r = ask(&a, "what if every store ordered 10% more?");
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    match &r.plan {
        Some(Plan::NetworkWhatIf { edits, .. }) => {
            assert_eq!(edits.len(), 1, "{edits:?}");
            assert_eq!(edits[0].op, "demand");
            assert_eq!(edits[0].node.as_deref(), Some("*"));
            assert!((edits[0].scale.unwrap() - 1.1).abs() < 1e-12);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn screening_dialogues_keep_what_they_do_not_restate() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let funds = active_funds();
    let num = |r: &HashMap<String, String>, k: &str| r[k].parse::<f64>().unwrap_or(f64::NAN);
    let set = |a: &Answer| ids(a).into_iter().collect::<BTreeSet<_>>();
    let of = |company: &str, category: Option<&str>| -> BTreeSet<String> {
        funds
            .iter()
            .filter(|r| r["company"].starts_with(company))
            .filter(|r| category.is_none_or(|c| r["category"] == c))
            .map(|r| r["fund_code"].clone())
            .collect()
    };
    // "Silver Pine's bond funds": the company's funds of that category.
    let q = "Show me Silver Pine's bond funds.";
    let r = ask(&a, q);
    assert_eq!(r.status, Status::Answered, "{q}: {}", r.answer);
    assert_eq!(
        set(&r),
        of("Silver Pine", Some("bond")),
        "{q}: {}",
        r.answer
    );
    // The company's funds, then "only the bond ones", then a count, then sorted by fee.
    let mut state = State::default();
    let r = a.ask("Show me all Silver Pine funds.", &mut state);
    assert_eq!(set(&r), of("Silver Pine", None), "{}", r.answer);
    let r = a.ask("Only the bond ones.", &mut state);
    assert_eq!(set(&r), of("Silver Pine", Some("bond")), "{}", r.answer);
    let r = a.ask("How many is that?", &mut state);
    close(
        r.value,
        of("Silver Pine", Some("bond")).len() as f64,
        "count",
    );
    let r = a.ask("And the cheapest of those?", &mut state);
    let cheapest = funds
        .iter()
        .filter(|r| r["company"].starts_with("Silver Pine") && r["category"] == "bond")
        .min_by(|x, y| {
            num(x, "expense_ratio")
                .partial_cmp(&num(y, "expense_ratio"))
                .unwrap()
        })
        .map(|r| r["fund_code"].clone())
        .unwrap();
    assert_eq!(ids(&r), vec![cheapest], "{}", r.answer);
    // A sort with no screen before it, and a comparison with nothing to compare: asked back.
    for q in [
        "Sort by 5-year Sharpe.",
        "Compare them on 3-year volatility.",
    ] {
        let r = ask(&a, q);
        assert_eq!(r.status, Status::Clarify, "{q}: {}", r.answer);
        no_figure(&r, q);
    }
    // A launch-date condition no screen field holds: asked back, never dropped.
    let q = "Which equity funds launched before 2020 have a 1-year return above 3%?";
    let r = ask(&a, q);
    assert_eq!(r.status, Status::Clarify, "{q}: {}", r.answer);
    // "Compare the two" after two funds asked about one by one.
    let mut state = State::default();
    a.ask("expense ratio of F0011?", &mut state);
    a.ask("And for F0012?", &mut state);
    let r = a.ask("Compare the two on expense ratio.", &mut state);
    assert_eq!(r.status, Status::Answered, "{}", r.answer);
    assert_eq!(
        set(&r),
        BTreeSet::from(["F0011".to_string(), "F0012".to_string()]),
        "{}",
        r.answer
    );
}

#[test]
fn ranking_follow_ups_and_size_variants() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let kitchen = |s: &str| data.items[s].0 == "Kitchen Appliances";
    let mut by_loc: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for (d, s, l, u) in &data.sales {
        if d.as_str() >= "2026-05-01" && d.as_str() <= "2026-05-31" && kitchen(s) {
            let e = by_loc.entry(l.clone()).or_default();
            e.0 += u;
            e.1 += u * data.items[s].3;
        }
    }
    let mut units: Vec<(f64, String)> = by_loc.iter().map(|(l, v)| (v.0, l.clone())).collect();
    units.sort_by(|x, y| y.partial_cmp(x).unwrap());
    let mut revenue: Vec<(f64, String)> = by_loc.iter().map(|(l, v)| (v.1, l.clone())).collect();
    revenue.sort_by(|x, y| y.partial_cmp(x).unwrap());
    let mut state = State::default();
    let r = a.ask(
        "Which location sold the most Kitchen Appliances units in May 2026?",
        &mut state,
    );
    assert_eq!(ids(&r), vec![units[0].1.clone()], "{}", r.answer);
    let r = a.ask("And which sold the least?", &mut state);
    assert_eq!(
        ids(&r),
        vec![units.last().unwrap().1.clone()],
        "{}",
        r.answer
    );
    let r = a.ask("Rank all of them by revenue instead.", &mut state);
    let want: Vec<String> = revenue.iter().map(|(_, l)| l.clone()).collect();
    assert_eq!(ids(&r), want, "{}", r.answer);
    // "And the 4L one?" after the 5L air fryer: the brand's only 4L item is a rice
    // cooker, another product, so it is not taken for the air fryer's variant.
    let mut state = State::default();
    a.ask(
        "units of Zen Kitchen Air Fryer 5L sold in May 2026",
        &mut state,
    );
    let r = a.ask("and the 4L one?", &mut state);
    no_figure(&r, "the 4L one");
}

#[test]
fn short_follow_ups_in_other_languages_and_places_keep_the_product() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    // 近三年呢？ after a 1-year Sharpe: the same fund, 3 years.
    let mut state = State::default();
    let r = a.ask("F0011近一年夏普比率是多少？", &mut state);
    assert!(matches!(&r.plan, Some(Plan::FundMetric { metric, .. }) if metric == "sharpe_1y"));
    let r = a.ask("近三年呢？", &mut state);
    assert!(
        matches!(&r.plan, Some(Plan::FundMetric { metric, scope }) if metric == "sharpe_3y" && scope.funds == vec!["F0011".to_string()]),
        "{}",
        r.answer
    );
    // A question naming only a place keeps the one product talked about …
    let mut state = State::default();
    a.ask(
        "How many SKU-20009 did Beijing sell in April 2026?",
        &mut state,
    );
    let r = a.ask("how many did Shanghai sell in April 2026?", &mut state);
    let want = data
        .sum("2026-04-01", "2026-04-30", |s, l| {
            s == "SKU-20009" && l == "WH-SH"
        })
        .0;
    close(r.value, want, "Shanghai, the same product");
    // … unless it speaks of everything.
    let r = a.ask(
        "Total units sold across every product in Shanghai in April 2026",
        &mut state,
    );
    let want = data.sum("2026-04-01", "2026-04-30", |_, l| l == "WH-SH").0;
    close(r.value, want, "Shanghai, everything");
}

#[test]
fn comparisons_shares_and_conditions_said_in_passing() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    let funds = active_funds();
    let num = |r: &HashMap<String, String>, k: &str| r[k].parse::<f64>().unwrap_or(f64::NAN);
    // "as a share of everything Beijing sold" after a revenue figure: still revenue.
    let stationery = |s: &str| data.items[s].0 == "Stationery";
    let (_, part) = data.sum("2026-05-01", "2026-05-31", |s, l| {
        stationery(s) && l == "WH-BJ"
    });
    let (_, whole) = data.sum("2026-05-01", "2026-05-31", |_, l| l == "WH-BJ");
    let mut state = State::default();
    a.ask("stationery revenue in beijing in May 2026?", &mut state);
    let r = a.ask(
        "as a share of everything Beijing sold in May 2026?",
        &mut state,
    );
    close(r.value, part / whole, "share of revenue");
    // "… compare with May last year, as growth?": the figure shown over May 2025.
    let units = |from: &str, to: &str| {
        data.sum(from, to, |s, l| s == "SKU-20009" && l == "WH-SH")
            .0
    };
    let mut state = State::default();
    a.ask(
        "How many SKU-20009 did Shanghai sell in May 2026?",
        &mut state,
    );
    let r = a.ask(
        "How does that figure compare with May last year, as growth?",
        &mut state,
    );
    let (this, last) = (
        units("2026-05-01", "2026-05-31"),
        units("2025-05-01", "2025-05-31"),
    );
    close(r.value, (this - last) / last, "growth against May 2025");
    // "and over 5?" after a 3-year figure is the 5-year figure, never a division.
    let mut state = State::default();
    a.ask("3-year volatility of F0011", &mut state);
    let r = a.ask("and over 5?", &mut state);
    assert!(
        matches!(&r.plan, Some(Plan::FundMetric { metric, .. }) if metric == "volatility_5y"),
        "{}",
        r.answer
    );
    // "at or below 0.5%": the limit itself included.
    let want: BTreeSet<String> = funds
        .iter()
        .filter(|r| r["category"] == "bond" && num(r, "expense_ratio") <= 0.005)
        .map(|r| r["fund_code"].clone())
        .collect();
    let r = ask(&a, "bond funds with fees at or below 0.5%");
    assert_eq!(
        ids(&r).into_iter().collect::<BTreeSet<_>>(),
        want,
        "{}",
        r.answer
    );
    // "a risk rating of 5": the risk level.
    let fives = funds.iter().filter(|r| r["risk_level"] == "5").count();
    let r = ask(&a, "how many funds carry the top risk rating of 5?");
    close(r.value, fives as f64, "risk rating 5");
    // Stock value at cost, asked in Arabic.
    let cost: f64 = data
        .inventory
        .iter()
        .filter(|(_, l, _)| l == "WH-BJ")
        .map(|(s, _, u)| u * data.items[s].2)
        .sum();
    let r = ask(&a, "ما هي قيمة المخزون في مستودع بكين بسعر التكلفة؟");
    assert!(
        (r.value.unwrap() - cost).abs() < 1e-6 * cost,
        "{} vs {cost}",
        r.answer
    );
}

#[test]
fn counts_of_products_assets_managed_and_pauses_in_sums() {
    let ds = open_demo();
    let a = rules_assistant(&ds);
    let data = csv_data();
    // "how many different products did Beijing sell at least one of": SKUs, not units.
    let skus: BTreeSet<&String> = data
        .sales
        .iter()
        .filter(|(d, _, l, u)| d == "2025-11-11" && l == "WH-BJ" && *u > 0.0)
        .map(|(_, s, _, _)| s)
        .collect();
    let q = "How many different products did Beijing sell at least one of on Double 11 last year?";
    close(ask(&a, q).value, skus.len() as f64, q);
    // "15% of 8640, plus 120": the comma is a pause.
    close(
        ask(&a, "what's 15% of 8640, plus 120?").value,
        1416.0,
        "sum",
    );
    // "and how much money does it manage?" after a fund's fee: its AUM.
    let aum: f64 = rows(&demo().1.join("funds").join("funds.csv"))
        .into_iter()
        .find(|r| r["fund_code"] == "F0011")
        .map(|r| r["aum"].parse().unwrap())
        .unwrap();
    let mut state = State::default();
    a.ask("expense ratio of F0011?", &mut state);
    let r = a.ask("and how much money does it manage?", &mut state);
    close(r.value, aum, "AUM");
    // Competitors' figures are not in the data, whatever else the question says.
    let r = ask(&a, "Which competitor sells SKU-20009 cheaper than we do?");
    assert_eq!(r.status, Status::Unsupported, "{}", r.answer);
}
