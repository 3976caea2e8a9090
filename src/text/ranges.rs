//! Sets of byte ranges: merged, sorted, and asked what they touch or cover.

use std::ops::Range;

/// Ranges sorted and merged where they overlap or touch.
pub fn merge(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in v {
        match merged.last_mut() {
            Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Ranges merged once, for overlap and coverage questions in logarithmic time.
#[derive(Debug, Clone, Default)]
pub struct RangeSet(Vec<Range<usize>>);

impl RangeSet {
    pub fn new(v: Vec<Range<usize>>) -> RangeSet {
        RangeSet(merge(v))
    }

    /// Does any range of the set overlap `r`?
    pub fn hits(&self, r: &Range<usize>) -> bool {
        let k = self.0.partition_point(|m| m.end <= r.start);
        self.0.get(k).is_some_and(|m| m.start < r.end)
    }

    /// How many bytes of `r` the set covers.
    pub fn covered(&self, r: &Range<usize>) -> usize {
        let from = self.0.partition_point(|m| m.end <= r.start);
        self.0[from..]
            .iter()
            .take_while(|m| m.start < r.end)
            .map(|m| m.end.min(r.end) - m.start.max(r.start))
            .sum()
    }
}

/// The intersection and union of two ranges' lengths.
pub fn jaccard(a: &Range<usize>, b: &Range<usize>) -> (usize, usize) {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    (inter, a.len() + b.len() - inter)
}

/// Jaccard >= 0.3, in integers so that exactly 0.3 counts: when a drafted
/// quote matches an attribution (the PolNeAR measure's rule).
pub fn jaccard_matches(a: &Range<usize>, b: &Range<usize>) -> bool {
    let (i, u) = jaccard(a, b);
    i > 0 && 10 * i >= 3 * u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_ranges_answer_overlap_and_coverage() {
        let s = RangeSet::new(vec![10..20, 0..5, 15..25, 25..30]);
        assert_eq!(s.0, vec![0..5, 10..30]);
        assert!(s.hits(&(4..6)));
        assert!(!s.hits(&(5..10)));
        assert_eq!(s.covered(&(0..40)), 25);
        assert_eq!(s.covered(&(3..12)), 4);
        assert_eq!(RangeSet::default().covered(&(0..9)), 0);
    }
}
