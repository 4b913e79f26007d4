//! Entity linking by sentence embeddings, where string matching fails: words the
//! lexicon left over that still name a product or fund ([`abacus_nlu::residual`])
//! are compared with the embeddings of every product's text (name and category) or
//! fund's text (name and category), cached per catalog. One candidate clearly
//! ahead links; several close ones are offered back ("Which product do you mean:
//! …"); nothing close, or no model, asks back too. The broader scope the rules
//! did link (a brand, a category, every SKU) is never answered instead.

use std::time::Instant;

use abacus_models::cosine;
use abacus_nlu::lexicon::{Kind, Mention};
use abacus_nlu::plan::{Intent, SalesMeasure, StockMeasure};
use abacus_nlu::residual::{self, Residual};
use abacus_nlu::text::{tokenize, word_matches};
use abacus_nlu::understand::Draft;

use crate::cascade::Cascade;
use crate::dialogue::State;
use crate::{Answer, Assistant};

/// What became of the leftover words of a question.
pub(crate) enum Linking {
    /// Nothing was left over: the rules' reading stands.
    Nothing,
    /// The words were linked (to one entity, or to several to ask back about).
    Linked(Box<Draft>),
    /// Nothing fits: ask back.
    Ask(Answer),
}

/// The single id of a name the lexicon linked from only some of its words, inside
/// a residual reference.
fn single_pick(r: &Residual) -> Option<&str> {
    r.within
        .iter()
        .find(|m| m.kind == r.kind && m.ids.len() == 1)
        .map(|m| m.ids[0].as_str())
}

/// How close each candidate came, best first.
struct Ranked {
    scores: Vec<(String, f32)>,
    ms: f64,
}

/// The kind of entity a question about `intent` names, if it names one.
fn target(intent: Intent, d: &Draft) -> Option<Kind> {
    let list = d.ranking.is_some()
        || d.count
        || matches!(
            d.sales_measure,
            Some(SalesMeasure::SkusSold | SalesMeasure::SkusNotSold)
        )
        || d.stock_measure == Some(StockMeasure::ZeroOnHand);
    match intent {
        Intent::SalesHistory
        | Intent::InventoryStatus
        | Intent::Forecast
        | Intent::InventoryPolicy
        | Intent::Replenishment
        | Intent::StockoutRisk
        | Intent::ExcessStock
        | Intent::ForecastAccuracy
            if !list =>
        {
            Some(Kind::Sku)
        }
        Intent::FundMetric | Intent::FundCompare => Some(Kind::Fund),
        _ => None,
    }
}

