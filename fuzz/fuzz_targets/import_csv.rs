//! Fuzzes the CSV import: the input replaces one file of a small valid dataset
//! (chosen by its first byte) and the whole dataset is validated. Any panic,
//! and any error that is not an import or user error, is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("../../crates/store/tests/it/fixture_files.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else { return };
    let target = FILES[usize::from(which) % FILES.len()].0;
    let files: Vec<(&str, &[u8])> =
        FILES.iter().map(|(name, text)| (*name, if *name == target { bytes } else { text.as_bytes() })).collect();
    if let Err(e) = abacus_store::validate_files(&files) {
        assert!(e.is_user_error(), "internal error on user input: {e}");
    }
});
