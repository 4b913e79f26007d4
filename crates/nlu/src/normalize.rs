//! Text clean-up before understanding: NFKC, removal of control, zero-width and
//! bidirectional-override characters, look-alike letters from other scripts
//! mapped to the Latin letters they imitate, Arabic-Indic digits to ASCII.

use unicode_normalization::UnicodeNormalization;

/// Characters that change nothing visible but can hide text or reorder it.
fn is_invisible(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Cyrillic and Greek letters that look like Latin ones.
fn confusable(c: char) -> char {
    match c {
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'ν' => 'v',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٫' => '.',
        '،' => ',',
        '؟' => '?',
        _ => c,
    }
}

/// Normalises a question: NFKC, invisible characters removed, look-alikes mapped,
/// whitespace collapsed.
pub fn normalize(text: &str) -> String {
    let cleaned: String = text
        .nfkc()
        .filter(|c| !is_invisible(*c))
        .map(confusable)
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn cleans_hidden_and_lookalike_characters() {
        assert_eq!(normalize("SKU\u{200B}-1002\u{202E}3"), "SKU-10023");
        assert_eq!(normalize("ЅКU-10023 in  Ѕhanghai"), "SKU-10023 in Shanghai");
        assert_eq!(normalize("ＳＫＵ－１００２３"), "SKU-10023");
        assert_eq!(normalize("١٢٣"), "123");
    }
}
