//! `verso links msrp` and `verso links train`: the link scorer learned from,
//! and the drafter measured on, MSRP (news sentences from different outlets,
//! judged equivalent or not).
//!
//! The measure is the corpus's own: each pair is drafted as two articles of
//! one sentence; it is judged equivalent when the draft has a `same` or
//! `paraphrase` link whose passages cover at least half of the words (runs of
//! letters and digits) of each sentence, and no `conflict` link. Figures come
//! from k-fold cross-validation over the train split: for each fold a scorer
//! is trained on the others and the whole drafter judges the fold's pairs.

use std::path::Path;

use crate::annotate::links::features::{self, NAMES, Passage, Words};
use crate::annotate::links::scorer::{self, Scorer, Scorers};
use crate::annotate::links::{self, vectors};
use crate::outcome::{Done, Error, Outcome};
use crate::story::LinkKind;
use crate::text::Doc;

/// One judged pair.
#[derive(Debug)]
pub struct Pair {
    pub equivalent: bool,
    pub a: String,
    pub b: String,
}

/// The L2 penalty the scorer is trained with (chosen by cross-validation).
pub const L2: f64 = 1.0;

/// Reads an MSRP split (`Quality`, two ids, two sentences; tab-separated, a
/// header line, a byte-order mark, no quoting). Errors name the file and line.
pub fn read(path: &Path) -> Result<Vec<Pair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| format!("{}:{}: {what}", path.display(), i + 1);
        if cols.len() != 5 {
            return Err(bad(&format!(
                "expected 5 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let equivalent = match cols[0] {
            "1" => true,
            "0" => false,
            q => return Err(bad(&format!("Quality is `{q}`, expected 0 or 1"))),
        };
        out.push(Pair {
            equivalent,
            a: cols[3].to_string(),
            b: cols[4].to_string(),
        });
    }
    if out.is_empty() {
        return Err(format!("{}: no pairs", path.display()));
    }
    Ok(out)
}

/// The split file in an MSRP folder (or the file itself).
fn split_file(data: &Path) -> std::path::PathBuf {
    if data.is_dir() {
        data.join("train.tsv")
    } else {
        data.to_path_buf()
    }
}

/// The scorer's features of each pair, as whole sentences.
pub fn examples(pairs: &[Pair]) -> Vec<Vec<f32>> {
    let v = vectors::get();
    let mut table = Words::default();
    pairs
        .iter()
        .map(|p| {
            let a = Passage::new(p.a.trim(), v, &mut table);
            let b = Passage::new(p.b.trim(), v, &mut table);
            features::features(&a, &b, &table).to_vec()
        })
        .collect()
}

/// The runs of letters and digits of `t`.
pub fn word_ranges(t: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut last = usize::MAX;
    for (i, c) in t.char_indices() {
        if c.is_alphanumeric() {
            match out.last_mut() {
                Some(r) if r.end == i && last == i => r.end = i + c.len_utf8(),
                _ => out.push(i..i + c.len_utf8()),
            }
            last = i + c.len_utf8();
        }
    }
    out
}

/// How the drafter judges a pair: (equivalent, a conflict drafted).
pub fn judge(a: &str, b: &str, scorer: &Scorers) -> (bool, bool) {
    let (e, c, _) = judged(a, b, scorer);
    (e, c)
}

/// [`judge`], with the conflicts' notes.
fn judged(a: &str, b: &str, scorer: &Scorers) -> (bool, bool, Vec<String>) {
    let (ta, tb) = (format!("{}\n", a.trim()), format!("{}\n", b.trim()));
    let docs = [Doc::new(&ta), Doc::new(&tb)];
    let found = links::find_with(&[&ta, &tb], &docs, scorer);
    let words = |t: &str, r: Option<&std::ops::Range<usize>>| {
        word_ranges(t)
            .into_iter()
            .filter(|w| r.is_none_or(|r| r.start <= w.start && w.end <= r.end))
            .count()
    };
    let (na, nb) = (words(&ta, None), words(&tb, None));
    let conflict = found.iter().any(|l| l.kind == LinkKind::Conflict);
    let covers = found.iter().any(|l| {
        l.kind != LinkKind::Conflict
            && 2 * words(&ta, Some(&l.a.1)) >= na
            && 2 * words(&tb, Some(&l.b.1)) >= nb
    });
    let notes = found
        .iter()
        .filter(|l| l.kind == LinkKind::Conflict)
        .map(|l| l.note.clone().unwrap_or_default())
        .collect();
    (covers && !conflict, conflict, notes)
}

/// Counts of a run over pairs.
#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    pub pairs: usize,
    pub right: usize,
    pub tp: usize,
    pub said: usize,
    pub gold: usize,
    pub conflicts_on_equivalent: usize,
}

