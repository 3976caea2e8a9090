//! Links: passages of one article that tell the same thing in another.
//!
//! Each article is cut into sentences (long ones into overlapping windows). The
//! sentences of one article are indexed by word shingles (pairs of neighbouring
//! content words, and runs of three words of any kind); a shingle found in more
//! than [`CAP`] sentences is too common to say anything and is dropped. Each
//! sentence of the other article is compared only with the few sentences that
//! share the most shingles with it, by a local (Smith–Waterman) alignment of
//! their words, so reordered passages are found wherever they are and the work
//! grows with the text, not with its square. A pair is linked when it shares a
//! run of six words, or three content words in a well-scoring alignment; it is
//! `same` when the aligned words all agree, `conflict` when aligned words differ
//! in a number or a name, else `paraphrase`.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon as lx;
use super::text::{Doc, Tok, capitalised, strip_possessive};
use crate::story::LinkKind;

/// Shingles in more sentences than this are ignored.
const CAP: usize = 16;
/// Sentences compared with each sentence of the other article.
const CANDIDATES: usize = 4;
/// Longest unit aligned; longer sentences are cut into windows.
const WINDOW: usize = 60;

/// A drafted link between two articles.
#[derive(Debug, Clone)]
pub struct Found {
    pub a: (usize, Range<usize>),
    pub b: (usize, Range<usize>),
    pub kind: LinkKind,
    pub note: Option<String>,
}

struct Unit {
    words: Vec<Tok>,
    ids: Vec<u32>,
    content: Vec<bool>,
    nums: Vec<Option<u64>>,
}

struct Article<'t> {
    text: &'t str,
    units: Vec<Unit>,
}

fn units<'t>(text: &'t str, doc: &Doc, vocab: &mut HashMap<String, u32>) -> Article<'t> {
    let mut units = Vec::new();
    for par in doc.pars.iter().filter(|p| !p.headline) {
        for sent in &par.sents {
            let words: Vec<Tok> = sent.toks.iter().copied().filter(|t| t.word).collect();
            let mut from = 0;
            loop {
                let to = (from + WINDOW).min(words.len());
                let w = words[from..to].to_vec();
                let norms: Vec<String> = w
                    .iter()
                    .map(|t| strip_possessive(t.text(text)).0.to_lowercase())
                    .collect();
                let content = norms.iter().map(|n| !lx::is_stop(n)).collect();
                let nums = norms.iter().map(|n| lx::number_value(n)).collect();
                let ids = norms
                    .into_iter()
                    .map(|n| {
                        let next = vocab.len() as u32;
                        *vocab.entry(n).or_insert(next)
                    })
                    .collect();
                if !w.is_empty() {
                    units.push(Unit {
                        words: w,
                        ids,
                        content,
                        nums,
                    });
                }
                if to >= words.len() {
                    break;
                }
                from += WINDOW * 2 / 3;
            }
        }
    }
    Article { text, units }
}

