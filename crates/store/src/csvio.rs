//! Reading one contract CSV file defensively: byte-order mark and CRLF accepted,
//! line length and column count bounded (no memory blow-up on a hostile file),
//! every value checked with an error that names file, line and column.

use std::collections::HashMap;
use std::io::{self, Read};

use abacus_core::date::parse_iso_date;
use abacus_core::Date;

use crate::error::ImportError;

/// Longest physical line accepted, in bytes.
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// Most columns accepted in a header.
pub const MAX_COLUMNS: usize = 1024;

/// A reader that fails once a physical line grows past [`MAX_LINE_BYTES`],
/// and counts bytes for progress.
struct Guard<R> {
    inner: R,
    line: u64,
    run: usize,
    bytes: u64,
}

#[derive(Debug)]
struct LineTooLong(u64);

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} is longer than {} bytes", self.0, MAX_LINE_BYTES)
    }
}
impl std::error::Error for LineTooLong {}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.line += 1;
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > MAX_LINE_BYTES {
                    return Err(io::Error::other(LineTooLong(self.line)));
                }
            }
        }
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Column types a contract table can declare.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    pub name: &'static str,
    pub required: bool,
}

pub(crate) const fn req(name: &'static str) -> Col {
    Col {
        name,
        required: true,
    }
}
pub(crate) const fn opt(name: &'static str) -> Col {
    Col {
        name,
        required: false,
    }
}

/// A contract CSV being read, row by row.
pub(crate) struct Table<R: Read> {
    pub(crate) file: String,
    reader: csv::Reader<Guard<R>>,
    headers: Vec<String>,
    index: HashMap<&'static str, usize>,
    record: csv::ByteRecord,
    fields: Vec<String>,
    line: u64,
    rows: u64,
}

