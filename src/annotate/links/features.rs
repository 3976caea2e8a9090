//! What the scorer ([`super::scorer`]) knows of two passages: how many of
//! their words, runs of words and letters they share, how close their meaning
//! is by the word vectors ([`super::vectors`]), word by word and whole, and
//! whether their numbers and names agree.

use super::numbers::numeric;
use super::vectors::{Vectors, dot};
use rustc_hash::FxHashMap as FxMap;

/// The features' names, in order (the scorer's weights file lists them).
pub const NAMES: [&str; 32] = [
    "uni_a",
    "uni_b",
    "bi_a",
    "bi_b",
    "tri_a",
    "tri_b",
    "four_a",
    "four_b",
    "content_a",
    "content_b",
    "extra_a",
    "extra_b",
    "cosine",
    "align_a",
    "align_b",
    "unmatched_a",
    "unmatched_b",
    "nums_same",
    "nums_differ",
    "nums_apart",
    "names_a",
    "names_b",
    "len_diff",
    "len_ratio",
    "lcs_a",
    "lcs_b",
    "chars3",
    "chars4",
    "rare_a",
    "rare_b",
    "rarest_a",
    "rarest_b",
];

/// How many features there are.
pub const N: usize = NAMES.len();

/// Words that say little of what a sentence tells.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "and", "or", "but", "is",
    "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
    "as", "from", "has", "have", "had", "he", "she", "they", "we", "i", "you", "his", "her",
    "their", "our", "not", "no", "s", "said", "says", "will", "would",
];

/// Word vectors of the words seen so far (one table per drafting run).
#[derive(Default)]
pub struct Words {
    index: FxMap<String, usize>,
    /// Each word's unit vector in fixed point ([`ONE`] for 1.0), so that
    /// comparing two is a fast integer dot product.
    vecs: Vec<Vec<i16>>,
    rarity: Vec<f32>,
}

/// How many of the vectors' components word matching uses.
const WORD_DIMS: usize = 128;

/// 1.0 in the fixed point of [`Words`]: two unit vectors' dot product stays
/// far inside `i32`.
const ONE: f32 = 4096.0;

/// The cosine of two words' fixed-point vectors: sixteen sums side by side,
/// for the processor's vector lanes.
#[inline(always)]
fn cosine(a: &[i16], b: &[i16]) -> f32 {
    let mut acc = [0i32; 16];
    let (ca, cb) = (a.chunks_exact(16), b.chunks_exact(16));
    let tail: i32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(&x, &y)| i32::from(x) * i32::from(y))
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..16 {
            acc[k] += i32::from(x[k]) * i32::from(y[k]);
        }
    }
    (acc.iter().sum::<i32>() + tail) as f32 / (ONE * ONE)
}

impl Words {
    fn get(&mut self, v: &Vectors, w: &str) -> usize {
        if let Some(&i) = self.index.get(w) {
            return i;
        }
        let mut ids = Vec::new();
        v.pieces(w, &mut ids);
        // A token's share of news text, back from its weight a / (a + p).
        let rarity = ids
            .iter()
            .map(|&id| {
                let s = v.weight(id).clamp(1e-6, 1.0 - 1e-6);
                -(1e-3 * (1.0 / s - 1.0)).ln()
            })
            .sum::<f32>()
            / ids.len().max(1) as f32;
        // The leading components only (the vectors' are in order of
        // variance): word against word, they tell nearly as much for half
        // the work.
        let mut unit = v.mean(&ids, false);
        unit.truncate(WORD_DIMS);
        super::vectors::normalise(&mut unit);
        self.vecs
            .push(unit.iter().map(|x| (x * ONE).round() as i16).collect());
        self.rarity.push(rarity);
        self.index.insert(w.to_string(), self.vecs.len() - 1);
        self.vecs.len() - 1
    }
}

/// One passage, read for comparing: each part a sorted set of hashes, so
/// that a pair's features are merges, not new tables.
pub struct Passage {
    /// Runs of 1 to 4 stems.
    grams: [Vec<u64>; 4],
    /// Content stems, and each content word's stem and entry in the table.
    stems: Vec<u64>,
    content: Vec<(u64, usize)>,
    /// Each content stem once (first seen), with its word's rarity.
    rare: Vec<(u64, f32)>,
    nums: Vec<u64>,
    names: Vec<u64>,
    lower: Vec<u64>,
    /// Runs of 3 and 4 characters, as bits of a [`Sketch`].
    chars: [Sketch; 2],
    vec: Vec<f32>,
}

