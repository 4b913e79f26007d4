//! The assistant: a question in, an exact answer out. Understands the question
//! (rule parser over a lexicon of the loaded data), combines it with the
//! conversation, validates the typed Plan against the catalog, runs the engines
//! and renders the answer with the table behind it. No figure in an answer comes
//! from anywhere but an engine's result.

pub mod answer;
pub mod cascade;
mod context;
pub mod control;
pub mod demand;
pub mod dialogue;
mod entities;
mod exemplars;
pub mod funds;
mod future;
pub mod network;
mod retail;

use abacus_nlu::lexicon::Kind;
use abacus_nlu::normalize::normalize;
use abacus_nlu::plan::{Intent, Plan};
use abacus_nlu::understand::{understand, Draft};
use abacus_store::Dataset;

pub use answer::{Answer, Status, Table};
pub use cascade::{Cascade, Models, Policy};
use context::Context;
pub use dialogue::State;

/// Longest question accepted, in characters.
pub const MAX_QUESTION_CHARS: usize = 4000;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] abacus_store::Error),
    #[error(transparent)]
    Funds(#[from] abacus_funds::Error),
    #[error(transparent)]
    Network(#[from] abacus_network::Error),
    #[error(transparent)]
    Forecast(#[from] abacus_forecast::Error),
    #[error(transparent)]
    Inventory(#[from] abacus_inventory::Error),
    /// A plan that cannot run as built.
    #[error("{0}")]
    Plan(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An assistant over one loaded dataset.
pub struct Assistant<'a> {
    ctx: Context<'a>,
    /// How the last question was read (for `--explain`).
    explain: std::cell::RefCell<Option<String>>,
    /// Options of the clarifying question this turn asks, for the next turn.
    pending: std::cell::RefCell<Option<(String, Vec<String>)>>,
    funds: std::cell::OnceCell<Result<abacus_funds::FundTable, String>>,
    /// The model stages (loaded on first use, shared by every assistant of the process).
    models: std::sync::Arc<Models>,
    policy: Policy,
}

impl<'a> Assistant<'a> {
    /// An assistant using this process's models ([`Models::global`]) and the cascade
    /// policy of the environment ([`Policy::from_env`]).
    pub fn new(ds: &'a Dataset) -> Result<Assistant<'a>> {
        Assistant::with_models(ds, Models::global(), Policy::from_env())
    }

    /// An assistant with given models (held once per process by a server) and policy.
    pub fn with_models(
        ds: &'a Dataset,
        models: std::sync::Arc<Models>,
        policy: Policy,
    ) -> Result<Assistant<'a>> {
        Ok(Assistant {
            ctx: Context::new(ds)?,
            explain: std::cell::RefCell::new(None),
            pending: std::cell::RefCell::new(None),
            funds: std::cell::OnceCell::new(),
            models,
            policy,
        })
    }

    fn fund_table(&self) -> Result<&abacus_funds::FundTable> {
        self.funds
            .get_or_init(|| {
                funds::fund_table(self.ctx.ds, abacus_funds::Config::default())
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| Error::Plan(e.clone()))
    }

    /// Answers one question in a conversation. The state changes only when the
    /// turn is answered or asks back.
    pub fn ask(&self, question: &str, state: &mut State) -> Answer {
        let mut answer = self.answer(question, state);
        if matches!(answer.status, Status::Answered | Status::Clarify) {
            if let Some(plan) = &answer.plan {
                let before = state.last.as_ref().and_then(|p| p.scope().period);
                state.year_earlier_of = before.filter(|b| {
                    plan.scope().period == Some(b.year_before())
                        && matches!(plan, Plan::SalesHistory { yoy: false, .. })
                });
                for f in plan.scope().funds.iter().rev() {
                    state.recent_funds.retain(|x| x != f);
                    state.recent_funds.insert(0, f.clone());
                }
                state.recent_funds.truncate(5);
                state.last = Some(plan.clone());
            }
            state.pending = self.pending.borrow_mut().take();
            if answer.status == Status::Answered {
                state.last_value = answer.value;
            }
            state.turns += 1;
        }
        if answer.status == Status::Unsupported {
            answer.intent = None;
        }
        answer.explain = self.explain.borrow_mut().take();
        answer
    }

    fn answer(&self, question: &str, state: &State) -> Answer {
        if question.trim().is_empty() {
            return Answer::error(None, "The question is empty. Ask about sales, inventory, forecasts, the network, funds or a calculation.".into());
        }
        if question.chars().count() > MAX_QUESTION_CHARS {
            return Answer::error(None, format!("The question is longer than {MAX_QUESTION_CHARS} characters; please shorten it."));
        }
        let text = normalize(question);
        let draft = understand(&text, &self.ctx.lexicon, self.ctx.as_of);
        *self.explain.borrow_mut() = Some(explain(&draft));
        if draft.text.trim().is_empty() {
            return Answer::unsupported(format!(
                "I can only answer questions about the loaded data. {}",
                answer::CAPABILITIES
            ));
        }
        if let Some(bad) = &draft.dates.invalid {
            return Answer::error(
                draft.intent,
                format!("{bad} is not a date that exists; write dates as YYYY-MM-DD."),
            );
        }
        if let Some(a) = calculate(&draft.text, state) {
            // A calculator complaint about a question that reads as something else
            // ("and over 5 years?" after a fund metric) is not an answer.
            let other_reading = draft.intent.is_some()
                || (draft.followup
                    && state
                        .last
                        .as_ref()
                        .is_some_and(|p| p.intent() != Intent::Calculate));
            if a.status == Status::Answered || !other_reading {
                return a;
            }
        }
        if let Some(what) = &draft.unsupported_condition {
            return Answer::error(draft.intent, format!("I cannot yet compute a figure with {what}; ask without that condition, or for the parts separately."));
        }
        // Words the lexicon left over that still name a product or fund: linked by
        // embeddings, or asked about; never answered for the broader scope.
        let draft = match self.link_residual(&draft, state, false) {
            entities::Linking::Nothing => draft,
            entities::Linking::Linked(d) => *d,
            entities::Linking::Ask(a) => {
                if let Some(e) = self.explain.borrow_mut().as_mut() {
                    e.push_str("; asked back");
                }
                return a;
            }
        };
        if let Some(mut a) = self.unknown_reference(&draft) {
            // "and SKU-99999?": the question continues the previous one's intent.
            if a.intent.is_none() && draft.followup {
                a.intent = state.last.as_ref().map(Plan::intent);
            }
            return a;
        }
        let mut built = dialogue::build(&draft, state, &self.ctx);
        let mut by_model: Option<cascade::Reading> = None;
        if matches!(built, dialogue::Built::Unsupported) && self.models_may_help(&draft) {
            let mut reading = self.model_stages(&draft);
            let note = reading.explain.clone();
            if let Some(e) = self.explain.borrow_mut().as_mut() {
                e.push_str("; ");
                e.push_str(&note);
            }
            if let Some(d) = reading.draft.as_mut() {
                // The model named the intent; leftover words may still name a product.
                if d.intent.is_some() {
                    match self.link_residual(d, state, true) {
                        entities::Linking::Nothing => {}
                        entities::Linking::Linked(l) => *d = *l,
                        entities::Linking::Ask(a) => return a,
                    }
                }
                built = dialogue::build(d, state, &self.ctx);
            }
            if reading.draft.is_some() {
                by_model = Some(reading);
            }
        } else if self.policy.cascade == Cascade::Rules {
            if let Some(e) = self.explain.borrow_mut().as_mut() {
                e.push_str("; model stages off (ABACUS_CASCADE=rules)");
            }
        }
        if let Some(reading) = &by_model {
            // A model's reading is answered only when it builds into a complete plan
            // that runs; anything else asks back instead of guessing.
            let plan = match built {
                dialogue::Built::Plan(p) => p,
                _ => return self.model_clarify(reading, "the plan it gives is incomplete"),
            };
            return match self.execute(plan.clone()) {
                Ok(a) if a.status == Status::Answered => a,
                Ok(a) => self.model_clarify(reading, &a.answer),
                Err(e) => self.model_clarify(reading, &e.to_string()),
            };
        }
        let plan = match built {
            dialogue::Built::Plan(p) => p,
            dialogue::Built::Clarify {
                plan,
                kind,
                options,
            } => {
                let listed: Vec<String> =
                    options.iter().map(|id| self.ctx.label(kind, id)).collect();
                *self.pending.borrow_mut() = Some((kind.noun().to_string(), options.clone()));
                let text = format!(
                    "Which {} do you mean: {}?",
                    kind.noun(),
                    listed.join(", or ")
                );
                return Answer::clarify(Some(plan.intent()), Some(plan), text);
            }
            dialogue::Built::Missing { intent, what } => {
                return Answer::clarify(Some(intent), None, format!("Please say {what}."));
            }
            dialogue::Built::Unsupported => {
                return Answer::unsupported(format!(
                    "That is outside what I can answer. {}",
                    answer::CAPABILITIES
                ));
            }
        };
        match self.execute(plan.clone()) {
            Ok(a) => a,
            Err(e) => Answer::error(Some(plan.intent()), e.to_string()),
        }
    }
}

/// How the rule stage read a question, in words.
fn explain(d: &Draft) -> String {
    let mentions: Vec<String> = d
        .linked
        .mentions
        .iter()
        .map(|m| format!("{} {}", m.kind.noun(), m.ids.join("|")))
        .collect();
    let periods: Vec<String> = d
        .dates
        .periods
        .iter()
        .map(|p| format!("{}..{}", p.start, p.end))
        .collect();
    let mut parts = vec![
        "stage: rule-based parser over the dataset's lexicon".to_string(),
        format!(
            "intent words: {}",
            d.intent
                .map_or("none (follow-up or out of scope)", |i| i.name())
        ),
        format!(
            "entities: {}",
            if mentions.is_empty() {
                "none".into()
            } else {
                mentions.join(", ")
            }
        ),
        format!(
            "periods: {}",
            if periods.is_empty() {
                "none".into()
            } else {
                periods.join(", ")
            }
        ),
    ];
    if let Some(h) = d.dates.horizon_days {
        parts.push(format!("horizon: {h} days"));
    }
    if !d.network_edits.is_empty() {
        parts.push(format!(
            "network edits: {}",
            serde_json::to_string(&d.network_edits).unwrap_or_default()
        ));
    }
    if d.hostile {
        parts.push("ignored: a sentence that instructed the assistant or asked for something it does not reveal".into());
    }
    parts.join("; ")
}

/// "Subtract 24 and divide by eight", "then double it": steps said as commands, applied in
/// order to the previous result ("that"), as one expression; `None` unless every step reads.
fn imperative_chain(text: &str) -> Option<String> {
    let lower = text.trim().trim_end_matches(['?', '.', '!']).to_lowercase();
    let mut expr = "that".to_string();
    let mut steps = 0;
    for step in lower
        .split(|c| c == ',' || c == ';')
        .flat_map(|s| s.split(" and then "))
        .flat_map(|s| s.split(" then "))
        .flat_map(|s| s.split(" and "))
    {
        let step = step.trim().trim_start_matches("then ").trim();
        if step.is_empty() {
            continue;
        }
        let arg = |prefixes: &[&str]| {
            prefixes.iter().find_map(|p| {
                step.strip_prefix(p)
                    .map(str::trim)
                    .filter(|a| !a.is_empty() && a.split_whitespace().count() <= 3)
            })
        };
        let (op, x) = if let Some(x) = arg(&["subtract ", "take away ", "minus ", "deduct "]) {
            ("-", x.trim_end_matches(" from it").to_string())
        } else if let Some(x) = arg(&["add ", "plus "]) {
            ("+", x.trim_end_matches(" to it").to_string())
        } else if let Some(x) = arg(&[
            "multiply it by ",
            "multiply by ",
            "multiply that by ",
            "times ",
        ]) {
            ("*", x.to_string())
        } else if let Some(x) = arg(&[
            "divide it by ",
            "divide by ",
            "divide that by ",
            "divided by ",
        ]) {
            ("/", x.to_string())
        } else if matches!(step, "double it" | "double that" | "double") {
            ("*", "2".to_string())
        } else if matches!(step, "halve it" | "halve that" | "halve") {
            ("/", "2".to_string())
        } else {
            return None;
        };
        expr = format!("({expr} {op} {x})");
        steps += 1;
    }
    (steps >= 1).then_some(expr)
}

/// Exact arithmetic, when the question is a calculation (possibly on the previous answer).
fn calculate(text: &str, state: &State) -> Option<Answer> {
    let previous = state.last_value.and_then(abacus_calc::Number::from_f64);
    // Politeness around a calculation is not part of it.
    let mut cleaned = text.to_string();
    for filler in [
        "work out",
        "figure out",
        "for me",
        "can you",
        "could you",
        "would you",
        "please",
        "tell me",
        "i need",
        "quickly",
    ] {
        let lower = cleaned.to_lowercase();
        if let Some(pos) = lower.find(filler) {
            cleaned.replace_range(pos..pos + filler.len(), "");
        }
    }
    // "15% of 8640, plus 120": a comma between words is a pause, not a number's separator.
    let cleaned: String = {
        let chars: Vec<char> = cleaned.chars().collect();
        chars
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                **c != ','
                    || (i.checked_sub(1).is_some_and(|j| chars[j].is_ascii_digit())
                        && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()))
            })
            .map(|(_, c)| *c)
            .collect()
    };
    let text = cleaned.as_str();
    let plan = |expression: String| Plan::Calculate {
        scope: Default::default(),
        expression,
    };
    // After a calculation, "minus 24" continues from its result.
    let after_calc = state
        .last
        .as_ref()
        .is_some_and(|p| p.intent() == Intent::Calculate)
        && previous.is_some();
    let starts_with_op = [
        "minus",
        "plus",
        "times",
        "divided",
        "multiplied",
        "over",
        "less",
    ]
    .iter()
    .any(|w| text.trim_start().to_lowercase().starts_with(w));
    let text = if let Some(chain) = after_calc.then(|| imperative_chain(text)).flatten() {
        chain
    } else if after_calc && starts_with_op {
        format!("that {text}")
    } else {
        text.to_string()
    };
    let text = text.as_str();
    // "And over 5?" after a fund's 3-year Sharpe asks for another window, not for the
    // figure divided by 5: a leading operator continues only a calculation.
    let names_previous = {
        let lower = text.to_lowercase();
        ["that", "it", "result", "this", "answer"]
            .iter()
            .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
    };
    match abacus_calc::calculate(text, previous.as_ref())? {
        Ok(c) if c.expr.uses_previous() && !after_calc && !names_previous => None,
        Ok(c) => {
            let value = c.value.to_f64();
            let exact = c.value.is_exact() && c.value.is_terminating();
            let mut answer = format!("{c}");
            if !exact {
                answer.push_str(" (irrational or repeating: shown to double precision)");
            }
            Some(Answer::answered(
                plan(c.expr.to_string()),
                answer,
                Some(value),
                None,
            ))
        }
        Err(e) => Some(Answer::error(
            Some(Intent::Calculate),
            format!("I cannot compute that: {e}."),
        )),
    }
}

impl<'a> Assistant<'a> {
    /// A reference that fits nothing: an error naming it and the closest names.
    fn unknown_reference(&self, draft: &Draft) -> Option<Answer> {
        let relevant = |k: Kind| match draft.intent {
            Some(Intent::FundScreen | Intent::FundMetric | Intent::FundCompare) => k == Kind::Fund,
            Some(Intent::NetworkOptimize | Intent::NetworkWhatIf) => k == Kind::Node,
            _ => true,
        };
        if let Some(u) = draft.linked.unknown.iter().find(|u| relevant(u.kind)) {
            let closest = if u.closest.is_empty() {
                String::new()
            } else {
                format!(" The closest are: {}.", u.closest.join(", "))
            };
            let text = match u.kind {
                Kind::Location => format!(
                    "There is no location in {} in this dataset.{closest}",
                    u.text
                ),
                k => format!(
                    "There is no {} {} in this dataset.{closest}",
                    k.noun(),
                    u.text
                ),
            };
            return Some(Answer::error(draft.intent, text));
        }
        if let Some(name) = draft
            .unknown_product
            .as_ref()
            .or(draft.unknown_name.as_ref())
        {
            let (kind, noun) = match draft.intent {
                Some(Intent::NetworkWhatIf | Intent::NetworkOptimize) => {
                    (Kind::Node, "customer, supplier or facility")
                }
                _ => (Kind::Sku, "product"),
            };
            let closest = self.ctx.lexicon.closest_names(kind, name);
            let hint = if closest.is_empty() {
                String::new()
            } else {
                format!(
                    " The closest are: {}.",
                    closest
                        .iter()
                        .map(|s| self.ctx.label(kind, s))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            return Some(Answer::error(
                draft.intent,
                format!("I could not find a {noun} called \"{name}\".{hint}"),
            ));
        }
        None
    }

    fn execute(&self, plan: Plan) -> Result<Answer> {
        let intent = plan.intent();
        let s = &self.ctx.ds.info.summary;
        let missing = |what: &str| {
            Answer::error(Some(intent), format!("This dataset has no {what} data: import a folder with a {what}/ subfolder to ask about it."))
        };
        match intent {
            Intent::SalesHistory
            | Intent::InventoryStatus
            | Intent::Forecast
            | Intent::StockoutRisk
            | Intent::Replenishment
            | Intent::InventoryPolicy
            | Intent::ExcessStock
            | Intent::ForecastAccuracy
                if s.retail.is_none() =>
            {
                return Ok(missing("retail"));
            }
            Intent::NetworkOptimize | Intent::NetworkWhatIf if s.network.is_none() => {
                return Ok(missing("network"))
            }
            Intent::FundScreen | Intent::FundMetric | Intent::FundCompare if s.funds.is_none() => {
                return Ok(missing("funds"))
            }
            _ => {}
        }
        if let Some(h) = plan.scope().horizon_days {
            if !(1..=730).contains(&h) {
                return Ok(Answer::error(
                    Some(intent),
                    format!("A horizon must be from 1 to 730 days; {h} days was asked."),
                ));
            }
        }
        match &plan {
            Plan::SalesHistory { .. } => retail::sales(&self.ctx, plan),
            Plan::InventoryStatus { measure, .. }
                if *measure != abacus_nlu::plan::StockMeasure::DaysOfCover =>
            {
                retail::inventory(&self.ctx, plan)
            }
            Plan::InventoryStatus { .. } => future::days_of_cover(&self.ctx, plan),
            Plan::Forecast { .. } => future::forecast(&self.ctx, plan),
            Plan::InventoryPolicy { .. } => control::policy(&self.ctx, plan),
            Plan::Replenishment { .. } => control::replenishment(&self.ctx, plan),
            Plan::StockoutRisk { .. } => control::stockout(&self.ctx, plan),
            Plan::ExcessStock { .. } => control::excess(&self.ctx, plan),
            Plan::ForecastAccuracy { .. } => future::accuracy(&self.ctx, plan),
            Plan::FundScreen { .. } | Plan::FundMetric { .. } | Plan::FundCompare { .. } => {
                funds::run(self.fund_table()?, plan)
            }
            Plan::NetworkOptimize { .. } | Plan::NetworkWhatIf { .. } => {
                let net = network::engine_network(&self.ctx.ds.network()?)?;
                network::run(&net, plan)
            }
            _ => Ok(Answer::error(
                Some(intent),
                format!(
                    "Answering {} questions is not available in this build yet.",
                    intent.name().replace('_', " ")
                ),
            )),
        }
    }
}
