//! Word and sentence vectors: what a passage means, beyond the words it shares.
//!
//! The vectors are distilled from all-MiniLM-L6-v2 (a sentence-embedding
//! model, Apache-2.0) by `scripts/vectors.py`: every WordPiece token of the
//! model's vocabulary gets one int8 vector, fitted so that a sentence's
//! weighted mean of them is near the model's embedding of the sentence. Here
//! text is cut into those tokens as the model's own (uncased BERT) tokenizer
//! does: lower case, accents off, punctuation apart, then the longest pieces
//! of the vocabulary. The file is embedded in the binary and read on first
//! use, so opening a story file pays nothing for it.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};

/// Word vectors and the tokenizer they go with.
pub struct Vectors {
    pub dims: usize,
    fold: FxMap<char, String>,
    punct: FxSet<char>,
    /// No ASCII letter or digit is folded or punctuation: they pass as they are.
    plain_ascii: bool,
    vocab: FxMap<String, u32>,
    unk: u32,
    sif: Vec<f32>,
    scale: Vec<f32>,
    q: &'static [u8],
}

/// The bundled vectors.
pub fn get() -> &'static Vectors {
    static V: OnceLock<Vectors> = OnceLock::new();
    V.get_or_init(|| {
        Vectors::from_bytes(include_bytes!("vectors.bin"))
            .expect("the bundled vectors.bin is sound")
    })
}

/// Reads little-endian values off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("vectors file ends early".into());
        }
        let (h, t) = self.0.split_at(n);
        self.0 = t;
        Ok(h)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, String> {
        let b = self.take(4 * n)?;
        Ok(b.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    fn str(&mut self, n: usize) -> Result<String, String> {
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "vectors file: bad UTF-8".to_string())
    }
}

