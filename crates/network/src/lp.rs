//! A small sparse (mixed-integer) linear program, its solution by HiGHS, and
//! its MPS text so other solvers can read the same model.

use std::fmt::Write as _;

use highs::{HighsModelStatus, HighsSolutionStatus, RowProblem, Sense};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub(crate) cost: f64,
    pub(crate) lb: f64,
    pub(crate) ub: f64,
    pub(crate) integer: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) lb: f64,
    pub(crate) ub: f64,
    pub(crate) coefs: Vec<(usize, f64)>,
}

/// Minimise Σ cost·x subject to row and column bounds.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Lp {
    pub(crate) cols: Vec<Column>,
    pub(crate) rows: Vec<Row>,
}

/// How hard to try on a mixed-integer model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolveOptions {
    /// Stop after this many seconds (None: no limit).
    pub time_limit: Option<f64>,
    /// Relative MIP gap at which the search stops (0: prove optimality).
    pub mip_rel_gap: f64,
    /// Solver threads (None: HiGHS decides). HiGHS keeps one thread pool per
    /// process, so use the same value for every solve in a process.
    pub threads: Option<u32>,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: None,
            mip_rel_gap: 0.0,
            threads: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LpOutcome {
    /// Column values, row duals (d objective / d row bound), objective, final MIP gap.
    Solved {
        x: Vec<f64>,
        row_duals: Vec<f64>,
        objective: f64,
        gap: f64,
        proven: bool,
    },
    Infeasible,
}

impl Lp {
    pub(crate) fn col(&mut self, cost: f64, lb: f64, ub: f64, integer: bool) -> usize {
        self.cols.push(Column {
            cost,
            lb,
            ub,
            integer,
        });
        self.cols.len() - 1
    }

    pub(crate) fn row(&mut self, lb: f64, ub: f64, coefs: Vec<(usize, f64)>) -> usize {
        self.rows.push(Row { lb, ub, coefs });
        self.rows.len() - 1
    }

    pub(crate) fn has_integers(&self) -> bool {
        self.cols.iter().any(|c| c.integer)
    }

    /// Solves with HiGHS (quietly).
    pub(crate) fn solve(&self, opts: &SolveOptions) -> Result<LpOutcome> {
        let mut pb = RowProblem::default();
        let cols: Vec<_> = self
            .cols
            .iter()
            .map(|c| pb.add_column_with_integrality(c.cost, c.lb..=c.ub, c.integer))
            .collect();
        for r in &self.rows {
            let coefs: Vec<_> = r.coefs.iter().map(|&(j, a)| (cols[j], a)).collect();
            pb.add_row(r.lb..=r.ub, &coefs);
        }
        let mut model = pb
            .try_optimise(Sense::Minimise)
            .map_err(|s| Error::Solver(format!("loading the model: {s:?}")))?;
        model.make_quiet();
        model.set_option("mip_rel_gap", opts.mip_rel_gap);
        if let Some(t) = opts.time_limit {
            model.set_option("time_limit", t);
        }
        if let Some(t) = opts.threads {
            model.set_option("threads", t as i32);
        }
        let solved = model
            .try_solve()
            .map_err(|s| Error::Solver(format!("running HiGHS: {s:?}")))?;
        let status = solved.status();
        match status {
            HighsModelStatus::Optimal | HighsModelStatus::ModelEmpty => {}
            HighsModelStatus::Infeasible | HighsModelStatus::UnboundedOrInfeasible => {
                return Ok(LpOutcome::Infeasible)
            }
            HighsModelStatus::ReachedTimeLimit
            | HighsModelStatus::ReachedIterationLimit
            | HighsModelStatus::ReachedSolutionLimit
            | HighsModelStatus::ReachedInterrupt => {
                if !self.has_integers()
                    || solved.primal_solution_status() != HighsSolutionStatus::Feasible
                {
                    return Err(Error::Solver(format!(
                        "stopped ({status:?}) before finding a feasible plan"
                    )));
                }
            }
            other => return Err(Error::Solver(format!("HiGHS ended with {other:?}"))),
        }
        let sol = solved.get_solution();
        let x = sol.columns().to_vec();
        if x.len() != self.cols.len() {
            return Err(Error::Solver(
                "HiGHS stopped without a feasible plan".to_string(),
            ));
        }
        let gap = if self.has_integers() {
            let g = solved.mip_gap();
            if g.is_finite() {
                g
            } else {
                0.0
            }
        } else {
            0.0
        };
        Ok(LpOutcome::Solved {
            row_duals: sol.dual_rows().to_vec(),
            objective: solved.objective_value(),
            x,
            gap,
            proven: status == HighsModelStatus::Optimal || status == HighsModelStatus::ModelEmpty,
        })
    }

