//! The words and symbols a calculation may contain (English, Chinese, Arabic), text
//! normalisation, splitting into atoms, and bounded typo correction of operator words.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lex::Tok;
use crate::vocab::entries;

/// One piece of normalised text: a run of digits (with `.`), or a word, CJK
/// character or symbol.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Atom {
    Num(String),
    Text(String),
}

/// Phrases keyed by their first atom, longest first.
pub(crate) struct Lexicon {
    by_first: HashMap<String, Vec<(Vec<String>, Tok)>>,
}

impl Lexicon {
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut by_first: HashMap<String, Vec<(Vec<String>, Tok)>> = HashMap::new();
            for (phrase, tok) in entries() {
                let words: Vec<String> = atomize(&normalize(phrase))
                    .into_iter()
                    .map(|a| match a {
                        Atom::Num(s) | Atom::Text(s) => s,
                    })
                    .collect();
                by_first
                    .entry(words[0].clone())
                    .or_default()
                    .push((words, tok));
            }
            for list in by_first.values_mut() {
                list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            }
            Lexicon { by_first }
        })
    }

    /// The longest phrase starting at `atoms[i]`: its length in atoms and its token.
    pub(crate) fn match_at(&self, atoms: &[Atom], i: usize) -> Option<(usize, Tok)> {
        let first = match atoms.get(i)? {
            Atom::Text(s) | Atom::Num(s) => s,
        };
        let list = self.by_first.get(first)?;
        list.iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| match atoms.get(i + k) {
                        Some(Atom::Text(s)) | Some(Atom::Num(s)) => s == w,
                        None => false,
                    })
            })
            .map(|(words, tok)| (words.len(), tok.clone()))
    }

    pub(crate) fn knows(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }
}

/// Operator words a misspelling may be corrected to.
const TYPO_TARGETS: &[&str] = &[
    "square",
    "squared",
    "root",
    "divided",
    "divide",
    "multiplied",
    "multiply",
    "subtract",
    "percent",
    "factorial",
    "minus",
    "plus",
    "cubed",
];

/// Correct a misspelt operator word ("sqquare", "sqaure", "squre", "multipled"): words of
/// five letters or more, within one edit (two for eight letters or more), when exactly
/// one operator word is nearest.
pub(crate) fn correct_typo(word: &str) -> Option<&'static str> {
    let n = word.chars().count();
    if n < 5 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let limit = if n >= 8 { 2 } else { 1 };
    let mut best: Option<(usize, &'static str)> = None;
    let mut tie = false;
    for t in TYPO_TARGETS {
        let d = osa_distance(word, t);
        match best {
            Some((bd, _)) if d > bd => {}
            Some((bd, _)) if d == bd => tie = true,
            _ => {
                best = Some((d, t));
                tie = false;
            }
        }
    }
    best.filter(|(d, _)| *d <= limit && !tie).map(|(_, t)| t)
}

/// Optimal-string-alignment (Damerau–Levenshtein) distance.
fn osa_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, v) in d[0].iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// Lower-case; full-width forms, Arabic-Indic digits and look-alike operators to ASCII;
/// Arabic diacritics and tatweel removed, alef variants unified; invisible and
/// bidirectional control characters dropped.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mapped = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            '\u{3000}' => Some(' '),
            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32),
            '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32),
            '\u{066B}' => Some('.'),
            '\u{066C}' | '\u{060C}' => Some(','),
            '\u{066A}' => Some('%'),
            '\u{061F}' => Some('?'),
            '\u{2212}' | '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => Some('-'),
            '\u{2217}' | '\u{22C5}' | '\u{00B7}' => Some('*'),
            '\u{2044}' | '\u{2215}' => Some('/'),
            '\u{2019}' | '\u{2018}' => Some('\''),
            '\u{0623}' | '\u{0625}' | '\u{0622}' => Some('ا'),
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => None,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            '\u{FEFF}' | '\u{00AD}' => None,
            c if c.is_control() => Some(' '),
            c => Some(c),
        };
        if let Some(m) = mapped {
            out.extend(m.to_lowercase());
        }
    }
    out
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3001}'..='\u{3002}')
}

/// Split normalised text into atoms. `1,234.5` is one number (a comma is a thousands
/// separator only before exactly three digits); `log2` and `s06` are one word; a
/// hyphen between letters separates words; `2x3` is 2, x, 3.
pub(crate) fn atomize(s: &str) -> Vec<Atom> {
    let c: Vec<char> = s.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(|d| d.is_ascii_digit());
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch.is_ascii_digit() || (ch == '.' && digit(i + 1)) {
            let mut num = String::new();
            let mut dot = false;
            while i < c.len() {
                if c[i].is_ascii_digit() {
                    num.push(c[i]);
                } else if c[i] == ','
                    && !dot
                    && !num.is_empty()
                    && (1..=3).all(|k| digit(i + k))
                    && !digit(i + 4)
                {
                    // thousands separator: skip it
                } else if c[i] == '.' && !dot && digit(i + 1) {
                    dot = true;
                    num.push('.');
                } else {
                    break;
                }
                i += 1;
            }
            // Scientific notation: 1.5e3, 2e-4 (not "2e" in a word).
            let sign = usize::from(matches!(c.get(i + 1), Some('+' | '-')));
            if c.get(i) == Some(&'e') && digit(i + 1 + sign) {
                let mut j = i + 1 + sign;
                while digit(j) {
                    j += 1;
                }
                if !c.get(j).is_some_and(|n| n.is_alphabetic()) {
                    num.push('e');
                    num.extend(c[i + 1..j].iter().filter(|d| **d != '+'));
                    i = j;
                }
            }
            out.push(Atom::Num(num));
        } else if is_cjk(ch) {
            out.push(Atom::Text(ch.to_string()));
            i += 1;
        } else if ch.is_alphabetic() {
            let start = i;
            while i < c.len()
                && ((c[i].is_alphabetic() && !is_cjk(c[i]))
                    || (c[i] == '\'' && c.get(i + 1).is_some_and(|n| n.is_alphabetic())))
            {
                i += 1;
            }
            let ascii = c[start..i].iter().all(|d| d.is_ascii());
            if ascii && c[start..i] == ['x'] && digit(i) {
                // "2x3"
            } else if ascii && digit(i) {
                while i < c.len() && c[i].is_ascii_alphanumeric() {
                    i += 1;
                }
            }
            out.push(Atom::Text(c[start..i].iter().collect()));
            if c.get(i) == Some(&'-') && c.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
                i += 1;
            }
        } else {
            out.push(Atom::Text(ch.to_string()));
            i += 1;
        }
    }
    out
}
