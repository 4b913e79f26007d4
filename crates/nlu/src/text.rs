//! Tokens of a normalised question and fuzzy word matching.

/// A word or number of the question, lower-cased, with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits into tokens: runs of letters/digits, keeping `-`, `.`, `'` and `&`
/// inside a token when a letter or digit follows ("SKU-10023", "2025-03-01",
/// "17.5", "don't"). `%` and `&` standing alone are tokens of their own. Each CJK
/// ideograph is its own token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if is_cjk(c) {
            out.push(Token {
                text: c.to_string(),
                start,
                end: start + c.len_utf8(),
            });
            i += 1;
        } else if is_word_char(c) {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if is_cjk(cj) {
                    break;
                }
                if is_word_char(cj) {
                    j += 1;
                } else if matches!(cj, '-' | '.' | '\'' | '’')
                    && j + 1 < chars.len()
                    && is_word_char(chars[j + 1].1)
                    && !is_cjk(chars[j + 1].1)
                {
                    j += 2;
                } else if cj == ','
                    && chars[i..j]
                        .iter()
                        .all(|(_, d)| d.is_ascii_digit() || *d == ',')
                    && chars
                        .get(j + 1..j + 4)
                        .is_some_and(|g| g.iter().all(|(_, d)| d.is_ascii_digit()))
                    && chars.get(j + 4).is_none_or(|(_, d)| !d.is_ascii_digit())
                {
                    // A thousands separator: "4,000", "1,250,000" are one number.
                    j += 4;
                } else {
                    break;
                }
            }
            let mut end = if j < chars.len() {
                chars[j].0
            } else {
                text.len()
            };
            // A possessive is the word itself: "Wuhan's" → "wuhan", "F0022's" → "f0022".
            for suffix in ["'s", "’s", "'S", "’S"] {
                if end - start > suffix.len() && text[start..end].ends_with(suffix) {
                    end -= suffix.len();
                    break;
                }
            }
            out.push(Token {
                text: text[start..end].to_lowercase().replace('’', "'"),
                start,
                end,
            });
            i = j;
        } else {
            if matches!(
                c,
                '%' | '&' | '+' | '*' | '/' | '^' | '=' | '<' | '>' | '√' | '×' | '÷' | '$' | '¥'
            ) {
                out.push(Token {
                    text: c.to_string(),
                    start,
                    end: start + c.len_utf8(),
                });
            }
            i += 1;
        }
    }
    out
}

pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Words too common to identify anything.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "for", "to", "and", "or", "by", "with", "from", "is",
    "are", "was", "were", "be", "did", "do", "does", "we", "our", "us", "it", "its", "this",
    "that", "what", "how", "many", "much", "which", "who", "me", "my", "i", "you", "your", "there",
    "their", "have", "has", "had", "any", "all", "per", "as", "than", "into", "about", "can",
    "could", "would", "should", "will", "please", "show", "tell", "give", "list", "s",
];

pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Whether a question word matches a lexicon word, allowing small typos in longer words.
pub fn word_matches(q: &str, w: &str) -> bool {
    if q == w {
        return true;
    }
    // The cheap refusals first (this runs for every question word against every
    // lexicon word): a different first letter, or lengths further apart than the
    // typo budget (the distance is at least the length difference).
    if q.chars().next() != w.chars().next() {
        return false;
    }
    let (lq, lw) = (q.chars().count(), w.chars().count());
    let allowed = if lw >= 8 { 2 } else { 1 };
    // Short words and common words are never read as typos of other words
    // ("than" is not "that", "share" is not "sharpe").
    if lw < 5
        || lq < 4
        || lq.abs_diff(lw) > allowed
        || q.chars().any(|c| c.is_ascii_digit())
        || w.chars().any(|c| c.is_ascii_digit())
        || COMMON.contains(&q)
    {
        return false;
    }
    // Damerau-Levenshtein catches transposed letters ("waht").
    strsim::damerau_levenshtein(q, w) <= allowed
}

/// Everyday words that are only ever themselves.
const COMMON: &[&str] = &[
    "share",
    "shares",
    "shared",
    "there",
    "these",
    "those",
    "their",
    "where",
    "which",
    "sales",
    "sale",
    "stores",
    "store",
    "month",
    "months",
    "weeks",
    "years",
    "total",
    "totals",
    "order",
    "orders",
    "price",
    "prices",
    "value",
    "values",
    "after",
    "other",
    "under",
    "above",
    "below",
    "about",
    "shore",
    "stock",
    "stocks",
    "units",
    "items",
    "rates",
    "since",
    "today",
    "trade",
    "early",
    "later",
    "least",
    "first",
    "fewer",
    "lower",
    "higher",
    "last",
    "past",
    "next",
    // "change" is not "charge" (a fee), "costs" not "coats"
    "change",
    "changed",
    "changes",
    "changing",
    "charge",
    "charges",
    "charged",
    "costs",
    "cost",
    // "retiring" is not "returning"
    "retire",
    "retired",
    "retiring",
    "retirement",
];

/// Whether a question word is a typo-tolerant match of any of `words`.
pub fn is_any(q: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word_matches(q, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            words("How many SKU-10023, in Q1 2026?"),
            ["how", "many", "sku-10023", "in", "q1", "2026"]
        );
        assert_eq!(words("17.5% of 2,340"), ["17.5", "%", "of", "2,340"]);
        assert_eq!(
            words("cost 1,250,000, or 4,00 a case"),
            ["cost", "1,250,000", "or", "4", "00", "a", "case"]
        );
        assert_eq!(words("Baby & Mother"), ["baby", "&", "mother"]);
        assert_eq!(words("上海仓SKU-1"), ["上", "海", "仓", "sku-1"]);
        assert_eq!(
            words("between 2025-03-01 and 2025-03-15."),
            ["between", "2025-03-01", "and", "2025-03-15"]
        );
        assert_eq!(
            words("Wuhan's sales, F0022's Sharpe"),
            ["wuhan", "sales", "f0022", "sharpe"]
        );
    }

    #[test]
    fn typos() {
        assert!(!word_matches("than", "that"));
        assert!(!word_matches("share", "sharpe"));
        assert!(!word_matches("change", "charge"));
        assert!(!word_matches("changed", "charged"));
        assert!(word_matches("sortion", "sortino"));
        assert!(word_matches("shanghia", "shanghai"));
        assert!(word_matches("revenu", "revenue"));
        assert!(!word_matches("cola", "coke"));
        assert!(!word_matches("sku-10023", "sku-10024"));
        // "which warehouses sold last month" is not "sold least".
        assert!(!word_matches("last", "least"));
    }
}
