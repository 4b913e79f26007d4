//! Integration tests of the calculator engine: one binary, table-driven `check` helpers.
//!
//! Expected values were worked by hand and checked with Python's `fractions` and `math`
//! modules (e.g. `Fraction(175, 1000) * 2340 == Fraction(819, 2)`,
//! `math.sqrt(143) == 11.958260743101398`), never taken from this crate's output.

mod arithmetic;
mod language;
mod reject;

use abacus_calc::{calculate, parse_question, Error, Number};

/// The value of `question` (no previous result) as its canonical decimal string.
fn value(question: &str, previous: Option<&Number>) -> Number {
    match calculate(question, previous) {
        Some(Ok(c)) => c.value,
        Some(Err(e)) => panic!("{question:?}: unexpected error {e}"),
        None => panic!("{question:?}: not recognised as a calculation"),
    }
}

/// Each question's value prints as the expected decimal string.
fn check(cases: &[(&str, &str)]) {
    for (q, expected) in cases {
        let got = value(q, None).to_string();
        assert_eq!(&got, expected, "question {q:?}");
    }
}

/// Like `check`, and the value must be exact.
fn check_exact(cases: &[(&str, &str)]) {
    for (q, expected) in cases {
        let v = value(q, None);
        assert!(v.is_exact(), "{q:?} should be exact, got {v:?}");
        assert_eq!(&v.to_string(), expected, "question {q:?}");
    }
}

/// Each question's value is the expected `f64` exactly (same bits), flagged approximate.
fn check_f64(cases: &[(&str, f64)]) {
    for (q, expected) in cases {
        let v = value(q, None);
        assert!(!v.is_exact(), "{q:?} should be approximate, got {v:?}");
        assert_eq!(v.to_f64(), *expected, "question {q:?}");
    }
}

/// The whole answer text "expression = value".
fn check_text(cases: &[(&str, &str)]) {
    for (q, expected) in cases {
        let c = calculate(q, None)
            .unwrap_or_else(|| panic!("{q:?} not recognised"))
            .unwrap();
        assert_eq!(&c.to_string(), expected, "question {q:?}");
    }
}

/// Follow-ups: (previous value, question, expected value).
fn check_with_previous(cases: &[(&str, &str, &str)]) {
    for (prev, q, expected) in cases {
        let prev = Number::parse_decimal(prev).expect("previous");
        let got = value(q, Some(&prev)).to_string();
        assert_eq!(&got, expected, "question {q:?} after {prev}");
    }
}

/// Each question is a calculation that fails with the given error.
fn check_error(cases: &[(&str, Error)]) {
    for (q, expected) in cases {
        match calculate(q, None) {
            Some(Err(e)) => assert_eq!(&e, expected, "question {q:?}"),
            other => panic!("{q:?}: expected error {expected:?}, got {other:?}"),
        }
    }
}

/// None of these is a calculation.
fn check_none(questions: &[&str]) {
    for q in questions {
        let got = parse_question(q, None);
        assert!(
            got.is_none(),
            "{q:?} must not be claimed as a calculation, got {got:?}"
        );
        let prev = Number::integer(42);
        assert!(
            parse_question(q, Some(&prev)).is_none(),
            "{q:?} with a previous result"
        );
    }
}
