//! `abacus serve`: the HTTP API (`/v1/ask`, an OpenAI-compatible
//! `/v1/chat/completions`, REST routes returning the same JSON as the CLI), health and
//! Prometheus metrics, and the web control tower from embedded assets.
//!
//! Entry points: [`AppState::new`] opens the store, [`router`] builds the axum `Router`
//! (tests call it with `oneshot`), [`serve`] binds a port and runs until Ctrl-C.
//! The assistant runs on worker threads ([`pool`]), one pool per dataset; audit-log
//! and conversation writes are batched by a background thread ([`writer`]).

pub mod auth;
pub mod error;
pub mod metrics;
pub mod pool;
pub mod reports;
mod routes;
mod web;
pub mod wire;
mod writer;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use abacus_assistant::State as Dialogue;
use abacus_store::{DatasetInfo, Store};
use axum::Router;

pub use error::{ApiError, CODES};
use pool::Pool;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store's home folder.
    pub home: PathBuf,
    /// Serve without API keys (loopback addresses only; checked by [`check_bind`]).
    pub no_auth: bool,
    /// Worker threads per dataset (each holds its own assistant).
    pub workers: usize,
    /// Jobs that may wait per dataset before requests are answered `overloaded`.
    pub queue: usize,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Largest upload to `POST /v1/import` (multipart), in bytes.
    pub upload_limit: usize,
    /// Requests per second per key (≤ 0: no limit) and the burst allowed.
    pub rate_per_sec: f64,
    pub burst: f64,
    /// Time limit of one question.
    pub ask_timeout: Duration,
    /// Time limit of a report (plan, network, forecast, screen, import).
    pub report_timeout: Duration,
    /// Origins allowed by CORS; empty (the default) sends no CORS headers.
    pub cors_origins: Vec<String>,
}

impl Config {
    pub fn new(home: PathBuf) -> Config {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            home,
            no_auth: false,
            workers: cores,
            queue: 1024,
            body_limit: 64 * 1024,
            upload_limit: 1024 * 1024 * 1024,
            rate_per_sec: 200.0,
            burst: 400.0,
            ask_timeout: Duration::from_secs(15),
            report_timeout: Duration::from_secs(300),
            cors_origins: Vec::new(),
        }
    }
}

/// Refuses `--no-auth` on an address other people can reach.
pub fn check_bind(addr: &SocketAddr, no_auth: bool) -> Result<(), String> {
    if no_auth && !addr.ip().is_loopback() {
        return Err(format!(
            "--no-auth is allowed only on a loopback address (127.0.0.1, ::1), not {addr}; \
             create a key with `abacus keys create` instead"
        ));
    }
    Ok(())
}

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] abacus_store::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Config(String),
}

/// One dataset the server serves; its worker pool starts on first use.
pub(crate) struct Served {
    pub(crate) info: DatasetInfo,
    pool: OnceLock<Pool>,
}

/// A conversation as the server keeps it in memory (the catalog has the durable copy).
#[derive(Clone)]
pub(crate) struct Conversation {
    pub(crate) dataset: String,
    pub(crate) owner: String,
    pub(crate) state: Dialogue,
}

pub(crate) struct Inner {
    config: Config,
    catalog: Mutex<Store>,
    datasets: RwLock<Vec<Arc<Served>>>,
    default_dataset: RwLock<Option<String>>,
    conversations: Mutex<HashMap<String, Conversation>>,
    keys: auth::Keys,
    limiter: auth::RateLimiter,
    metrics: metrics::Metrics,
    writer: writer::Writer,
    heavy: tokio::sync::Semaphore,
}

