//! Strict ISO `YYYY-MM-DD` dates, as the data contract requires.

use chrono::{Datelike, NaiveDate};

/// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
/// Returns `None` for any other shape or for a day that does not exist (2025-02-30).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut v = 0u32;
        for &c in &b[r] {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        Some(v)
    };
    let y = digits(0..4)?;
    let m = digits(5..7)?;
    let d = digits(8..10)?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// Formats a date as `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The same month and day `years` earlier; 29 February falls back to 28 February.
pub fn years_before(d: NaiveDate, years: i32) -> NaiveDate {
    let y = d.year() - years;
    NaiveDate::from_ymd_opt(y, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, d.month(), 28))
        .expect("day 28 exists in every month")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_iso_dates() {
        assert_eq!(
            parse_iso_date("2026-06-30"),
            NaiveDate::from_ymd_opt(2026, 6, 30)
        );
        assert_eq!(
            parse_iso_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2025-02-30",
            "2025-2-01",
            "2025/02/01",
            "20250201",
            "2025-02-01 ",
            "",
            "abcd-ef-gh",
            "2025-13-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn years_before_handles_leap_day() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(
            years_before(d, 1),
            NaiveDate::from_ymd_opt(2023, 2, 28).unwrap()
        );
        assert_eq!(
            years_before(d, 4),
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
    }
}
