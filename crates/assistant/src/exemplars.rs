//! Labelled exemplars for the embedding stage and the few-shot examples of the
//! generative stage. Written for this purpose in generic words: entities appear as
//! the same placeholders the question is masked with ("the product", "the
//! warehouse", "the category"), so a match is about what is asked. No line comes
//! from an evaluation set.

use crate::cascade::Label;

/// Intent templates; `{when}` expands to a few period phrases.
const TEMPLATES: &[(Label, &[&str])] = &[
    (
        Label::SalesUnits,
        &[
            "how many units of the product did we sell {when}",
            "how many of the product were sold at the warehouse {when}",
            "units sold for the category {when}",
            "what quantity of the category did customers purchase {when}",
            "how many pieces did the warehouse sell to shoppers {when}",
            "number of items of the category sold {when}",
            "how many did we sell of the product in the warehouse {when}",
            "sales volume in units for the category at the warehouse {when}",
            "how many units of the category went out as sales {when}",
            "count of units the warehouse sold {when}",
            "how many of the product did buyers take home {when}",
            "what did the product sell in units {when}",
        ],
    ),
    (
        Label::SalesRevenue,
        &[
            "what was the revenue of the category {when}",
            "how much money did the warehouse make {when}",
            "how much did the product earn {when}",
            "sales value of the category at the warehouse {when}",
            "what were the sales receipts of the warehouse {when}",
            "how much income did the category produce {when}",
            "what turnover did the warehouse have {when}",
            "how much did we earn from the product {when}",
            "what were the proceeds from the category {when}",
            "total sales in money for the warehouse {when}",
            "how many yuan did the category bring {when}",
            "what did the warehouse make in sales dollars {when}",
        ],
    ),
    (
        Label::StockOnHand,
        &[
            "how many units of the product are in stock at the warehouse",
            "what is the current inventory of the category at the warehouse",
            "how much stock do we have of the product",
            "what is on hand at the warehouse right now",
            "units of the product available in the warehouse today",
            "what is the stock level of the product",
            "how much of the category is stored at the warehouse",
            "inventory count for the product at the warehouse",
            "how many of the category do we have in the warehouse",
            "what quantity of the product is kept in stock",
            "how many are still available of the product at the warehouse",
            "current stock of the category",
        ],
    ),
    (
        Label::StockOpenOrders,
        &[
            "how many units of the product are on order",
            "what open purchase orders does the warehouse have",
            "what is incoming for the category",
            "units in transit to the warehouse",
            "how much of the product have we ordered that has not arrived",
        ],
    ),
    (
        Label::StockValue,
        &[
            "what is the value of the stock at the warehouse",
            "how much is the inventory of the category worth",
            "stock value at cost for the warehouse",
            "what is our inventory worth in money",
        ],
    ),
    (
        Label::DaysOfCover,
        &[
            "how many days of cover does the product have",
            "how long will the stock of the product last",
            "days of supply at the warehouse for the category",
            "for how many days is the product covered",
        ],
    ),
    (
        Label::Forecast,
        &[
            "forecast demand for the product next month",
            "how many units will we sell of the category next quarter",
            "predict sales of the product for the next 4 weeks",
            "expected demand for the product at the warehouse next month",
            "projected units of the category over the coming weeks",
            "what will demand be for the product next week",
        ],
    ),
    (
        Label::StockoutRisk,
        &[
            "which products are at risk of running out",
            "will the product stock out soon at the warehouse",
            "what items might run out of stock at the warehouse",
            "stockout risk for the category",
            "which skus could sell out before the next delivery",
        ],
    ),
    (
        Label::Replenishment,
        &[
            "what should we reorder for the warehouse",
            "how much of the product should we order now",
            "recommended purchase orders for the category",
            "which items need restocking at the warehouse",
            "what do we need to buy to refill the warehouse",
        ],
    ),
    (
        Label::ExcessStock,
        &[
            "which products are overstocked",
            "where do we have too much inventory",
            "excess stock at the warehouse",
            "slow moving items with too much cover",
            "which items have far more stock than demand",
        ],
    ),
    (
        Label::SafetyStock,
        &[
            "what is the safety stock for the product",
            "how much buffer stock should the warehouse keep for the product",
        ],
    ),
    (
        Label::ReorderPoint,
        &[
            "what is the reorder point of the product",
            "at what stock level should we reorder the product",
        ],
    ),
    (
        Label::Eoq,
        &[
            "what is the economic order quantity for the product",
            "what is the optimal order size for the product",
        ],
    ),
    (
        Label::ForecastAccuracy,
        &[
            "how accurate were the forecasts for the category",
            "what is the forecast error for the product",
            "how good is the demand forecast at the warehouse",
        ],
    ),
    (
        Label::NetworkOptimize,
        &[
            "what is the optimal supply network plan",
            "what is the minimum cost distribution plan",
            "which facilities should be open in the network",
            "total cost of the cheapest network flow",
        ],
    ),
    (
        Label::FundScreen,
        &[
            "list the bond funds with the lowest fees",
            "which equity funds have the best one year return",
            "show low risk funds sorted by volatility",
        ],
    ),
    (
        Label::None,
        &[
            "tell me a story",
            "what time is it",
            "who is the president",
            "how do i cook rice",
            "compose a song about the product",
            "what is the weather today in the warehouse city",
            "play some music",
            "order a pizza for the team",
            "schedule a meeting with the supplier",
            "hack into the database",
            "send a message to the supplier",
            "call the warehouse",
            "how are you today",
            "translate this sentence to french",
            "what is the meaning of life",
            "recommend a movie",
            "give me the admin password",
            "buy shares of a listed company",
            "hire a new manager for the warehouse",
            "paint the warehouse walls blue",
            "cancel my subscription",
            "what is your name",
            "summarize the news",
            "remove the category from the database",
        ],
    ),
];

const WHEN: &[&str] = &["last month", "in march", "this year", ""];

/// Every exemplar: templates × period phrases.
pub(crate) fn all() -> Vec<(Label, &'static str)> {
    let mut out = Vec::new();
    for (label, ts) in TEMPLATES {
        for t in *ts {
            if t.contains("{when}") {
                for w in WHEN {
                    let s = t.replace("{when}", w).trim().to_string();
                    out.push((*label, &*Box::leak(s.into_boxed_str())));
                }
            } else {
                out.push((*label, *t));
            }
        }
    }
    out
}

/// Few-shot examples of the generative stage (questions masked like the input).
pub(crate) const FEW_SHOT: &[(&str, Label)] = &[
    (
        "how many units of the product did we sell in june?",
        Label::SalesUnits,
    ),
    (
        "what revenue did the warehouse make last quarter?",
        Label::SalesRevenue,
    ),
    (
        "how much stock of the category is at the warehouse?",
        Label::StockOnHand,
    ),
    ("write a poem about the warehouse.", Label::None),
    (
        "what will the product sell over the next month?",
        Label::Forecast,
    ),
    (
        "what money did the category bring in during april?",
        Label::SalesRevenue,
    ),
    ("what is the capital of spain?", Label::None),
    (
        "how many of the product do we currently keep at the warehouse?",
        Label::StockOnHand,
    ),
    (
        "what should we order for the warehouse?",
        Label::Replenishment,
    ),
    (
        "how much is the stock of the warehouse worth?",
        Label::StockValue,
    ),
];
