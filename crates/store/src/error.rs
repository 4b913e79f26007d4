//! Errors of the store: user errors (a bad import, an unknown dataset) kept apart
//! from internal ones (SQLite, the file system).

use std::fmt;

/// Where in an imported file a problem is, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// Path relative to the dataset folder, e.g. `retail/sales.csv`.
    pub file: String,
    /// 1-based line number (the header is line 1); `None` for a whole-file problem.
    pub line: Option<u64>,
    /// Column name, when the problem is in one column.
    pub column: Option<String>,
    /// What was wrong and what was expected.
    pub message: String,
}

impl ImportError {
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(col) = &self.column {
            write!(f, ", column `{col}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ImportError {}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The imported data breaks the data contract. Nothing was changed.
    #[error("import failed, nothing was changed: {0}")]
    Import(ImportError),
    /// A user-facing problem that is not about a file's content.
    #[error("{0}")]
    User(String),
    #[error("store database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("store file error at {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("store data error: {0}")]
    Json(#[from] serde_json::Error),
}

// Not `#[from]`: that would also make the ImportError the error's source, and
// reporters that print the chain would say it twice.
impl From<ImportError> for Error {
    fn from(e: ImportError) -> Self {
        Error::Import(e)
    }
}

impl Error {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }

    /// True for errors caused by the user's input rather than by the machine.
    pub fn is_user_error(&self) -> bool {
        matches!(self, Error::Import(_) | Error::User(_))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
