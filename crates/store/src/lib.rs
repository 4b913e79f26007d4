//! The Abacus store: imports a dataset folder in the data contract's form
//! (`retail/`, `network/`, `funds/`), validates every rule, and keeps it in an
//! embedded SQLite file per dataset under the store's home folder.
//!
//! Layout of a store home:
//! - `catalog.sqlite`: the registry of datasets, conversation state, the audit log;
//! - `datasets/<id>.sqlite`: one imported dataset, written whole to a temporary
//!   file and renamed into place, so a failed import never touches the old one.

mod csvio;
mod cube;
mod dataset;
pub mod error;
mod import;
pub mod model;
mod query;
mod schema;

use std::path::{Path, PathBuf};

use abacus_core::hash::{fnv_hex, Fnv64};
use rusqlite::{params, Connection, OptionalExtension};

pub use csvio::{MAX_COLUMNS, MAX_LINE_BYTES};
pub use cube::SalesCube;
pub use dataset::{Catalog, Dataset};
pub use error::{Error, ImportError, Result};
pub use import::Progress;

/// The files of the data contract, relative to a dataset folder (`retail/sales.csv`, ...).
pub const CONTRACT_FILES: &[&str] = import::KNOWN_FILES;
use model::Summary;
pub use query::{SalesAgg, SalesFilter, SalesKey};

/// A dataset registered in the store.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetInfo {
    /// Stable id derived from the folder's canonical path.
    pub id: String,
    /// The folder's name.
    pub name: String,
    /// The folder's canonical path at import.
    pub path: String,
    /// Fingerprint of the folder's contract files (names, sizes, modification times).
    pub fingerprint: String,
    /// RFC 3339 time of the import.
    pub imported_at: String,
    pub summary: Summary,
}

/// One audit-log entry: a question, the plan it became and the answer's status.
#[derive(Debug, Clone, Default)]
pub struct AuditEntry {
    pub dataset_id: Option<String>,
    pub conversation_id: Option<String>,
    pub question: String,
    pub plan: Option<String>,
    pub status: String,
    pub answer: Option<String>,
    pub elapsed_ms: Option<f64>,
}

/// An API key of the server as the catalog keeps it: never the secret, only its hash.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiKey {
    /// Public id (also the key's prefix).
    pub id: String,
    pub name: String,
    /// Hex SHA-256 of the whole key.
    pub hash: String,
    /// Dataset ids or names the key may use; `*` for every dataset.
    pub datasets: Vec<String>,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// The store: a home folder with the catalog and one file per dataset.
