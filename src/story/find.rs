//! Every occurrence of many needles in one text, in one pass: how anchoring
//! places the thousands of selectors of a big article.
//!
//! Needles of [`KEY`] bytes or more are found by a rolling hash of their
//! first [`KEY`] bytes: a bit table rules out almost every position at once,
//! and at the rest the needles' blocks, hashed and sorted, narrow down which
//! ones to compare. The shorter ones go through Aho-Corasick. An automaton over whole quotations
//! would cost a state per byte of every needle (most of the time of opening
//! a big story went into building it); this costs a few bytes per needle.

use aho_corasick::{AhoCorasick, MatchKind};

use super::FastMap;

/// Bytes of a needle that its key hashes.
const KEY: usize = 16;
/// The bit table has 2^BITS bits (512 kB at 22).
const BITS: u32 = 22;
/// The rolling hash's base (odd, so multiplying by it loses nothing).
const BASE: u64 = 0x100_0000_01b3;

/// All occurrences of the needles in `text`: for each needle its pattern
/// number (equal needles share one), and for each pattern the sorted byte
/// offsets where it occurs, overlapping occurrences included.
pub(crate) fn find_all<'n>(
    text: &str,
    needles: impl Iterator<Item = &'n str>,
) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut pattern_of: FastMap<&str, usize> = FastMap::default();
    let mut patterns: Vec<&str> = Vec::new();
    let needle_pattern: Vec<usize> = needles
        .map(|n| {
            *pattern_of.entry(n).or_insert_with(|| {
                patterns.push(n);
                patterns.len() - 1
            })
        })
        .collect();
    let mut hits: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
    let (long, short): (Vec<usize>, Vec<usize>) =
        (0..patterns.len()).partition(|&p| patterns[p].len() >= KEY);
    by_key(text, &patterns, &long, &mut hits);
    if !short.is_empty() {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(short.iter().map(|&p| patterns[p]))
            .expect("selector patterns always build");
        // Matches of one pattern come in order of their ends, so of their starts.
        for m in ac.find_overlapping_iter(text) {
            hits[short[m.pattern().as_usize()]].push(m.start());
        }
    }
    (needle_pattern, hits)
}

/// The hash of `KEY` bytes.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(b))
    })
}

/// The bit a hash sets in the table (its well-mixed high bits).
fn slot(h: u64) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as usize
}

