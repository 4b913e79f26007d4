//! Entity linking by embeddings, where string matching fails, on the demo data:
//! a description only the embeddings link (the figure checked against a sum over
//! the CSVs), a description that fits several products (asks which), a made-up
//! product (asks back, never the brand's or category's figure), a shortened fund
//! name (the fund's own figure), and without models the leftover words still
//! refuse the broader answer. The model tests need the models (see `models.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use abacus_assistant::{Assistant, Cascade, Models, Policy, State, Status};
use chrono::{Datelike, NaiveDate};

use crate::models::models;
use crate::{demo, open_demo};

fn read(file: &str) -> Vec<HashMap<String, String>> {
    let (_, data) = demo();
    let mut r = csv::Reader::from_path(data.join(file)).unwrap();
    let h = r.headers().unwrap().clone();
    r.records()
        .map(|x| {
            let x = x.unwrap();
            h.iter()
                .zip(x.iter())
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        })
        .collect()
}

/// The sku whose name is exactly `name` (from the CSV).
fn sku_named(name: &str) -> String {
    read("retail/items.csv")
        .into_iter()
        .find(|r| r["name"] == name)
        .map(|r| r["sku"].clone())
        .unwrap_or_else(|| panic!("no item {name} in the demo data"))
}

/// Units of one SKU over the calendar month before the as-of date, from the CSVs.
fn units_last_month(sku: &str) -> f64 {
    let inv = read("retail/inventory.csv");
    let as_of = NaiveDate::parse_from_str(&inv[0]["as_of"], "%Y-%m-%d").unwrap();
    let first = NaiveDate::from_ymd_opt(as_of.year(), as_of.month(), 1).unwrap();
    let end = first.pred_opt().unwrap();
    let start = NaiveDate::from_ymd_opt(end.year(), end.month(), 1).unwrap();
    read("retail/sales.csv")
        .into_iter()
        .filter(|r| r["sku"] == sku)
        .filter(|r| {
            let d = NaiveDate::parse_from_str(&r["date"], "%Y-%m-%d").unwrap();
            start <= d && d <= end
        })
        .map(|r| r["units"].parse::<f64>().unwrap())
        .sum()
}

fn policy(cascade: Cascade) -> Policy {
    Policy {
        cascade,
        ..Policy::default()
    }
}

#[test]
fn a_description_only_the_embeddings_link() {
    let Some(models) = models() else { return };
    let ds = open_demo();
    // "tooth paste" is no word of "Steel Edge Toothpaste 120g x3": string matching links
    // only the brand.
    let q = "How many units of the Steel Edge tooth paste did we sell last month?";
    let sku = sku_named("Steel Edge Toothpaste 120g x3");
    let want = units_last_month(&sku);
    // The rules alone must not answer the brand's total instead.
    let rules = Assistant::with_models(&ds, models.clone(), policy(Cascade::Rules)).unwrap();
    let r = rules.ask(q, &mut State::default());
    assert_eq!(r.status, Status::Clarify, "{}", r.answer);
    assert!(r.value.is_none() && r.table.is_none());
    let full = Assistant::with_models(&ds, models, policy(Cascade::Full)).unwrap();
    let a = full.ask(q, &mut State::default());
    let explain = a.explain.clone().unwrap_or_default();
    assert_eq!(a.status, Status::Answered, "{} ({explain})", a.answer);
    assert!(
        explain.contains("entity linking by embeddings"),
        "{explain}"
    );
    let plan = serde_json::to_value(a.plan.as_ref().unwrap()).unwrap();
    let scope = |k: &str| {
        plan.pointer(&format!("/scope/{k}"))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(scope("skus"), serde_json::json!([sku]), "{explain}");
    assert_eq!(scope("brands"), serde_json::json!([]), "{explain}");
    assert_eq!(a.value, Some(want), "{explain}");
}

#[test]
fn a_description_of_several_products_asks_which() {
    let Some(models) = models() else { return };
    let ds = open_demo();
    let full = Assistant::with_models(&ds, models, policy(Cascade::Full)).unwrap();
    let mut state = State::default();
    let a = full.ask(
        "How much kitty litter did the Beijing warehouse sell last month?",
        &mut state,
    );
    let explain = a.explain.clone().unwrap_or_default();
    assert_eq!(a.status, Status::Clarify, "{} ({explain})", a.answer);
    assert!(a.value.is_none() && a.table.is_none());
    assert!(
        a.answer.starts_with("Which product do you mean"),
        "{}",
        a.answer
    );
    let litter: Vec<String> = read("retail/items.csv")
        .into_iter()
        .filter(|r| r["name"].contains("Cat Litter"))
        .map(|r| r["sku"].clone())
        .collect();
    let (kind, options) = state.pending.clone().expect("options to pick from");
    assert_eq!(kind, "product");
    assert!(options.len() >= 2, "{options:?}");
    assert!(
        options.iter().all(|o| litter.contains(o)),
        "{options:?} are not all cat litter ({explain})"
    );
}

#[test]
fn a_made_up_product_is_asked_about_never_the_broader_figure() {
    let Some(models) = models() else { return };
    let ds = open_demo();
    let full = Assistant::with_models(&ds, models, policy(Cascade::Full)).unwrap();
    for q in [
        "How many of the moonbeam toasters did Beijing sell last month?",
        "units sold of the Steel Edge hair gel last month",
    ] {
        let a = full.ask(q, &mut State::default());
        let explain = a.explain.clone().unwrap_or_default();
        assert_eq!(a.status, Status::Clarify, "{q}: {} ({explain})", a.answer);
        assert!(a.value.is_none() && a.table.is_none(), "{q}");
    }
}

/// The shared sample dataset (`../shared/data/sample`), imported once, when present.
fn sample() -> Option<&'static (tempfile::TempDir, std::path::PathBuf)> {
    static SAMPLE: std::sync::OnceLock<Option<(tempfile::TempDir, std::path::PathBuf)>> =
        std::sync::OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let data = crate::package_dir()
                .join("../../../shared/data/sample")
                .canonicalize()
                .ok()?;
            let tmp = tempfile::tempdir().unwrap();
            let store = abacus_store::Store::open(&tmp.path().join("store")).unwrap();
            store.import(&data, &mut |_| {}).unwrap();
            Some((tmp, data))
        })
        .as_ref()
}

