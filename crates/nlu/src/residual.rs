//! Residual mentions: words left over after entity linking that still read as a
//! reference to a product or a fund ("the bunny rice snacks", "the Steel Edge
//! antiperspirant", "canine kibble"). The rule parser links what string matching
//! can; when words like these remain and the question is about one product or
//! fund, answering for the broader scope the rules did link (a category, a brand,
//! every SKU) would give a wrong figure. This module only finds such words (no
//! model); the assistant links them by sentence embeddings or asks back.

use crate::dates::Dates;
use crate::lexicon::{Kind, Lexicon, Linked, Mention};
use crate::text::{is_any, is_stopword, word_matches, Token};

/// Words left over that read as naming a product or fund.
#[derive(Debug, Clone, PartialEq)]
pub struct Residual {
    /// What the words name: [`Kind::Sku`] or [`Kind::Fund`].
    pub kind: Kind,
    /// Token range of the whole reference: the leftover words and the linked
    /// mentions next to them (a brand, a category, an ambiguous name).
    pub span: (usize, usize),
    /// The reference as written.
    pub text: String,
    /// The leftover words (lower-cased).
    pub words: Vec<String>,
    /// Linked mentions inside the span; they narrow the candidates (the brand's
    /// products, the category's products, the ambiguous name's ids).
    pub within: Vec<Mention>,
}

