//! The answer as the contract (spec/ask.md) serialises it, and number formatting
//! for answer texts.

use abacus_nlu::plan::{Intent, Plan};
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Answered,
    Clarify,
    Unsupported,
    Error,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Clarify => "clarify",
            Status::Unsupported => "unsupported",
            Status::Error => "error",
        }
    }
}

/// The rows behind an answer; the first column is the entity id.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(columns: &[&str]) -> Table {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub status: Status,
    pub intent: Option<Intent>,
    pub plan: Option<Plan>,
    pub answer: String,
    pub value: Option<f64>,
    pub table: Option<Table>,
    pub conversation_id: Option<String>,
    /// Named figures of the engine result that the text states besides `value` and the
    /// table (e.g. a cost split), so every number in the text can be traced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<(String, f64)>,
    /// Which stage understood the question, and why (shown with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
}

impl Answer {
    pub fn answered(plan: Plan, text: String, value: Option<f64>, table: Option<Table>) -> Answer {
        let mut c = text.chars();
        let text = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default();
        Answer {
            status: Status::Answered,
            intent: Some(plan.intent()),
            plan: Some(plan),
            answer: text,
            value,
            table,
            conversation_id: None,
            figures: Vec::new(),
            explain: None,
        }
    }

    pub fn clarify(intent: Option<Intent>, plan: Option<Plan>, text: String) -> Answer {
        Answer {
            status: Status::Clarify,
            intent,
            plan,
            answer: text,
            value: None,
            table: None,
            conversation_id: None,
            figures: Vec::new(),
            explain: None,
        }
    }

    pub fn error(intent: Option<Intent>, text: String) -> Answer {
        Answer {
            status: Status::Error,
            intent,
            plan: None,
            answer: text,
            value: None,
            table: None,
            conversation_id: None,
            figures: Vec::new(),
            explain: None,
        }
    }

    pub fn unsupported(text: String) -> Answer {
        Answer {
            status: Status::Unsupported,
            intent: None,
            plan: None,
            answer: text,
            value: None,
            table: None,
            conversation_id: None,
            figures: Vec::new(),
            explain: None,
        }
    }
}

/// What Abacus can do, for `unsupported` answers.
pub const CAPABILITIES: &str = "I answer questions about your data: sales history (units, revenue, rankings, growth), \
inventory (on hand, open orders, position, stock value, days of cover), forecasts, stock-out risk, replenishment orders, \
inventory policy (safety stock, reorder point, EOQ), excess stock, forecast accuracy, the supply network (optimal plan and \
what-ifs), funds (metrics, screens, comparisons) and exact calculations.";

/// A number for people: thousands separators; up to `dp` decimals, trailing zeros dropped.
pub fn fmt_num(x: f64, dp: usize) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let s = format!("{:.*}", dp, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let frac = frac.trim_end_matches('0');
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A fraction as a percentage with two decimals.
pub fn fmt_pct(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting() {
        assert_eq!(fmt_num(32007752.3, 2), "32,007,752.3");
        assert_eq!(fmt_num(812.0, 2), "812");
        assert_eq!(fmt_num(-1234.5, 2), "-1,234.5");
        assert_eq!(fmt_num(0.0, 2), "0");
        assert_eq!(fmt_pct(0.131017), "13.10%");
    }
}
