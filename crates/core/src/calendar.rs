//! The built-in calendar of Chinese retail events, used when a dataset has no `events.csv`.

use chrono::NaiveDate;

/// Chinese New Year (first day of the lunar year), 2015–2035.
const CNY: [(i32, u32, u32); 21] = [
    (2015, 2, 19),
    (2016, 2, 8),
    (2017, 1, 28),
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
];

/// The date of Chinese New Year in `year`, when the built-in table covers it.
pub fn chinese_new_year(year: i32) -> Option<NaiveDate> {
    CNY.iter()
        .find(|(y, _, _)| *y == year)
        .and_then(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

/// Built-in events between two dates inclusive: (date, name).
pub fn builtin_events(start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, &'static str)> {
    use chrono::Datelike;
    let mut out = Vec::new();
    for year in start.year()..=end.year() {
        let mut add = |d: Option<NaiveDate>, name| {
            if let Some(d) = d {
                if d >= start && d <= end {
                    out.push((d, name));
                }
            }
        };
        add(chinese_new_year(year), "Chinese New Year");
        add(NaiveDate::from_ymd_opt(year, 6, 18), "618");
        add(NaiveDate::from_ymd_opt(year, 11, 11), "Double 11");
        add(NaiveDate::from_ymd_opt(year, 12, 12), "Double 12");
    }
    out.sort();
    out
}
