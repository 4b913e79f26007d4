//! The CLI's edit text: every form parses to the edit it names; bad text is an error.

use abacus_network::{parse_edit, Change::*, Edit, Target};

fn node(s: &str) -> Target {
    Target::Node(s.to_string())
}

#[test]
fn every_form_parses() {
    let cases: Vec<(&str, Edit)> = vec![
        (
            "demand S06 *1.2",
            Edit::Demand {
                node: node("S06"),
                product: None,
                change: Scale(1.2),
            },
        ),
        (
            "demand S06 green_tea =150",
            Edit::Demand {
                node: node("S06"),
                product: Some("green_tea".into()),
                change: Set(150.0),
            },
        ),
        (
            "demand * +10",
            Edit::Demand {
                node: Target::All,
                product: None,
                change: Add(10.0),
            },
        ),
        (
            "demand S08 -25%",
            Edit::Demand {
                node: node("S08"),
                product: None,
                change: Scale(0.75),
            },
        ),
        (
            "capacity \"Assam Estate\" *0.5",
            Edit::Capacity {
                node: "Assam Estate".into(),
                change: Scale(0.5),
            },
        ),
        (
            "supply \"Harbour Imports\" leaf =100",
            Edit::Supply {
                node: "Harbour Imports".into(),
                product: "leaf".into(),
                change: Set(100.0),
            },
        ),
        (
            "lane-cost A B *1.1",
            Edit::LaneCost {
                from: node("A"),
                to: node("B"),
                product: None,
                change: Scale(1.1),
            },
        ),
        (
            "lane-cost A B black_tea =3",
            Edit::LaneCost {
                from: node("A"),
                to: node("B"),
                product: Some("black_tea".into()),
                change: Set(3.0),
            },
        ),
        (
            "lane-cost A * +0.5",
            Edit::LaneCost {
                from: node("A"),
                to: Target::All,
                product: None,
                change: Add(0.5),
            },
        ),
        (
            "lane-cost * S09 -0.5",
            Edit::LaneCost {
                from: Target::All,
                to: node("S09"),
                product: None,
                change: Add(-0.5),
            },
        ),
        (
            "forbid A B",
            Edit::ForbidLane {
                from: node("A"),
                to: node("B"),
                product: None,
            },
        ),
        (
            "forbid A B leaf",
            Edit::ForbidLane {
                from: node("A"),
                to: node("B"),
                product: Some("leaf".into()),
            },
        ),
        (
            "min-flow A B 50",
            Edit::MinFlow {
                from: "A".into(),
                to: "B".into(),
                product: None,
                min: 50.0,
            },
        ),
        (
            "min-flow A B 50 leaf",
            Edit::MinFlow {
                from: "A".into(),
                to: "B".into(),
                product: Some("leaf".into()),
                min: 50.0,
            },
        ),
        (
            "only-serve N S01,S02",
            Edit::OnlyServe {
                node: "N".into(),
                destinations: vec!["S01".into(), "S02".into()],
            },
        ),
        (
            "only-serve N S01, S02",
            Edit::OnlyServe {
                node: "N".into(),
                destinations: vec!["S01".into(), "S02".into()],
            },
        ),
        (
            "exclusive A B",
            Edit::ExclusivePair {
                from: "A".into(),
                to: "B".into(),
            },
        ),
        (
            "close \"South Packing\"",
            Edit::Facility {
                node: "South Packing".into(),
                open: false,
            },
        ),
        (
            "open F",
            Edit::Facility {
                node: "F".into(),
                open: true,
            },
        ),
        (
            "fixed-cost F *0.8",
            Edit::FixedCost {
                node: "F".into(),
                change: Scale(0.8),
            },
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            parse_edit(text).unwrap_or_else(|e| panic!("{text}: {e}")),
            want,
            "{text}"
        );
    }
}

#[test]
fn bad_text_is_an_error() {
    for text in [
        "",
        "demand S06",
        "demand S06 1.2",
        "frobnicate X",
        "close",
        "capacity * *2",
        "close \"South",
        "min-flow A B lots",
    ] {
        assert!(parse_edit(text).is_err(), "{text:?} should not parse");
    }
}
