//! The rule parser: from a normalised question, the lexicon's mentions and the
//! dates, a [`Draft`]: the intent the words signal and every slot they fill. The
//! assistant completes it with the conversation's state into a Plan.

use abacus_core::Date;
use chrono::Datelike;

use crate::dates::{find_dates, Dates};
use crate::funds::{parse_funds, FundDraft};
use crate::lexicon::{Kind, Lexicon, Linked};
use crate::plan::{GroupBy, Intent, PolicyMeasure, Ranking, SalesMeasure, StockMeasure};
use crate::signals::*;
use crate::text::{is_stopword, tokenize, Token};

/// What the words of one question say.
#[derive(Debug, Default, Clone)]
pub struct Draft {
    /// The question with hostile clauses removed, normalised.
    pub text: String,
    pub tokens: Vec<Token>,
    pub intent: Option<Intent>,
    pub linked: Linked,
    pub dates: Dates,
    pub sales_measure: Option<SalesMeasure>,
    pub stock_measure: Option<StockMeasure>,
    pub policy_measure: Option<PolicyMeasure>,
    pub ranking: Option<Ranking>,
    /// "by units instead": the measure changes, the rest is kept.
    pub measure_only: bool,
    pub yoy: bool,
    pub service_level: Option<f64>,
    pub min_days: Option<f64>,
    /// Reads as a follow-up ("and Shanghai?", "what about last year?").
    pub followup: bool,
    /// "only in WH-CD": narrows the previous question.
    pub narrows: bool,
    /// "in total", "across all warehouses": no location restriction.
    pub all_locations: bool,
    /// Some clause was an instruction to the assistant or asked for what it must not reveal.
    pub hostile: bool,
    /// A request outside what Abacus does.
    pub out_of_scope: bool,
    /// "units of <name>" where the name fits no product.
    pub unknown_product: Option<String>,
    pub funds: FundDraft,
    /// "what if" wording.
    pub what_if: bool,
    /// Refers back ("it", "there", "them").
    pub pronoun: bool,
    /// Network what-if edits read from the question.
    pub network_edits: Vec<crate::plan::NetworkEdit>,
    /// A change said without its target ("and if it were 450 instead?"): the value for
    /// the previous what-if's last change (an edit without an op).
    pub network_change: Option<crate::plan::NetworkEdit>,
    /// "By what percent did units change from April to May": growth of the later period
    /// over this earlier one.
    pub growth_from: Option<crate::dates::Period>,
    /// "also", "too", "as well": add to the previous what-if rather than replace it.
    pub also: bool,
    /// "how many more … than …", "difference between".
    pub difference: bool,
    /// "the same month last year": the previous period, one year earlier.
    pub year_ago: bool,
    /// "what share of …", "as a share of the total".
    pub share: bool,
    /// "A vs B", "compare A and B".
    pub versus: bool,
    /// A share whose part is a location ("… came from Guangzhou").
    pub share_of_place: bool,
    /// "how many SKUs …", "number of …".
    pub count: bool,
    /// "top 3", "just the top 3": a limit for a ranking or screen.
    pub limit: Option<usize>,
    /// "bottom 3", "worst 5": a count of a ranking's low end (not a screen's limit).
    pub low_end: Option<usize>,
    /// "And which sold the least?": the low end of the previous ranking.
    pub least: bool,
    /// A sales measure was said ("revenue", "units", "how many"), not defaulted.
    pub measure_said: bool,
    /// "How does that compare with May last year, as growth?": the one period named is
    /// the base of a growth of the conversation's period.
    pub growth_base: Option<crate::dates::Period>,
    /// "Rank all four by revenue instead": the previous ranking again, every entry.
    pub rank_again: bool,
    /// Capitalised words that look like a name but fit nothing in the data.
    pub unknown_name: Option<String>,
    /// "Which SKUs …", "list the warehouses …": the answer is a list of these entities.
    pub list_of: Option<GroupBy>,
    /// A condition the engines cannot apply ("excluding Snacks", "per week", "on weekends"),
    /// in words: answering without it would give a wrong figure.
    pub unsupported_condition: Option<String>,
}

