//! Date expressions of the data contract, resolved against the dataset's as-of
//! date: "last month", "this year", "YTD", "Q1", "since March", "past 90 days",
//! "yesterday", "March 2026", "2025-03-01 to 2025-03-15", "618", "Double 11",
//! "next 4 weeks" (a horizon), in English, Chinese and Arabic basics.

use abacus_core::date::parse_iso_date;
use abacus_core::Date;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::{word_matches, Token};

/// An inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

impl Period {
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// The same period one year earlier (29 February → 28 February).
    pub fn year_before(&self) -> Period {
        Period {
            start: abacus_core::date::years_before(self.start, 1),
            end: abacus_core::date::years_before(self.end, 1),
        }
    }
}

/// What the date parser found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dates {
    /// Periods in the order they appear.
    pub periods: Vec<Period>,
    /// "next N days/weeks/months": days ahead.
    pub horizon_days: Option<i64>,
    /// A date written that does not exist (2025-02-30), as written.
    pub invalid: Option<String>,
    /// Token indexes used by date expressions (so they are not read as quantities).
    pub used: Vec<usize>,
    /// Ranges joined from two periods ("from March to May"): (first, second, joined), so
    /// that a comparison of the two ("growth from April 2025 to April 2026") can undo it.
    pub joined: Vec<(Period, Period, Period)>,
    /// A period narrowed or shifted by words the parser does not apply ("the first week
    /// of May", "before March", "early 2025", "the end of May"), as written: the whole
    /// period would answer another question.
    pub qualified: Option<String>,
    /// A word of time in Chinese or Arabic that no period or horizon accounts for.
    pub unread: Option<String>,
}

impl Dates {
    /// Splits joined ranges back into their two periods (for comparisons).
    pub fn unjoin(&mut self) {
        for (a, b, j) in std::mem::take(&mut self.joined) {
            if let Some(k) = self.periods.iter().position(|p| *p == j) {
                self.periods[k] = a;
                self.periods.insert(k + 1, b);
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u32> {
    const ABBR: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = word.trim_end_matches('.');
    let w = if w == "sept" { "sep" } else { w };
    MONTHS
        .iter()
        .zip(ABBR)
        .position(|(m, a)| *m == w || a == w || (w.len() >= 5 && word_matches(w, m)))
        .map(|i| i as u32 + 1)
}

fn month_range(y: i32, m: u32) -> Period {
    let start = NaiveDate::from_ymd_opt(y, m, 1).expect("valid");
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    Period {
        start,
        end: next.expect("valid") - Duration::days(1),
    }
}

fn quarter_range(y: i32, q: u32) -> Period {
    let a = month_range(y, 3 * q - 2);
    let b = month_range(y, 3 * q);
    Period {
        start: a.start,
        end: b.end,
    }
}

fn year_range(y: i32) -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(y, 1, 1).expect("valid"),
        end: NaiveDate::from_ymd_opt(y, 12, 31).expect("valid"),
    }
}

/// A day of the month as written: "7", "1st", "31st" (1 to 31).
fn day_number(x: &str) -> Option<u32> {
    let n = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| x.strip_suffix(s))
        .unwrap_or(x);
    n.parse::<u32>().ok().filter(|v| (1..=31).contains(v))
}

/// Where the month stands after a day: next to it, or after "of" when the day is an
/// ordinal ("the 1st of July"; "the top 5 of March" is no date).
fn month_after_day(rest: &[&str]) -> usize {
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| rest[0].ends_with(s));
    1 + usize::from(ordinal && rest.get(1) == Some(&"of"))
}

/// The year of a day named without one ("March 8", "1 July"): this year's if it is
/// before the as-of date, else last year's.
fn year_of_day(as_of: Date, month: u32, day: u32) -> i32 {
    if (month, day) < (as_of.month(), as_of.day()) {
        as_of.year()
    } else {
        as_of.year() - 1
    }
}

/// "The last N months": the N whole calendar months before the as-of date's month.
fn last_months(as_of: Date, n: i32) -> Period {
    let months = as_of.year() * 12 + as_of.month0() as i32 - n;
    Period {
        start: NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
            .expect("valid"),
        end: month_range(as_of.year(), as_of.month()).start - Duration::days(1),
    }
}

/// A whole unit named without a year: the one in the as-of year if it has ended, else the year before.
fn latest_ended(as_of: Date, f: impl Fn(i32) -> Period) -> Period {
    let p = f(as_of.year());
    if p.end < as_of {
        p
    } else {
        f(as_of.year() - 1)
    }
}

