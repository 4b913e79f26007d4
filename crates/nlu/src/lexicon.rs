//! The lexicon built from the loaded catalog, and entity linking: ids, names with
//! partial and typo-tolerant matching, city names in English, Chinese and Arabic,
//! and places that are known cities but not in the data (so they are never
//! silently ignored).

use crate::text::{is_stopword, tokenize, word_matches, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Sku,
    Location,
    Category,
    Brand,
    Supplier,
    Fund,
    Node,
    Product,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Sku => "product",
            Kind::Location => "location",
            Kind::Category => "category",
            Kind::Brand => "brand",
            Kind::Supplier => "supplier",
            Kind::Fund => "fund",
            Kind::Node => "network node",
            Kind::Product => "network product",
        }
    }
}

/// One entity of the catalog: its id and the names it may be called by.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: Kind,
    pub id: String,
    /// The display name (first) and aliases.
    pub names: Vec<String>,
    /// A sub-kind, e.g. a network node's `supplier`, `facility` or `customer`.
    pub tag: Option<String>,
}

struct Entry {
    kind: Kind,
    id: String,
    tag: Option<String>,
    id_lower: String,
    /// Tokenised names (stopwords dropped).
    names: Vec<Vec<String>>,
}

/// Cities people name, with Chinese and Arabic spellings.
const CITIES: &[(&str, &[&str])] = &[
    ("Beijing", &["北京", "بكين"]),
    ("Shanghai", &["上海", "شنغهاي"]),
    ("Guangzhou", &["广州", "قوانغتشو", "غوانغتشو"]),
    ("Chengdu", &["成都", "تشنغدو", "شنغدو"]),
    ("Shenzhen", &["深圳", "شنتشن"]),
    ("Wuhan", &["武汉", "ووهان"]),
    ("Hangzhou", &["杭州", "هانغتشو"]),
    ("Nanjing", &["南京", "نانجينغ"]),
    ("Xi'an", &["西安", "شيان"]),
    ("Chongqing", &["重庆", "تشونغتشينغ"]),
    ("Tianjin", &["天津", "تيانجين"]),
    ("Qingdao", &["青岛", "تشينغداو"]),
    ("Suzhou", &["苏州"]),
    ("Xiamen", &["厦门"]),
    ("Shenyang", &["沈阳"]),
    ("Harbin", &["哈尔滨"]),
    ("Changsha", &["长沙"]),
    ("Zhengzhou", &["郑州"]),
    ("Kunming", &["昆明"]),
    ("Dalian", &["大连"]),
    ("Hong Kong", &["香港"]),
    ("Ningbo", &["宁波"]),
    ("Jinan", &["济南"]),
    ("Hefei", &["合肥"]),
    ("Fuzhou", &["福州"]),
];

/// Short forms of city names as people type them ("bj units", "gz on hand").
const CITY_SHORT: &[(&str, &str)] = &[
    ("Beijing", "bj"),
    ("Shanghai", "sh"),
    ("Guangzhou", "gz"),
    ("Chengdu", "cd"),
    ("Shenzhen", "sz"),
    ("Wuhan", "wh"),
    ("Hangzhou", "hz"),
    ("Nanjing", "nj"),
    ("Xi'an", "xa"),
    ("Chongqing", "cq"),
    ("Tianjin", "tj"),
    ("Qingdao", "qd"),
    ("Suzhou", "sz"),
    ("Xiamen", "xm"),
    ("Changsha", "cs"),
    ("Zhengzhou", "zz"),
    ("Kunming", "km"),
    ("Dalian", "dl"),
    ("Hong Kong", "hk"),
    ("Ningbo", "nb"),
    ("Hefei", "hf"),
    ("Fuzhou", "fz"),
];