impl Vectors {
    /// Parses the format `scripts/vectors.py` writes.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Vectors, String> {
        let mut r = Reader(bytes);
        if r.take(8)? != b"VERSOVEC" {
            return Err("not a vectors file".into());
        }
        let (version, dims, n, nfold, npunct) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?);
        if version != 1 {
            return Err(format!("vectors file version {version}, expected 1"));
        }
        let (dims, n) = (dims as usize, n as usize);
        let mut fold = FxMap::default();
        for _ in 0..nfold {
            let c = char::from_u32(r.u32()?).ok_or("vectors file: bad char")?;
            let len = r.take(1)?[0] as usize;
            fold.insert(c, r.str(len)?);
        }
        let mut punct = FxSet::default();
        for _ in 0..npunct {
            punct.insert(char::from_u32(r.u32()?).ok_or("vectors file: bad char")?);
        }
        let mut vocab = FxMap::with_capacity_and_hasher(n, Default::default());
        for id in 0..n {
            let len = r.take(1)?[0] as usize;
            vocab.insert(r.str(len)?, id as u32);
        }
        let sif = r.f32s(n)?;
        let scale = r.f32s(n)?;
        let q = r.take(n * dims)?;
        let unk = *vocab.get("[UNK]").ok_or("vectors file: no [UNK]")?;
        let plain_ascii = !fold.keys().chain(&punct).any(char::is_ascii_alphanumeric);
        Ok(Vectors {
            dims,
            fold,
            punct,
            plain_ascii,
            vocab,
            unk,
            sif,
            scale,
            q,
        })
    }

    /// The words of `text` as the model's basic tokenizer cuts them: lower
    /// case, accents off, each punctuation mark a word of its own.
    fn basic(&self, text: &str, words: &mut Vec<String>) {
        let mut cur = String::new();
        let flush = |cur: &mut String, words: &mut Vec<String>| {
            if !cur.is_empty() {
                words.push(std::mem::take(cur));
            }
        };
        for c in text.chars().flat_map(char::to_lowercase) {
            if self.plain_ascii && c.is_ascii_alphanumeric() {
                cur.push(c);
            } else if c.is_whitespace() {
                flush(&mut cur, words);
            } else if c.is_control() || ('\u{300}'..='\u{36f}').contains(&c) {
                continue;
            } else if c.is_ascii_punctuation() || self.punct.contains(&c) || is_cjk(c) {
                flush(&mut cur, words);
                words.push(c.to_string());
            } else if let Some(f) = self.fold.get(&c) {
                cur.push_str(f);
            } else {
                cur.push(c);
            }
        }
        flush(&mut cur, words);
    }

    /// The WordPiece ids of `text`, appended to `out`.
    pub fn pieces(&self, text: &str, out: &mut Vec<u32>) {
        let mut words = Vec::new();
        self.basic(text, &mut words);
        for w in &words {
            self.wordpiece(w, out);
        }
    }

    fn wordpiece(&self, w: &str, out: &mut Vec<u32>) {
        if w.chars().count() > 100 {
            out.push(self.unk);
            return;
        }
        let from = out.len();
        let mut start = 0;
        let mut key = String::new();
        while start < w.len() {
            let mut end = w.len();
            let found = loop {
                key.clear();
                if start > 0 {
                    key.push_str("##");
                }
                key.push_str(&w[start..end]);
                if let Some(&id) = self.vocab.get(&key) {
                    break Some(id);
                }
                match w[start..end].char_indices().next_back() {
                    Some((0, _)) | None => break None,
                    Some((i, _)) => end = start + i,
                }
            };
            match found {
                Some(id) => out.push(id),
                None => {
                    out.truncate(from);
                    out.push(self.unk);
                    return;
                }
            }
            start = end;
        }
    }

    /// Adds `w` times token `id`'s vector to `acc`.
    fn add(&self, id: u32, w: f32, acc: &mut [f32]) {
        let id = id as usize;
        let s = self.scale[id] * w;
        let row = &self.q[id * self.dims..(id + 1) * self.dims];
        for (a, &q) in acc.iter_mut().zip(row) {
            *a += s * f32::from(q as i8);
        }
    }

    /// How much a token counts in a sentence: rare tokens count more.
    pub fn weight(&self, id: u32) -> f32 {
        self.sif[id as usize]
    }

    /// The unit vector of the token ids, each weighted by [`Vectors::weight`]
    /// (`weighted`) or all alike; zero when there are none.
    pub fn mean(&self, ids: &[u32], weighted: bool) -> Vec<f32> {
        let mut acc = vec![0.0; self.dims];
        for &id in ids {
            let w = if weighted { self.weight(id) } else { 1.0 };
            self.add(id, w, &mut acc);
        }
        normalise(&mut acc);
        acc
    }

    /// The unit vector of a passage (weighted mean of its tokens).
    pub fn sentence(&self, text: &str) -> Vec<f32> {
        let mut ids = Vec::new();
        self.pieces(text, &mut ids);
        self.mean(&ids, true)
    }

    /// The unit vector of one word (mean of its pieces).
    pub fn word(&self, word: &str) -> Vec<f32> {
        let mut ids = Vec::new();
        self.pieces(word, &mut ids);
        self.mean(&ids, false)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Scales `v` to unit length (a zero vector stays zero).
pub fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// The dot product: the cosine of two unit vectors.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight sums side by side, so that the compiler can use vector lanes.
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_as_the_model_cuts_it() {
        let v = get();
        let mut ids = Vec::new();
        v.pieces("Café owners, unaffordable!", &mut ids);
        let toks: Vec<&str> = ids
            .iter()
            .map(|&i| v.vocab.iter().find(|(_, j)| **j == i).unwrap().0.as_str())
            .collect();
        assert_eq!(
            toks,
            ["cafe", "owners", ",", "una", "##ff", "##ord", "##able", "!"]
        );
    }

    #[test]
    fn paraphrases_are_closer_than_other_news() {
        let v = get();
        let a = v.sentence("The senator said the bill would fail.");
        let b = v.sentence("The lawmaker predicted the legislation would be defeated.");
        let c = v.sentence("Heavy rain flooded streets in the city on Monday.");
        assert!(
            dot(&a, &b) > dot(&a, &c) + 0.1,
            "{} vs {}",
            dot(&a, &b),
            dot(&a, &c)
        );
    }
}
