//! The precomputed fund table: every numeric and text field of every fund, active or not.

use std::collections::BTreeSet;

use abacus_core::Date;
use rayon::prelude::*;

use crate::metric::{Better, Kind, Metric, Unit, Window};
use crate::nav::{nav_stats, NavStats, WindowStats};
use crate::{Error, FundInfo, FundInput, Result, Undefined, Value};

/// Settings of the metric computation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    /// Annual risk-free rate subtracted in Sharpe and Sortino ratios (metrics.md: default 0).
    pub risk_free_rate: f64,
    /// A fund whose NAV ends more than this many days before the as-of date is inactive.
    pub inactive_after_days: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            risk_free_rate: 0.0,
            inactive_after_days: 30,
        }
    }
}

/// Where a numeric field's values come from.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldSource {
    RiskLevel,
    ExpenseRatio,
    Aum,
    Metric(Metric),
    /// An extra numeric column of `funds.csv`.
    Extra(String),
}

/// A numeric field: its name, source, better direction and display unit.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    pub name: String,
    pub source: FieldSource,
    pub better: Better,
    pub unit: Unit,
}

/// A numeric field of one [`FundTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(usize);

/// A text attribute of a fund.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextField {
    Code,
    Name,
    Category,
    Subcategory,
    Manager,
    Company,
    /// An extra text column of `funds.csv`.
    Extra(String),
}

const TEXT_FIELDS: [(&str, TextField); 6] = [
    ("fund_code", TextField::Code),
    ("name", TextField::Name),
    ("category", TextField::Category),
    ("subcategory", TextField::Subcategory),
    ("manager", TextField::Manager),
    ("company", TextField::Company),
];

/// Every fund with every field precomputed; the table screens, comparisons and lookups read.
#[derive(Debug, Clone)]
pub struct FundTable {
    funds: Vec<FundInfo>,
    stats: Vec<Option<NavStats>>,
    as_of: Option<Date>,
    active: Vec<bool>,
    fields: Vec<FieldDef>,
    /// `columns[field][fund]`.
    columns: Vec<Vec<Value>>,
    /// The distinct categories, sorted.
    categories: Vec<String>,
    config: Config,
}

impl FundTable {
    /// Validates every NAV history and computes every metric of every fund (in parallel).
    pub fn build(inputs: Vec<FundInput>, config: Config) -> Result<FundTable> {
        let stats = inputs
            .par_iter()
            .map(|f| f.validate().map(|()| nav_stats(&f.nav)))
            .collect::<Result<Vec<_>>>()?;
        FundTable::from_stats(inputs.into_iter().map(|f| f.info).collect(), stats, config)
    }

    /// Assembles the table from attributes and already computed NAV statistics (`stats[i]` for
    /// `funds[i]`, `None` for a fund without NAV history), e.g. from a cache.
    pub fn from_stats(
        funds: Vec<FundInfo>,
        stats: Vec<Option<NavStats>>,
        config: Config,
    ) -> Result<FundTable> {
        if funds.len() != stats.len() {
            return Err(Error::Cache(format!(
                "{} funds but {} NAV statistics",
                funds.len(),
                stats.len()
            )));
        }
        let mut pairs: Vec<(FundInfo, Option<NavStats>)> = funds.into_iter().zip(stats).collect();
        pairs.sort_by(|a, b| a.0.code.cmp(&b.0.code));
        if let Some(w) = pairs.windows(2).find(|w| w[0].0.code == w[1].0.code) {
            return Err(Error::DuplicateFund(w[0].0.code.clone()));
        }
        let (funds, stats): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
        let as_of = stats.iter().flatten().map(|s| s.last).max();
        let active = stats
            .iter()
            .map(|s| match (s, as_of) {
                (Some(s), Some(a)) => (a - s.last).num_days() <= config.inactive_after_days,
                _ => true,
            })
            .collect();
        let fields = field_defs(&funds);
        let columns = fields
            .iter()
            .map(|f| {
                funds
                    .iter()
                    .zip(&stats)
                    .map(|(info, st)| field_value(f, info, st.as_ref(), &config))
                    .collect()
            })
            .collect();
        let categories = funds.iter().map(|f| &f.category).collect::<BTreeSet<_>>();
        let categories = categories.into_iter().cloned().collect();
        Ok(FundTable {
            funds,
            stats,
            as_of,
            active,
            fields,
            columns,
            categories,
            config,
        })
    }

