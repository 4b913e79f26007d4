//! Fund questions: metric names with their windows, screen filters, sorts,
//! limits and categories, in English (typo-tolerant), Chinese and Arabic basics.

use crate::lexicon::{Kind, Linked};
use crate::plan::{Cmp, FundFilter, Intent, SortKey};
use crate::signals::{Text, COMPARE_WORDS};
use crate::text::word_matches;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct FundDraft {
    pub categories: Vec<String>,
    pub filters: Vec<FundFilter>,
    pub sort: Vec<SortKey>,
    pub limit: Option<usize>,
    /// Metrics named, in order (with their windows resolved where given).
    pub metrics: Vec<String>,
    /// A metric word was seen whose window was not given ("Sharpe ratio of F1").
    pub missing_window: Option<String>,
    pub compare: bool,
    /// "difference in X between A and B".
    pub difference: bool,
    /// Screen wording: list/which/show/find funds, or plural "funds" with filters.
    pub screen: bool,
    pub fund_count: usize,
    /// Manager names asked for ("managed by Chen Fang").
    pub managers: Vec<String>,
    /// Ids of a name several funds share, said of funds in the plural ("Golden Crane
    /// funds", "funds from Golden Crane"): the fund family, screened as a whole.
    pub family: Vec<String>,
    /// Ids of names that are a kind of fund said in the plural ("the money market
    /// funds"): the category, not funds to ask about.
    pub kind_names: Vec<Vec<String>>,
    /// The words of a family name that also says a kind ("phoenix rise bond"): the
    /// kind is read as the category.
    pub family_kinds: Vec<String>,
    /// "how many funds".
    pub count: bool,
    /// "average …": the field averaged over the matching funds.
    pub average: Option<String>,
    /// A condition ("more than 10%") whose figure could not be read.
    pub unresolved: Option<String>,
    /// "fund(s)" is said, or a fund is named.
    pub strong: bool,
    /// Starts a new screen ("list …", "which funds …") rather than refining the last one.
    pub new_list: bool,
}

impl FundDraft {
    pub fn intent(&self) -> Intent {
        if ((self.compare || self.difference) && (self.fund_count >= 2 || self.compare))
            || (self.fund_count >= 2 && !self.metrics.is_empty())
        {
            Intent::FundCompare
        } else if (self.fund_count == 0
            && (self.screen
                || !self.filters.is_empty()
                || !self.categories.is_empty()
                || !self.sort.is_empty()
                || self.limit.is_some()))
            || (!self.categories.is_empty() && (!self.sort.is_empty() || !self.filters.is_empty()))
        {
            Intent::FundScreen
        } else {
            Intent::FundMetric
        }
    }
}

/// (words, base metric, needs a window)
const BASES: &[(&[&str], &str, bool)] = &[
    (&["sharpe"], "sharpe", true),
    (&["sortino"], "sortino", true),
    (&["calmar"], "calmar", true),
    (
        &["drawdown", "drawdowns", "dd", "peak-to-trough"],
        "max_drawdown",
        true,
    ),
    (
        &["volatility", "vol", "volatile", "volatilities"],
        "volatility",
        true,
    ),
    (
        &[
            "return",
            "returns",
            "returned",
            "returning",
            "performance",
            "gain",
            "yield",
        ],
        "return",
        true,
    ),
    (
        &[
            "expense", "fee", "fees", "ter", "charge", "charges", "charging", "charged",
        ],
        "expense_ratio",
        false,
    ),
    (&["aum", "size", "assets"], "aum", false),
];
const BASES_ZH_AR: &[(&str, &str, bool)] = &[
    ("夏普", "sharpe", true),
    ("索提诺", "sortino", true),
    ("卡玛", "calmar", true),
    ("回撤", "max_drawdown", true),
    ("波动", "volatility", true),
    ("收益", "return", true),
    ("回报", "return", true),
    ("费率", "expense_ratio", false),
    ("规模", "aum", false),
    ("管理费", "expense_ratio", false),
    ("مصروفات", "expense_ratio", false),
    ("شارب", "sharpe", true),
    ("سورتينو", "sortino", true),
    ("كالمار", "calmar", true),
    ("تقلب", "volatility", true),
    ("عائد", "return", true),
    ("تراجع", "max_drawdown", true),
    ("مصاريف", "expense_ratio", false),
    ("الرسوم", "expense_ratio", false),
    ("النفقات", "expense_ratio", false),
    ("حجم الأصول", "aum", false),
];

/// A word after which a number is the value of a condition ("risk level 2", "above 3"),
/// never a count of funds.
fn number_of_condition(w: &str) -> bool {
    matches!(
        w,
        "level"
            | "levels"
            | "risk"
            | "than"
            | "above"
            | "below"
            | "under"
            | "over"
            | "exceeding"
            | "least"
            | "most"
            | "is"
            | "of"
            | "to"
            | "="
            | "<"
            | ">"
    )
}