/// Short words that are English first: never read as a location's short form.
const NOT_SHORT_FORMS: &[&str] = &[
    "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me",
    "my", "no", "of", "ok", "on", "or", "so", "to", "up", "us", "we", "all", "and", "any", "are",
    "can", "for", "get", "has", "how", "its", "new", "not", "now", "one", "our", "out", "per",
    "the", "top", "two", "who", "why", "yes", "you", "qty", "avg", "max", "min", "sum", "eoq",
    "rop", "sku", "yoy", "ytd", "mtd", "pcs", "pos", "dc", "dcs", "wh", "inv",
];

/// Short forms of each location: the letters after the last dash of its id ("WH-BJ" →
/// "bj") and the usual short form of its city ("Guangzhou" → "gz"). A short form two
/// locations share, or one that is an everyday word, is left out; matched only as a
/// whole word (never as a typo), so it cannot swallow other words.
fn location_short_forms(location_cities: &[(String, String)]) -> Vec<(String, String)> {
    let mut forms: Vec<(String, String)> = Vec::new();
    for (loc, city) in location_cities {
        let mut mine: Vec<String> = Vec::new();
        if let Some((_, tail)) = loc.rsplit_once('-') {
            let tail = tail.to_lowercase();
            if (2..=3).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_alphabetic()) {
                mine.push(tail);
            }
        }
        if let Some((_, short)) = CITY_SHORT
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(city.trim()))
        {
            mine.push(short.to_string());
        }
        mine.sort();
        mine.dedup();
        forms.extend(mine.into_iter().map(|f| (f, loc.clone())));
    }
    let shared: Vec<String> = forms
        .iter()
        .filter(|(f, l)| forms.iter().any(|(g, m)| g == f && m != l))
        .map(|(f, _)| f.clone())
        .collect();
    forms.retain(|(f, _)| !shared.contains(f) && !NOT_SHORT_FORMS.contains(&f.as_str()));
    forms
}

/// A mention of the catalog in the question.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: Kind,
    /// One id when resolved; several when the text fits them about equally.
    pub ids: Vec<String>,
    /// Token range in the question.
    pub span: (usize, usize),
    /// Written as an id (not a name).
    pub by_id: bool,
    /// Only some of the name's words were written ("Tiny Steps baby" of "Tiny Steps
    /// Baby Wipes 80 pcs x3").
    pub partial: bool,
}

/// Something that looks like a reference but fits nothing in the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub kind: Kind,
    pub text: String,
    pub closest: Vec<String>,
    pub span: (usize, usize),
}

#[derive(Debug, Default, Clone)]
pub struct Linked {
    pub mentions: Vec<Mention>,
    pub unknown: Vec<Unknown>,
}

impl Linked {
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.kind == kind)
    }

    /// Whether token `i` is part of some mention.
    pub fn covers(&self, i: usize) -> bool {
        self.mentions.iter().any(|m| m.span.0 <= i && i < m.span.1)
            || self.unknown.iter().any(|u| u.span.0 <= i && i < u.span.1)
    }
}

pub struct Lexicon {
    entries: Vec<Entry>,
    /// English city name (lower) → location ids there.
    known_cities: Vec<(String, Vec<String>)>,
    /// Words of the names of products, brands and categories; of funds.
    product_words: Vec<String>,
    fund_words: Vec<String>,
}

/// Words of a name that identify it: everything but a few connectives (a share
/// class letter such as the "A" of "Equity A" is kept: it tells two funds apart).
fn name_tokens(name: &str) -> Vec<String> {
    const CONNECTIVES: [&str; 6] = ["the", "of", "and", "&", "for", "in"];
    tokenize(&name.to_lowercase())
        .into_iter()
        .map(|t| t.text)
        .filter(|t| !CONNECTIVES.contains(&t.as_str()))
        .collect()
}

