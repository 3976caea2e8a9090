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
    let merged = RangeSet::new(linked.to_vec());
    let single = text::quotes_with_single_marks(text);
    let mut out = Vec::new();
    // Paragraphs and sentences as the drafter cuts them, without its tokens.
    for par in text::paragraphs(text) {
        if text::is_headline(&text[par.clone()]) {
            continue;
        }
        let spans = text::quote_spans(text, par.clone(), single);
        for r in text::sentences(text, par.clone(), &spans) {
            out_if_uncovered(text, &r, &merged, &mut out);
        }
    }
    out
}

/// Pushes sentence `r` onto `out` if it has [`MIN_WORDS`] words or more and
/// `merged` covers less than half of it.
fn out_if_uncovered(text: &str, r: &Range<usize>, merged: &RangeSet, out: &mut Vec<Range<usize>>) {
    let words = text[r.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MIN_WORDS)
        .count();
    if words < MIN_WORDS {
        return;
    }
    if merged.covered(r) * 2 < r.len() {
        out.push(r.clone());
    }
}

/// The passages only article `a` of a story has (none in a story of one
/// article): [`only_here`] over the passages its links have there.
pub fn in_story(story: &crate::story::Story, a: usize) -> Vec<Range<usize>> {
    if story.articles.len() < 2 {
        return Vec::new();
    }
    let linked: Vec<Range<usize>> = story
        .links
        .iter()
        .flat_map(|l| &l.passages)
        .filter(|p| p.article == a)
        .map(|p| p.range.clone())
        .collect();
    only_here(&story.articles[a].text, &linked)
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