    pub fn len(&self) -> usize {
        self.funds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.funds.is_empty()
    }

    /// Fund `i`'s attributes (funds are ordered by code).
    pub fn fund(&self, i: usize) -> &FundInfo {
        &self.funds[i]
    }

    pub fn stats(&self, i: usize) -> Option<&NavStats> {
        self.stats[i].as_ref()
    }

    /// The statistics behind fund `i`'s metrics over a window (dates of the start row, drawdown peak and trough).
    pub fn window(&self, i: usize, w: Window) -> Option<&WindowStats> {
        self.stats[i].as_ref()?.window(w)
    }

    /// The funds' as-of date: the latest NAV date over all funds.
    pub fn as_of(&self) -> Option<Date> {
        self.as_of
    }

    /// False for a fund whose NAV ends more than 30 days (configurable) before the as-of date.
    pub fn is_active(&self, i: usize) -> bool {
        self.active[i]
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn fields(&self) -> &[FieldDef] {
        &self.fields
    }

    pub fn field_def(&self, f: FieldId) -> &FieldDef {
        &self.fields[f.0]
    }

    /// A numeric field by name (case-insensitive).
    pub fn field(&self, name: &str) -> Option<FieldId> {
        let name = name.to_ascii_lowercase();
        if let Some(m) = Metric::parse(&name) {
            return self
                .fields
                .iter()
                .position(|f| f.source == FieldSource::Metric(m))
                .map(FieldId);
        }
        self.fields
            .iter()
            .position(|f| f.name.to_ascii_lowercase() == name)
            .map(FieldId)
    }

    /// The field of a metric; `None` for a combination metrics.md does not define (`sharpe_ytd`).
    pub fn metric_field(&self, m: Metric) -> Option<FieldId> {
        let i = self
            .fields
            .iter()
            .position(|f| f.source == FieldSource::Metric(m));
        i.map(FieldId)
    }

    /// A text field by name (case-insensitive), including extra text columns.
    pub fn text_field(&self, name: &str) -> Option<TextField> {
        let lower = name.to_ascii_lowercase();
        if let Some((_, f)) = TEXT_FIELDS.iter().find(|(n, _)| *n == lower) {
            return Some(f.clone());
        }
        let extra = self
            .funds
            .iter()
            .flat_map(|f| f.text.keys())
            .find(|k| k.to_ascii_lowercase() == lower)?;
        Some(TextField::Extra(extra.clone()))
    }

    /// Fund `i`'s value of a numeric field.
    pub fn value(&self, i: usize, f: FieldId) -> Value {
        self.columns[f.0][i]
    }

    /// Fund `i`'s text of a text field, if it has one.
    pub fn text(&self, i: usize, f: &TextField) -> Option<&str> {
        let info = &self.funds[i];
        match f {
            TextField::Code => Some(&info.code),
            TextField::Name => Some(&info.name),
            TextField::Category => Some(&info.category),
            TextField::Subcategory => info.subcategory.as_deref(),
            TextField::Manager => info.manager.as_deref(),
            TextField::Company => info.company.as_deref(),
            TextField::Extra(k) => info.text.get(k).map(String::as_str),
        }
    }

    /// The categories present, sorted.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// A sentence naming every field, for error messages.
    pub fn allowed_fields(&self) -> String {
        let numeric: Vec<&str> = self.fields.iter().map(|f| f.name.as_str()).collect();
        let mut text: Vec<String> = TEXT_FIELDS.iter().map(|(n, _)| (*n).to_string()).collect();
        text.extend(
            self.funds
                .iter()
                .flat_map(|f| f.text.keys().cloned())
                .collect::<BTreeSet<_>>(),
        );
        format!(
            "numeric fields: {}; text fields: {}",
            numeric.join(", "),
            text.join(", ")
        )
    }
}

fn field_defs(funds: &[FundInfo]) -> Vec<FieldDef> {
    let def = |name: &str, source, better, unit| FieldDef {
        name: name.to_string(),
        source,
        better,
        unit,
    };
    let mut out = vec![
        def(
            "risk_level",
            FieldSource::RiskLevel,
            Better::Lower,
            Unit::Integer,
        ),
        def(
            "expense_ratio",
            FieldSource::ExpenseRatio,
            Better::Lower,
            Unit::Fraction,
        ),
        def("aum", FieldSource::Aum, Better::Higher, Unit::Number),
    ];
    out.extend(
        Metric::all()
            .into_iter()
            .map(|m| def(&m.name(), FieldSource::Metric(m), m.better(), m.unit())),
    );
    let reserved = |k: &str| {
        let k = k.to_ascii_lowercase();
        Metric::parse(&k).is_some()
            || out.iter().any(|f| f.name == k)
            || TEXT_FIELDS.iter().any(|(n, _)| *n == k)
    };
    let extras: BTreeSet<&String> = funds
        .iter()
        .flat_map(|f| f.numeric.keys())
        .filter(|k| !reserved(k))
        .collect();
    let extras: Vec<FieldDef> = extras
        .into_iter()
        .map(|k| {
            // "Lower first for fees": any extra column whose name mentions a fee.
            let better = if k.to_ascii_lowercase().contains("fee") {
                Better::Lower
            } else {
                Better::Higher
            };
            def(k, FieldSource::Extra(k.clone()), better, Unit::Number)
        })
        .collect();
    out.extend(extras);
    out
}

fn finite(v: f64) -> Value {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Undefined::NotFinite)
    }
}

