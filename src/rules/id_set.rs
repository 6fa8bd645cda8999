//! A set of rule ids with a cheap hash: rule ids are short ASCII strings
//! hashed a thousand times per process (the rules no family checks), where
//! the standard SipHash cost more than the rest of the lookup.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hash over eight bytes at a time (the scheme of
/// `rustc-hash`), not resistant to chosen collisions: for the program's
/// own identifiers only, never for input.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of rule ids.
pub(crate) type IdSet = HashSet<&'static str, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_differ_hash_apart_and_are_found() {
        let ids = [
            "BR-01",
            "BR-02",
            "BR-CO-10",
            "UBL-CR-001",
            "UBL-CR-0010",
            "",
        ];
        let set: IdSet = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len());
        for id in ids {
            assert!(set.contains(id), "{id}");
        }
        assert!(!set.contains("BR-03"));
        assert!(!set.contains("BR-0"));
    }
}
