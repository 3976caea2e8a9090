//! The annotation index of one article: its text cut into disjoint, sorted
//! segments, each saying which quote, mention and links cover it.
//!
//! Built once when a story opens (a sweep over sorted boundaries, n log n), so
//! that drawing a row costs a binary search and the segments inside the row,
//! never a scan of every annotation. An edit re-sweeps only the stretch it
//! touched ([`Marks::refresh`]) and renumbers the rest
//! ([`Marks::shift_quotes`], [`Marks::shift_links`]).

use std::ops::Range;

use crate::story::Story;

/// A stretch of text covered by the same annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// The innermost quote (the one that started last), by index in `story.quotes`.
    pub quote: Option<u32>,
    /// A mention of this speaker, by index in `story.speakers`.
    pub mention: Option<u32>,
    /// Links with a passage here: a range into [`Marks::link_ids`].
    pub links: Range<u32>,
}

/// The index of one article. Two are equal when their segments are, with
/// the same links (however `link_ids` is laid out).
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub segments: Vec<Segment>,
    /// Link indices, shared by the segments' `links` ranges.
    pub link_ids: Vec<u32>,
}

impl PartialEq for Marks {
    fn eq(&self, other: &Marks) -> bool {
        self.segments.len() == other.segments.len()
            && self.segments.iter().zip(&other.segments).all(|(a, b)| {
                (a.start, a.end, a.quote, a.mention) == (b.start, b.end, b.quote, b.mention)
                    && self.links_of(a) == other.links_of(b)
            })
    }
}

/// Index `i` after index `at` was added or removed.
fn shift(i: &mut u32, at: usize, added: bool) {
    let at = at as u32;
    if added && *i >= at {
        *i += 1;
    } else if !added && *i > at {
        *i -= 1;
    }
}

/// (position, is_start, where it starts, what, id): ends sort before starts
/// at one position, and starts in the order they began (an annotation cut to
/// a window starts at its edge, after the ones that began before it).
type Event = (usize, bool, usize, What, u32);

/// The sorted boundaries of the annotations of `article`, or of those
/// overlapping `window`, cut to it.
fn events(story: &Story, article: usize, window: Option<Range<usize>>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let (lo, hi) = window.map_or((0, usize::MAX), |w| (w.start, w.end));
    let mut add = |r: &Range<usize>, what: What, id: usize| {
        let (start, end) = (r.start.max(lo), r.end.min(hi));
        if start < end {
            events.push((start, true, r.start, what, id as u32));
            events.push((end, false, 0, what, id as u32));
        }
    };
    for (i, q) in story.quotes_in(article) {
        add(&q.range, What::Quote, i);
    }
    let mentions = &story.articles[article].mentions;
    for m in mentions {
        add(&m.range, What::Mention, m.speaker);
    }
    for (i, l) in story.links.iter().enumerate() {
        for p in l.passages.iter().filter(|p| p.article == article) {
            add(&p.range, What::Link, i);
        }
    }
    events.sort_unstable();
    events
}

/// The segments between the sorted `events`, their links appended to
/// `link_ids`.
fn sweep(events: &[Event], link_ids: &mut Vec<u32>) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut quotes: Vec<u32> = Vec::new();
    let mut mentions: Vec<u32> = Vec::new();
    let mut links: Vec<u32> = Vec::new();
    let mut at = 0;
    let mut i = 0;
    while i < events.len() {
        let pos = events[i].0;
        if pos > at && !(quotes.is_empty() && mentions.is_empty() && links.is_empty()) {
            let from = link_ids.len() as u32;
            link_ids.extend_from_slice(&links);
            segments.push(Segment {
                start: at,
                end: pos,
                quote: quotes.last().copied(),
                mention: mentions.last().copied(),
                links: from..link_ids.len() as u32,
            });
        }
        while i < events.len() && events[i].0 == pos {
            let (_, start, _, what, id) = events[i];
            let set = match what {
                What::Quote => &mut quotes,
                What::Mention => &mut mentions,
                What::Link => &mut links,
            };
            if start {
                set.push(id);
            } else if let Some(k) = set.iter().rposition(|&x| x == id) {
                set.remove(k);
            }
            i += 1;
        }
        at = pos;
    }
    segments
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum What {
    Quote,
    Mention,
    Link,
}

impl Marks {
    /// Indexes the quotes, mentions and link passages of article `article`.
    pub fn build(story: &Story, article: usize) -> Marks {
        let mut marks = Marks::default();
        let events = events(story, article, None);
        marks.segments = sweep(&events, &mut marks.link_ids);
        marks
    }

    /// Brings the index up to date after an edit of the story's quotes or
    /// links that added, removed or moved annotations only inside `window`
    /// (byte offsets), the other annotations' indices already renumbered:
    /// the segments around `window` are swept again from the story.
    pub fn refresh(&mut self, story: &Story, article: usize, window: Range<usize>) {
        // The segments touching the window, whole; where none touches a side,
        // no annotation crosses it, so cutting there adds no boundary.
        let from = self.segments.partition_point(|s| s.end < window.start);
        let to = from + self.segments[from..].partition_point(|s| s.start <= window.end);
        let (lo, hi) = match self.segments.get(from..to) {
            Some([first, .., last]) => (first.start.min(window.start), last.end.max(window.end)),
            Some([only]) => (only.start.min(window.start), only.end.max(window.end)),
            _ => (window.start, window.end),
        };
        let events = events(story, article, Some(lo..hi));
        let fresh = sweep(&events, &mut self.link_ids);
        self.segments.splice(from..to, fresh);
        // The replaced segments' link ids stay behind, unused: repack them
        // once they outweigh the rest.
        let used: usize = self.segments.iter().map(|s| s.links.len()).sum();
        if self.link_ids.len() > 2 * used + 1024 {
            let mut ids = Vec::with_capacity(used);
            for s in &mut self.segments {
                let from = ids.len() as u32;
                ids.extend_from_slice(&self.link_ids[s.links.start as usize..s.links.end as usize]);
                s.links = from..ids.len() as u32;
            }
            self.link_ids = ids;
        }
    }

