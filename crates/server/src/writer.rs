//! The background writer: audit-log entries and conversation states are queued by the
//! request handlers and written by one thread in batches (one transaction per batch),
//! off the requests' critical path.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Mutex;

use abacus_store::{AuditEntry, Store};

/// One write.
pub(crate) enum Write {
    Audit(AuditEntry),
    Conversation {
        id: String,
        dataset: String,
        owner: String,
        state: String,
    },
    /// Answers once everything queued before it is written.
    Flush(Sender<()>),
}

/// Most writes in one batch.
const BATCH: usize = 512;

pub(crate) struct Writer {
    tx: Mutex<Sender<Write>>,
}

impl Writer {
    pub(crate) fn start(store: Store) -> std::io::Result<Writer> {
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("abacus-audit-writer".into())
            .spawn(move || run(store, rx))?;
        Ok(Writer { tx: Mutex::new(tx) })
    }

    pub(crate) fn send(&self, w: Write) {
        if let Ok(tx) = self.tx.lock() {
            if tx.send(w).is_err() {
                tracing::error!("the audit writer has stopped; an entry was lost");
            }
        }
    }

    /// Waits until everything queued so far is written.
    pub(crate) fn flush(&self) {
        let (tx, rx) = channel();
        self.send(Write::Flush(tx));
        let _ = rx.recv_timeout(std::time::Duration::from_secs(30));
    }
}

fn run(mut store: Store, rx: Receiver<Write>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(w) => batch.push(w),
                Err(_) => break,
            }
        }
        let mut audits = Vec::new();
        let mut flushes = Vec::new();
        for w in batch {
            match w {
                Write::Audit(a) => audits.push(a),
                Write::Conversation {
                    id,
                    dataset,
                    owner,
                    state,
                } => {
                    if let Err(e) = store.save_conversation(&id, &dataset, Some(&owner), &state) {
                        tracing::error!(error = %e, "saving a conversation failed");
                    }
                }
                Write::Flush(done) => flushes.push(done),
            }
        }
        if !audits.is_empty() {
            if let Err(e) = store.audit_batch(&audits) {
                tracing::error!(error = %e, entries = audits.len(), "writing the audit log failed");
            }
        }
        for f in flushes {
            let _ = f.send(());
        }
    }
}
