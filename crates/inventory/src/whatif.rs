//! What-ifs on the plan: scale demand (all, a category, a SKU or a location),
//! change a supplier's lead time, or set a service level; re-plan and report
//! the lines that change against the baseline.
//!
//! Scaling demand by `f` scales the forecast and its error σ by `f` alike
//! (the same demand in other units).

use crate::plan::{plan_all, PlanInput, PlanLine, PlanSettings, Problem};
use crate::{non_negative, positive, probability, Result};

/// Which series an edit touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Category(String),
    Sku(String),
    Location(String),
}

impl Scope {
    fn matches(&self, i: &PlanInput) -> bool {
        match self {
            Scope::All => true,
            Scope::Category(c) => i.category.eq_ignore_ascii_case(c),
            Scope::Sku(s) => i.sku.eq_ignore_ascii_case(s),
            Scope::Location(l) => i.location.eq_ignore_ascii_case(l),
        }
    }
}

/// One change to the plan's inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    ScaleDemand {
        scope: Scope,
        factor: f64,
    },
    /// A supplier's lead time mean (and sd, when given) in days.
    LeadTime {
        supplier_id: String,
        mean_days: f64,
        sd_days: Option<f64>,
    },
    ServiceLevel {
        scope: Scope,
        level: f64,
    },
}

/// A plan line before and after the edits.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChange {
    pub baseline: PlanLine,
    pub scenario: PlanLine,
}

/// The result of [`what_if`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WhatIf {
    /// Lines whose figures changed, in input order.
    pub changes: Vec<LineChange>,
    /// Lines planned in the scenario (the untouched ones are as in the baseline).
    pub scenario_lines: usize,
    pub problems: Vec<Problem>,
}

/// Applies `edits` to copies of `inputs` (in order; a later edit wins) and
/// re-plans; an invalid edit is an error, a series that cannot be planned is a problem.
pub fn what_if(inputs: &[PlanInput], settings: &PlanSettings, edits: &[Edit]) -> Result<WhatIf> {
    for e in edits {
        match e {
            Edit::ScaleDemand { factor, .. } => {
                non_negative("demand factor", *factor)?;
            }
            Edit::LeadTime {
                mean_days, sd_days, ..
            } => {
                positive("lead time", *mean_days)?;
                if let Some(sd) = sd_days {
                    non_negative("lead time sd", *sd)?;
                }
            }
            Edit::ServiceLevel { level, .. } => {
                probability("service level", *level)?;
            }
        }
    }
    // Only the inputs an edit touches can change: plan just those, before and after.
    let mut touched: Vec<PlanInput> = Vec::new();
    let mut changed: Vec<PlanInput> = Vec::new();
    for i in inputs {
        let mut c = i.clone();
        let mut hit = false;
        for e in edits {
            hit |= apply(e, &mut c, settings);
        }
        if hit {
            touched.push(i.clone());
            changed.push(c);
        }
    }
    let base = plan_all(&touched, settings);
    let scen = plan_all(&changed, settings);
    let untouched = inputs.len() - touched.len();
    let mut out = WhatIf {
        scenario_lines: scen.lines.len() + untouched,
        problems: scen.problems,
        ..Default::default()
    };
    let key = |l: &PlanLine| (l.sku.clone(), l.location.clone());
    let base_by: std::collections::HashMap<_, _> = base.lines.iter().map(|l| (key(l), l)).collect();
    for s in scen.lines {
        if let Some(b) = base_by.get(&key(&s)) {
            if differs(b, &s) {
                out.changes.push(LineChange {
                    baseline: (*b).clone(),
                    scenario: s,
                });
            }
        }
    }
    Ok(out)
}

/// Applies one edit; true when it touched this input.
fn apply(e: &Edit, i: &mut PlanInput, settings: &PlanSettings) -> bool {
    match e {
        Edit::ScaleDemand { scope, factor } if scope.matches(i) => {
            i.forecast.iter_mut().for_each(|f| *f *= factor);
            i.sigma *= factor;
            true
        }
        Edit::LeadTime {
            supplier_id,
            mean_days,
            sd_days,
        } if i.supplier_id.eq_ignore_ascii_case(supplier_id) => {
            i.lead_time.mean_days = *mean_days;
            if let Some(sd) = sd_days {
                i.lead_time.sd_days = *sd;
            }
            // A longer lead time needs a longer forecast: extend with the mean of the last 28 days.
            let need = settings.days_needed(*mean_days);
            if i.forecast.len() < need {
                let n = i.forecast.len().min(28);
                let tail = if n == 0 {
                    0.0
                } else {
                    i.forecast[i.forecast.len() - n..].iter().sum::<f64>() / n as f64
                };
                i.forecast.resize(need, tail);
            }
            true
        }
        Edit::ServiceLevel { scope, level } if scope.matches(i) => {
            i.item.service_level = *level;
            true
        }
        _ => false,
    }
}

fn differs(a: &PlanLine, b: &PlanLine) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
    !(close(a.reorder_point, b.reorder_point)
        && close(a.safety_stock, b.safety_stock)
        && close(a.eoq, b.eoq)
        && close(a.stockout_probability, b.stockout_probability)
        && a.order == b.order
        && a.stockout_date == b.stockout_date
        && a.excess == b.excess)
}
