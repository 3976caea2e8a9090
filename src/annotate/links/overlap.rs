//! Paraphrases that share no run of words: units that are each other's best
//! partner by the rare content words they share.

use std::ops::Range;

use super::align::{finite, lx_norm, overlaps};
use super::counts::number_conflict;
use super::facts::span;
use super::units::{Article, Unit};
use super::{Done, FRAMES, Found};
use crate::story::LinkKind;
use crate::text::RangeSet as Linked;
use crate::text::capitalised;

/// Lemmas in more units of a pair than this propose no candidates.
const RARE: usize = 32;
/// Units each unit is compared with by the content words they share.
const OVERLAP_CANDIDATES: usize = 8;
/// What the overlap pass compares: whole sentences, or the clauses of the
/// sentences no link has touched yet (one sentence often carries two facts
/// that another article tells apart).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Over {
    Sentences,
    Clauses,
}

impl Over {
    /// The least similarity (shared weight over the mean weight) of two units
    /// linked for the content words they share: higher for clauses, which
    /// have fewer.
    fn least(self) -> f64 {
        match self {
            Over::Sentences => 0.3,
            Over::Clauses => 0.5,
        }
    }
}
/// Shared words that tell what happened (see [`shared`]) a link needs.
const PLAIN: usize = 2;

/// What two units share: the weight of their shared lemmas, how much of it
/// tells what happened (two for each shared word that is not a name, one if it
/// tells who or when, none for a frame such as `statement`), and the shared
/// lemmas.
fn shared(ua: &Unit, ub: &Unit, idf: &[f64], a: &Article, b: &Article) -> (f64, usize, Vec<u32>) {
    let (mut i, mut j) = (0, 0);
    let mut w = 0.0;
    let mut plain = 0;
    let mut both = Vec::new();
    while i < ua.bag.len() && j < ub.bag.len() {
        match ua.bag[i].cmp(&ub.bag[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let l = ua.bag[i];
                w += idf[l as usize];
                let at = |u: &Unit| u.lems.iter().position(|&m| m == Some(l)).unwrap();
                let (ka, kb) = (at(ua), at(ub));
                // A name is capitalised on both sides, not only where a
                // sentence starts.
                let name = capitalised(ua.words[ka].text(a.text))
                    && capitalised(ub.words[kb].text(b.text))
                    && (ka > 0 || kb > 0);
                let frame = FRAMES.contains(&lx_norm(ua, ka, a).as_str());
                if !name && !frame {
                    plain += if ua.who[ka] || ub.who[kb] { 1 } else { 2 };
                }
                both.push(l);
                i += 1;
                j += 1;
            }
        }
    }
    (w, plain, both)
}