fn window_at(words: &[&str], i: usize) -> Option<u32> {
    let w = words[i];
    let num = |s: &str| match s {
        "1" | "one" | "12" | "twelve" => Some(1),
        "3" | "three" | "36" => Some(3),
        "5" | "five" | "60" => Some(5),
        _ => None,
    };
    if let Some((n, unit)) = w.split_once('-') {
        if unit.starts_with("year") || unit.starts_with("yr") || unit.starts_with("month") {
            return num(n);
        }
    }
    // "1yr", "3yrs", "5year"
    for unit in ["yrs", "yr", "years", "year"] {
        if let Some(k) = w.strip_suffix(unit).and_then(num) {
            return Some(k);
        }
    }
    if let Some(n) = w.strip_suffix('y') {
        if let Some(k) = num(n) {
            return Some(k);
        }
    }
    if let Some(k) = num(w) {
        if words
            .get(i + 1)
            .is_some_and(|u| u.starts_with("year") || u.starts_with("yr") || u.starts_with("month"))
        {
            return Some(k);
        }
    }
    if w == "year"
        && i > 0
        && matches!(words[i - 1], "past" | "last" | "one" | "a")
        && !words.get(i.wrapping_sub(2)).is_some_and(|x| *x == "this")
    {
        return Some(1);
    }
    None
}

/// The metric names at each word position of the question.
fn metrics_in(t: &Text<'_>, linked: &Linked) -> (Vec<(usize, String)>, Option<String>) {
    let w = &t.words;
    let mut out = Vec::new();
    let mut missing = None;
    let mut unwindowed: Vec<(usize, &str)> = Vec::new();
    for i in 0..w.len() {
        if linked.covers(i) {
            continue;
        }
        // "How has F0175 done this year?", "how did it perform": its return.
        let word = if matches!(w[i], "done" | "performed" | "perform" | "fared" | "doing")
            && t.word(&["how"])
        {
            "performance"
        } else {
            w[i]
        };
        let Some((_, base, windowed)) = BASES
            .iter()
            .find(|(words, _, _)| words.iter().any(|x| word_matches(word, x)))
        else {
            // "5 billion under management": assets under management.
            if w[i] == "management" && i > 0 && w[i - 1] == "under" {
                out.push((i, "aum".to_string()));
                continue;
            }
            if w[i] == "risk"
                && !w.get(i + 1).is_some_and(|n| n.starts_with("adjust"))
                && i > 0
                && !matches!(w[i - 1], "low" | "high" | "medium")
            {
                out.push((i, "risk_level".to_string()));
            }
            continue;
        };
        let base = *base;
        if base == "expense_ratio"
            && w[i] == "expense"
            && !w.get(i + 1).is_some_and(|n| n.starts_with("ratio"))
        {
            // "expense" alone still means the expense ratio
        }
        if !windowed {
            out.push((i, base.to_string()));
            continue;
        }
        let lo = i.saturating_sub(5);
        // Ten words after the metric, not counting the words of a linked name
        // ("sortino of the jade harbour sse 50 index fund, 1 year").
        let mut hi = i + 1;
        let mut seen = 0;
        while hi < w.len() && seen < 10 {
            if !linked.covers(hi) {
                seen += 1;
            }
            hi += 1;
        }
        let near = |words: &[&str]| (lo..hi).any(|k| words.iter().any(|x| w[k] == *x));
        let total = near(&["total", "cumulative"]);
        let name =
            if base == "return" && (near(&["ytd"]) || t.phrase(&["year to date", "this year"])) {
                "return_ytd".to_string()
            } else if base == "return" && near(&["inception", "launch", "launched"]) {
                if total {
                    "return_total_since_inception"
                } else {
                    "return_since_inception"
                }
                .to_string()
            } else {
                // The nearest window before (preferred) or after the word, within the clause.
                let before = (lo..i).rev().find_map(|k| window_at(w, k));
                let after = (i + 1..hi).find_map(|k| window_at(w, k));
                match before.or(after) {
                    Some(k) if base == "return" && total => format!("return_total_{k}y"),
                    Some(k) => format!("{base}_{k}y"),
                    None => {
                        unwindowed.push((i, base));
                        continue;
                    }
                }
            };
        out.push((i, name));
    }
    // "… 3-year return above 3%, sorted by Sharpe": a metric without a window takes the
    // window of another metric in the same question.
    let window_of_others = out.iter().find_map(|(_, m)| {
        m.strip_suffix('y')
            .and_then(|m| m.rsplit('_').next())
            .and_then(|k| k.parse::<u32>().ok())
    });
    for (i, base) in unwindowed {
        match window_of_others {
            Some(k) => out.push((i, format!("{base}_{k}y"))),
            None => {
                // The window may come from the conversation; the assistant resolves "?" or asks.
                missing = Some(base.to_string());
                out.push((i, format!("{base}_?y")));
            }
        }
    }
    // Chinese and Arabic: one metric per marker, window from 近一年/近三年/近五年 or لسنة/لثلاث/لخمس.
    for (marker, base, windowed) in BASES_ZH_AR {
        if let Some(pos) = t.lower.find(marker) {
            let before = &t.lower[..pos];
            let windows = [
                ("一年", 1),
                ("1年", 1),
                ("三年", 3),
                ("3年", 3),
                ("五年", 5),
                ("5年", 5),
                ("سنة واحدة", 1),
                ("لسنة", 1),
                ("1 سنة", 1),
                ("ثلاث سنوات", 3),
                ("لثلاث", 3),
                ("3 سنوات", 3),
                ("خمس سنوات", 5),
                ("لخمس", 5),
                ("5 سنوات", 5),
                ("ثلاثة أعوام", 3),
                ("خمسة أعوام", 5),
                ("السنة الماضية", 1),
                ("العام الماضي", 1),
            ];
            let whole = t.lower;
            let k = windows
                .iter()
                .filter_map(|(m, k)| before.rfind(m).map(|p| (p, *k)))
                .max_by_key(|(p, _)| *p)
                .map(|(_, k)| k)
                .or_else(|| {
                    windows
                        .iter()
                        .find(|(m, _)| whole.contains(m))
                        .map(|(_, k)| *k)
                });
            let name = match (windowed, k) {
                (false, _) => base.to_string(),
                (true, Some(k)) => format!("{base}_{k}y"),
                (true, None) => {
                    missing = Some(base.to_string());
                    continue;
                }
            };
            // Position: after every English word (order of markers within the text).
            // A marker inside another (回撤 in 最大回撤, تقلب in التقلب) counts once.
            if !out.iter().any(|(p, n)| *p >= w.len() && *n == name) {
                out.push((w.len() + pos, name));
            }
        }
    }
    out.extend(attributes_in(t, linked));
    out.sort_by_key(|(p, _)| *p);
    (out, missing)
}

