//! The fund questions of ../shared/eval/dev.jsonl, translated by hand into engine calls and run
//! on the sample data read straight from its CSV files. Skipped when ../shared is absent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use abacus_funds::{parse_screen, Config, FundInfo, FundInput, FundTable};

/// This package's folder as cargo gives it when it runs the tests (the path compiled in
/// is stale when the checkout moved and the build cache was reused).
fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || env!("CARGO_MANIFEST_DIR").into(),
        std::path::PathBuf::from,
    )
}

fn shared() -> Option<PathBuf> {
    let p = package_dir().join("../../../shared");
    p.join("data/sample/funds/funds.csv").exists().then_some(p)
}

fn load(dir: &std::path::Path) -> FundTable {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let mut r = csv::Reader::from_path(dir.join("funds.csv")).unwrap();
    let headers = r.headers().unwrap().clone();
    let mut funds: BTreeMap<String, FundInput> = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .map_or("", |i| &rec[i])
        };
        let mut info = FundInfo {
            code: get("fund_code").into(),
            name: get("name").into(),
            category: get("category").into(),
            subcategory: opt(get("subcategory")),
            risk_level: get("risk_level").parse().ok(),
            expense_ratio: get("expense_ratio").parse().unwrap(),
            inception: crate::d(get("inception_date")),
            manager: opt(get("manager")),
            company: opt(get("company")),
            aum: get("aum").parse().ok(),
            ..FundInfo::default()
        };
        let known = [
            "fund_code",
            "name",
            "category",
            "subcategory",
            "risk_level",
            "expense_ratio",
            "inception_date",
            "manager",
            "company",
            "aum",
        ];
        for (h, v) in headers
            .iter()
            .zip(rec.iter())
            .filter(|(h, v)| !known.contains(h) && !v.is_empty())
        {
            match v.parse::<f64>() {
                Ok(x) => _ = info.numeric.insert(h.into(), x),
                Err(_) => _ = info.text.insert(h.into(), v.into()),
            }
        }
        funds.insert(
            info.code.clone(),
            FundInput {
                info,
                nav: Vec::new(),
            },
        );
    }
    let mut r = csv::Reader::from_path(dir.join("fund_nav.csv")).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        let f = funds.get_mut(&rec[0]).expect("NAV of a listed fund");
        f.nav.push((crate::d(&rec[1]), rec[3].parse().unwrap()));
    }
    FundTable::build(funds.into_values().collect(), Config::default()).unwrap()
}

/// (question id, fund reference, metric, expected value); the fund is a code or a name as asked.
const METRICS: &[(&str, &str, &str, f64)] = &[
    ("dev-0010a", "F0183", "volatility_3y", 0.13218883979578305),
    ("dev-0010b", "F0183", "volatility_5y", 0.13213591880864978),
    (
        "dev-0010c",
        "Yellow Sea Pure Bond II",
        "volatility_5y",
        0.01779628403238359,
    ),
    ("dev-0038", "F0052", "sharpe_1y", 1.9404588220980268),
    ("dev-0039", "F0102", "sortino_3y", 0.14881848964331873),
    ("dev-0059b", "F0096", "volatility_1y", 0.16997485904227239),
    ("dev-0070", "F0092", "sortino_3y", 1.2492271097425869),
    ("dev-0075", "F0074", "volatility_1y", 0.1778624677082574),
    ("dev-0076", "F0066", "sortino_1y", 3.1592216626954928),
    ("dev-0077", "F0119", "return_total_1y", 0.2122172885344904),
    ("dev-0086a", "F0161", "volatility_3y", 0.24086700942991696),
    ("dev-0086b", "F0161", "max_drawdown_3y", 0.2353129893482816),
    ("dev-0092", "F0060", "volatility_1y", 0.020578401275446478),
    ("dev-0096", "F0069", "sortino_1y", 2.6015315909260806),
    ("dev-0110a", "F0125", "sharpe_3y", 0.22149221060841878),
    ("dev-0110b", "F0125", "sharpe_5y", 0.07844613241854431),
    ("dev-0110c", "F0043", "sharpe_5y", 0.6358869226503405),
    (
        "dev-0113a",
        "Yellow Sea Value Equity",
        "return_1y",
        0.2369830577215848,
    ),
    (
        "dev-0113b",
        "Yellow Sea Value Equity",
        "return_5y",
        0.03421362672928341,
    ),
    ("dev-0113c", "F0047", "return_5y", -0.0018312293006135238),
    ("dev-0115", "F0077", "return_3y", 0.014878923446317138),
    ("dev-0117", "F0158", "volatility_3y", 0.23194107247363904),
    ("dev-0124a", "F0137", "return_3y", -0.024857600274439062),
    ("dev-0124b", "F0137", "return_5y", -0.049640006748641),
    ("dev-0124c", "F0120", "return_5y", 0.12332062299148427),
    ("dev-0129a", "F0055", "volatility_3y", 0.17553151964690747),
    ("dev-0129b", "F0055", "max_drawdown_3y", 0.20880042533180565),
    (
        "dev-0130",
        "F0078",
        "return_since_inception",
        0.045612401065950214,
    ),
    ("dev-0131a", "F0135", "volatility_3y", 0.20309020672342443),
    ("dev-0131b", "F0135", "max_drawdown_3y", 0.30345007978922567),
    (
        "dev-0147",
        "Golden Crane Asia Pacific Select QDII",
        "return_3y",
        0.149422155382275,
    ),
];