pub struct Store {
    home: PathBuf,
    catalog: Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `home`.
    pub fn open(home: &Path) -> Result<Store> {
        std::fs::create_dir_all(home.join("datasets")).map_err(|e| Error::io(home, e))?;
        let catalog = Connection::open(home.join("catalog.sqlite"))?;
        catalog.busy_timeout(std::time::Duration::from_secs(10))?;
        catalog.pragma_update(None, "journal_mode", "WAL")?;
        catalog.execute_batch(schema::CATALOG_SCHEMA)?;
        Ok(Store {
            home: home.to_path_buf(),
            catalog,
        })
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    fn dataset_file(&self, id: &str) -> PathBuf {
        self.home.join("datasets").join(format!("{id}.sqlite"))
    }

    /// Imports the folder `dir` as a whole. On any error nothing changes: the
    /// dataset previously imported from the same folder stays exactly as it was.
    pub fn import(&self, dir: &Path, progress: &mut dyn FnMut(Progress)) -> Result<DatasetInfo> {
        let canonical = dir.canonicalize().map_err(|e| {
            Error::User(format!(
                "cannot read the dataset folder {}: {e}",
                dir.display()
            ))
        })?;
        if !canonical.is_dir() {
            return Err(Error::User(format!("{} is not a folder", dir.display())));
        }
        let path = canonical.display().to_string();
        let id = fnv_hex(path.as_bytes());
        let fingerprint = fingerprint(&canonical);
        let final_path = self.dataset_file(&id);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let tmp = self
            .home
            .join("datasets")
            .join(format!("{id}.sqlite.tmp-{}-{nanos}", std::process::id()));
        let result = write_dataset(&tmp, &canonical, &id, &fingerprint, progress);
        let summary = match result {
            Ok(s) => s,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        std::fs::rename(&tmp, &final_path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(&final_path, e)
        })?;
        let info = DatasetInfo {
            id,
            name: canonical
                .file_name()
                .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned()),
            path,
            fingerprint,
            imported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            summary,
        };
        self.catalog.execute(
            "INSERT OR REPLACE INTO datasets VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                info.id,
                info.name,
                info.path,
                info.fingerprint,
                info.imported_at,
                serde_json::to_string(&info.summary)?
            ],
        )?;
        Ok(info)
    }

    /// The dataset of `dir`, imported first if it is new or its files changed.
    /// Returns the info and whether an import ran.
    pub fn ensure_imported(
        &self,
        dir: &Path,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(DatasetInfo, bool)> {
        let canonical = dir.canonicalize().map_err(|e| {
            Error::User(format!(
                "cannot read the dataset folder {}: {e}",
                dir.display()
            ))
        })?;
        let id = fnv_hex(canonical.display().to_string().as_bytes());
        if let Some(info) = self.get(&id)? {
            if info.fingerprint == fingerprint(&canonical) && self.dataset_file(&id).exists() {
                return Ok((info, false));
            }
        }
        self.import(&canonical, progress).map(|i| (i, true))
    }

    fn get(&self, id: &str) -> Result<Option<DatasetInfo>> {
        self.catalog
            .query_row("SELECT * FROM datasets WHERE id = ?1", [id], row_to_info)
            .optional()?
            .transpose()
    }

    /// Every dataset in the store, by name.
    pub fn datasets(&self) -> Result<Vec<DatasetInfo>> {
        let mut stmt = self
            .catalog
            .prepare("SELECT * FROM datasets ORDER BY name, path")?;
        let rows = stmt.query_map([], row_to_info)?;
        rows.map(|r| r?).collect()
    }

    /// Finds a dataset by id, name or folder path.
    pub fn find(&self, key: &str) -> Result<DatasetInfo> {
        if let Ok(canonical) = Path::new(key).canonicalize() {
            if let Some(info) = self.get(&fnv_hex(canonical.display().to_string().as_bytes()))? {
                return Ok(info);
            }
        }
        let all = self.datasets()?;
        let hits: Vec<&DatasetInfo> = all
            .iter()
            .filter(|d| d.id == key || d.name == key)
            .collect();
        match hits.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::User(format!(
                "no dataset {key:?} in the store; imported: {}",
                if all.is_empty() {
                    "none".to_string()
                } else {
                    all.iter()
                        .map(|d| d.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ))),
            many => Err(Error::User(format!(
                "{} datasets are named {key:?}; use the id or the path: {}",
                many.len(),
                many.iter()
                    .map(|d| format!("{} ({})", d.id, d.path))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Opens an imported dataset for reading.
    pub fn open_dataset(&self, info: &DatasetInfo) -> Result<Dataset> {
        Dataset::open(&self.dataset_file(&info.id), info.clone())
    }

    /// Appends one entry to the audit log.
    pub fn audit(&self, e: &AuditEntry) -> Result<()> {
        self.catalog.execute(
            "INSERT INTO audit_log (at, dataset_id, conversation_id, question, plan, status, answer, elapsed_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                e.dataset_id,
                e.conversation_id,
                e.question,
                e.plan,
                e.status,
                e.answer,
                e.elapsed_ms
            ],
        )?;
        Ok(())
    }

    /// Appends many audit-log entries in one transaction (the server's batched writer).
    pub fn audit_batch(&mut self, entries: &[AuditEntry]) -> Result<()> {
        let tx = self.catalog.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO audit_log (at, dataset_id, conversation_id, question, plan, status, answer, elapsed_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            for e in entries {
                stmt.execute(params![
                    at,
                    e.dataset_id,
                    e.conversation_id,
                    e.question,
                    e.plan,
                    e.status,
                    e.answer,
                    e.elapsed_ms
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Registers an API key (its hash only).
    pub fn insert_key(&self, k: &ApiKey) -> Result<()> {
        self.catalog.execute(
            "INSERT INTO api_keys VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                k.id,
                k.name,
                k.hash,
                serde_json::to_string(&k.datasets)?,
                k.created_at,
                k.revoked_at
            ],
        )?;
        Ok(())
    }

    /// Every API key, revoked ones included, oldest first.
    pub fn keys(&self) -> Result<Vec<ApiKey>> {
        let mut stmt = self
            .catalog
            .prepare("SELECT * FROM api_keys ORDER BY created_at, id")?;
        let rows = stmt.query_map([], row_to_key)?;
        rows.map(|r| r?).collect()
    }

    /// The key with this hash, if any (revoked or not).
    pub fn key_by_hash(&self, hash: &str) -> Result<Option<ApiKey>> {
        self.catalog
            .query_row("SELECT * FROM api_keys WHERE hash = ?1", [hash], row_to_key)
            .optional()?
            .transpose()
    }

    /// Revokes a key by id; false when there is no such key.
    pub fn revoke_key(&self, id: &str) -> Result<bool> {
        let n = self.catalog.execute(
            "UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
            params![
                id,
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ],
        )?;
        Ok(n > 0)
    }

    /// Number of audit-log entries (for `abacus datasets` and tests).
    pub fn audit_len(&self) -> Result<u64> {
        Ok(self
            .catalog
            .query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// The saved state of a conversation: (dataset id, owner, state JSON).
    pub fn conversation(&self, id: &str) -> Result<Option<(String, Option<String>, String)>> {
        Ok(self
            .catalog
            .query_row(
                "SELECT dataset_id, owner, state FROM conversations WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?)
    }

    /// Saves a conversation's state.
    pub fn save_conversation(
        &self,
        id: &str,
        dataset_id: &str,
        owner: Option<&str>,
        state: &str,
    ) -> Result<()> {
        self.catalog.execute(
            "INSERT OR REPLACE INTO conversations VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                dataset_id,
                owner,
                state,
                chrono::Utc::now().to_rfc3339()
            ],
        )?;
        Ok(())
    }
}

fn row_to_key(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<ApiKey>> {
    let datasets: String = r.get(3)?;
    Ok(serde_json::from_str(&datasets)
        .map_err(Error::from)
        .map(|datasets| ApiKey {
            id: r.get(0).unwrap_or_default(),
            name: r.get(1).unwrap_or_default(),
            hash: r.get(2).unwrap_or_default(),
            datasets,
            created_at: r.get(4).unwrap_or_default(),
            revoked_at: r.get(5).unwrap_or_default(),
        }))
}

fn row_to_info(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<DatasetInfo>> {
    let summary: String = r.get(5)?;
    Ok(serde_json::from_str(&summary)
        .map_err(Error::from)
        .map(|summary| DatasetInfo {
            id: r.get(0).unwrap_or_default(),
            name: r.get(1).unwrap_or_default(),
            path: r.get(2).unwrap_or_default(),
            fingerprint: r.get(3).unwrap_or_default(),
            imported_at: r.get(4).unwrap_or_default(),
            summary,
        }))
}

/// Version of the stored form of a dataset; part of every fingerprint, so a store
/// written by an older Abacus is imported again rather than misread.
const STORE_FORMAT: u64 = 2;

/// Fingerprint of a dataset folder: contract file names, sizes and modification times,
/// and the store format.
pub fn fingerprint(dir: &Path) -> String {
    let mut h = Fnv64::default();
    h.write_u64(STORE_FORMAT);
    for rel in import::KNOWN_FILES {
        if let Ok(m) = std::fs::metadata(dir.join(rel)) {
            h.write(rel.as_bytes());
            h.write_u64(m.len());
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64);
            h.write_u64(mtime);
        }
    }
    format!("{:016x}", h.finish())
}

/// Validates a dataset held in memory — `(path, bytes)` pairs such as
/// `("retail/sales.csv", ...)` — exactly as an import would, without touching any
/// store. Used by the fuzz target and by tests.
pub fn validate_files(files: &[(&str, &[u8])]) -> Result<Summary> {
    let mut conn = Connection::open_in_memory()?;
    conn.execute_batch(schema::DATASET_SCHEMA)?;
    let tx = conn.transaction()?;
    import::import_all(import::Source::Memory(files), &tx, &mut |_| {})
}

fn write_dataset(
    tmp: &Path,
    dir: &Path,
    id: &str,
    fingerprint: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    let mut conn = Connection::open(tmp)?;
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "cache_size", -65536)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.execute_batch(schema::DATASET_SCHEMA)?;
    let tx = conn.transaction()?;
    let summary = import::import_all(import::Source::Dir(dir.to_path_buf()), &tx, progress)?;
    tx.execute_batch(schema::DATASET_INDEXES)?;
    cube::build(&tx)?;
    {
        let mut meta = tx.prepare("INSERT INTO meta VALUES (?1, ?2)")?;
        meta.execute(params!["id", id])?;
        meta.execute(params!["path", dir.display().to_string()])?;
        meta.execute(params!["fingerprint", fingerprint])?;
        meta.execute(params!["summary", serde_json::to_string(&summary)?])?;
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)?;
    std::fs::File::open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(tmp, e))?;
    Ok(summary)
}
