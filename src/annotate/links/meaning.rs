//! Links by meaning: passages two reports tell in their own words.
//!
//! Every sentence of each article (headlines too), and each clause of a long
//! sentence, is read as a [`Passage`]. Candidate pairs (all of them when the
//! articles are short, else each passage's nearest few by vector) are scored
//! in two stages ([`super::scorer`]): the sentence stage reads the two
//! passages alone; the context stage reads that score against the other
//! candidates' and where the two stand in their articles ([`super::context`]).
//! A pair is linked when its probability reaches the threshold and it is the
//! best partner of at least one of its passages, so one sentence may link to
//! two that tell its content apart. Clauses are tried only for sentences no
//! sentence-level link covers. Sentences the earlier passes linked keep their
//! links; they may still take a second partner here.

use std::cell::OnceCell;
use std::ops::Range;

use super::Found;
use super::context::{self, Place, Scores};

use super::features::{Passage, Words, features};
use super::quantity;
use super::scorer::{Scorer, Scorers};
use super::vectors::{self, dot};
use crate::story::LinkKind;
use crate::text::{Doc, RangeSet};

/// Where `nums_differ` is among the features (`nums_same` before, `nums_apart` after).
const NUMS_DIFFER: usize = 18;
/// Least words of a sentence cut into clauses.
const LONG: usize = 22;
/// Least words of a clause, and of a passage at all.
const CLAUSE_WORDS: usize = 5;
const MIN_WORDS: usize = 3;
/// Candidates a passage gets by vector, when not all pairs are scored.
const NEAREST: usize = 6;
/// Pairs scored all against all up to this many.
const ALL_PAIRS: usize = 1600;
/// Sentence pairs past which only sentences no link covers are read.
const LONG_PAIRS: usize = 40_000;
/// Uncovered sentence pairs past which the pass reads nothing.
const MAX_PAIRS: usize = 1_000_000;
/// The context stage needs this many passages a side to say anything.
const CONTEXT: usize = 3;

/// One passage of an article: its range, how it reads, where it stands.
pub(super) struct Unit {
    range: Range<usize>,
    p: Passage,
    place: Place,
    /// Its quoted words ([`context::quoted`]).
    quoted: Vec<String>,
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// `range` without the spaces and closing marks that end it.
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let tail = s.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
    r.start + lead..r.start + tail.len().max(lead)
}

/// The clauses of a sentence: cut at `;`, `:`, dashes and a comma before a
/// word that opens a clause.
fn clauses(text: &str, r: &Range<usize>) -> Vec<Range<usize>> {
    const OPENERS: &[&str] = &[
        "and ",
        "but ",
        "while ",
        "which ",
        "who ",
        "where ",
        "although ",
        "though ",
        "after ",
        "before ",
        "because ",
        "as ",
        "when ",
        "saying ",
        "according ",
    ];
    let s = &text[r.clone()];
    let mut cuts = vec![0];
    for (i, c) in s.char_indices() {
        let rest = &s[i + c.len_utf8()..];
        let cut = match c {
            ';' | ':' | '—' | '–' => true,
            ',' => OPENERS.iter().any(|o| rest.trim_start().starts_with(o)),
            _ => false,
        };
        if cut {
            cuts.push(i + c.len_utf8());
        }
    }
    cuts.push(s.len());
    let mut out: Vec<Range<usize>> = Vec::new();
    for w in cuts.windows(2) {
        let piece = r.start + w[0]..r.start + w[1];
        // Too short a piece joins the one before it.
        match out.last_mut() {
            Some(last) if word_count(&text[piece.clone()]) < CLAUSE_WORDS => last.end = piece.end,
            _ => out.push(piece),
        }
    }
    if out.len() > 1 && word_count(&text[out[0].clone()]) < CLAUSE_WORDS {
        let first = out.remove(0);
        out[0].start = first.start;
    }
    out.into_iter().map(|p| trim(text, p)).collect()
}

