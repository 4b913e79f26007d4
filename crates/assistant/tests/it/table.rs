//! The question table: every case of `cases.jsonl` through `Assistant::ask`, scored
//! by the rules of the shared scorer (status, intent, value within tolerance, ids,
//! scope). A wrong answer — answered with a false or missing figure, or figures where
//! none are due — fails the test outright; accuracy must stay above its floor.

use abacus_assistant::{Answer, Assistant, State, Status};
use serde_json::Value;

use crate::open_demo;

/// Accuracy measured when the table was added; a drop below it is a regression.
const ACCURACY_FLOOR: f64 = 0.95;

fn status_name(s: Status) -> &'static str {
    s.name()
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite())
}

/// Returns (correct, wrong, reasons).
fn score(expect: &Value, got: &Answer) -> (bool, bool, Vec<String>) {
    let mut reasons = Vec::new();
    let status = status_name(got.status);
    let allowed: Vec<&str> = match expect.get("status_any").and_then(Value::as_array) {
        Some(list) => list.iter().filter_map(Value::as_str).collect(),
        None => expect
            .get("status")
            .and_then(Value::as_str)
            .into_iter()
            .collect(),
    };
    if !allowed.is_empty() && !allowed.contains(&status) {
        reasons.push(format!("status {status} not in {allowed:?}"));
    }
    if let Some(want) = expect.get("intent").and_then(Value::as_str) {
        let intent = got.intent.map(|i| i.name());
        if intent != Some(want) {
            reasons.push(format!("intent {intent:?} != {want}"));
        }
    }
    let answered = got.status == Status::Answered;
    let gold_answered = allowed.contains(&"answered");
    let mut wrong = answered
        && !gold_answered
        && (got.value.is_some() || got.table.as_ref().is_some_and(|t| !t.rows.is_empty()));
    if answered {
        if let Some(v) = expect.get("value").and_then(num) {
            let tol = expect.get("tol").and_then(num).unwrap_or(1e-9);
            match got.value {
                Some(g) if (g - v).abs() <= tol * v.abs() + 1e-12 => {}
                other => {
                    reasons.push(format!("value {other:?} != {v}"));
                    wrong = true;
                }
            }
        }
        if expect.get("no_value").and_then(Value::as_bool) == Some(true) && got.value.is_some() {
            reasons.push("a value where none is due".into());
            wrong = true;
        }
        if let Some(ids) = expect.get("ids").and_then(Value::as_array) {
            let want: Vec<String> = ids
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                .collect();
            let got_ids: Vec<String> = got
                .table
                .as_ref()
                .map(|t| {
                    t.rows
                        .iter()
                        .filter_map(|r| r.first())
                        .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let ok = if expect.get("ordered").and_then(Value::as_bool) == Some(true) {
                got_ids == want
            } else {
                let (mut a, mut b) = (got_ids.clone(), want.clone());
                a.sort();
                b.sort();
                a == b
            };
            if !ok {
                reasons.push(format!("ids {got_ids:?} != {want:?}"));
                wrong = true;
            }
        }
    }
    if let (Some(scope), Some(plan)) = (expect.get("scope").and_then(Value::as_object), &got.plan) {
        let got_scope = serde_json::to_value(plan.scope()).unwrap();
        for (k, want) in scope {
            let g = &got_scope[k];
            let ok = match (want, g) {
                (Value::Array(w), Value::Array(g)) => {
                    let mut a: Vec<String> = w.iter().map(|x| x.to_string()).collect();
                    let mut b: Vec<String> = g.iter().map(|x| x.to_string()).collect();
                    a.sort();
                    b.sort();
                    a == b
                }
                (w, g) => w == g,
            };
            if !ok {
                reasons.push(format!("scope.{k} {g} != {want}"));
            }
        }
    }
    (reasons.is_empty(), wrong, reasons)
}

#[test]
fn question_table_has_no_wrong_answers() {
    let text = include_str!("cases.jsonl");
    let ds = open_demo();
    let assistant = Assistant::new(&ds).unwrap();
    let (mut turns, mut correct) = (0usize, 0usize);
    let mut wrong = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let mut state = State::default();
        for (k, turn) in case["turns"].as_array().unwrap().iter().enumerate() {
            let q = turn["q"].as_str().unwrap();
            let answer = assistant.ask(q, &mut state);
            let (ok, is_wrong, reasons) = score(&turn["expect"], &answer);
            turns += 1;
            correct += usize::from(ok);
            if is_wrong {
                wrong.push(format!("{}#{k} {q:?}: {}", case["id"], reasons.join("; ")));
            }
        }
    }
    let accuracy = correct as f64 / turns as f64;
    eprintln!(
        "question table: {correct}/{turns} correct ({:.1}%), {} wrong",
        accuracy * 100.0,
        wrong.len()
    );
    assert!(turns >= 300, "the table has {turns} turns");
    assert!(
        wrong.is_empty(),
        "{} wrong answer(s):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(
        accuracy >= ACCURACY_FLOOR,
        "accuracy {accuracy:.3} fell below {ACCURACY_FLOOR}"
    );
}

/// Every number written in an answer's text comes from the engine result: the value,
/// a table cell, the plan's dates, or the question itself.
#[test]
fn answer_texts_state_only_engine_figures() {
    let text = include_str!("cases.jsonl");
    let ds = open_demo();
    let assistant = Assistant::new(&ds).unwrap();
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let mut state = State::default();
        for turn in case["turns"].as_array().unwrap() {
            let q = turn["q"].as_str().unwrap();
            // A follow-up may restate the previous answer's figure ("divide that by 4").
            let previous = state.last_value;
            let a = assistant.ask(q, &mut state);
            if a.status != Status::Answered {
                continue;
            }
            let mut sources: Vec<f64> = previous.into_iter().collect();
            sources.extend(a.figures.iter().map(|(_, v)| *v));
            sources.extend(a.value);
            if let Some(t) = &a.table {
                // The number of rows behind a list ("5 SKUs have zero on hand").
                sources.push(t.rows.len() as f64);
                for r in &t.rows {
                    sources.extend(r.iter().filter_map(Value::as_f64));
                }
            }
            if let Some(p) = a.plan.as_ref().and_then(|p| p.scope().period) {
                sources.push(p.days() as f64);
            }
            // Thresholds of the plan restate the question ("above 3%").
            fn plan_numbers(v: &Value, out: &mut Vec<f64>) {
                match v {
                    Value::Number(n) => out.extend(n.as_f64()),
                    Value::Array(a) => a.iter().for_each(|x| plan_numbers(x, out)),
                    Value::Object(o) => o.values().for_each(|x| plan_numbers(x, out)),
                    _ => {}
                }
            }
            plan_numbers(&serde_json::to_value(&a.plan).unwrap(), &mut sources);
            let derived: Vec<f64> = sources.iter().flat_map(|x| [*x, x * 100.0]).collect();
            // Names (of products, locations, funds) may contain numbers: "Paper Towels 12 rolls".
            let names: Vec<String> = a
                .table
                .iter()
                .flat_map(|t| {
                    t.rows
                        .iter()
                        .flatten()
                        .filter_map(|c| c.as_str().map(str::to_string))
                })
                .collect();
            for token in numbers_in(&a.answer) {
                if q.contains(&token.0)
                    || token.0.len() == 4 && (1900..2100).contains(&(token.1 as i64))
                    || names.iter().any(|n| n.contains(&token.0))
                {
                    continue;
                }
                let tol = 0.5 * 10f64.powi(-(token.2 as i32)) + 1e-9;
                assert!(
                    derived
                        .iter()
                        .any(|s| (s - token.1).abs() <= tol.max(s.abs() * 1e-12)),
                    "{:?}: the number {} in {:?} is not in the engine result",
                    q,
                    token.0,
                    a.answer
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "only {checked} numbers checked");
}

/// Standalone numbers of a text: (as written, value, decimals). Ids, dates and words
/// with digits ("SKU-20001", "2026-01-01", "3y") are not standalone numbers.
fn numbers_in(text: &str) -> Vec<(String, f64, usize)> {
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ';' | ':' | '='))
    {
        let w = word
            .trim_end_matches(['.', ',', '%', '?', '!'])
            .trim_start_matches(['+']);
        if w.is_empty()
            || !w
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '-')
        {
            continue;
        }
        if !w
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
            || w[1..].contains('-')
        {
            continue;
        }
        let plain = w.replace(',', "");
        if let Ok(x) = plain.parse::<f64>() {
            let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
            out.push((w.to_string(), x, decimals));
        }
    }
    out
}