/// A fund's size and who runs it, asked in words: "how big is F0132" (AUM), "who runs
/// / manages F0080", "the manager of …" (manager), "which company runs …" (company).
fn attributes_in(t: &Text<'_>, linked: &Linked) -> Vec<(usize, String)> {
    let w = &t.words;
    let mut out = Vec::new();
    for i in 0..w.len() {
        if linked.covers(i) {
            continue;
        }
        let prev = i.checked_sub(1).map(|k| w[k]);
        if matches!(w[i], "big" | "large") && prev == Some("how") {
            out.push((i, "aum".to_string()));
        }
        // "how much money does it manage?": AUM.
        if matches!(w[i], "manage" | "manages" | "hold" | "holds" | "oversee")
            && t.phrase(&["how much", "how big", "how large"])
        {
            out.push((i, "aum".to_string()));
        }
        // "which manage more than 1,000 million", "funds holding over 5 billion": AUM.
        if matches!(
            w[i],
            "manage" | "manages" | "managing" | "hold" | "holds" | "holding" | "oversee"
        ) && i + 1 < w.len()
            && comparator(w, i + 1).is_some()
        {
            out.push((i, "aum".to_string()));
        }
    }
    let who = t.word(&["who", "whom"]) || t.phrase(&["name of the", "name the"]);
    let runs = t.word(&[
        "manages", "manage", "managed", "runs", "run", "running", "manager", "managers",
    ]);
    if let Some(i) = t.find_phrase(&[
        "which company",
        "what company",
        "fund house",
        "management company",
        "fund company",
        "asset manager",
    ]) {
        out.push((i, "company".to_string()));
    } else if let Some(i) = t
        .find_phrase(&[
            "manager of",
            "fund manager",
            "manager for",
            "manager's name",
        ])
        .filter(|_| !t.phrase(&["managed by", "run by", "manager is", "manager named"]) || who)
        .or_else(|| (who && runs).then(|| t.find_phrase(&["who", "whom"]).unwrap_or(0)))
    {
        out.push((i, "manager".to_string()));
    }
    out
}

/// A count written in digits or words ("5", "three").
fn count_word(w: &str) -> Option<usize> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    w.parse::<usize>()
        .ok()
        .or_else(|| WORDS.iter().position(|x| *x == w))
}

fn number_at(w: &[&str], i: usize) -> Option<f64> {
    let x: f64 = w
        .get(i)?
        .replace(',', "")
        .parse()
        .ok()
        .filter(|x: &f64| x.is_finite())?;
    let pct = w
        .get(i + 1)
        .is_some_and(|n| *n == "%" || *n == "percent" || *n == "pct");
    let scale = match w.get(i + 1).copied() {
        Some("billion" | "bn") => 1000.0,
        Some("million" | "mn" | "m") => 1.0,
        Some("thousand" | "k") => 0.001,
        _ => 1.0,
    };
    Some(if pct { x / 100.0 } else { x * scale })
}

fn comparator(w: &[&str], i: usize) -> Option<(Cmp, usize)> {
    let two = (w[i], w.get(i + 1).copied().unwrap_or(""));
    let third = w.get(i + 2).copied().unwrap_or("");
    Some(match two {
        // "at or below 0.26%", "at or above 5%"
        ("at", "or") if matches!(third, "below" | "under" | "less" | "lower") => {
            (Cmp::Le, 3 + usize::from(w.get(i + 3) == Some(&"than")))
        }
        ("at", "or") if matches!(third, "above" | "over" | "more" | "higher") => {
            (Cmp::Ge, 3 + usize::from(w.get(i + 3) == Some(&"than")))
        }
        ("at", "least") | ("no", "less") | ("not", "below") => {
            (Cmp::Ge, 2 + usize::from(w.get(i + 2) == Some(&"than")))
        }
        ("at", "most") | ("no", "more") | ("not", "above") | ("not", "more") => {
            (Cmp::Le, 2 + usize::from(w.get(i + 2) == Some(&"than")))
        }
        ("greater" | "more" | "higher" | "larger" | "bigger", "than") => (Cmp::Gt, 2),
        ("less" | "lower" | "smaller" | "fewer", "than") => (Cmp::Lt, 2),
        ("above" | "over" | "exceeds" | "exceeding" | ">", _) => (Cmp::Gt, 1),
        ("below" | "under" | "beneath" | "<", _) => (Cmp::Lt, 1),
        (">=" | "≥", _) => (Cmp::Ge, 1),
        ("<=" | "≤", _) => (Cmp::Le, 1),
        ("=" | "equals", _) => (Cmp::Eq, 1),
        _ => return None,
    })
}

