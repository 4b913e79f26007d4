//! A deterministic mutation test in the spirit of the fuzz target (which runs
//! outside CI): thousands of corrupted variants of a valid dataset never panic
//! and always fail, if they fail, with a user error.

use abacus_store::validate_files;

use crate::fixture::FILES;

/// A small xorshift generator: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const NASTY: &[&[u8]] = &[
    b",",
    b"\"",
    b"\n",
    b"\r\n",
    b"\xff",
    b"-1",
    b"NaN",
    b"1e999",
    b"\xEF\xBB\xBF",
    b"2025-02-30",
    b"",
    b"\0",
];

#[test]
fn corrupted_datasets_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut accepted, mut rejected) = (0, 0);
    for _ in 0..3000 {
        let target = rng.below(FILES.len());
        let mut bytes = FILES[target].1.as_bytes().to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(3) {
                0 if !bytes.is_empty() => {
                    let end = (at + 1 + rng.below(8)).min(bytes.len());
                    bytes.drain(at.min(end)..end);
                }
                1 => {
                    let piece = NASTY[rng.below(NASTY.len())];
                    bytes.splice(at..at, piece.iter().copied());
                }
                _ => {
                    if at < bytes.len() {
                        bytes[at] = rng.next() as u8;
                    }
                }
            }
        }
        let files: Vec<(&str, &[u8])> = FILES
            .iter()
            .enumerate()
            .map(|(i, (name, text))| {
                (
                    *name,
                    if i == target {
                        bytes.as_slice()
                    } else {
                        text.as_bytes()
                    },
                )
            })
            .collect();
        match validate_files(&files) {
            Ok(_) => accepted += 1,
            Err(e) => {
                assert!(e.is_user_error(), "internal error on user input: {e}");
                rejected += 1;
            }
        }
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    assert!(
        accepted > 100 && rejected > 100,
        "accepted {accepted}, rejected {rejected}"
    );
}