/// Words of questions that name no product or fund: question words, measures,
/// periods, places in general, fund metrics and screen words, verbs of trade,
/// fillers. (Signal lists of the parser are added to these.)
#[rustfmt::skip]
const QUESTION_WORDS: &[&str] = &[
    // question and filler words
    "when", "where", "why", "whose", "whom", "if", "then", "else", "also", "too", "just", "only",
    "even", "still", "again", "now", "currently", "current", "right", "exactly", "roughly",
    "approximately", "approx", "around", "about", "nearly", "almost", "overall", "altogether",
    "together", "combined", "total", "totals", "totally", "sum", "whole", "entire", "same",
    "other", "another", "both", "each", "every", "either", "neither", "some", "none", "no", "not",
    "nothing", "anything", "something", "everything", "thing", "things", "one", "ones", "kind",
    "kinds", "sort", "type", "types", "stuff", "lot", "lots", "bit", "quick", "quickly", "briefly",
    "thanks", "thank", "hi", "hello", "hey", "ok", "okay", "yes", "sure", "need", "needs",
    "needed", "want", "wants", "like", "know", "see", "look", "looking", "check", "find", "get",
    "got", "getting", "let", "lets", "say", "said", "mean", "means", "meant", "think", "guess",
    "estimate", "figure", "figures", "number", "numbers", "amount", "amounts", "count", "level",
    "levels", "rate", "rates", "ratio", "percent", "percentage", "pct", "share", "figure", "value",
    "values", "worth", "cost", "costs", "price", "prices", "priced", "margin", "profit", "money",
    "cash", "much", "many", "more", "most", "less", "least", "fewer", "few", "several", "enough",
    "plus", "minus", "times", "than", "over", "under", "above", "below", "between", "across",
    "within", "without", "including", "included", "excluding", "except", "via", "per", "versus",
    "vs", "compared", "compare", "comparison", "against", "like", "such", "so", "very", "really",
    "actually", "please", "kindly", "could", "might", "may", "must", "shall", "am", "been",
    "being", "has", "having", "here", "there", "these", "those", "they", "them", "he", "she",
    "his", "her", "him", "who", "up", "down", "out", "off", "into", "onto", "upon", "back",
    "forward", "ahead", "far", "yet", "already", "ever", "never", "always", "often", "usually",
    "typically", "average", "mean", "median", "avg", "daily", "weekly", "monthly", "yearly",
    "annual", "annually", "annualised", "annualized", "cumulative", "net", "gross", "high",
    "higher", "highest", "low", "lower", "lowest", "best", "worst", "top", "bottom", "biggest",
    "largest", "smallest", "big", "small", "large", "great", "good", "bad", "better", "worse",
    "new", "old", "latest", "recent", "recently", "first", "second", "third", "final", "last",
    "next", "previous", "prior", "past", "coming", "upcoming", "following", "early", "late", "end",
    "start", "beginning", "middle", "rest", "remaining", "left", "change", "changed", "changes",
    "growth", "grew", "grow", "growing", "increase", "increased", "decrease", "decreased", "drop",
    "dropped", "fall", "fell", "rise", "rose", "difference", "trend", "trends", "breakdown",
    "split", "broken", "respectively", "separately", "individually", "overview", "summary",
    "report", "detail", "details", "data", "dataset", "information", "info", "answer", "question",
    "result", "results", "row", "rows", "table",
    // time
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
    "yr", "yrs", "today", "yesterday", "tomorrow", "tonight", "morning", "evening", "night",
    "weekend", "weekends", "date", "dates", "time", "times", "period", "periods", "season", "half",
    "full", "ytd", "mtd", "qtd", "since", "until", "till", "through", "during", "ago", "horizon",
    "window", "calendar", "fiscal", "holiday", "holidays", "festival", "spring", "summer",
    "autumn", "winter", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "so-far", "far",
    // retail
    "sku", "skus", "product", "products", "item", "items", "article", "articles", "goods",
    "merchandise", "line", "lines", "range", "assortment", "catalog", "catalogue", "category",
    "categories", "brand", "brands", "supplier", "suppliers", "vendor", "vendors", "warehouse",
    "warehouses", "location", "locations", "store", "stores", "shop", "shops", "outlet", "outlets",
    "branch", "branches", "site", "sites", "city", "cities", "dc", "dcs", "region", "regions",
    "company", "business", "firm", "team", "network", "everywhere", "nationwide", "national",
    "chain", "unit", "units", "piece", "pieces", "pcs", "quantity", "quantities", "qty", "volume",
    "volumes", "sale", "sales", "sell", "sold", "sells", "selling", "seller", "sellers", "move",
    "moved", "moving", "ship", "shipped", "shipping", "demand", "demands", "revenue", "revenues",
    "turnover", "income", "takings", "gmv", "earn", "earned", "earnings", "make", "made", "bring",
    "brought", "generate", "generated", "buy", "bought", "purchase", "purchased", "purchases",
    "order", "orders", "ordered", "ordering", "reorder", "replenish", "replenishment", "restock",
    "stock", "stocks", "stocked", "inventory", "inventories", "hand", "holding", "hold", "held",
    "carry", "carried", "keep", "kept", "sitting", "available", "availability", "open", "incoming",
    "transit", "pipeline", "position", "cover", "coverage", "supply", "safety", "point", "eoq",
    "rop", "lead", "service", "policy", "forecast", "forecasts", "forecasted", "forecasting",
    "predict", "predicted", "prediction", "projected", "projection", "expect", "expected",
    "outlook", "future", "accuracy", "accurate", "error", "errors", "bias", "mape", "smape",
    "mase", "run", "runs", "running", "risk", "risks", "risky", "excess", "overstock",
    "overstocked", "surplus", "slow", "fast", "moving", "selling", "recommend", "recommended",
    "recommendation", "suggest", "suggested", "should", "optimal", "optimum", "plan", "planned",
    "target", "targets", "goal", "share", "mix", "contribution", "contributed", "rank", "ranked",
    "ranking", "sorted", "order", "list", "show", "display",
    // funds
    "fund", "funds", "sharpe", "sortino", "calmar", "drawdown", "drawdowns", "volatility", "vol",
    "volatile", "return", "returns", "returned", "performance", "performed", "perform", "yield",
    "expense", "expenses", "fee", "fees", "ter", "aum", "assets", "size", "manager", "managers",
    "managed", "manages", "inception", "launch", "launched", "nav", "rating", "metric", "metrics",
    "screen", "filter", "portfolio", "invest", "investing", "investment", "investments",
    "investor", "buy", "minimum", "maximum", "max", "min",
    // abbreviations and share classes
    "yoy", "mom", "qoq", "wow", "cagr", "kpi", "kpis", "class", "classes",
    // business words of many wordings
    "promo", "promos", "promotion", "promotions", "campaign", "campaigns", "event", "events",
    "channel", "channels", "online", "offline", "customer", "customers", "client", "clients",
    "shopper", "shoppers", "consumer", "consumers", "people", "buyers", "shelf", "shelves",
    "floor", "aisle", "backroom", "depot", "depots", "hub", "hubs", "facility", "facilities",
    "center", "centre", "centers", "centres", "area", "areas", "market", "markets", "side",
    "part", "parts", "portion", "whole", "overall", "gross", "intake", "haul", "take", "takes",
    "took", "taken", "pull", "pulled", "pulls", "rake", "raked", "shift", "shifted", "clear",
    "cleared", "push", "pushed", "go", "goes", "went", "gone", "sit", "sits", "sat", "remain",
    "remains", "lying", "stand", "stands", "stood", "manage", "handle", "handled", "deliver",
    "delivered", "receive", "received", "arrive", "arriving", "arrived", "due", "lately",
    "ago", "tally", "tallies", "view", "picture", "status", "state", "situation", "health",
    "performance", "activity", "business", "trading", "traded", "trade", "deal", "deals",
    "compare", "versus", "relative", "ranking", "leaderboard", "winner", "winners", "loser",
    "losers", "share", "slice", "chunk", "fraction", "proportion", "bigger", "smaller",
    "own", "board", "operation", "operations", "organisation", "organization", "group",
    // "went out the door": sold
    "door", "doors",
    // chances: "what are the odds we run out"
    "odds", "chance", "chances", "likelihood", "likely", "unlikely", "probability", "possibility",
    "possible", "danger", "threat",
    // people and chat around a question: "my boss wants …", "I'm the new store manager"
    "boss", "bosses", "ceo", "cfo", "coo", "director", "directors", "colleague", "colleagues",
    "finance", "accounting", "presentation", "deck", "slide", "slides", "head", "office", "hq",
    "meeting", "asked", "asks", "ask", "wondering", "curious", "quick", "question", "hi",
    "hello", "new", "job", "role", "started", "joined", "tomorrow", "today",
    // scopes: "network-wide"
    "network-wide", "company-wide", "chain-wide", "country-wide", "countrywide",
    // numbers in words: "all four warehouses"
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "fifty", "hundred", "thousand", "million", "billion", "dozen",
    // "what did Household turn over": revenue
    "turn", "turned", "ballpark", "rough",
];

