//! Training the tagger on PolNeAR (`verso model train DATA`): each annotation
//! file of a split with its article becomes tagged paragraphs, and an averaged
//! structured perceptron learns the weights. Same data, same weights: the
//! order of files is sorted and the shuffle is seeded.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::features::{BUCKETS, Seq};
use super::{B_CONTENT, B_CUE, B_SOURCE, Model, O, TAGS};
use crate::exchange::parc::{self, Attribution, Parc};

/// One annotated article of the corpus.
pub struct Example {
    /// The annotation file's name.
    pub name: String,
    pub text: String,
    pub parc: Parc,
}

/// The `.ann` files of `DATA/SPLIT/attributions`, each with its text from
/// `DATA/SPLIT/text` (the file name less the annotator's `_xxxx` suffix),
/// sorted by name.
pub fn load_split(data: &Path, split: &str) -> Result<Vec<Example>, String> {
    let dir = data.join(split).join("attributions");
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut anns: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    if anns.is_empty() {
        return Err(format!("{}: no .ann files", dir.display()));
    }
    anns.iter()
        .map(|ann| {
            let stem = ann.file_stem().unwrap_or_default().to_string_lossy();
            let article = article_of(&stem);
            let txt = data.join(split).join("text").join(format!("{article}.txt"));
            let text = std::fs::read_to_string(&txt)
                .map_err(|e| format!("{}: cannot read: {e}", txt.display()))?;
            let a = std::fs::read_to_string(ann)
                .map_err(|e| format!("{}: cannot read: {e}", ann.display()))?;
            let parsed = parc::parse(&a, &text).map_err(|e| format!("{}: {e}", ann.display()))?;
            Ok(Example {
                name: stem.to_string(),
                text,
                parc: parsed,
            })
        })
        .collect()
}

/// The article an annotation file is of: its name less the annotator's
/// `_xxxx` suffix.
pub fn article_of(ann_stem: &str) -> &str {
    ann_stem.rsplit_once('_').map_or(ann_stem, |(a, _)| a)
}

/// The gold tag of each token of `seq`: the role of the attribution part its
/// first byte lies in; `B` where a part starts or the attribution changes.
pub fn gold_tags(seq: &Seq, attributions: &[Attribution]) -> Vec<u8> {
    let mut parts: Vec<(Range<usize>, u8, usize)> = Vec::new();
    for (k, a) in attributions.iter().enumerate() {
        for (list, b) in [
            (&a.source, B_SOURCE),
            (&a.cue, B_CUE),
            (&a.content, B_CONTENT),
        ] {
            parts.extend(list.iter().map(|r| (r.clone(), b, k)));
        }
    }
    parts.sort_by_key(|p| (p.0.start, p.0.end));
    let mut out = Vec::with_capacity(seq.toks.len());
    let mut prev: Option<(u8, usize)> = None;
    for t in &seq.toks {
        let hit = parts
            .iter()
            .find(|(r, _, _)| r.start <= t.start && t.start < r.end)
            .map(|(_, b, k)| (*b, *k));
        out.push(match hit {
            None => O,
            Some(h) if prev == Some(h) => h.0 + 1,
            Some(h) => h.0,
        });
        prev = hit;
    }
    out
}

/// A seeded linear congruential shuffle (deterministic across platforms).
pub fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((*seed >> 33) % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

/// Trains for `epochs` passes over `data` (sequences with their gold tags);
/// `progress` hears after each pass.
pub fn perceptron(
    data: &[&(Seq, Vec<u8>)],
    epochs: usize,
    mut progress: impl FnMut(usize, usize),
) -> Model {
    let mut m = Model::zero();
    // Sums of c * update, for the average w - acc / c.
    let mut acc_w = vec![0f64; m.w.len()];
    let mut acc_t = vec![0f64; m.trans.len()];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x5eed_u64;
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let mut wrong = 0;
        for &k in &order {
            let (seq, gold) = &data[k];
            let pred = m.tag(seq);
            if &pred != gold {
                for i in 0..gold.len() {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    if g != p {
                        wrong += 1;
                        for &f in &seq.feats[i] {
                            let f = f as usize * TAGS;
                            m.w[f + g] += 1.0;
                            acc_w[f + g] += c;
                            m.w[f + p] -= 1.0;
                            acc_w[f + p] -= c;
                        }
                    }
                    let gp = if i == 0 { TAGS } else { gold[i - 1] as usize };
                    let pp = if i == 0 { TAGS } else { pred[i - 1] as usize };
                    if (gp, g) != (pp, p) {
                        m.trans[gp * TAGS + g] += 1.0;
                        acc_t[gp * TAGS + g] += c;
                        m.trans[pp * TAGS + p] -= 1.0;
                        acc_t[pp * TAGS + p] -= c;
                    }
                }
            }
            c += 1.0;
        }
        progress(epoch + 1, wrong);
    }
    for (w, a) in m.w.iter_mut().zip(&acc_w) {
        *w -= (a / c) as f32;
    }
    for (w, a) in m.trans.iter_mut().zip(&acc_t) {
        *w -= (a / c) as f32;
    }
    debug_assert_eq!(m.w.len(), BUCKETS * TAGS);
    m
}