#[test]
fn a_shortened_fund_name_links_to_the_fund() {
    let Some(models) = models() else { return };
    let Some((tmp, data)) = sample() else {
        eprintln!("skipped: ../shared/data/sample is not present");
        return;
    };
    let store = abacus_store::Store::open(&tmp.path().join("store")).unwrap();
    let info = store.find(data.to_str().unwrap()).unwrap();
    let ds = store.open_dataset(&info).unwrap();
    // "finance reform" is too far from "Financial Reform" for string matching, which
    // links only the company's sixteen funds.
    let code = "F0044";
    let mut r = csv::Reader::from_path(data.join("funds/funds.csv")).unwrap();
    let name_col = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "name")
        .unwrap();
    let named = r
        .records()
        .map(|x| x.unwrap())
        .find(|x| &x[0] == code)
        .map(|x| x[name_col].to_string());
    assert_eq!(named.as_deref(), Some("Silver Bay Financial Reform Equity"));
    let full = Assistant::with_models(&ds, models, policy(Cascade::Full)).unwrap();
    let a = full.ask(
        "What is the 3-year max drawdown of the Silver Bay finance reform fund?",
        &mut State::default(),
    );
    let explain = a.explain.clone().unwrap_or_default();
    assert_eq!(a.status, Status::Answered, "{} ({explain})", a.answer);
    let plan = serde_json::to_value(a.plan.as_ref().unwrap()).unwrap();
    assert_eq!(
        plan.pointer("/scope/funds").cloned().unwrap_or_default(),
        serde_json::json!([code]),
        "{explain}"
    );
    // The same figure as asked by its code.
    let by_code = full.ask(
        &format!("What is the 3-year max drawdown of fund {code}?"),
        &mut State::default(),
    );
    assert_eq!(by_code.status, Status::Answered, "{}", by_code.answer);
    assert!(a.value.is_some());
    assert_eq!(a.value, by_code.value);
}

#[test]
fn without_models_leftover_words_still_refuse_the_broader_answer() {
    let ds = open_demo();
    let none = Assistant::with_models(&ds, Arc::new(Models::at(None)), Policy::default()).unwrap();
    for q in [
        "How many of the bunny rice snacks did we sell last month?",
        "units sold of the Steel Edge antiperspirant last month",
        "how much canine kibble sold in Beijing last month",
    ] {
        let a = none.ask(q, &mut State::default());
        let explain = a.explain.clone().unwrap_or_default();
        assert_eq!(a.status, Status::Clarify, "{q}: {} ({explain})", a.answer);
        assert!(a.value.is_none() && a.table.is_none(), "{q}");
        assert!(
            explain.contains("entity linking by embeddings off"),
            "{q}: {explain}"
        );
    }
    // Nothing left over: the rules answer as before.
    let a = none.ask(
        "How many units of Little Rabbit Rice Crackers 400g did we sell last month?",
        &mut State::default(),
    );
    assert_eq!(a.status, Status::Answered, "{}", a.answer);
    assert_eq!(
        a.value,
        Some(units_last_month(&sku_named(
            "Little Rabbit Rice Crackers 400g"
        )))
    );
}
