//! Passages only one article has: the sentences no link covers, derived from
//! a story's links when it is loaded (the story format does not hold them).

use std::ops::Range;

use crate::text::{self, RangeSet};

/// Least words of a sentence marked as only here: shorter ones (datelines,
/// bylines, "Read more") say too little to count.
pub const MIN_WORDS: usize = 6;

/// The sentences of `text` (headlines aside, of [`MIN_WORDS`] words or more)
/// that linked passages (`linked`, byte ranges in any order) cover less than
/// half of, in text order.
pub fn only_here(text: &str, linked: &[Range<usize>]) -> Vec<Range<usize>> {
    uncovered(&candidates(text), linked)
}

/// The sentences of `text` that can be marked only here: headlines aside, of
/// [`MIN_WORDS`] words or more, in text order. The costly half of
/// [`only_here`], which the reader keeps so that a link edit pays only for
/// [`uncovered`].
pub fn candidates(text: &str) -> Vec<Range<usize>> {
    let single = text::quotes_with_single_marks(text);
    let mut out = Vec::new();
    // Paragraphs and sentences as the drafter cuts them, without its tokens.
    for par in text::paragraphs(text) {
        if text::is_headline(&text[par.clone()]) {
            continue;
        }
        let spans = text::quote_spans(text, par.clone(), single);
        for r in text::sentences(text, par.clone(), &spans) {
            let words = text[r.clone()]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(MIN_WORDS)
                .count();
            if words >= MIN_WORDS {
                out.push(r);
            }
        }
    }
    out
}

/// Of `candidates`, the ones `linked` covers less than half of.
pub fn uncovered(candidates: &[Range<usize>], linked: &[Range<usize>]) -> Vec<Range<usize>> {
    let merged = RangeSet::new(linked.to_vec());
    (candidates.iter())
        .filter(|r| merged.covered(r) * 2 < r.len())
        .cloned()
        .collect()
}

/// Brings `only` (the only-here sentences of article `a`, from `candidates`)
/// up to date after link passages changed inside `windows`: only the
/// sentences overlapping them are looked at again.
pub fn redo(
    only: &mut Vec<Range<usize>>,
    candidates: &[Range<usize>],
    story: &crate::story::Story,
    a: usize,
    windows: &[Range<usize>],
) {
    // Candidates are disjoint and in text order.
    let overlapping = |w: &Range<usize>| {
        let from = candidates.partition_point(|s| s.end <= w.start);
        let to = from + candidates[from..].partition_point(|s| s.start < w.end);
        from..to
    };
    let mut again: Vec<usize> = windows.iter().flat_map(overlapping).collect();
    again.sort_unstable();
    again.dedup();
    let (Some(&first), Some(&last)) = (again.first(), again.last()) else {
        return;
    };
    let span = candidates[first].start..candidates[last].end;
    let near: Vec<Range<usize>> = (story.links.iter())
        .flat_map(|l| &l.passages)
        .filter(|p| p.article == a && p.range.start < span.end && p.range.end > span.start)
        .map(|p| p.range.clone())
        .collect();
    let fresh = uncovered(
        &again
            .iter()
            .map(|&i| candidates[i].clone())
            .collect::<Vec<_>>(),
        &near,
    );
    only.retain(|r| {
        again
            .binary_search_by(|&i| candidates[i].start.cmp(&r.start))
            .is_err()
    });
    only.extend(fresh);
    only.sort_unstable_by_key(|r| r.start);
}

/// The passages article `a` of a story has in links.
pub fn linked_in(story: &crate::story::Story, a: usize) -> Vec<Range<usize>> {
    (story.links.iter())
        .flat_map(|l| &l.passages)
        .filter(|p| p.article == a)
        .map(|p| p.range.clone())
        .collect()
}

/// The passages only article `a` of a story has (none in a story of one
/// article): [`only_here`] over the passages its links have there.
pub fn in_story(story: &crate::story::Story, a: usize) -> Vec<Range<usize>> {
    if story.articles.len() < 2 {
        return Vec::new();
    }
    only_here(&story.articles[a].text, &linked_in(story, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncovered_sentences_are_only_here() {
        let t = "The council met for seven hours on Sunday. The mayor opened the new bridge today. Short one.";
        let first = 0..t.find(" The mayor").unwrap();
        let only = only_here(t, &[first]);
        assert_eq!(only.len(), 1);
        assert!(t[only[0].clone()].starts_with("The mayor"));
        let all = 0..t.len();
        assert!(only_here(t, std::slice::from_ref(&all)).is_empty());
    }
}
