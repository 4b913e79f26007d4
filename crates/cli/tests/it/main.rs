//! End-to-end tests of the `abacus` binary: the real executable on real files.

mod browser;
mod data;
mod serve;

use std::path::Path;
use std::process::{Command, Output};

/// Held by the tests that load the machine (servers, the browser) and by the timed
/// import, so that a timing is never taken while another test saturates the cores.
pub(crate) fn heavy_lock() -> std::sync::MutexGuard<'static, ()> {
    static L: std::sync::Mutex<()> = std::sync::Mutex::new(());
    L.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `abacus` with a private store and returns its output.
pub(crate) fn abacus(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_abacus"))
        .arg("--store")
        .arg(store)
        .args(args)
        .env_remove("ABACUS_HOME")
        .output()
        .expect("the abacus binary runs")
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The shared folder beside the checkout (dev sets, sample data, M4), when present
/// (the package folder as cargo gives it at run time: the one compiled in is stale when
/// the checkout moved and the build cache was reused).
pub(crate) fn shared() -> Option<std::path::PathBuf> {
    let p = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(
            || env!("CARGO_MANIFEST_DIR").into(),
            std::path::PathBuf::from,
        )
        .join("../../../shared");
    p.join("data/sample").is_dir().then_some(p)
}
