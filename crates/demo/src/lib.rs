//! A deterministic generator of a realistic demo dataset in the data contract's
//! form: a retail supply chain with seasonality, sales events, promotions,
//! slow movers, launches, discontinuations and stock-outs; a fund universe with
//! daily NAV histories; and a small supply network. The same seed always gives
//! the same bytes.

mod funds;
mod network;
mod retail;

use std::fs;
use std::path::Path;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    pub seed: u64,
    /// Multiplies the number of SKUs and funds (1 = about 150 SKUs and 200 funds).
    pub scale: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config { seed: 42, scale: 1 }
    }
}

/// Counts of what was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub skus: usize,
    pub sales_rows: usize,
    pub funds: usize,
    pub nav_rows: usize,
    pub nodes: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write CSV {path}: {source}")]
    Csv { path: String, source: csv::Error },
}

pub type Result<T> = std::result::Result<T, Error>;

/// The as-of date of the demo data ("today" for every relative date).
pub fn as_of() -> abacus_core::Date {
    abacus_core::Date::from_ymd_opt(2026, 6, 30).expect("valid date")
}

/// A CSV file being written; errors carry the path.
pub(crate) struct Out {
    path: String,
    w: csv::Writer<std::io::BufWriter<fs::File>>,
}

impl Out {
    pub(crate) fn create(dir: &Path, name: &str, header: &[&str]) -> Result<Out> {
        let path = dir.join(name);
        let f = fs::File::create(&path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let mut out = Out {
            path: path.display().to_string(),
            w: csv::Writer::from_writer(std::io::BufWriter::with_capacity(1 << 16, f)),
        };
        out.row(header)?;
        Ok(out)
    }

    pub(crate) fn row<I, T>(&mut self, fields: I) -> Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.w.write_record(fields).map_err(|source| Error::Csv {
            path: self.path.clone(),
            source,
        })
    }

    pub(crate) fn finish(mut self) -> Result<()> {
        self.w.flush().map_err(|source| Error::Io {
            path: self.path.clone(),
            source,
        })
    }
}

/// Writes `retail/`, `funds/` and `network/` under `out`.
pub fn write_dataset(out: &Path, cfg: &Config) -> Result<Stats> {
    let mut stats = Stats::default();
    for sub in ["retail", "funds", "network"] {
        let d = out.join(sub);
        fs::create_dir_all(&d).map_err(|source| Error::Io {
            path: d.display().to_string(),
            source,
        })?;
    }
    // Each part has its own stream so that changing one part never changes another.
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    rng.set_stream(1);
    retail::write(&out.join("retail"), cfg.scale, &mut rng, &mut stats)?;
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    rng.set_stream(2);
    funds::write(&out.join("funds"), cfg.scale, &mut rng, &mut stats)?;
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    rng.set_stream(3);
    network::write(&out.join("network"), &mut rng, &mut stats)?;
    Ok(stats)
}

/// Formats a number with up to `dp` decimals, without trailing zeros.
pub(crate) fn num(x: f64, dp: usize) -> String {
    let s = format!("{x:.dp$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}