/// The passages of an article: its sentences, or (`clause`) the clauses of
/// its long sentences.
pub(super) fn units(text: &str, doc: &Doc, table: &mut Words, clause: bool) -> Vec<Unit> {
    let v = vectors::get();
    let of = doc.body().count();
    let mut out = Vec::new();
    let mut body = 0;
    for par in &doc.pars {
        for s in &par.sents {
            let here = (!par.headline).then_some(body);
            body += usize::from(!par.headline);
            let r = trim(text, s.range.clone());
            let n = word_count(&text[r.clone()]);
            if n < MIN_WORDS {
                continue;
            }
            let pieces = if clause && n >= LONG {
                clauses(text, &r)
            } else {
                vec![r]
            };
            if clause && pieces.len() < 2 {
                continue;
            }
            for range in pieces {
                let words = word_count(&text[range.clone()]);
                let p = Passage::new(&text[range.clone()], v, table);
                let quoted = context::quoted(&text[range.clone()]);
                out.push(Unit {
                    range,
                    p,
                    place: Place {
                        body: here,
                        of,
                        words,
                        clause,
                    },
                    quoted,
                });
            }
        }
    }
    out
}

/// The pairs worth scoring: all of them when few, else each unit's nearest.
fn candidates(cos: &[Vec<f32>], n: usize, m: usize) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if n * m <= ALL_PAIRS {
        for i in 0..n {
            pairs.extend((0..m).map(|j| (i, j)));
        }
        return pairs;
    }
    let nearest = |mut s: Vec<(f32, usize)>| {
        s.sort_by(|x, y| y.0.total_cmp(&x.0));
        s.truncate(NEAREST);
        s.into_iter().map(|x| x.1)
    };
    for (i, row) in cos.iter().enumerate() {
        pairs.extend(nearest(row.iter().copied().zip(0..).collect()).map(|j| (i, j)));
    }
    for j in 0..m {
        pairs.extend(nearest(cos.iter().map(|r| r[j]).zip(0..).collect()).map(|i| (i, j)));
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Mean of the `k` largest values.
fn top_mean(v: impl Iterator<Item = f32>, k: usize) -> f32 {
    let mut v: Vec<f32> = v.collect();
    v.sort_by(|a, b| b.total_cmp(a));
    v.truncate(k);
    v.iter().sum::<f32>() / v.len().max(1) as f32
}

/// A scored candidate: the two units, the probability, whether it reaches
/// the threshold, and the context features (when the context stage judged it).
pub(super) struct Scored {
    pub i: usize,
    pub j: usize,
    pub p: f32,
    pub over: bool,
    pub context: Option<Vec<f32>>,
}

/// Scores the candidate pairs of two articles' units, leaving out pairs
/// `keep` refuses. A pair whose numbers differ is scored as if they agreed
/// when its quantities conflict ([`quantity`]): one fact told with different
/// values is what a reader most needs to see.
pub(super) fn score(
    (ta, tb): (&str, &str),
    (ua, ub): (&[Unit], &[Unit]),
    table: &Words,
    scorers: &Scorers,
    keep: &dyn Fn(&Unit, &Unit) -> bool,
) -> Vec<Scored> {
    let cos: Vec<Vec<f32>> = ua
        .iter()
        .map(|x| ub.iter().map(|y| dot(x.p.vector(), y.p.vector())).collect())
        .collect();
    let near_a: Vec<f32> = cos.iter().map(|r| top_mean(r.iter().copied(), 3)).collect();
    let near_b: Vec<f32> = (0..ub.len())
        .map(|j| top_mean(cos.iter().map(|r| r[j]), 3))
        .collect();
    let pairs: Vec<(usize, usize)> = candidates(&cos, ua.len(), ub.len())
        .into_iter()
        .filter(|&(i, j)| keep(&ua[i], &ub[j]))
        .collect();
    let s1 = &scorers.sentence;
    let read_a: Vec<OnceCell<quantity::Read>> = ua.iter().map(|_| OnceCell::new()).collect();
    let read_b: Vec<OnceCell<quantity::Read>> = ub.iter().map(|_| OnceCell::new()).collect();
    let raw: Vec<[f32; super::features::N]> = pairs
        .iter()
        .map(|&(i, j)| features(&ua[i].p, &ub[j].p, table))
        .collect();
    let z: Vec<f32> = pairs
        .iter()
        .zip(&raw)
        .map(|(&(i, j), f)| {
            let z = s1.logit(f);
            if f[NUMS_DIFFER] > 0.0 {
                let mut f = *f;
                (f[NUMS_DIFFER - 1], f[NUMS_DIFFER], f[NUMS_DIFFER + 1]) = (1.0, 0.0, 0.0);
                let q = s1.logit(&f);
                if q > z {
                    let qa = read_a[i].get_or_init(|| quantity::read(&ta[ua[i].range.clone()]));
                    let qb = read_b[j].get_or_init(|| quantity::read(&tb[ub[j].range.clone()]));
                    if quantity::conflict_of(qa, qb).is_some() {
                        return q;
                    }
                }
            }
            z
        })
        .collect();
    let context = ua.len() >= CONTEXT && ub.len() >= CONTEXT;
    let zs: std::collections::HashMap<(usize, usize), f32> =
        pairs.iter().copied().zip(z.iter().copied()).collect();
    let neighbours = |i: usize, j: usize| {
        let before = (i > 0 && j > 0).then(|| zs.get(&(i - 1, j - 1))).flatten();
        let after = zs.get(&(i + 1, j + 1));
        [before, after]
            .into_iter()
            .flatten()
            .copied()
            .fold(-15.0f32, f32::max)
    };
    let mut by_a: Vec<Vec<f32>> = vec![Vec::new(); ua.len()];
    let mut by_b: Vec<Vec<f32>> = vec![Vec::new(); ub.len()];
    for (&(i, j), &z) in pairs.iter().zip(&z) {
        by_a[i].push(z);
        by_b[j].push(z);
    }
    pairs
        .iter()
        .zip(&z)
        .zip(&raw)
        .map(|((&(i, j), &z), raw)| {
            if !context {
                let p = s1.prob_of_logit(z);
                return Scored {
                    i,
                    j,
                    p,
                    over: p >= s1.threshold,
                    context: None,
                };
            }
            let without = |v: &[f32]| -> Vec<f32> {
                let mut v = v.to_vec();
                if let Some(k) = v.iter().position(|&x| x == z) {
                    v.swap_remove(k);
                }
                v
            };
            let (oa, ob) = (without(&by_a[i]), without(&by_b[j]));
            let s = Scores {
                z,
                others_a: &oa,
                others_b: &ob,
                cosine: cos[i][j],
                near_a: near_a[i],
                near_b: near_b[j],
                neighbours: neighbours(i, j),
            };
            let f = context::features(
                &s,
                ua[i].place,
                ub[j].place,
                (&ua[i].quoted, &ub[j].quoted),
                raw,
            );
            let p = scorers.context.prob(&f);
            Scored {
                i,
                j,
                p,
                over: p >= scorers.context.threshold,
                context: Some(f),
            }
        })
        .collect()
}

/// The pairs that reach the threshold (`na`, `nb`: how many links each
/// passage has already): first those that are each other's best, then, best first, those that are the best partner of one passage
/// while the other passage has no partner yet, so that a sentence may link to
/// the two that tell its content apart but no sentence gathers many links.
fn select(mut scored: Vec<Scored>, (na, nb): (Vec<u8>, Vec<u8>)) -> Vec<(usize, usize)> {
    let (n, m) = (na.len(), nb.len());
    let (mut na, mut nb) = (na, nb);
    let mut best_a = vec![0.0f32; n];
    let mut best_b = vec![0.0f32; m];
    for s in &scored {
        best_a[s.i] = best_a[s.i].max(s.p);
        best_b[s.j] = best_b[s.j].max(s.p);
    }
    let linked = |s: &Scored| na[s.i] > 0 && nb[s.j] > 0;
    scored.retain(|s| s.over && !linked(s) && (s.p >= best_a[s.i] || s.p >= best_b[s.j]));
    scored.sort_by(|x, y| y.p.total_cmp(&x.p));
    let mut out = Vec::new();
    for mutual in [true, false] {
        for s in &scored {
            let both = s.p >= best_a[s.i] && s.p >= best_b[s.j];
            if both != mutual || out.contains(&(s.i, s.j)) {
                continue;
            }
            // One-sided: the passage it is best for may take a second partner,
            // the other must be free.
            let ok = mutual
                || s.p >= best_a[s.i] && nb[s.j] == 0 && na[s.i] < 2
                || s.p >= best_b[s.j] && na[s.i] == 0 && nb[s.j] < 2;
            if ok {
                na[s.i] += 1;
                nb[s.j] += 1;
                out.push((s.i, s.j));
            }
        }
    }
    out
}

/// The meaning pass over articles `x` and `y`: links pushed onto `out`,
/// beside those from `from` on that earlier passes drafted for the pair.
pub(super) fn meaning_pass(
    texts: &[&str],
    docs: &[Doc],
    (x, y): (usize, usize),
    from: usize,
    scorers: &Scorers,
    out: &mut Vec<Found>,
) {
    let (ta, tb) = (texts[x], texts[y]);
    let before = |side: usize| {
        RangeSet::new(
            out[from..]
                .iter()
                .flat_map(|l| [&l.a, &l.b])
                .filter(|(art, _)| *art == side)
                .map(|(_, r)| r.clone())
                .collect(),
        )
    };
    let (ca, cb) = (before(x), before(y));
    let covered = |set: &RangeSet, r: &Range<usize>| set.covered(r) * 2 >= r.len();
    // Long articles: only the sentences no link covers, and none at all past
    // [`MAX_PAIRS`] (two books are not two reports).
    let count = |d: &Doc| d.pars.iter().map(|p| p.sents.len()).sum::<usize>();
    let long = count(&docs[x]) * count(&docs[y]) > LONG_PAIRS;
    let open_count = |d: &Doc, set: &RangeSet| {
        d.pars
            .iter()
            .flat_map(|p| &p.sents)
            .filter(|s| !covered(set, &s.range))
            .count()
    };
    if long && open_count(&docs[x], &ca) * open_count(&docs[y], &cb) > MAX_PAIRS {
        return;
    }
    let mut table = Words::default();
    let mut sa = units(ta, &docs[x], &mut table, false);
    let mut sb = units(tb, &docs[y], &mut table, false);
    if long {
        sa.retain(|u| !covered(&ca, &u.range));
        sb.retain(|u| !covered(&cb, &u.range));
    }
    // Two sentences both linked already need nothing more.
    // Two sentences both linked already need nothing more; they are scored
    // all the same, so that each counts as the other's partner.
    let keep = |_: &Unit, _: &Unit| true;
    let mut new: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let taken = |us: &[Unit], set: &RangeSet| -> Vec<u8> {
        us.iter()
            .map(|u| u8::from(covered(set, &u.range)))
            .collect()
    };
    let scored = score((ta, tb), (&sa, &sb), &table, scorers, &keep);
    for (i, j) in select(scored, (taken(&sa, &ca), taken(&sb, &cb))) {
        new.push((sa[i].range.clone(), sb[j].range.clone()));
    }
    // A pair an earlier pass linked already, in part (a clause of one): that
    // link says it, and more exactly.
    let meet = |r: &Range<usize>, q: &Range<usize>| r.start < q.end && q.start < r.end;
    let linked = |ra: &Range<usize>, rb: &Range<usize>| {
        out[from..]
            .iter()
            .any(|l| l.a.0 == x && l.b.0 == y && meet(&l.a.1, ra) && meet(&l.b.1, rb))
    };
    new.retain(|(ra, rb)| !linked(ra, rb) && !other_people(&ta[ra.clone()], &tb[rb.clone()]));
    for (ra, rb) in new {
        let (kind, note) = match quantity::conflict(&ta[ra.clone()], &tb[rb.clone()]) {
            Some(note) => (LinkKind::Conflict, Some(note)),
            None if same_words(&ta[ra.clone()], &tb[rb.clone()]) => (LinkKind::Same, None),
            None => (LinkKind::Paraphrase, None),
        };
        out.push(Found {
            a: (x, ra),
            b: (y, rb),
            kind,
            note,
        });
    }
}

/// A passage widened to the whole of what tells it: the sentences it
/// touches, or, inside one long sentence, the clauses it touches.
pub(super) fn widen(text: &str, doc: &Doc, r: &Range<usize>) -> Range<usize> {
    let sents: Vec<Range<usize>> = doc
        .pars
        .iter()
        .flat_map(|p| &p.sents)
        .map(|s| trim(text, s.range.clone()))
        .filter(|s| s.start < r.end && r.start < s.end)
        .collect();
    let (Some(first), Some(last)) = (sents.first(), sents.last()) else {
        return r.clone();
    };
    if sents.len() == 1 && word_count(&text[first.clone()]) >= LONG {
        let touched: Vec<Range<usize>> = clauses(text, first)
            .into_iter()
            .filter(|c| c.start < r.end && r.start < c.end)
            .collect();
        if let (Some(a), Some(b)) = (touched.first(), touched.last()) {
            return a.start.min(r.start)..b.end.max(r.end);
        }
    }
    first.start.min(r.start)..last.end.max(r.end)
}

/// Least sentence-stage probability of a conflict, its numbers taken as agreeing.
const CONFLICT: f32 = 0.2;
/// The same for a paraphrase whose numbers differ.
const CONFLICT_IN_PARAPHRASE: f32 = 0.95;

/// Does the sentence stage find the two passages alike, their numbers taken
/// as agreeing (at least [`CONFLICT`], or [`CONFLICT_IN_PARAPHRASE`] for a
/// pair no pass `seen` as a conflict)?
pub(super) fn alike_but_for_numbers(a: &str, b: &str, scorers: &Scorers, seen: bool) -> bool {
    let v = vectors::get();
    let mut table = Words::default();
    let (pa, pb) = (
        Passage::new(a, v, &mut table),
        Passage::new(b, v, &mut table),
    );
    let mut f = features(&pa, &pb, &table);
    (f[NUMS_DIFFER - 1], f[NUMS_DIFFER], f[NUMS_DIFFER + 1]) = (1.0, 0.0, 0.0);
    scorers.sentence.prob(&f)
        >= if seen {
            CONFLICT
        } else {
            CONFLICT_IN_PARAPHRASE
        }
}

/// The values two linked passages disagree on, read clause by clause (the
/// whole passages first): a clause of each that the sentence stage finds
/// alike but for numbers ([`CONFLICT_IN_PARAPHRASE`]) and whose quantities
/// conflict ([`quantity`]) makes the link a conflict.
pub(super) fn clause_conflict(a: &str, b: &str, scorers: &Scorers) -> Option<String> {
    let pieces = |t: &str| -> Vec<Range<usize>> {
        let whole = 0..t.len();
        let c = clauses(t, &whole);
        let mut v = vec![whole];
        if c.len() > 1 {
            v.extend(c);
        }
        v
    };
    for ra in pieces(a) {
        for rb in pieces(b) {
            let (x, y) = (&a[ra.clone()], &b[rb.clone()]);
            if let Some(note) = quantity::conflict(x, y)
                && alike_but_for_numbers(x, y, scorers, false)
            {
                return Some(note);
            }
        }
    }
    None
}

/// A gold link of two articles: its passages in each.
pub type GoldPair = (Vec<Range<usize>>, Vec<Range<usize>>);

/// Which units a run pairs, and which of their pairs it keeps.
type Run<'a> = (&'a [Unit], &'a [Unit], &'a dyn Fn(&Unit, &Unit) -> bool);

