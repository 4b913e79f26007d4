//! The typed Plan: what a question asks, resolved to catalog ids. Every stage of
//! understanding (rules, embeddings, a language model) produces this and nothing
//! else; it is validated against the catalog before any engine runs.

use serde::{Deserialize, Serialize};

use crate::dates::Period;

/// The entities and time a question is about. An empty list means "all".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    pub skus: Vec<String>,
    pub locations: Vec<String>,
    pub categories: Vec<String>,
    pub suppliers: Vec<String>,
    pub funds: Vec<String>,
    pub nodes: Vec<String>,
    pub brands: Vec<String>,
    pub period: Option<Period>,
    pub horizon_days: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    SalesHistory,
    Forecast,
    InventoryStatus,
    StockoutRisk,
    Replenishment,
    InventoryPolicy,
    ExcessStock,
    ForecastAccuracy,
    NetworkOptimize,
    NetworkWhatIf,
    FundScreen,
    FundMetric,
    FundCompare,
    Calculate,
}

impl Intent {
    pub fn name(self) -> &'static str {
        match self {
            Intent::SalesHistory => "sales_history",
            Intent::Forecast => "forecast",
            Intent::InventoryStatus => "inventory_status",
            Intent::StockoutRisk => "stockout_risk",
            Intent::Replenishment => "replenishment",
            Intent::InventoryPolicy => "inventory_policy",
            Intent::ExcessStock => "excess_stock",
            Intent::ForecastAccuracy => "forecast_accuracy",
            Intent::NetworkOptimize => "network_optimize",
            Intent::NetworkWhatIf => "network_what_if",
            Intent::FundScreen => "fund_screen",
            Intent::FundMetric => "fund_metric",
            Intent::FundCompare => "fund_compare",
            Intent::Calculate => "calculate",
        }
    }
}

/// What is summed or counted over sales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalesMeasure {
    Units,
    Revenue,
    /// Units ÷ calendar days of the period.
    AvgDailyUnits,
    /// Revenue ÷ calendar days of the period.
    AvgDailyRevenue,
    /// SKUs with at least one sale.
    SkusSold,
    /// SKUs with no sale (at a location: those stocked there; else all SKUs).
    SkusNotSold,
}

/// The entity a ranking or breakdown is by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Sku,
    Location,
    Category,
    Brand,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    pub by: GroupBy,
    /// `None`: every group, ranked.
    pub top: Option<usize>,
    /// Lowest first ("bottom 5", "worst").
    pub ascending: bool,
}

/// What is read from the inventory snapshot and purchase orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StockMeasure {
    OnHand,
    OpenOrders,
    Position,
    ValueAtCost,
    ValueAtPrice,
    DaysOfCover,
    /// The SKUs with nothing on hand.
    ZeroOnHand,
    /// "How many SKUs does Chengdu carry": the SKUs with a stock record there (zero included).
    Carried,
}

/// Inventory policy figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyMeasure {
    SafetyStock,
    ReorderPoint,
    Eoq,
    OrderUpTo,
    LeadTimeDemand,
}

/// A comparison operator of a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
}

/// One condition of a fund screen: a field compared with a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundFilter {
    pub field: String,
    pub cmp: Cmp,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SortKey {
    pub field: String,
    /// `None`: the better end first (lower for drawdown, volatility, fees and risk).
    pub descending: Option<bool>,
}

/// A what-if edit of the supply network, in the structured form of the dev sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkEdit {
    pub op: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub destinations: Vec<String>,
}