fn field_value(f: &FieldDef, info: &FundInfo, stats: Option<&NavStats>, config: &Config) -> Value {
    match &f.source {
        FieldSource::RiskLevel => info.risk_level.map(|r| r as f64).ok_or(Undefined::NoData),
        FieldSource::ExpenseRatio => finite(info.expense_ratio),
        FieldSource::Aum => info.aum.ok_or(Undefined::NoData).and_then(finite),
        FieldSource::Extra(k) => info
            .numeric
            .get(k)
            .copied()
            .ok_or(Undefined::NoData)
            .and_then(finite),
        FieldSource::Metric(m) => match stats {
            Some(st) => metric_value(st, *m, config.risk_free_rate),
            // Without NAV history, a column named like the metric is its value.
            None => info
                .numeric
                .iter()
                .find(|(k, _)| Metric::parse(k) == Some(*m))
                .map(|(_, v)| *v)
                .ok_or(Undefined::NoData)
                .and_then(finite),
        },
    }
}

/// A metric from NAV statistics, as metrics.md defines it.
fn metric_value(st: &NavStats, m: Metric, rf: f64) -> Value {
    let w = st.window(m.window).ok_or(Undefined::NotEnoughHistory)?;
    let annual = w.annual_return.ok_or(Undefined::NotEnoughHistory);
    let ratio = |num: f64, den: Option<f64>, zero: Undefined| match den {
        None => Err(Undefined::NotEnoughHistory),
        Some(0.0) => Err(zero),
        Some(d) => Ok(num / d),
    };
    let v = match m.kind {
        Kind::TotalReturn => w.total_return,
        Kind::Return => annual?,
        Kind::Volatility => w.volatility.ok_or(Undefined::NotEnoughHistory)?,
        Kind::Sharpe => ratio(annual? - rf, w.volatility, Undefined::ZeroVolatility)?,
        Kind::Sortino => ratio(annual? - rf, w.downside, Undefined::ZeroDownside)?,
        Kind::MaxDrawdown => w.max_drawdown,
        Kind::Calmar => ratio(annual?, Some(w.max_drawdown), Undefined::ZeroDrawdown)?,
    };
    finite(v)
}
