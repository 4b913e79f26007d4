//! Word lists: which words signal which intent, measure or modifier, in English
//! (typo-tolerant), Chinese and Arabic.

use crate::text::word_matches;

/// A normalised question with helpers to look for words and phrases.
pub struct Text<'a> {
    pub lower: &'a str,
    pub words: Vec<&'a str>,
}

impl<'a> Text<'a> {
    /// Any of the single words (typo-tolerant for longer words).
    pub fn word(&self, list: &[&str]) -> bool {
        self.words
            .iter()
            .any(|w| list.iter().any(|l| word_matches(w, l)))
    }

    /// Index of the first word of any phrase (space-separated words, typo-tolerant).
    pub fn find_phrase(&self, list: &[&str]) -> Option<usize> {
        for p in list {
            let parts: Vec<&str> = p.split(' ').collect();
            if parts.len() > self.words.len() {
                continue;
            }
            for i in 0..=self.words.len() - parts.len() {
                if parts
                    .iter()
                    .enumerate()
                    .all(|(k, w)| word_matches(self.words[i + k], w))
                {
                    return Some(i);
                }
            }
        }
        None
    }

    pub fn phrase(&self, list: &[&str]) -> bool {
        self.find_phrase(list).is_some()
    }

    /// Any substring (for Chinese and Arabic, which are not split into words).
    pub fn contains(&self, list: &[&str]) -> bool {
        list.iter().any(|s| self.lower.contains(s))
    }
}

pub const SALES_WORDS: &[&str] = &[
    "sell",
    "sold",
    "sells",
    "selling",
    "sales",
    "revenue",
    "revenues",
    "turnover",
    "gmv",
    "bestseller",
    "bestsellers",
    "best-selling",
    "top-selling",
    "shifted",
];
pub const SALES_ZH_AR: &[&str] = &[
    "卖",
    "销量",
    "销售",
    "营收",
    "收入",
    "باع",
    "مبيعات",
    "إيرادات",
    "بيع",
];
/// Words for the money taken from sales (revenue = units × unit price), in the ways
/// people say it: "takings", "turnover", "sales value", "gross sales", "income".
pub const REVENUE_WORDS: &[&str] = &[
    "revenue", "revenues", "turnover", "gmv", "income", "rev", "takings", "proceeds", "receipts",
];
pub const REVENUE_PHRASES: &[&str] = &[
    "sales value",
    "sales values",
    "sales amount",
    "value of sales",
    "value sold",
    "dollar sales",
    "gross sales",
    "sales in money",
    "money",
];
pub const REVENUE_ZH_AR: &[&str] = &["销售额", "营收", "收入", "إيرادات"];

pub const STOCK_PHRASES: &[&str] = &[
    "on hand",
    "in stock",
    "stock level",
    "stock levels",
    "inventory level",
    "inventory position",
    "stock on hand",
    "open purchase orders",
    "open purchase order",
    "open orders",
    "open order",
    "on order",
    "purchase orders",
    "days of cover",
    "days of supply",
    "stock value",
    "inventory value",
    "value of the inventory",
    "value of inventory",
    "value of stock",
    "have left",
    "in inventory",
    "is sitting",
    "are sitting",
    "sitting in",
    "sitting at",
    "on the shelf",
    "on the shelves",
    "do we hold",
    "are we holding",
];
pub const STOCK_WORDS: &[&str] = &["inventory", "stock", "onhand", "stocked", "inv"];
pub const STOCK_ZH_AR: &[&str] = &[
    "库存",
    "在途",
    "采购订单",
    "未到货",
    "المتوفرة",
    "مخزون",
    "المخزون",
    "أوامر الشراء",
];

