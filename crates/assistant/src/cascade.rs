//! The model stages of the understanding cascade, after the rule parser: nearest
//! labelled exemplars by sentence embedding, then a small generative model whose
//! output a grammar confines to a slot JSON. Both only ever name an intent (and
//! its measure); entities and dates stay those the lexicon linked, and the result
//! is built and validated like any rule plan. A stage answers only above its bar;
//! otherwise the turn stays unanswered or asks back. Models are loaded once per
//! process ([`Models::global`]) and only when a question reaches their stage.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use abacus_models::{cosine, Embedder, Generator};
use abacus_nlu::lexicon::Kind;
use abacus_nlu::plan::{Intent, PolicyMeasure, SalesMeasure, StockMeasure};
use abacus_nlu::understand::Draft;

/// Which stages may answer (`ABACUS_CASCADE=rules|embed|full`, default `full`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cascade {
    Rules,
    Embed,
    Full,
}

/// The bars each model stage must clear (each overridable by an `ABACUS_*` variable).
#[derive(Debug, Clone)]
pub struct Policy {
    pub cascade: Cascade,
    /// Embedding stage: similarity of the nearest exemplar (`ABACUS_EMBED_MIN_SIM`).
    pub min_similarity: f32,
    /// Embedding stage: lead over the best exemplar of another label (`ABACUS_EMBED_MIN_MARGIN`).
    pub min_margin: f32,
    /// Embedding stage: lead over the same intent with another measure (units vs
    /// revenue, on hand vs open orders), the subtlest confusion (`ABACUS_EMBED_MIN_MEASURE_MARGIN`).
    pub min_measure_margin: f32,
    /// Generative stage: its label must be among the embedding stage's best few
    /// (`ABACUS_GEN_TOP`) ...
    pub generative_top: usize,
    /// ... with at least this similarity (`ABACUS_GEN_MIN_SIM`).
    pub generative_min_similarity: f32,
    /// Replaces the generative model's output (tests of the validation path).
    pub forced_output: Option<String>,
    /// Entity linking by embeddings: a description links to one product or fund
    /// only with this similarity (`ABACUS_LINK_MIN_SIM`) ...
    pub link_min_similarity: f32,
    /// ... and this lead over the next candidate (`ABACUS_LINK_MIN_MARGIN`).
    pub link_min_margin: f32,
    /// Below the bars, candidates from this similarity up (`ABACUS_LINK_LIST_SIM`)
    /// are offered in a question back; under it nothing matched.
    pub link_list_similarity: f32,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            cascade: Cascade::Full,
            min_similarity: 0.62,
            min_margin: 0.05,
            min_measure_margin: 0.08,
            generative_top: 1,
            generative_min_similarity: 0.55,
            forced_output: None,
            link_min_similarity: 0.55,
            link_min_margin: 0.15,
            link_list_similarity: 0.50,
        }
    }
}

impl Policy {
    pub fn from_env() -> Policy {
        let mut p = Policy {
            cascade: match std::env::var("ABACUS_CASCADE").as_deref() {
                Ok("rules") => Cascade::Rules,
                Ok("embed") => Cascade::Embed,
                _ => Cascade::Full,
            },
            ..Policy::default()
        };
        let f = |k: &str, d: f32| {
            std::env::var(k)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(d)
        };
        p.min_similarity = f("ABACUS_EMBED_MIN_SIM", p.min_similarity);
        p.min_margin = f("ABACUS_EMBED_MIN_MARGIN", p.min_margin);
        p.min_measure_margin = f("ABACUS_EMBED_MIN_MEASURE_MARGIN", p.min_measure_margin);
        p.generative_min_similarity = f("ABACUS_GEN_MIN_SIM", p.generative_min_similarity);
        p.generative_top = f("ABACUS_GEN_TOP", p.generative_top as f32) as usize;
        p.link_min_similarity = f("ABACUS_LINK_MIN_SIM", p.link_min_similarity);
        p.link_min_margin = f("ABACUS_LINK_MIN_MARGIN", p.link_min_margin);
        p.link_list_similarity = f("ABACUS_LINK_LIST_SIM", p.link_list_similarity);
        p
    }
}

