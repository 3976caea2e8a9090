//! Offsets in an article's text: byte offsets to code points and back, ranges
//! widened to whole grapheme clusters, and the passage most like a text that is
//! not there (for "not found" messages).

use std::collections::HashMap;
use std::ops::Range;

use unicode_segmentation::GraphemeCursor;

/// Widens a byte range to the nearest grapheme-cluster boundaries.
pub(super) fn snap_to_graphemes(text: &str, r: Range<usize>) -> Range<usize> {
    let boundary = |at: usize| {
        GraphemeCursor::new(at, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(true)
    };
    let mut start = r.start;
    if !boundary(start) {
        let mut c = GraphemeCursor::new(start, text.len(), true);
        start = c.prev_boundary(text, 0).ok().flatten().unwrap_or(0);
    }
    let mut end = r.end;
    if !boundary(end) {
        let mut c = GraphemeCursor::new(end, text.len(), true);
        end = c
            .next_boundary(text, 0)
            .ok()
            .flatten()
            .unwrap_or(text.len());
    }
    start..end
}

/// Byte offset ↔ code-point offset, in O(log n) plus a scan of at most one
/// small block (256 bytes): the one map between them, for anchoring and for
/// every format that counts code points (`exchange::CharMap`).
pub struct CharIndex<'t> {
    text: &'t str,
    /// Code points before each block of `BLOCK` bytes.
    blocks: Vec<usize>,
    pub total: usize,
}

const BLOCK: usize = 256;

fn count_chars(bytes: &[u8]) -> usize {
    // Every byte that is not a UTF-8 continuation byte starts a code point.
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'t> CharIndex<'t> {
    pub fn new(text: &'t str) -> CharIndex<'t> {
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut total = 0;
        for chunk in text.as_bytes().chunks(BLOCK) {
            blocks.push(total);
            total += count_chars(chunk);
        }
        CharIndex {
            text,
            blocks,
            total,
        }
    }

    /// The byte offset of code point `cp` (the text's length past the end).
    pub fn byte_of(&self, cp: usize) -> usize {
        if cp >= self.total {
            return self.text.len();
        }
        let block = self.blocks.partition_point(|&b| b <= cp) - 1;
        let mut count = self.blocks[block];
        let bytes = self.text.as_bytes();
        // A block may start inside a character: count character starts only.
        for (i, &b) in bytes.iter().enumerate().skip(block * BLOCK) {
            if (b as i8) >= -0x40 {
                if count == cp {
                    return i;
                }
                count += 1;
            }
        }
        self.text.len()
    }

    /// The number of code points in the text.
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The byte offset of code point `cp` (`None` past the end).
    pub fn byte(&self, cp: usize) -> Option<usize> {
        (cp <= self.total).then(|| self.byte_of(cp))
    }

    /// The code point offset of byte `b` (a byte inside a character counts as
    /// that character's start).
    pub fn cp(&self, b: usize) -> usize {
        let n = self.chars_before(b);
        if b < self.text.len() && !self.text.is_char_boundary(b) {
            n - 1
        } else {
            n
        }
    }

    /// Code points before byte `byte`.
    pub fn chars_before(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match self.blocks.get(byte / BLOCK) {
            Some(&base) => base + count_chars(&self.text.as_bytes()[byte / BLOCK * BLOCK..byte]),
            None => self.total,
        }
    }
}

/// The passage of `text` most like `needle`, for a "not found" message: the
/// alignment of needle words with the most shared word pairs (or single words).
pub(super) fn closest(text: &str, needle: &str) -> Option<Range<usize>> {
    use unicode_segmentation::UnicodeSegmentation;
    let words = |s: &str| -> Vec<(usize, usize, String)> {
        s.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(i, w)| (i, i + w.len(), w.to_lowercase()))
            .collect()
    };
    let want = words(needle);
    if want.is_empty() {
        return None;
    }
    let have = words(text);
    // Vote for alignments by shared word pairs; if none are shared, by words.
    let votes = [2usize, 1]
        .iter()
        .filter(|&&n| n <= want.len())
        .map(|&n| {
            let key = |ws: &[(usize, usize, String)], i: usize| -> Option<Vec<String>> {
                ws.get(i..i + n)
                    .map(|w| w.iter().map(|x| x.2.clone()).collect())
            };
            let mut wanted: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
            for j in 0..want.len() {
                if let Some(k) = key(&want, j) {
                    wanted.entry(k).or_default().push(j);
                }
            }
            let mut votes: HashMap<isize, usize> = HashMap::new();
            for i in 0..have.len() {
                if let Some(js) = key(&have, i).and_then(|k| wanted.get(&k)) {
                    for &j in js {
                        *votes.entry(i as isize - j as isize).or_default() += 1;
                    }
                }
            }
            votes
        })
        .find(|v| !v.is_empty())?;
    let (&first, _) = votes.iter().max_by_key(|&(k, v)| (*v, -k))?;
    let first = first.max(0) as usize;
    let last = (first + want.len() - 1).min(have.len() - 1);
    Some(snap_to_graphemes(text, have[first].0..have[last].1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_maps_both_ways_across_blocks() {
        // Multi-byte characters straddle the block boundaries.
        let text: String = (0..5000)
            .map(|i| {
                if i % 3 == 0 {
                    'é'
                } else if i % 7 == 0 {
                    '日'
                } else {
                    'a'
                }
            })
            .collect();
        let index = CharIndex::new(&text);
        assert_eq!(index.total, 5000);
        for (cp, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.chars_before(byte), cp);
            assert_eq!(index.byte_of(cp), byte);
        }
        assert_eq!(index.byte_of(5000), text.len());
    }
}