/// A question, understood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "intent", rename_all = "snake_case")]
pub enum Plan {
    SalesHistory {
        scope: Scope,
        measure: SalesMeasure,
        ranking: Option<Ranking>,
        /// Growth against the same period one year earlier.
        yoy: bool,
        /// Growth against this earlier period instead ("from April to May": the period is
        /// May, this is April); the value is the growth as a fraction.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        growth_from: Option<Period>,
        /// "How many more did A sell than B": the value is A − B.
        #[serde(default)]
        difference: bool,
        /// "What share came from X": the value is X's part of the total without X's restriction.
        #[serde(default)]
        share: bool,
        /// "A vs B": one row per entity, no single value.
        #[serde(default)]
        split: bool,
        /// "What share of X's sales came from Guangzhou": the part is the location, the
        /// whole is X across every location (otherwise the part is the product side).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        share_of_place: bool,
    },
    Forecast {
        scope: Scope,
    },
    InventoryStatus {
        scope: Scope,
        measure: StockMeasure,
        /// "How many SKUs …": the value is a count.
        #[serde(default)]
        count: bool,
        /// "Which 3 SKUs have the most on hand": a ranking of SKUs by the measure.
        #[serde(default)]
        ranking: Option<Ranking>,
    },
    StockoutRisk {
        scope: Scope,
    },
    Replenishment {
        scope: Scope,
    },
    InventoryPolicy {
        scope: Scope,
        measure: PolicyMeasure,
        service_level: Option<f64>,
    },
    ExcessStock {
        scope: Scope,
        min_days_of_cover: Option<f64>,
    },
    ForecastAccuracy {
        scope: Scope,
    },
    NetworkOptimize {
        scope: Scope,
    },
    NetworkWhatIf {
        scope: Scope,
        edits: Vec<NetworkEdit>,
    },
    FundScreen {
        scope: Scope,
        fund_categories: Vec<String>,
        risk_levels: Vec<i64>,
        filters: Vec<FundFilter>,
        name_contains: Vec<String>,
        /// Manager names the fund's manager field must contain.
        #[serde(default)]
        managers: Vec<String>,
        /// Fund companies (exact, case-insensitive) the fund must belong to ("Golden Crane funds").
        #[serde(default)]
        companies: Vec<String>,
        /// "How many funds …": the value is the number that match.
        #[serde(default)]
        count: bool,
        /// "The average 1-year return of bond funds": the value is the mean of this field over the matches.
        #[serde(default)]
        average: Option<String>,
        sort: Vec<SortKey>,
        limit: Option<usize>,
    },
    FundMetric {
        scope: Scope,
        metric: String,
    },
    FundCompare {
        scope: Scope,
        metrics: Vec<String>,
        /// "the difference in X between A and B": the value is A − B of the first metric.
        #[serde(default)]
        difference: bool,
    },
    Calculate {
        scope: Scope,
        expression: String,
    },
}

impl Plan {
    pub fn intent(&self) -> Intent {
        match self {
            Plan::SalesHistory { .. } => Intent::SalesHistory,
            Plan::Forecast { .. } => Intent::Forecast,
            Plan::InventoryStatus { .. } => Intent::InventoryStatus,
            Plan::StockoutRisk { .. } => Intent::StockoutRisk,
            Plan::Replenishment { .. } => Intent::Replenishment,
            Plan::InventoryPolicy { .. } => Intent::InventoryPolicy,
            Plan::ExcessStock { .. } => Intent::ExcessStock,
            Plan::ForecastAccuracy { .. } => Intent::ForecastAccuracy,
            Plan::NetworkOptimize { .. } => Intent::NetworkOptimize,
            Plan::NetworkWhatIf { .. } => Intent::NetworkWhatIf,
            Plan::FundScreen { .. } => Intent::FundScreen,
            Plan::FundMetric { .. } => Intent::FundMetric,
            Plan::FundCompare { .. } => Intent::FundCompare,
            Plan::Calculate { .. } => Intent::Calculate,
        }
    }

    pub fn scope(&self) -> &Scope {
        match self {
            Plan::SalesHistory { scope, .. }
            | Plan::Forecast { scope }
            | Plan::InventoryStatus { scope, .. }
            | Plan::StockoutRisk { scope }
            | Plan::Replenishment { scope }
            | Plan::InventoryPolicy { scope, .. }
            | Plan::ExcessStock { scope, .. }
            | Plan::ForecastAccuracy { scope }
            | Plan::NetworkOptimize { scope }
            | Plan::NetworkWhatIf { scope, .. }
            | Plan::FundScreen { scope, .. }
            | Plan::FundMetric { scope, .. }
            | Plan::FundCompare { scope, .. }
            | Plan::Calculate { scope, .. } => scope,
        }
    }

    pub fn scope_mut(&mut self) -> &mut Scope {
        match self {
            Plan::SalesHistory { scope, .. }
            | Plan::Forecast { scope }
            | Plan::InventoryStatus { scope, .. }
            | Plan::StockoutRisk { scope }
            | Plan::Replenishment { scope }
            | Plan::InventoryPolicy { scope, .. }
            | Plan::ExcessStock { scope, .. }
            | Plan::ForecastAccuracy { scope }
            | Plan::NetworkOptimize { scope }
            | Plan::NetworkWhatIf { scope, .. }
            | Plan::FundScreen { scope, .. }
            | Plan::FundMetric { scope, .. }
            | Plan::FundCompare { scope, .. }
            | Plan::Calculate { scope, .. } => scope,
        }
    }
}