/// What a model stage may say: an intent with its measure, or "none of these".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    SalesUnits,
    SalesRevenue,
    StockOnHand,
    StockOpenOrders,
    StockValue,
    DaysOfCover,
    Forecast,
    StockoutRisk,
    Replenishment,
    ExcessStock,
    SafetyStock,
    ReorderPoint,
    Eoq,
    ForecastAccuracy,
    NetworkOptimize,
    FundScreen,
    None,
}

pub const LABELS: [Label; 17] = [
    Label::SalesUnits,
    Label::SalesRevenue,
    Label::StockOnHand,
    Label::StockOpenOrders,
    Label::StockValue,
    Label::DaysOfCover,
    Label::Forecast,
    Label::StockoutRisk,
    Label::Replenishment,
    Label::ExcessStock,
    Label::SafetyStock,
    Label::ReorderPoint,
    Label::Eoq,
    Label::ForecastAccuracy,
    Label::NetworkOptimize,
    Label::FundScreen,
    Label::None,
];

impl Label {
    /// The slots of the generative stage's JSON: intent and measure.
    pub fn slots(self) -> (&'static str, Option<&'static str>) {
        match self {
            Label::SalesUnits => ("sales_history", Some("units")),
            Label::SalesRevenue => ("sales_history", Some("revenue")),
            Label::StockOnHand => ("inventory_status", Some("on_hand")),
            Label::StockOpenOrders => ("inventory_status", Some("open_orders")),
            Label::StockValue => ("inventory_status", Some("value")),
            Label::DaysOfCover => ("inventory_status", Some("days_of_cover")),
            Label::Forecast => ("forecast", None),
            Label::StockoutRisk => ("stockout_risk", None),
            Label::Replenishment => ("replenishment", None),
            Label::ExcessStock => ("excess_stock", None),
            Label::SafetyStock => ("inventory_policy", Some("safety_stock")),
            Label::ReorderPoint => ("inventory_policy", Some("reorder_point")),
            Label::Eoq => ("inventory_policy", Some("eoq")),
            Label::ForecastAccuracy => ("forecast_accuracy", None),
            Label::NetworkOptimize => ("network_optimize", None),
            Label::FundScreen => ("fund_screen", None),
            Label::None => ("none", None),
        }
    }

    pub fn name(self) -> String {
        match self.slots() {
            (i, Some(m)) => format!("{i}/{m}"),
            (i, None) => i.to_string(),
        }
    }

    /// The JSON the generative stage writes for this label (exactly; the grammar allows only these).
    pub fn json(self) -> String {
        match self.slots() {
            (i, Some(m)) => format!("{{\"intent\": \"{i}\", \"measure\": \"{m}\"}}"),
            (i, None) => format!("{{\"intent\": \"{i}\", \"measure\": null}}"),
        }
    }

    /// Completes a rule draft that had no intent. `false` when the label contradicts
    /// a measure the rules read explicitly (then the stage is not confident).
    pub fn apply(self, d: &mut Draft) -> bool {
        let intent = match self {
            Label::SalesUnits | Label::SalesRevenue => Intent::SalesHistory,
            Label::StockOnHand
            | Label::StockOpenOrders
            | Label::StockValue
            | Label::DaysOfCover => Intent::InventoryStatus,
            Label::Forecast => Intent::Forecast,
            Label::StockoutRisk => Intent::StockoutRisk,
            Label::Replenishment => Intent::Replenishment,
            Label::ExcessStock => Intent::ExcessStock,
            Label::SafetyStock | Label::ReorderPoint | Label::Eoq => Intent::InventoryPolicy,
            Label::ForecastAccuracy => Intent::ForecastAccuracy,
            Label::NetworkOptimize => Intent::NetworkOptimize,
            Label::FundScreen => Intent::FundScreen,
            Label::None => return false,
        };
        let sales = match self {
            Label::SalesUnits => Some(SalesMeasure::Units),
            Label::SalesRevenue => Some(SalesMeasure::Revenue),
            _ => None,
        };
        if let Some(m) = sales {
            match d.sales_measure {
                None => d.sales_measure = Some(m),
                Some(SalesMeasure::Units) | Some(SalesMeasure::Revenue)
                    if d.sales_measure != Some(m) =>
                {
                    return false
                }
                _ => {}
            }
        }
        let stock = match self {
            Label::StockOnHand => Some(StockMeasure::OnHand),
            Label::StockOpenOrders => Some(StockMeasure::OpenOrders),
            Label::StockValue => Some(StockMeasure::ValueAtCost),
            Label::DaysOfCover => Some(StockMeasure::DaysOfCover),
            _ => None,
        };
        if let Some(m) = stock {
            match d.stock_measure {
                None => d.stock_measure = Some(m),
                Some(had)
                    if had != m
                        && !(m == StockMeasure::ValueAtCost
                            && had == StockMeasure::ValueAtPrice) =>
                {
                    return false
                }
                _ => {}
            }
        }
        let policy = match self {
            Label::SafetyStock => Some(PolicyMeasure::SafetyStock),
            Label::ReorderPoint => Some(PolicyMeasure::ReorderPoint),
            Label::Eoq => Some(PolicyMeasure::Eoq),
            _ => None,
        };
        if let Some(m) = policy {
            match d.policy_measure {
                None => d.policy_measure = Some(m),
                Some(had) if had != m => return false,
                _ => {}
            }
        }
        d.intent = Some(intent);
        true
    }

