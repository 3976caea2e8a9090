//! Counts two corresponding units disagree on: the same noun after different numbers.

use super::units::{Article, Unit};

/// A number, where it starts, and the content words (lemma, place) after it.
pub(super) type Counted = (u64, usize, Vec<(u32, usize)>);

/// Each number of a unit (`3,500` read whole) with the content words at most
/// three words after it.
pub(super) fn counted(u: &Unit, t: &str) -> Vec<Counted> {
    let mut v = Vec::new();
    for k in 0..u.words.len() {
        let Some(mut n) = u.nums[k] else { continue };
        // `3,500` is three words: `3`, `,` and `500`.
        let comma = |k: usize| {
            k + 1 < u.words.len()
                && &t[u.words[k].end..u.words[k + 1].start] == ","
                && u.words[k + 1].text(t).len() == 3
                && u.words[k + 1].text(t).bytes().all(|c| c.is_ascii_digit())
                && u.words[k].text(t).bytes().all(|c| c.is_ascii_digit())
        };
        if comma(k) {
            continue;
        }
        let mut k = k;
        let last = k;
        while k > 0 && comma(k - 1) {
            k -= 1;
        }
        if k < last {
            n = u.words[k..=last]
                .iter()
                .map(|w| w.text(t))
                .collect::<String>()
                .parse()
                .unwrap_or(n);
        }
        let (first, k) = (k, last);
        let after: Vec<(u32, usize)> = (k + 1..(k + 4).min(u.words.len()))
            .take_while(|&e| u.nums[e].is_none())
            .filter_map(|e| u.lems[e].map(|l| (l, e)))
            .collect();
        v.push((n, first, after));
    }
    v
}

/// Numbers that differ before the same word (`two workers` vs `Three workers`,
/// `3,500 residents` vs `4,000 local residents`).
pub(super) fn number_conflict(ua: &Unit, a: &Article, ub: &Unit, b: &Article) -> Option<String> {
    // Each number with the content words at most three words after it.
    let (ca, cb) = (counted(ua, a.text), counted(ub, b.text));
    let counts =
        |c: &(u64, usize, Vec<(u32, usize)>), l: u32| c.2.iter().find(|p| p.0 == l).map(|p| p.1);
    // The words as written, on one line.
    let words = |u: &Unit, t: &str, k: usize, e: usize| {
        t[u.words[k].start..u.words[e].end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut notes = Vec::new();
    for na in &ca {
        for &(l, ea) in &na.2 {
            if cb.iter().any(|nb| nb.0 == na.0 && counts(nb, l).is_some()) {
                continue;
            }
            if let Some((nb, eb)) = cb.iter().find_map(|nb| counts(nb, l).map(|e| (nb, e))) {
                notes.push(format!(
                    "{} vs {}",
                    words(ua, a.text, na.1, ea),
                    words(ub, b.text, nb.1, eb)
                ));
                break;
            }
        }
    }
    (!notes.is_empty()).then(|| notes.join("; "))
}