impl<R: Read> Table<R> {
    /// Opens a table and checks its header against the declared columns.
    pub(crate) fn new(file: &str, input: R, cols: &[Col]) -> Result<Self, ImportError> {
        let guard = Guard {
            inner: input,
            line: 1,
            run: 0,
            bytes: 0,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(guard);
        let mut record = csv::ByteRecord::new();
        let got = reader
            .read_byte_record(&mut record)
            .map_err(|e| csv_error(file, e))?;
        let expected: Vec<&str> = cols.iter().filter(|c| c.required).map(|c| c.name).collect();
        if !got || (record.len() == 1 && record[0].is_empty()) {
            return Err(ImportError::file(
                file,
                format!(
                    "the file is empty; expected a header row with the columns {}",
                    expected.join(", ")
                ),
            ));
        }
        if record.len() > MAX_COLUMNS {
            return Err(ImportError {
                file: file.into(),
                line: Some(1),
                column: None,
                message: format!(
                    "the header has {} columns; at most {MAX_COLUMNS} are accepted",
                    record.len()
                ),
            });
        }
        let mut headers = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            let raw = if i == 0 {
                raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
            } else {
                raw
            };
            let name = std::str::from_utf8(raw).map_err(|_| ImportError {
                file: file.into(),
                line: Some(1),
                column: None,
                message: format!(
                    "header column {} is not valid UTF-8; save the file as UTF-8",
                    i + 1
                ),
            })?;
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(ImportError {
                    file: file.into(),
                    line: Some(1),
                    column: None,
                    message: format!("header column {} has no name", i + 1),
                });
            }
            if headers.contains(&name) {
                return Err(ImportError {
                    file: file.into(),
                    line: Some(1),
                    column: Some(name.clone()),
                    message: "the column appears twice in the header".into(),
                });
            }
            headers.push(name);
        }
        let mut index = HashMap::new();
        for c in cols {
            match headers.iter().position(|h| h == c.name) {
                Some(i) => {
                    index.insert(c.name, i);
                }
                None if c.required => {
                    return Err(ImportError {
                        file: file.into(),
                        line: Some(1),
                        column: Some(c.name.into()),
                        message: format!(
                            "required column is missing; the header must contain {}",
                            expected.join(", ")
                        ),
                    });
                }
                None => {}
            }
        }
        Ok(Table {
            file: file.into(),
            reader,
            headers,
            index,
            record,
            fields: Vec::new(),
            line: 1,
            rows: 0,
        })
    }

    /// Columns present in the file that the contract does not declare, in file order.
    pub(crate) fn extra_columns(&self) -> Vec<String> {
        let known: Vec<usize> = self.index.values().copied().collect();
        self.headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !known.contains(i))
            .map(|(_, h)| h.clone())
            .collect()
    }

    /// Bytes consumed so far (for progress).
    pub(crate) fn bytes_read(&self) -> u64 {
        self.reader.get_ref().bytes
    }

    /// Number of data rows read so far.
    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    /// Advances to the next data row; `Ok(false)` at the end. Blank lines are skipped.
    pub(crate) fn next(&mut self) -> Result<bool, ImportError> {
        loop {
            let got = self
                .reader
                .read_byte_record(&mut self.record)
                .map_err(|e| csv_error(&self.file, e))?;
            if !got {
                return Ok(false);
            }
            self.line = self.record.position().map_or(self.line + 1, |p| p.line());
            if self.record.len() == 1 && self.record[0].is_empty() {
                continue;
            }
            if self.record.len() != self.headers.len() {
                return Err(self.err(
                    None,
                    format!(
                        "the row has {} fields but the header has {}",
                        self.record.len(),
                        self.headers.len()
                    ),
                ));
            }
            self.fields.clear();
            for (i, raw) in self.record.iter().enumerate() {
                match std::str::from_utf8(raw) {
                    Ok(s) => self.fields.push(s.trim().to_string()),
                    Err(e) => {
                        return Err(self.err(
                            Some(&self.headers[i].clone()),
                            format!(
                                "the value is not valid UTF-8 (byte 0x{:02X} at offset {}); save the file as UTF-8",
                                raw[e.valid_up_to()],
                                e.valid_up_to()
                            ),
                        ))
                    }
                }
            }
            self.rows += 1;
            return Ok(true);
        }
    }

    /// Line number of the current row.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    pub(crate) fn err(&self, column: Option<&str>, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.clone(),
            line: Some(self.line),
            column: column.map(str::to_string),
            message: message.into(),
        }
    }

    /// The raw (trimmed) value of a declared column; empty when the column is absent.
    pub(crate) fn raw(&self, col: &str) -> &str {
        self.index.get(col).map_or("", |&i| self.fields[i].as_str())
    }

    /// The value of an undeclared column by name.
    pub(crate) fn extra(&self, col: &str) -> &str {
        self.headers
            .iter()
            .position(|h| h == col)
            .map_or("", |i| self.fields[i].as_str())
    }

    /// A required, non-empty text value.
    pub(crate) fn text(&self, col: &str) -> Result<String, ImportError> {
        let v = self.raw(col);
        if v.is_empty() {
            return Err(self.err(Some(col), "a value is required here"));
        }
        Ok(v.to_string())
    }

    /// An optional text value (empty means none).
    pub(crate) fn opt_text(&self, col: &str) -> Option<String> {
        let v = self.raw(col);
        (!v.is_empty()).then(|| v.to_string())
    }

    pub(crate) fn date(&self, col: &str) -> Result<Date, ImportError> {
        let v = self.text(col)?;
        parse_iso_date(&v).ok_or_else(|| {
            self.err(
                Some(col),
                format!("expected a date as YYYY-MM-DD that exists, found {v:?}"),
            )
        })
    }

    /// A number satisfying `check`; `what` describes the allowed range for the message.
    pub(crate) fn num(&self, col: &str, check: Check) -> Result<f64, ImportError> {
        let v = self.text(col)?;
        self.parse_num(col, &v, check)
    }

    pub(crate) fn opt_num(&self, col: &str, check: Check) -> Result<Option<f64>, ImportError> {
        let v = self.raw(col);
        if v.is_empty() {
            return Ok(None);
        }
        self.parse_num(col, v, check).map(Some)
    }

    fn parse_num(&self, col: &str, v: &str, check: Check) -> Result<f64, ImportError> {
        let x: f64 = match v.parse::<f64>() {
            Ok(x) if x.is_finite() && !v.contains(['x', 'X']) => x,
            _ => {
                return Err(self.err(
                    Some(col),
                    format!("expected {}, found {v:?}", check.describe("a number")),
                ))
            }
        };
        if !check.ok(x) {
            return Err(self.err(
                Some(col),
                format!("expected {}, found {v}", check.describe("a number")),
            ));
        }
        Ok(x)
    }

    /// An integer (written without a fractional part) satisfying `check`.
    pub(crate) fn int(&self, col: &str, check: Check) -> Result<i64, ImportError> {
        let v = self.text(col)?;
        self.parse_int(col, &v, check)
    }

    pub(crate) fn opt_int(&self, col: &str, check: Check) -> Result<Option<i64>, ImportError> {
        let v = self.raw(col);
        if v.is_empty() {
            return Ok(None);
        }
        self.parse_int(col, v, check).map(Some)
    }

    fn parse_int(&self, col: &str, v: &str, check: Check) -> Result<i64, ImportError> {
        match v.parse::<i64>() {
            Ok(x) if check.ok(x as f64) => Ok(x),
            _ => Err(self.err(
                Some(col),
                format!("expected {}, found {v:?}", check.describe("a whole number")),
            )),
        }
    }

    /// One of a fixed set of words.
    pub(crate) fn one_of(
        &self,
        col: &str,
        allowed: &[&'static str],
    ) -> Result<&'static str, ImportError> {
        let v = self.text(col)?;
        allowed.iter().copied().find(|a| *a == v).ok_or_else(|| {
            self.err(
                Some(col),
                format!("expected one of {}, found {v:?}", allowed.join(", ")),
            )
        })
    }
}

/// Allowed range of a number.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Check {
    NonNeg,
    Pos,
    /// At least this value.
    Min(f64),
    /// Strictly between the bounds.
    Open(f64, f64),
    /// Inclusive bounds.
    Closed(f64, f64),
}

impl Check {
    fn ok(self, x: f64) -> bool {
        match self {
            Check::NonNeg => x >= 0.0,
            Check::Pos => x > 0.0,
            Check::Min(a) => x >= a,
            Check::Open(a, b) => x > a && x < b,
            Check::Closed(a, b) => x >= a && x <= b,
        }
    }

    fn describe(self, noun: &str) -> String {
        match self {
            Check::NonNeg => format!("{noun} ≥ 0"),
            Check::Pos => format!("{noun} > 0"),
            Check::Min(a) => format!("{noun} ≥ {a}"),
            Check::Open(a, b) => format!("{noun} strictly between {a} and {b}"),
            Check::Closed(a, b) => format!("{noun} from {a} to {b}"),
        }
    }
}

fn csv_error(file: &str, e: csv::Error) -> ImportError {
    let line = e.position().map(|p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Io(io) => match io.get_ref().and_then(|inner| inner.downcast_ref::<LineTooLong>()) {
            Some(LineTooLong(l)) => {
                return ImportError {
                    file: file.into(),
                    line: Some(*l),
                    column: None,
                    message: format!(
                        "the line is longer than {MAX_LINE_BYTES} bytes; is this really a CSV file with one record per line?"
                    ),
                }
            }
            None => format!("could not read the file: {io}"),
        },
        _ => format!("malformed CSV: {e}"),
    };
    ImportError {
        file: file.into(),
        line,
        column: None,
        message,
    }
}