fn year_token(t: &str) -> Option<i32> {
    let t = t.trim_end_matches("'s");
    (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// A year named after a month, quarter or half, starting at `rest[k]`: "2025", "of 2025",
/// "last year", "of last year", "this year", "of the previous year". The year and the
/// number of words read.
fn year_after(rest: &[&str], k: usize, as_of: Date) -> Option<(i32, usize)> {
    let of = usize::from(matches!(rest.get(k), Some(&"of") | Some(&"in")));
    let j = k + of;
    if let Some(y) = rest.get(j).and_then(|t| year_token(t)) {
        return Some((y, of + 1));
    }
    let the = usize::from(of == 1 && rest.get(j) == Some(&"the"));
    let j = j + the;
    let year = match rest.get(j + 1).map(|t| t.trim_end_matches("'s")) {
        Some("year") => true,
        _ => false,
    };
    if !year {
        return None;
    }
    match rest.get(j) {
        Some(&"last" | &"previous" | &"prior") => Some((as_of.year() - 1, of + the + 2)),
        Some(&"this" | &"current") => Some((as_of.year(), of + the + 2)),
        _ => None,
    }
}

fn number_word(t: &str) -> Option<i64> {
    if let Ok(n) = t.parse::<i64>() {
        return Some(n);
    }
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .iter()
        .position(|w| *w == t)
        .map(|i| i as i64)
        .or(match t {
            "fourteen" => Some(14),
            "thirty" => Some(30),
            "sixty" => Some(60),
            "ninety" => Some(90),
            "a" | "an" => Some(1),
            _ => None,
        })
}

fn unit_days(t: &str) -> Option<i64> {
    match t {
        "day" | "days" => Some(1),
        "week" | "weeks" | "wk" | "wks" => Some(7),
        _ => None,
    }
}

/// Single-day retail events: (words, month, day).
fn event_day(words: &[&str]) -> Option<(usize, u32, u32)> {
    match words {
        ["618", ..] => Some((1, 6, 18)),
        ["double", "11" | "eleven", ..] | ["singles", "day", ..] | ["singles'", "day", ..] => {
            Some((2, 11, 11))
        }
        ["double", "12" | "twelve", ..] => Some((2, 12, 12)),
        ["11.11", ..] => Some((1, 11, 11)),
        ["12.12", ..] => Some((1, 12, 12)),
        _ => None,
    }
}

/// Finds the date expressions of a normalised, lower-cased question.
pub fn find_dates(lower: &str, tokens: &[Token], as_of: Date) -> Dates {
    let mut d = Dates::default();
    let w: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let yesterday = as_of - Duration::days(1);
    // (period index, first token, end token) of each English period expression.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let rest = &w[i..];
        let found_before = d.periods.len();
        let take = |d: &mut Dates, n: usize, p: Option<Period>| {
            if let Some(p) = p {
                d.periods.push(p);
            }
            d.used.extend(i..i + n);
            n
        };
        // One day written as day and month: the period of that day, or the words as
        // an invalid date ("30 February").
        let one_day = |d: &mut Dates, n: usize, date: Option<Date>| match date {
            Some(date) => take(
                d,
                n,
                Some(Period {
                    start: date,
                    end: date,
                }),
            ),
            None => {
                d.invalid = Some(format!("{} {}", rest[0], rest[1]));
                n
            }
        };
        // ISO dates: a single day, or a range "between A and B" / "from A to B" / "A to B".
        if rest[0].len() == 10 && rest[0].as_bytes()[4] == b'-' && rest[0].as_bytes()[7] == b'-' {
            match parse_iso_date(rest[0]) {
                None => {
                    d.invalid = Some(rest[0].to_string());
                    i += 1;
                    continue;
                }
                Some(a) => {
                    let second = rest
                        .get(1)
                        .filter(|c| {
                            matches!(**c, "and" | "to" | "until" | "through" | "till" | "-")
                        })
                        .and_then(|_| rest.get(2))
                        .map(|b| (b, parse_iso_date(b)));
                    match second {
                        Some((_, Some(b))) => {
                            let (s, e) = if a <= b { (a, b) } else { (b, a) };
                            i += take(&mut d, 3, Some(Period { start: s, end: e }));
                        }
                        Some((b, None)) if b.len() == 10 && b.as_bytes()[4] == b'-' => {
                            d.invalid = Some(b.to_string());
                            i += 3;
                        }
                        _ => i += take(&mut d, 1, Some(Period { start: a, end: a })),
                    }
                    continue;
                }
            }
        }
        let n = match rest {
            // "since the start of the year", "from the beginning of this month", "since the start of 2025"
            ["since" | "from", ..] if start_of(rest, as_of).is_some() => {
                let (k, p) = start_of(rest, as_of).expect("checked");
                take(&mut d, k, Some(p))
            }
            // "since last year": from the start of last year up to the as-of date.
            ["since", "last" | "previous" | "prior", unit, ..]
                if matches!(
                    *unit,
                    "year" | "yr" | "quarter" | "qtr" | "month" | "week" | "wk"
                ) =>
            {
                let start = match *unit {
                    "year" | "yr" => year_range(as_of.year() - 1).start,
                    "quarter" | "qtr" => {
                        let q = (as_of.month() - 1) / 3 + 1;
                        if q == 1 {
                            quarter_range(as_of.year() - 1, 4).start
                        } else {
                            quarter_range(as_of.year(), q - 1).start
                        }
                    }
                    "month" => {
                        let m = as_of - Duration::days(i64::from(as_of.day()));
                        month_range(m.year(), m.month()).start
                    }
                    // "last week" is the seven days before the as-of date.
                    _ => as_of - Duration::days(7),
                };
                take(&mut d, 3, Some(Period { start, end: as_of }))
            }
            // "month to date", "MTD", "quarter to date", "the year so far"
            ["mtd", ..] | ["month", "to", "date", ..] | ["month-to-date", ..] => {
                let p = month_range(as_of.year(), as_of.month());
                take(
                    &mut d,
                    if rest[0] == "month" { 3 } else { 1 },
                    Some(Period {
                        start: p.start,
                        end: as_of,
                    }),
                )
            }
            ["qtd", ..] | ["quarter", "to", "date", ..] | ["quarter-to-date", ..] => {
                let p = quarter_range(as_of.year(), (as_of.month() - 1) / 3 + 1);
                take(
                    &mut d,
                    if rest[0] == "quarter" { 3 } else { 1 },
                    Some(Period {
                        start: p.start,
                        end: as_of,
                    }),
                )
            }
            ["year", "so", "far", ..] => take(
                &mut d,
                3,
                Some(Period {
                    start: year_range(as_of.year()).start,
                    end: as_of,
                }),
            ),
            // "the month before last": the calendar month before last month.
            ["month", "before", "last", ..] => {
                let m = as_of - Duration::days(i64::from(as_of.day()));
                let m = m - Duration::days(i64::from(m.day()));
                take(&mut d, 3, Some(month_range(m.year(), m.month())))
            }
            // "the week before last": the seven days before last week.
            ["week" | "wk", "before", "last", ..] => take(
                &mut d,
                3,
                Some(Period {
                    start: as_of - Duration::days(14),
                    end: as_of - Duration::days(8),
                }),
            ),
            ["yesterday" | "yday" | "yest", ..] => take(
                &mut d,
                1,
                Some(Period {
                    start: yesterday,
                    end: yesterday,
                }),
            ),
            ["today", ..] => take(
                &mut d,
                1,
                Some(Period {
                    start: as_of,
                    end: as_of,
                }),
            ),
            ["ytd", ..] | ["year", "to", "date", ..] | ["year-to-date", ..] => take(
                &mut d,
                1,
                Some(Period {
                    start: year_range(as_of.year()).start,
                    end: as_of,
                }),
            ),
            // "this year's 618": the event day this year.
            ["this" | "current", "year" | "yr", ..] if event_day(&rest[2..]).is_some() => {
                let (k, m, day) = event_day(&rest[2..]).expect("checked");
                let date = NaiveDate::from_ymd_opt(as_of.year(), m, day).expect("valid");
                take(
                    &mut d,
                    2 + k,
                    Some(Period {
                        start: date,
                        end: date,
                    }),
                )
            }
            ["this" | "current", unit, ..]
                if matches!(
                    *unit,
                    "month" | "quarter" | "qtr" | "year" | "yr" | "week" | "wk"
                ) =>
            {
                let start = match *unit {
                    "qtr" => quarter_range(as_of.year(), (as_of.month() - 1) / 3 + 1).start,
                    "yr" => year_range(as_of.year()).start,
                    "wk" => {
                        as_of - Duration::days(i64::from(as_of.weekday().num_days_from_monday()))
                    }
                    "month" => month_range(as_of.year(), as_of.month()).start,
                    "quarter" => quarter_range(as_of.year(), (as_of.month() - 1) / 3 + 1).start,
                    "year" => year_range(as_of.year()).start,
                    _ => as_of - Duration::days(i64::from(as_of.weekday().num_days_from_monday())),
                };
                take(&mut d, 2, Some(Period { start, end: as_of }))
            }
            ["so", "far", "this", "year", ..] => take(
                &mut d,
                4,
                Some(Period {
                    start: year_range(as_of.year()).start,
                    end: as_of,
                }),
            ),
            ["last" | "past" | "previous" | "prior", "week" | "wk", ..] => take(
                &mut d,
                2,
                Some(Period {
                    start: as_of - Duration::days(7),
                    end: yesterday,
                }),
            ),
            // "the past fortnight": the last 2 weeks, like "the last 14 days".
            ["last" | "past" | "previous" | "prior", "fortnight", ..] => take(
                &mut d,
                2,
                Some(Period {
                    start: as_of - Duration::days(14),
                    end: yesterday,
                }),
            ),
            ["last" | "previous" | "prior", "month", ..] => {
                let m = as_of - Duration::days(i64::from(as_of.day()));
                take(&mut d, 2, Some(month_range(m.year(), m.month())))
            }
            ["last" | "previous" | "prior", "quarter" | "qtr", ..] => {
                let q = (as_of.month() - 1) / 3 + 1;
                let p = if q == 1 {
                    quarter_range(as_of.year() - 1, 4)
                } else {
                    quarter_range(as_of.year(), q - 1)
                };
                take(&mut d, 2, Some(p))
            }
            ["last" | "previous" | "prior", "year" | "yr", ..]
            | ["last" | "previous", "year's", ..] => {
                // "last year's Double 11" is the event day in that year.
                if let Some((k, m, day)) = event_day(&rest[2..]) {
                    let date = NaiveDate::from_ymd_opt(as_of.year() - 1, m, day).expect("valid");
                    take(
                        &mut d,
                        2 + k,
                        Some(Period {
                            start: date,
                            end: date,
                        }),
                    )
                } else {
                    take(&mut d, 2, Some(year_range(as_of.year() - 1)))
                }
            }
            ["last" | "past" | "previous" | "prior" | "trailing", n, unit, ..]
                if number_word(n).is_some() && unit_days(unit).is_some() =>
            {
                let days = number_word(n).unwrap_or(0) * unit_days(unit).unwrap_or(1);
                if days > 0 {
                    take(
                        &mut d,
                        3,
                        Some(Period {
                            start: as_of - Duration::days(days),
                            end: yesterday,
                        }),
                    )
                } else {
                    1
                }
            }
            // "the last 3 full months", "past 2 complete weeks": the same as without the word.
            ["last" | "past" | "previous" | "prior", n, "full" | "complete" | "whole" | "entire", unit, ..]
                if number_word(n).is_some_and(|k| k > 0 && k <= 120)
                    && (unit_days(unit).is_some() || matches!(*unit, "months" | "month")) =>
            {
                let k = number_word(n).unwrap_or(1);
                let p = if unit.starts_with("month") {
                    last_months(as_of, k as i32)
                } else {
                    Period {
                        start: as_of - Duration::days(k * unit_days(unit).unwrap_or(1)),
                        end: yesterday,
                    }
                };
                take(&mut d, 4, Some(p))
            }
            // "last 6 months": the N whole calendar months before the current one.
            ["last" | "past" | "previous" | "prior", n, unit, ..]
                if number_word(n).is_some_and(|k| k > 0 && k <= 120)
                    && matches!(*unit, "months" | "month") =>
            {
                let k = number_word(n).unwrap_or(1) as i32;
                take(&mut d, 3, Some(last_months(as_of, k)))
            }
            // "first half of 2026", "H1 2025", "second half".
            ["first" | "second", "half", ..] | ["h1" | "h2", ..] => {
                let second = matches!(rest[0], "second" | "h2");
                let k = if rest[0].starts_with('h') { 1 } else { 2 };
                let (y, used) = match year_after(rest, k, as_of) {
                    Some((y, n)) => (Some(y), k + n),
                    None => (None, k),
                };
                let half = |y: i32| {
                    if second {
                        Period {
                            start: month_range(y, 7).start,
                            end: month_range(y, 12).end,
                        }
                    } else {
                        Period {
                            start: month_range(y, 1).start,
                            end: month_range(y, 6).end,
                        }
                    }
                };
                let p = match y {
                    Some(y) => half(y),
                    None => latest_ended(as_of, half),
                };
                take(&mut d, used, Some(p))
            }
            ["last" | "past" | "previous", "day", ..] => take(
                &mut d,
                2,
                Some(Period {
                    start: yesterday,
                    end: yesterday,
                }),
            ),
            ["next" | "coming" | "upcoming", n, unit, ..]
                if number_word(n).is_some()
                    && (unit_days(unit).is_some() || unit.starts_with("month")) =>
            {
                let k = number_word(n).unwrap_or(0);
                d.horizon_days = Some(if unit.starts_with("month") {
                    k * 30
                } else {
                    k * unit_days(unit).unwrap_or(1)
                });
                take(&mut d, 3, None)
            }
            // "within 10 days", "within the next 3 weeks": ahead of the as-of date.
            ["within", n, unit, ..]
                if number_word(n).is_some_and(|k| k > 0 && k <= 366)
                    && unit_days(unit).is_some() =>
            {
                d.horizon_days = Some(number_word(n).unwrap_or(1) * unit_days(unit).unwrap_or(1));
                take(&mut d, 3, None)
            }
            ["next" | "coming", unit, ..]
                if matches!(*unit, "week" | "month" | "day" | "fortnight") =>
            {
                d.horizon_days = Some(match *unit {
                    "week" => 7,
                    "fortnight" => 14,
                    "month" => 30,
                    _ => 1,
                });
                take(&mut d, 2, None)
            }
            ["since", m, ..] if month_of(m).is_some() => {
                let mo = month_of(m).unwrap_or(1);
                // "since March 15": from that day, not the month's first.
                let day = rest
                    .get(2)
                    .map(|t| t.trim_end_matches(|c: char| c.is_ascii_alphabetic()))
                    .and_then(|t| t.parse::<u32>().ok())
                    .filter(|x| (1..=31).contains(x));
                let at = if day.is_some() { 3 } else { 2 };
                let (y, k) = match rest.get(at).and_then(|t| year_token(t)) {
                    Some(y) => (y, at + 1),
                    None => (
                        if (mo, day.unwrap_or(1)) <= (as_of.month(), as_of.day()) {
                            as_of.year()
                        } else {
                            as_of.year() - 1
                        },
                        at,
                    ),
                };
                match NaiveDate::from_ymd_opt(y, mo, day.unwrap_or(1)) {
                    Some(start) => take(&mut d, k, Some(Period { start, end: as_of })),
                    None => {
                        d.invalid = Some(rest[..k].join(" "));
                        k
                    }
                }
            }
            [q, ..]
                if q.len() == 2
                    && q.starts_with('q')
                    && matches!(&q[1..], "1" | "2" | "3" | "4") =>
            {
                let qn: u32 = q[1..].parse().unwrap_or(1);
                match year_after(rest, 1, as_of) {
                    Some((y, n)) => take(&mut d, 1 + n, Some(quarter_range(y, qn))),
                    None => take(
                        &mut d,
                        1,
                        Some(latest_ended(as_of, |y| quarter_range(y, qn))),
                    ),
                }
            }
            [ord, "quarter", ..] if matches!(*ord, "first" | "second" | "third" | "fourth") => {
                let qn = match *ord {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    _ => 4,
                };
                let (y, k) = match year_after(rest, 2, as_of) {
                    Some((y, n)) => (Some(y), 2 + n),
                    None => (None, 2),
                };
                match y {
                    Some(y) => take(&mut d, k, Some(quarter_range(y, qn))),
                    None => take(
                        &mut d,
                        2,
                        Some(latest_ended(as_of, |y| quarter_range(y, qn))),
                    ),
                }
            }
            // "between 1 and 10 March 2026", "from 3 to 9 May": days of one month.
            ["between" | "from", d1, "and" | "to" | "-" | "through" | "until" | "till", d2, m, ..]
                if month_of(m).is_some()
                    && m.len() >= 3
                    && day_number(d1).is_some()
                    && day_number(d2).is_some() =>
            {
                let (a, b) = (day_number(d1).unwrap_or(1), day_number(d2).unwrap_or(1));
                let mo = month_of(m).unwrap_or(1);
                let (y, k) = match year_after(rest, 5, as_of) {
                    Some((y, n)) => (y, 5 + n),
                    None => (latest_ended(as_of, |y| month_range(y, mo)).start.year(), 5),
                };
                match (
                    NaiveDate::from_ymd_opt(y, mo, a),
                    NaiveDate::from_ymd_opt(y, mo, b),
                ) {
                    (Some(start), Some(end)) if start <= end => {
                        take(&mut d, k, Some(Period { start, end }))
                    }
                    _ => {
                        d.invalid = Some(rest[..k].join(" "));
                        k
                    }
                }
            }
            // "1 July 2025", "31st December", "the 1st of July": a day before its month.
            [dd, ..]
                if day_number(dd).is_some() && {
                    let at = month_after_day(rest);
                    rest.get(at).is_some_and(|m| {
                        month_of(m).is_some()
                            && m.len() >= 3
                            && (*m != "may"
                                || rest.get(at + 1).is_some_and(|y| year_token(y).is_some()))
                    })
                } =>
            {
                let at = month_after_day(rest);
                let day = day_number(dd).unwrap_or(1);
                let mo = month_of(rest[at]).unwrap_or(1);
                let (y, k) = match year_after(rest, at + 1, as_of) {
                    Some((y, n)) => (y, at + 1 + n),
                    None => (year_of_day(as_of, mo, day), at + 1),
                };
                one_day(&mut d, k, NaiveDate::from_ymd_opt(y, mo, day))
            }
            [m, ..] if month_of(m).is_some() && (m.len() >= 3) && !(*m == "may" && i == 0) => {
                let mo = month_of(m).unwrap_or(1);
                match year_after(rest, 1, as_of) {
                    Some((y, n)) => take(&mut d, 1 + n, Some(month_range(y, mo))),
                    None if rest.get(1).is_some_and(|t| day_number(t).is_some()) => {
                        // "March 8" / "June 18th 2025"
                        let day = day_number(rest[1]).unwrap_or(1);
                        let (y, k) = match rest.get(2).and_then(|t| year_token(t)) {
                            Some(y) => (y, 3),
                            None => (year_of_day(as_of, mo, day), 2),
                        };
                        one_day(&mut d, k, NaiveDate::from_ymd_opt(y, mo, day))
                    }
                    // "may" is a month after a preposition or a measure word, or as the last word.
                    None if *m == "may"
                        && !matches!(
                            w.get(i.wrapping_sub(1)),
                            Some(&"in")
                                | Some(&"since")
                                | Some(&"to")
                                | Some(&"until")
                                | Some(&"through")
                                | Some(&"from")
                                | Some(&"between")
                                | Some(&"during")
                                | Some(&"for")
                                | Some(&"of")
                                | Some(&"units")
                                | Some(&"sales")
                                | Some(&"revenue")
                        )
                        && i + 1 < w.len() =>
                    {
                        1
                    }
                    None => take(&mut d, 1, Some(latest_ended(as_of, |y| month_range(y, mo)))),
                }
            }
            _ => {
                if let Some((k, m, day)) = event_day(rest) {
                    let (y, extra) =
                        match (rest.get(k).and_then(|t| year_token(t)), rest.get(k..k + 2)) {
                            (Some(y), _) => (y, 1),
                            (None, Some(["last", "year"])) => (as_of.year() - 1, 2),
                            (None, Some(["this", "year"])) => (as_of.year(), 2),
                            _ => match i.checked_sub(1).and_then(|j| year_token(w[j])) {
                                Some(y) => (y, 0),
                                None => (
                                    if (m, day) < (as_of.month(), as_of.day()) {
                                        as_of.year()
                                    } else {
                                        as_of.year() - 1
                                    },
                                    0,
                                ),
                            },
                        };
                    let date = NaiveDate::from_ymd_opt(y, m, day).expect("valid");
                    take(
                        &mut d,
                        k + extra,
                        Some(Period {
                            start: date,
                            end: date,
                        }),
                    )
                } else if let Some(y) = year_token(rest[0]).filter(|_| {
                    let prev = i.checked_sub(1).map(|j| w[j]);
                    matches!(
                        prev,
                        Some(
                            "in" | "of"
                                | "for"
                                | "during"
                                | "year"
                                | "calendar"
                                | "fy"
                                | "with"
                                | "vs"
                                | "versus"
                                | "and"
                                | "to"
                        )
                    ) || rest
                        .get(1)
                        .is_some_and(|n| matches!(*n, "compared" | "vs" | "versus"))
                }) {
                    take(&mut d, 1, Some(year_range(y)))
                } else {
                    1
                }
            }
        };
        if d.periods.len() == found_before + 1 {
            spans.push((found_before, i, i + n.max(1)));
        }
        i += n.max(1);
    }
    join_ranges(&w, &spans, &mut d);
    d.qualified = qualified(&w, &spans);
    chinese_and_arabic(lower, as_of, &mut d);
    d
}

/// "since the start of the year", "from the beginning of this month", "since the start
/// of 2025": (tokens used, the period from that start to the as-of date).
fn start_of(rest: &[&str], as_of: Date) -> Option<(usize, Period)> {
    let mut k = 1;
    if rest.get(k) == Some(&"the") {
        k += 1;
    }
    if !matches!(rest.get(k), Some(&"start") | Some(&"beginning")) || rest.get(k + 1) != Some(&"of")
    {
        return None;
    }
    k += 2;
    if matches!(rest.get(k), Some(&"the") | Some(&"this")) {
        k += 1;
    }
    if rest.get(k) == Some(&"current") {
        k += 1;
    }
    let start = match *rest.get(k)? {
        "year" | "yr" => year_range(as_of.year()).start,
        "quarter" | "qtr" => quarter_range(as_of.year(), (as_of.month() - 1) / 3 + 1).start,
        "month" => month_range(as_of.year(), as_of.month()).start,
        "week" => as_of - Duration::days(i64::from(as_of.weekday().num_days_from_monday())),
        t => match (year_token(t), month_of(t)) {
            (Some(y), _) => year_range(y).start,
            (None, Some(m)) => match rest.get(k + 1).and_then(|t| year_token(t)) {
                Some(y) => {
                    k += 1;
                    month_range(y, m).start
                }
                None => {
                    let y = if m <= as_of.month() {
                        as_of.year()
                    } else {
                        as_of.year() - 1
                    };
                    month_range(y, m).start
                }
            },
            _ => return None,
        },
    };
    Some((k + 1, Period { start, end: as_of }))
}

/// Words right before a period that narrow or shift it in a way no date expression
/// reads: "before/after/until March", "early/late/mid May", "the first week of May",
/// "the end of 2025", "week 23 of 2026".
fn qualified(w: &[&str], spans: &[(usize, usize, usize)]) -> Option<String> {
    for &(_, a0, _) in spans {
        let at = |k: usize| a0.checked_sub(k).map(|j| w[j]);
        let shifted = matches!(
            at(1),
            Some(
                "before"
                    | "after"
                    | "until"
                    | "till"
                    | "til"
                    | "prior"
                    | "by"
                    | "pre"
                    | "post"
                    | "early"
                    | "late"
                    | "mid"
                    | "end"
                    | "start"
                    | "beginning"
            )
        ) && !(at(1) == Some("by") && at(2).is_some_and(|x| x.ends_with("ly")));
        let part_of = at(1) == Some("of")
            && at(2).is_some_and(|x| {
                matches!(
                    x,
                    "week"
                        | "weeks"
                        | "half"
                        | "day"
                        | "days"
                        | "end"
                        | "start"
                        | "beginning"
                        | "middle"
                        | "part"
                        | "rest"
                        | "remainder"
                        | "weekend"
                        | "weekends"
                        | "month"
                        | "months"
                        | "fortnight"
                ) || x.parse::<u32>().is_ok()
            });
        if shifted || part_of {
            let from = a0.saturating_sub(if part_of { 3 } else { 1 });
            return Some(w[from..a0.min(w.len())].join(" "));
        }
    }
    None
}

/// Two periods written as the ends of one range ("from March to May 2026", "between Q1
/// and Q2", "January through April") become that range.
fn join_ranges(w: &[&str], spans: &[(usize, usize, usize)], d: &mut Dates) {
    let mut k = spans.len();
    while k >= 2 {
        k -= 1;
        let (pa, a0, a1) = spans[k - 1];
        let (pb, b0, _) = spans[k];
        if pb != pa + 1 || pb >= d.periods.len() || b0 != a1 + 1 {
            continue;
        }
        let joiner = w[a1];
        let before = a0.checked_sub(1).map(|j| w[j]);
        let range = matches!(joiner, "to" | "until" | "till" | "through" | "thru" | "-")
            || (joiner == "and" && before == Some("between"));
        let (a, b) = (d.periods[pa], d.periods[pb]);
        if range && a.start <= b.end {
            let j = Period {
                start: a.start,
                end: b.end,
            };
            d.periods[pa] = j;
            d.joined.push((a, b, j));
            d.periods.remove(pb);
            d.used.extend(a1..b0);
        }
    }
}

/// A number at the start of `s`: ASCII digits, or Chinese numerals up to twelve
/// (一 … 十二, 两). The value and its length in bytes.
pub(crate) fn zh_number(s: &str) -> Option<(u32, usize)> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|n| (n, digits.len()));
    }
    const ONES: &str = "一二三四五六七八九";
    let mut chars = s.char_indices();
    let (_, c) = chars.next()?;
    let one = |c: char| {
        ONES.chars()
            .position(|z| z == c)
            .map(|k| k as u32 + 1)
            .or((c == '两').then_some(2))
    };
    if c == '十' {
        // 十, 十一, 十二
        return match chars.next() {
            Some((i, n)) if one(n).is_some() => Some((10 + one(n)?, i + n.len_utf8())),
            _ => Some((10, c.len_utf8())),
        };
    }
    let n = one(c)?;
    match chars.next() {
        Some((i, '十')) => match chars.next() {
            Some((j, m)) if one(m).is_some() => Some((n * 10 + one(m)?, j + m.len_utf8())),
            _ => Some((n * 10, i + '十'.len_utf8())),
        },
        _ => Some((n, c.len_utf8())),
    }
}