impl Assistant<'_> {
    /// Finds words the lexicon left over that name a product or fund, and links them.
    /// `by_model`: the intent came from a model stage (then only words of the
    /// catalog's names make a reference).
    pub(crate) fn link_residual(&self, d: &Draft, state: &State, by_model: bool) -> Linking {
        if d.out_of_scope {
            return Linking::Nothing;
        }
        let intent = match d.intent {
            Some(i) => i,
            None if d.followup => match state.last.as_ref() {
                Some(p) => p.intent(),
                None => return Linking::Nothing,
            },
            None => return Linking::Nothing,
        };
        let Some(kind) = target(intent, d) else {
            return Linking::Nothing;
        };
        let found = residual::find(
            &d.tokens,
            &d.text.to_lowercase(),
            &d.linked,
            &d.dates,
            &self.ctx.lexicon,
            kind,
            by_model,
        );
        if found.is_empty() {
            return Linking::Nothing;
        }
        let mut out = d.clone();
        let mut notes = Vec::new();
        for r in &found {
            if let Some(pick) = single_pick(r) {
                // A name linked from some of its words, next to a word of another name:
                // relinked only when that word names a sibling (same brand) product.
                if !self.points_elsewhere(r, pick) {
                    continue;
                }
                notes.push(format!(
                    "\"{}\" was linked from part of its name to {pick}, but the word(s) {} name another product of its brand",
                    r.text,
                    r.words.join(" ")
                ));
            }
            match self.link_one(r, &mut notes) {
                Ok(ids) => {
                    out.linked.mentions.retain(|m| !r.within.contains(m));
                    out.linked.mentions.push(Mention {
                        kind,
                        ids,
                        span: r.span,
                        by_id: false,
                        partial: false,
                    });
                }
                Err(text) => {
                    // A name the rules already report as unknown keeps its answer (an
                    // error naming the closest products).
                    if d.unknown_product.is_some() || d.unknown_name.is_some() {
                        notes.push("the rules' answer to a name that fits nothing stands".into());
                        self.note(&notes);
                        return Linking::Nothing;
                    }
                    self.note(&notes);
                    return Linking::Ask(Answer::clarify(Some(intent), None, text));
                }
            }
        }
        self.note(&notes);
        out.linked.mentions.sort_by_key(|m| m.span.0);
        out.unknown_product = None;
        out.unknown_name = None;
        Linking::Linked(Box::new(out))
    }

    /// Whether a leftover word of `r` is a word of the name of another product of
    /// the brand of `pick` and of no word of `pick`'s own name.
    fn points_elsewhere(&self, r: &Residual, pick: &str) -> bool {
        if r.kind != Kind::Sku {
            return false;
        }
        let Some(item) = self.ctx.items.get(pick) else {
            return false;
        };
        let words = |name: &str| -> Vec<String> {
            tokenize(&name.to_lowercase())
                .into_iter()
                .map(|t| t.text)
                .collect()
        };
        let own = words(&item.name);
        let siblings: Vec<Vec<String>> = self
            .ctx
            .catalog
            .items
            .iter()
            .filter(|i| i.brand == item.brand && i.sku != item.sku)
            .map(|i| words(&i.name))
            .collect();
        r.words.iter().any(|w| {
            !own.iter().any(|o| word_matches(w, o))
                && siblings
                    .iter()
                    .any(|n| n.iter().any(|x| word_matches(w, x)))
        })
    }

    fn note(&self, notes: &[String]) {
        if let Some(e) = self.explain.borrow_mut().as_mut() {
            for n in notes {
                e.push_str("; ");
                e.push_str(n);
            }
        }
    }

    /// The ids one residual reference links to (one, or several close ones to ask
    /// about), or the question back when nothing fits.
    fn link_one(&self, r: &Residual, notes: &mut Vec<String>) -> Result<Vec<String>, String> {
        let noun = r.kind.noun();
        let ask = |why: String| {
            format!(
                "I could not tell which {noun} \"{}\" means: {why}. Which {noun} do you mean? Please name it{}.",
                r.text,
                if r.kind == Kind::Sku {
                    " or give its SKU"
                } else {
                    " or give its fund code"
                }
            )
        };
        let ranked = match self.rank_candidates(r) {
            Ok(x) => x,
            Err(e) => {
                notes.push(format!(
                    "leftover words \"{}\" read as a {noun} the lexicon could not link; entity linking by embeddings off: {e}",
                    r.text
                ));
                return Err(ask(format!(
                    "it fits no {noun} name, and the stage that links descriptions by meaning is off ({e})"
                )));
            }
        };
        let p = &self.policy;
        let shown: Vec<String> = ranked
            .scores
            .iter()
            .take(4)
            .map(|(id, s)| format!("{id} {s:.2}"))
            .collect();
        let mut note = format!(
            "entity linking by embeddings ({:.0} ms, {} candidates): \"{}\" → {}",
            ranked.ms,
            ranked.scores.len(),
            r.text,
            shown.join(", ")
        );
        let (best, s1) = match ranked.scores.first() {
            Some((id, s)) => (id.clone(), *s),
            None => {
                notes.push(format!("{note}; nothing to compare"));
                return Err(ask(format!("no {noun} is loaded")));
            }
        };
        let s2 = ranked.scores.get(1).map_or(f32::NEG_INFINITY, |x| x.1);
        if s1 >= p.link_min_similarity && s1 - s2 >= p.link_min_margin {
            note.push_str(&format!(
                "; linked to {best} (bars: similarity ≥ {:.2}, margin ≥ {:.2})",
                p.link_min_similarity, p.link_min_margin
            ));
            notes.push(note);
            return Ok(vec![best]);
        }
        if s1 >= p.link_list_similarity {
            // The two best, and any other about as close: ask which.
            let window = p.link_min_margin / 2.0;
            let ids: Vec<String> = ranked
                .scores
                .iter()
                .enumerate()
                .filter(|(k, (_, s))| *s >= p.link_list_similarity && (*k < 2 || *s >= s1 - window))
                .take(5)
                .map(|(_, (id, _))| id.clone())
                .collect();
            // Narrowing a name the rules found ambiguous needs a clear gap below the
            // shortlist; else the rules' candidates stand (all of them).
            let rules_ids = r
                .within
                .iter()
                .find(|m| m.kind == r.kind && m.ids.len() > 1)
                .map(|m| m.ids.clone());
            let next = ranked
                .scores
                .get(ids.len())
                .map_or(f32::NEG_INFINITY, |x| x.1);
            let lowest = ranked
                .scores
                .get(ids.len().saturating_sub(1))
                .map_or(s1, |x| x.1);
            if let Some(all) = rules_ids {
                if lowest - next < p.link_min_margin {
                    note.push_str(&format!(
                        "; no clear shortlist: the lexicon's {} candidates stand",
                        all.len()
                    ));
                    notes.push(note);
                    return Ok(all);
                }
            }
            if ids.len() >= 2 {
                note.push_str(&format!("; {} close candidates: asked back", ids.len()));
                notes.push(note);
                return Ok(ids);
            }
        }
        note.push_str(&format!(
            "; no clear match (similarity ≥ {:.2} and a lead ≥ {:.2}, or two from {:.2})",
            p.link_min_similarity, p.link_min_margin, p.link_list_similarity
        ));
        if let Some(m) = r
            .within
            .iter()
            .find(|m| m.kind == r.kind && m.ids.len() > 1)
        {
            note.push_str(&format!("; the lexicon's {} candidates stand", m.ids.len()));
            notes.push(note);
            return Ok(m.ids.clone());
        }
        notes.push(note);
        if s1 >= p.link_list_similarity {
            let closest = self.ctx.label(r.kind, &best);
            return Err(ask(format!("the closest, {closest}, is not a clear match")));
        }
        Err(ask(format!("no {noun} name in this dataset comes close")))
    }

    /// The candidates of a reference ranked by similarity: every product (or fund),
    /// narrowed by the linked mentions inside it (the brand's or category's products,
    /// an ambiguous name's ids).
    fn rank_candidates(&self, r: &Residual) -> Result<Ranked, String> {
        if self.policy.cascade == Cascade::Rules {
            return Err("ABACUS_CASCADE=rules".into());
        }
        let c = &self.ctx.catalog;
        let (ids, texts): (Vec<String>, Vec<String>) = match r.kind {
            Kind::Sku => c
                .items
                .iter()
                .map(|i| (i.sku.clone(), format!("{} ({})", i.name, i.category)))
                .unzip(),
            _ => c
                .funds
                .iter()
                .map(|(code, name, cat)| {
                    (
                        code.clone(),
                        format!("{name} ({} fund)", cat.replace('_', " ")),
                    )
                })
                .unzip(),
        };
        let allowed = |id: &str| {
            r.within.iter().all(|m| match m.kind {
                Kind::Brand => self
                    .ctx
                    .items
                    .get(id)
                    .is_some_and(|i| m.ids.contains(&i.brand)),
                Kind::Category => self
                    .ctx
                    .items
                    .get(id)
                    .is_some_and(|i| m.ids.contains(&i.category)),
                // A single name linked in part: its brand's products.
                Kind::Sku if m.kind == r.kind && m.ids.len() == 1 => {
                    let brand = self.ctx.items.get(&m.ids[0]).map(|i| &i.brand);
                    self.ctx.items.get(id).map(|i| &i.brand) == brand
                }
                k if k == r.kind => m.ids.iter().any(|x| x == id),
                _ => true,
            })
        };
        let t = Instant::now();
        let vectors = self.models.entity_vectors(&texts)?;
        let emb = &self.models.embedder()?.model;
        let q = emb.embed_one(&r.text).map_err(|e| e.to_string())?;
        let narrowed = ids.iter().any(|id| allowed(id));
        let mut scores: Vec<(String, f32)> = ids
            .iter()
            .zip(vectors.iter())
            .filter(|(id, _)| !narrowed || allowed(id))
            .map(|(id, v)| (id.clone(), cosine(&q, v)))
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Ranked {
            scores,
            ms: t.elapsed().as_secs_f64() * 1000.0,
        })
    }
}