/// The server's shared state (cheap to clone).
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    /// Opens the store at `config.home` and serves every dataset in it; `default_dataset`
    /// (an id) answers requests that name none.
    pub fn new(config: Config, default_dataset: Option<String>) -> Result<AppState, Error> {
        let store = Store::open(&config.home)?;
        let datasets = store
            .datasets()?
            .into_iter()
            .map(|info| {
                Arc::new(Served {
                    info,
                    pool: OnceLock::new(),
                })
            })
            .collect();
        let writer = writer::Writer::start(Store::open(&config.home)?)?;
        let limiter = auth::RateLimiter::new(config.rate_per_sec, config.burst);
        let heavy = tokio::sync::Semaphore::new(config.workers.max(1));
        Ok(AppState(Arc::new(Inner {
            config,
            catalog: Mutex::new(store),
            datasets: RwLock::new(datasets),
            default_dataset: RwLock::new(default_dataset),
            conversations: Mutex::new(HashMap::new()),
            keys: auth::Keys::new(),
            limiter,
            metrics: metrics::Metrics::default(),
            writer,
            heavy,
        })))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn metrics(&self) -> &metrics::Metrics {
        &self.0.metrics
    }

    /// Waits until every queued audit-log entry and conversation is written.
    pub fn flush(&self) {
        self.0.writer.flush();
    }

    pub(crate) fn keys(&self) -> &auth::Keys {
        &self.0.keys
    }

    pub(crate) fn limiter(&self) -> &auth::RateLimiter {
        &self.0.limiter
    }

    pub(crate) fn writer(&self) -> &writer::Writer {
        &self.0.writer
    }

    pub(crate) fn heavy(&self) -> &tokio::sync::Semaphore {
        &self.0.heavy
    }

    pub(crate) fn conversations(&self) -> &Mutex<HashMap<String, Conversation>> {
        &self.0.conversations
    }

    /// Runs `f` on the catalog connection (short reads only).
    pub(crate) fn with_catalog<R>(
        &self,
        f: impl FnOnce(&Store) -> abacus_store::Result<R>,
    ) -> Result<R, String> {
        let store = self.0.catalog.lock().map_err(|_| "catalog lock poisoned")?;
        f(&store).map_err(|e| e.to_string())
    }

    /// Starts the worker pool of the default dataset now rather than on the first question.
    pub fn warm_up(&self) {
        let default = self.0.default_dataset.read().ok().and_then(|d| d.clone());
        if let Some(id) = default {
            if let Some(s) = self.served().into_iter().find(|s| s.info.id == id) {
                self.pool(&s);
            }
        }
    }

    pub(crate) fn served(&self) -> Vec<Arc<Served>> {
        self.0
            .datasets
            .read()
            .map(|d| d.clone())
            .unwrap_or_default()
    }

    pub(crate) fn pool<'s>(&self, s: &'s Served) -> &'s Pool {
        s.pool.get_or_init(|| {
            Pool::start(
                self.0.config.home.clone(),
                s.info.clone(),
                self.0.config.workers,
                self.0.config.queue,
            )
        })
    }

    /// Adds or replaces a dataset (after an import); a replaced one gets fresh workers.
    pub(crate) fn upsert(&self, info: DatasetInfo) {
        if let Ok(mut d) = self.0.datasets.write() {
            d.retain(|s| s.info.id != info.id);
            d.push(Arc::new(Served {
                info,
                pool: OnceLock::new(),
            }));
            d.sort_by(|a, b| a.info.name.cmp(&b.info.name));
        }
    }

    /// Re-reads the catalog's datasets (one imported by the CLI while serving).
    fn reload(&self) {
        if let Ok(list) = self.with_catalog(|s| s.datasets()) {
            let known: Vec<String> = self.served().iter().map(|s| s.info.id.clone()).collect();
            for info in list {
                if !known.contains(&info.id) {
                    self.upsert(info);
                }
            }
        }
    }

    /// The dataset a request is about: `requested` (id or name), else the server's
    /// default, else the caller's only dataset.
    pub(crate) fn resolve(
        &self,
        caller: &auth::Caller,
        requested: Option<&str>,
    ) -> Result<Arc<Served>, ApiError> {
        let find = |key: &str| {
            self.served()
                .into_iter()
                .filter(|s| s.info.id == key || s.info.name == key)
                .collect::<Vec<_>>()
        };
        if let Some(key) = requested {
            let mut hits = find(key);
            if hits.is_empty() {
                self.reload();
                hits = find(key);
            }
            let allowed: Vec<_> = hits
                .iter()
                .filter(|s| caller.may_use(&s.info.id, &s.info.name))
                .cloned()
                .collect();
            return match (hits.len(), allowed.len()) {
                (0, _) => Err(ApiError::new(
                    "dataset_not_found",
                    format!("no dataset {key:?}"),
                )),
                (_, 0) => Err(ApiError::new(
                    "dataset_forbidden",
                    format!("this API key has no access to dataset {key:?}"),
                )),
                (_, 1) => Ok(allowed.into_iter().next().expect("one")),
                _ => Err(ApiError::new(
                    "dataset_required",
                    format!("several datasets are named {key:?}; use the id"),
                )),
            };
        }
        let all = self.served();
        let default = self.0.default_dataset.read().ok().and_then(|d| d.clone());
        if let Some(id) = default {
            if let Some(s) = all.iter().find(|s| s.info.id == id) {
                if caller.may_use(&s.info.id, &s.info.name) {
                    return Ok(Arc::clone(s));
                }
            }
        }
        let any = !all.is_empty();
        let mine: Vec<_> = all
            .into_iter()
            .filter(|s| caller.may_use(&s.info.id, &s.info.name))
            .collect();
        match mine.len() {
            1 => Ok(mine.into_iter().next().expect("one")),
            0 if any => Err(ApiError::new(
                "dataset_forbidden",
                "this API key has no access to any dataset this server serves",
            )),
            0 => Err(ApiError::new(
                "dataset_not_found",
                "no dataset is available to this API key; import one first",
            )),
            _ => Err(ApiError::new(
                "dataset_required",
                "several datasets are available; name one with `dataset`",
            )),
        }
    }
}

/// The whole HTTP surface.
pub fn router(state: AppState) -> Router {
    routes::router(state)
}

/// Binds `addr` and serves until Ctrl-C or SIGTERM; `on_ready` gets the bound address
/// (port 0 picks a free one). Pending audit-log writes are flushed before returning.
pub fn serve(
    state: AppState,
    addr: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), Error> {
    check_bind(&addr, state.config().no_auth).map_err(Error::Config)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let bound = listener.local_addr()?;
        state.warm_up();
        on_ready(bound);
        let app = router(state.clone());
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        state.writer().flush();
        Ok::<(), Error>(())
    })?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
