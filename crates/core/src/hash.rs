//! A small stable 64-bit hash (FNV-1a) for fingerprints that must not change
//! between Rust versions or runs (std's `DefaultHasher` promises neither).

#[derive(Debug, Clone, Copy)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn write_u64(&mut self, v: u64) {
        self.write(&v.to_le_bytes());
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// Hex digest of some bytes.
pub fn fnv_hex(bytes: &[u8]) -> String {
    let mut h = Fnv64::default();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_vectors() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(super::fnv_hex(b""), "cbf29ce484222325");
        assert_eq!(super::fnv_hex(b"a"), "af63dc4c8601ec8c");
    }
}