/// (question id, screen, expected codes, whether the order matters). Categories as the
/// questions name them: stock = equity, hybrid = mixed, fixed-income = bond.
const SCREENS: &[(&str, &str, &[&str], bool)] = &[
    (
        "dev-0001",
        "category=qdii return_1y>30.0% sharpe_3y>0.3 sort=+volatility_3y",
        &[
            "F0006", "F0126", "F0063", "F0115", "F0019", "F0017", "F0034", "F0120", "F0061",
            "F0093",
        ],
        true,
    ),
    (
        "dev-0024",
        "category=commodity sharpe_3y>0.8 sort=-return_1y",
        &["F0074", "F0080", "F0144"],
        true,
    ),
    (
        "dev-0040",
        "category=commodity return_3y>8% max_drawdown_3y<15% sort=-sharpe_3y",
        &["F0144", "F0074", "F0080"],
        true,
    ),
    (
        "dev-0047a",
        "category=equity sharpe_3y>0.5 sort=-return_ytd",
        &[
            "F0180", "F0190", "F0066", "F0184", "F0055", "F0117", "F0108", "F0021", "F0143",
            "F0004", "F0089", "F0096",
        ],
        true,
    ),
    (
        "dev-0047b",
        "category=equity sharpe_3y>0.5 aum>1000 sort=-return_ytd",
        &[
            "F0180", "F0190", "F0066", "F0184", "F0117", "F0021", "F0143", "F0004", "F0089",
            "F0096",
        ],
        true,
    ),
    (
        "dev-0047c",
        "category=equity sharpe_3y>0.5 aum>1000 sort=-return_1y",
        &[
            "F0190", "F0180", "F0117", "F0184", "F0143", "F0066", "F0021", "F0004", "F0096",
            "F0089",
        ],
        true,
    ),
    (
        "dev-0056a",
        "category=qdii max_drawdown_3y<25% sort=-return_1y",
        &[
            "F0017", "F0061", "F0063", "F0115", "F0034", "F0012", "F0059",
        ],
        true,
    ),
    (
        "dev-0056b",
        "category=qdii max_drawdown_3y<25% aum>2000 sort=-return_1y",
        &["F0063", "F0115", "F0034", "F0012", "F0059"],
        true,
    ),
    (
        "dev-0056c",
        "category=qdii max_drawdown_3y<25% aum>2000 sort=+max_drawdown_3y",
        &["F0012", "F0059", "F0063", "F0034", "F0115"],
        true,
    ),
    (
        "dev-0066",
        "category=mixed aum>1000 sharpe_3y>1 max_drawdown_3y<25%",
        &["F0018", "F0024"],
        false,
    ),
    (
        "dev-0069a",
        "category=mixed sharpe_3y>0.8 sort=-return_3y",
        &["F0018", "F0183", "F0005", "F0146", "F0024", "F0023"],
        true,
    ),
    (
        "dev-0069b",
        "category=mixed sharpe_3y>0.8 aum>2000 sort=-return_3y",
        &["F0018", "F0183", "F0024"],
        true,
    ),
    (
        "dev-0069c",
        "category=mixed sharpe_3y>0.8 aum>2000 sort=-return_1y",
        &["F0018", "F0024", "F0183"],
        true,
    ),
    (
        "dev-0069d",
        "category=mixed sharpe_3y>0.8 aum>2000 sort=-return_1y limit=3",
        &["F0018", "F0024", "F0183"],
        true,
    ),
    (
        "dev-0073a",
        "category=mixed return_3y>5% sort=-sharpe_3y",
        &[
            "F0018", "F0024", "F0183", "F0023", "F0005", "F0146", "F0156", "F0049", "F0110",
            "F0200", "F0058", "F0191", "F0025", "F0133", "F0199", "F0040", "F0078", "F0028",
            "F0129", "F0052",
        ],
        true,
    ),
    (
        "dev-0073b",
        "category=mixed return_3y>5% aum>2000 sort=-sharpe_3y",
        &["F0018", "F0024", "F0183", "F0040", "F0078", "F0028"],
        true,
    ),
    (
        "dev-0073c",
        "category=mixed return_3y>5% aum>2000 sort=+max_drawdown_3y",
        &["F0018", "F0024", "F0183", "F0078", "F0040", "F0028"],
        true,
    ),
    (
        "dev-0073d",
        "category=mixed return_3y>5% aum>2000 sort=+max_drawdown_3y limit=3",
        &["F0018", "F0024", "F0183"],
        true,
    ),
    (
        "dev-0119a",
        "category=bond volatility_3y<1.5% sort=-return_1y",
        &["F0098", "F0188", "F0153", "F0179", "F0185", "F0192"],
        true,
    ),
    (
        "dev-0119b",
        "category=bond volatility_3y<1.5% aum>2000 sort=-return_1y",
        &["F0188", "F0185", "F0192"],
        true,
    ),
    (
        "dev-0119c",
        "category=bond volatility_3y<1.5% aum>2000 sort=-sharpe_3y",
        &["F0192", "F0185", "F0188"],
        true,
    ),
    (
        "dev-0119d",
        "category=bond volatility_3y<1.5% aum>2000 sort=-sharpe_3y limit=3",
        &["F0192", "F0185", "F0188"],
        true,
    ),
    (
        "dev-0128",
        "category=qdii sharpe_3y>0.5 sort=+expense_ratio",
        &[
            "F0115", "F0092", "F0126", "F0061", "F0093", "F0063", "F0019", "F0012", "F0120",
            "F0017", "F0006", "F0034",
        ],
        true,
    ),
    (
        "dev-0133",
        "category=commodity aum>5000 sort=-sharpe_3y",
        &["F0074", "F0051", "F0046"],
        true,
    ),
];

