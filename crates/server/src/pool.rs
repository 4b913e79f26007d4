//! A pool of worker threads per dataset. The assistant borrows its dataset and keeps
//! per-question scratch state in cells (it is `!Sync`), so each worker thread opens
//! its own `Dataset` and builds its own `Assistant`, then takes jobs from a bounded
//! queue shared by the pool. A full queue is answered `overloaded`, not queued forever.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use abacus_assistant::Assistant;
use abacus_store::{Dataset, DatasetInfo, Store};

use crate::error::ApiError;

/// What a job sees: the worker's own dataset and assistant.
pub struct Worker<'a> {
    pub ds: &'a Dataset,
    pub assistant: &'a Assistant<'a>,
}

type Job = Box<dyn for<'a> FnOnce(&Worker<'a>) + Send>;

/// The workers of one dataset.
pub struct Pool {
    tx: SyncSender<Job>,
}

impl Pool {
    /// Starts `workers` threads over the dataset `info` of the store at `home`.
    /// `queue` jobs may wait; more are refused.
    pub fn start(home: PathBuf, info: DatasetInfo, workers: usize, queue: usize) -> Pool {
        let (tx, rx) = sync_channel::<Job>(queue.max(1));
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..workers.max(1) {
            let rx = Arc::clone(&rx);
            let home = home.clone();
            let info = info.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("abacus-worker-{}-{i}", info.name))
                .spawn(move || work(&home, &info, &rx));
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a worker thread");
            }
        }
        Pool { tx }
    }

    /// Runs `f` on a worker and waits for its result at most `timeout`.
    pub async fn run<R, F>(&self, timeout: Duration, f: F) -> Result<R, ApiError>
    where
        R: Send + 'static,
        F: for<'a> FnOnce(&Worker<'a>) -> R + Send + 'static,
    {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |w| {
            let _ = reply.send(f(w));
        });
        match self.tx.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                return Err(ApiError::new(
                    "overloaded",
                    "every worker is busy; retry shortly",
                ))
            }
            Err(TrySendError::Disconnected(_)) => {
                return Err(ApiError::internal("the dataset's workers have stopped"))
            }
        }
        match tokio::time::timeout(timeout, answer).await {
            Ok(Ok(r)) => Ok(r),
            Ok(Err(_)) => Err(ApiError::internal("a worker dropped a job (it panicked)")),
            Err(_) => Err(ApiError::new(
                "timeout",
                format!("no answer within {} s", timeout.as_secs_f64()),
            )),
        }
    }
}

fn work(home: &std::path::Path, info: &DatasetInfo, rx: &Mutex<Receiver<Job>>) {
    let opened = Store::open(home).and_then(|s| s.open_dataset(info));
    let ds = match opened {
        Ok(ds) => ds,
        Err(e) => {
            tracing::error!(dataset = %info.id, error = %e, "a worker could not open its dataset");
            return;
        }
    };
    let assistant = match Assistant::new(&ds) {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(dataset = %info.id, error = %e, "a worker could not build its assistant");
            return;
        }
    };
    let worker = Worker {
        ds: &ds,
        assistant: &assistant,
    };
    loop {
        let job = {
            let Ok(rx) = rx.lock() else { return };
            match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            }
        };
        // A panic in one job must not take the worker down with it.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&worker)));
        if outcome.is_err() {
            tracing::error!(dataset = %info.id, "a job panicked; the worker goes on");
        }
    }
}
