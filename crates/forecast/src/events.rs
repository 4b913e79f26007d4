//! Event windows: how demand moves in the weeks around a sales event (the 618
//! pre-sale, the surge before Chinese New Year and the trough after it, the
//! Double 11 pre-sale), learned once from an aggregate daily series and applied
//! to every series under it as a multiplicative factor per day.
//!
//! For each past occurrence of an event at day `e`, the factor at offset `k`
//! (from `−PRE` to `+POST` days) is `agg[e + k] / base(weekday of e + k)`, where
//! `base` is the median of the same weekday over the eight weeks before the
//! window (a median, so that an earlier event in those weeks does not move it).
//! Factors are averaged over occurrences on the log scale. A single-day event
//! model cannot see a three-week pre-sale; this can, and it moves with the
//! event's date (Chinese New Year is lunar).

use abacus_core::Date;

/// Days before an event that its window covers.
pub const PRE: i64 = 28;
/// Days after an event that its window covers.
pub const POST: i64 = 10;
/// Weeks of baseline before a window.
const BASE_WEEKS: i64 = 8;
/// Factors are kept within this range.
const CLAMP: (f64, f64) = (0.05, 20.0);

/// Learned event windows: per event name, a factor for each offset `−PRE..=POST`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventProfile {
    by_event: Vec<(String, Vec<f64>)>,
}

impl EventProfile {
    /// Learns the windows of `events` from `agg`, one value per day from `start`.
    /// Only occurrences whose window and baseline lie inside `agg` teach.
    pub fn learn(agg: &[f64], start: Date, events: &[(Date, String)]) -> EventProfile {
        let width = (PRE + POST + 1) as usize;
        let mut acc: Vec<(String, Vec<f64>, usize)> = Vec::new();
        for (d, name) in events {
            let e = (*d - start).num_days();
            let first = e - PRE - 7 * BASE_WEEKS;
            if first < 0 || e + POST >= agg.len() as i64 {
                continue;
            }
            let base = |i: i64| -> Option<f64> {
                let mut v: Vec<f64> = (1..=BASE_WEEKS)
                    .map(|w| {
                        // Same weekday as i, w weeks before the window's start.
                        let back = (i - (e - PRE)).div_euclid(7) + w;
                        agg[(i - 7 * back) as usize]
                    })
                    .collect();
                v.sort_by(f64::total_cmp);
                let m = (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0;
                (m > 0.0).then_some(m)
            };
            let logs: Option<Vec<f64>> = (-PRE..=POST)
                .map(|k| {
                    let i = e + k;
                    base(i).map(|b| (agg[i as usize] / b).clamp(CLAMP.0, CLAMP.1).ln())
                })
                .collect();
            let Some(logs) = logs else { continue };
            match acc.iter_mut().find(|(n, _, _)| n == name) {
                Some((_, sum, k)) => {
                    for (s, l) in sum.iter_mut().zip(&logs) {
                        *s += l;
                    }
                    *k += 1;
                }
                None => acc.push((name.clone(), logs, 1)),
            }
        }
        debug_assert!(acc.iter().all(|(_, v, _)| v.len() == width));
        EventProfile {
            by_event: acc
                .into_iter()
                .map(|(n, sum, k)| (n, sum.iter().map(|s| (s / k as f64).exp()).collect()))
                .collect(),
        }
    }

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.by_event.is_empty()
    }

    /// The learned events and the factor at each offset `−PRE..=POST`.
    pub fn events(&self) -> impl Iterator<Item = (&str, &[f64])> {
        self.by_event
            .iter()
            .map(|(n, f)| (n.as_str(), f.as_slice()))
    }

    /// The factor for each of `len` days from `start`: the product of the
    /// windows of every learned event whose window covers the day (1 elsewhere).
    pub fn factors(&self, start: Date, len: usize, events: &[(Date, String)]) -> Vec<f64> {
        let mut f = vec![1.0; len];
        for (d, name) in events {
            let Some((_, w)) = self.by_event.iter().find(|(n, _)| n == name) else {
                continue;
            };
            let e = (*d - start).num_days();
            for (j, factor) in w.iter().enumerate() {
                let i = e - PRE + j as i64;
                if (0..len as i64).contains(&i) {
                    f[i as usize] *= factor;
                }
            }
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    /// Weekday (0 = Monday) of `start + i` days.
    fn weekday(start: Date, i: usize) -> u32 {
        use chrono::Datelike;
        (start + Duration::days(i as i64))
            .weekday()
            .num_days_from_monday()
    }

    /// Two years of a weekly pattern with a pre-sale: +50% in the 14 days before
    /// each event, −50% on the 3 days after it.
    fn synthetic(start: Date, days: usize, events: &[(Date, String)]) -> Vec<f64> {
        let week = [10.0, 10.0, 12.0, 12.0, 14.0, 20.0, 18.0];
        (0..days)
            .map(|i| {
                let day = start + Duration::days(i as i64);
                let mut v = week[weekday(start, i) as usize];
                for (d, _) in events {
                    let k = (day - *d).num_days();
                    if (-14..0).contains(&k) {
                        v *= 1.5;
                    } else if (1..=3).contains(&k) {
                        v *= 0.5;
                    }
                }
                v
            })
            .collect()
    }

    #[test]
    fn a_pre_sale_window_is_learned_and_moves_with_the_date() {
        let start = date(2024, 1, 1);
        let events = vec![
            (date(2024, 6, 18), "sale".to_string()),
            (date(2025, 6, 3), "sale".to_string()),
        ];
        let agg = synthetic(start, 730, &events);
        let p = EventProfile::learn(&agg, start, &events);
        let (_, w) = p.events().next().unwrap();
        for (j, f) in w.iter().enumerate() {
            let k = j as i64 - PRE;
            let want = if (-14..0).contains(&k) {
                1.5
            } else if (1..=3).contains(&k) {
                0.5
            } else {
                1.0
            };
            assert!((f - want).abs() < 1e-12, "offset {k}: {f} vs {want}");
        }
        // Applied at a new date, the window lands around that date.
        let future = vec![(date(2026, 5, 20), "sale".to_string())];
        let f = p.factors(date(2026, 5, 1), 40, &future);
        let e = 19; // 2026-05-20 is day 19: the event day itself
        assert_eq!(f[e], 1.0);
        assert!((f[e - 1] - 1.5).abs() < 1e-12);
        assert!((f[e - 14] - 1.5).abs() < 1e-12);
        assert_eq!(f[e - 15], 1.0);
        assert!((f[e + 2] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn occurrences_without_a_full_baseline_teach_nothing() {
        let start = date(2024, 1, 1);
        let events = vec![(date(2024, 2, 1), "early".to_string())];
        let agg = vec![10.0; 400];
        assert!(EventProfile::learn(&agg, start, &events).is_empty());
        assert_eq!(
            EventProfile::default().factors(start, 3, &events),
            vec![1.0; 3]
        );
    }
}
