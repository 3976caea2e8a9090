//! The attribution tagger: a linear model over token features, decoded with
//! Viterbi over a paragraph, that tags each token as part of an attribution's
//! source, cue or content (BIO) or none. Trained as an averaged structured
//! perceptron on PolNeAR's train split ([`train`]); the weights are committed
//! in `model.bin` and compiled into the binary.

pub mod features;
pub mod filter;
pub mod run;
pub mod train;

use std::sync::OnceLock;

use features::{BUCKETS, Seq};

/// Tags: outside, then begin/inside of source, cue and content.
pub const TAGS: usize = 7;
pub const O: u8 = 0;
pub const B_SOURCE: u8 = 1;
pub const I_SOURCE: u8 = 2;
pub const B_CUE: u8 = 3;
pub const I_CUE: u8 = 4;
pub const B_CONTENT: u8 = 5;
pub const I_CONTENT: u8 = 6;

/// The role a tag gives its token (0 none, 1 source, 2 cue, 3 content).
pub const fn role(tag: u8) -> u8 {
    tag.div_ceil(2)
}

/// May `b` follow `a` (`None`: the sequence's start)? An inside tag continues
/// its own role only.
pub fn allowed(a: Option<u8>, b: u8) -> bool {
    b == O || b % 2 == 1 || a.is_some_and(|a| a != O && role(a) == role(b))
}

const MAGIC: &[u8; 8] = b"VERSOAT1";

/// Weights: one row of [`TAGS`] per feature bucket, and transition scores
/// (row [`TAGS`] is the start).
#[derive(Clone)]
pub struct Model {
    pub w: Vec<f32>,
    pub trans: Vec<f32>,
}

impl Model {
    pub fn zero() -> Model {
        Model {
            w: vec![0.0; BUCKETS * TAGS],
            trans: vec![0.0; (TAGS + 1) * TAGS],
        }
    }

    /// The bundled model.
    pub fn bundled() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            Model::from_bytes(include_bytes!("model.bin")).expect("the bundled model.bin is sound")
        })
    }

    /// Little-endian: magic, bucket count, tag count, scale, transitions
    /// (f32), then the weights quantised to i16 (weight = q * scale).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
        let scale = max / i16::MAX as f32;
        let mut out = Vec::with_capacity(24 + self.trans.len() * 4 + self.w.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(BUCKETS as u32).to_le_bytes());
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for x in &self.w {
            out.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let n_trans = (TAGS + 1) * TAGS;
        let want = 20 + n_trans * 4 + BUCKETS * TAGS * 2;
        if b.len() != want || &b[..8] != MAGIC {
            return Err(format!(
                "not a model for this version of verso ({} bytes, expected {want})",
                b.len()
            ));
        }
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
        if u32_at(8) as usize != BUCKETS || u32_at(12) as usize != TAGS {
            return Err("the model's shape does not match this version of verso".into());
        }
        let f32_at = |i: usize| f32::from_le_bytes(b[i..i + 4].try_into().unwrap());
        let scale = f32_at(16);
        let trans = (0..n_trans).map(|k| f32_at(20 + 4 * k)).collect();
        let base = 20 + 4 * n_trans;
        let w = b[base..]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale)
            .collect();
        Ok(Model { w, trans })
    }

    /// The score of each tag at each token.
    fn emissions(&self, seq: &Seq) -> Vec<[f32; TAGS]> {
        seq.feats
            .iter()
            .map(|fs| {
                let mut s = [0f32; TAGS];
                for &f in fs {
                    let row = &self.w[f as usize * TAGS..f as usize * TAGS + TAGS];
                    for (a, b) in s.iter_mut().zip(row) {
                        *a += b;
                    }
                }
                s
            })
            .collect()
    }

    /// The best tag sequence (Viterbi, with the BIO constraints).
    pub fn tag(&self, seq: &Seq) -> Vec<u8> {
        self.tag_scored(seq).0
    }

    /// The best tag sequence, and at each token how far its tag's score
    /// stands above the next best tag's (the tagger's confidence there).
    pub fn tag_scored(&self, seq: &Seq) -> (Vec<u8>, Vec<f32>) {
        let em = self.emissions(seq);
        let tags = self.viterbi(&em);
        let margins = tags
            .iter()
            .zip(&em)
            .map(|(&t, e)| {
                let other = (0..TAGS)
                    .filter(|&k| k != t as usize)
                    .map(|k| e[k])
                    .fold(f32::NEG_INFINITY, f32::max);
                e[t as usize] - other
            })
            .collect();
        (tags, margins)
    }

    fn viterbi(&self, em: &[[f32; TAGS]]) -> Vec<u8> {
        let n = em.len();
        if n == 0 {
            return Vec::new();
        }
        let mut back = vec![[0u8; TAGS]; n];
        let mut score = [f32::NEG_INFINITY; TAGS];
        for (b, s) in score.iter_mut().enumerate() {
            if allowed(None, b as u8) {
                *s = em[0][b] + self.trans[TAGS * TAGS + b];
            }
        }
        for i in 1..n {
            let mut next = [f32::NEG_INFINITY; TAGS];
            for b in 0..TAGS {
                for (a, &prev) in score.iter().enumerate() {
                    if !allowed(Some(a as u8), b as u8) || prev == f32::NEG_INFINITY {
                        continue;
                    }
                    let s = prev + self.trans[a * TAGS + b];
                    if s > next[b] {
                        next[b] = s;
                        back[i][b] = a as u8;
                    }
                }
                next[b] += em[i][b];
            }
            score = next;
        }
        let mut best = (0..TAGS)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
            .unwrap_or(0) as u8;
        let mut out = vec![0u8; n];
        for i in (0..n).rev() {
            out[i] = best;
            best = back[i][best as usize];
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        assert!(allowed(None, B_CONTENT));
        assert!(!allowed(None, I_CONTENT));
        assert!(allowed(Some(B_CONTENT), I_CONTENT));
        assert!(allowed(Some(I_CONTENT), I_CONTENT));
        assert!(!allowed(Some(B_CUE), I_CONTENT));
        assert!(!allowed(Some(O), I_SOURCE));
    }

    #[test]
    fn bundled_model_loads_and_round_trips() {
        let m = Model::bundled();
        let again = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(again.trans, m.trans);
        assert!(
            m.w.iter().any(|&x| x != 0.0),
            "the bundled model has weights"
        );
    }
}