/// The number written just before byte `end` of `s` (digits or Chinese numerals).
pub(crate) fn zh_number_before(s: &str, end: usize) -> Option<u32> {
    let head = &s[..end];
    let starts: Vec<usize> = head.char_indices().map(|(i, _)| i).collect();
    // The longest suffix of at most 3 characters that reads as a whole number.
    starts
        .iter()
        .rev()
        .take(3)
        .filter_map(|&i| zh_number(&head[i..]).filter(|(_, len)| i + len == end))
        .last()
        .map(|(n, _)| n)
}

const ARABIC_MONTHS: [&[&str]; 12] = [
    &["يناير", "كانون الثاني"],
    &["فبراير", "شباط"],
    &["مارس", "آذار"],
    &["أبريل", "ابريل", "إبريل", "نيسان"],
    &["مايو", "أيار"],
    &["يونيو", "يونيه", "حزيران"],
    &["يوليو", "يوليه", "تموز"],
    &["أغسطس", "اغسطس", "آب"],
    &["سبتمبر", "أيلول"],
    &["أكتوبر", "اكتوبر", "تشرين الأول"],
    &["نوفمبر", "تشرين الثاني"],
    &["ديسمبر", "كانون الأول"],
];

/// Words of time in Chinese and Arabic: one left unread means a period was meant.
const ZH_AR_TIME: &[&str] = &[
    "年",
    "月",
    "季度",
    "周",
    "星期",
    "天",
    "日",
    "号",
    "昨",
    "前天",
    "双十一",
    "618",
    "الربع",
    "شهر",
    "عام",
    "سنة",
    "أسبوع",
    "اسبوع",
    "يوم",
    "أمس",
    "البارحة",
    "الماضي",
    "الماضية",
];