/// Units of count said before "of" ("bottles of", "packs of").
const CONTAINERS: &[&str] = &[
    "bottle", "bottles", "can", "cans", "pack", "packs", "box", "boxes", "bag", "bags", "carton",
    "cartons", "jar", "jars", "tin", "tins", "tube", "tubes", "packet", "packets", "sachet",
    "sachets", "case", "cases", "crate", "crates", "roll", "rolls", "pair", "pairs", "set", "sets",
];

/// Words before a noun phrase: the leftover words after one of these name something.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "our", "of", "much", "many", "any", "these", "those", "this", "that", "for", "about",
    "a", "an", "my", "your", "their", "its", "all", "each", "every",
];

/// How a question word stands to the reference search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Part of a linked mention that fixes the target (an unambiguous product or fund).
    Linked,
    /// Part of a mention that can be a piece of a longer name (a brand, a category,
    /// an ambiguous name, a network product in a retail question).
    Partial,
    /// A date, a number, a stopword, a signal word of the parser.
    Other,
    /// Another question word ("high", "big"): inside a name only between two of its words.
    Bridge,
    /// A question word that is also a word of the catalog's names ("value", "cash").
    Soft,
    /// A word of the catalog's names.
    Catalog,
    /// A word known neither to the catalog nor to questions.
    Unknown,
}

