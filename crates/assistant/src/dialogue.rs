//! Dialogue: the conversation state kept between turns, and how a new question's
//! draft combines with it into a Plan — follow-ups inherit what they do not restate.

use abacus_nlu::lexicon::{Kind, Mention};
use std::collections::BTreeSet;

use abacus_nlu::plan::*;
use abacus_nlu::understand::Draft;
use serde::{Deserialize, Serialize};

use crate::context::Context;

/// What a conversation remembers: the last plan (answered, or awaiting a clarification)
/// and the last headline value (for "divide that by 9").
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    pub last: Option<Plan>,
    /// The options of a clarifying question still open: ("sku", ids).
    #[serde(default)]
    pub pending: Option<(String, Vec<String>)>,
    pub last_value: Option<f64>,
    #[serde(default)]
    pub turns: u64,
    /// The last answer showed the turn before it a year earlier: that turn's period
    /// ("May?", "and the same month a year earlier?", then "so the YoY growth?" is May's).
    #[serde(default)]
    pub year_earlier_of: Option<abacus_nlu::dates::Period>,
    /// Funds the conversation has named, most recent first ("compare the two").
    #[serde(default)]
    pub recent_funds: Vec<String>,
}

/// "So what's the YoY growth?" right after the same figure a year earlier: the growth
/// of the later period, the two figures just shown.
fn yoy_of_the_two_shown(plan: &mut Plan, draft: &Draft, state: &State) {
    let Some(p) = state.year_earlier_of else {
        return;
    };
    if !draft.yoy || !draft.dates.periods.is_empty() {
        return;
    }
    let scope = plan.scope_mut();
    if scope.period == Some(p.year_before()) {
        scope.period = Some(p);
    }
}

/// The outcome of understanding one turn.
pub enum Built {
    Plan(Plan),
    /// A reference fits several entities equally: ask which.
    Clarify {
        plan: Plan,
        kind: Kind,
        options: Vec<String>,
    },
    /// Nothing in the question is something Abacus does.
    Unsupported,
    /// A window or other slot is missing and cannot be inherited.
    Missing {
        intent: Intent,
        what: String,
    },
}

fn is_retail(i: Intent) -> bool {
    matches!(
        i,
        Intent::SalesHistory
            | Intent::Forecast
            | Intent::InventoryStatus
            | Intent::StockoutRisk
            | Intent::Replenishment
            | Intent::InventoryPolicy
            | Intent::ExcessStock
            | Intent::ForecastAccuracy
    )
}

fn is_fund(i: Intent) -> bool {
    matches!(
        i,
        Intent::FundScreen | Intent::FundMetric | Intent::FundCompare
    )
}

