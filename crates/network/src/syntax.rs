//! The text form of what-if edits used by the CLI (see the crate docs for the table).

use crate::edit::{Change, Edit, Target};
use crate::{Error, Result};

/// One-screen help for the edit syntax.
pub const EDIT_SYNTAX: &str = "\
Edits (one per --edit; quote node ids with spaces; * = every node;
a change is *K scale, =V set, +A / -A raise / lower, +10% / -25% percent):
  demand NODE|* [PRODUCT] CHANGE        demand S06 *1.2 | demand S06 green_tea =150 | demand * +10
  capacity NODE CHANGE                  capacity \"Assam Estate\" *0.5
  supply NODE PRODUCT CHANGE            supply \"Harbour Imports\" leaf =100
  lane-cost FROM|* TO|* [PRODUCT] CHANGE lane-cost A B *1.1 | lane-cost A * +0.5 (every lane out of A)
  forbid FROM|* TO|* [PRODUCT]          forbid \"South Packing\" S06
  min-flow FROM TO MIN [PRODUCT]        min-flow \"North Packing\" S06 50
  only-serve NODE DEST[,DEST...]        only-serve \"South Packing\" S07,S08,S09
  exclusive FROM TO                     exclusive \"South Packing\" S07
  open FACILITY | close FACILITY        close \"South Packing\"
  fixed-cost FACILITY CHANGE            fixed-cost \"North Packing\" *1.3";

/// Parses one edit, e.g. `demand S06 *1.2` or `lane-cost "Assam Estate" * +0.5`.
pub fn parse_edit(text: &str) -> Result<Edit> {
    let err = |why: &str| Error::Syntax {
        text: text.to_string(),
        why: why.to_string(),
    };
    let toks = tokens(text).map_err(|w| err(&w))?;
    let Some((verb, args)) = toks.split_first() else {
        return Err(err("empty edit"));
    };
    let verb = verb.to_lowercase().replace('_', "-");
    let change = |s: &str| {
        parse_change(s).ok_or_else(|| err(&format!("{s:?} is not a change (*K, =V, +A, -A, +N%)")))
    };
    let target = |s: &str| {
        if s == "*" {
            Target::All
        } else {
            Target::Node(s.to_string())
        }
    };
    let node = |s: &str| -> Result<String> {
        if s == "*" {
            Err(err("this edit needs one node, not *"))
        } else {
            Ok(s.to_string())
        }
    };
    let n = args.len();
    let edit = match (verb.as_str(), n) {
        ("demand", 2) => Edit::Demand {
            node: target(&args[0]),
            product: None,
            change: change(&args[1])?,
        },
        ("demand", 3) => Edit::Demand {
            node: target(&args[0]),
            product: Some(args[1].clone()),
            change: change(&args[2])?,
        },
        ("capacity" | "supplier-capacity", 2) => Edit::Capacity {
            node: node(&args[0])?,
            change: change(&args[1])?,
        },
        ("supply", 3) => Edit::Supply {
            node: node(&args[0])?,
            product: args[1].clone(),
            change: change(&args[2])?,
        },
        ("lane-cost" | "cost", 3 | 4) => Edit::LaneCost {
            from: target(&args[0]),
            to: target(&args[1]),
            product: (n == 4).then(|| args[2].clone()),
            change: change(&args[n - 1])?,
        },
        ("forbid", 2 | 3) => Edit::ForbidLane {
            from: target(&args[0]),
            to: target(&args[1]),
            product: args.get(2).cloned(),
        },
        ("min-flow", 3 | 4) => Edit::MinFlow {
            from: node(&args[0])?,
            to: node(&args[1])?,
            min: args[2]
                .parse::<f64>()
                .ok()
                .filter(|m| m.is_finite() && *m >= 0.0)
                .ok_or_else(|| err(&format!("{:?} is not a quantity ≥ 0", args[2])))?,
            product: args.get(3).cloned(),
        },
        ("only-serve", k) if k >= 2 => Edit::OnlyServe {
            node: node(&args[0])?,
            destinations: args[1..]
                .iter()
                .flat_map(|a| a.split(','))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        },
        ("exclusive", 2) => Edit::ExclusivePair {
            from: node(&args[0])?,
            to: node(&args[1])?,
        },
        ("open", 1) => Edit::Facility {
            node: node(&args[0])?,
            open: true,
        },
        ("close", 1) => Edit::Facility {
            node: node(&args[0])?,
            open: false,
        },
        ("fixed-cost", 2) => Edit::FixedCost {
            node: node(&args[0])?,
            change: change(&args[1])?,
        },
        (
            "demand" | "capacity" | "supplier-capacity" | "supply" | "lane-cost" | "cost"
            | "forbid" | "min-flow" | "only-serve" | "exclusive" | "open" | "close" | "fixed-cost",
            _,
        ) => return Err(err(&format!("wrong number of arguments for {verb}"))),
        _ => return Err(err(&format!("unknown edit {verb:?}"))),
    };
    Ok(edit)
}

/// `*1.2` / `x1.2` scale, `=150` set, `+10` / `-10` add, `+10%` / `-25%` scale by a percentage.
fn parse_change(s: &str) -> Option<Change> {
    let num = |t: &str| t.trim().parse::<f64>().ok().filter(|x| x.is_finite());
    if let Some(pct) = s.strip_suffix('%') {
        let v = num(pct.trim_start_matches('+'))?;
        return Some(Change::Scale(crate::clean(1.0 + v / 100.0)));
    }
    let mut chars = s.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    match first {
        '*' | 'x' | '×' => num(rest).map(Change::Scale),
        '=' => num(rest).map(Change::Set),
        '+' => num(rest).map(Change::Add),
        '-' | '−' => num(rest).map(|v| Change::Add(-v)),
        _ => None,
    }
}

/// Splits on whitespace; double quotes group a token with spaces.
fn tokens(text: &str) -> std::result::Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            c => {
                cur.push(c);
                started = true;
            }
        }
    }
    if quoted {
        return Err("unclosed quote".to_string());
    }
    if started {
        out.push(cur);
    }
    Ok(out)
}