impl Counts {
    fn add(&mut self, gold: bool, said: bool, conflict: bool) {
        self.pairs += 1;
        self.right += usize::from(gold == said);
        self.tp += usize::from(gold && said);
        self.said += usize::from(said);
        self.gold += usize::from(gold);
        self.conflicts_on_equivalent += usize::from(gold && conflict);
    }

    fn line(&self, what: &str) -> String {
        let r = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        let (p, rc) = (r(self.tp, self.said), r(self.tp, self.gold));
        let f1 = if p + rc > 0.0 {
            2.0 * p * rc / (p + rc)
        } else {
            0.0
        };
        format!(
            "{what:<9} accuracy {:.3}  precision {p:.3}  recall {rc:.3}  F1 {f1:.3}  \
             conflicts on equivalent pairs {}/{} ({:.1}%)\n",
            r(self.right, self.pairs),
            self.conflicts_on_equivalent,
            self.gold,
            100.0 * r(self.conflicts_on_equivalent, self.gold)
        )
    }
}

/// The fold of pair `i` of `k`: a fixed shuffle, so folds mix the corpus's order.
fn fold(i: usize, k: usize) -> usize {
    ((i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize % k
}

/// `verso links msrp DATA`: cross-validated figures of the scorer alone and of
/// the whole drafter.
pub fn run(data: &Path, folds: usize, threshold: Option<f32>, errors: bool) -> Outcome {
    let pairs = read(&split_file(data)).map_err(Error::Input)?;
    let folds = folds.clamp(2, pairs.len());
    let bundled = scorer::get();
    let threshold = threshold.unwrap_or(bundled.sentence.threshold);
    let xs = examples(&pairs);
    let (mut alone, mut drafter) = (Counts::default(), Counts::default());
    let mut messages = Vec::new();
    for f in 0..folds {
        let train: Vec<usize> = (0..pairs.len()).filter(|&i| fold(i, folds) != f).collect();
        let tx: Vec<Vec<f32>> = train.iter().map(|&i| xs[i].clone()).collect();
        let ty: Vec<bool> = train.iter().map(|&i| pairs[i].equivalent).collect();
        let s = Scorers {
            sentence: Scorer::train(&NAMES, &tx, &ty, L2, threshold),
            context: bundled.context.clone(),
        };
        for i in (0..pairs.len()).filter(|&i| fold(i, folds) == f) {
            let g = pairs[i].equivalent;
            alone.add(g, s.sentence.prob(&xs[i]) >= threshold, false);
            let (said, conflict, notes) = judged(&pairs[i].a, &pairs[i].b, &s);
            drafter.add(g, said, conflict);
            if errors && (said != g || g && conflict) {
                let what = match (g, conflict) {
                    (true, true) => format!("false conflict ({})", notes.join("; ")),
                    (true, false) => "missed".to_string(),
                    _ => "wrongly linked".to_string(),
                };
                messages.push(format!(
                    "line {}: {what}\n  {}\n  {}",
                    i + 2,
                    pairs[i].a,
                    pairs[i].b
                ));
            }
        }
    }
    let mut out = format!(
        "MSRP {} pairs, {folds}-fold cross-validation, threshold {threshold}\n",
        pairs.len()
    );
    out += &alone.line("scorer");
    out += &drafter.line("drafter");
    Ok(Done {
        messages,
        ..Done::printing(out)
    })
}

/// The sentence stage trained on all of MSRP's train split (`data`).
pub fn train_sentence(data: &Path, threshold: f32) -> Result<Scorer, Error> {
    let pairs = read(&split_file(data)).map_err(Error::Input)?;
    let xs = examples(&pairs);
    let ys: Vec<bool> = pairs.iter().map(|p| p.equivalent).collect();
    Ok(Scorer::train(&NAMES, &xs, &ys, L2, threshold))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_line_is_named() {
        let dir = std::env::temp_dir().join(format!("verso-msrp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("train.tsv");
        std::fs::write(&f, "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA b.\tA c.\n2\t1\t2\tx\ty\n").unwrap();
        let e = read(&f).unwrap_err();
        assert!(e.contains("train.tsv:3: Quality is `2`"), "{e}");
        std::fs::write(&f, "Quality\n1\t1\t2\tThe cat sat.\tThe cat sat down.\n").unwrap();
        assert_eq!(read(&f).unwrap().len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