/// Periods written in Chinese or Arabic: a year (2025年, 去年, 今年, عام 2025, العام
/// الماضي), a month (12月, 去年12月, مايو), a quarter (一季度, 第二季度, الربع الأول), a half
/// (上半年), last/this month, week, yesterday, the day before, Double 11, and "the last N
/// days/weeks/months" (最近30天, 近3个月). A word of time that none of these reads is kept
/// in `unread`, so a question never falls back to the whole history.
fn chinese_and_arabic(lower: &str, as_of: Date, d: &mut Dates) {
    if lower.is_ascii() {
        return;
    }
    let yesterday = as_of - Duration::days(1);
    let has = |s: &str| lower.contains(s);
    let before = d.periods.len();
    // The year named, if any.
    let explicit_year = lower.char_indices().find_map(|(i, c)| {
        (c == '年')
            .then(|| {
                let head = &lower[..i];
                let digits: String = head
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                (digits.len() == 4)
                    .then(|| digits.parse::<i32>().ok())
                    .flatten()
            })
            .flatten()
    });
    let arabic_year = || {
        // "عام 2026", "سنة 2025", or a four-digit year in Arabic text.
        lower
            .split(|c: char| !c.is_ascii_digit())
            .filter(|t| t.len() == 4)
            .find_map(|t| t.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y)))
    };
    let year: Option<i32> = if has("前年") {
        Some(as_of.year() - 2)
    } else if has("去年") || has("العام الماضي") || has("السنة الماضية") || has("العام السابق")
    {
        Some(as_of.year() - 1)
    } else if has("今年") || has("هذا العام") || has("هذه السنة") || has("العام الحالي")
    {
        Some(as_of.year())
    } else {
        explicit_year.or_else(arabic_year)
    };
    let mut push = |p: Period| d.periods.push(p);
    // A month: "12月" (not "个月", "上个月", "本月"), or an Arabic month name.
    let zh_month = lower.char_indices().find_map(|(i, c)| {
        if c != '月' {
            return None;
        }
        let prev = lower[..i].chars().last();
        if matches!(
            prev,
            Some('个') | Some('上') | Some('本') | Some('下') | None
        ) {
            return None;
        }
        zh_number_before(lower, i).filter(|m| (1..=12).contains(m))
    });
    let ar_month = ARABIC_MONTHS
        .iter()
        .position(|names| names.iter().any(|n| has(n)))
        .map(|k| k as u32 + 1);
    let quarter = ["一季度", "二季度", "三季度", "四季度"]
        .iter()
        .position(|q| has(q))
        .or_else(|| {
            ["الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع"]
                .iter()
                .position(|q| has(q))
        })
        .or_else(|| {
            ["q1", "q2", "q3", "q4"].iter().position(|q| {
                lower
                    .match_indices(q)
                    .any(|(i, _)| !lower[..i].ends_with(|c: char| c.is_ascii_alphanumeric()))
            })
        })
        .map(|q| q as u32 + 1);
    let in_year = |f: &dyn Fn(i32) -> Period| match year {
        Some(y) => f(y),
        None => latest_ended(as_of, f),
    };
    if has("双十一") || has("双11") {
        let y = year.unwrap_or(if (11, 11) < (as_of.month(), as_of.day()) {
            as_of.year()
        } else {
            as_of.year() - 1
        });
        let day = NaiveDate::from_ymd_opt(y, 11, 11).expect("valid");
        push(Period {
            start: day,
            end: day,
        });
    } else if let Some(m) = zh_month.or(ar_month) {
        push(in_year(&|y| month_range(y, m)));
    } else if let Some(q) = quarter {
        push(in_year(&|y| quarter_range(y, q)));
    } else if has("上半年") || has("下半年") {
        let second = has("下半年");
        push(in_year(&|y| {
            if second {
                Period {
                    start: month_range(y, 7).start,
                    end: month_range(y, 12).end,
                }
            } else {
                Period {
                    start: month_range(y, 1).start,
                    end: month_range(y, 6).end,
                }
            }
        }));
    } else if has("上个月") || has("上月") || has("الشهر الماضي") {
        let m = as_of - Duration::days(i64::from(as_of.day()));
        push(month_range(m.year(), m.month()));
    } else if has("本月") || has("这个月") || has("هذا الشهر") {
        push(Period {
            start: month_range(as_of.year(), as_of.month()).start,
            end: as_of,
        });
    } else if has("上周")
        || has("上星期")
        || has("上个星期")
        || has("الأسبوع الماضي")
        || has("الاسبوع الماضي")
    {
        push(Period {
            start: as_of - Duration::days(7),
            end: yesterday,
        });
    } else if has("本周") || has("这周") || has("这个星期") || has("هذا الأسبوع")
    {
        push(Period {
            start: as_of - Duration::days(i64::from(as_of.weekday().num_days_from_monday())),
            end: as_of,
        });
    } else if has("前天") {
        let day = as_of - Duration::days(2);
        push(Period {
            start: day,
            end: day,
        });
    } else if has("昨天") || has("昨日") || has("أمس") || has("البارحة") {
        push(Period {
            start: yesterday,
            end: yesterday,
        });
    } else if let Some(y) = year {
        push(if y == as_of.year() {
            Period {
                start: year_range(y).start,
                end: as_of,
            }
        } else {
            year_range(y)
        });
    }
    // 最近/过去/近 N 天 (周, 个月)
    for marker in ["最近", "过去", "近"] {
        if let Some(pos) = lower.find(marker) {
            let after = &lower[pos + marker.len()..];
            let Some((n, len)) = zh_number(after) else {
                continue;
            };
            let n = i64::from(n);
            let unit = after[len..]
                .chars()
                .find(|c| !c.is_whitespace() && *c != '个');
            let p = match unit {
                Some('天') | Some('日') => Period {
                    start: as_of - Duration::days(n),
                    end: yesterday,
                },
                Some('周') | Some('星') => Period {
                    start: as_of - Duration::days(7 * n),
                    end: yesterday,
                },
                Some('月') if (1..=120).contains(&n) => last_months(as_of, n as i32),
                // 近三年: a fund window, not a period of sales.
                _ => continue,
            };
            if n > 0 {
                push(p);
            }
            break;
        }
    }
    for marker in ["未来", "接下来"] {
        if let Some(pos) = lower.find(marker) {
            let after = &lower[pos + marker.len()..];
            if let Some((n, len)) = zh_number(after) {
                let n = i64::from(n);
                let unit = after[len..]
                    .chars()
                    .find(|c| !c.is_whitespace() && *c != '个');
                d.horizon_days = match unit {
                    Some('天') | Some('日') => Some(n),
                    Some('周') => Some(7 * n),
                    Some('月') => Some(30 * n),
                    _ => d.horizon_days,
                };
            }
        }
    }
    if d.periods.len() > before {
        // "2025年12月": the English pass may have read the year alone; the month is meant.
        let new: Vec<Period> = d.periods[before..].to_vec();
        let mut kept: Vec<Period> = d.periods[..before]
            .iter()
            .copied()
            .filter(|p| !new.iter().any(|n| p.start <= n.start && n.end <= p.end))
            .collect();
        kept.extend(new);
        d.periods = kept;
    } else if d.horizon_days.is_none() {
        d.unread = ZH_AR_TIME.iter().find(|w| has(w)).map(|w| (*w).to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn p(q: &str) -> Vec<(String, String)> {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let lower = q.to_lowercase();
        find_dates(&lower, &tokenize(&lower), as_of)
            .periods
            .iter()
            .map(|p| (p.start.to_string(), p.end.to_string()))
            .collect()
    }

    fn one(q: &str) -> (String, String) {
        let v = p(q);
        assert_eq!(v.len(), 1, "{q}: {v:?}");
        v[0].clone()
    }

    fn r(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    // Expectations from data.md's worked examples (as-of 2026-06-30).
    #[test]
    fn contract_examples() {
        assert_eq!(one("this year"), r("2026-01-01", "2026-06-30"));
        assert_eq!(one("in the last 4 weeks"), r("2026-06-02", "2026-06-29"));
        assert_eq!(one("last week"), r("2026-06-23", "2026-06-29"));
        assert_eq!(one("last month"), r("2026-05-01", "2026-05-31"));
        assert_eq!(one("last quarter"), r("2026-01-01", "2026-03-31"));
        assert_eq!(one("last year"), r("2025-01-01", "2025-12-31"));
        assert_eq!(one("in March"), r("2026-03-01", "2026-03-31"));
        assert_eq!(one("in August"), r("2025-08-01", "2025-08-31"));
        assert_eq!(one("in June"), r("2025-06-01", "2025-06-30"));
        assert_eq!(one("Q2"), r("2025-04-01", "2025-06-30"));
        assert_eq!(one("Q1 2026"), r("2026-01-01", "2026-03-31"));
        assert_eq!(one("since March"), r("2026-03-01", "2026-06-30"));
        assert_eq!(one("since March 15"), r("2026-03-15", "2026-06-30"));
        for q in [
            "in the first week of May 2026",
            "before March 2026",
            "after March",
            "until April",
            "in early May",
            "at the end of 2025",
            "in week 23 of 2026",
            "in the second half of May",
        ] {
            let d = find_dates(
                &q.to_lowercase(),
                &tokenize(&q.to_lowercase()),
                NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            );
            assert!(d.qualified.is_some(), "{q}: {d:?}");
        }
        for q in [
            "in March",
            "since March",
            "from March to May",
            "first half of 2026",
            "Q1 of 2026",
        ] {
            let d = find_dates(
                &q.to_lowercase(),
                &tokenize(&q.to_lowercase()),
                NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            );
            assert!(d.qualified.is_none(), "{q}: {d:?}");
        }
        assert_eq!(one("since last year"), r("2025-01-01", "2026-06-30"));
        assert_eq!(one("since last month"), r("2026-05-01", "2026-06-30"));
        assert_eq!(
            one("since the start of the year"),
            r("2026-01-01", "2026-06-30")
        );
        assert_eq!(
            one("since the beginning of this year"),
            r("2026-01-01", "2026-06-30")
        );
        assert_eq!(
            one("from the start of the month"),
            r("2026-06-01", "2026-06-30")
        );
        assert_eq!(
            one("since the start of 2025"),
            r("2025-01-01", "2026-06-30")
        );
        assert_eq!(
            one("since the beginning of April"),
            r("2026-04-01", "2026-06-30")
        );
        assert_eq!(one("the year so far"), r("2026-01-01", "2026-06-30"));
        assert_eq!(one("month to date"), r("2026-06-01", "2026-06-30"));
        assert_eq!(one("QTD"), r("2026-04-01", "2026-06-30"));
        assert_eq!(one("from March to May 2026"), r("2026-03-01", "2026-05-31"));
        assert_eq!(
            one("between Q1 2025 and Q2 2025"),
            r("2025-01-01", "2025-06-30")
        );
        assert_eq!(
            one("January through April 2026"),
            r("2026-01-01", "2026-04-30")
        );
        assert_eq!(one("YTD"), r("2026-01-01", "2026-06-30"));
        assert_eq!(one("yesterday"), r("2026-06-29", "2026-06-29"));
        assert_eq!(one("BJ revenue yday"), r("2026-06-29", "2026-06-29"));
        assert_eq!(one("the month before last"), r("2026-04-01", "2026-04-30"));
        assert_eq!(one("the week before last"), r("2026-06-16", "2026-06-22"));
        assert_eq!(
            one("over the last 3 full months"),
            r("2026-03-01", "2026-05-31")
        );
        assert_eq!(
            one("the past 2 complete weeks"),
            r("2026-06-16", "2026-06-29")
        );
        assert_eq!(
            one("over the past fortnight"),
            r("2026-06-16", "2026-06-29")
        );
        assert_eq!(one("last 2 weeks"), r("2026-06-16", "2026-06-29"));
        assert_eq!(one("this week"), r("2026-06-29", "2026-06-30"));
        assert_eq!(one("past 90 days"), r("2026-04-01", "2026-06-29"));
        assert_eq!(one("on 618"), r("2026-06-18", "2026-06-18"));
        assert_eq!(one("on Double 11"), r("2025-11-11", "2025-11-11"));
        assert_eq!(one("last year's double 11"), r("2025-11-11", "2025-11-11"));
        assert_eq!(one("on 618 last year"), r("2025-06-18", "2025-06-18"));
        assert_eq!(one("during this year's 618"), r("2026-06-18", "2026-06-18"));
        assert_eq!(
            one("between 1 July and 31 December 2025"),
            r("2025-07-01", "2025-12-31")
        );
        assert_eq!(one("on 3 March 2026"), r("2026-03-03", "2026-03-03"));
        assert_eq!(one("on March 8th 2026"), r("2026-03-08", "2026-03-08"));
        assert_eq!(one("on the 1st of July"), r("2025-07-01", "2025-07-01"));
        assert_eq!(
            one("the top 5 of March 2026"),
            r("2026-03-01", "2026-03-31")
        );
        assert_eq!(
            one("sold between 1 and 10 March 2026"),
            r("2026-03-01", "2026-03-10")
        );
        assert_eq!(
            one("revenue for calendar 2025"),
            r("2025-01-01", "2025-12-31")
        );
        assert_eq!(one("qty last wk"), r("2026-06-23", "2026-06-29"));
        assert_eq!(
            one("between 2025-03-01 and 2025-03-15"),
            r("2025-03-01", "2025-03-15")
        );
        assert_eq!(one("in May 2025"), r("2025-05-01", "2025-05-31"));
        // A relative year after a month, quarter or half is one period, not two.
        assert_eq!(one("during Q4 of last year"), r("2025-10-01", "2025-12-31"));
        assert_eq!(one("Q1 this year"), r("2026-01-01", "2026-03-31"));
        assert_eq!(one("in May last year"), r("2025-05-01", "2025-05-31"));
        assert_eq!(
            one("March of the previous year"),
            r("2025-03-01", "2025-03-31")
        );
        assert_eq!(
            one("the second quarter of last year"),
            r("2025-04-01", "2025-06-30")
        );
        assert_eq!(
            one("second half of last year"),
            r("2025-07-01", "2025-12-31")
        );
        assert_eq!(one("in 2025"), r("2025-01-01", "2025-12-31"));
        assert_eq!(one("in the last 6 months"), r("2025-12-01", "2026-05-31"));
        assert_eq!(
            one("in the first half of 2026"),
            r("2026-01-01", "2026-06-30")
        );
        assert_eq!(one("H2 2025"), r("2025-07-01", "2025-12-31"));
        assert_eq!(one("in H1"), r("2025-01-01", "2025-06-30"));
        assert_eq!(one("去年双十一"), r("2025-11-11", "2025-11-11"));
        assert_eq!(one("今年一季度"), r("2026-01-01", "2026-03-31"));
        assert_eq!(one("最近30天"), r("2026-05-31", "2026-06-29"));
        assert_eq!(one("SKU-1去年12月在广州"), r("2025-12-01", "2025-12-31"));
        assert_eq!(one("2025年3月"), r("2025-03-01", "2025-03-31"));
        assert_eq!(one("十二月"), r("2025-12-01", "2025-12-31"));
        assert_eq!(one("2026年第一季度"), r("2026-01-01", "2026-03-31"));
        assert_eq!(one("去年上半年"), r("2025-01-01", "2025-06-30"));
        assert_eq!(one("近3个月"), r("2026-03-01", "2026-05-31"));
        assert_eq!(one("上周"), r("2026-06-23", "2026-06-29"));
        assert_eq!(one("2025年"), r("2025-01-01", "2025-12-31"));
        assert_eq!(
            one("ما هي إيرادات مستودع بكين في الربع الأول من عام 2026"),
            r("2026-01-01", "2026-03-31")
        );
        assert_eq!(one("في مايو 2025"), r("2025-05-01", "2025-05-31"));
        assert_eq!(one("الأسبوع الماضي"), r("2026-06-23", "2026-06-29"));
        assert_eq!(one("أمس"), r("2026-06-29", "2026-06-29"));
    }

    #[test]
    fn horizons_and_invalid_dates() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let f = |q: &str| find_dates(q, &tokenize(q), as_of);
        assert_eq!(f("over the next 4 weeks").horizon_days, Some(28));
        assert_eq!(f("in the next 14 days").horizon_days, Some(14));
        assert_eq!(f("run out within 10 days").horizon_days, Some(10));
        assert_eq!(f("on 2025-02-30").invalid.as_deref(), Some("2025-02-30"));
        assert!(f("how many may we sell").periods.is_empty());
        assert_eq!(f("shanghai units may").periods.len(), 1);
    }
}
