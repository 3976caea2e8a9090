//! Conflicting facts in sentences that share little other wording: two
//! sentences that count the same thing (the same first content word after
//! the number: `killed at least 42 people` / `37 people were killed`) with a
//! different number, and share at least one more content word near it (the
//! event, the place). Each sentence is paired with its best match only, and
//! only when each is the other's best: a `conflict` link whose note names
//! both counts.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::counts::{counted, number_conflict};
use super::units::{Article, Unit};
use super::{Done, Found};
use crate::story::LinkKind;
use crate::text::RangeSet as Linked;

/// Counts of one word in more units than this propose no candidates.
const CAP: usize = 24;

pub(super) fn span(u: &Unit) -> Range<usize> {
    u.words[0].start..u.words[u.words.len() - 1].end
}

/// Words either side of a number that tell what it counts.
const NEAR: usize = 6;

/// Content lemmas, not numbers, at most [`NEAR`] words from word `k`.
fn around(u: &Unit, k: usize) -> HashSet<u32> {
    (k.saturating_sub(NEAR)..(k + NEAR + 1).min(u.words.len()))
        .filter(|&e| u.nums[e].is_none())
        .filter_map(|e| u.lems[e])
        .collect()
}

/// Adds conflict links between units of `x` and `y` that give one count two
/// numbers; units already linked (`done`, or by `out[from..]`) are left alone.
pub(super) fn fact_pass(
    arts: &[Article],
    (x, y): (usize, usize),
    done: &Done,
    from: usize,
    out: &mut Vec<Found>,
) {
    let (a, b) = (&arts[x], &arts[y]);
    let la = Linked::new(out[from..].iter().map(|f| f.a.1.clone()).collect());
    let lb = Linked::new(out[from..].iter().map(|f| f.b.1.clone()).collect());
    let free_a = |i: usize| !done.0.contains(&a.units[i].sent) && !la.hits(&span(&a.units[i]));
    let free_b = |j: usize| !done.1.contains(&b.units[j].sent) && !lb.hits(&span(&b.units[j]));
    // The counted word → (unit, value, words around) of article x.
    let mut index: HashMap<u32, Vec<(usize, u64, HashSet<u32>)>> = HashMap::new();
    for i in (0..a.units.len()).filter(|&i| free_a(i)) {
        for (v, _, after) in counted(&a.units[i], a.text) {
            // What a number counts: the first content word after it.
            for &(l, e) in after.iter().take(1) {
                index
                    .entry(l)
                    .or_default()
                    .push((i, v, around(&a.units[i], e)));
            }
        }
    }
    let mut best_a: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut best_b: Vec<Option<(usize, usize)>> = vec![None; b.units.len()];
    for j in (0..b.units.len()).filter(|&j| free_b(j)) {
        let ub = &b.units[j];
        for (v, _, after) in counted(ub, b.text) {
            for &(l, e) in after.iter().take(1) {
                let Some(cands) = index.get(&l).filter(|c| c.len() <= CAP) else {
                    continue;
                };
                let pb = around(ub, e);
                for (i, _, pa) in cands.iter().filter(|c| c.1 != v) {
                    let (i, shared) = (*i, pa.intersection(&pb).count());
                    if shared < 2 {
                        continue;
                    }
                    if best_b[j].is_none_or(|p| shared > p.0 || (shared == p.0 && i < p.1)) {
                        best_b[j] = Some((shared, i));
                    }
                    let e = best_a.entry(i).or_insert((shared, j));
                    if shared > e.0 || (shared == e.0 && j < e.1) {
                        *e = (shared, j);
                    }
                }
            }
        }
    }
    for (j, best) in best_b.iter().enumerate() {
        let Some((_, i)) = *best else { continue };
        if best_a.get(&i).map(|p| p.1) != Some(j) {
            continue;
        }
        let (ua, ub) = (&a.units[i], &b.units[j]);
        let Some(note) = number_conflict(ua, a, ub, b) else {
            continue;
        };
        out.push(Found {
            a: (x, span(ua)),
            b: (y, span(ub)),
            kind: LinkKind::Conflict,
            note: Some(note),
        });
    }
}
