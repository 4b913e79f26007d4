//! A compact, exact byte encoding of computed [`NavStats`], for the per-import metric cache.
//!
//! Layout (little-endian): magic `AFS1`, fund count `u32`, then per fund: code (`u32` length +
//! UTF-8), a presence byte, and if present first/last dates (`i32` days from CE) and per window a
//! presence byte followed by its fields. Floats are stored as their bits, so a round trip is exact.

use abacus_core::Date;

use crate::nav::{NavStats, WindowStats};
use crate::{Error, Result};

const MAGIC: &[u8; 4] = b"AFS1";

/// Encodes each fund's code with its NAV statistics (`None` for a fund without NAV history).
pub fn encode_stats(stats: &[(String, Option<NavStats>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + stats.len() * 400);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(stats.len() as u32).to_le_bytes());
    for (code, st) in stats {
        out.extend_from_slice(&(code.len() as u32).to_le_bytes());
        out.extend_from_slice(code.as_bytes());
        let Some(st) = st else {
            out.push(0);
            continue;
        };
        out.push(1);
        put_date(&mut out, st.first);
        put_date(&mut out, st.last);
        for w in &st.windows {
            let Some(w) = w else {
                out.push(0);
                continue;
            };
            out.push(1);
            put_date(&mut out, w.start);
            put_date(&mut out, w.end);
            put_date(&mut out, w.peak);
            put_date(&mut out, w.trough);
            out.extend_from_slice(&w.returns.to_le_bytes());
            put_f64(&mut out, Some(w.total_return));
            put_f64(&mut out, w.annual_return);
            put_f64(&mut out, w.volatility);
            put_f64(&mut out, w.downside);
            put_f64(&mut out, Some(w.max_drawdown));
        }
    }
    out
}

/// Decodes what [`encode_stats`] wrote; any other input is an [`Error::Cache`].
pub fn decode_stats(bytes: &[u8]) -> Result<Vec<(String, Option<NavStats>)>> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4)? != MAGIC {
        return Err(Error::Cache(
            "not a fund statistics cache (bad magic)".into(),
        ));
    }
    let n = r.u32()? as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let len = r.u32()? as usize;
        let code = String::from_utf8(r.take(len)?.to_vec())
            .map_err(|_| Error::Cache("a fund code is not UTF-8".into()))?;
        if r.u8()? == 0 {
            out.push((code, None));
            continue;
        }
        let (first, last) = (r.date()?, r.date()?);
        let mut windows = [None; 5];
        for slot in &mut windows {
            if r.u8()? == 0 {
                continue;
            }
            let (start, end, peak, trough) = (r.date()?, r.date()?, r.date()?, r.date()?);
            let returns = r.u32()?;
            let missing = || Error::Cache("a required number is missing".into());
            *slot = Some(WindowStats {
                start,
                end,
                peak,
                trough,
                returns,
                total_return: r.f64()?.ok_or_else(missing)?,
                annual_return: r.f64()?,
                volatility: r.f64()?,
                downside: r.f64()?,
                max_drawdown: r.f64()?.ok_or_else(missing)?,
            });
        }
        out.push((
            code,
            Some(NavStats {
                first,
                last,
                windows,
            }),
        ));
    }
    if r.pos != bytes.len() {
        return Err(Error::Cache("trailing bytes".into()));
    }
    Ok(out)
}

fn put_date(out: &mut Vec<u8>, d: Date) {
    use chrono::Datelike;
    out.extend_from_slice(&d.num_days_from_ce().to_le_bytes());
}

fn put_f64(out: &mut Vec<u8>, v: Option<f64>) {
    match v {
        None => out.push(0),
        Some(v) => {
            out.push(1);
            out.extend_from_slice(&v.to_bits().to_le_bytes());
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| Error::Cache("truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn date(&mut self) -> Result<Date> {
        let days = i32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        Date::from_num_days_from_ce_opt(days)
            .ok_or_else(|| Error::Cache(format!("bad date {days}")))
    }

    fn f64(&mut self) -> Result<Option<f64>> {
        match self.u8()? {
            0 => Ok(None),
            _ => Ok(Some(f64::from_bits(u64::from_le_bytes(
                self.take(8)?.try_into().expect("8 bytes"),
            )))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nav::nav_stats;

    #[test]
    fn round_trip_is_exact_and_garbage_is_refused() {
        let d = |s| abacus_core::date::parse_iso_date(s).unwrap();
        let nav = [
            (d("2023-01-03"), 1.0),
            (d("2024-02-29"), 1.1),
            (d("2024-03-01"), 0.97),
            (d("2025-03-03"), 1.0 / 3.0),
        ];
        let stats = vec![("A".to_string(), nav_stats(&nav)), ("B".to_string(), None)];
        let bytes = encode_stats(&stats);
        assert_eq!(decode_stats(&bytes).unwrap(), stats);
        assert!(decode_stats(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode_stats(b"nope").is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_stats(&longer).is_err());
    }
}
