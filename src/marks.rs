//! The annotation index of one article: its text cut into disjoint, sorted
//! segments, each saying which quote, mention and links cover it.
//!
//! Built once when a story opens (a sweep over sorted boundaries, n log n), so
//! that drawing a row costs a binary search and the segments inside the row,
//! never a scan of every annotation.

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

/// The index of one article.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub segments: Vec<Segment>,
    /// Link indices, shared by the segments' `links` ranges.
    pub link_ids: Vec<u32>,
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
        // (position, is_start, what, id): ends sort before starts at one position.
        let mut events: Vec<(usize, bool, What, u32)> = Vec::new();
        let mut add = |r: &Range<usize>, what: What, id: usize| {
            if r.start < r.end {
                events.push((r.start, true, what, id as u32));
                events.push((r.end, false, what, id as u32));
            }
        };
        for (i, q) in story.quotes_in(article) {
            add(&q.range, What::Quote, i);
        }
        for m in &story.articles[article].mentions {
            add(&m.range, What::Mention, m.speaker);
        }
        for (i, l) in story.links.iter().enumerate() {
            for p in l.passages.iter().filter(|p| p.article == article) {
                add(&p.range, What::Link, i);
            }
        }
        events.sort_unstable();

        let mut marks = Marks::default();
        let mut quotes: Vec<u32> = Vec::new();
        let mut mentions: Vec<u32> = Vec::new();
        let mut links: Vec<u32> = Vec::new();
        let mut at = 0;
        let mut i = 0;
        while i < events.len() {
            let pos = events[i].0;
            if pos > at && !(quotes.is_empty() && mentions.is_empty() && links.is_empty()) {
                let from = marks.link_ids.len() as u32;
                marks.link_ids.extend_from_slice(&links);
                marks.segments.push(Segment {
                    start: at,
                    end: pos,
                    quote: quotes.last().copied(),
                    mention: mentions.last().copied(),
                    links: from..marks.link_ids.len() as u32,
                });
            }
            while i < events.len() && events[i].0 == pos {
                let (_, start, what, id) = events[i];
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
        marks
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