/// The single words of the parser's signal lists (phrases split).
fn signal_words() -> Vec<&'static str> {
    use crate::signals::*;
    let lists: [&[&'static str]; 17] = [
        SALES_WORDS,
        REVENUE_WORDS,
        REVENUE_PHRASES,
        STOCK_PHRASES,
        STOCK_WORDS,
        FORECAST_WORDS,
        ACCURACY_WORDS,
        STOCKOUT_PHRASES,
        REPLENISH_WORDS,
        REPLENISH_PHRASES,
        POLICY_PHRASES,
        POLICY_WORDS,
        EXCESS_WORDS,
        EXCESS_PHRASES,
        NETWORK_WORDS,
        FUND_WORDS,
        COMPARE_WORDS,
    ];
    let mut words: Vec<&'static str> = lists
        .iter()
        .flat_map(|l| l.iter().flat_map(|p| p.split(' ')))
        .filter(|w| w.len() >= 3)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Whether a word is a question word (typo-tolerant): a stopword, one of the
/// parser's signal words, or a word of questions in general.
pub fn is_question_word(w: &str) -> bool {
    let plain = |w: &str| {
        is_stopword(w) || QUESTION_WORDS.contains(&w) || signal(w) || is_any(w, QUESTION_WORDS)
    };
    // "stocking", "ordered", "forecasts": the stem is a question word.
    let stems = ["ing", "ed", "es", "s", "ly"]
        .iter()
        .filter_map(|x| w.strip_suffix(x))
        .filter(|s| s.chars().count() >= 3)
        .any(|s| plain(s) || plain(&format!("{s}e")));
    // "year-over-year", "on-hand": every part is a question word.
    let parts = w.contains('-')
        && w.split('-')
            .all(|p| p.is_empty() || plain(p) || p.chars().all(|c| c.is_ascii_digit()));
    plain(w) || stems || parts
}

/// Whether a word is one of the parser's signal words (typo-tolerant).
fn signal(w: &str) -> bool {
    static SIGNALS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let signals = SIGNALS.get_or_init(signal_words);
    signals.contains(&w) || is_any(w, signals)
}

/// The leftover references to `kind` (products or funds) in a linked question.
/// Nothing is found when an unambiguous mention of `kind` is already linked.
/// With `catalog_only` only words of the catalog's names make a reference (when the
/// rules found no intent, words they do not know are more likely the wording of the
/// question than a name).
pub fn find(
    tokens: &[Token],
    text: &str,
    linked: &Linked,
    dates: &Dates,
    lexicon: &Lexicon,
    kind: Kind,
    catalog_only: bool,
) -> Vec<Residual> {
    // A name linked in full settles the question; one linked from only some of its
    // words may be the wrong one when a word of another name is left over ("Tiny
    // Steps baby bottle" is not "Tiny Steps Baby Wipes").
    let settled = |m: &Mention| m.ids.len() == 1 && !m.partial;
    if linked.of(kind).any(settled) {
        return Vec::new();
    }
    let vocab = lexicon.vocabulary(kind);
    let partial_kinds: &[Kind] = match kind {
        Kind::Sku => &[
            Kind::Sku,
            Kind::Brand,
            Kind::Category,
            Kind::Product,
            Kind::Node,
        ],
        _ => &[Kind::Fund, Kind::Product, Kind::Node],
    };
    let mention_at = |i: usize| {
        linked
            .mentions
            .iter()
            .position(|m| m.span.0 <= i && i < m.span.1)
    };
    let roles: Vec<Role> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let w = t.text.as_str();
            if let Some(k) = mention_at(i) {
                let m = &linked.mentions[k];
                // Network products ("green_tea") are no product of the retail catalog:
                // their words are read again as plain words.
                let reread = matches!(m.kind, Kind::Product | Kind::Node);
                if !reread {
                    return if partial_kinds.contains(&m.kind) && m.kind != Kind::Location {
                        Role::Partial
                    } else {
                        Role::Linked
                    };
                }
            } else if linked.unknown.iter().any(|u| u.span.0 <= i && i < u.span.1) {
                return Role::Linked;
            }
            // Latin-script words only: the embedding model and the word lists are English.
            let latin = |c: char| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c);
            let alphabetic =
                w.chars().all(|c| latin(c) || c == '-' || c == '\'') && w.chars().any(latin);
            if dates.used.contains(&i) || !alphabetic || w.chars().count() < 3 {
                return Role::Other;
            }
            // "2L bottles of Red Lantern cola", "3 packs of …": a unit of count, not a name.
            let of_next = tokens.get(i + 1).is_some_and(|n| n.text == "of");
            if of_next && CONTAINERS.contains(&w) {
                return Role::Other;
            }
            let in_catalog = vocab.iter().any(|v| word_matches(w, v));
            match (is_question_word(w), in_catalog) {
                (true, true) => Role::Soft,
                (true, false) if is_stopword(w) || signal(w) => Role::Other,
                (true, false) => Role::Bridge,
                (false, true) => Role::Catalog,
                (false, false) => Role::Unknown,
            }
        })
        .collect();
    // Spans: runs of leftover words, with the partial mentions and soft words next to them.
    let free = |r: Role| matches!(r, Role::Catalog | Role::Unknown);
    let joins1 = |r: Role| {
        matches!(
            r,
            Role::Catalog | Role::Unknown | Role::Partial | Role::Soft
        )
    };
    let joins = |k: usize| {
        joins1(roles[k])
            || (roles[k] == Role::Bridge
                && k > 0
                && k + 1 < roles.len()
                && joins1(roles[k - 1])
                && joins1(roles[k + 1]))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < roles.len() {
        if !free(roles[i]) {
            i += 1;
            continue;
        }
        let (mut s, mut e) = (i, i + 1);
        while s > 0 && joins(s - 1) {
            s -= 1;
        }
        while e < roles.len()
            && (joins(e) || (tokens[e].text == "&" && e + 1 < roles.len() && joins(e + 1)))
        {
            e += 1;
        }
        // Soft words at the edges belong to the name only next to a free word.
        let words: Vec<usize> = (s..e).filter(|&k| free(roles[k])).collect();
        let catalog = words.iter().any(|&k| roles[k] == Role::Catalog);
        let partial = (s..e).any(|k| roles[k] == Role::Partial);
        let cue = s > 0 && DETERMINERS.contains(&tokens[s - 1].text.as_str());
        // Next to a single name linked in part, only a word of another name counts.
        let picked = (s..e).any(|k| {
            mention_at(k).is_some_and(|m| {
                linked.mentions[m].kind == kind && linked.mentions[m].ids.len() == 1
            })
        });
        let qualifies = if picked {
            catalog
        } else {
            catalog || (!catalog_only && (partial || cue))
        };
        if qualifies {
            let mut within: Vec<Mention> = Vec::new();
            for k in s..e {
                if let Some(m) = mention_at(k).map(|m| &linked.mentions[m]) {
                    if !within.contains(m) {
                        within.push(m.clone());
                    }
                }
            }
            out.push(Residual {
                kind,
                span: (s, e),
                text: text
                    .get(tokens[s].start..tokens[e - 1].end)
                    .unwrap_or_default()
                    .to_string(),
                words: words.iter().map(|&k| tokens[k].text.clone()).collect(),
                within,
            });
        }
        i = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Entity;
    use crate::text::tokenize;

    fn lexicon() -> Lexicon {
        let e = |kind, id: &str, name: &str| Entity {
            kind,
            id: id.into(),
            names: vec![name.to_string()],
            tag: None,
        };
        Lexicon::new(
            vec![
                e(Kind::Sku, "SKU-1", "Little Rabbit Rice Crackers 400g"),
                e(Kind::Sku, "SKU-2", "Steel Edge Deodorant 50ml"),
                e(Kind::Sku, "SKU-3", "Loyal Friend Dog Food 2kg"),
                e(Kind::Sku, "SKU-4", "Jade Spring Green Tea Value Pack"),
                e(Kind::Sku, "SKU-5", "Tiny Steps Baby Wipes 80 pcs x3"),
                e(Kind::Sku, "SKU-6", "Tiny Steps Feeding Bottle 240ml"),
                e(Kind::Brand, "Steel Edge", "Steel Edge"),
                e(Kind::Brand, "Little Rabbit", "Little Rabbit"),
                e(Kind::Category, "Snacks", "Snacks"),
                e(Kind::Location, "WH-BJ", "Beijing Shunyi Warehouse"),
                e(Kind::Fund, "F1", "Yellow Sea CSI Dividend Index"),
                e(Kind::Fund, "F2", "Yellow Sea Pure Bond"),
            ],
            &[("WH-BJ".into(), "Beijing".into())],
        )
    }

    fn residual(q: &str, kind: Kind) -> Vec<String> {
        let lex = lexicon();
        let lower = q.to_lowercase();
        let tokens = tokenize(&lower);
        let linked = lex.link(&tokens);
        let dates = crate::dates::find_dates(
            &lower,
            &tokens,
            chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"),
        );
        find(&tokens, &lower, &linked, &dates, &lex, kind, false)
            .into_iter()
            .map(|r| r.text)
            .collect()
    }

    #[test]
    fn leftover_names() {
        let sku = |q| residual(q, Kind::Sku);
        assert_eq!(
            sku("How many of the bunny rice snacks did we sell in May?"),
            ["bunny rice snacks"]
        );
        assert_eq!(
            sku("units sold of the Steel Edge antiperspirant in May"),
            ["steel edge antiperspirant"]
        );
        assert_eq!(
            sku("how much canine kibble sold in Beijing last month"),
            ["canine kibble"]
        );
        // Linked from part of a name, next to a word of another name.
        assert_eq!(
            sku("How many of the Tiny Steps baby bottle did we sell in May?"),
            ["tiny steps baby bottle"]
        );
        assert_eq!(
            residual("sharpe of the yellow sea high dividend tracker", Kind::Fund),
            ["yellow sea high dividend tracker"]
        );
    }

    #[test]
    fn nothing_left_over() {
        let sku = |q| residual(q, Kind::Sku);
        assert!(
            sku("How many units of Little Rabbit Rice Crackers 400g did Beijing sell in May?")
                .is_empty()
        );
        assert!(sku("How many units did Beijing sell in May, roughly?").is_empty());
        assert!(sku("How many Tiny Steps baby wipes did we sell in May?").is_empty());
        assert!(sku("How many Tiny Steps wipes did we sell in May, please?").is_empty());
        assert!(sku("What were total sales of the Snacks category last month?").is_empty());
        assert!(sku("Revenue of brand Steel Edge across all warehouses this year").is_empty());
        assert!(sku("What is the stock value in Beijing right now?").is_empty());
        assert!(sku("How many units did we sell over the whole of last year?").is_empty());
        assert!(sku("What was the year-over-year growth of Snacks units in May?").is_empty());
        assert!(sku("Which SKUs in Beijing are at risk of stocking out soon?").is_empty());
        // Other scripts are left to the rules (the word lists and the model are English).
        assert!(sku("上个月北京仓卖了多少零食？").is_empty());
        assert!(sku("كم وحدة من Snacks باعت بكين في مايو؟").is_empty());
    }
}