    /// Whether the label can be what a question with these dates asks: stock, policy
    /// and risk figures are snapshots "now" and forecasts look ahead, so a past
    /// period ("in May", "last quarter") contradicts them.
    pub fn fits(self, d: &Draft) -> bool {
        match self {
            Label::SalesUnits
            | Label::SalesRevenue
            | Label::ForecastAccuracy
            | Label::NetworkOptimize
            | Label::FundScreen
            | Label::None => true,
            _ => d.dates.periods.is_empty(),
        }
    }

    fn from_slots(intent: &str, measure: Option<&str>) -> Option<Label> {
        LABELS
            .into_iter()
            .find(|l| l.slots() == (intent, measure))
            .or_else(|| {
                // The measure slot is optional where the intent has only one reading.
                LABELS
                    .into_iter()
                    .find(|l| measure.is_none() && l.slots().0 == intent && l.slots().1.is_none())
            })
    }
}

/// Parses and checks the generative stage's output: one JSON object whose intent and
/// measure name a label. Anything else (bad JSON, an unknown intent, a measure the
/// intent does not have) is an error in words.
pub fn parse_slots(text: &str) -> Result<Label, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Slots {
        intent: String,
        measure: Option<String>,
    }
    let s: Slots =
        serde_json::from_str(text.trim()).map_err(|e| format!("not the slot JSON ({e})"))?;
    Label::from_slots(&s.intent, s.measure.as_deref()).ok_or_else(|| {
        format!(
            "intent {:?} with measure {:?} is not a plan Abacus has",
            s.intent, s.measure
        )
    })
}

/// The generative stage's grammar (GBNF): exactly one label's JSON.
pub fn grammar() -> String {
    let alts: Vec<String> = LABELS.iter().map(|l| format!("{:?}", l.json())).collect();
    format!("root ::= {}\n", alts.join(" | "))
}

/// The question with every linked entity replaced by a generic noun, lower-cased:
/// the model stages judge what is asked, not about what.
pub fn masked(d: &Draft) -> String {
    let lower = d.text.to_lowercase();
    let mut spans: Vec<(usize, usize, &str)> = d
        .linked
        .mentions
        .iter()
        .filter(|m| m.span.0 < m.span.1 && m.span.1 <= d.tokens.len())
        .map(|m| {
            (
                d.tokens[m.span.0].start,
                d.tokens[m.span.1 - 1].end,
                placeholder(m.kind),
            )
        })
        .collect();
    spans.sort();
    let mut out = String::new();
    let mut at = 0;
    for (s, e, p) in spans {
        if s < at || e > lower.len() {
            continue;
        }
        out.push_str(&lower[at..s]);
        out.push_str(p);
        at = e;
    }
    out.push_str(&lower[at..]);
    out.replace("the the ", "the ")
        .replace("category category", "category")
        .replace("warehouse warehouse", "warehouse")
}

