//! Links: passages of one article that tell the same thing in another.
//!
//! Three passes, each over the sentences the one before left unlinked.
//! [`exact`]: sentences carried word for word, or with only their numbers
//! changed (`conflict`), matched by fingerprints wherever they stand.
//! [`align`]: each article is cut into units (sentences, long ones into
//! overlapping windows: [`units`]) indexed by word shingles; each unit of the
//! other article is aligned (Smith–Waterman) with the few units that share the
//! most shingles, and a pair is linked when the alignment covers most of both
//! units, or holds a whole clause of one (a quotation carried into another
//! sentence), never for a short phrase two different sentences happen to share.
//! [`overlap`]: paraphrases that share no run of words, by the rare content
//! words two units share, each the other's best partner. A link is `same` when
//! the words agree, `conflict` when they differ in a number, date or name
//! ([`numbers`]: `forty-two` is 42), else `paraphrase`; a conflict's note says
//! what differs (`seven-hour vs six-hour meeting`). [`facts`]: two
//! sentences that give one count different numbers (`42 people` / `37
//! people`) though they share little else. Last, [`overlap`] again over
//! clauses ([`units::clauses`]) no link has touched, with a higher bar: one
//! sentence often carries two facts that another article tells apart.

mod align;
pub mod context;
mod counts;
mod exact;
mod facts;
pub mod features;
pub mod meaning;
pub mod numbers;
mod overlap;
mod quantity;
pub mod scorer;
mod units;
pub mod vectors;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::story::LinkKind;
use crate::text::Doc;
use overlap::Over;

/// A drafted link between two articles.
#[derive(Debug, Clone)]
pub struct Found {
    pub a: (usize, Range<usize>),
    pub b: (usize, Range<usize>),
    pub kind: LinkKind,
    pub note: Option<String>,
}

/// Least words of a sentence linked whole by its fingerprint.
const MIN_WORDS: usize = 5;

/// The starts of the sentences of each article of a pair already linked.
type Done = (HashSet<usize>, HashSet<usize>);

/// Words that frame a report rather than tell its news (`said in a statement`,
/// `told reporters`): shared, they count for nothing.
const FRAMES: &[&str] = &[
    "briefing",
    "conference",
    "interview",
    "reporters",
    "statement",
];

/// One pass's links of articles `x` and `y` made whole: each widened to the
/// passages that tell it ([`meaning::widen`]), once each, and its kind
/// settled ([`confirm_conflicts`]).
fn settle(
    texts: &[&str],
    docs: &[Doc],
    (x, y): (usize, usize),
    mut links: Vec<Found>,
    scorer: &scorer::Scorers,
) -> Vec<Found> {
    for l in links.iter_mut().filter(|l| l.kind != LinkKind::Same) {
        l.a.1 = meaning::widen(texts[x], &docs[x], &l.a.1);
        l.b.1 = meaning::widen(texts[y], &docs[y], &l.b.1);
    }
    links.sort_by_key(|l| (l.a.1.start, l.b.1.start, l.a.1.end, l.b.1.end));
    links.dedup_by(|p, q| p.a == q.a && p.b == q.b);
    confirm_conflicts(texts, &mut links, scorer);
    links
}

/// Every conflict as [`quantity`] reads it: a link the earlier passes typed
/// `conflict` for words that differ (`U.S.` / `US`, a name spelt two ways,
/// `3 to 1` / `3-to-1`) stays a link, as a paraphrase, unless the two
/// passages give one quantity different values; the note says which. A
/// paraphrase becomes a conflict when a clause of each gives one quantity
/// different values and the two clauses are alike but for them
/// ([`meaning::clause_conflict`]).
fn confirm_conflicts(texts: &[&str], links: &mut Vec<Found>, scorers: &scorer::Scorers) {
    links.retain_mut(|l| {
        let (a, b) = (&texts[l.a.0][l.a.1.clone()], &texts[l.b.0][l.b.1.clone()]);
        match l.kind {
            LinkKind::Same => true,
            LinkKind::Paraphrase => {
                if let Some(note) = meaning::clause_conflict(a, b, scorers) {
                    (l.kind, l.note) = (LinkKind::Conflict, Some(note));
                }
                true
            }
            // A conflict the passes saw (words aligned but for numbers) stands
            // when one quantity has two values, or when the passages are one
            // text but for a number changed; else it is a paraphrase.
            LinkKind::Conflict => match quantity::conflict(a, b) {
                Some(note) => {
                    l.note = Some(note);
                    true
                }
                None => match quantity::copy_conflict(a, b) {
                    // One text but for its numbers, one of them changed.
                    Some(note) => {
                        l.note = Some(note);
                        true
                    }
                    None => {
                        (l.kind, l.note) = (LinkKind::Paraphrase, None);
                        true
                    }
                },
            },
        }
    });
}

/// Links between every two articles.
pub fn find(texts: &[&str], docs: &[Doc]) -> Vec<Found> {
    find_with(texts, docs, scorer::get())
}

/// Links between every two articles, pairs judged by `scorer`.
pub fn find_with(texts: &[&str], docs: &[Doc], scorer: &scorer::Scorers) -> Vec<Found> {
    // One article has no pair: its units, clauses and fingerprints would go unused.
    if texts.len() < 2 {
        return Vec::new();
    }
    let mut vocab = HashMap::new();
    let mut lemmas = HashMap::new();
    let arts: Vec<units::Article> = texts
        .iter()
        .zip(docs)
        .map(|(t, d)| units::units(t, d, &mut vocab, &mut lemmas))
        .collect();
    let clauses: Vec<units::Article> = texts
        .iter()
        .zip(docs)
        .map(|(t, d)| units::clauses(t, d, &mut vocab, &mut lemmas))
        .collect();
    let sents: Vec<Vec<exact::Sentence>> = texts
        .iter()
        .zip(docs)
        .map(|(t, d)| exact::sentences(t, d))
        .collect();
    let mut out = Vec::new();
    for x in 0..arts.len() {
        for y in x + 1..arts.len() {
            let from = out.len();
            let (da, db) = exact::pair(
                (texts[x], texts[y]),
                (&sents[x], &sents[y]),
                (x, y),
                &mut out,
            );
            let starts = |d: Vec<Range<usize>>| d.into_iter().map(|r| r.start).collect();
            let done = (starts(da), starts(db));
            align::pair(&arts, (x, y), &done, &mut out);
            let nlem = lemmas.len();
            overlap::overlap_pass(&arts, x, y, &done, (nlem, Over::Sentences), from, &mut out);
            facts::fact_pass(&arts, (x, y), &done, from, &mut out);
            overlap::overlap_pass(&clauses, x, y, &done, (nlem, Over::Clauses), from, &mut out);
            let mine = out.split_off(from);
            out.extend(settle(texts, docs, (x, y), mine, scorer));
            let meant = out.len();
            meaning::meaning_pass(texts, docs, (x, y), from, scorer, &mut out);
            let scored = out.split_off(meant);
            let mut mine = out.split_off(from);
            mine.extend(settle(texts, docs, (x, y), scored, scorer));
            mine.sort_by_key(|l| (l.a.1.start, l.b.1.start, l.a.1.end, l.b.1.end));
            mine.dedup_by(|p, q| p.a == q.a && p.b == q.b);
            out.extend(mine);
        }
    }
    out.sort_by_key(|l| (l.a.0, l.a.1.start, l.b.0, l.b.1.start, l.a.1.end, l.b.1.end));
    out
}