/// Runs of letters and digits, numbers with their inner `,` and `.`.
fn words(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let inner = (d == ',' || d == '.')
                && b[i].is_ascii_digit()
                && b.get(j + 1).is_some_and(|x| x.is_ascii_digit());
            if d.is_alphanumeric() || inner {
                end = j + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        out.push(&text[i..end]);
    }
    out
}

fn stem(w: &str) -> &str {
    for suf in ["ing", "ed", "es", "s"] {
        if w.len() > suf.len() + 3 && w.ends_with(suf) {
            return &w[..w.len() - suf.len()];
        }
    }
    w
}

const FNV: u64 = 0xcbf29ce484222325;

fn fnv(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x100000001b3)
}

fn hash_str(s: &str) -> u64 {
    s.bytes().fold(FNV, |h, b| fnv(h, b.into()))
}

fn set(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

impl Passage {
    pub fn new(text: &str, v: &Vectors, table: &mut Words) -> Passage {
        let ws = words(text);
        let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
        let stems: Vec<u64> = lower.iter().map(|w| hash_str(stem(w))).collect();
        let grams = |n: usize| {
            set(stems
                .windows(n)
                .map(|g| g.iter().fold(FNV, |h, &x| fnv(h, x)))
                .collect())
        };
        let mut content = Vec::new();
        let mut rare: Vec<(u64, f32)> = Vec::new();
        for (w, &s) in lower.iter().zip(&stems) {
            if STOP.contains(&stem(w)) {
                continue;
            }
            let i = table.get(v, w);
            content.push((s, i));
            if !rare.iter().any(|r| r.0 == s) {
                rare.push((s, table.rarity[i]));
            }
        }
        let nums = lower
            .iter()
            .filter_map(|w| numeric(w).map(|(n, _)| (n * 1000.0).round() as u64))
            .collect();
        let names = ws
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| hash_str(w))
            .collect();
        let cs: Vec<char> = text.to_lowercase().chars().collect();
        let chars = |n: usize| {
            Sketch::of(
                cs.windows(n)
                    .map(|g| g.iter().fold(FNV, |h, &c| fnv(h, c as u64))),
            )
        };
        Passage {
            grams: [grams(1), grams(2), grams(3), grams(4)],
            stems: set(content.iter().map(|c| c.0).collect()),
            content,
            rare,
            nums: set(nums),
            names: set(names),
            lower: lower.iter().map(|w| hash_str(w)).collect(),
            chars: [chars(3), chars(4)],
            vec: v.sentence(text),
        }
    }

    /// The passage's meaning as one unit vector.
    pub fn vector(&self) -> &[f32] {
        &self.vec
    }

    /// How many words (runs of letters and digits) it has.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Has it no words at all?
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }
}

/// A set of hashes as bits: two sets' share is a few ANDs, at the price of
/// the odd collision (about one gram in twenty for a long sentence).
pub struct Sketch([u64; 32]);

impl Sketch {
    fn of(hashes: impl Iterator<Item = u64>) -> Sketch {
        let mut bits = [0u64; 32];
        for h in hashes {
            let b = (h >> 53) as usize & 2047;
            bits[b / 64] |= 1 << (b % 64);
        }
        Sketch(bits)
    }
    fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    fn common(&self, other: &Sketch) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }
}

/// How many values two sorted sets share.
fn common(a: &[u64], b: &[u64]) -> usize {
    // Without branches: which side steps on is data, not a guess.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

fn share(a: &[u64], b: &[u64]) -> [f32; 2] {
    let i = common(a, b) as f32;
    [i / a.len().max(1) as f32, i / b.len().max(1) as f32]
}

fn lcs(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Each content word's best match among the other passage's, both ways:
/// the mean best and how many found none close.
fn best_matches(a: &Passage, b: &Passage, table: &Words) -> [f32; 4] {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked just above.
        return unsafe { best_matches_avx2(a, b, table) };
    }
    best_matches_plain(a, b, table)
}

/// [`best_matches`] compiled for AVX2's wider lanes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn best_matches_avx2(a: &Passage, b: &Passage, table: &Words) -> [f32; 4] {
    best_matches_plain(a, b, table)
}