fn placeholder(k: Kind) -> &'static str {
    match k {
        Kind::Sku => "the product",
        Kind::Location => "the warehouse",
        Kind::Category => "the category",
        Kind::Brand => "the brand",
        Kind::Supplier => "the supplier",
        Kind::Fund => "the fund",
        Kind::Node | Kind::Product => "the facility",
    }
}

/// Whether the English-only models can read the text (mostly Latin letters).
pub fn readable(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.iter().filter(|c| c.is_ascii_alphabetic()).count() * 10 >= letters.len() * 9
}

/// A label's best exemplar for a question.
#[derive(Debug, Clone)]
pub struct Scored {
    pub label: Label,
    pub similarity: f32,
    pub exemplar: &'static str,
}

/// Labelled exemplars and their vectors.
pub struct Exemplars {
    pub items: Vec<(Label, &'static str)>,
    pub vectors: Vec<Vec<f32>>,
}

impl Exemplars {
    /// Best exemplar per label, best label first.
    pub fn rank(&self, query: &[f32]) -> Vec<Scored> {
        let mut best: Vec<Scored> = Vec::new();
        for ((label, text), v) in self.items.iter().zip(&self.vectors) {
            let s = cosine(query, v);
            match best.iter_mut().find(|b| b.label == *label) {
                Some(b) if b.similarity >= s => {}
                Some(b) => {
                    b.similarity = s;
                    b.exemplar = text;
                }
                None => best.push(Scored {
                    label: *label,
                    similarity: s,
                    exemplar: text,
                }),
            }
        }
        best.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
        best
    }
}

/// A loaded model and what loading it cost.
pub struct Loaded<T> {
    pub model: T,
    pub load_s: f64,
    pub rss_mib: Option<f64>,
}

/// The models of one process: found once, each loaded on first use and kept.
pub struct Models {
    root: Option<PathBuf>,
    embedder: OnceLock<Result<Loaded<Embedder>, String>>,
    exemplars: OnceLock<Result<Exemplars, String>>,
    generator: OnceLock<Result<Loaded<Generator>, String>>,
    /// Vectors of entity texts (a dataset's products or funds), by the hash of the texts.
    entities: std::sync::Mutex<Vec<(String, Arc<Vec<Vec<f32>>>)>>,
}

static GLOBAL: OnceLock<Arc<Models>> = OnceLock::new();

impl Models {
    /// Models from a folder (`None`: every model stage is off).
    pub fn at(root: Option<PathBuf>) -> Models {
        Models {
            root,
            embedder: OnceLock::new(),
            exemplars: OnceLock::new(),
            generator: OnceLock::new(),
            entities: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// This process's models, from [`abacus_models::locate`]; nothing is loaded yet.
    pub fn global() -> Arc<Models> {
        GLOBAL
            .get_or_init(|| Arc::new(Models::at(abacus_models::locate())))
            .clone()
    }

    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    pub fn embedder(&self) -> Result<&Loaded<Embedder>, String> {
        self.embedder
            .get_or_init(|| {
                let root = self.root.as_ref().ok_or_else(missing)?;
                let dir = abacus_models::embed_path(root).ok_or_else(missing)?;
                let t = Instant::now();
                let model = Embedder::load(&dir).map_err(|e| e.to_string())?;
                Ok(Loaded {
                    model,
                    load_s: t.elapsed().as_secs_f64(),
                    rss_mib: abacus_models::rss_mib(),
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn generator(&self) -> Result<&Loaded<Generator>, String> {
        self.generator
            .get_or_init(|| {
                let root = self.root.as_ref().ok_or_else(missing)?;
                let file = abacus_models::gguf_path(root).ok_or_else(missing)?;
                let t = Instant::now();
                let model = Generator::load(&file).map_err(|e| e.to_string())?;
                Ok(Loaded {
                    model,
                    load_s: t.elapsed().as_secs_f64(),
                    rss_mib: abacus_models::rss_mib(),
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The exemplar vectors, from the disk cache when their texts have not changed.
    pub fn exemplars(&self) -> Result<&Exemplars, String> {
        self.exemplars
            .get_or_init(|| {
                let emb = &self.embedder()?.model;
                let items = crate::exemplars::all();
                let texts: Vec<&str> = items.iter().map(|(_, t)| *t).collect();
                let key = abacus_core::hash::fnv_hex(
                    format!("{}\n{}", abacus_models::EMBED_DIR, texts.join("\n")).as_bytes(),
                );
                let cache = self
                    .root
                    .as_ref()
                    .map(|r| r.join("cache").join(format!("exemplars-{key}.bin")));
                let vectors = match cache.as_deref().and_then(|p| read_vectors(p, texts.len())) {
                    Some(v) => v,
                    None => {
                        let v = emb.embed(&texts).map_err(|e| e.to_string())?;
                        if let Some(p) = &cache {
                            write_vectors(p, &v);
                        }
                        v
                    }
                };
                Ok(Exemplars { items, vectors })
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl Models {
    /// Vectors of entity texts (one per text, in order): from this process's memory,
    /// else from the disk cache `cache/entities-<hash of the texts>.bin` in the models
    /// folder, else embedded now (and cached). Only the first question about a
    /// dataset's products (or funds) pays; a changed catalog has other texts, hence
    /// another file.
    pub fn entity_vectors(&self, texts: &[String]) -> Result<Arc<Vec<Vec<f32>>>, String> {
        let key = abacus_core::hash::fnv_hex(
            format!("{}\n{}", abacus_models::EMBED_DIR, texts.join("\n")).as_bytes(),
        );
        let memo = |m: &std::sync::Mutex<Vec<(String, Arc<Vec<Vec<f32>>>)>>| {
            m.lock()
                .ok()
                .and_then(|v| v.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()))
        };
        if let Some(v) = memo(&self.entities) {
            return Ok(v);
        }
        let cache = self
            .root
            .as_ref()
            .map(|r| r.join("cache").join(format!("entities-{key}.bin")));
        let vectors = match cache.as_deref().and_then(|p| read_vectors(p, texts.len())) {
            Some(v) => v,
            None => {
                let emb = &self.embedder()?.model;
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                let v = emb.embed(&refs).map_err(|e| e.to_string())?;
                if let Some(p) = &cache {
                    write_vectors(p, &v);
                }
                v
            }
        };
        let v = Arc::new(vectors);
        if let Ok(mut m) = self.entities.lock() {
            // A few datasets per process at most; keep the latest eight.
            if m.len() >= 8 {
                m.remove(0);
            }
            m.push((key, v.clone()));
        }
        Ok(v)
    }
}

fn missing() -> String {
    "model files not found (run scripts/setup-models.sh)".to_string()
}

fn read_vectors(path: &Path, n: usize) -> Option<Vec<Vec<f32>>> {
    let bytes = std::fs::read(path).ok()?;
    let word = |i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(
            bytes.get(i * 4..i * 4 + 4)?.try_into().ok()?,
        ))
    };
    let (count, dim) = (word(0)? as usize, word(1)? as usize);
    if count != n || bytes.len() != 8 + count * dim * 4 {
        return None;
    }
    Some(
        (0..count)
            .map(|r| {
                (0..dim)
                    .map(|c| f32::from_bits(word(2 + r * dim + c).unwrap_or(0)))
                    .collect()
            })
            .collect(),
    )
}

fn write_vectors(path: &Path, v: &[Vec<f32>]) {
    let dim = v.first().map_or(0, Vec::len);
    let mut bytes = Vec::with_capacity(8 + v.len() * dim * 4);
    bytes.extend((v.len() as u32).to_le_bytes());
    bytes.extend((dim as u32).to_le_bytes());
    for row in v {
        for x in row {
            bytes.extend(x.to_le_bytes());
        }
    }
    // A cache: failing to write it only costs the next process the embedding time.
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() {
        let _ = std::fs::rename(&tmp, path);
    }
}

/// The few-shot prompt of the generative stage (a base model: examples, not
/// instructions): [`prompt_prefix`], the same for every question, then the question.
pub fn prompt(question: &str) -> String {
    format!("{}{}", prompt_prefix(), prompt_question(question))
}

/// The fixed part of [`prompt`]: the instruction line and the examples (its
/// evaluated state is cached on disk, see `Generator::generate_with_prefix`).
pub fn prompt_prefix() -> &'static str {
    static PREFIX: OnceLock<String> = OnceLock::new();
    PREFIX.get_or_init(|| {
        let mut p = String::from(
            "Each retail analytics question is mapped to the JSON of the plan that answers it.\n\n",
        );
        for (q, l) in crate::exemplars::FEW_SHOT {
            p.push_str(&format!("Question: {q}\nJSON: {}\n\n", l.json()));
        }
        p
    })
}

/// The question's part of [`prompt`] (one line, at most 300 characters).
pub fn prompt_question(question: &str) -> String {
    let q: String = question.chars().filter(|c| *c != '\n').take(300).collect();
    format!("Question: {q}\nJSON: ")
}

/// What the model stages made of a question the rules left without an intent.
pub struct Reading {
    /// The rule draft completed with a model's intent, when a stage was confident.
    pub draft: Option<Draft>,
    pub label: Option<Label>,
    /// The stage that answered ("embeddings" or "generative model").
    pub stage: &'static str,
    pub explain: String,
}

impl crate::Assistant<'_> {
    /// The rules found no intent, the question is not marked out of scope nor a count
    /// ("how many SKUs …": no label reads counts), and the
    /// English-only models can read it. (Called only when the rules' reading, follow-up
    /// included, came to nothing.)
    pub(crate) fn models_may_help(&self, d: &Draft) -> bool {
        self.policy.cascade != Cascade::Rules
            && d.intent.is_none()
            && !d.out_of_scope
            && !d.count
            && readable(&d.text)
    }

    /// Embeddings first; the generative model only when they are not confident.
    pub(crate) fn model_stages(&self, d: &Draft) -> Reading {
        let p = &self.policy;
        let text = masked(d);
        let mut notes = Vec::new();
        let none = |explain: String| Reading {
            draft: None,
            label: None,
            stage: "",
            explain,
        };
        let t0 = Instant::now();
        let ranked = match self
            .models
            .embedder()
            .and_then(|e| Ok((e, self.models.exemplars()?)))
            .and_then(|(e, ex)| {
                let q = e.model.embed_one(&text).map_err(|x| x.to_string())?;
                Ok(ex.rank(&q))
            }) {
            Ok(r) => r,
            Err(e) => return none(format!("embedding stage off: {e}")),
        };
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        let all = ranked.len();
        let ranked: Vec<Scored> = ranked.into_iter().filter(|s| s.label.fits(d)).collect();
        if all > ranked.len() {
            notes.push(format!(
                "{} labels set aside: a past period contradicts them",
                all - ranked.len()
            ));
        }
        let (first, second) = (&ranked[0], &ranked[1]);
        let margin = first.similarity - second.similarity;
        notes.push(format!(
            "embedding stage ({ms:.0} ms): nearest {} (similarity {:.3}, exemplar \"{}\"), margin {:.3} over {}",
            first.label.name(),
            first.similarity,
            first.exemplar,
            margin,
            second.label.name()
        ));
        let sibling = ranked[1..]
            .iter()
            .find(|s| s.label.slots().0 == first.label.slots().0);
        let measure_margin = sibling.map_or(f32::INFINITY, |s| first.similarity - s.similarity);
        if let Some(s) = sibling {
            notes.push(format!(
                "margin {measure_margin:.3} over {}",
                s.label.name()
            ));
        }
        if first.similarity >= p.min_similarity
            && margin >= p.min_margin
            && measure_margin >= p.min_measure_margin
        {
            if first.label == Label::None {
                notes.push("reads as outside what Abacus does".into());
                return none(notes.join("; "));
            }
            let mut nd = d.clone();
            if first.label.apply(&mut nd) {
                notes.push(format!(
                    "stage: embeddings answered (bars: similarity ≥ {:.2}, margin ≥ {:.2})",
                    p.min_similarity, p.min_margin
                ));
                return Reading {
                    draft: Some(nd),
                    label: Some(first.label),
                    stage: "embeddings",
                    explain: notes.join("; "),
                };
            }
            notes.push("its measure contradicts the question's words".into());
        } else {
            notes.push(format!(
                "below the bars (similarity ≥ {:.2}, margin ≥ {:.2}, over another measure ≥ {:.2})",
                p.min_similarity, p.min_margin, p.min_measure_margin
            ));
        }
        if p.cascade != Cascade::Full {
            notes.push("generative stage off (ABACUS_CASCADE=embed)".into());
            return none(notes.join("; "));
        }
        let t1 = Instant::now();
        let generated = match p.forced_output.as_ref().map_or_else(
            || {
                self.models.generator().and_then(|g| {
                    let prefix = prompt_prefix();
                    let cache = self
                        .models
                        .root()
                        .map(|r| g.model.prefix_cache_file(&r.join("cache"), prefix));
                    g.model
                        .generate_with_prefix(
                            prefix,
                            &prompt_question(&text),
                            &grammar(),
                            40,
                            cache.as_deref(),
                        )
                        .map_err(|e| e.to_string())
                })
            },
            |o| {
                Ok(abacus_models::Generated {
                    text: o.clone(),
                    prompt_tokens: 0,
                    prompt_cached: 0,
                    tokens: 0,
                    prompt_s: 0.0,
                    gen_s: 0.0,
                })
            },
        ) {
            Ok(g) => g,
            Err(e) => {
                notes.push(format!("generative stage off: {e}"));
                return none(notes.join("; "));
            }
        };
        let ms = t1.elapsed().as_secs_f64() * 1000.0;
        let load_ms = self.models.generator().map_or(0.0, |g| g.load_s * 1000.0);
        let mut reading = self.check_generated(d, &generated.text, &ranked);
        notes.push(format!(
            "generative stage ({ms:.0} ms: model load {load_ms:.0} ms, prompt {:.0} ms for {} tokens of which {} from the prefix cache, {} tokens generated in {:.0} ms): {}",
            generated.prompt_s * 1000.0,
            generated.prompt_tokens,
            generated.prompt_cached,
            generated.tokens,
            generated.gen_s * 1000.0,
            reading.explain
        ));
        reading.explain = notes.join("; ");
        reading
    }

    /// Parses and validates the generative model's output against the policy: a
    /// label that parses, is not "none", and that the embedding stage also ranks
    /// among its best few with some similarity.
    pub(crate) fn check_generated(&self, d: &Draft, output: &str, ranked: &[Scored]) -> Reading {
        let p = &self.policy;
        let mut r = Reading {
            draft: None,
            label: None,
            stage: "generative model",
            explain: String::new(),
        };
        let label = match parse_slots(output) {
            Ok(l) => l,
            Err(e) => {
                // A reading was attempted and failed validation: ask back.
                r.draft = Some(Draft {
                    intent: None,
                    ..d.clone()
                });
                r.explain = format!("output {output:?} failed validation: {e}");
                return r;
            }
        };
        r.label = Some(label);
        if label == Label::None {
            r.explain = format!("output {output}: outside what Abacus does");
            return r;
        }
        let rank = ranked.iter().position(|s| s.label == label);
        let agrees = rank.is_some_and(|k| {
            k < p.generative_top && ranked[k].similarity >= p.generative_min_similarity
        });
        let mut nd = d.clone();
        if !agrees || !label.apply(&mut nd) {
            // Unconfirmed: the model adds nothing, the rules' reading stands.
            r.explain = format!(
                "output {output}: not confirmed by the embedding ranking (rank {}), not used",
                rank.map_or("none".to_string(), |k| (k + 1).to_string())
            );
            return r;
        }
        r.draft = Some(nd);
        r.explain =
            format!("output {output} parsed and validated; stage: generative model answered");
        r
    }

    /// A model's reading that did not validate: ask back, never guess.
    pub(crate) fn model_clarify(&self, r: &Reading, why: &str) -> crate::Answer {
        let what = r
            .label
            .filter(|l| *l != Label::None)
            .map(|l| l.name().replace(['_', '/'], " "));
        let text = match what {
            Some(w) => format!(
                "I am not sure I understood. Did you mean {w}? Please rephrase with the figure you want ({why})."
            ),
            None => "I am not sure I understood the question. Please rephrase it, naming the figure you want (units sold, revenue, stock on hand, a forecast …).".to_string(),
        };
        if let Some(e) = self.explain.borrow_mut().as_mut() {
            e.push_str(&format!(
                "; the {} reading did not validate: asked back",
                r.stage
            ));
        }
        crate::Answer::clarify(r.draft.as_ref().and_then(|d| d.intent), None, text)
    }
}