/// (question id, fund references, expected codes) of comparisons.
const COMPARES: &[(&str, &[&str], &[&str])] = &[
    (
        "dev-0037",
        &["F0006", "Orient Bridge Global Healthcare QDII II"],
        &["F0006", "F0126"],
    ),
    ("dev-0086c", &["F0161", "F0052"], &["F0161", "F0052"]),
    (
        "dev-0106",
        &["F0020", "Great Wall Star CSI 1000 Index", "F0168"],
        &["F0020", "F0114", "F0168"],
    ),
    ("dev-0129c", &["F0055", "F0083"], &["F0055", "F0083"]),
    ("dev-0131c", &["F0135", "F0046"], &["F0135", "F0046"]),
    ("dev-0132", &["F0043", "F0045"], &["F0043", "F0045"]),
];

#[test]
fn dev_fund_questions() {
    let Some(shared) = shared() else {
        println!("../shared is absent: skipped the dev fund questions");
        return;
    };
    let t = load(&shared.join("data/sample/funds"));
    let mut checked = 0;
    for &(id, fund, metric, want) in METRICS {
        let i = t.find(fund).unwrap_or_else(|e| panic!("{id}: {e}"));
        let got = t
            .value(i, t.field(metric).unwrap())
            .unwrap_or_else(|u| panic!("{id}: {u}"));
        let err = (got - want).abs() / want.abs();
        assert!(err <= 1e-9, "{id}: {fund} {metric} = {got}, want {want}");
        checked += 1;
    }
    for &(id, screen, want, ordered) in SCREENS {
        let s = parse_screen(&t, screen).unwrap_or_else(|e| panic!("{id}: {e}"));
        let mut got: Vec<&str> = s
            .run(&t)
            .funds
            .iter()
            .map(|&i| t.fund(i).code.as_str())
            .collect();
        let mut want = want.to_vec();
        if !ordered {
            got.sort_unstable();
            want.sort_unstable();
        }
        assert_eq!(got, want, "{id}: {screen}");
        checked += 1;
    }
    for &(id, refs, want) in COMPARES {
        let funds: Vec<usize> = refs
            .iter()
            .map(|r| t.find(r).unwrap_or_else(|e| panic!("{id}: {e}")))
            .collect();
        let table = t.table(&funds, &t.default_compare_fields());
        let got: Vec<String> = table.rows.iter().map(|r| format!("{:?}", r[0])).collect();
        let want: Vec<String> = want
            .iter()
            .map(|c| format!("{:?}", abacus_funds::Cell::Text(c.to_string())))
            .collect();
        assert_eq!(got, want, "{id}");
        checked += 1;
    }
    // dev-0107: a difference of two volatilities.
    let vol = |c: &str| {
        t.value(t.find(c).unwrap(), t.field("volatility_3y").unwrap())
            .unwrap()
    };
    crate::close(vol("F0016") - vol("F0033"), 0.012628607841980527, 1e-9);
    // dev-0014 / dev-0019: a fund younger than three years has no 3-year figures.
    let young = t.find("Evergreen Pine CSI 300 Index").unwrap();
    assert_eq!(t.fund(young).code, "F0048");
    for metric in ["volatility_3y", "return_3y"] {
        assert_eq!(
            t.value(young, t.field(metric).unwrap()),
            Err(abacus_funds::Undefined::NotEnoughHistory)
        );
    }
    // dev-0059: two share classes fit the name; dev-0025: an unknown code.
    assert!(matches!(
        t.find("Summit Peak Low Carbon Equity"),
        Err(abacus_funds::Error::AmbiguousFund { .. })
    ));
    assert!(matches!(
        t.find("F0999"),
        Err(abacus_funds::Error::UnknownFund(_))
    ));
    checked += 4;
    // The sample's as-of date and its one inactive fund, whose NAV ends on 29 February 2024.
    assert_eq!(t.as_of(), Some(crate::d("2026-06-30")));
    let inactive: Vec<&str> = (0..t.len())
        .filter(|&i| !t.is_active(i))
        .map(|i| t.fund(i).code.as_str())
        .collect();
    assert_eq!(inactive, ["F0173"]);
    println!("checked {checked} dev fund questions (turns) against the engine");
}