    /// The model in free MPS form (columns `c<j>`, rows `r<i>`, objective `obj`).
    pub(crate) fn to_mps(&self, name: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "NAME {name}");
        let _ = writeln!(s, "ROWS");
        let _ = writeln!(s, " N obj");
        for (i, r) in self.rows.iter().enumerate() {
            let t = match (r.lb.is_finite(), r.ub.is_finite()) {
                (true, true) if r.lb == r.ub => "E",
                (true, _) => "G",
                (false, true) => "L",
                (false, false) => "N",
            };
            let _ = writeln!(s, " {t} r{i}");
        }
        // Column-wise coefficients.
        let mut by_col: Vec<Vec<(usize, f64)>> = vec![Vec::new(); self.cols.len()];
        for (i, r) in self.rows.iter().enumerate() {
            for &(j, a) in &r.coefs {
                by_col[j].push((i, a));
            }
        }
        let _ = writeln!(s, "COLUMNS");
        let mut in_int = false;
        for (j, c) in self.cols.iter().enumerate() {
            if c.integer != in_int {
                let m = if c.integer { "INTORG" } else { "INTEND" };
                let _ = writeln!(s, " MARKER 'MARKER' '{m}'");
                in_int = c.integer;
            }
            let _ = writeln!(s, " c{j} obj {}", num(c.cost));
            for &(i, a) in &by_col[j] {
                let _ = writeln!(s, " c{j} r{i} {}", num(a));
            }
        }
        if in_int {
            let _ = writeln!(s, " MARKER 'MARKER' 'INTEND'");
        }
        let _ = writeln!(s, "RHS");
        let mut ranges = String::new();
        for (i, r) in self.rows.iter().enumerate() {
            let rhs = if r.lb.is_finite() { r.lb } else { r.ub };
            if rhs.is_finite() && rhs != 0.0 {
                let _ = writeln!(s, " rhs r{i} {}", num(rhs));
            }
            if r.lb.is_finite() && r.ub.is_finite() && r.lb != r.ub {
                let _ = writeln!(ranges, " rng r{i} {}", num(r.ub - r.lb));
            }
        }
        if !ranges.is_empty() {
            let _ = writeln!(s, "RANGES");
            s.push_str(&ranges);
        }
        let _ = writeln!(s, "BOUNDS");
        for (j, c) in self.cols.iter().enumerate() {
            if c.lb == c.ub {
                let _ = writeln!(s, " FX bnd c{j} {}", num(c.lb));
                continue;
            }
            if c.lb != 0.0 {
                if c.lb.is_finite() {
                    let _ = writeln!(s, " LO bnd c{j} {}", num(c.lb));
                } else {
                    let _ = writeln!(s, " MI bnd c{j}");
                }
            }
            if c.ub.is_finite() {
                let _ = writeln!(s, " UP bnd c{j} {}", num(c.ub));
            } else if c.integer {
                let _ = writeln!(s, " PL bnd c{j}");
            }
        }
        let _ = writeln!(s, "ENDATA");
        s
    }
}

fn num(x: f64) -> String {
    format!("{x}")
}