    /// Renumbers quotes after quote `at` was added (`added`) or removed
    /// (the segments of a removed quote are refreshed after).
    pub fn shift_quotes(&mut self, at: usize, added: bool) {
        for s in &mut self.segments {
            if let Some(q) = &mut s.quote {
                shift(q, at, added);
            }
        }
    }

    /// Renumbers links after link `at` was added or removed.
    pub fn shift_links(&mut self, at: usize, added: bool) {
        self.link_ids.iter_mut().for_each(|l| shift(l, at, added));
    }

    /// Index of the first segment that ends after `byte`.
    pub fn first_from(&self, byte: usize) -> usize {
        self.segments.partition_point(|s| s.end <= byte)
    }

    /// The segments overlapping `range`.
    pub fn overlapping(&self, range: Range<usize>) -> &[Segment] {
        let from = self.first_from(range.start);
        let to = from + self.segments[from..].partition_point(|s| s.start < range.end);
        &self.segments[from..to]
    }

    /// The segment containing `byte`, if any.
    pub fn at(&self, byte: usize) -> Option<&Segment> {
        self.segments
            .get(self.first_from(byte))
            .filter(|s| s.start <= byte)
    }

    pub fn links_of(&self, s: &Segment) -> &[u32] {
        &self.link_ids[s.links.start as usize..s.links.end as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        let json = r#"{"version": 1,
          "articles": [{"id": "a", "file": "a"}, {"id": "b", "file": "b"}],
          "speakers": [{"id": "x", "name": "Ann"}],
          "quotes": [{"id": "q1", "article": "a", "speaker": "x", "text": "Ann said hi"}],
          "links": [{"id": "l1", "passages": [{"article": "a", "text": "said hi there"}, {"article": "b", "text": "hi"}]}]}"#;
        crate::story::from_json("t", json, |f| {
            Ok(if f == "a" {
                "Ann said hi there, ok"
            } else {
                "hi"
            }
            .to_string())
        })
        .unwrap()
    }

    #[test]
    fn a_refresh_around_an_edit_is_a_fresh_build() {
        // Nested and overlapping quotes, mentions and link passages.
        let text = "Ann said that Bo said \"it fell, Ann, it fell\" and then Bo left.";
        let json = r#"{"version": 1,
          "articles": [{"id": "a", "file": "a"}, {"id": "b", "file": "b"}],
          "speakers": [{"id": "x", "name": "Ann"}, {"id": "y", "name": "Bo"}],
          "quotes": [
            {"id": "q1", "article": "a", "speaker": "x", "text": "Bo said \"it fell, Ann, it fell\""},
            {"id": "q2", "article": "a", "speaker": "y", "text": "\"it fell, Ann, it fell\""},
            {"id": "q3", "article": "a", "speaker": "y", "text": "Ann, it"},
            {"id": "q4", "article": "a", "speaker": "x", "text": "Bo left"}],
          "links": [
            {"id": "l1", "passages": [{"article": "a", "text": "that Bo said \"it"}, {"article": "b", "text": "fell"}]},
            {"id": "l2", "passages": [{"article": "a", "text": "fell\" and then"}, {"article": "b", "text": "fell"}]}]}"#;
        let story = crate::story::from_json("t", json, |f| {
            Ok(if f == "a" { text } else { "it fell" }.to_string())
        })
        .unwrap();
        assert!(story.problems.is_empty(), "{:?}", story.problems);
        for i in 0..story.quotes.len() {
            // Quote i taken out, then put back.
            let mut s = story.clone();
            let mut m = Marks::build(&s, 0);
            let q = s.quotes.remove(i);
            m.shift_quotes(i, false);
            m.refresh(&s, 0, q.range.clone());
            assert!(m == Marks::build(&s, 0), "without quote {i}");
            s.quotes.insert(i, q.clone());
            m.shift_quotes(i, true);
            m.refresh(&s, 0, q.range);
            assert!(m == Marks::build(&s, 0), "with quote {i} again");
        }
        for i in 0..story.links.len() {
            let mut s = story.clone();
            let mut m = Marks::build(&s, 0);
            let l = s.links.remove(i);
            m.shift_links(i, false);
            for p in l.passages.iter().filter(|p| p.article == 0) {
                m.refresh(&s, 0, p.range.clone());
            }
            assert!(m == Marks::build(&s, 0), "without link {i}");
        }
    }

    #[test]
    fn segments_are_disjoint_and_carry_what_covers_them() {
        let s = story();
        let m = Marks::build(&s, 0);
        type Seen = (usize, usize, Option<u32>, Option<u32>, Vec<u32>);
        let got: Vec<Seen> = m
            .segments
            .iter()
            .map(|g| (g.start, g.end, g.quote, g.mention, m.links_of(g).to_vec()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 3, Some(0), Some(0), vec![]),
                (3, 4, Some(0), None, vec![]),
                (4, 11, Some(0), None, vec![0]),
                (11, 17, None, None, vec![0]),
            ]
        );
        assert_eq!(m.overlapping(2..5).len(), 3);
        assert_eq!(m.overlapping(17..20).len(), 0);
        assert_eq!(m.at(12).unwrap().start, 11);
        assert!(m.at(18).is_none());
    }
}
