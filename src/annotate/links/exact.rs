//! Sentences two articles carry word for word, or with nothing changed but
//! numbers: matched by fingerprints (a hash of the sentence's lower-case words,
//! and one with every number blanked), wherever each stands, so moved and
//! reordered sentences are found in time that grows with the text.

use std::collections::HashMap;
use std::ops::Range;

use super::numbers::{numeric, same_value};
use super::{Found, MIN_WORDS};
use crate::story::LinkKind;
use crate::text::{Doc, Tok};

/// A sentence and its fingerprints.
pub(super) struct Sentence {
    pub(super) range: Range<usize>,
    words: Vec<Tok>,
    key: u64,
    /// The fingerprint with numbers blanked, if the sentence holds one.
    masked: Option<u64>,
}

fn mix(h: u64, s: &str) -> u64 {
    let mut h = h;
    for b in s.bytes().chain([0xff]) {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The sentences of an article (headlines aside) of [`MIN_WORDS`] words or more.
pub(super) fn sentences(text: &str, doc: &Doc) -> Vec<Sentence> {
    let mut out = Vec::new();
    for s in doc.body() {
        let words: Vec<Tok> = s.toks.iter().copied().filter(|t| t.word).collect();
        if words.len() < MIN_WORDS {
            continue;
        }
        let (mut key, mut masked) = (0xcbf2_9ce4_8422_2325u64, 0xcbf2_9ce4_8422_2325u64);
        let mut any = false;
        for w in &words {
            let low = w.text(text).to_lowercase();
            key = mix(key, &low);
            masked = match numeric(&low) {
                Some((_, rest)) => {
                    any = true;
                    mix(mix(masked, "#"), rest)
                }
                None => mix(masked, &low),
            };
        }
        out.push(Sentence {
            range: s.range.clone(),
            words,
            key,
            masked: any.then_some(masked),
        });
    }
    out
}

/// Pairs of sentences with the same fingerprint, the n-th of one article
/// with the n-th of the other.
fn matched(
    a: &[Sentence],
    b: &[Sentence],
    fp: impl Fn(&Sentence) -> Option<u64>,
) -> Vec<(usize, usize)> {
    let mut at: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, s) in a.iter().enumerate() {
        if let Some(k) = fp(s) {
            at.entry(k).or_default().push(i);
        }
    }
    let mut used: HashMap<u64, usize> = HashMap::new();
    let mut out = Vec::new();
    for (j, s) in b.iter().enumerate() {
        let Some(k) = fp(s) else { continue };
        let Some(is) = at.get(&k) else { continue };
        let n = used.entry(k).or_default();
        if let Some(&i) = is.get(*n) {
            out.push((i, j));
            *n += 1;
        }
    }
    out
}

/// What differs between two sentences whose words differ only in numbers:
/// each run of differing words, and the word after it (`27 vs 37 hours`).
fn note(ta: &str, a: &Sentence, tb: &str, b: &Sentence) -> Option<String> {
    let n = a.words.len().min(b.words.len());
    let differs =
        |k: usize| a.words[k].text(ta).to_lowercase() != b.words[k].text(tb).to_lowercase();
    let mut notes = Vec::new();
    let mut k = 0;
    while k < n {
        if !differs(k) {
            k += 1;
            continue;
        }
        let from = k;
        // A number written in several words (`3,500`, `two million`) is one.
        while k + 1 < n
            && (differs(k + 1) || numeric(&a.words[k + 1].text(ta).to_lowercase()).is_some())
        {
            k += 1;
        }
        let span = |s: &Sentence, t: &str| {
            t[s.words[from].start..s.words[k].end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (wa, wb) = (span(a, ta), span(b, tb));
        k += 1;
        if same_value(&wa, &wb) {
            continue;
        }
        let tail = a
            .words
            .get(k)
            .map(|w| format!(" {}", w.text(ta)))
            .unwrap_or_default();
        notes.push(format!("{wa} vs {wb}{tail}"));
    }
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// Links the sentences articles `x` and `y` share word for word (`same`) or
/// but for their numbers (`conflict`, the note saying which); returns the
/// ranges of the sentences linked in each.
pub(super) fn pair(
    texts: (&str, &str),
    sents: (&[Sentence], &[Sentence]),
    xy: (usize, usize),
    out: &mut Vec<Found>,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (a, b) = sents;
    let mut used = (vec![false; a.len()], vec![false; b.len()]);
    let mut push = |i: usize,
                    j: usize,
                    kind: LinkKind,
                    note: Option<String>,
                    used: &mut (Vec<bool>, Vec<bool>)| {
        used.0[i] = true;
        used.1[j] = true;
        out.push(Found {
            a: (xy.0, a[i].range.clone()),
            b: (xy.1, b[j].range.clone()),
            kind,
            note,
        });
    };
    for (i, j) in matched(a, b, |s| Some(s.key)) {
        push(i, j, LinkKind::Same, None, &mut used);
    }
    let (ua, ub) = used.clone();
    let left_a: Vec<usize> = (0..a.len()).filter(|&i| !ua[i]).collect();
    let left_b: Vec<usize> = (0..b.len()).filter(|&j| !ub[j]).collect();
    let la: Vec<&Sentence> = left_a.iter().map(|&i| &a[i]).collect();
    let lb: Vec<&Sentence> = left_b.iter().map(|&j| &b[j]).collect();
    let mut at: HashMap<u64, Vec<usize>> = HashMap::new();
    for (k, s) in la.iter().enumerate() {
        if let Some(m) = s.masked {
            at.entry(m).or_default().push(k);
        }
    }
    let mut count_b: HashMap<u64, usize> = HashMap::new();
    for m in lb.iter().filter_map(|s| s.masked) {
        *count_b.entry(m).or_default() += 1;
    }
    for (k, s) in lb.iter().enumerate() {
        let Some(m) = s.masked else { continue };
        // Only a sentence whose blanked form is found once on each side.
        if at.get(&m).is_none_or(|is| is.len() != 1) || count_b[&m] != 1 {
            continue;
        }
        let is = &at[&m];
        let (i, j) = (left_a[is[0]], left_b[k]);
        let note = note(texts.0, &a[i], texts.1, &b[j]);
        // Numbers written otherwise (`forty-two` / `42`) tell the same.
        let kind = if note.is_some() {
            LinkKind::Conflict
        } else {
            LinkKind::Paraphrase
        };
        push(i, j, kind, note, &mut used);
    }
    let ranges = |s: &[Sentence], u: &[bool]| {
        s.iter()
            .zip(u)
            .filter(|p| *p.1)
            .map(|p| p.0.range.clone())
            .collect()
    };
    (ranges(a, &used.0), ranges(b, &used.1))
}