/// Removes sentences that instruct the assistant or ask for secrets; says whether any was removed.
fn strip_hostile(text: &str) -> (String, bool) {
    let mut kept = Vec::new();
    let mut hostile = false;
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut sentences = Vec::new();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        let next = bytes.get(k + 1).map(|x| x.1);
        let end = matches!(c, '!' | '?' | ';' | '\n' | '。' | '！' | '？' | '؟')
            || (c == '.' && next.is_none_or(|n| n == ' '));
        if end {
            sentences.push(&text[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        sentences.push(&text[start..]);
    }
    for s in sentences {
        let lower = s.to_lowercase();
        let words: Vec<String> = tokenize(&lower).into_iter().map(|t| t.text).collect();
        let t = Text {
            lower: &lower,
            words: words.iter().map(String::as_str).collect(),
        };
        if t.phrase(HOSTILE_PHRASES)
            || lower.contains("/etc/")
            || lower.contains("忽略")
            || lower.contains("提示词")
        {
            hostile = true;
        } else {
            kept.push(s.trim());
        }
    }
    (kept.join(" "), hostile)
}

/// "Which items are completely out of stock in Chengdu?", "what is sold out": a state
/// now (nothing on hand), not the risk of running out, which is asked about the future.
fn out_of_stock_now(t: &Text<'_>, dates: &Dates) -> bool {
    let state = t.phrase(&["out of stock", "sold out", "stocked out", "out-of-stock"]);
    let future = dates.horizon_days.is_some()
        || t.word(&[
            "will",
            "would",
            "going",
            "likely",
            "risk",
            "risks",
            "chance",
            "chances",
            "probability",
            "soon",
            "next",
            "within",
            "before",
            "may",
            "might",
            "could",
            "expected",
            "expect",
            "about",
            "forecast",
            "predict",
            "until",
            "when",
            "days",
            "weeks",
            "likelihood",
            "odds",
            "become",
            "becomes",
            "run",
            "runs",
            "running",
        ]);
    state && !future
}

fn number(w: &str) -> Option<f64> {
    w.replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
}

/// A request to write, draw, translate or perform something (a poem, a story, an email,
/// a picture): outside what Abacus does whatever it is about.
fn creative_request(t: &Text<'_>) -> bool {
    const MAKE: &[&str] = &[
        "write", "compose", "draft", "create", "generate", "make", "draw", "paint", "sing", "tell",
        "pen", "craft", "produce", "rewrite", "recite", "invent",
    ];
    const WORKS: &[&str] = &[
        "poem",
        "poems",
        "poetry",
        "song",
        "songs",
        "story",
        "stories",
        "essay",
        "essays",
        "haiku",
        "limerick",
        "joke",
        "jokes",
        "lyrics",
        "rap",
        "sonnet",
        "email",
        "e-mail",
        "emails",
        "letter",
        "tweet",
        "tweets",
        "slogan",
        "novel",
        "screenplay",
        "speech",
        "picture",
        "image",
        "drawing",
        "painting",
        "logo",
        "cartoon",
        "meme",
        "rhyme",
        "rhymes",
        "verse",
        "ode",
        "ballad",
        "jingle",
        "riddle",
        "fable",
        "blog",
        "article",
        "script",
        "scripts",
        "code",
        "program",
        "programme",
        "function",
        "sql",
        "query",
        "queries",
        "macro",
        "macros",
        "regex",
        "app",
        "website",
        "bot",
    ];
    const ACTS: &[&str] = &["translate", "translation", "paraphrase"];
    (t.word(MAKE) && t.words.iter().any(|w| WORKS.contains(w)))
        || t.words
            .first()
            .is_some_and(|w| ACTS.contains(w) || *w == "draw" || *w == "sing")
        || data_change_request(t)
}

/// "Delete all the sales records for March", "update the stock of SKU-1 to 50", "cancel
/// the open orders", "email this to my boss": a request to change data or act outside
/// Abacus, which only reads the data and computes.
fn data_change_request(t: &Text<'_>) -> bool {
    // Always an action when it opens the request.
    const ACT: &[&str] = &[
        "delete",
        "erase",
        "purge",
        "wipe",
        "truncate",
        "overwrite",
        "insert",
        "rename",
        "cancel",
        "email",
        "e-mail",
        "send",
        "upload",
        "export",
        "save",
        "download",
        "approve",
        "submit",
        "book",
    ];
    // An action only when it is done to the data itself ("remove Central Packing" is a
    // network what-if; "drop capacity by 20%" too).
    const EDIT: &[&str] = &[
        "remove", "drop", "update", "modify", "edit", "change", "reset", "clear", "correct", "fix",
        "add", "set", "replace", "import", "load", "place",
    ];
    const DATA: &[&str] = &[
        "record",
        "records",
        "row",
        "rows",
        "data",
        "dataset",
        "datasets",
        "entry",
        "entries",
        "table",
        "tables",
        "file",
        "files",
        "database",
        "db",
        "column",
        "columns",
        "field",
        "fields",
        "catalog",
        "catalogue",
        "history",
        "transactions",
        "transaction",
        "csv",
        "spreadsheet",
        "po",
        "pos",
        "order",
        "orders",
        "account",
        "password",
        "user",
        "users",
    ];
    let w = &t.words;
    let start = w
        .iter()
        .position(|x| {
            !matches!(
                *x,
                "please"
                    | "pls"
                    | "kindly"
                    | "now"
                    | "then"
                    | "go"
                    | "ahead"
                    | "and"
                    | "can"
                    | "could"
                    | "would"
                    | "will"
                    | "you"
                    | "u"
            )
        })
        .unwrap_or(0);
    // 把广州仓的库存清零, 删除三月的销售记录, احذف سجلات المبيعات
    if t.contains(&[
        "清零",
        "删除",
        "清空",
        "修改",
        "改为",
        "改成",
        "设置为",
        "设为",
        "更新为",
        "取消订单",
        "احذف",
        "امسح",
        "عدّل",
        "غيّر",
        "حدّث",
    ]) {
        return true;
    }
    let Some(first) = w.get(start) else {
        return false;
    };
    let rest = &w[start + 1..];
    // "update the stock of SKU-1 to 50": a value set in the data.
    // ("set the service level to 98%", "change the lead time to 10 days" are questions
    // about a policy under other settings.)
    let stock_object = rest.iter().any(|x| {
        matches!(
            *x,
            "on-hand" | "onhand" | "stock" | "inventory" | "quantity" | "qty" | "price" | "cost"
        )
    }) || t.phrase(&["on hand"]);
    let set_to = (matches!(
        *first,
        "update" | "modify" | "edit" | "correct" | "overwrite"
    ) || (*first == "set" && stock_object))
        && rest
            .windows(2)
            .any(|p| p[0] == "to" && p[1].replace(',', "").parse::<f64>().is_ok());
    ACT.contains(first)
        || (EDIT.contains(first) && (rest.iter().any(|x| DATA.contains(x)) || set_to))
}

fn small_number(w: &str) -> Option<usize> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    w.parse::<usize>()
        .ok()
        .or_else(|| WORDS.iter().position(|x| *x == w))
}

/// "Which SKUs …", "what 3 items …", "list the warehouses …", "name our brands …": the
/// entities (plural) the answer must list.
fn asks_for_list(words: &[&str]) -> Option<GroupBy> {
    for (i, w) in words.iter().enumerate() {
        let lead = matches!(*w, "which" | "what")
            || (matches!(*w, "list" | "name" | "identify" | "find") && i == 0)
            || (*w == "show" && i == 0);
        if !lead {
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && (matches!(words[j], "me" | "the" | "all" | "our" | "any" | "of")
                || small_number(words[j]).is_some())
        {
            j += 1;
        }
        if let Some(g) = words
            .get(j)
            .filter(|x| x.ends_with('s') && !matches!(**x, "sales" | "units"))
            .and_then(|x| group_word(x))
        {
            return Some(g);
        }
    }
    None
}

fn group_word(w: &str) -> Option<GroupBy> {
    match w {
        "sku" | "skus" | "product" | "products" | "item" | "items" | "sellers" | "bestsellers" => {
            Some(GroupBy::Sku)
        }
        "category" | "categories" => Some(GroupBy::Category),
        "warehouse" | "warehouses" | "location" | "locations" | "store" | "stores" | "city"
        | "cities" | "dc" | "dcs" => Some(GroupBy::Location),
        "brand" | "brands" => Some(GroupBy::Brand),
        _ => None,
    }
}

/// The what-if edits of a question, clause by clause when it names several changes
/// ("S04 demand doubles and North Packing closes"): the edit reader takes one change per
/// text, so each clause that names a change must give its edit, or none is given (the
/// turn then asks back) — one change applied and the other dropped would be a wrong answer.
fn network_edits(
    lower: &str,
    tokens: &[Token],
    linked: &Linked,
    kind_of: &dyn Fn(&str) -> Option<String>,
    facilities: &[String],
) -> Vec<crate::plan::NetworkEdit> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let whole_text = Text {
        lower,
        words: words.clone(),
    };
    let whole = crate::network::parse_edits(&whole_text, linked, kind_of, facilities);
    if whole
        .iter()
        .any(|e| matches!(e.op.as_str(), "exclusive_pair" | "only_serve"))
    {
        return whole;
    }
    // Clauses: split at "and", "while", "plus", "also", and at commas and semicolons.
    let mut bounds = vec![0];
    for i in 1..tokens.len() {
        let gap = &lower[tokens[i - 1].end..tokens[i].start];
        if gap.contains(',') || gap.contains(';') {
            bounds.push(i);
        } else if matches!(words[i], "and" | "while" | "plus" | "also") {
            bounds.push(i + 1);
        }
    }
    bounds.push(tokens.len());
    bounds.dedup();
    let changes = |ws: &[&str], has_number: bool| {
        has_number
            || ws.iter().any(|w| {
                matches!(
                    *w,
                    "close"
                        | "closes"
                        | "closed"
                        | "closing"
                        | "shut"
                        | "shuts"
                        | "open"
                        | "opens"
                        | "opened"
                        | "reopen"
                        | "double"
                        | "doubles"
                        | "doubled"
                        | "halve"
                        | "halves"
                        | "halved"
                        | "half"
                        | "triple"
                        | "triples"
                        | "tripled"
                        | "rise"
                        | "rises"
                        | "rose"
                        | "increase"
                        | "increases"
                        | "increased"
                        | "fall"
                        | "falls"
                        | "fell"
                        | "drop"
                        | "drops"
                        | "dropped"
                        | "lose"
                        | "loses"
                        | "lost"
                        | "stop"
                        | "stops"
                        | "stopped"
                        | "forbid"
                        | "ban"
                        | "banned"
                        | "cheaper"
                        | "dearer"
                        | "cut"
                        | "cuts"
                        | "add"
                        | "adds"
                        | "added"
                        | "remove"
                        | "removed"
                        | "%"
                )
            })
    };
    let mut clauses = Vec::new();
    for k in 0..bounds.len() - 1 {
        let (a, b) = (bounds[k], bounds[k + 1]);
        if a >= b {
            continue;
        }
        let ws = &words[a..b];
        let has_number = ws.iter().any(|w| w.replace(',', "").parse::<f64>().is_ok());
        if changes(ws, has_number) {
            clauses.push((a, b));
        }
    }
    if clauses.len() <= 1 {
        return whole;
    }
    let mut out = Vec::new();
    for (a, b) in clauses {
        let sub_text = Text {
            lower: &lower[tokens[a].start..tokens[b - 1].end],
            words: words[a..b].to_vec(),
        };
        let sub_linked = Linked {
            mentions: linked
                .mentions
                .iter()
                .filter(|m| m.span.0 >= a && m.span.1 <= b)
                .map(|m| {
                    let mut m = m.clone();
                    m.span = (m.span.0 - a, m.span.1 - a);
                    m
                })
                .collect(),
            unknown: Vec::new(),
        };
        let edits = crate::network::parse_edits(&sub_text, &sub_linked, kind_of, facilities);
        if edits.is_empty() {
            return Vec::new();
        }
        for e in edits {
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

/// Words that describe a change to the network ("we lose …", "say the lane gets dearer",
/// "a new lane"): such a question is a what-if, and when its change cannot be read it
/// is asked back, never answered with the unchanged optimum.
fn network_change_words(t: &Text<'_>) -> bool {
    t.words
        .first()
        .is_some_and(|w| matches!(*w, "say" | "assume" | "imagine" | "assuming"))
        || t.word(&[
            "suppose",
            "supposing",
            "assume",
            "assuming",
            "imagine",
            "lose",
            "lost",
            "loses",
            "losing",
            "new",
            "add",
            "added",
            "adding",
            "remove",
            "removed",
            "removing",
            "instead",
            "increase",
            "increased",
            "increases",
            "decrease",
            "decreased",
            "decreases",
            "rise",
            "rises",
            "rose",
            "fall",
            "falls",
            "fell",
            "drop",
            "drops",
            "dropped",
            "double",
            "doubled",
            "halve",
            "halved",
            "dearer",
            "cheaper",
            "raise",
            "raised",
            "stop",
            "stops",
            "stopped",
            "scale",
            "scaled",
            "shrink",
            "shrinks",
            "grow",
            "grows",
            "grew",
            "changed",
            "changes",
            "cut",
            "cuts",
        ])
        // A condition ("the optimal cost if …") or a relative amount ("25% more") in a
        // network question is a scenario: read as one, or asked back — never the baseline.
        || t.word(&["if", "%", "percent"])
        || t.phrase(&[
            "no longer",
            "were to",
            "goes up",
            "goes down",
            "went up",
            "went down",
        ])
}

/// Chinese and Arabic rankings: "前5个品类", "销量前三的商品", "أعلى 5 منتجات".
fn ranking_zh_ar(lower: &str) -> Option<Ranking> {
    const NOUNS: [(&str, GroupBy); 17] = [
        ("品类", GroupBy::Category),
        ("类别", GroupBy::Category),
        ("类目", GroupBy::Category),
        ("商品", GroupBy::Sku),
        ("产品", GroupBy::Sku),
        ("单品", GroupBy::Sku),
        ("sku", GroupBy::Sku),
        ("仓库", GroupBy::Location),
        ("门店", GroupBy::Location),
        ("城市", GroupBy::Location),
        ("品牌", GroupBy::Brand),
        ("الفئات", GroupBy::Category),
        ("المنتجات", GroupBy::Sku),
        ("المستودعات", GroupBy::Location),
        ("فئات", GroupBy::Category),
        ("منتجات", GroupBy::Sku),
        ("مستودعات", GroupBy::Location),
    ];
    let ranked = [
        "前", "最高", "最多", "排名", "排行", "最好", "最低", "最少", "أعلى", "أكثر", "أقل",
    ]
    .iter()
    .any(|m| lower.contains(m));
    if !ranked {
        return None;
    }
    let by = NOUNS
        .iter()
        .filter_map(|(n, g)| lower.find(n).map(|p| (p, *g)))
        .min_by_key(|(p, _)| *p)
        .map(|(_, g)| g)?;
    let ascending = ["最低", "最少", "أقل"].iter().any(|m| lower.contains(m));
    let mut top = None;
    for marker in ["前", "أعلى ", "أقل "] {
        if let Some(pos) = lower.find(marker) {
            let after = &lower[pos + marker.len()..];
            let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
            top = digits.parse::<usize>().ok().or_else(|| {
                after
                    .chars()
                    .next()
                    .and_then(|c| "一二三四五六七八九十".chars().position(|z| z == c))
                    .map(|k| k + 1)
            });
            if top.is_some() {
                break;
            }
        }
    }
    Some(Ranking {
        by,
        top: Some(top.unwrap_or(1)),
        ascending,
    })
}

fn find_ranking(t: &Text<'_>) -> Option<Ranking> {
    if let Some(r) = ranking_zh_ar(t.lower) {
        return Some(r);
    }
    let w = &t.words;
    for i in 0..w.len() {
        let (ascending, n_at) = match w[i] {
            "top" | "best" | "highest" | "largest" | "biggest" => (false, i + 1),
            "bottom" | "worst" | "lowest" | "smallest" => (true, i + 1),
            _ => continue,
        };
        let top = w.get(n_at).and_then(|x| small_number(x));
        let after = if top.is_some() { n_at + 1 } else { n_at };
        // The noun may follow after adjectives ("top 5 selling SKUs", "best-selling products").
        let by = w[after..w.len().min(after + 3)]
            .iter()
            .find_map(|x| group_word(x));
        if let Some(by) = by {
            return Some(Ranking {
                by,
                top: Some(top.unwrap_or(1)),
                ascending,
            });
        }
    }
    // "the ten best-selling SKUs", "best-selling 5 products"
    for i in 0..w.len() {
        if matches!(
            w[i],
            "best-selling"
                | "top-selling"
                | "bestselling"
                | "best-sellers"
                | "bestsellers"
                | "worst-selling"
                | "slowest-selling"
        ) {
            let ascending = w[i].starts_with("worst") || w[i].starts_with("slowest");
            let before = i.checked_sub(1).and_then(|k| small_number(w[k]));
            let after = w.get(i + 1).and_then(|x| small_number(x));
            let noun_at = if after.is_some() { i + 2 } else { i + 1 };
            let by = w
                .get(noun_at)
                .and_then(|x| group_word(x))
                .or(if w[i].ends_with("sellers") {
                    Some(GroupBy::Sku)
                } else {
                    None
                });
            if let Some(by) = by {
                return Some(Ranking {
                    by,
                    top: Some(before.or(after).unwrap_or(1)),
                    ascending,
                });
            }
        }
    }
    // "rank all warehouses by revenue", "which category sold the most", "revenue by brand"
    if let Some(i) = t.find_phrase(&[
        "rank",
        "ranking",
        "ranked",
        "sort",
        "sorted",
        "order by",
        "ordered by",
    ]) {
        // "the product categories": the last of two group words is the noun.
        let span = &w[i + 1..w.len().min(i + 6)];
        if let Some(k) = span.iter().position(|x| group_word(x).is_some()) {
            let k = if span.get(k + 1).is_some_and(|x| group_word(x).is_some()) {
                k + 1
            } else {
                k
            };
            let ascending = t.phrase(&[
                "lowest first",
                "smallest first",
                "worst first",
                "low to high",
                "lowest to highest",
                "bottom up",
            ]) || t.word(&["ascending", "asc", "increasing"]);
            return Some(Ranking {
                by: group_word(span[k]).expect("checked"),
                top: None,
                ascending,
            });
        }
    }
    if let Some(r) = ordered_groups(t) {
        return Some(r);
    }
    // "which category sold the most", "which 3 categories brought in the most revenue"
    for (phrases, ascending) in [
        (
            &[
                "the most",
                "sold most",
                "most sold",
                "the highest",
                "the best",
            ][..],
            false,
        ),
        (
            &[
                "the least",
                "sold least",
                "least sold",
                "the lowest",
                "the worst",
                "the fewest",
                "fewest",
            ][..],
            true,
        ),
    ] {
        if t.phrase(phrases) {
            if let Some(i) = t.find_phrase(&["which", "what"]) {
                let n = w.get(i + 1).and_then(|x| small_number(x));
                let at = if n.is_some() { i + 2 } else { i + 1 };
                if let Some(by) = w.get(at).and_then(|x| group_word(x)) {
                    return Some(Ranking {
                        by,
                        top: Some(n.unwrap_or(1)),
                        ascending,
                    });
                }
            }
        }
    }
    for (i, x) in w.iter().enumerate() {
        if matches!(*x, "by" | "per" | "each") && i + 1 < w.len() {
            if let Some(by) = group_word(w[i + 1]) {
                if matches!(
                    w.get(i.wrapping_sub(1)),
                    Some(&"revenue") | Some(&"sales") | Some(&"units") | Some(&"breakdown")
                ) || *x != "by"
                {
                    return Some(Ranking {
                        by,
                        top: None,
                        ascending: false,
                    });
                }
            }
        }
    }
    None
}

/// "Order our four warehouses by how many units they shifted, best first", "list the
/// brands by revenue", "categories by units, lowest first": plural entities put in order
/// by a figure. A verb of ordering before the entities, or an order word after them,
/// together with "by" right after the entities.
fn ordered_groups(t: &Text<'_>) -> Option<Ranking> {
    const LOW_FIRST: &[&str] = &[
        "worst first",
        "lowest first",
        "least first",
        "smallest first",
        "fewest first",
        "bottom first",
        "from worst",
        "from lowest",
        "from least",
        "from smallest",
        "from fewest",
        "ascending",
        "low to high",
        "lowest to highest",
        "least to most",
    ];
    const HIGH_FIRST: &[&str] = &[
        "best first",
        "highest first",
        "most first",
        "largest first",
        "biggest first",
        "top first",
        "from best",
        "from highest",
        "from most",
        "from largest",
        "from biggest",
        "descending",
        "high to low",
        "highest to lowest",
        "most to least",
    ];
    let w = &t.words;
    let ascending = t.phrase(LOW_FIRST);
    let cue = ascending || t.phrase(HIGH_FIRST);
    for j in 0..w.len() {
        // Plural entity words only: "by warehouse" is a breakdown, handled elsewhere.
        let Some(by) = group_word(w[j]).filter(|_| w[j].ends_with('s')) else {
            continue;
        };
        let by_follows = w[j + 1..w.len().min(j + 3)].contains(&"by");
        let verb_before = w[j.saturating_sub(4)..j].iter().any(|x| {
            matches!(
                *x,
                "order" | "rank" | "sort" | "arrange" | "list" | "put" | "line"
            )
        });
        if by_follows && (verb_before || cue) {
            return Some(Ranking {
                by,
                top: None,
                ascending,
            });
        }
    }
    None
}

/// A run of two or more capitalised words (digits may follow) that no entity, date or
/// known word accounts for: a name the data does not have ("Moonbeam Toaster 2000").
fn capitalised_unknown(
    text: &str,
    tokens: &[Token],
    linked: &Linked,
    dates: &Dates,
) -> Option<String> {
    const KNOWN: &[&str] = &[
        "what", "how", "which", "who", "when", "where", "why", "top", "show", "list", "give",
        "tell", "please", "and", "or", "i", "we", "our", "the", "a", "an", "in", "on", "at", "of",
        "for", "by", "sku", "skus", "q1", "q2", "q3", "q4", "double", "chinese", "new", "year",
        "spring", "festival", "singles", "day", "ytd", "yoy", "is", "are", "was", "were", "did",
        "do", "does", "can", "could", "would", "should", "will", "compare", "total", "only",
        "just", "also", "now",
    ];
    let capital = |t: &Token| {
        text[t.start..t.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let free = |i: usize| {
        !linked.covers(i) && !dates.used.contains(&i) && !KNOWN.contains(&tokens[i].text.as_str())
    };
    let mut i = 0;
    while i < tokens.len() {
        if capital(&tokens[i]) && free(i) && i > 0 {
            let mut j = i + 1;
            while j < tokens.len()
                && free(j)
                && (capital(&tokens[j]) || tokens[j].text.chars().any(|c| c.is_ascii_digit()))
            {
                j += 1;
            }
            if j - i >= 2 {
                return Some(text[tokens[i].start..tokens[j - 1].end].to_string());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}

/// A capitalised word (not the first), or the word before "demand", that no entity or
/// question word accounts for, in a network question: it names a node the data does
/// not have ("What if Lakeview's demand …").
fn unlinked_node_name(
    text: &str,
    tokens: &[Token],
    linked: &Linked,
    dates: &Dates,
) -> Option<String> {
    const GENERIC: &[&str] = &[
        "case",
        "cases",
        "pallet",
        "pallets",
        "crate",
        "crates",
        "box",
        "boxes",
        "tonne",
        "tonnes",
        "ton",
        "tons",
        "kg",
        "store",
        "stores",
        "shop",
        "shops",
        "customer",
        "customers",
        "suppose",
        "imagine",
        "scenario",
        "instead",
        "what",
        "if",
        "tea",
        "teas",
        "leaf",
        "cheapest",
        "plan",
        "optimal",
        "optimum",
        "network",
        "everyone",
        "everybody",
        "everywhere",
        "whole",
    ];
    tokens.iter().enumerate().find_map(|(i, t)| {
        let w = t.text.as_str();
        let free = !linked.covers(i)
            && !dates.used.contains(&i)
            && w.chars().all(|c| c.is_alphabetic() || c == '\'')
            && w.chars().any(char::is_alphabetic)
            && !GENERIC.contains(&w);
        let capital = i > 0
            && text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let owner = tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.text.as_str(), "demand" | "'s" | "demands"))
            || w.ends_with("'s")
            || w.ends_with('\'');
        (free
            && (capital || owner)
            && !is_stopword(w)
            && !crate::residual::is_question_word(w.trim_end_matches("'s").trim_end_matches('\'')))
        .then(|| text[t.start..t.end].to_string())
    })
}

/// "… came from Guangzhou", "… from the Beijing warehouse": the part of a share is the
/// place named right after "from".
fn share_part_is_place(words: &[&str], linked: &Linked) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        *w == "from"
            && linked
                .mentions
                .iter()
                .find(|m| m.span.0 > i && m.span.0 <= i + 3)
                .is_some_and(|m| m.kind == Kind::Location)
    })
}

/// "carried", "does Chengdu stock", "in its range": the SKUs a location has a stock
/// record for (zero on hand included), not those with stock on hand now.
fn carried_words(t: &Text<'_>) -> bool {
    t.word(&[
        "carried",
        "carry",
        "carries",
        "stocked",
        "range",
        "assortment",
        "listed",
    ]) || t.phrase(&[
        "do we stock",
        "does it stock",
        "we stock",
        "does stock",
        "do stock",
    ]) || t
        .words
        .windows(3)
        .any(|w| matches!(w[0], "does" | "do") && w[2] == "stock")
}

/// Words that ask how a figure changed between two periods.
const GROWTH_WORDS: &[&str] = &[
    "growth",
    "grow",
    "grew",
    "grown",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "decline",
    "declined",
    "change",
    "changed",
    "rise",
    "rose",
    "risen",
    "fall",
    "fell",
    "fallen",
    "drop",
    "dropped",
    "jump",
    "jumped",
    "improve",
    "improved",
    "improvement",
];

fn d_versus_words(t: &Text<'_>) -> bool {
    t.word(&["vs", "versus", "compare", "compared", "against"])
}

/// Of exactly two periods where one is the other a year earlier, the later one.
fn two_periods_a_year_apart(dates: &Dates) -> Option<crate::dates::Period> {
    match dates.periods[..] {
        [a, b] if a.year_before() == b => Some(a),
        [a, b] if b.year_before() == a => Some(b),
        _ => None,
    }
}

/// A sales question that names two periods the plan cannot both use (a comparison of
/// periods that are not a year apart, "more in March than in May"): answering for the
/// first period alone would give a figure for a different question.
fn periods_left_over(d: &Draft, dates: &Dates) -> Option<String> {
    (d.intent == Some(Intent::SalesHistory) && dates.periods.len() >= 2).then(|| {
        "two separate periods (only growth against the same period a year earlier is computed; ask for each period on its own)".to_string()
    })
}

/// "How much did Beverages revenue grow in April?", "which category grew the most":
/// a change with nothing to compare against (only growth against the same period a
/// year earlier is computed); the level of the period alone would answer another question.
fn growth_without_basis(t: &Text<'_>, d: &Draft) -> Option<String> {
    ((t.word(GROWTH_WORDS) || t.word(&["trend", "trends", "trending"]))
        && !d.yoy
        && d.growth_from.is_none()
        && d.growth_base.is_none())
    .then(|| {
        "growth that names nothing to compare with (growth is computed against the same period a year earlier: say \"vs the same month last year\")".to_string()
    })
}

/// "Which category grew the most vs last year?", "Snacks vs Beverages growth yoy": growth of
/// each of several entities, which is not computed (only the growth of the whole scope);
/// the growth of the total would answer another question.
fn growth_of_each(d: &Draft, linked: &Linked) -> Option<String> {
    let several = [Kind::Sku, Kind::Location, Kind::Category, Kind::Brand]
        .into_iter()
        .any(|k| linked.of(k).map(|m| m.ids.len()).sum::<usize>() >= 2);
    ((d.yoy || d.growth_from.is_some()) && (d.ranking.is_some() || several)).then(|| {
        "growth of each of several products, places, categories or brands (growth is computed for one scope at a time; ask for each)".to_string()
    })
}

/// A forecast for a named period ("in July", "for Q3", "during Double 11") or of revenue:
/// forecasts are of units over the next N days from the as-of date, so the default
/// window, or units, would answer another question.
fn forecast_not_expressible(dates: &Dates, revenue: bool) -> Option<String> {
    if revenue {
        return Some("a forecast of revenue (forecasts are of units)".into());
    }
    (!dates.periods.is_empty() && dates.horizon_days.is_none()).then(|| {
        "a forecast for a named period (forecasts run over the next days from the as-of date: ask for \"the next 4 weeks\")".into()
    })
}

/// Stock "last month", "on 2026-03-01", "arriving next week", "what to order next week",
/// "safety stock last month": the inventory is one snapshot at the as-of date, open orders
/// are not filtered by arrival and orders are due today, so a figure for another time
/// would answer another question.
fn stock_at_another_time(dates: &Dates, as_of: Date) -> Option<String> {
    if dates.horizon_days.is_some() {
        return Some(
            "a window ahead (stock and open orders are as of the snapshot date, not filtered by arrival date)"
                .into(),
        );
    }
    dates
        .periods
        .iter()
        .any(|p| p.end < as_of || p.start > as_of)
        .then(|| format!("stock at another date (the inventory is known as of {as_of} only)"))
}

fn is_retail_intent(i: Option<Intent>) -> bool {
    matches!(
        i,
        Some(
            Intent::SalesHistory
                | Intent::InventoryStatus
                | Intent::Forecast
                | Intent::StockoutRisk
                | Intent::Replenishment
                | Intent::InventoryPolicy
                | Intent::ExcessStock
                | Intent::ForecastAccuracy
        )
    )
}

/// "in the north", "our southern warehouse", "the east region": a place by compass or
/// region that is no location of the data (words of a linked name are not read here).
/// Answering for every location would give a figure for another scope.
fn unknown_region(t: &Text<'_>) -> Option<String> {
    const REGION: &[&str] = &[
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "central",
        "midwest",
        "region",
        "regions",
        "regional",
        "province",
        "provinces",
        "district",
        "districts",
        "coastal",
        "inland",
    ];
    let w = t.words.iter().find(|w| REGION.contains(w))?;
    Some(format!(
        "a region (\"{w}\") that is not a location of the data; name the warehouses or cities"
    ))
}

/// "the first week of May", "before March": a part of a period the parser cannot narrow to.
fn period_part(dates: &Dates) -> Option<String> {
    dates.qualified.as_ref().map(|q| {
        format!("a part of a period (\"{q} …\"); give the dates, e.g. 2026-05-01 to 2026-05-07")
    })
}

/// "since …" that no date expression accounts for ("since the promo", "since last
/// year"): answering over all the history instead would give a wrong figure.
fn unread_since(words: &[&str], dates: &Dates) -> Option<String> {
    if !dates.periods.is_empty() {
        return None;
    }
    let i = words.iter().position(|w| *w == "since")?;
    if dates.used.contains(&(i + 1)) || dates.used.contains(&i) {
        return None;
    }
    // The whole history is what these mean.
    let next = words.get(i + 1).copied().unwrap_or("");
    let next2 = words.get(i + 2).copied().unwrap_or("");
    if matches!(next, "launch" | "inception" | "ever" | "records")
        || matches!(
            (next, next2),
            ("it", _) | ("the", "beginning") | ("the", "start") | ("we", _) | ("records", _)
        ) && words.get(i + 3).is_none_or(|w| *w != "of")
    {
        return None;
    }
    Some(format!(
        "a period I could not read (\"{}\"); name it as a month, quarter, year or dates",
        words[i..words.len().min(i + 4)].join(" ")
    ))
}

/// A sales question with words of time ("the month before the promo", "bj revenue
/// yda") but no period read: the whole history would answer another question.
fn unread_period_words(words: &[&str], dates: &Dates) -> Option<String> {
    const TIME: &[&str] = &[
        "yesterday",
        "day",
        "days",
        "week",
        "weeks",
        "wk",
        "wks",
        "month",
        "months",
        "quarter",
        "quarters",
        "qtr",
        "year",
        "years",
        "yr",
        "yrs",
        "fortnight",
        "weekend",
        "ago",
        "tonight",
        "morning",
        "evening",
    ];
    if !dates.periods.is_empty() || dates.invalid.is_some() {
        return None;
    }
    if let Some(w) = &dates.unread {
        return Some(format!(
            "a period I could not read (\"{w}\"); name it as a month, quarter, year or dates"
        ));
    }
    let i = words.iter().enumerate().position(|(i, w)| {
        // "per day", "a week", "each month" are rates, not periods.
        let rate = i
            .checked_sub(1)
            .is_some_and(|j| matches!(words[j], "per" | "a" | "an" | "each" | "every"));
        TIME.contains(w) && !dates.used.contains(&i) && !rate
    })?;
    let from = i.saturating_sub(2);
    Some(format!(
        "a period I could not read (\"{}\"); name it as a month, quarter, year or dates",
        words[from..words.len().min(i + 2)].join(" ")
    ))
}

/// Conditions a sales or stock figure cannot take into account yet.
fn unsupported_condition(t: &Text<'_>, words: &[&str], linked: &Linked) -> Option<String> {
    // Exclusions: "excluding Snacks", "all categories except Snacks".
    for (i, w) in words.iter().enumerate() {
        let exclusion = matches!(*w, "excluding" | "except" | "excl")
            || (*w == "other" && words.get(i + 1) == Some(&"than"))
            || (*w == "apart" && words.get(i + 1) == Some(&"from"))
            || (*w == "not" && words.get(i + 1) == Some(&"including"))
            || (*w == "without" && (i + 1..(i + 4).min(words.len())).any(|k| linked.covers(k)));
        if exclusion && (i + 1..(i + 5).min(words.len())).any(|k| linked.covers(k)) {
            return Some("leaving something out (\"excluding …\")".into());
        }
    }
    if t.phrase(&[
        "per week",
        "a week",
        "weekly average",
        "average weekly",
        "per month",
        "a month",
        "monthly average",
        "average monthly",
        "per quarter",
        "per year",
    ]) {
        return Some(
            "an average per week, month or year (only a daily average is computed)".into(),
        );
    }
    if t.word(&["median", "busiest", "quietest", "peak", "mode"])
        || t.phrase(&[
            "best day",
            "worst day",
            "highest day",
            "lowest day",
            "maximum daily",
            "minimum daily",
            "max daily",
            "min daily",
            "biggest day",
        ])
    {
        return Some("a statistic of single days (median, peak or busiest day)".into());
    }
    if t.word(&[
        "weekend",
        "weekends",
        "weekday",
        "weekdays",
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ]) {
        return Some("a subset of weekdays (weekends, Mondays, …)".into());
    }
    if t.word(&["overdue", "late", "delayed"])
        && !t.word(&["included", "including", "incl", "inclusive"])
    {
        return Some("a condition on lateness (overdue orders)".into());
    }
    // Attributes of a sale the data does not record: price paid, promotion, channel, returns.
    if t.word(&[
        "promotion",
        "promotions",
        "promo",
        "promos",
        "promotional",
        "discount",
        "discounted",
        "discounts",
        "markdown",
        "markdowns",
        "clearance",
        "online",
        "offline",
        "in-store",
        "ecommerce",
        "e-commerce",
        "channel",
        "channels",
        "coupon",
        "coupons",
        "returns",
        "returned",
        "refund",
        "refunds",
        "refunded",
        "wholesale",
    ]) || t.phrase(&["full price", "on sale", "marked down", "net of"])
    {
        return Some(
            "a kind of sale the data does not record (price paid, promotion, channel or returns)"
                .into(),
        );
    }
    if t.contains(&["除了", "不包括", "不含", "باستثناء"]) {
        return Some("leaving something out (\"excluding …\")".into());
    }
    None
}

/// "How many 2L bottles of Red Lantern cola …": a name that fits several products
/// (the cola 330ml x6, the value pack, the 2L) and a word elsewhere in the question that
/// only one of their names has ("2l") — that one is meant.
fn narrow_by_other_words(linked: &mut Linked, words: &[&str], dates: &Dates, lexicon: &Lexicon) {
    let covered: Vec<bool> = (0..words.len()).map(|i| linked.covers(i)).collect();
    let free: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            !covered[*i]
                && !dates.used.contains(i)
                && !is_stopword(w)
                && !crate::residual::is_question_word(w)
                && w.chars().any(char::is_alphanumeric)
        })
        .map(|(_, w)| *w)
        .collect();
    if free.is_empty() {
        return;
    }
    for m in linked.mentions.iter_mut() {
        // "Golden Crane index funds": the plural speaks of several.
        let plural = words
            .get(m.span.1)
            .is_some_and(|w| matches!(*w, "funds" | "products" | "items" | "skus"));
        if m.ids.len() < 2 || !matches!(m.kind, Kind::Sku | Kind::Fund) || plural {
            continue;
        }
        let hits: Vec<String> = m
            .ids
            .iter()
            .filter(|id| {
                lexicon
                    .name_words(m.kind, id)
                    .iter()
                    .any(|n| n.iter().any(|t| free.contains(&t.as_str())))
            })
            .cloned()
            .collect();
        if hits.len() == 1 {
            m.ids = hits;
        }
    }
}

/// Parses one question.
pub fn understand(question: &str, lexicon: &Lexicon, as_of: Date) -> Draft {
    let (text, hostile) = strip_hostile(question);
    let lower = text.to_lowercase();
    let tokens = tokenize(&lower);
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let mut linked = lexicon.link(&tokens);
    let mut dates = find_dates(&lower, &tokens, as_of);
    narrow_by_other_words(&mut linked, &words, &dates, lexicon);
    let mut d = Draft {
        hostile,
        ..Draft::default()
    };
    // Measure and intent words are read outside entity names ("… Value Pack" is a product,
    // not a stock value).
    let residual: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| !linked.covers(*i))
        .map(|(_, w)| *w)
        .collect();
    let full_text = Text {
        lower: &lower,
        words: words.clone(),
    };
    let t = Text {
        lower: &lower,
        words: residual,
    };

    let has_fund =
        t.word(FUND_WORDS) || t.contains(FUND_ZH_AR) || linked.of(Kind::Fund).next().is_some();
    let has_node =
        linked.of(Kind::Node).next().is_some() || linked.of(Kind::Product).next().is_some();
    // Verbs of trade asked of a past period: "what did Snacks move in May?" (units),
    // "what did Household gross last year?", "how much did Beijing take in?" (revenue).
    let past = !dates.periods.is_empty() && dates.horizon_days.is_none();
    let did = t.word(&["did", "has", "have", "had"]);
    let money_verb = past
        && (t.phrase(&[
            "take in",
            "took in",
            "bring in",
            "brought in",
            "rake in",
            "raked in",
            "pull in",
            "pulled in",
            "turn over",
            "turned over",
        ]) || t.word(&["grossed"])
            || (did && t.word(&["gross"])));
    let unit_verb = past
        && (t.word(&["moved"])
            || (did && t.word(&["move", "shift"]))
            || t.phrase(&["went out", "go out", "gone out", "left the"]));
    let revenue = money_verb
        || t.word(REVENUE_WORDS)
        || t.phrase(REVENUE_PHRASES)
        || t.contains(REVENUE_ZH_AR);
    // A revenue word ("takings", "income") is itself a sales word.
    let sales = t.word(SALES_WORDS)
        || t.contains(SALES_ZH_AR)
        || t.phrase(&[
            "units sold",
            "how many units did",
            "how many did",
            "out the door",
        ])
        || t.word(REVENUE_WORDS)
        || t.phrase(&["gross sales", "sales value", "value of sales"])
        || money_verb
        || unit_verb;
    let stock = t.phrase(STOCK_PHRASES)
        || t.word(STOCK_WORDS)
        || t.contains(STOCK_ZH_AR)
        // "how many of the whitening toothpaste do we have in Chengdu right now"
        || (t.phrase(&["how many", "how much"])
            && t.phrase(&["do we have", "have we got", "do we hold", "do we still have"])
            && dates.periods.is_empty()
            // "how many warehouses do we have" counts places, not stock
            && !words.windows(2).any(|p| {
                p[0] == "many"
                    && matches!(
                        p[1],
                        "skus" | "products" | "items" | "warehouses" | "stores" | "locations"
                            | "categories" | "brands" | "suppliers" | "funds" | "customers"
                            | "facilities" | "people" | "sites" | "dcs" | "lines"
                    )
            }));
    let forecast = t.word(FORECAST_WORDS)
        || t.contains(FORECAST_ZH_AR)
        || t.phrase(&[
            "will we sell",
            "will sell",
            "are we going to sell",
            "going to sell",
            "demand next",
            "future demand",
        ]);
    let accuracy =
        t.word(ACCURACY_WORDS) || t.phrase(&["how good", "how well"]) || t.contains(&["准确"]);
    d.what_if = t.phrase(WHAT_IF_PHRASES)
        || (t.phrase(&["what happens", "what would happen", "how would"]) && t.word(&["if"]))
        || t.contains(&["如果", "ماذا لو"])
        || (t.word(&["if"]) && t.word(&["would", "could"]));

    d.funds = parse_funds(&full_text, &linked);
    d.ranking = find_ranking(&t);

    // "growth from April 2025 to April 2026" compares two periods; it is not one range.
    if t.word(GROWTH_WORDS) || d_versus_words(&t) {
        dates.unjoin();
    }
    let year_ago = t.phrase(&[
        "same period last year",
        "same quarter last year",
        "same qtr last yr",
        "same qtr last year",
        "same month last year",
        "same week last year",
        "same period last yr",
        "same month last yr",
        "a year earlier",
        "a year ago",
        "the year before",
        "prior year",
        "previous year",
    ]);
    d.yoy = t.phrase(&[
        "year over year",
        "year-over-year",
        "yoy",
        "vs last year",
        "versus last year",
        "compared with last year",
        "compared to last year",
        "vs last yr",
        "year on year",
        "year-on-year",
        "than last year",
    ]) || t.contains(&["同比"])
        // "up 5% on last year", "growth over last year"; but "what did Household turn
        // over last year" and "sales over last year" are last year's figure.
        || (t.phrase(&["on last year", "over last year", "from last year"])
            && (t.word(GROWTH_WORDS)
                || t.word(&["up", "down", "higher", "lower", "better", "worse", "compare"])))
        || (year_ago
            && t.word(&[
                "growth", "grew", "grow", "change", "increase", "decrease", "vs", "versus",
                "compared",
            ]))
        || (t.word(GROWTH_WORDS) && dates.periods.len() >= 2)
        || (d_versus_words(&t) && two_periods_a_year_apart(&dates).is_some());
    d.year_ago = year_ago && !d.yoy;

    d.difference = (t.phrase(&[
        "how many more",
        "how much more",
        "how many fewer",
        "how much less",
        "difference between",
        "difference in",
        "more than",
        "fewer than",
        "less than",
        "gap between",
    ]) || t.word(&["minus", "gap"]))
        && !t.phrase(&["days of cover"]);
    d.share = t.phrase(&[
        "share of",
        "percentage of",
        "percent of",
        "proportion of",
        "fraction of",
        "what share",
        "as a share",
        "what percentage",
        "what percent",
        "contribution of",
        "what %",
        "what pct",
    ]) || t.contains(&["占比", "比重"])
        // "how much of Beijing's revenue came from small appliances"
        || (t.phrase(&["how much of", "% of"])
            && t.phrase(&["came from", "comes from", "come from", "coming from", "was from"]));
    d.share_of_place = d.share && share_part_is_place(&words, &linked);
    d.versus = (t.word(&[
        "vs",
        "versus",
        "compare",
        "compared",
        "comparison",
        "respectively",
        "separately",
        "individually",
    ]) || t.phrase(&["each of", "for each"])
        || t.contains(&["分别", "各自", "كل من"]))
        && !d.yoy;
    d.count = t.phrase(&[
        "how many skus",
        "how many products",
        "how many items",
        "number of skus",
        "number of products",
        "count of skus",
        "how many distinct",
    ]);
    for (i, x) in words.iter().enumerate() {
        let n = words
            .get(i + 1)
            .and_then(|n| small_number(n))
            .filter(|n| *n > 0);
        match *x {
            "top" | "first" if n.is_some() => d.limit = n,
            "bottom" | "worst" | "lowest" if n.is_some() => d.low_end = n,
            _ => {}
        }
    }
    d.least = (t.word(&["least", "fewest", "lowest", "worst", "weakest", "slowest"])
        || t.phrase(&["the bottom"]))
        && !t.phrase(&["at least", "least of all"]);
    d.rank_again = t.word(&["rank", "ranked", "ranking", "sort"]) && d.ranking.is_none();
    if let (Some(r), Some(n)) = (d.ranking.as_mut(), d.limit) {
        // "Which items sold the most units? top 3"
        r.top = Some(n);
    }
    if let Some(r) = d.ranking.as_mut() {
        // "… Rank them all."
        if t.phrase(&[
            "rank them all",
            "rank all",
            "all of them",
            "every one",
            "rank them",
        ]) {
            r.top = None;
        }
    }
    // "2026 so far", "this half to date": up to the as-of date.
    if t.phrase(&["so far", "to date", "until now", "up to now", "till now"]) {
        for p in dates.periods.iter_mut() {
            if p.end > as_of && p.start <= as_of {
                p.end = as_of;
            }
        }
    }
    // "April 2026 versus April 2025", "from Q1 2025 to Q1 2026": growth of the later
    // period over the one a year before it.
    if d.yoy {
        if let Some(later) = two_periods_a_year_apart(&dates) {
            dates.periods = vec![later];
        }
    }
    // "By what percent did units change from April to May?": growth between two periods
    // that are not a year apart, asked with a word of change.
    if d.yoy
        && dates.periods.len() == 2
        && t.word(GROWTH_WORDS)
        && two_periods_a_year_apart(&dates).is_none()
    {
        let (a, b) = (dates.periods[0], dates.periods[1]);
        let (earlier, later) = if a.start <= b.start { (a, b) } else { (b, a) };
        let last_year_named = t.phrase(&["last year", "last yr", "previous year", "prior year"]);
        if earlier.end < later.start && !last_year_named {
            d.growth_from = Some(earlier);
            dates.periods = vec![later];
            d.yoy = false;
        }
    }
    // "How does Guangzhou's figure compare with May last year, as growth?": one period,
    // named as what to compare with, and a word of growth: the base of the growth of
    // the period the conversation is about.
    if !d.yoy
        && d.growth_from.is_none()
        && dates.periods.len() == 1
        && (t.word(GROWTH_WORDS) || t.phrase(&["as growth", "as a growth", "percentage change"]))
        && t.phrase(&[
            "compare with",
            "compared with",
            "compare to",
            "compared to",
            "versus",
            "vs",
            "against",
        ])
    {
        d.growth_base = dates.periods.pop();
    }
    // "growth vs last year, over the last 4 weeks": last year is the comparison, not the period.
    if d.yoy && dates.periods.len() >= 2 {
        let last_year = crate::dates::Period {
            start: chrono::NaiveDate::from_ymd_opt(as_of.year() - 1, 1, 1).expect("valid"),
            end: chrono::NaiveDate::from_ymd_opt(as_of.year() - 1, 12, 31).expect("valid"),
        };
        if let Some(k) = dates.periods.iter().position(|p| *p == last_year) {
            dates.periods.remove(k);
        }
    }
    // Measures.
    let daily_average = t.phrase(&[
        "average daily",
        "daily average",
        "avg daily",
        "per day",
        "a day",
        "average per day",
        "average units per day",
    ]) || t.contains(&[
        "日均",
        "平均每天",
        "每天平均",
        "平均每日",
        "يوميا",
        "يومياً",
        "في اليوم",
    ]);
    d.sales_measure = if daily_average && revenue {
        Some(SalesMeasure::AvgDailyRevenue)
    } else if daily_average {
        Some(SalesMeasure::AvgDailyUnits)
    } else if t.phrase(&[
        // Read before the SKUs sold: "which SKUs sold nothing" holds "skus sold".
        "zero sales",
        "no sales",
        "not sold",
        "did not sell",
        "didn't sell",
        "without sales",
        "without any sale",
        "no units sold",
        "zero units sold",
        "sold nothing",
        "sold zero",
        "sold no units",
        "sold none",
        "nothing sold",
        "had no sales",
        "made no sales",
        "not a single sale",
        "no sale",
        "zero sale",
        "never sold",
        "did not sell anything",
        "didn't sell anything",
        "without a sale",
        "without selling",
        "failed to sell",
    ]) {
        Some(SalesMeasure::SkusNotSold)
    } else if t.phrase(&[
        "distinct skus",
        "different skus",
        "skus had at least one",
        "skus sold",
        "skus with sales",
        "skus had sales",
        "skus with at least one sale",
        "many skus had a sale",
        "distinct products",
        "different products",
        "distinct items",
        "different items",
        "at least one of",
    ]) {
        Some(SalesMeasure::SkusSold)
    } else if revenue {
        Some(SalesMeasure::Revenue)
    } else if t.word(&["units", "unit", "quantity", "volume", "pieces", "pcs"])
        || t.contains(&["销量", "件", "وحدة"])
    {
        Some(SalesMeasure::Units)
    } else {
        None
    };
    d.measure_only = t.word(&["instead"])
        && d.sales_measure.is_some()
        && linked.mentions.is_empty()
        && dates.periods.is_empty();
    let on_hand_words = t.phrase(&["on hand", "in stock", "onhand"]);
    let on_order_words = t.phrase(&[
        "open orders",
        "open purchase orders",
        "on order",
        "open pos",
        "incoming",
    ]);
    d.stock_measure = if t.phrase(&["inventory position", "stock position"])
        || (on_hand_words
            && on_order_words
            && (t.word(&["plus", "+", "and", "including"]) || t.lower.contains('+')))
    {
        Some(StockMeasure::Position)
    } else if t.phrase(&[
        "open purchase orders",
        "open purchase order",
        "open orders",
        "open order",
        "on order",
        "purchase orders",
        "in transit",
        "open pos",
        "open po",
    ]) || t.contains(&[
        "在途",
        "采购订单",
        "未完成订单",
        "未到货",
        "أوامر الشراء",
        "طلبات الشراء",
    ]) {
        Some(StockMeasure::OpenOrders)
    } else if t.phrase(&[
        "days of cover",
        "days of supply",
        "days cover",
        "days of stock",
        "how long will",
        "how many days will",
    ]) {
        Some(StockMeasure::DaysOfCover)
    } else if (t.word(&["value", "worth", "valued"]) || t.contains(&["价值", "金额", "قيمة"]))
        && stock
    {
        // "at retail prices", "selling prices", "at retail", "shelf price": the unit price.
        let at_price = t.phrase(&[
            "retail price",
            "retail prices",
            "selling price",
            "selling prices",
            "at price",
            "at prices",
            "retail value",
            "sales price",
            "sales prices",
            "shelf price",
            "shelf prices",
            "list price",
            "list prices",
            "price value",
            "at retail",
            "sale price",
            "sale prices",
        ]) || t.word(&["price", "prices", "priced", "msrp"])
            || t.contains(&["售价", "零售价", "سعر البيع", "سعر التجزئة"]);
        let at_cost = t.word(&["cost", "costs", "costed"]) || t.contains(&["成本", "التكلفة"]);
        if at_price && !at_cost {
            Some(StockMeasure::ValueAtPrice)
        } else {
            Some(StockMeasure::ValueAtCost)
        }
    } else if t.phrase(&[
        "at 0 on hand",
        "0 on hand",
        "at zero on hand",
        "zero on hand units",
        "zero units on hand",
        "zero stock",
        "nothing on hand",
        "no stock",
        "zero on hand",
        "0 units on hand",
        "zero inventory",
        "out of stock now",
        "currently out of stock",
        "are out of stock",
        "have zero units",
        "no units on hand",
    ]) || out_of_stock_now(&t, &dates)
    {
        Some(StockMeasure::ZeroOnHand)
    } else if d.count && carried_words(&t) {
        Some(StockMeasure::Carried)
    } else if stock {
        Some(StockMeasure::OnHand)
    } else {
        None
    };
    d.policy_measure = if t.phrase(&[
        "safety stock",
        "buffer stock",
        "safety buffer",
        "buffer inventory",
    ]) || t.contains(&["安全库存"])
    {
        Some(PolicyMeasure::SafetyStock)
    } else if t.phrase(&["reorder point", "re-order point", "reorder level"])
        || t.word(&["rop"])
        || t.contains(&["再订货点"])
    {
        Some(PolicyMeasure::ReorderPoint)
    } else if t.phrase(&[
        "economic order quantity",
        "optimal order quantity",
        "order quantity",
    ]) || t.word(&["eoq"])
    {
        Some(PolicyMeasure::Eoq)
    } else if t.phrase(&["order-up-to", "order up to", "up-to level", "max level"]) {
        Some(PolicyMeasure::OrderUpTo)
    } else if t.phrase(&[
        "lead time demand",
        "lead-time demand",
        "demand during the lead time",
        "demand over the lead time",
    ]) {
        Some(PolicyMeasure::LeadTimeDemand)
    } else {
        None
    };
    // A service level written as a percentage ("at 98% service level").
    for (i, w) in words.iter().enumerate() {
        if let Some(x) = number(w) {
            let pct =
                words.get(i + 1) == Some(&"%") || words.get(i + 1).is_some_and(|n| *n == "percent");
            let near = words[i.saturating_sub(3)..words.len().min(i + 5)]
                .iter()
                .any(|x| matches!(*x, "service" | "csl" | "availability" | "fill"));
            if near && pct && x > 0.0 && x < 100.0 {
                d.service_level = Some(x / 100.0);
            } else if near && !pct && x > 0.0 && x < 1.0 {
                d.service_level = Some(x);
            }
            let days_after = words.get(i + 1).is_some_and(|n| n.starts_with("day"));
            if days_after
                && i > 0
                && words[..i]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|p| matches!(*p, "than" | "above" | "over" | "exceeding" | "least"))
            {
                d.min_days = Some(x);
            }
        }
    }

    // Intent from the words.
    let policy = d.policy_measure.is_some();
    // "at risk level 2" is a fund's risk level, not a stock-out.
    let risk_level = t.phrase(&["risk level", "risk levels", "risk rating"]);
    let stockout = STOCKOUT_PHRASES
        .iter()
        .any(|p| t.phrase(&[*p]) && !(*p == "at risk" && risk_level))
        || t.contains(STOCKOUT_ZH_AR);
    let replenish = (t.word(REPLENISH_WORDS) && !policy)
        || t.phrase(REPLENISH_PHRASES)
        || t.contains(REPLENISH_ZH_AR);
    let excess = t.word(EXCESS_WORDS)
        || t.phrase(&[
            "too much stock",
            "too much inventory",
            "slow moving",
            "slow-moving",
        ])
        || t.contains(EXCESS_ZH)
        || (d.min_days.is_some()
            && t.phrase(&[
                "days of cover",
                "days of supply",
                "days cover",
                "days of stock",
                "days of inventory",
            ]));
    // "the cheapest way to keep all nine stores stocked - total cost?": the network plan,
    // whatever else the question says.
    let network_strong = (t.phrase(&[
        "cheapest way",
        "cheapest plan",
        "least expensive way",
        "lowest cost way",
        "lowest-cost way",
        "cheapest possible",
        "cheapest distribution",
    ]) && t.word(&["cost", "costs", "costing", "bill", "spend", "total"]))
        // "the lowest cost to supply all stores", "what's the least we can spend getting
        // tea to all nine stores?"
        || (t.phrase(&[
            "lowest cost",
            "least cost",
            "least we can spend",
            "least we could spend",
            "minimum we can spend",
            "spend the least",
        ]) && t.word(&[
            "store", "stores", "demand", "customers", "network", "deliver", "delivering",
            "getting", "supply",
        ]))
        // ما هي أقل تكلفة إجمالية لخطة التوزيع المثلى؟ / 最优配送方案的总成本
        || t.contains(&["خطة التوزيع", "شبكة التوزيع", "最优配送", "配送方案", "配送网络", "物流网络"]);
    let network = network_strong
        || has_node
        || (t.word(NETWORK_WORDS)
            && (t.word(&[
                "network",
                "lane",
                "lanes",
                "plant",
                "plants",
                "facility",
                "facilities",
                "optimal",
                "optimise",
                "optimize",
                "optimisation",
                "optimization",
                "distribution",
            ]) || d.what_if))
        || (t.word(&["cost", "costs"])
            && t.phrase(&[
                "at best",
                "cheapest total",
                "minimum total",
                "lowest total",
                "least total",
                "optimal plan",
                "best plan",
            ]))
        || (d.what_if
            && t.phrase(&[
                "every store",
                "all stores",
                "each store",
                "every customer",
                "all customers",
                "every demand",
                "all demand",
                "each demand",
                "all demands",
            ])
            && t.word(&[
                "demand", "demands", "need", "needed", "needs", "ordered", "orders", "order",
                "wanted", "wants", "want", "bought", "buys", "required", "requires",
            ]));
    if network {
        let kind_of = |id: &str| lexicon.tag(Kind::Node, id);
        let facilities: Vec<String> = lexicon
            .ids_of(Kind::Node)
            .into_iter()
            .filter(|id| lexicon.tag(Kind::Node, id).as_deref() == Some("facility"))
            .map(str::to_string)
            .collect();
        d.network_edits = network_edits(&lower, &tokens, &linked, &kind_of, &facilities);
        // "What if Lakeview's demand was 250?" with no node called Lakeview: the change
        // is of a node that was not found, never of every node ("*").
        let everywhere = d
            .network_edits
            .iter()
            .any(|e| e.op == "demand" && e.node.as_deref() == Some("*"));
        if everywhere {
            if let Some(name) = unlinked_node_name(&text, &tokens, &linked, &dates) {
                d.network_edits.clear();
                d.unknown_name = Some(name);
            }
        }
    }
    d.also =
        t.word(&["also", "too", "additionally", "furthermore"]) || t.phrase(&["as well", "on top"]);
    // "and how much money does it manage?": a fund's assets, not revenue.
    let manages_money = t.word(&["manage", "manages"]) && t.phrase(&["how much"]);
    d.intent = if d.funds.strong || manages_money || (has_fund && !(sales || stock)) {
        Some(d.funds.intent())
    } else if network && (network_strong || !(sales || stock || forecast)) {
        if d.what_if || !d.network_edits.is_empty() || network_change_words(&t) {
            Some(Intent::NetworkWhatIf)
        } else {
            Some(Intent::NetworkOptimize)
        }
    } else if policy {
        Some(Intent::InventoryPolicy)
    } else if forecast && accuracy {
        Some(Intent::ForecastAccuracy)
    } else if stockout && !(d.stock_measure == Some(StockMeasure::ZeroOnHand)) {
        Some(Intent::StockoutRisk)
    } else if replenish {
        Some(Intent::Replenishment)
    } else if excess {
        Some(Intent::ExcessStock)
    } else if forecast
        || (dates.horizon_days.is_some()
            && (sales || t.word(&["demand", "need", "move", "moves", "shift", "shifts"])))
    {
        Some(Intent::Forecast)
    } else if d.stock_measure.is_some()
        && !(sales
            && d.stock_measure == Some(StockMeasure::OnHand)
            && !t.phrase(&["on hand", "in stock"]))
    {
        Some(Intent::InventoryStatus)
    } else if sales
        || d.ranking.is_some()
        || d.yoy
        || d.sales_measure.is_some_and(|m| m != SalesMeasure::Units)
        || (d.sales_measure == Some(SalesMeasure::Units) && !dates.periods.is_empty())
    {
        Some(Intent::SalesHistory)
    } else {
        None
    };
    // "and at retail prices?" after a stock value: the valuation alone changes.
    if d.stock_measure.is_none() && d.intent.is_none() {
        if t.phrase(&[
            "at retail",
            "retail price",
            "retail prices",
            "selling price",
            "selling prices",
            "at price",
            "at prices",
        ]) {
            d.stock_measure = Some(StockMeasure::ValueAtPrice);
        } else if t.phrase(&["at cost", "cost price", "at unit cost"]) {
            d.stock_measure = Some(StockMeasure::ValueAtCost);
        }
    }
    d.measure_said = d.sales_measure.is_some() || t.phrase(&["how many"]);
    if d.intent == Some(Intent::SalesHistory) && d.sales_measure.is_none() {
        d.sales_measure = Some(SalesMeasure::Units);
    }
    d.out_of_scope =
        d.intent.is_none() && (t.word(OUT_OF_SCOPE_WORDS) || t.contains(OUT_OF_SCOPE_ZH_AR));
    // Facts the data does not hold (competitors, employees): whatever else is asked.
    if full_text
        .words
        .iter()
        .any(|w| NOT_IN_DATA_WORDS.contains(w))
    {
        d.out_of_scope = true;
        d.intent = None;
    }
    if (t.word(OUT_OF_SCOPE_WORDS) || t.contains(OUT_OF_SCOPE_ZH_AR))
        && t.phrase(&["buy", "price", "shares", "stock price"])
        && !has_fund
        && d.intent != Some(Intent::Replenishment)
    {
        d.out_of_scope = true;
        d.intent = None;
    }

    // "What's the weather forecast for Shanghai next week?": a forecast, but not of sales.
    if (t.word(&[
        "weather",
        "temperature",
        "temperatures",
        "rain",
        "rainfall",
        "snowfall",
        "typhoon",
        "humidity",
        "earthquake",
        "election",
        "elections",
    ]) || t.contains(&[
        "天气",
        "气温",
        "下雨",
        "الطقس",
        "طقس",
        "درجة الحرارة",
        "الأمطار",
    ])) && linked.of(Kind::Sku).next().is_none()
    {
        d.out_of_scope = true;
        d.intent = None;
    }
    // "What will the CSI 300 index close at next Friday?": market levels are not in the data.
    if full_text.word(&["close", "closes", "closing", "level", "points"])
        && full_text.word(&[
            "index", "csi", "sse", "nasdaq", "hang", "s&p", "dow", "nikkei", "ftse",
        ])
        && full_text.phrase(&[
            "close at",
            "closing level",
            "index level",
            "will the",
            "points",
        ])
    {
        d.out_of_scope = true;
        d.intent = None;
    }
    // "How many units did JD.com sell?": another company's figures, not in the data.
    if t.words.iter().any(|w| {
        [".com", ".cn", ".net", ".org", ".io"]
            .iter()
            .any(|d| w.ends_with(d) && w.len() > d.len())
    }) {
        d.out_of_scope = true;
        d.intent = None;
    }

    // "Buy 10,000 yuan of F0018 for me", 我有50万存款应该买哪只基金, هل يجب أن أستثمر …:
    // an order or personal advice; "the Morningstar rating of F0018": a figure the data
    // does not hold.
    let fund_talk = has_fund || t.contains(&["基金", "صندوق", "صناديق"]);
    if fund_talk
        && (t
            .words
            .first()
            .is_some_and(|w| matches!(*w, "buy" | "sell" | "purchase" | "redeem" | "invest"))
            || t.contains(&[
                "应该买",
                "买哪只",
                "帮我买",
                "该不该买",
                "值得买",
                "应该投资",
                "هل يجب أن أستثمر",
                "أستثمر",
                "هل أشتري",
                "اشتر لي",
            ])
            // (a "risk rating" is the risk level)
            || t.word(&["morningstar"])
            || (t.word(&["rating", "ratings"]) && !t.word(&["risk"]))
            || t.phrase(&["star rating", "stars"]))
    {
        d.out_of_scope = true;
        d.intent = None;
    }
    // "Should I put my retirement money into F0012?": personal investment advice, which
    // no figure answers.
    if has_fund
        && (t.phrase(&[
            "should i",
            "should we",
            "do you recommend",
            "would you recommend",
            "is it a good",
            "good investment",
            "good buy",
            "worth buying",
            "worth investing",
            "worth it",
        ]) || t.word(&["retirement", "savings", "pension"]))
        && t.word(&[
            "invest",
            "put",
            "buy",
            "sell",
            "investment",
            "retirement",
            "savings",
            "money",
            "switch",
            "pension",
            "worth",
        ])
    {
        d.out_of_scope = true;
        d.intent = None;
    }

    if d.intent.is_none() && !d.out_of_scope && linked.mentions.is_empty() {
        d.network_change = crate::network::bare_change(&t);
    }

    // "Write a short poem about inventory": a request to make something, not a question
    // about the data, even when it names a domain word.
    if creative_request(&t) {
        d.out_of_scope = true;
        d.intent = None;
    }

    d.pronoun = t.words.iter().any(|w| {
        matches!(
            *w,
            "it" | "its" | "there" | "them" | "those" | "these" | "same"
        )
    }) || t.contains(&["它", "那里"]);
    let first = words.first().copied().unwrap_or("");
    d.followup = matches!(
        first,
        "and"
            | "also"
            | "only"
            | "just"
            | "now"
            | "then"
            | "same"
            | "how"
            | "what"
            | "i"
            | "instead"
            | "ok"
            | "okay"
            | "as"
    ) && (words.len() <= 9
        || t.phrase(&[
            "as a share",
            "as a percentage",
            "as a proportion",
            "as a fraction",
            "what about",
            "how about",
            "and for",
            "and in",
            "i mean",
            "and if",
        ]))
        || t.contains(&["那", "呢"])
        || words.len() <= 4;
    // "How does that compare with May last year, as growth?" speaks of the last answer.
    if d.growth_base.is_some() {
        d.followup = true;
    }
    d.narrows = t.word(&["only", "just"]) || t.contains(&["只"]);
    d.all_locations = t.phrase(&[
        "in total",
        "all warehouses",
        "all locations",
        "across all",
        "every warehouse",
        "all stores",
        "company-wide",
        "network-wide",
        "overall",
        "altogether",
        "across the network",
        "all dcs",
    ]) || t.contains(&["全国", "所有仓"]);

    d.list_of = asks_for_list(&words);

    // Questions about products: a name that fits nothing is never read as "every product".
    let about_products = matches!(
        d.intent,
        Some(
            Intent::SalesHistory
                | Intent::InventoryStatus
                | Intent::Forecast
                | Intent::InventoryPolicy
                | Intent::Replenishment
                | Intent::StockoutRisk
        )
    );
    // "units of <name>" where the name fits nothing: never answer for everything instead.
    if about_products {
        for (i, w) in words.iter().enumerate() {
            if *w == "of"
                && i > 0
                && matches!(
                    words[i - 1],
                    "units"
                        | "revenue"
                        | "sales"
                        | "stock"
                        | "inventory"
                        | "much"
                        | "quantity"
                        | "value"
                )
            {
                let mut j = i + 1;
                let mut name = Vec::new();
                while j < words.len()
                    && !matches!(
                        words[j],
                        "did"
                            | "do"
                            | "does"
                            | "are"
                            | "is"
                            | "were"
                            | "was"
                            | "in"
                            | "at"
                            | "on"
                            | "for"
                            | "we"
                            | "sold"
                            | "across"
                            | "over"
                            | "during"
                            | "between"
                            | "since"
                            | "last"
                            | "this"
                            | "have"
                            | "has"
                            | "left"
                            | "will"
                    )
                {
                    if !linked.covers(j)
                        && !dates.used.contains(&j)
                        && !is_stopword(words[j])
                        && words[j] != "sku"
                        && words[j] != "category"
                        && words[j] != "brand"
                        // "the value of the stock held at Beijing": no name at all
                        && !crate::residual::is_question_word(words[j])
                    {
                        name.push(tokens[j].text.clone());
                    } else if linked.covers(j) {
                        name.clear();
                        break;
                    }
                    j += 1;
                }
                if !name.is_empty()
                    && name.len() >= 2
                    && j > i + 1
                    && !(i + 1..j).any(|k| linked.covers(k))
                {
                    d.unknown_product =
                        Some(text[tokens[i + 1].start..tokens[j - 1].end].to_string());
                }
            }
        }
    }
    if about_products && d.unknown_product.is_none() {
        d.unknown_name = capitalised_unknown(&text, &tokens, &linked, &dates);
    }
    if matches!(
        d.intent,
        Some(Intent::SalesHistory | Intent::InventoryStatus)
    ) {
        d.unsupported_condition = unsupported_condition(&t, &words, &linked);
    }
    if d.intent == Some(Intent::SalesHistory) && d.unsupported_condition.is_none() {
        d.unsupported_condition = period_part(&dates)
            .or_else(|| periods_left_over(&d, &dates))
            .or_else(|| unread_since(&words, &dates))
            .or_else(|| unread_period_words(&words, &dates))
            .or_else(|| growth_without_basis(&t, &d))
            .or_else(|| growth_of_each(&d, &linked));
    }
    if is_retail_intent(d.intent) && d.unsupported_condition.is_none() {
        d.unsupported_condition = unknown_region(&t);
    }
    if d.intent == Some(Intent::Forecast) && d.unsupported_condition.is_none() {
        d.unsupported_condition = forecast_not_expressible(&dates, revenue);
    }
    if matches!(
        d.intent,
        Some(
            Intent::InventoryStatus
                | Intent::InventoryPolicy
                | Intent::ExcessStock
                | Intent::Replenishment
        )
    ) && d.unsupported_condition.is_none()
    {
        d.unsupported_condition = stock_at_another_time(&dates, as_of);
    }
    d.text = text;
    d.tokens = tokens;
    d.linked = linked;
    // The fund family and kinds of fund are conditions of the screen, not funds to ask about.
    let mut conditions = d.funds.kind_names.clone();
    if !d.funds.family.is_empty() {
        conditions.push(d.funds.family.clone());
    }
    d.linked
        .mentions
        .retain(|m| !(m.kind == Kind::Fund && conditions.contains(&m.ids)));
    d.dates = dates;
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Entity;

    fn lexicon() -> Lexicon {
        let node = |id: &str, tag: &str| Entity {
            kind: Kind::Node,
            id: id.into(),
            names: vec![id.into()],
            tag: Some(tag.into()),
        };
        Lexicon::new(
            vec![
                node("North Packing", "facility"),
                node("South Packing", "facility"),
                node("Assam Estate", "supplier"),
                node("S03", "customer"),
                node("S07", "customer"),
            ],
            &[],
        )
    }

    fn edits(q: &str) -> (Option<Intent>, Vec<crate::plan::NetworkEdit>) {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let d = understand(q, &lexicon(), as_of);
        (d.intent, d.network_edits)
    }

    #[test]
    fn lane_changes_are_read_as_lane_edits() {
        let (_, e) = edits(
            "Say the North Packing to S03 lane gets 0.50 dearer per case. What's the new optimum?",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].op.as_str(), e[0].add, e[0].set),
            ("lane_cost", Some(0.5), None)
        );
        let (_, e) = edits("What if the North Packing to S03 lane is 0.3 cheaper per case?");
        assert_eq!(e[0].add, Some(-0.3));
        let (_, e) = edits("What if the North Packing to S03 lane cost rises to 2.5 per case?");
        assert_eq!((e[0].add, e[0].set), (None, Some(2.5)));
        // A lost or closed lane is forbidden; its facility stays as it is.
        for q in [
            "We lose the South Packing to S03 lane. What does the cheapest plan cost now?",
            "What if the lane from South Packing to S03 is closed?",
        ] {
            let (_, e) = edits(q);
            assert_eq!(e.len(), 1, "{q}");
            assert_eq!(e[0].op, "forbid_lane", "{q}");
            assert_eq!(e[0].from.as_deref(), Some("South Packing"), "{q}");
        }
        // A new lane is a lane with its cost, never the facility opened.
        let (_, e) = edits("If we opened a new lane from North Packing to S07 at 2.00 per case, what would the optimal plan cost?");
        assert_eq!((e[0].op.as_str(), e[0].set), ("lane_cost", Some(2.0)));
        let (_, e) = edits("What if Assam Estate stopped shipping altogether?");
        assert_eq!(
            (e[0].op.as_str(), e[0].set),
            ("supplier_capacity", Some(0.0))
        );
        // A fixed cost that rises by an amount adds it.
        let (_, e) = edits("What if the fixed cost of North Packing rises by 500?");
        assert_eq!((e[0].op.as_str(), e[0].add), ("fixed_cost", Some(500.0)));
    }

    #[test]
    fn several_changes_give_several_edits_or_none() {
        let (_, e) = edits("What if S03 demand doubles and North Packing closes?");
        let ops: Vec<&str> = e.iter().map(|x| x.op.as_str()).collect();
        assert_eq!(ops, ["demand", "facility"], "{e:?}");
        assert_eq!(e[0].scale, Some(2.0));
        let (_, e) =
            edits("What if we close North Packing, and South Packing's fixed cost rises to 5000?");
        let ops: Vec<&str> = e.iter().map(|x| x.op.as_str()).collect();
        assert_eq!(ops, ["facility", "fixed_cost"], "{e:?}");
        // One change the reader cannot apply: no edit at all (asked back).
        let (_, e) = edits("What if North Packing closes and S03 is rebalanced somehow by 3?");
        assert!(e.is_empty(), "{e:?}");
        // A list of places is one change.
        let (_, e) = edits("What if we close North Packing and South Packing?");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e
            .iter()
            .all(|x| x.op == "facility" && x.open == Some(false)));
    }

    #[test]
    fn a_change_that_cannot_be_read_is_a_what_if_without_edits() {
        for q in [
            "We lose S03. What does the plan cost now?",
            "Say the North Packing to S03 lane changes. What is the optimum?",
        ] {
            let (intent, e) = edits(q);
            assert_eq!(intent, Some(Intent::NetworkWhatIf), "{q}");
            assert!(e.is_empty(), "{q}: {e:?}");
        }
        let (intent, _) = edits("What does the optimal plan through North Packing cost?");
        assert_eq!(intent, Some(Intent::NetworkOptimize));
    }
}
