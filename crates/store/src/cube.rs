//! A compact in-memory copy of the sales table, sorted by date, for aggregate
//! questions in milliseconds: written once per import into the dataset file (a
//! blob of little-endian arrays), read back with one query.

use abacus_core::Date;
use rusqlite::Transaction;

use crate::error::{Error, Result};

const NAME: &str = "sales_cube.v1";

/// Sales rows as parallel arrays sorted by day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SalesCube {
    pub skus: Vec<String>,
    pub locations: Vec<String>,
    /// Day 0 of `day`.
    pub first: Option<Date>,
    pub day: Vec<u32>,
    pub sku: Vec<u32>,
    pub loc: Vec<u32>,
    pub units: Vec<f64>,
}

impl SalesCube {
    /// Index range of the rows between two dates inclusive.
    pub fn range(&self, start: Date, end: Date) -> std::ops::Range<usize> {
        let Some(first) = self.first else { return 0..0 };
        let off = |d: Date| (d - first).num_days();
        let (a, b) = (off(start), off(end));
        if b < 0 {
            return 0..0;
        }
        let a = a.max(0) as u32;
        let b = b as u32;
        let lo = self.day.partition_point(|&d| d < a);
        let hi = self.day.partition_point(|&d| d <= b);
        lo..hi.max(lo)
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.day.len() * 20);
        let strings = |out: &mut Vec<u8>, v: &[String]| {
            out.extend((v.len() as u32).to_le_bytes());
            for s in v {
                out.extend((s.len() as u32).to_le_bytes());
                out.extend(s.as_bytes());
            }
        };
        strings(&mut out, &self.skus);
        strings(&mut out, &self.locations);
        let first = self.first.map_or(i64::MIN, |d| {
            (d - Date::from_ymd_opt(1970, 1, 1).expect("valid")).num_days()
        });
        out.extend(first.to_le_bytes());
        out.extend((self.day.len() as u64).to_le_bytes());
        for v in [&self.day, &self.sku, &self.loc] {
            for x in v {
                out.extend(x.to_le_bytes());
            }
        }
        for x in &self.units {
            out.extend(x.to_le_bytes());
        }
        out
    }

    fn decode(b: &[u8]) -> Option<SalesCube> {
        let mut r = Reader { b, at: 0 };
        let skus = r.strings()?;
        let locations = r.strings()?;
        let first = i64::from_le_bytes(r.take(8)?.try_into().ok()?);
        let n = u64::from_le_bytes(r.take(8)?.try_into().ok()?) as usize;
        let day = r.u32s(n)?;
        let sku = r.u32s(n)?;
        let loc = r.u32s(n)?;
        let raw = r.take(n.checked_mul(8)?)?;
        let units = raw
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let first = (first != i64::MIN).then(|| {
            Date::from_ymd_opt(1970, 1, 1).expect("valid") + chrono::Duration::days(first)
        });
        Some(SalesCube {
            skus,
            locations,
            first,
            day,
            sku,
            loc,
            units,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.u32()? as usize;
        let mut v = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let len = self.u32()? as usize;
            v.push(String::from_utf8(self.take(len)?.to_vec()).ok()?);
        }
        Some(v)
    }

    fn u32s(&mut self, n: usize) -> Option<Vec<u32>> {
        let raw = self.take(n.checked_mul(4)?)?;
        Some(
            raw.chunks_exact(4)
                .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect(),
        )
    }
}

/// Builds the cube from the imported sales table and stores it in the dataset file.
pub(crate) fn build(tx: &Transaction<'_>) -> Result<()> {
    let mut cube = SalesCube::default();
    let mut stmt = tx.prepare("SELECT sku FROM items ORDER BY sku")?;
    cube.skus = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = tx.prepare("SELECT location_id FROM locations ORDER BY location_id")?;
    cube.locations = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let idx = |v: &[String], s: &str| v.binary_search_by(|x| x.as_str().cmp(s)).map(|i| i as u32);
    let mut stmt = tx.prepare(
        "SELECT date, sku, location_id, units FROM sales ORDER BY date, sku, location_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let d: String = r.get(0)?;
        let d = abacus_core::date::parse_iso_date(&d)
            .ok_or_else(|| Error::User(format!("bad date {d:?} in the store")))?;
        let first = *cube.first.get_or_insert(d);
        let sku: String = r.get(1)?;
        let loc: String = r.get(2)?;
        let (Ok(s), Ok(l)) = (idx(&cube.skus, &sku), idx(&cube.locations, &loc)) else {
            continue;
        };
        cube.day.push((d - first).num_days() as u32);
        cube.sku.push(s);
        cube.loc.push(l);
        cube.units.push(r.get(3)?);
    }
    tx.execute(
        "INSERT OR REPLACE INTO derived VALUES (?1, ?2)",
        rusqlite::params![NAME, cube.encode()],
    )?;
    Ok(())
}

impl crate::Dataset {
    /// The sales cube of this import.
    pub fn sales_cube(&self) -> Result<SalesCube> {
        match self.derived(NAME)? {
            Some(b) => SalesCube::decode(&b).ok_or_else(|| {
                Error::User("the stored sales cube is damaged; import the dataset again".into())
            }),
            None => Ok(SalesCube::default()),
        }
    }
}