/// Words that name a kind of fund ("money market", "bond", "index", "gold").
fn is_kind_word(x: &str) -> bool {
    matches!(
        x,
        "money"
            | "market"
            | "cash"
            | "bond"
            | "bonds"
            | "equity"
            | "stock"
            | "mixed"
            | "index"
            | "qdii"
            | "commodity"
            | "gold"
            | "etf"
            | "hybrid"
            | "balanced"
    )
}

pub(crate) fn parse_funds(t: &Text<'_>, linked: &Linked) -> FundDraft {
    let w = &t.words;
    let mut d = FundDraft::default();
    let (metrics, missing) = metrics_in(t, linked);
    d.missing_window = missing;
    d.metrics = metrics.iter().map(|(_, m)| m.clone()).collect();
    d.fund_count = linked.of(Kind::Fund).count()
        + linked
            .unknown
            .iter()
            .filter(|u| u.kind == Kind::Fund)
            .count();
    for m in linked.of(Kind::Fund) {
        // "Phoenix Rise bond funds": kinds of fund may stand between the name and "funds".
        let mut a = m.span.1;
        while w.get(a).is_some_and(|x| is_kind_word(x)) {
            a += 1;
        }
        let after = w.get(a).copied();
        let before = m.span.0.checked_sub(1).and_then(|i| w.get(i)).copied();
        // "How many QDII funds does Summit Peak run?": the company's funds.
        let runs = matches!(before, Some("does" | "do"))
            && matches!(after, Some("run" | "manage" | "offer" | "have" | "sell"))
            && w[..m.span.0].contains(&"funds");
        let plural = runs
            || matches!(after, Some("funds" | "products" | "offerings" | "ones"))
            || (matches!(before, Some("from" | "by" | "of" | "at"))
                && w[..m.span.0].contains(&"funds"));
        // "money market funds", "gold funds": a kind of fund, not a fund family.
        let kind_words = w[m.span.0..m.span.1].iter().any(|x| is_kind_word(x));
        if m.ids.len() >= 2 && !m.by_id && plural && !kind_words && d.family.is_empty() {
            d.family = m.ids.clone();
            d.fund_count -= 1;
        } else if m.ids.len() >= 2 && !m.by_id && plural && kind_words {
            // "the money market funds": the category (read below), not one fund to ask
            // about; "Phoenix Rise bond funds": the company's funds of that category.
            let kind_only = w[m.span.0..m.span.1]
                .iter()
                .all(|x| is_kind_word(x) || matches!(*x, "the" | "a"));
            if kind_only || !d.family.is_empty() {
                d.kind_names.push(m.ids.clone());
            } else {
                d.family = m.ids.clone();
                d.family_kinds = w[m.span.0..m.span.1]
                    .iter()
                    .map(|x| x.to_string())
                    .collect();
            }
            d.fund_count -= 1;
        }
    }
    d.strong = t.word(&["fund", "funds"])
        || t.contains(&["基金", "صندوق", "الصندوق", "صناديق"])
        || d.fund_count > 0;
    // "Which of them has …", "among those": the previous list, not a new one.
    d.new_list = (t.word(&["list", "screen", "find", "which"]) || t.contains(&["筛选", "哪些"]))
        && !t.phrase(&[
            "of them",
            "of those",
            "of these",
            "among them",
            "among those",
            "among these",
            "the same",
        ]);
    d.compare = t.word(COMPARE_WORDS) || t.contains(&["比较", "对比", "قارن"]);
    // "By how many percentage points did F0019 beat F0012": the first minus the second.
    d.difference = t.word(&[
        "difference",
        "minus",
        "gap",
        "spread",
        "beat",
        "beats",
        "outperform",
        "outperforms",
        "outperformed",
    ]) || t.phrase(&[
        "percentage points",
        "by how much",
        "how much more",
        "how much higher",
    ]);
    d.screen = t.word(&[
        "list", "screen", "filter", "find", "which", "show", "funds", "sorted", "rank", "top",
    ]) || t.contains(&["筛选", "哪些", "صناديق"]);

    // Categories.
    let cats: &[(&[&str], &str)] = &[
        (&["equity", "stock", "stocks", "equities"], "equity"),
        (&["bond", "bonds", "fixed-income", "debt"], "bond"),
        (&["mixed", "hybrid", "balanced", "allocation"], "mixed"),
        (&["index", "indexed", "passive"], "index"),
        (&["qdii"], "qdii"),
        (&["commodity", "commodities", "gold"], "commodity"),
    ];
    // Words of a name read as a kind or a family ("the index ones") still say the category.
    let named = |i: usize| {
        linked.mentions.iter().any(|m| {
            m.span.0 <= i
                && i < m.span.1
                && !(d.kind_names.contains(&m.ids) || (m.ids == d.family && !d.family.is_empty()))
        })
    };
    for (i, x) in w.iter().enumerate() {
        if named(i) {
            continue;
        }
        let next_is_fund = w
            .get(i + 1)
            .is_some_and(|n| n.starts_with("fund") || n.starts_with("categor") || *n == "ones")
            || w.get(i + 2).is_some_and(|n| n.starts_with("fund"))
            || i.checked_sub(1)
                .is_some_and(|k| w[k].starts_with("categor"));
        for (words, cat) in cats {
            if words.contains(x)
                && (next_is_fund || *cat == "qdii")
                && !d.categories.contains(&cat.to_string())
            {
                d.categories.push(cat.to_string());
            }
        }
    }
    for x in &d.family_kinds {
        if let Some((_, cat)) = cats.iter().find(|(words, _)| words.contains(&x.as_str())) {
            if !d.categories.contains(&cat.to_string()) {
                d.categories.push(cat.to_string());
            }
        }
    }
    if t.phrase(&["money market", "money-market", "cash funds"])
        && !d.categories.contains(&"money_market".to_string())
    {
        d.categories.push("money_market".into());
    }
    if t.phrase(&["fixed income"]) && !d.categories.contains(&"bond".to_string()) {
        d.categories.push("bond".into());
    }
    for (zh, cat) in [
        ("股票型", "equity"),
        ("债券", "bond"),
        ("混合", "mixed"),
        ("货币", "money_market"),
        ("指数", "index"),
        ("商品", "commodity"),
        ("qdii", "qdii"),
    ] {
        if t.lower.contains(zh)
            && t.lower.contains("基金")
            && !d.categories.contains(&cat.to_string())
        {
            d.categories.push(cat.to_string());
        }
    }
    for (ar, cat) in [
        ("أسهم", "equity"),
        ("الأسهم", "equity"),
        ("سندات", "bond"),
        ("مختلطة", "mixed"),
        ("سوق النقد", "money_market"),
        ("أسواق النقد", "money_market"),
        ("مؤشر", "index"),
        ("سلع", "commodity"),
    ] {
        if t.lower.contains(ar)
            && (t.lower.contains("صناديق") || t.lower.contains("صندوق"))
            && !d.categories.contains(&cat.to_string())
        {
            d.categories.push(cat.to_string());
        }
    }

    // Filters: <metric> <comparator> <number>, "between a and b", and risk wording.
    let mut read_to = 0;
    for i in 0..w.len() {
        if let Some((cmp, len)) = comparator(w, i).filter(|_| i >= read_to) {
            read_to = i + len;
            let Some(value) = number_at(w, i + len) else {
                continue;
            };
            // "over 3 years" is a window, not a comparison.
            if w.get(i + len + 1).is_some_and(|u| {
                u.starts_with("year") || u.starts_with("month") || u.starts_with("yr")
            }) {
                continue;
            }
            // The figure named after the number ("more than 5 billion under management",
            // "under 1% in fees"), else the one before the comparator.
            let mut k = i + len + 1;
            if w.get(k).is_some_and(|u| {
                matches!(
                    *u,
                    "%" | "percent" | "pct" | "billion" | "bn" | "million" | "mn" | "m"
                )
            }) {
                k += 1;
            }
            let mut before = metrics.iter().filter(|(p, _)| *p < i).last().cloned();
            // "index funds up more than 5% this year": a return.
            if before.is_none()
                && i > 0
                && matches!(
                    w[i - 1],
                    "up" | "gained" | "risen" | "rose" | "grown" | "returned"
                )
            {
                let ytd = t.word(&["ytd"]) || t.phrase(&["this year", "year to date"]);
                before = metrics
                    .iter()
                    .find(|(_, f)| f.starts_with("return"))
                    .cloned()
                    .or_else(|| ytd.then(|| (i, "return_ytd".to_string())));
            }
            let before = before.as_ref();
            let after = metrics.iter().find(|(p, _)| {
                (matches!(w.get(k).copied(), Some("under" | "in" | "of")) && *p > k && *p <= k + 2)
                    || (before.is_none() && *p == k)
            });
            match after.or(before) {
                Some((_, field)) => d.filters.push(FundFilter {
                    field: field.clone(),
                    cmp,
                    value,
                }),
                // A condition whose figure is not understood is never dropped silently.
                None => d.unresolved = Some(w[i..(i + len + 2).min(w.len())].join(" ")),
            }
        }
        if w[i] == "between" {
            if let (Some(a), Some("and"), Some(b)) = (
                number_at(w, i + 1),
                w.get(i + 2 + usize::from(w.get(i + 2) == Some(&"%")))
                    .copied(),
                None::<f64>
                    .or_else(|| number_at(w, i + 3 + usize::from(w.get(i + 2) == Some(&"%")))),
            ) {
                if let Some((_, field)) = metrics.iter().filter(|(p, _)| *p < i).last() {
                    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
                    d.filters.push(FundFilter {
                        field: field.clone(),
                        cmp: Cmp::Ge,
                        value: lo,
                    });
                    d.filters.push(FundFilter {
                        field: field.clone(),
                        cmp: Cmp::Le,
                        value: hi,
                    });
                }
            }
        }
        // "risk level 2 or below", "risk 3 or higher", "a risk rating of 5"
        if w[i] == "risk" {
            let mut k = if w
                .get(i + 1)
                .is_some_and(|n| *n == "level" || *n == "rating")
            {
                i + 2
            } else {
                i + 1
            };
            if w.get(k)
                .is_some_and(|x| matches!(*x, "of" | "is" | "=" | "at"))
            {
                k += 1;
            }
            if let Some(n) = w.get(k).and_then(|x| x.parse::<f64>().ok()) {
                let cmp = match (w.get(k + 1).copied(), w.get(k + 2).copied()) {
                    (Some("or"), Some("below" | "lower" | "less" | "under")) => Cmp::Le,
                    (Some("or"), Some("above" | "higher" | "more" | "over")) => Cmp::Ge,
                    _ if (1.0..=5.0).contains(&n) => Cmp::Eq,
                    _ => continue,
                };
                d.filters.push(FundFilter {
                    field: "risk_level".into(),
                    cmp,
                    value: n,
                });
            }
        }
    }
    if t.phrase(&["low risk", "low-risk", "lower risk", "conservative"]) {
        d.filters.push(FundFilter {
            field: "risk_level".into(),
            cmp: Cmp::Le,
            value: 2.0,
        });
    } else if t.phrase(&["high risk", "high-risk", "aggressive"]) {
        d.filters.push(FundFilter {
            field: "risk_level".into(),
            cmp: Cmp::Ge,
            value: 4.0,
        });
    }
    for (zh, cmp) in [
        ("高于", Cmp::Gt),
        ("大于", Cmp::Gt),
        ("超过", Cmp::Gt),
        ("低于", Cmp::Lt),
        ("小于", Cmp::Lt),
        ("不低于", Cmp::Ge),
        ("不超过", Cmp::Le),
    ] {
        let mut from = 0;
        while let Some(pos) = t.lower[from..].find(zh) {
            let at = from + pos;
            let after = &t.lower[at + zh.len()..];
            let num: String = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if let Ok(x) = num.parse::<f64>() {
                let pct = after[num.len()..].starts_with('%');
                let before = &t.lower[..at];
                let field = BASES_ZH_AR
                    .iter()
                    .filter_map(|(m, _, _)| before.rfind(m).map(|p| (p, *m)))
                    .max_by_key(|(p, _)| *p)
                    .and_then(|(p, m)| {
                        let _ = m;
                        metrics
                            .iter()
                            .filter(|(q, _)| *q >= w.len())
                            .find(|(q, _)| *q - w.len() == p)
                            .map(|(_, f)| f.clone())
                    });
                if let Some(field) = field {
                    d.filters.push(FundFilter {
                        field,
                        cmp,
                        value: if pct { x / 100.0 } else { x },
                    });
                }
            }
            from = at + zh.len();
        }
    }

    // Sort: "sorted by X [descending]", "sort them by X instead", "按X从低到高排序", and
    // "by X, biggest first" (a direction said makes "by" a sort).
    let direction = t.word(&[
        "descending",
        "desc",
        "decreasing",
        "ascending",
        "asc",
        "increasing",
    ]) || t.phrase(&[
        "highest first",
        "high to low",
        "largest first",
        "biggest first",
        "best first",
        "lowest first",
        "low to high",
        "smallest first",
        "cheapest first",
        "worst first",
    ]);
    let ranks = t.word(&[
        "rank", "ranked", "ranking", "sort", "sorted", "order", "ordered",
    ]);
    let by_with_direction = || {
        (direction || ranks)
            .then(|| {
                (0..w.len())
                    .find(|&k| w[k] == "by" && metrics.iter().any(|(p, _)| *p > k && *p <= k + 3))
            })
            .flatten()
    };
    if let Some(i) = t
        .find_phrase(&[
            "sorted by",
            "sort by",
            "sort them by",
            "sort it by",
            "order by",
            "ordered by",
            "ranked by",
            "rank by",
            "rank them by",
            "sorting by",
            "sort on",
        ])
        .or_else(by_with_direction)
    {
        if let Some((_, field)) = metrics.iter().find(|(p, _)| *p > i) {
            let desc = if t.word(&["descending", "desc", "decreasing"])
                || t.phrase(&[
                    "highest first",
                    "high to low",
                    "largest first",
                    "biggest first",
                    "best first",
                ]) {
                Some(true)
            } else if t.word(&["ascending", "asc", "increasing"])
                || t.phrase(&[
                    "lowest first",
                    "low to high",
                    "smallest first",
                    "cheapest first",
                ])
            {
                Some(false)
            } else {
                None
            };
            d.sort.push(SortKey {
                field: field.clone(),
                descending: desc,
            });
        }
    }
    if let Some(pos) = t.lower.find('按') {
        let after = &t.lower[pos..];
        let field = metrics
            .iter()
            .filter(|(q, _)| *q >= w.len() && *q - w.len() > pos)
            .map(|(_, f)| f.clone())
            .next();
        if let Some(field) = field {
            let desc = if after.contains("从低到高") || after.contains("升序") {
                Some(false)
            } else if after.contains("从高到低") || after.contains("降序") {
                Some(true)
            } else {
                None
            };
            d.sort.push(SortKey {
                field,
                descending: desc,
            });
        }
    }
    // "a positive 3-year return": above zero.
    for (i, x) in w.iter().enumerate() {
        let cmp = match *x {
            "positive" => Cmp::Gt,
            "negative" => Cmp::Lt,
            _ => continue,
        };
        if let Some((_, field)) = metrics.iter().find(|(p, _)| *p > i && *p <= i + 4) {
            d.filters.push(FundFilter {
                field: field.clone(),
                cmp,
                value: 0.0,
            });
        }
    }
    // Superlatives: "top 5 … by X", "the 5 least volatile", "cheapest 5", "largest 10 by AUM".
    if d.sort.is_empty() {
        for (i, x) in w.iter().enumerate() {
            // "the 5 worst-performing equity funds over the past year": by return.
            let performing = x.contains("perform");
            let desc = match *x {
                "top" | "best" => None,
                "highest" | "largest" | "biggest" | "most" => Some(true),
                "lowest" | "smallest" | "least" | "cheapest" => Some(false),
                _ if performing && (x.starts_with("best") || x.starts_with("top")) => Some(true),
                _ if performing && x.starts_with("worst") => Some(false),
                _ => continue,
            };
            // "Top 6 bond funds with risk level 2 or lower, by 1-year return": the figure
            // after "by" is the order, not the one of a condition.
            let by_field = (i + 1..w.len())
                .find(|&k| w[k] == "by")
                .and_then(|k| metrics.iter().find(|(p, _)| *p > k && *p <= k + 3))
                .map(|(_, f)| f.clone());
            let field = if *x == "cheapest" {
                Some("expense_ratio".to_string())
            } else if let Some(f) = by_field.filter(|_| matches!(*x, "top" | "best" | "bottom")) {
                Some(f)
            } else if performing {
                metrics
                    .iter()
                    .find(|(_, f)| f.starts_with("return"))
                    .map(|(_, f)| f.clone())
                    .or_else(|| {
                        (0..w.len())
                            .find_map(|k| window_at(w, k))
                            .map(|k| format!("return_{k}y"))
                    })
            } else {
                metrics.iter().find(|(p, _)| *p > i).map(|(_, f)| f.clone())
            };
            if let Some(field) = field {
                d.sort.push(SortKey {
                    field,
                    descending: desc,
                });
                for k in [i + 1, i.wrapping_sub(1)] {
                    // "at risk level 1, cheapest first": the number belongs to the
                    // condition before it, not to the superlative.
                    let of_condition =
                        k.checked_add(1) == Some(i) && k > 0 && number_of_condition(w[k - 1]);
                    if let Some(n) = w
                        .get(k)
                        .and_then(|t| count_word(t))
                        .filter(|n| *n > 0 && *n < 1000 && !of_condition)
                    {
                        d.limit = Some(n);
                    }
                }
                if d.limit.is_none() && *x != "top" {
                    // "show me the 4 mixed funds with the best 3y Sortino", "which three
                    // have the highest …" (not "under 13%", not "3 years")
                    if let Some(n) = (i.saturating_sub(6)..i)
                        .rev()
                        .filter(|&k| {
                            !w.get(k + 1).is_some_and(|u| {
                                matches!(*u, "%" | "percent" | "pct")
                                    || u.starts_with("year")
                                    || u.starts_with("yr")
                                    || u.starts_with("month")
                            })
                        })
                        .find_map(|k| count_word(w[k]).map(|n| (k, n)))
                        .filter(|(k, _)| !(*k > 0 && number_of_condition(w[k - 1])))
                        .map(|(_, n)| n)
                        .filter(|n| *n > 0 && *n < 1000)
                    {
                        d.limit = Some(n);
                    }
                }
                break;
            }
        }
    }
    // "managed by Chen Fang", "does Yu Shu manage"
    if let Some(i) = t.find_phrase(&["managed by", "run by", "manager is", "manager named"]) {
        let name: Vec<&str> = w[i + 2..]
            .iter()
            .take_while(|x| !matches!(**x, "with" | "and" | "that" | "sorted" | "in" | "whose"))
            .copied()
            .collect();
        // "funds managed by Golden Crane": a fund company (its funds' names), not a person.
        let company = linked.of(Kind::Fund).any(|m| m.span.0 == i + 2);
        if !name.is_empty() && name.len() <= 3 && !company {
            d.managers.push(name.join(" "));
        }
    } else if let Some(i) = t.find_phrase(&["does", "do"]) {
        if let Some(j) = (i + 1..w.len()).find(|&j| w[j] == "manage" || w[j] == "run") {
            let company = linked.of(Kind::Fund).any(|m| m.span.0 == i + 1);
            if j > i + 1 && j - i <= 4 && !company {
                d.managers.push(w[i + 1..j].join(" "));
            }
        }
    }
    // مستوى المخاطر 1 / مستوى المخاطرة 2
    for marker in [
        "مستوى المخاطر",
        "مستوى المخاطرة",
        "درجة المخاطر",
        "درجة المخاطرة",
    ] {
        if let Some(pos) = t.lower.find(marker) {
            let after = t.lower[pos + marker.len()..].trim_start();
            if let Some(n) = after.chars().next().and_then(|c| c.to_digit(10)) {
                if (1..=5).contains(&n) && !d.filters.iter().any(|f| f.field == "risk_level") {
                    d.filters.push(FundFilter {
                        field: "risk_level".into(),
                        cmp: Cmp::Eq,
                        value: f64::from(n),
                    });
                }
            }
            break;
        }
    }
    // 风险等级为1 / 风险等级1, 前三 / 前5
    if let Some(pos) = t.lower.find("风险等级") {
        let after = t.lower[pos + "风险等级".len()..]
            .trim_start_matches('为')
            .trim_start_matches('是');
        if let Some(n) = after.chars().next().and_then(|c| {
            c.to_digit(10).or_else(|| {
                "零一二三四五"
                    .chars()
                    .position(|z| z == c)
                    .map(|p| p as u32)
            })
        }) {
            d.filters.push(FundFilter {
                field: "risk_level".into(),
                cmp: Cmp::Eq,
                value: f64::from(n),
            });
        }
    }
    // 前三, 前5, 前两名 (not 前天)
    if let Some(pos) = t.lower.find('前') {
        let after = &t.lower[pos + '前'.len_utf8()..];
        if let Some((n, _)) = crate::dates::zh_number(after) {
            if n > 0 && n < 1000 {
                d.limit = Some(n as usize);
            }
        }
    }
    // 夏普比率最高的5只债券基金, أعلى عائد: a superlative of a Chinese or Arabic metric.
    if d.sort.is_empty() {
        // The metric written closest before the superlative (费率低于0.4%…收益最高: the return).
        let sup_at = [
            "最高",
            "最大",
            "最多",
            "最好",
            "最低",
            "最小",
            "最少",
            "أعلى",
            "أفضل",
            "أقل",
            "أدنى",
            "الأكبر",
            "أكبر",
        ]
        .iter()
        .filter_map(|m| t.lower.find(m))
        .min();
        let zh_metrics: Vec<&(usize, String)> =
            metrics.iter().filter(|(p, _)| *p >= w.len()).collect();
        // Chinese puts the superlative after its metric, Arabic before it.
        let arabic = t
            .lower
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        let chosen = sup_at
            .and_then(|s| {
                if arabic {
                    zh_metrics.iter().find(|(p, _)| *p - w.len() > s).copied()
                } else {
                    zh_metrics
                        .iter()
                        .filter(|(p, _)| *p - w.len() < s)
                        .last()
                        .copied()
                }
            })
            .or_else(|| zh_metrics.first().copied());
        if let Some((_, f)) = chosen {
            let any = |l: &[&str]| l.iter().any(|x| t.lower.contains(x));
            // "best" is the field's better end (the lowest volatility); "highest" is high.
            let desc = if any(&["最好", "أفضل", "الأفضل"]) {
                Some(None)
            } else if any(&["最高", "最大", "最多", "الأعلى", "أعلى", "الأكبر", "أكبر"])
            {
                Some(Some(true))
            } else if any(&["最低", "最小", "最少", "الأقل", "أقل", "الأدنى", "أدنى"])
            {
                Some(Some(false))
            } else {
                None
            };
            if let Some(descending) = desc {
                d.sort.push(SortKey {
                    field: f.clone(),
                    descending,
                });
            }
        }
    }
    // 5只, 三支 (funds counted)
    if d.limit.is_none() {
        for unit in ['只', '支'] {
            if let Some(n) = t
                .lower
                .find(unit)
                .and_then(|pos| crate::dates::zh_number_before(&t.lower, pos))
                .filter(|n| (1..1000).contains(n))
            {
                d.limit = Some(n as usize);
                break;
            }
        }
    }
    // أفضل 5 صناديق: the count after an Arabic superlative.
    if d.limit.is_none() {
        for marker in ["أفضل", "أعلى", "أكبر", "أقل", "أدنى", "أسوأ"] {
            if let Some(pos) = t.lower.find(marker) {
                let digits: String = t.lower[pos + marker.len()..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                if let Some(n) = digits
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..1000).contains(n))
                {
                    d.limit = Some(n);
                    break;
                }
            }
        }
    }
    if d.sort.is_empty() && t.lower.contains("排名") {
        if let Some((_, f)) = metrics.iter().find(|(p, _)| *p >= w.len()) {
            d.sort.push(SortKey {
                field: f.clone(),
                descending: None,
            });
        }
    }
    // "Which fund has the highest …", "which of them has the best …", "and the cheapest
    // of those?": one fund.
    if d.limit.is_none()
        && !d.sort.is_empty()
        && ((w.iter().any(|x| *x == "fund") && !w.iter().any(|x| *x == "funds"))
            || (t.word(&["which"]) && t.word(&["has", "is"]) && !t.word(&["have", "are"]))
            || t.phrase(&[
                "the cheapest of",
                "the best of",
                "the highest of",
                "the lowest of",
                "the largest of",
                "the biggest of",
                "the smallest of",
                "the worst of",
                "the cheapest one",
                "the best one",
            ]))
    {
        d.limit = Some(1);
    }
    // "Which equity funds launched before 2020 …": a launch date condition, which no
    // screen field holds — asked back, never dropped.
    if d.unresolved.is_none()
        && t.word(&[
            "launched",
            "launch",
            "incepted",
            "inception",
            "started",
            "established",
            "founded",
        ])
        && t.word(&[
            "before", "after", "prior", "older", "newer", "earlier", "later",
        ])
    {
        if let Some(i) = w.iter().position(|x| {
            matches!(
                *x,
                "launched"
                    | "launch"
                    | "incepted"
                    | "inception"
                    | "started"
                    | "established"
                    | "founded"
            )
        }) {
            d.unresolved = Some(w[i..(i + 3).min(w.len())].join(" "));
        }
    }
    d.count = t.phrase(&[
        "how many funds",
        "number of funds",
        "count of funds",
        "how many bond",
        "how many equity",
        "how many mixed",
        "how many index",
        "how many qdii",
        "how many money",
        "how many commodity",
    ])
        // "How many is that?", "how many have fees under 1%?" after a screen
        || (w.first() == Some(&"how") && w.get(1) == Some(&"many"));
    if t.word(&["average", "mean", "avg"]) {
        let after_average = metrics.iter().find(|(p, _)| {
            w.get(p.saturating_sub(3)..*p)
                .is_some_and(|ws| ws.iter().any(|x| matches!(*x, "average" | "mean" | "avg")))
        });
        d.average = after_average.or(metrics.first()).map(|(_, m)| m.clone());
    }
    // Limit: "top 3", "first 5", "3 funds".
    for i in 0..w.len() {
        if matches!(w[i], "top" | "first" | "best") {
            if let Some(n) = w.get(i + 1).and_then(|x| count_word(x)) {
                d.limit = Some(n);
            }
        }
    }
    d
}
