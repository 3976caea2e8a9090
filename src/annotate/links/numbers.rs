//! Numbers two corresponding passages disagree on.

use super::super::lexicon as lx;
use super::units::{Article, Unit};

/// A word's value as a number, and what follows it in the word: digits (with
/// `,` and `.` inside), number words and hyphenated ones (`forty-two` → 42,
/// `seven-hour` → 7 and `hour`, `18-hole` → 18 and `hole`). The word is in
/// lower case.
pub fn numeric(w: &str) -> Option<(f64, &str)> {
    let mut total: Option<f64> = None;
    let mut cut = 0;
    for part in w.split('-') {
        let digits = part.bytes().any(|c| c.is_ascii_digit())
            && part
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b',' || c == b'.');
        let v = if digits {
            part.replace(',', "").parse::<f64>().ok()
        } else if part.bytes().all(|c| c.is_ascii_lowercase()) {
            lx::number_value(part).map(|v| v as f64)
        } else {
            None
        };
        let Some(v) = v else { break };
        total = Some(match total {
            Some(t) if v == 100.0 => t * 100.0,
            Some(t) => t + v,
            None => v,
        });
        cut += part.len() + 1;
    }
    total.map(|t| (t, w.get(cut.min(w.len())..).unwrap_or("")))
}

/// Words that name a span or point of time: two passages that differ in one
/// (`every month` / `every week`) disagree on when or how long.
const TIME_UNITS: &[&str] = &[
    "afternoon",
    "century",
    "day",
    "days",
    "decade",
    "decades",
    "evening",
    "hour",
    "hours",
    "minute",
    "minutes",
    "month",
    "months",
    "morning",
    "night",
    "second",
    "seconds",
    "week",
    "weeks",
    "year",
    "years",
];

/// Is the (lower-case) word a unit of time?
pub fn time_unit(w: &str) -> bool {
    TIME_UNITS.contains(&w)
}

/// The numbers a passage holds, in order (`$3,500` → 3500, `forty-two` → 42).
pub fn values(s: &str) -> Vec<f64> {
    s.split(|c: char| c.is_whitespace() || c == '$' || c == '(' || c == ')')
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter_map(|w| numeric(&w).map(|n| n.0))
        .collect()
}

/// Do two passages hold the same numbers (`forty-two` / `42`)?
pub fn same_value(a: &str, b: &str) -> bool {
    let (x, y) = (values(a), values(b));
    !x.is_empty() && x == y
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_digits_are_numbers() {
        assert_eq!(numeric("forty-two"), Some((42.0, "")));
        assert_eq!(numeric("seven-hour"), Some((7.0, "hour")));
        assert_eq!(numeric("18-hole"), Some((18.0, "hole")));
        assert_eq!(numeric("3,500"), Some((3500.0, "")));
        assert_eq!(numeric("1.5"), Some((1.5, "")));
        assert_eq!(numeric("hour"), None);
        assert!(same_value("forty-two", "42"));
        assert!(!same_value("about 300", "more than 500"));
        assert_eq!(values("$3,500 and (seven)"), vec![3500.0, 7.0]);
    }
}