/// Training rows for the context stage from one pair of articles and the
/// passages gold links join there (`gold`: per link, its ranges in `a` and in
/// `b`): each candidate's context features and whether a gold link joins
/// the two passages (each at least half inside one of the link's passages).
pub fn training_rows(
    (ta, tb): (&str, &str),
    (da, db): (&Doc, &Doc),
    gold: &[GoldPair],
    sentence: &Scorer,
) -> Vec<(Vec<f32>, bool)> {
    let scorers = Scorers {
        sentence: sentence.clone(),
        context: super::scorer::get().context.clone(),
    };
    let mut table = Words::default();
    let mut ua = units(ta, da, &mut table, false);
    let mut ub = units(tb, db, &mut table, false);
    let (na, nb) = (ua.len(), ub.len());
    ua.extend(units(ta, da, &mut table, true));
    ub.extend(units(tb, db, &mut table, true));
    let inside = |u: &Range<usize>, g: &Range<usize>| {
        let i = u.end.min(g.end).saturating_sub(u.start.max(g.start));
        2 * i >= u.len().min(g.len()).max(1)
    };
    let label = |a: &Range<usize>, b: &Range<usize>| {
        gold.iter()
            .any(|(ga, gb)| ga.iter().any(|g| inside(a, g)) && gb.iter().any(|g| inside(b, g)))
    };
    let mut rows = Vec::new();
    // Clause pairs too: more rows of the same kind of judgement.
    let runs: [Run; 2] = [
        (&ua[..na], &ub[..nb], &|_, _| true),
        (&ua, &ub, &|a, b| a.place.clause || b.place.clause),
    ];
    for (xa, xb, keep) in runs {
        for s in score((ta, tb), (xa, xb), &table, &scorers, keep) {
            if let Some(f) = s.context {
                rows.push((f, label(&xa[s.i].range, &xb[s.j].range)));
            }
        }
    }
    rows
}

