//! Metric names (`return_3y`, `max_drawdown_5y`, …): their windows, units and better direction.

use std::fmt;

/// The period a metric covers, ending at the fund's last NAV date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Window {
    /// `k` calendar years back from the last NAV date (1, 3 or 5).
    Years(u8),
    /// From the last NAV date of the previous calendar year.
    Ytd,
    /// From the first NAV date.
    SinceInception,
}

impl Window {
    /// Every window the engine computes, in storage order.
    pub const ALL: [Window; 5] = [
        Window::Years(1),
        Window::Years(3),
        Window::Years(5),
        Window::Ytd,
        Window::SinceInception,
    ];

    /// Position in [`Window::ALL`]; `None` for a window that is not computed (e.g. 2 years).
    pub fn index(self) -> Option<usize> {
        Window::ALL.iter().position(|w| *w == self)
    }

    fn suffix(self) -> String {
        match self {
            Window::Years(k) => format!("{k}y"),
            Window::Ytd => "ytd".into(),
            Window::SinceInception => "since_inception".into(),
        }
    }
}

/// What a metric measures (metrics.md, "Funds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `adj_nav(D) / adj_nav(start) − 1`.
    TotalReturn,
    /// Total return annualised with `365 / days`.
    Return,
    /// Sample standard deviation of daily returns × √252.
    Volatility,
    /// `(return − rf) / volatility`.
    Sharpe,
    /// `(return − rf) / downside deviation`.
    Sortino,
    /// Largest peak-to-trough fall, as a positive fraction.
    MaxDrawdown,
    /// `return / max drawdown`.
    Calmar,
}

/// A fund metric: a kind over a window. Only the combinations of metrics.md exist:
/// every kind over 1, 3 and 5 years; `return_ytd` (a total return),
/// `return_total_since_inception` and `return_since_inception`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Metric {
    pub kind: Kind,
    pub window: Window,
}

/// Whether a larger or a smaller value is better (the default sort direction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// How a value is shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A fraction shown as a percentage (0.05 → 5.00%).
    Fraction,
    /// A plain ratio (Sharpe, Sortino, Calmar).
    Ratio,
    /// A whole number (risk level).
    Integer,
    /// Any other number, in the data's units (AUM in millions, minimum purchase, …).
    Number,
}

const KINDS: [(Kind, &str); 7] = [
    (Kind::TotalReturn, "return_total"),
    (Kind::Return, "return"),
    (Kind::Volatility, "volatility"),
    (Kind::Sharpe, "sharpe"),
    (Kind::Sortino, "sortino"),
    (Kind::MaxDrawdown, "max_drawdown"),
    (Kind::Calmar, "calmar"),
];

impl Metric {
    /// Every metric, in a stable order (the order of table columns).
    pub fn all() -> Vec<Metric> {
        let mut out = Vec::with_capacity(24);
        for k in [1, 3, 5] {
            for (kind, _) in KINDS {
                out.push(Metric {
                    kind,
                    window: Window::Years(k),
                });
            }
        }
        out.push(Metric {
            kind: Kind::TotalReturn,
            window: Window::Ytd,
        });
        out.push(Metric {
            kind: Kind::TotalReturn,
            window: Window::SinceInception,
        });
        out.push(Metric {
            kind: Kind::Return,
            window: Window::SinceInception,
        });
        out
    }

    /// The metric's name, e.g. `sharpe_3y`, `return_ytd`, `return_total_since_inception`.
    pub fn name(self) -> String {
        if self.window == Window::Ytd {
            return "return_ytd".into();
        }
        let base = KINDS
            .iter()
            .find(|(k, _)| *k == self.kind)
            .map(|(_, n)| *n)
            .unwrap_or("return");
        format!("{base}_{}", self.window.suffix())
    }

    /// Parses a metric name (case-insensitive). `return_total_ytd` is accepted for `return_ytd`.
    pub fn parse(name: &str) -> Option<Metric> {
        let name = name.to_ascii_lowercase();
        if name == "return_total_ytd" {
            return Some(Metric {
                kind: Kind::TotalReturn,
                window: Window::Ytd,
            });
        }
        Metric::all().into_iter().find(|m| m.name() == name)
    }

    /// Lower is better for drawdown and volatility; higher for everything else.
    pub fn better(self) -> Better {
        match self.kind {
            Kind::Volatility | Kind::MaxDrawdown => Better::Lower,
            _ => Better::Higher,
        }
    }

    /// Returns, volatility and drawdown are fractions; the risk-adjusted ratios are not.
    pub fn unit(self) -> Unit {
        match self.kind {
            Kind::Sharpe | Kind::Sortino | Kind::Calmar => Unit::Ratio,
            _ => Unit::Fraction,
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let all = Metric::all();
        assert_eq!(all.len(), 24);
        for m in all {
            assert_eq!(Metric::parse(&m.name()), Some(m), "{m}");
        }
        assert_eq!(
            Metric::parse("RETURN_3Y").map(Metric::name).as_deref(),
            Some("return_3y")
        );
        assert_eq!(
            Metric::parse("return_total_ytd")
                .map(Metric::name)
                .as_deref(),
            Some("return_ytd")
        );
        assert_eq!(Metric::parse("volatility_ytd"), None);
        assert_eq!(Metric::parse("sharpe_2y"), None);
    }

    #[test]
    fn better_direction() {
        assert_eq!(
            Metric::parse("max_drawdown_3y").unwrap().better(),
            Better::Lower
        );
        assert_eq!(
            Metric::parse("volatility_1y").unwrap().better(),
            Better::Lower
        );
        assert_eq!(Metric::parse("calmar_5y").unwrap().better(), Better::Higher);
    }
}