#[inline(always)]
fn best_matches_plain(a: &Passage, b: &Passage, table: &Words) -> [f32; 4] {
    if a.content.is_empty() || b.content.is_empty() {
        return [0.0; 4];
    }
    let mut col = vec![f32::MIN; b.content.len()];
    let (mut sum_a, mut un_a) = (0.0, 0.0);
    for &(_, i) in &a.content {
        let mut m = f32::MIN;
        for (k, &(_, j)) in b.content.iter().enumerate() {
            let s = if i == j {
                1.0
            } else {
                cosine(&table.vecs[i], &table.vecs[j])
            };
            m = m.max(s);
            col[k] = col[k].max(s);
        }
        sum_a += m;
        un_a += f32::from(m < 0.6);
    }
    let sum_b: f32 = col.iter().sum();
    let un_b = col.iter().filter(|&&m| m < 0.6).count() as f32;
    [
        sum_a / a.content.len() as f32,
        sum_b / b.content.len() as f32,
        un_a,
        un_b,
    ]
}

/// Shared words weighted by rarity, and the rarest word the other lacks.
fn rare(x: &Passage, y: &Passage) -> (f32, f32) {
    let (mut all, mut shared, mut rarest) = (0.0, 0.0, 0.0f32);
    for &(s, r) in &x.rare {
        all += r;
        if y.stems.binary_search(&s).is_ok() {
            shared += r;
        } else {
            rarest = rarest.max(r);
        }
    }
    (shared / f32::max(all, 1e-6), rarest)
}

/// The features of a pair of passages, in the order of [`NAMES`].
pub fn features(a: &Passage, b: &Passage, table: &Words) -> [f32; N] {
    let mut f = [0.0; N];
    let mut k = 0;
    let mut put = |x: f32| {
        f[k] = x;
        k += 1;
    };
    for n in 0..4 {
        share(&a.grams[n], &b.grams[n])
            .into_iter()
            .for_each(&mut put);
    }
    let (ca, cb) = (&a.stems, &b.stems);
    let shared = common(ca, cb);
    share(ca, cb).into_iter().for_each(&mut put);
    put((ca.len() - shared) as f32);
    put((cb.len() - shared) as f32);
    put(dot(&a.vec, &b.vec));
    best_matches(a, b, table).into_iter().for_each(&mut put);
    let (na, nb) = (&a.nums, &b.nums);
    put(f32::from(na == nb));
    put(f32::from((!na.is_empty() || !nb.is_empty()) && na != nb));
    put((na.len() + nb.len() - 2 * common(na, nb)) as f32);
    let names = common(&a.names, &b.names);
    put((a.names.len() - names) as f32);
    put((b.names.len() - names) as f32);
    let (la, lb) = (a.len().max(1) as f32, b.len().max(1) as f32);
    put((la - lb).abs());
    put((la / lb).ln());
    let l = lcs(&a.lower, &b.lower) as f32;
    put(l / la);
    put(l / lb);
    for n in 0..2 {
        let (x, y) = (&a.chars[n], &b.chars[n]);
        let i = x.common(y);
        put(i as f32 / (x.len() + y.len()).saturating_sub(i).max(1) as f32);
    }
    let ((ra, xa), (rb, xb)) = (rare(a, b), rare(b, a));
    [ra, rb, xa, xb].into_iter().for_each(&mut put);
    debug_assert_eq!(k, N);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_numbers_whole() {
        assert_eq!(
            words("It cost $3,500.50, Wi-Fi."),
            ["It", "cost", "3,500.50", "Wi", "Fi"]
        );
    }

    #[test]
    fn a_paraphrase_shares_more_than_other_news() {
        let v = super::super::vectors::get();
        let mut t = Words::default();
        let a = Passage::new("The senator said the bill would fail on Monday.", v, &mut t);
        let b = Passage::new("The bill will fail, the senator said Monday.", v, &mut t);
        let c = Passage::new("Floods closed three schools in the county.", v, &mut t);
        let (ab, ac) = (features(&a, &b, &t), features(&a, &c, &t));
        for k in [0, 8, 12, 13] {
            assert!(ab[k] > ac[k], "{}: {} vs {}", NAMES[k], ab[k], ac[k]);
        }
        assert_eq!(ab[17], 1.0);
        assert_eq!(ac[18], 1.0);
    }
}