fn shingles(u: &Unit) -> Vec<u64> {
    let mix = |a: u64, b: u32| (a ^ b as u64).wrapping_mul(0x100_0000_01b3);
    let mut out = Vec::new();
    let content: Vec<u32> = u
        .ids
        .iter()
        .zip(&u.content)
        .filter(|c| *c.1)
        .map(|c| *c.0)
        .collect();
    for w in content.windows(2) {
        out.push(mix(mix(0xcbf2_9ce4_8422_2325, w[0]), w[1]));
    }
    for w in u.ids.windows(3) {
        out.push(mix(mix(mix(0x8422_2325_cbf2_9ce4, w[0]), w[1]), w[2]));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Links between every two articles.
pub fn find(texts: &[&str], docs: &[Doc]) -> Vec<Found> {
    let mut vocab = HashMap::new();
    let arts: Vec<Article> = texts
        .iter()
        .zip(docs)
        .map(|(t, d)| units(t, d, &mut vocab))
        .collect();
    let mut out = Vec::new();
    for x in 0..arts.len() {
        for y in x + 1..arts.len() {
            pair(&arts, x, y, &mut out);
        }
    }
    out.sort_by_key(|l| (l.a.0, l.a.1.start, l.b.0, l.b.1.start, l.a.1.end, l.b.1.end));
    out
}

fn pair(arts: &[Article], x: usize, y: usize, out: &mut Vec<Found>) {
    let (a, b) = (&arts[x], &arts[y]);
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, u) in a.units.iter().enumerate() {
        for s in shingles(u) {
            let v = index.entry(s).or_default();
            if v.len() <= CAP {
                v.push(i as u32);
            }
        }
    }
    let mut recent: Vec<Found> = Vec::new();
    for (j, ub) in b.units.iter().enumerate() {
        let mut votes: Vec<u32> = Vec::new();
        for s in shingles(ub) {
            if let Some(v) = index.get(&s).filter(|v| v.len() <= CAP) {
                votes.extend(v);
            }
        }
        votes.sort_unstable();
        let mut counted: Vec<(usize, u32)> = Vec::new();
        for g in votes.chunk_by(|p, q| p == q) {
            counted.push((g.len(), g[0]));
        }
        counted.sort_by_key(|&(n, i)| (std::cmp::Reverse(n), i));
        for &(_, i) in counted.iter().take(CANDIDATES) {
            let Some(l) = align(a, &a.units[i as usize], b, ub) else {
                continue;
            };
            let found = Found {
                a: (x, l.0),
                b: (y, l.1),
                kind: l.2,
                note: l.3,
            };
            let dup = recent
                .iter()
                .any(|r| overlaps(&r.a.1, &found.a.1) && overlaps(&r.b.1, &found.b.1))
                || out.iter().rev().take(8).any(|r: &Found| {
                    r.a.0 == x
                        && r.b.0 == y
                        && overlaps(&r.a.1, &found.a.1)
                        && overlaps(&r.b.1, &found.b.1)
                });
            if !dup {
                recent.push(found.clone());
                out.push(found);
            }
        }
        if j % 4 == 0 {
            recent.clear();
        }
    }
}

fn overlaps(p: &Range<usize>, q: &Range<usize>) -> bool {
    p.start < q.end && q.start < p.end
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Match,
    Swap,
    GapA,
    GapB,
}

type Aligned = (Range<usize>, Range<usize>, LinkKind, Option<String>);

/// The best local alignment of two units, if it is worth a link.
fn align(a: &Article, ua: &Unit, b: &Article, ub: &Unit) -> Option<Aligned> {
    let (n, m) = (ua.ids.len(), ub.ids.len());
    let sub = |i: usize, j: usize| -> i32 {
        if ua.ids[i] == ub.ids[j] {
            return if ua.content[i] { 3 } else { 1 };
        }
        match (ua.nums[i], ub.nums[j]) {
            (Some(p), Some(q)) if p != q => 0,
            _ => -2,
        }
    };
    const GAP: i32 = -2;
    let w = m + 1;
    let mut h = vec![0i32; (n + 1) * w];
    let mut best = (0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let v = (h[(i - 1) * w + j - 1] + sub(i - 1, j - 1))
                .max(h[(i - 1) * w + j] + GAP)
                .max(h[i * w + j - 1] + GAP)
                .max(0);
            h[i * w + j] = v;
            if v > best.0 {
                best = (v, i, j);
            }
        }
    }
    let (score, mut i, mut j) = best;
    let mut steps = Vec::new();
    while i > 0 && j > 0 && h[i * w + j] > 0 {
        let v = h[i * w + j];
        if v == h[(i - 1) * w + j - 1] + sub(i - 1, j - 1) {
            steps.push((
                if ua.ids[i - 1] == ub.ids[j - 1] {
                    Step::Match
                } else {
                    Step::Swap
                },
                i - 1,
                j - 1,
            ));
            i -= 1;
            j -= 1;
        } else if v == h[(i - 1) * w + j] + GAP {
            steps.push((Step::GapA, i - 1, j));
            i -= 1;
        } else {
            steps.push((Step::GapB, i, j - 1));
            j -= 1;
        }
    }
    steps.reverse();
    while steps.first().is_some_and(|s| s.0 != Step::Match) {
        steps.remove(0);
    }
    let first = *steps.first()?;
    let last = *steps.iter().rev().find(|s| s.0 == Step::Match)?;
    // Content words that are not names: names alone (`told Radio New Zealand`)
    // say nothing about what happened.
    let content = steps
        .iter()
        .filter(|s| s.0 == Step::Match && ua.content[s.1])
        .filter(|s| {
            !capitalised(ua.words[s.1].text(a.text)) || !capitalised(ub.words[s.2].text(b.text))
        })
        .count();
    let mut run = 0;
    let mut longest = 0;
    for s in &steps {
        run = if s.0 == Step::Match { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    if !(longest >= 6 || (content >= 3 && score >= 10)) {
        return None;
    }
    let mut notes = Vec::new();
    for (k, s) in steps.iter().enumerate() {
        if s.0 != Step::Swap {
            continue;
        }
        let (ta, tb) = (ua.words[s.1], ub.words[s.2]);
        let (wa, wb) = (ta.text(a.text), tb.text(b.text));
        let numeric = ua.nums[s.1].is_some() && ub.nums[s.2].is_some();
        let names = capitalised(wa)
            && capitalised(wb)
            && [wa, wb].iter().all(|x| {
                let l = x.to_lowercase();
                !lx::is_stop(&l) && !lx::is_honorific(&l) && !lx::is_title(&l)
            })
            && s.1 > 0
            && s.2 > 0;
        if numeric || names {
            let before = |side: Step| -> String {
                let mut q = Vec::new();
                for t in steps[..k].iter().rev().take_while(|t| t.0 == side).take(3) {
                    let word = if side == Step::GapA {
                        ua.words[t.1].text(a.text)
                    } else {
                        ub.words[t.2].text(b.text)
                    };
                    q.push(word);
                }
                q.reverse();
                q.iter().map(|w| format!("{w} ")).collect()
            };
            let tail = steps
                .get(k + 1)
                .filter(|t| t.0 == Step::Match && ua.content[t.1])
                .map(|t| format!(" {}", ua.words[t.1].text(a.text)))
                .unwrap_or_default();
            notes.push(format!(
                "{}{wa} vs {}{wb}{tail}",
                before(Step::GapA),
                before(Step::GapB)
            ));
        }
    }
    let kind = if !notes.is_empty() {
        LinkKind::Conflict
    } else if steps.iter().all(|s| s.0 == Step::Match) {
        LinkKind::Same
    } else {
        LinkKind::Paraphrase
    };
    let ra = ua.words[first.1].start..ua.words[last.1].end;
    let rb = ub.words[first.2].start..ub.words[last.2].end;
    Some((ra, rb, kind, (!notes.is_empty()).then(|| notes.join("; "))))
}