/// The surnames a passage gives with an honorific (`Mr Little`, `Dr. Ann
/// Lee`).
fn titled(text: &str) -> Vec<&str> {
    let ws: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        if !crate::annotate::lexicon::is_honorific(&w.to_lowercase()) {
            continue;
        }
        let run = ws[k + 1..]
            .iter()
            .take_while(|n| n.chars().next().is_some_and(char::is_uppercase));
        if let Some(last) = run.take(3).last() {
            out.push(*last);
        }
    }
    out
}

/// Do the two passages tell of different people: each names someone by
/// honorific and surname whom the other never names (`Mr Little told Radio
/// New Zealand ...` / `Mr Carter told Radio New Zealand ...`)? Then what
/// they share is the framing, not a statement.
fn other_people(a: &str, b: &str) -> bool {
    let (na, nb) = (titled(a), titled(b));
    let absent = |names: &[&str], other: &str| {
        !names.is_empty()
            && names
                .iter()
                .all(|n| !other.split(|c: char| !c.is_alphanumeric()).any(|w| w == *n))
    };
    absent(&na, b) && absent(&nb, a)
}

/// Are the two passages the same words (case and punctuation aside)?
fn same_words(a: &str, b: &str) -> bool {
    let w = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    w(a) == w(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_features_stand_where_the_pass_looks() {
        use super::super::features::NAMES;
        let at = |k: usize| NAMES[k];
        assert_eq!(
            [at(NUMS_DIFFER - 1), at(NUMS_DIFFER), at(NUMS_DIFFER + 1)],
            ["nums_same", "nums_differ", "nums_apart"]
        );
    }

    #[test]
    fn two_people_named_apart_are_not_one_statement() {
        assert!(other_people(
            "Mr Little told Radio New Zealand about the vote.",
            "Mr. Carter told Radio New Zealand he was sad."
        ));
        assert!(!other_people(
            "Mr Little told Radio New Zealand about the vote.",
            "Andrew Little said the vote was lost."
        ));
        assert!(!other_people(
            "Dr. Ann Lee said so.",
            "The vote was lost, officials said."
        ));
    }

    #[test]
    fn a_long_sentence_is_cut_at_its_clauses() {
        let t = "The council approved the budget on Tuesday after a seven-hour meeting, \
                 and the mayor said she would sign it before the end of the week.";
        let c: Vec<&str> = clauses(t, &(0..t.len()))
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            c,
            [
                "The council approved the budget on Tuesday after a seven-hour meeting",
                "and the mayor said she would sign it before the end of the week."
            ]
        );
    }
}
