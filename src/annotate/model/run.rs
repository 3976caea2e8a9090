//! `verso model train`: the command that learns the tagger and its filter
//! from PolNeAR (`verso model eval`, which measures them, is in `score`).

use std::path::Path;
use std::time::Instant;

use super::features::{Cues, Seq};
use super::filter::Filter;
use super::train::{Example, gold_tags, load_split, perceptron, shuffle};
use crate::annotate::tagged::candidates;
use crate::annotate::tagger_input;
use crate::outcome::{Done, Error, Outcome};
use crate::story::QuoteKind;
use crate::text::ranges::jaccard_matches as matches;
use std::ops::Range;

/// One example as the tagger sees it: each paragraph with its gold tags, and
/// the rule-drafted quotes (byte ranges and kinds).
struct Prepared {
    seqs: Vec<(Seq, Vec<u8>)>,
    marks: Vec<(Range<usize>, QuoteKind)>,
}

/// Every example prepared, on two threads.
fn prepare(examples: &[Example], cues: &Cues) -> Vec<Prepared> {
    let work = |part: &[Example]| -> Vec<Prepared> {
        part.iter()
            .map(|ex| {
                let (seqs, marks) = tagger_input(&ex.text, cues);
                let seqs = seqs
                    .into_iter()
                    .map(|seq| {
                        let gold = gold_tags(&seq, &ex.parc.attributions);
                        (seq, gold)
                    })
                    .collect();
                Prepared { seqs, marks }
            })
            .collect()
    };
    std::thread::scope(|s| {
        let (a, b) = examples.split_at(examples.len().div_ceil(2));
        let h = s.spawn(|| work(b));
        let mut out = work(a);
        out.extend(h.join().expect("feature thread"));
        out
    })
}

/// The filter's training data: the passages that a tagger trained on the
/// other half of the examples finds in each half, labelled by whether they
/// match an annotated content (the measure's rule).
fn filter_data(
    examples: &[Example],
    prepared: &[Prepared],
    epochs: usize,
) -> Vec<(Vec<u32>, bool)> {
    let mut out = Vec::new();
    for fold in 0..2 {
        let other: Vec<&(Seq, Vec<u8>)> = prepared
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 != fold)
            .flat_map(|(_, p)| &p.seqs)
            .collect();
        let m = perceptron(&other, epochs, |_, _| {});
        for (ex, p) in examples.iter().zip(prepared).skip(fold).step_by(2) {
            let gold: Vec<Range<usize>> = ex
                .parc
                .attributions
                .iter()
                .filter_map(|a| a.content_extent())
                .collect();
            for (pi, (seq, _)) in p.seqs.iter().enumerate() {
                let (tags, margins) = m.tag_scored(seq);
                for c in candidates(&ex.text, pi, seq, (&tags, &margins), &p.marks) {
                    let right = gold.iter().any(|g| matches(&c.range, g));
                    out.push((c.feats, right));
                }
            }
        }
    }
    out
}

/// `verso model train DATA -o OUT`: writes the weights to `OUT`, telling
/// `progress` how training goes, a line at a time.
pub fn train(data: &Path, out: &Path, epochs: usize, progress: &mut dyn FnMut(&str)) -> Outcome {
    let t0 = Instant::now();
    let secs = || t0.elapsed().as_secs_f64();
    // The output folder first: a training run should not end in "no such folder".
    std::fs::create_dir_all(out).map_err(|e| Error::Input(format!("{}: {e}", out.display())))?;
    let examples = load_split(data, "train").map_err(Error::Input)?;
    // The cue lexicon first (words the annotators tagged as cues), then the
    // features that use it.
    let cues = Cues::learn(
        examples.iter().flat_map(|ex| {
            let toks = crate::text::tokens(&ex.text, 0..ex.text.len());
            toks.into_iter().filter(|t| t.word).map(move |t| {
                let cue = ex
                    .parc
                    .attributions
                    .iter()
                    .flat_map(|a| &a.cue)
                    .any(|r| r.start <= t.start && t.start < r.end);
                (t.text(&ex.text), cue)
            })
        }),
        5,
        0.3,
    );
    let prepared = prepare(&examples, &cues);
    let seqs: Vec<&(Seq, Vec<u8>)> = prepared.iter().flat_map(|p| &p.seqs).collect();
    let tokens: usize = seqs.iter().map(|(s, _)| s.toks.len()).sum();
    progress(&format!(
        "{} files, {} paragraphs, {tokens} tokens; features in {:.1} s",
        examples.len(),
        seqs.len(),
        secs()
    ));
    let mut passages = filter_data(&examples, &prepared, epochs);
    shuffle(&mut passages, &mut 0xf11_u64);
    let right = passages.iter().filter(|p| p.1).count();
    progress(&format!(
        "filter: {} passages from held-out folds, {right} right ({:.1} s)",
        passages.len(),
        secs()
    ));
    let filter = Filter::learn(&passages, 10);
    let model = perceptron(&seqs, epochs, |e, wrong| {
        progress(&format!(
            "pass {e}/{epochs}: {wrong} tokens mistagged ({:.1} s)",
            secs()
        ))
    });
    let write = |name: &str, bytes: &[u8]| {
        let p = out.join(name);
        crate::fsutil::write_atomically(&p, bytes)
            .map_err(|e| Error::Input(format!("{}: {e}", p.display())))
    };
    write("cues.txt", cues.to_text().as_bytes())?;
    write("model.bin", &model.to_bytes())?;
    write("filter.bin", &filter.to_bytes())?;
    Ok(Done {
        messages: vec![format!("wrote {} in {:.1} s", out.display(), secs())],
        ..Done::default()
    })
}
