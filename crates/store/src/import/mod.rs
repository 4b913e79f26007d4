//! Import of a dataset folder (`retail/`, `network/`, `funds/`) into a fresh
//! SQLite file. Every rule of the data contract is checked while reading; the
//! first violation stops the import with an [`ImportError`].

mod funds;
mod network;
mod retail;

use std::collections::HashMap;
use std::fs::File;
use std::hash::Hash;
use std::io::Read;
use std::path::PathBuf;

use rusqlite::Transaction;

use crate::csvio::{Col, Table};
use crate::error::{Error, ImportError, Result};
use crate::model::Summary;

/// Progress of an import: bytes of CSV read out of the total.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// The files the contract knows, relative to the dataset folder.
pub(crate) const KNOWN_FILES: &[&str] = &[
    "retail/locations.csv",
    "retail/suppliers.csv",
    "retail/items.csv",
    "retail/sales.csv",
    "retail/inventory.csv",
    "retail/events.csv",
    "retail/purchase_orders.csv",
    "network/nodes.csv",
    "network/lanes.csv",
    "network/demand.csv",
    "network/supply.csv",
    "network/processing.csv",
    "network/settings.csv",
    "funds/funds.csv",
    "funds/fund_nav.csv",
];

/// Where the CSV bytes come from: a folder on disk, or files held in memory (fuzzing, tests).
pub(crate) enum Source<'a> {
    Dir(PathBuf),
    Memory(&'a [(&'a str, &'a [u8])]),
}

/// A file's bytes as the table reader sees them.
pub(crate) type Input = Box<dyn Read>;

pub(crate) struct Ctx<'a> {
    source: Source<'a>,
    tx: &'a Transaction<'a>,
    done_before: u64,
    total: u64,
    progress: &'a mut dyn FnMut(Progress),
}

impl<'a> Ctx<'a> {
    /// Opens a contract file; `Ok(None)` when an optional file is absent.
    fn open(
        &self,
        rel: &str,
        cols: &[Col],
        required: bool,
    ) -> Result<Option<Table<Input>>, ImportError> {
        let input: Option<Input> = match &self.source {
            Source::Dir(dir) => match File::open(dir.join(rel)) {
                Ok(f) => Some(Box::new(f)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    return Err(ImportError::file(
                        rel,
                        format!("could not open the file: {e}"),
                    ))
                }
            },
            Source::Memory(files) => files
                .iter()
                .find(|(name, _)| *name == rel)
                .map(|(_, bytes)| Box::new(std::io::Cursor::new(bytes.to_vec())) as Input),
        };
        match input {
            Some(input) => Table::new(rel, input, cols).map(Some),
            None if required => Err(ImportError::file(
                rel,
                "required file is missing; add it to the dataset folder",
            )),
            None => Ok(None),
        }
    }

    /// Reports progress every few thousand rows.
    fn tick(&mut self, table: &Table<Input>) {
        if table.rows() % 8192 == 0 {
            (self.progress)(Progress {
                done: self.done_before + table.bytes_read(),
                total: self.total,
            });
        }
    }

    fn finish(&mut self, table: &Table<Input>) {
        self.done_before += table.bytes_read();
        (self.progress)(Progress {
            done: self.done_before,
            total: self.total,
        });
    }

    /// Requires at least one data row in a required table.
    fn non_empty(table: &Table<Input>) -> Result<(), ImportError> {
        if table.rows() == 0 {
            return Err(ImportError {
                file: table.file.clone(),
                line: None,
                column: None,
                message: "the file has a header but no rows; at least one row is required".into(),
            });
        }
        Ok(())
    }
}

/// Remembers the line of each key of a table to report duplicates.
pub(crate) struct Keys<K>(HashMap<K, u64>);

impl<K: Hash + Eq> Keys<K> {
    pub(crate) fn new() -> Self {
        Keys(HashMap::new())
    }

    pub(crate) fn insert(
        &mut self,
        key: K,
        table: &Table<Input>,
        describe: impl FnOnce() -> String,
    ) -> Result<(), ImportError> {
        if let Some(first) = self.0.insert(key, table.line()) {
            return Err(table.err(
                None,
                format!(
                    "duplicate key {}; it first appears on line {first}",
                    describe()
                ),
            ));
        }
        Ok(())
    }

    pub(crate) fn contains(&self, key: &K) -> bool {
        self.0.contains_key(key)
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

/// Checks that a value names a row of another table.
pub(crate) fn check_ref<K: Hash + Eq>(
    table: &Table<Input>,
    col: &str,
    value: &str,
    keys: &Keys<K>,
    key: &K,
    target: &str,
) -> Result<(), ImportError> {
    if !keys.contains(key) {
        return Err(table.err(
            Some(col),
            format!("unknown {col} {value:?}: it is not in {target}"),
        ));
    }
    Ok(())
}

/// JSON object of the extra (undeclared) columns of the current row, `None` when all are empty.
pub(crate) fn extras_json(table: &Table<Input>, extras: &[String]) -> Option<String> {
    let mut map = serde_json::Map::new();
    for name in extras {
        let v = table.extra(name);
        if !v.is_empty() {
            map.insert(name.clone(), serde_json::Value::String(v.to_string()));
        }
    }
    (!map.is_empty()).then(|| serde_json::Value::Object(map).to_string())
}

/// Imports every kind present in the source inside `tx` and returns the summary.
pub(crate) fn import_all(
    source: Source<'_>,
    tx: &Transaction<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    let present = |kind: &str| match &source {
        Source::Dir(dir) => dir.join(kind).is_dir(),
        Source::Memory(files) => files
            .iter()
            .any(|(name, _)| name.starts_with(&format!("{kind}/"))),
    };
    let kinds: Vec<&str> = ["retail", "network", "funds"]
        .into_iter()
        .filter(|k| present(k))
        .collect();
    if kinds.is_empty() {
        let place = match &source {
            Source::Dir(dir) => dir.display().to_string(),
            Source::Memory(_) => "the dataset".to_string(),
        };
        return Err(Error::User(format!(
            "{place} holds none of the folders retail/, network/ or funds/; see the data contract for the expected layout"
        )));
    }
    let total = match &source {
        Source::Dir(dir) => KNOWN_FILES
            .iter()
            .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
            .map(|m| m.len())
            .sum(),
        Source::Memory(files) => files.iter().map(|(_, b)| b.len() as u64).sum(),
    };
    let mut ctx = Ctx {
        source,
        tx,
        done_before: 0,
        total,
        progress,
    };
    let mut summary = Summary::default();
    if kinds.contains(&"retail") {
        summary.retail = Some(retail::import(&mut ctx)?);
    }
    if kinds.contains(&"network") {
        summary.network = Some(network::import(&mut ctx)?);
    }
    if kinds.contains(&"funds") {
        summary.funds = Some(funds::import(&mut ctx)?);
    }
    Ok(summary)
}
