//! A fast hash for the drafter's small keys (words, word pieces, characters):
//! the Fx hash of rustc. It does not resist chosen collisions, which is of no
//! matter for tables built from one article's words.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The hasher's state.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by [`Fx`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A set keyed by [`Fx`].
pub type FxSet<T> = HashSet<T, BuildHasherDefault<Fx>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_differ_hash_apart_and_a_map_finds_them() {
        let mut m: FxMap<String, usize> = FxMap::default();
        for (i, w) in [
            "said",
            "says",
            "sad",
            "a",
            "aa",
            "##s",
            "eightchr",
            "eightchrs",
        ]
        .iter()
        .enumerate()
        {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.len(), 8);
        assert_eq!(m.get("eightchrs"), Some(&7));
        assert_eq!(m.get("eight"), None);
    }
}