pub const FORECAST_WORDS: &[&str] = &[
    "forecast",
    "forecasts",
    "forecasted",
    "predict",
    "predicted",
    "prediction",
    "projected",
    "projection",
    "expect",
    "expected",
    "outlook",
    "forecasting",
];
pub const FORECAST_ZH_AR: &[&str] = &["预测", "预计", "توقع", "التنبؤ"];
pub const ACCURACY_WORDS: &[&str] = &[
    "accurate", "accuracy", "mape", "smape", "mase", "bias", "error", "errors",
];
pub const STOCKOUT_PHRASES: &[&str] = &[
    "run out",
    "runs out",
    "running out",
    "stock out",
    "stocks out",
    "stocking out",
    "stocked out",
    "stock-out",
    "stockout",
    "stockouts",
    "out of stock",
    "sell out",
    "at risk",
    "run dry",
    "runs dry",
    "running dry",
    "go dry",
    "goes dry",
    "run short",
    "runs short",
];
pub const STOCKOUT_ZH_AR: &[&str] = &["断货", "缺货", "نفاد"];
pub const REPLENISH_WORDS: &[&str] = &["reorder", "replenish", "replenishment", "restock"];
pub const REPLENISH_PHRASES: &[&str] = &[
    "should we order",
    "should i order",
    "do we need to order",
    "to order today",
    "order today",
    "need to order",
    "how much to order",
    "what to order",
    "purchase today",
    "buy today",
    "recommended order",
    "recommended orders",
    "should we buy",
    "should we reorder",
    "top up",
    "top-up",
    "stock up",
    "purchase list",
    "order list",
    "buying list",
    "reorder list",
    "needs ordering",
    "needs reordering",
    "need to place an order",
    "put on order",
    "place on order",
    "should i put on order",
    "should we place an order",
    "place an order for",
    "put in an order",
    "raise a po",
    "raise a purchase order",
    "need to reorder",
    "time to reorder",
    "need replenishing",
    "needs replenishing",
];
pub const REPLENISH_ZH_AR: &[&str] = &["补货", "订货", "下单"];
pub const POLICY_PHRASES: &[&str] = &[
    "safety stock",
    "reorder point",
    "re-order point",
    "economic order quantity",
    "order quantity",
    "order-up-to",
    "order up to",
    "lead time demand",
    "lead-time demand",
];
pub const POLICY_WORDS: &[&str] = &["eoq", "rop"];
pub const POLICY_ZH: &[&str] = &["安全库存", "再订货点", "经济订货"];
pub const EXCESS_WORDS: &[&str] = &[
    "excess",
    "overstock",
    "overstocked",
    "overstocking",
    "surplus",
];
pub const EXCESS_PHRASES: &[&str] = &[
    "too much stock",
    "too much inventory",
    "more than",
    "slow moving",
    "slow-moving",
];
pub const EXCESS_ZH: &[&str] = &["积压", "过剩", "超储"];

pub const NETWORK_WORDS: &[&str] = &[
    "network",
    "lane",
    "lanes",
    "plant",
    "plants",
    "facility",
    "facilities",
    "distribution",
    "shipping",
    "transport",
    "optimal",
    "optimise",
    "optimize",
    "optimisation",
    "optimization",
    "supplier",
    "suppliers",
];
pub const WHAT_IF_PHRASES: &[&str] = &["what if", "what happens if", "suppose", "if we", "and if"];

pub const FUND_WORDS: &[&str] = &[
    "fund",
    "funds",
    "sharpe",
    "sortino",
    "drawdown",
    "calmar",
    "volatility",
    "nav",
    "aum",
    "qdii",
    "etf",
];
pub const FUND_ZH_AR: &[&str] = &["基金", "صندوق", "الصندوق", "صناديق"];

pub const COMPARE_WORDS: &[&str] = &["compare", "comparison", "versus", "vs", "against"];

/// Clauses that try to instruct the assistant or reach what it must not reveal.
pub const HOSTILE_PHRASES: &[&str] = &[
    "ignore previous",
    "ignore all",
    "ignore the above",
    "ignore prior",
    "ignore your",
    "disregard previous",
    "disregard all",
    "system prompt",
    "your prompt",
    "your instructions",
    "previous instructions",
    "developer mode",
    "api key",
    "api keys",
    "password",
    "passwords",
    "environment variable",
    "environment variables",
    "env var",
    "secret",
    "secrets",
    "private key",
    "print all",
    "dump all",
    "dump the",
    "show all raw",
    "raw table",
    "raw tables",
    "drop table",
    "delete from",
    "select *",
    "other users",
    "other conversations",
    "another user",
    "file system",
    "/etc/passwd",
    "cat /",
    "rm -rf",
    "jailbreak",
    "pretend you",
    "act as",
    "you are now",
];

/// Requests outside what Abacus does.
/// Facts about the business the data does not hold ("how many employees work at the
/// Chengdu warehouse?"), matched exactly (no typo tolerance: "stuff" is not "staff").
pub const NOT_IN_DATA_WORDS: &[&str] = &[
    "employee",
    "employees",
    "staff",
    "staffing",
    "headcount",
    "salary",
    "salaries",
    "wage",
    "wages",
    "payroll",
    "rent",
    "electricity",
    "parking",
    "forklifts",
    "competitor",
    "competitors",
    "rival",
    "rivals",
];

pub const OUT_OF_SCOPE_WORDS: &[&str] = &[
    "weather",
    "recipe",
    "email",
    "e-mail",
    "meeting",
    "bitcoin",
    "crypto",
    "shares",
    "stock price",
    "football",
    "match",
    "pizza",
    "joke",
    "poem",
    "song",
    "translate",
    "movie",
    "flight",
    "hotel",
    "news",
    "book",
    "schedule",
    "remind",
    "composite",
    "forex",
    "currency",
    "currencies",
    "nikkei",
    "exchange",
];
pub const OUT_OF_SCOPE_ZH_AR: &[&str] = &[
    "股票",
    "天气",
    "食谱",
    "会议",
    "比特币",
    "أسهم",
    "الطقس",
    "بيتكوين",
];