/// Ids by kind from the draft's mentions; the first ambiguous mention is returned apart.
fn mentioned(draft: &Draft, kind: Kind) -> (Vec<String>, Option<Mention>) {
    let mut ids = Vec::new();
    for m in draft.linked.of(kind) {
        if m.ids.len() > 1 {
            return (ids, Some(m.clone()));
        }
        for id in &m.ids {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    (ids, None)
}

/// The window (years) of the metrics a plan uses, if any.
fn plan_window(p: &Plan) -> Option<u32> {
    let names: Vec<&String> = match p {
        Plan::FundMetric { metric, .. } => vec![metric],
        Plan::FundCompare { metrics, .. } => metrics.iter().collect(),
        Plan::FundScreen { filters, sort, .. } => filters
            .iter()
            .map(|f| &f.field)
            .chain(sort.iter().map(|k| &k.field))
            .collect(),
        _ => Vec::new(),
    };
    names.iter().find_map(|m| {
        m.strip_suffix('y')
            .and_then(|m| m.rsplit('_').next())
            .and_then(|k| k.parse().ok())
    })
}

/// Metric names written without a window ("sharpe_?y") take the conversation's window.
fn fill_windows(draft: &Draft, prev: Option<&Plan>) -> Result<Draft, String> {
    let mut d = draft.clone();
    let unresolved = |name: &str| name.ends_with("_?y");
    let any = d.funds.metrics.iter().any(|m| unresolved(m))
        || d.funds.filters.iter().any(|f| unresolved(&f.field))
        || d.funds.sort.iter().any(|k| unresolved(&k.field));
    if !any {
        return Ok(d);
    }
    let Some(k) = prev.and_then(plan_window) else {
        return Err(d.funds.missing_window.clone().unwrap_or_default());
    };
    let fix = |m: &mut String| {
        if unresolved(m) {
            *m = m.replace("_?y", &format!("_{k}y"));
        }
    };
    d.funds.metrics.iter_mut().for_each(fix);
    d.funds.filters.iter_mut().for_each(|f| fix(&mut f.field));
    d.funds.sort.iter_mut().for_each(|s| fix(&mut s.field));
    d.funds.missing_window = None;
    Ok(d)
}

/// Builds the plan of one turn from its draft and the conversation state.
pub fn build(draft: &Draft, state: &State, ctx: &Context<'_>) -> Built {
    // One fund figure asked of several funds is a comparison of them.
    let compare = |p: Plan| match p {
        Plan::FundMetric { scope, metric } if scope.funds.len() >= 2 => Plan::FundCompare {
            scope,
            metrics: vec![metric],
            difference: false,
        },
        p => p,
    };
    let finish = |p: Plan| {
        let mut p = compare(p);
        yoy_of_the_two_shown(&mut p, draft, state);
        p
    };
    match build_turn(draft, state, ctx) {
        // "Compare them on 3-year volatility" with fewer than two funds to compare.
        Built::Plan(Plan::FundCompare { scope, .. }) if scope.funds.len() < 2 => Built::Missing {
            intent: Intent::FundCompare,
            what: "which funds to compare (name two or more)".into(),
        },
        Built::Plan(p) => Built::Plan(finish(p)),
        Built::Clarify {
            plan,
            kind,
            options,
        } => Built::Clarify {
            plan: finish(plan),
            kind,
            options,
        },
        b => b,
    }
}

/// Items of the previous item's category (itself excluded) that pass `keep`, scored by
/// the words of their name, besides their brand's, that its name shares: the best score
/// and the items that have it.
fn closest_in_line(
    ctx: &Context<'_>,
    prev: &abacus_store::model::Item,
    keep: impl Fn(&abacus_store::model::Item) -> bool,
) -> (usize, Vec<String>) {
    let words = |n: &str| -> BTreeSet<String> {
        n.to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let prev_words = words(&prev.name);
    let mut scored: Vec<(usize, &String)> = ctx
        .items
        .values()
        .filter(|i| i.category == prev.category && i.sku != prev.sku && keep(i))
        .map(|i| {
            let shared = words(&i.name)
                .difference(&words(&i.brand))
                .filter(|w| prev_words.contains(*w))
                .count();
            (shared, &i.sku)
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let best = scored.first().map_or(0, |s| s.0);
    let skus = scored
        .into_iter()
        .filter(|s| s.0 == best)
        .map(|s| s.1.clone())
        .collect();
    (best, skus)
}

fn build_turn(draft: &Draft, state: &State, ctx: &Context<'_>) -> Built {
    let filled = match fill_windows(draft, state.last.as_ref()) {
        Ok(d) => d,
        Err(base) => {
            return Built::Missing {
                intent: draft.intent.unwrap_or(Intent::FundMetric),
                what: format!(
                    "the window of the {} (1, 3 or 5 years)",
                    base.replace('_', " ")
                ),
            }
        }
    };
    let draft = &filled;
    let prev = state.last.as_ref();
    let kinds = [
        Kind::Sku,
        Kind::Location,
        Kind::Category,
        Kind::Brand,
        Kind::Supplier,
        Kind::Fund,
        Kind::Node,
    ];
    let mut found: Vec<(Kind, Vec<String>)> = Vec::new();
    let mut ambiguous: Option<Mention> = None;
    for k in kinds {
        let (ids, amb) = mentioned(draft, k);
        if amb.is_some() && ambiguous.is_none() {
            ambiguous = amb;
        }
        if !ids.is_empty() {
            found.push((k, ids));
        }
    }
    // "What about the Red Lantern one?" after one product: that brand's counterpart.
    if let Some(prev_sku) = prev.and_then(|p| match p.scope().skus.as_slice() {
        [s] => Some(s.clone()),
        _ => None,
    }) {
        let one_after = |m: &Mention| {
            draft
                .tokens
                .get(m.span.1)
                .is_some_and(|t| matches!(t.text.as_str(), "one" | "version" | "variant" | "kind"))
        };
        // "And the 500ml one?": the same product line in that size or variant — an item
        // of the brand with that word, sharing a word of the name besides the brand.
        if !found.iter().any(|(k, _)| *k == Kind::Sku) {
            let toks = &draft.tokens;
            let variant = toks.iter().enumerate().find_map(|(i, t)| {
                (t.text == "one" && i > 0 && !draft.linked.covers(i - 1))
                    .then(|| toks[i - 1].text.clone())
                    .filter(|v| v.chars().any(|c| c.is_ascii_digit()))
            });
            if let (Some(v), Some(prev_item)) = (variant, ctx.items.get(&prev_sku)) {
                let (shared, skus) = closest_in_line(ctx, prev_item, |i| {
                    i.brand == prev_item.brand
                        && i.name.to_lowercase().split_whitespace().any(|w| w == v)
                });
                if let [one] = skus.as_slice() {
                    if shared > 0 {
                        found.push((Kind::Sku, vec![one.clone()]));
                    }
                }
            }
        }
        if let Some(m) = draft
            .linked
            .of(Kind::Brand)
            .find(|m| m.ids.len() == 1 && one_after(m))
        {
            if !found.iter().any(|(k, _)| *k == Kind::Sku) {
                // "What about the Red Lantern one?": that brand's closest item.
                let options = ctx.items.get(&prev_sku).map_or(Vec::new(), |prev_item| {
                    closest_in_line(ctx, prev_item, |i| i.brand == m.ids[0]).1
                });
                found.retain(|(k, _)| *k != Kind::Brand);
                match options.as_slice() {
                    [one] => found.push((Kind::Sku, vec![one.clone()])),
                    [] => {
                        return Built::Missing {
                            intent: prev.map_or(Intent::SalesHistory, Plan::intent),
                            what: format!(
                                "which {} product you mean (none is in the same category)",
                                m.ids[0]
                            ),
                        }
                    }
                    _ => {
                        ambiguous = Some(Mention {
                            kind: Kind::Sku,
                            ids: options,
                            span: m.span,
                            by_id: false,
                            partial: true,
                        })
                    }
                }
            }
        }
    }
    // "Add Great Wall Star Equity A to that": the funds compared so far, and this one.
    if let Some(p @ (Plan::FundCompare { .. } | Plan::FundMetric { .. })) = prev {
        let added: Vec<String> = found
            .iter()
            .filter(|(k, _)| *k == Kind::Fund)
            .flat_map(|(_, ids)| ids.clone())
            .collect();
        let adds = draft
            .tokens
            .iter()
            .any(|t| matches!(t.text.as_str(), "add" | "include"))
            || draft.tokens.first().is_some_and(|t| t.text == "plus");
        if adds && !added.is_empty() && draft.funds.metrics.is_empty() && ambiguous.is_none() {
            let mut scope = p.scope().clone();
            for f in added {
                if !scope.funds.contains(&f) {
                    scope.funds.push(f);
                }
            }
            let metrics = match p {
                Plan::FundCompare { metrics, .. } => metrics.clone(),
                Plan::FundMetric { metric, .. } => vec![metric.clone()],
                _ => Vec::new(),
            };
            return Built::Plan(Plan::FundCompare {
                scope,
                metrics,
                difference: false,
            });
        }
    }
    let get = |k: Kind| {
        found
            .iter()
            .find(|(kk, _)| *kk == k)
            .map(|(_, v)| v.clone())
    };
    let any_entity = !found.is_empty() || ambiguous.is_some();
    let period = draft.dates.periods.first().copied();

    // A clarifying question is open and this turn picks one of its options ("the Sky Link one").
    if let (Some(prev), Some((kind, options))) = (prev, &state.pending) {
        if let Some(id) = pick_option(draft, ctx, kind, options) {
            let mut plan = prev.clone();
            let scope = plan.scope_mut();
            match kind.as_str() {
                "product" => scope.skus = vec![id],
                "location" => scope.locations = vec![id],
                "fund" => scope.funds = vec![id],
                "category" => scope.categories = vec![id],
                "brand" => scope.brands = vec![id],
                _ => return Built::Unsupported,
            }
            return Built::Plan(plan);
        }
    }
    // "And which sold the least?", "rank them all by revenue": the previous ranking, changed.
    let ranking_turned = (draft.least || draft.rank_again)
        && matches!(
            prev,
            Some(Plan::SalesHistory {
                ranking: Some(_),
                ..
            })
        );
    let intent = match draft.intent {
        // "And how many units?", "and by revenue?": the same question, changed.
        Some(i)
            if (draft.followup || (draft.rank_again && ranking_turned))
                && prev.is_some_and(|p| p.intent() == i)
                && !matches!(
                    i,
                    Intent::FundScreen
                        | Intent::FundMetric
                        | Intent::FundCompare
                        | Intent::NetworkWhatIf
                        | Intent::NetworkOptimize
                )
                && !draft.all_locations =>
        {
            let mut plan = prev.expect("checked").clone();
            apply_followup(&mut plan, draft, &found, fund_window(draft));
            if let Some(m) = ambiguous {
                return Built::Clarify {
                    plan,
                    kind: m.kind,
                    options: m.ids,
                };
            }
            return Built::Plan(plan);
        }
        Some(i) => i,
        None => {
            // A follow-up: the previous plan with what this turn changes.
            let Some(prev) = prev else {
                // "Show me the top 5 for last month" opening a conversation: a ranking
                // that does not say of what, nor by which measure.
                if (draft.limit.is_some() || draft.low_end.is_some()) && !draft.out_of_scope {
                    return Built::Missing {
                        intent: Intent::SalesHistory,
                        what: "what to rank (SKUs, categories, locations or brands) and by what (units or revenue)".into(),
                    };
                }
                return Built::Unsupported;
            };
            // "And if it were 450 instead?" after a what-if: its last change, with this value.
            if let (Plan::NetworkWhatIf { scope, edits }, Some(c)) = (prev, &draft.network_change) {
                let valued = edits
                    .last()
                    .is_some_and(|e| e.scale.is_some() || e.set.is_some() || e.add.is_some());
                if valued && !any_entity && !draft.out_of_scope {
                    let mut edits = edits.clone();
                    if let Some(last) = edits.last_mut() {
                        last.scale = c.scale;
                        last.set = c.set;
                        last.add = c.add;
                    }
                    return Built::Plan(Plan::NetworkWhatIf {
                        scope: scope.clone(),
                        edits,
                    });
                }
            }
            // "And its one-year return?" after a fund figure: the same funds, this figure;
            // "compare the two on …": the last funds the conversation named.
            if let Plan::FundMetric { scope, .. } | Plan::FundCompare { scope, .. } = prev {
                let metrics = &draft.funds.metrics;
                if !metrics.is_empty() && !any_entity && !draft.out_of_scope {
                    let mut scope = scope.clone();
                    if draft.funds.compare && scope.funds.len() < 2 {
                        let n = if draft.text.to_lowercase().contains("three") {
                            3
                        } else {
                            2
                        };
                        if state.recent_funds.len() < n {
                            return Built::Missing {
                                intent: Intent::FundCompare,
                                what: "which funds to compare (name two or more)".into(),
                            };
                        }
                        scope.funds = state.recent_funds[..n].iter().rev().cloned().collect();
                    }
                    return Built::Plan(if metrics.len() == 1 && scope.funds.len() == 1 {
                        Plan::FundMetric {
                            scope,
                            metric: metrics[0].clone(),
                        }
                    } else {
                        Plan::FundCompare {
                            scope,
                            metrics: metrics.clone(),
                            difference: false,
                        }
                    });
                }
            }
            let window_change = fund_window(draft);
            let fund_change = !draft.funds.filters.is_empty()
                || ((draft.funds.count || !draft.funds.categories.is_empty())
                    && matches!(prev, Plan::FundScreen { .. }))
                || !draft.funds.sort.is_empty()
                || draft.funds.limit.is_some()
                || draft.limit.is_some();
            let changes = any_entity
                || period.is_some()
                || draft.sales_measure.is_some()
                || draft.share
                || draft.yoy
                || draft.year_ago
                || draft.narrows
                || window_change.is_some()
                || draft.dates.horizon_days.is_some()
                || draft.ranking.is_some()
                || fund_change
                || draft.low_end.is_some()
                || draft.growth_base.is_some()
                || draft.all_locations
                || ranking_turned
                || draft.service_level.is_some()
                || (draft.stock_measure.is_some() && prev.intent() == Intent::InventoryStatus);
            if draft.out_of_scope || !(draft.followup || changes) || !changes {
                return Built::Unsupported;
            }
            let mut plan = prev.clone();
            apply_followup(&mut plan, draft, &found, window_change);
            // "keep only the ones with …" whose condition was not read: the previous
            // answer again would look like the narrowed one.
            if plan == *prev && ambiguous.is_none() {
                return Built::Missing {
                    intent: plan.intent(),
                    what: "what to change in the previous answer (a filter, sort, limit, \
                           period or scope I can read, e.g. \"only risk level 2 or lower\")"
                        .into(),
                };
            }
            if let Some(m) = ambiguous {
                return Built::Clarify {
                    plan,
                    kind: m.kind,
                    options: m.ids,
                };
            }
            return Built::Plan(plan);
        }
    };

    // A new question. Retail questions without any entity may continue the previous one's context.
    let mut scope = Scope {
        skus: get(Kind::Sku).unwrap_or_default(),
        locations: get(Kind::Location).unwrap_or_default(),
        categories: get(Kind::Category).unwrap_or_default(),
        brands: get(Kind::Brand).unwrap_or_default(),
        suppliers: get(Kind::Supplier).unwrap_or_default(),
        funds: get(Kind::Fund).unwrap_or_default(),
        nodes: get(Kind::Node).unwrap_or_default(),
        period,
        horizon_days: draft.dates.horizon_days,
    };
    let global = draft.all_locations
        || draft.ranking.is_some()
        || matches!(
            draft.sales_measure,
            Some(SalesMeasure::SkusSold | SalesMeasure::SkusNotSold)
        )
        || draft.stock_measure == Some(StockMeasure::ZeroOnHand);
    if let Some(p) = prev {
        let ps = p.scope();
        if is_retail(intent)
            && is_retail(p.intent())
            && !any_entity
            && !global
            && draft.unknown_product.is_none()
        {
            scope.skus = ps.skus.clone();
            scope.locations = ps.locations.clone();
            scope.categories = ps.categories.clone();
            scope.brands = ps.brands.clone();
            if scope.period.is_none() && intent == p.intent() {
                scope.period = ps.period;
            }
        }
        // "… hair dryers will Guangzhou sell?", "and Shanghai?", then "how many did Shanghai
        // actually sell?": a question that names only a place keeps the conversation's one
        // product, unless it says it is about everything.
        let only_places = found.iter().all(|(k, _)| *k == Kind::Location)
            && !found.is_empty()
            && ambiguous.is_none();
        let lower = draft.text.to_lowercase();
        let everything = [
            "total",
            "all ",
            "overall",
            "altogether",
            "everything",
            "whole",
            "every ",
        ]
        .iter()
        .any(|w| lower.contains(w));
        if is_retail(intent)
            && is_retail(p.intent())
            && only_places
            && !global
            && !everything
            && draft.unknown_product.is_none()
            && ps.skus.len() == 1
            && ps.categories.is_empty()
            && ps.brands.is_empty()
        {
            scope.skus = ps.skus.clone();
        }
        if is_fund(intent)
            && is_fund(p.intent())
            && scope.funds.is_empty()
            && intent != Intent::FundScreen
        {
            scope.funds = ps.funds.clone();
        }
        if intent == Intent::FundCompare
            && p.intent() == Intent::FundMetric
            && !ps.funds.is_empty()
            && draft.linked.of(Kind::Fund).count() == 1
        {
            // "Compare it with fund F0052": the previous fund first.
            let mut funds = ps.funds.clone();
            for f in &scope.funds {
                if !funds.contains(f) {
                    funds.push(f.clone());
                }
            }
            scope.funds = funds;
        }
    }
    // "How many did it sell there?" with nothing to refer to: ask, never answer for everything.
    if is_retail(intent)
        && draft.pronoun
        && !any_entity
        && scope.skus.is_empty()
        && scope.locations.is_empty()
        && scope.categories.is_empty()
        && scope.brands.is_empty()
        && !global
    {
        return Built::Missing {
            intent,
            what: "which product and location you mean".into(),
        };
    }
    // "Top 5 by revenue" without saying of what: ask, never answer a total instead.
    if intent == Intent::SalesHistory
        && (draft.limit.is_some() || draft.low_end.is_some())
        && draft.ranking.is_none()
    {
        return Built::Missing {
            intent,
            what: "what to rank: SKUs, categories, locations or brands".into(),
        };
    }
    if let Some(what) = list_without_a_way(draft, intent) {
        return Built::Missing { intent, what };
    }
    let f = &draft.funds;
    let plan = match intent {
        Intent::SalesHistory => {
            let pairs = [
                &scope.skus,
                &scope.locations,
                &scope.categories,
                &scope.brands,
            ]
            .iter()
            .any(|v| v.len() >= 2);
            Plan::SalesHistory {
                measure: draft.sales_measure.unwrap_or(SalesMeasure::Units),
                ranking: draft.ranking.clone(),
                yoy: draft.yoy,
                growth_from: draft.growth_from,
                difference: draft.difference && pairs,
                share: draft.share && !draft.yoy,
                split: draft.versus && pairs && !draft.difference,
                share_of_place: draft.share_of_place && !draft.yoy,
                scope,
            }
        }
        Intent::InventoryStatus => {
            scope.period = None;
            Plan::InventoryStatus {
                scope,
                measure: draft.stock_measure.unwrap_or(StockMeasure::OnHand),
                count: draft.count,
                ranking: draft.ranking.clone(),
            }
        }
        Intent::Forecast => Plan::Forecast { scope },
        Intent::StockoutRisk => Plan::StockoutRisk { scope },
        Intent::Replenishment => Plan::Replenishment { scope },
        Intent::InventoryPolicy => Plan::InventoryPolicy {
            scope,
            measure: draft.policy_measure.unwrap_or(PolicyMeasure::SafetyStock),
            service_level: draft.service_level,
        },
        Intent::ExcessStock => Plan::ExcessStock {
            scope,
            min_days_of_cover: draft.min_days,
        },
        Intent::ForecastAccuracy => Plan::ForecastAccuracy { scope },
        Intent::NetworkOptimize => Plan::NetworkOptimize {
            scope: Scope {
                period: None,
                ..scope
            },
        },
        Intent::NetworkWhatIf => {
            let mut edits = Vec::new();
            // "And if we also close South Packing?": on top of the previous what-if.
            if let Some(Plan::NetworkWhatIf { edits: pe, .. }) = prev {
                if draft.also {
                    edits.extend(pe.iter().cloned());
                }
            }
            if draft.network_edits.is_empty() {
                return Built::Missing { intent, what: "what should change in the network (a demand, a capacity, a lane cost, a facility to open or close, …)".into() };
            }
            edits.extend(draft.network_edits.iter().cloned());
            Plan::NetworkWhatIf {
                scope: Scope {
                    period: None,
                    ..scope
                },
                edits,
            }
        }
        Intent::FundScreen => {
            if let Some(cond) = &f.unresolved {
                return Built::Missing { intent, what: format!("which figure \"{cond}\" applies to (for example the 1-year return or the 3-year volatility)") };
            }
            let mut filters = f.filters.clone();
            let mut sort = f.sort.clone();
            let mut limit = f.limit;
            let mut cats = f.categories.clone();
            let mut managers = f.managers.clone();
            // "Golden Crane funds": the company all the funds of that name belong to.
            let mut companies = Vec::new();
            if !f.family.is_empty() {
                let mut of: Vec<&String> = f
                    .family
                    .iter()
                    .filter_map(|id| ctx.fund_companies.get(id))
                    .collect();
                of.sort();
                of.dedup();
                match of.as_slice() {
                    [c] if f.family.iter().all(|id| ctx.fund_companies.contains_key(id)) => {
                        companies.push((*c).clone())
                    }
                    _ => {
                        return Built::Missing {
                            intent,
                            what: "which fund company you mean (the name fits funds of several companies, or funds without one)".into(),
                        }
                    }
                }
            }
            // "Only the ones with AUM above 1000 million", "sort them by …": refine the previous screen.
            if let Some(Plan::FundScreen {
                fund_categories,
                filters: pf,
                sort: ps,
                limit: pl,
                managers: pm,
                companies: pc,
                ..
            }) = prev
            {
                // "Now the same for equity funds", "only the index ones": the previous
                // screen with this category.
                let lower = draft.text.to_lowercase();
                let same_or_only = lower.contains("same")
                    || lower.contains("likewise")
                    || draft.narrows
                    || draft
                        .tokens
                        .first()
                        .is_some_and(|t| matches!(t.text.as_str(), "only" | "just"));
                let refine = !f.new_list
                    && ((cats.is_empty() && companies.is_empty() && managers.is_empty())
                        || same_or_only);
                if refine {
                    let mut all = pf.clone();
                    all.extend(filters);
                    filters = all;
                    if sort.is_empty() {
                        sort = ps.clone();
                    }
                    if limit.is_none() {
                        limit = *pl;
                    }
                    if cats.is_empty() {
                        cats = fund_categories.clone();
                    }
                    if managers.is_empty() {
                        managers = pm.clone();
                    }
                    if companies.is_empty() {
                        companies = pc.clone();
                    }
                }
            }
            // A screen with nothing to screen by, when the question did not ask for every
            // fund: something it named was not read ("Phoenix Rise's bond funds").
            let lower = draft.text.to_lowercase();
            let everything = lower.contains("all");
            // "Sort by 5-year Sharpe" with no screen before it: of which funds?
            let of_what = lower.contains("fund")
                || everything
                || lower.contains("基金")
                || lower.contains("صناديق");
            if cats.is_empty()
                && filters.is_empty()
                && (sort.is_empty() || !of_what)
                && (limit.is_none() || !of_what)
                && companies.is_empty()
                && managers.is_empty()
                && !f.count
                && f.average.is_none()
                && !everything
            {
                return Built::Missing {
                    intent,
                    what: "which funds to list (a category, a fund company, a manager or a condition such as \"fees under 1%\")".into(),
                };
            }
            Plan::FundScreen {
                scope: Scope {
                    period: None,
                    ..scope
                },
                fund_categories: cats,
                risk_levels: Vec::new(),
                filters,
                name_contains: Vec::new(),
                managers,
                companies,
                count: f.count,
                average: f.average.clone(),
                sort,
                limit,
            }
        }
        Intent::FundMetric => {
            let metric = match f.metrics.first() {
                Some(m) => m.clone(),
                None => match prev {
                    Some(Plan::FundMetric { metric, .. }) => metric.clone(),
                    _ => return Built::Missing { intent, what: "which figure of the fund (a return, volatility, Sharpe ratio, drawdown, fee, AUM, …)".into() },
                },
            };
            Plan::FundMetric {
                scope: Scope {
                    period: None,
                    ..scope
                },
                metric,
            }
        }
        Intent::FundCompare => {
            let mut metrics = f.metrics.clone();
            if metrics.is_empty() {
                if let Some(Plan::FundMetric { metric, .. }) = prev {
                    metrics.push(metric.clone());
                }
            }
            Plan::FundCompare {
                scope: Scope {
                    period: None,
                    ..scope
                },
                metrics,
                difference: f.difference,
            }
        }
        Intent::Calculate => Plan::Calculate {
            scope,
            expression: String::new(),
        },
    };
    if let Some(m) = ambiguous {
        // In a screen, a partial fund name is not a reference to resolve; in a what-if,
        // "all three packing centres" has already been read as every facility.
        let read_as_all = intent == Intent::NetworkWhatIf
            && m.kind == Kind::Node
            && !draft.network_edits.is_empty();
        if !(intent == Intent::FundScreen && m.kind == Kind::Fund) && !read_as_all {
            return Built::Clarify {
                plan,
                kind: m.kind,
                options: m.ids,
            };
        }
    }
    Built::Plan(plan)
}

/// "Which SKUs in Beijing sold …?", "Order our warehouses …": a question whose answer is
/// a list of entities, read as neither a ranking nor a list the engines compute (SKUs
/// with or without sales, SKUs with nothing on hand). A single total would answer a
/// different question: ask instead.
fn list_without_a_way(draft: &Draft, intent: Intent) -> Option<String> {
    let group = draft.list_of?;
    let listed = match intent {
        Intent::SalesHistory => {
            draft.ranking.is_some()
                || matches!(
                    draft.sales_measure,
                    Some(SalesMeasure::SkusSold | SalesMeasure::SkusNotSold)
                )
                || draft.versus
                || draft.difference
                || draft.share
                || draft.count
                || draft.yoy
        }
        Intent::InventoryStatus => {
            draft.ranking.is_some()
                || draft.count
                || matches!(
                    draft.stock_measure,
                    Some(StockMeasure::ZeroOnHand | StockMeasure::DaysOfCover)
                )
        }
        _ => true,
    };
    let noun = match group {
        GroupBy::Sku => "SKUs",
        GroupBy::Location => "locations",
        GroupBy::Category => "categories",
        GroupBy::Brand => "brands",
    };
    (!listed).then(|| {
        format!("how to pick the {noun}: I can rank them by units, revenue or stock (\"top 5 {noun} by revenue\"), or list the SKUs with no sales or with nothing on hand")
    })
}

/// "And over 5 years?": a window without a metric.
fn fund_window(draft: &Draft) -> Option<u32> {
    let w: Vec<&str> = draft.tokens.iter().map(|t| t.text.as_str()).collect();
    for (i, x) in w.iter().enumerate() {
        let k = match *x {
            "1" | "one" => 1,
            "3" | "three" => 3,
            "5" | "five" => 5,
            _ => match x.split_once('-') {
                Some(("1" | "one", u)) if u.starts_with("year") => 1,
                Some(("3" | "three", u)) if u.starts_with("year") => 3,
                Some(("5" | "five", u)) if u.starts_with("year") => 5,
                _ => continue,
            },
        };
        if x.contains('-') || w.get(i + 1).is_some_and(|u| u.starts_with("year")) {
            return Some(k);
        }
    }
    // "and over 5?", "what about 1?": a window said as a bare number.
    let rest: Vec<&&str> = w
        .iter()
        .filter(|x| {
            !matches!(
                **x,
                "and" | "over" | "for" | "the" | "what" | "about" | "how" | "then" | "now"
            )
        })
        .collect();
    if let [x] = rest.as_slice() {
        match **x {
            "1" | "one" => return Some(1),
            "3" | "three" => return Some(3),
            "5" | "five" => return Some(5),
            _ => {}
        }
    }
    // 近三年呢？ / وماذا عن خمس سنوات؟
    let lower = draft.text.to_lowercase();
    [
        ("近一年", 1),
        ("近1年", 1),
        ("近三年", 3),
        ("近3年", 3),
        ("近五年", 5),
        ("近5年", 5),
        ("سنة واحدة", 1),
        ("ثلاث سنوات", 3),
        ("3 سنوات", 3),
        ("خمس سنوات", 5),
        ("5 سنوات", 5),
    ]
    .iter()
    .find(|(m, _)| lower.contains(m))
    .map(|(_, k)| *k)
}

/// "sharpe_3y" over 5 years is "sharpe_5y"; a figure without a window stays as it is.
fn set_window(metric: &mut String, k: u32) {
    if let Some((base, w)) = metric.rsplit_once('_') {
        if w.strip_suffix('y')
            .is_some_and(|n| n.parse::<u32>().is_ok())
        {
            *metric = format!("{base}_{k}y");
        }
    }
}

fn apply_followup(
    plan: &mut Plan,
    draft: &Draft,
    found: &[(Kind, Vec<String>)],
    window: Option<u32>,
) {
    let previous_period = plan.scope().period;
    {
        let scope = plan.scope_mut();
        for (kind, ids) in found {
            match kind {
                // A product replaces a category or brand focus, and the other way round.
                Kind::Sku => {
                    scope.skus = ids.clone();
                    scope.categories.clear();
                    scope.brands.clear();
                }
                Kind::Location => scope.locations = ids.clone(),
                Kind::Category => {
                    scope.categories = ids.clone();
                    scope.skus.clear();
                }
                Kind::Brand => {
                    scope.brands = ids.clone();
                    scope.skus.clear();
                }
                Kind::Supplier => scope.suppliers = ids.clone(),
                Kind::Fund => scope.funds = ids.clone(),
                Kind::Node => scope.nodes = ids.clone(),
                Kind::Product => {}
            }
        }
        if let Some(p) = draft.dates.periods.first() {
            scope.period = Some(*p);
        }
        // "And the same month last year?"
        if draft.year_ago {
            if let Some(p) = previous_period {
                scope.period = Some(p.year_before());
            }
        }
        if draft.all_locations {
            scope.locations.clear();
        }
        if let Some(h) = draft.dates.horizon_days {
            scope.horizon_days = Some(h);
        }
    }
    match plan {
        Plan::SalesHistory {
            measure,
            ranking,
            share,
            yoy,
            share_of_place,
            growth_from,
            ..
        } => {
            // "as a share of everything Guangzhou sold?" after revenue: still revenue
            // (only a measure said changes it, not the default).
            if let Some(m) = draft.sales_measure.filter(|_| draft.measure_said) {
                *measure = m;
            }
            // A new period or a year-ago comparison replaces a growth between two periods.
            if draft.growth_from.is_some() {
                *growth_from = draft.growth_from;
            } else if !draft.dates.periods.is_empty() || draft.year_ago || draft.yoy {
                *growth_from = None;
            }
            // "… compare with May last year, as growth?": the period shown over that one.
            if let (Some(base), Some(p)) = (draft.growth_base, previous_period) {
                if base == p.year_before() {
                    *yoy = true;
                } else if base != p {
                    *growth_from = Some(base);
                }
            }
            // "YoY?"
            *yoy = *yoy || draft.yoy;
            // "as a share of the total?"
            *share = *share || draft.share;
            if draft.share {
                *share_of_place = draft.share_of_place;
            }
            if let Some(r) = &draft.ranking {
                *ranking = Some(r.clone());
            }
            if let (Some(r), Some(n)) = (ranking.as_mut(), draft.limit) {
                r.top = Some(n);
            }
            // "what about the bottom 3?" after a top 5: the other end of the same ranking.
            if let (Some(r), Some(n)) = (ranking.as_mut(), draft.low_end) {
                r.top = Some(n);
                r.ascending = true;
            }
            // "And which sold the least?" after "which sold the most?".
            if let Some(r) = ranking
                .as_mut()
                .filter(|_| draft.least && draft.ranking.is_none())
            {
                r.ascending = true;
            }
            // "Rank all four by revenue instead": every entry of the same ranking.
            if let Some(r) = ranking.as_mut().filter(|_| draft.rank_again) {
                r.top = None;
                r.ascending = draft.least;
            }
        }
        Plan::FundScreen {
            filters,
            sort,
            limit,
            fund_categories,
            count,
            ..
        } => {
            // "How many is that?", "how many are there?"
            *count = *count || draft.funds.count;
            // "Only the index ones."
            if !draft.funds.categories.is_empty() {
                *fund_categories = draft.funds.categories.clone();
            }
            filters.extend(draft.funds.filters.iter().cloned());
            if !draft.funds.sort.is_empty() {
                *sort = draft.funds.sort.clone();
            }
            if let Some(n) = draft.funds.limit.or(draft.limit) {
                *limit = Some(n);
            }
        }
        Plan::InventoryPolicy {
            service_level,
            measure,
            ..
        } => {
            if draft.service_level.is_some() {
                *service_level = draft.service_level;
            }
            if let Some(m) = draft.policy_measure {
                *measure = m;
            }
        }
        Plan::InventoryStatus {
            measure,
            count,
            ranking,
            ..
        } => {
            if draft.ranking.is_some() {
                *ranking = draft.ranking.clone();
            }
            if let Some(m) = draft.stock_measure {
                *measure = m;
            }
            *count = *count || draft.count;
        }
        Plan::ExcessStock {
            min_days_of_cover, ..
        } => {
            if draft.min_days.is_some() {
                *min_days_of_cover = draft.min_days;
            }
        }
        // "And over 5 years?": each windowed figure over the new window.
        Plan::FundCompare { metrics, .. } => {
            if let Some(k) = window {
                metrics.iter_mut().for_each(|m| set_window(m, k));
            }
        }
        Plan::FundMetric { metric, .. } => {
            if let Some(k) = window {
                set_window(metric, k);
            }
        }
        _ => {}
    }
}

/// The option of an open clarifying question that this turn's words pick, if exactly one fits best.
fn pick_option(draft: &Draft, ctx: &Context<'_>, kind: &str, options: &[String]) -> Option<String> {
    // An id named outright.
    for m in &draft.linked.mentions {
        if m.ids.len() == 1 && options.contains(&m.ids[0]) {
            return Some(m.ids[0].clone());
        }
    }
    const FILLER: &[&str] = &[
        "the", "one", "i", "mean", "class", "share", "that", "this", "it", "please", "yes", "an",
        "of", "for",
    ];
    let words: Vec<&str> = draft
        .tokens
        .iter()
        .map(|t| t.text.as_str())
        .filter(|w| !FILLER.contains(w))
        .collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let name_of = |id: &str| -> String {
        match kind {
            "product" => ctx.items.get(id).map(|i| format!("{} {}", i.name, i.brand)),
            "fund" => ctx.fund_names.get(id).cloned(),
            "location" => ctx.location_names.get(id).cloned(),
            _ => None,
        }
        .unwrap_or_else(|| id.to_string())
        .to_lowercase()
    };
    let scored: Vec<(usize, &String)> = options
        .iter()
        .map(|id| {
            let name = name_of(id);
            let name_words: Vec<String> = abacus_nlu::text::tokenize(&name)
                .into_iter()
                .map(|t| t.text)
                .collect();
            (
                words
                    .iter()
                    .filter(|w| {
                        name_words
                            .iter()
                            .any(|n| abacus_nlu::text::word_matches(w, n))
                    })
                    .count(),
                id,
            )
        })
        .collect();
    let best = scored.iter().map(|(s, _)| *s).max()?;
    let top: Vec<&&String> = scored
        .iter()
        .filter(|(s, _)| *s == best)
        .map(|(_, id)| id)
        .collect();
    (best > 0 && top.len() == 1 && best * 2 >= words.len()).then(|| (*top[0]).clone())
}