impl Lexicon {
    /// Builds the lexicon. Locations get their city (and its Chinese and Arabic
    /// spellings) as aliases.
    pub fn new(entities: Vec<Entity>, location_cities: &[(String, String)]) -> Lexicon {
        let mut entries: Vec<Entry> = entities
            .into_iter()
            .map(|e| Entry {
                kind: e.kind,
                tag: e.tag,
                id_lower: e.id.to_lowercase(),
                names: e
                    .names
                    .iter()
                    .map(|n| name_tokens(n))
                    .filter(|n| !n.is_empty())
                    .collect(),
                id: e.id,
            })
            .collect();
        let mut known_cities: Vec<(String, Vec<String>)> = Vec::new();
        for (loc, city) in location_cities {
            let lower = city.to_lowercase();
            match known_cities.iter_mut().find(|(c, _)| *c == lower) {
                Some((_, ids)) => ids.push(loc.clone()),
                None => known_cities.push((lower.clone(), vec![loc.clone()])),
            }
            if let Some(e) = entries
                .iter_mut()
                .find(|e| e.kind == Kind::Location && e.id == *loc)
            {
                e.names.push(name_tokens(city));
                if let Some((_, other)) = CITIES.iter().find(|(en, _)| en.to_lowercase() == lower) {
                    for o in *other {
                        e.names.push(name_tokens(o));
                    }
                }
            }
        }
        for (form, loc) in location_short_forms(location_cities) {
            if let Some(e) = entries
                .iter_mut()
                .find(|e| e.kind == Kind::Location && e.id == loc)
            {
                e.names.push(vec![form]);
            }
        }
        let words = |kinds: &[Kind]| {
            let mut w: Vec<String> = entries
                .iter()
                .filter(|e| kinds.contains(&e.kind))
                .flat_map(|e| e.names.iter().flatten().cloned())
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        let product_words = words(&[Kind::Sku, Kind::Brand, Kind::Category]);
        let fund_words = words(&[Kind::Fund]);
        Lexicon {
            entries,
            known_cities,
            product_words,
            fund_words,
        }
    }

    /// The tag of an entity (a network node's kind).
    pub fn tag(&self, kind: Kind, id: &str) -> Option<String> {
        self.entries
            .iter()
            .find(|e| e.kind == kind && e.id == id)
            .and_then(|e| e.tag.clone())
    }

    /// The words of the names of products (with those of brands and categories) or
    /// of funds, lower-cased, sorted, without connectives; none for other kinds.
    pub fn vocabulary(&self, kind: Kind) -> &[String] {
        match kind {
            Kind::Sku => &self.product_words,
            Kind::Fund => &self.fund_words,
            _ => &[],
        }
    }

    /// Display name of an entity.
    pub fn ids_of(&self, kind: Kind) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.id.as_str())
            .collect()
    }

    /// Links the entities mentioned in a tokenised, lower-cased question.
    pub fn link(&self, tokens: &[Token]) -> Linked {
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let mut candidates: Vec<(Mention, usize, bool)> = Vec::new(); // (mention, matched tokens, full name)
        let mut unknown = Vec::new();
        // 1. Ids, exactly (ids with spaces are matched as names below too).
        for (i, w) in words.iter().enumerate() {
            let hits: Vec<&Entry> = self.entries.iter().filter(|e| e.id_lower == *w).collect();
            for e in &hits {
                candidates.push((
                    Mention {
                        kind: e.kind,
                        ids: vec![e.id.clone()],
                        span: (i, i + 1),
                        by_id: true,
                        partial: false,
                    },
                    100,
                    true,
                ));
            }
            if hits.is_empty() {
                if let Some(kind) = id_shape(w) {
                    let closest = self.closest_ids(kind, w);
                    unknown.push(Unknown {
                        kind,
                        text: tokens[i].text.to_uppercase(),
                        closest,
                        span: (i, i + 1),
                    });
                }
            }
        }
        // 2. Names: the longest contiguous run of question words matching distinct name words.
        for e in &self.entries {
            for name in &e.names {
                let mut i = 0;
                while i < words.len() {
                    let (matched, end) = match_run(&words, i, name);
                    if matched > 0 {
                        let full = matched == name.len();
                        let strong = full || matched >= 2;
                        if strong {
                            candidates.push((
                                Mention {
                                    kind: e.kind,
                                    ids: vec![e.id.clone()],
                                    span: (i, end),
                                    by_id: false,
                                    partial: !full,
                                },
                                matched,
                                full,
                            ));
                        }
                        i = end;
                    } else {
                        i += 1;
                    }
                }
            }
        }
        // 3. Resolve overlapping candidates: the longest span wins; then full names; then
        //    the most name words matched. Equal best candidates of one kind are ambiguous.
        candidates.sort_by(|a, b| {
            let la = a.0.span.1 - a.0.span.0;
            let lb = b.0.span.1 - b.0.span.0;
            lb.cmp(&la)
                .then(b.1.cmp(&a.1))
                .then(b.2.cmp(&a.2))
                .then(a.0.span.0.cmp(&b.0.span.0))
        });
        let mut mentions: Vec<Mention> = Vec::new();
        let mut taken = vec![false; words.len()];
        let mut k = 0;
        while k < candidates.len() {
            let (m, matched, full) = candidates[k].clone();
            // The group of equally good candidates over the same span.
            let mut group = vec![m.clone()];
            let mut j = k + 1;
            while j < candidates.len() {
                let (ref o, om, of) = candidates[j];
                if o.span == m.span && om == matched && of == full {
                    group.push(o.clone());
                    j += 1;
                } else {
                    break;
                }
            }
            k = j;
            if (m.span.0..m.span.1).any(|t| taken[t]) {
                continue;
            }
            for t in m.span.0..m.span.1 {
                taken[t] = true;
            }
            // Prefer, in a tie between kinds, the broader entity a name exactly denotes
            // (a brand or category named in full) over products that merely contain it.
            let kinds: Vec<Kind> = group.iter().map(|g| g.kind).collect();
            let pick = |kind: Kind| {
                group
                    .iter()
                    .filter(|g| g.kind == kind)
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let chosen = if full && kinds.contains(&Kind::Category) {
                pick(Kind::Category)
            } else if full && kinds.contains(&Kind::Brand) {
                pick(Kind::Brand)
            } else if full && kinds.contains(&Kind::Location) {
                pick(Kind::Location)
            } else {
                let first = group[0].kind;
                pick(first)
            };
            let mut ids: Vec<String> = chosen.iter().flat_map(|g| g.ids.clone()).collect();
            ids.sort();
            ids.dedup();
            mentions.push(Mention {
                kind: chosen[0].kind,
                ids,
                span: m.span,
                by_id: m.by_id,
                partial: !full,
            });
        }
        // 4. Known cities that are not in the data.
        for i in 0..words.len() {
            if taken[i] {
                continue;
            }
            for (city, other) in CITIES {
                let lower = city.to_lowercase();
                let ct = name_tokens(&lower);
                let (n, end) = match_run(&words, i, &ct);
                let zh = other.iter().any(|o| {
                    let ot = name_tokens(o);
                    match_run(&words, i, &ot).0 == ot.len()
                });
                if (n == ct.len() && n > 0) || zh {
                    if !self.known_cities.iter().any(|(c, _)| *c == lower) {
                        let closest = self.known_cities.iter().map(|(c, _)| title(c)).collect();
                        unknown.push(Unknown {
                            kind: Kind::Location,
                            text: city.to_string(),
                            closest,
                            span: (i, end.max(i + 1)),
                        });
                    }
                }
            }
        }
        mentions.sort_by_key(|m| m.span.0);
        Linked { mentions, unknown }
    }

    fn closest_ids(&self, kind: Kind, text: &str) -> Vec<String> {
        let mut scored: Vec<(usize, &str)> = self
            .entries
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| (strsim::levenshtein(&e.id_lower, text), e.id.as_str()))
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect()
    }

    /// The entity ids of a kind whose names best fit free text (for "did you mean").
    /// The words of each name of an entity (lower-cased, without connectives).
    pub fn name_words(&self, kind: Kind, id: &str) -> Vec<&[String]> {
        self.entries
            .iter()
            .filter(|e| e.kind == kind && e.id == id)
            .flat_map(|e| e.names.iter().map(Vec::as_slice))
            .collect()
    }

    pub fn closest_names(&self, kind: Kind, text: &str) -> Vec<String> {
        let words = name_tokens(text);
        let mut scored: Vec<(usize, &str)> = self
            .entries
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let best = e
                    .names
                    .iter()
                    .map(|n| {
                        words
                            .iter()
                            .filter(|w| n.iter().any(|x| word_matches(w, x)))
                            .count()
                    })
                    .max()
                    .unwrap_or(0);
                (best, e.id.as_str())
            })
            .filter(|(s, _)| *s > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Matches question words from `start` against the words of `name`, each name word
/// at most once and in any order ("the 4L humidifier" fits "Humidifier 4L"; words may
/// be left out); question stopwords and "&" inside the run are skipped. Returns (name
/// words matched, end).
fn match_run(words: &[&str], start: usize, name: &[String]) -> (usize, usize) {
    let (mut matched, mut end, mut i) = (0, start, start);
    let mut used = vec![false; name.len()];
    // Out of the name's order only right next to the previous match: "4l humidifier"
    // fits "Humidifier 4L", but "north packing and south packing" never runs from the
    // first "packing" over "and" into "south".
    let (mut next, mut skipped) = (0, false);
    while i < words.len() {
        let w = words[i];
        let from = if skipped { next } else { 0 };
        if let Some(k) = (from..name.len()).find(|&k| !used[k] && word_matches(w, &name[k])) {
            used[k] = true;
            next = next.max(k + 1);
            matched += 1;
            i += 1;
            end = i;
        } else if matched > 0
            && (w == "&"
                || (is_stopword(w)
                    && w != "in"
                    && w != "on"
                    && w != "at"
                    && w != "to"
                    && w != "from"))
        {
            skipped = true;
            i += 1;
        } else {
            break;
        }
    }
    (matched, end)
}

/// The kind of id a word looks like, for words that fit no id in the data.
fn id_shape(w: &str) -> Option<Kind> {
    let digits_after = |p: &str| {
        w.strip_prefix(p)
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
    };
    if digits_after("sku-") || digits_after("sku") {
        Some(Kind::Sku)
    } else if digits_after("sup-") {
        Some(Kind::Supplier)
    } else if w.len() == 5 && digits_after("f") {
        Some(Kind::Fund)
    } else if w.starts_with("wh-") || w.starts_with("dc-") {
        Some(Kind::Location)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        let e = |kind, id: &str, names: &[&str]| Entity {
            kind,
            id: id.into(),
            names: names.iter().map(|s| s.to_string()).collect(),
            tag: None,
        };
        Lexicon::new(
            vec![
                e(Kind::Sku, "SKU-1", &["Happy Paws Dog Food 10kg"]),
                e(Kind::Sku, "SKU-2", &["Woof Club Dog Food 10kg"]),
                e(Kind::Sku, "SKU-3", &["Homely Electric Hot Pot 3L"]),
                e(Kind::Brand, "Happy Paws", &["Happy Paws"]),
                e(Kind::Category, "Baby & Mother", &["Baby & Mother"]),
                e(Kind::Location, "WH-SH", &["Shanghai Jiading Warehouse"]),
                e(Kind::Location, "WH-BJ", &["Beijing Shunyi Warehouse"]),
            ],
            &[
                ("WH-SH".into(), "Shanghai".into()),
                ("WH-BJ".into(), "Beijing".into()),
            ],
        )
    }

    fn link(q: &str) -> Linked {
        lex().link(&tokenize(&q.to_lowercase()))
    }

    #[test]
    fn names_ids_and_ambiguity() {
        let l = link("units of Homely Electric Hot Pot 3L in the Shanghai warehouse");
        assert_eq!(l.of(Kind::Sku).next().unwrap().ids, ["SKU-3"]);
        assert_eq!(l.of(Kind::Location).next().unwrap().ids, ["WH-SH"]);
        let l = link("how much Dog Food 10kg in Beijing");
        assert_eq!(
            l.of(Kind::Sku).next().unwrap().ids,
            ["SKU-1", "SKU-2"],
            "ambiguous"
        );
        let l = link("Happy Paws Dog Food 10kg");
        assert_eq!(l.of(Kind::Sku).next().unwrap().ids, ["SKU-1"]);
        let l = link("revenue of brand Happy Paws");
        assert_eq!(l.of(Kind::Brand).next().unwrap().ids, ["Happy Paws"]);
        let l = link("baby and mother in shanghia");
        assert_eq!(l.of(Kind::Category).next().unwrap().ids, ["Baby & Mother"]);
        assert_eq!(l.of(Kind::Location).next().unwrap().ids, ["WH-SH"]);
        let l = link("上海仓");
        assert_eq!(l.of(Kind::Location).next().unwrap().ids, ["WH-SH"]);
    }

    #[test]
    fn short_forms_of_locations() {
        // "sh" (Shanghai's short form and WH-SH's code) and "bj" are whole words only.
        let l = link("sh units of SKU-3");
        assert_eq!(l.of(Kind::Location).next().unwrap().ids, ["WH-SH"]);
        let l = link("on hand bj");
        assert_eq!(l.of(Kind::Location).next().unwrap().ids, ["WH-BJ"]);
        assert!(link("shipping to shanghai").of(Kind::Location).count() == 1);
        assert!(link("show bjorn").of(Kind::Location).next().is_none());
        // A short form two locations share is no one's.
        let lex = Lexicon::new(
            vec![
                Entity {
                    kind: Kind::Location,
                    id: "DC-SZ".into(),
                    names: vec!["Shenzhen DC".into()],
                    tag: None,
                },
                Entity {
                    kind: Kind::Location,
                    id: "WH-SZ2".into(),
                    names: vec!["Suzhou Warehouse".into()],
                    tag: None,
                },
            ],
            &[
                ("DC-SZ".into(), "Shenzhen".into()),
                ("WH-SZ2".into(), "Suzhou".into()),
            ],
        );
        let l = lex.link(&tokenize("units in sz"));
        assert!(l.of(Kind::Location).next().is_none());
    }

    #[test]
    fn name_words_in_any_order() {
        let lex = Lexicon::new(
            vec![
                Entity {
                    kind: Kind::Sku,
                    id: "SKU-7".into(),
                    names: vec!["Warmth Humidifier 4L".into()],
                    tag: None,
                },
                Entity {
                    kind: Kind::Sku,
                    id: "SKU-8".into(),
                    names: vec!["Homely Humidifier 4L".into()],
                    tag: None,
                },
            ],
            &[],
        );
        let l = lex.link(&tokenize("forecast the 4l humidifier for beijing"));
        assert_eq!(l.of(Kind::Sku).next().unwrap().ids, ["SKU-7", "SKU-8"]);
        let l = lex.link(&tokenize("the 4l humidifier warmth"));
        assert_eq!(l.of(Kind::Sku).next().unwrap().ids, ["SKU-7"]);
        // Never out of order across a skipped word: two names joined by "and" stay two.
        let node = |id: &str| Entity {
            kind: Kind::Node,
            id: id.into(),
            names: vec![id.into()],
            tag: None,
        };
        let lex = Lexicon::new(vec![node("North Packing"), node("South Packing")], &[]);
        let l = lex.link(&tokenize("close north packing and south packing"));
        let ids: Vec<&str> = l.of(Kind::Node).map(|m| m.ids[0].as_str()).collect();
        assert_eq!(ids, ["North Packing", "South Packing"]);
    }

    #[test]
    fn unknown_references() {
        let l = link("on hand of SKU-9 in Nanjing");
        assert_eq!(l.unknown.len(), 2);
        assert_eq!(l.unknown[0].kind, Kind::Sku);
        assert_eq!(l.unknown[1].text, "Nanjing");
    }
}