/// Links between units that share more rare content words with each other than
/// with any other unit (each is the other's best partner), weighted by how
/// rare each word is in the two articles: paraphrases that share no run of
/// words. A pair already linked is left alone.
pub(super) fn overlap_pass(
    arts: &[Article],
    x: usize,
    y: usize,
    done: &Done,
    (nlem, over): (usize, Over),
    from: usize,
    out: &mut Vec<Found>,
) {
    let (a, b) = (&arts[x], &arts[y]);
    // Clauses: only those no link of this pair has touched yet.
    let clauses = over == Over::Clauses;
    let la = Linked::new(out[from..].iter().map(|f| f.a.1.clone()).collect());
    let lb = Linked::new(out[from..].iter().map(|f| f.b.1.clone()).collect());
    let mut df = vec![0u32; nlem];
    for u in a.units.iter().chain(&b.units) {
        for &l in &u.bag {
            df[l as usize] += 1;
        }
    }
    let n = (a.units.len() + b.units.len()) as f64;
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| {
            if d == 0 {
                0.0
            } else {
                (1.0 + n / d as f64).ln()
            }
        })
        .collect();
    let weight = |u: &Unit| u.bag.iter().map(|&l| idf[l as usize]).sum::<f64>();
    let wa: Vec<f64> = a.units.iter().map(weight).collect();
    let wb: Vec<f64> = b.units.iter().map(weight).collect();
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); nlem];
    for (i, u) in a.units.iter().enumerate() {
        if done.0.contains(&u.sent) || clauses && (la.hits(&span(u)) || !finite(&u.words, a.text)) {
            continue;
        }
        for &l in &u.bag {
            if df[l as usize] as usize <= RARE {
                index[l as usize].push(i as u32);
            }
        }
    }
    // The best partner of each unit, as (similarity, partner).
    let better = |p: Option<(f64, usize)>, q: (f64, usize)| match p {
        Some(p) => q.0 > p.0 || (q.0 == p.0 && q.1 < p.1),
        None => true,
    };
    let mut best_a: Vec<Option<(f64, usize)>> = vec![None; a.units.len()];
    let mut best_b: Vec<Option<(f64, usize)>> = vec![None; b.units.len()];
    let mut votes: Vec<(u32, f64)> = Vec::new();
    for (j, ub) in b.units.iter().enumerate() {
        if done.1.contains(&ub.sent)
            || clauses && (lb.hits(&span(ub)) || !finite(&ub.words, b.text))
        {
            continue;
        }
        votes.clear();
        for &l in &ub.bag {
            if df[l as usize] as usize <= RARE {
                votes.extend(index[l as usize].iter().map(|&i| (i, idf[l as usize])));
            }
        }
        votes.sort_unstable_by_key(|v| v.0);
        let mut summed: Vec<(f64, u32)> = votes
            .chunk_by(|p, q| p.0 == q.0)
            .map(|g| (g.iter().map(|v| v.1).sum(), g[0].0))
            .collect();
        summed.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        for &(_, i) in summed.iter().take(OVERLAP_CANDIDATES) {
            let i = i as usize;
            let (w, plain, _) = shared(&a.units[i], ub, &idf, a, b);
            if plain < 2 * PLAIN {
                continue;
            }
            let sim = 2.0 * w / (wa[i] + wb[j]);
            if better(best_b[j], (sim, i)) {
                best_b[j] = Some((sim, i));
            }
            if better(best_a[i], (sim, j)) {
                best_a[i] = Some((sim, j));
            }
        }
    }
    let mut have: Vec<(Range<usize>, Range<usize>)> = out[from..]
        .iter()
        .map(|f| (f.a.1.clone(), f.b.1.clone()))
        .collect();
    have.sort_by_key(|h| (h.0.start, h.0.end));
    let longest = have.iter().map(|h| h.0.len()).max().unwrap_or(0);
    let linked = |ra: &Range<usize>, rb: &Range<usize>| {
        let hi = have.partition_point(|h| h.0.start < ra.end);
        have[..hi]
            .iter()
            .rev()
            .take_while(|h| h.0.start + longest >= ra.start)
            .any(|h| overlaps(&h.0, ra) && overlaps(&h.1, rb))
    };
    for (j, ub) in b.units.iter().enumerate() {
        let Some((sim, i)) = best_b[j] else { continue };
        if sim < over.least() || best_a[i].map(|p| p.1) != Some(j) {
            continue;
        }
        let ua = &a.units[i];
        let (_, _, both) = shared(ua, ub, &idf, a, b);
        let span = |u: &Unit| {
            let at: Vec<usize> = (0..u.words.len())
                .filter(|&k| u.lems[k].is_some_and(|l| both.binary_search(&l).is_ok()))
                .collect();
            u.words[at[0]].start..u.words[*at.last().unwrap()].end
        };
        let (ra, rb) = (span(ua), span(ub));
        if linked(&ra, &rb) {
            continue;
        }
        let note = number_conflict(ua, a, ub, b);
        let kind = if note.is_some() {
            LinkKind::Conflict
        } else if a.text[ra.clone()] == b.text[rb.clone()] {
            LinkKind::Same
        } else {
            LinkKind::Paraphrase
        };
        out.push(Found {
            a: (x, ra),
            b: (y, rb),
            kind,
            note,
        });
    }
}