/// Finds the patterns `long` (of `KEY` bytes or more) in `text`.
///
/// Each pattern is cut into blocks of `KEY` bytes (and a shorter tail), and
/// the patterns are sorted by the hashes of their blocks. At a position whose
/// window passes the bit table, the text's blocks there are hashed one by
/// one, each narrowing the patterns that could match by a binary search:
/// many quotations that begin alike ("the decision was ...") cost a few
/// searches, not a comparison each. A pattern whose blocks all matched is
/// compared in full.
fn by_key(text: &str, patterns: &[&str], long: &[usize], hits: &mut [Vec<usize>]) {
    let b = text.as_bytes();
    if long.is_empty() || b.len() < KEY {
        return;
    }
    let blocks: Vec<Vec<u64>> = long
        .iter()
        .map(|&p| patterns[p].as_bytes().chunks_exact(KEY).map(hash).collect())
        .collect();
    // Sorted by their blocks: a pattern whose blocks begin another's comes
    // first. Laid out flat in that order: entry r's blocks are
    // flat[off[r]..off[r + 1]], and it is pattern long[of[r]].
    let mut of: Vec<usize> = (0..long.len()).collect();
    of.sort_unstable_by(|&x, &y| blocks[x].cmp(&blocks[y]));
    let mut flat: Vec<u64> = Vec::new();
    let mut off: Vec<usize> = vec![0];
    for &x in &of {
        flat.extend_from_slice(&blocks[x]);
        off.push(flat.len());
    }
    drop(blocks);
    let count = |r: usize| off[r + 1] - off[r];
    // Where the entries with each first block are.
    let mut first: FastMap<u64, (usize, usize)> = FastMap::default();
    let mut bits = vec![0u64; 1 << (BITS - 6)];
    for r in 0..of.len() {
        let h = flat[off[r]];
        first.entry(h).or_insert((r, r)).1 = r + 1;
        let s = slot(h);
        bits[s >> 6] |= 1 << (s & 63);
    }
    // BASE^(KEY-1): what the byte leaving the window weighs.
    let top = (1..KEY).fold(1u64, |x, _| x.wrapping_mul(BASE));
    let mut h = hash(&b[..KEY]);
    let mut at = 0;
    loop {
        let s = slot(h);
        if bits[s >> 6] & (1 << (s & 63)) != 0
            && let Some(&(mut lo, mut hi)) = first.get(&h)
        {
            let mut depth = 1;
            loop {
                // The entries with no more blocks come first: compare them whole.
                let ended = lo + (lo..hi).take_while(|&r| count(r) == depth).count();
                for r in lo..ended {
                    let p = long[of[r]];
                    if b[at..].starts_with(patterns[p].as_bytes()) {
                        hits[p].push(at);
                    }
                }
                lo = ended;
                let next = at + depth * KEY;
                if lo == hi || next + KEY > b.len() {
                    break;
                }
                // Narrow to the entries whose next block is the text's.
                let block = hash(&b[next..next + KEY]);
                let key = |r: usize| flat[off[r] + depth];
                let part = |lo: usize, hi: usize, f: &dyn Fn(u64) -> bool| {
                    let (mut a, mut z) = (lo, hi);
                    while a < z {
                        let m = a + (z - a) / 2;
                        if f(key(m)) { a = m + 1 } else { z = m }
                    }
                    a
                };
                let from = part(lo, hi, &|k| k < block);
                hi = part(from, hi, &|k| k == block);
                lo = from;
                depth += 1;
            }
        }
        if at + KEY >= b.len() {
            break;
        }
        h = h
            .wrapping_sub(u64::from(b[at]).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(u64::from(b[at + KEY]));
        at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence by brute force, for comparison.
    fn naive(text: &str, needle: &str) -> Vec<usize> {
        (0..=text.len().saturating_sub(needle.len()))
            .filter(|&i| text.is_char_boundary(i) && text[i..].starts_with(needle))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]
        /// Texts of few letters (so that needles recur and begin alike), some
        /// of them multi-byte; needles cut from the text and made up.
        #[test]
        fn every_occurrence_as_brute_force_finds_it(
            text in "[ab é東]{0,300}",
            cuts in proptest::collection::vec((0usize..300, 0usize..60), 0..30),
            made in proptest::collection::vec("[ab é]{1,40}", 0..5),
        ) {
            let chars: Vec<char> = text.chars().collect();
            let mut needles: Vec<String> = cuts
                .iter()
                .filter(|(at, _)| *at < chars.len())
                .map(|&(at, len)| chars[at..(at + len).min(chars.len())].iter().collect())
                .filter(|n: &String| !n.is_empty())
                .collect();
            needles.extend(made);
            let (pattern, hits) = find_all(&text, needles.iter().map(String::as_str));
            for (n, &p) in needles.iter().zip(&pattern) {
                proptest::prop_assert_eq!(&hits[p], &naive(&text, n), "{}", n);
            }
        }
    }

    #[test]
    fn finds_every_occurrence_of_long_and_short_needles() {
        let text = "aaaaaaaaaaaaaaaaaaaa said the mayor, \"We will rebuild the bridge,\" \
                    and \"We will rebuild the bridge,\" again; é ü 東京 — 東京 — 東京 — 東京 — 東京.";
        let needles = [
            "aaaaaaaaaaaaaaaa",
            "\"We will rebuild the bridge,\"",
            "We will",
            "said the mayor, \"We",
            "東京 — 東京 — 東京",
            "not in the text at all, no",
            "é",
            "We will",
        ];
        let (pattern, hits) = find_all(text, needles.iter().copied());
        assert_eq!(pattern[2], pattern[7], "equal needles share a pattern");
        for (n, &p) in needles.iter().zip(&pattern) {
            assert_eq!(hits[p], naive(text, n), "{n}");
        }
        // Many needles that begin alike, some the start of others.
        let text = (0..40)
            .map(|i| format!("the decision was \"number {i} of many, told the same way\"; "))
            .collect::<String>();
        let needles: Vec<String> = (0..60)
            .map(|i| format!("the decision was \"number {i} of many"))
            .chain(
                (0..60)
                    .map(|i| format!("the decision was \"number {i} of many, told the same way\"")),
            )
            .chain(["the decision was \"number 1".to_string()])
            .collect();
        let (pattern, hits) = find_all(&text, needles.iter().map(String::as_str));
        for (n, &p) in needles.iter().zip(&pattern) {
            assert_eq!(hits[p], naive(&text, n), "{n}");
        }
        // A needle that is the whole text, and one longer than it.
        let (p, h) = find_all(
            "exactly sixteen!",
            ["exactly sixteen!", "exactly sixteen!!"].into_iter(),
        );
        assert_eq!((h[p[0]].clone(), h[p[1]].clone()), (vec![0], vec![]));
    }
}
