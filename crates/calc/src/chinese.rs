//! Chinese numerals: 三百零五 = 305, 一万二千 = 12000, 十五 = 15, 三点五 = 3.5, 二〇二五 = 2025.

use num_rational::BigRational;
use num_traits::Zero;

use crate::lex::rat;
use crate::number::parse_decimal_rational;

const CN_DIGITS: &str = "零〇一二两三四五六七八九";

fn cn_value(c: char) -> Option<i64> {
    match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

pub(crate) fn is_cn_numeral(c: char) -> bool {
    CN_DIGITS.contains(c) || "十百千万亿点".contains(c)
}

/// A Chinese numeral: 三百零五 = 305, 一万二千 = 12000, 十五 = 15, 三点五 = 3.5, 二五 = 25.
pub(crate) fn parse_chinese(run: &[char]) -> Option<BigRational> {
    let (int, frac) = match run.iter().position(|c| *c == '点') {
        Some(p) => (&run[..p], Some(&run[p + 1..])),
        None => (run, None),
    };
    let mut value = if int.iter().all(|c| cn_value(*c).is_some()) {
        // Digit by digit (also the empty integer part of 点五).
        let s: String = int
            .iter()
            .filter_map(|c| cn_value(*c))
            .map(|d| d.to_string())
            .collect();
        parse_decimal_rational(if s.is_empty() { "0" } else { &s })?
    } else {
        let (mut total, mut section, mut number) = (rat(0), rat(0), rat(0));
        for c in int {
            if let Some(d) = cn_value(*c) {
                number = rat(d);
                continue;
            }
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10_000,
                '亿' => 100_000_000,
                _ => return None,
            };
            if unit >= 10_000 {
                total = (total + &section + &number) * rat(unit);
                section = rat(0);
            } else {
                let n = if number.is_zero() && section.is_zero() && unit == 10 {
                    rat(1)
                } else {
                    number.clone()
                };
                section += n * rat(unit);
            }
            number = rat(0);
        }
        total + section + number
    };
    if let Some(frac) = frac {
        let digits: Option<String> = frac
            .iter()
            .map(|c| cn_value(*c).map(|d| d.to_string()))
            .collect();
        let digits = digits.filter(|d| !d.is_empty())?;
        value += parse_decimal_rational(&format!("0.{digits}"))?;
    }
    Some(value)
}
