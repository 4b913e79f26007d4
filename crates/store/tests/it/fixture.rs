//! A tiny valid dataset (all three kinds) written file by file, and a harness that
//! imports it, breaks it, and checks that the failed import changed nothing.

use std::path::{Path, PathBuf};

use abacus_store::{Error, ImportError, Store};

include!("fixture_files.rs");

/// Writes the valid fixture into a new folder.
pub(crate) fn write_fixture(dir: &Path) {
    for (rel, text) in FILES {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

/// A store with the fixture imported once.
pub(crate) struct Setup {
    pub(crate) _tmp: tempfile::TempDir,
    pub(crate) data: PathBuf,
    pub(crate) store: Store,
}

pub(crate) fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    write_fixture(&data);
    let store = Store::open(&tmp.path().join("store")).unwrap();
    store
        .import(&data, &mut |_| {})
        .expect("the fixture imports");
    Setup {
        _tmp: tmp,
        data,
        store,
    }
}

fn snapshot(s: &Setup) -> (Vec<u8>, Vec<abacus_store::DatasetInfo>) {
    let infos = s.store.datasets().unwrap();
    let file = s
        .store
        .home()
        .join("datasets")
        .join(format!("{}.sqlite", infos[0].id));
    (std::fs::read(file).unwrap(), infos)
}

/// Imports the fixture, applies `break_it`, imports again, and returns the
/// import error after checking that the stored dataset is byte-for-byte unchanged
/// and no temporary file is left behind.
pub(crate) fn import_error(break_it: impl FnOnce(&Path)) -> ImportError {
    let s = setup();
    let before = snapshot(&s);
    break_it(&s.data);
    let err = match s.store.import(&s.data, &mut |_| {}) {
        Err(Error::Import(e)) => e,
        Err(other) => panic!("expected an import error, got {other}"),
        Ok(_) => panic!("the broken dataset was accepted"),
    };
    assert_eq!(
        snapshot(&s),
        before,
        "a failed import changed the stored data"
    );
    let leftovers: Vec<_> = std::fs::read_dir(s.store.home().join("datasets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    err
}

/// Replaces a whole fixture file.
pub(crate) fn put(dir: &Path, rel: &str, text: &[u8]) {
    std::fs::write(dir.join(rel), text).unwrap();
}

/// Edits a fixture file's text.
pub(crate) fn edit(dir: &Path, rel: &str, f: impl FnOnce(String) -> String) {
    let p = dir.join(rel);
    let t = std::fs::read_to_string(&p).unwrap();
    std::fs::write(p, f(t)).unwrap();
}
