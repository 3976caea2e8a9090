//! Revision pairs and the links their edit implies, for measuring the link
//! drafter on real text (`verso links eval`).
//!
//! A corpus folder of `OUTLET_YYYY-MM-DD_slug.txt` files (PolNeAR's layout)
//! holds *revision pairs*: two articles of one outlet published at most
//! [`DAYS`] days apart that share at least [`RUNS`] runs of eight words. The
//! gold of a pair follows from the edit alone, sentence by sentence (headlines
//! aside): a sentence of six words or more found once in each article, word for
//! word, is a `same` pair; two sentences that differ only in numbers (`27` /
//! `37`, `two decades` / `seven decades`) are a `conflict` pair; a sentence
//! that shares almost no two-word run with any sentence of the other article
//! was cut or added: it is only here. Any other sentence was reworded, and the
//! gold says nothing about it beyond which sentence it most resembles.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use crate::annotate::lexicon::number_value;
use crate::text::Doc;

/// Most days between the two articles of a revision pair.
pub const DAYS: i64 = 7;
/// Least number of eight-word runs a revision pair shares.
pub const RUNS: usize = 3;
/// Least words of a sentence the gold judges.
pub const MIN_WORDS: usize = 6;
/// Below this share of two-word runs in common with every sentence of the
/// other article, a sentence is only here.
const CUT: f64 = 0.2;
/// From this share of two-word runs in common, a reworded sentence is the
/// same passage edited.
pub const EDITED: f64 = 0.3;

/// Two articles of one outlet, a few days apart.
#[derive(Debug, Clone)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub text_a: String,
    pub text_b: String,
}

impl Pair {
    /// Which half the pair falls in, by a hash of its names: 0 for tuning,
    /// 1 for reporting.
    pub fn half(&self) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.a.bytes().chain([b'|']).chain(self.b.bytes()) {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        (h >> 17) as usize % 2
    }
}

/// The name's outlet and day number, from `OUTLET_YYYY-MM-DD_...`.
fn outlet_day(name: &str) -> Option<(&str, i64)> {
    let mut parts = name.split('_');
    let outlet = parts.next()?;
    let date = parts.next()?;
    let mut nums = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (nums.next()??, nums.next()??, nums.next()??);
    // Days since a fixed origin; months as 31 days is near enough for "a few days".
    Some((outlet, y * 372 + m * 31 + d))
}

/// Lower-case words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn hash_run(ws: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in ws {
        for b in w.bytes().chain([b' ']) {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// The revision pairs among the `.txt` files of `dir`, sorted by name.
pub fn find_pairs(dir: &Path) -> Result<Vec<Pair>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut texts = Vec::new();
    for n in &names {
        let t = std::fs::read_to_string(dir.join(n)).map_err(|e| format!("{n}: {e}"))?;
        let ws = words(&t);
        let runs: HashSet<u64> = ws.windows(8).map(hash_run).collect();
        texts.push((t, runs));
    }
    let mut out = Vec::new();
    for i in 0..names.len() {
        let Some((oi, di)) = outlet_day(&names[i]) else {
            continue;
        };
        for j in i + 1..names.len() {
            let Some((oj, dj)) = outlet_day(&names[j]) else {
                continue;
            };
            if oi != oj || (di - dj).abs() > DAYS {
                continue;
            }
            let shared = texts[i].1.intersection(&texts[j].1).take(RUNS).count();
            if shared >= RUNS {
                out.push(Pair {
                    a: names[i].trim_end_matches(".txt").to_string(),
                    b: names[j].trim_end_matches(".txt").to_string(),
                    text_a: texts[i].0.clone(),
                    text_b: texts[j].0.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// A sentence the gold judges.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub range: Range<usize>,
    words: Vec<String>,
}

/// What the edit says about a pair.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    pub sents: [Vec<Sentence>; 2],
    /// Sentences found word for word once in each article.
    pub same: Vec<(usize, usize)>,
    /// Sentences that differ only in numbers.
    pub conflict: Vec<(usize, usize)>,
    /// For each side, the sentences with no counterpart.
    pub only: [Vec<usize>; 2],
    /// For each side, each sentence's most similar sentence on the other
    /// side and their share of two-word runs in common.
    pub nearest: [Vec<Option<(usize, f64)>>; 2],
}

fn sentences(text: &str) -> Vec<Sentence> {
    let doc = Doc::new(text);
    doc.body()
        .map(|s| Sentence {
            range: s.range.clone(),
            words: words(&text[s.range.clone()]),
        })
        .collect()
}

fn is_number(w: &str) -> bool {
    w.bytes().all(|c| c.is_ascii_digit()) || number_value(w).is_some()
}

/// The sentence with its numbers blanked, if it has any.
fn masked(s: &Sentence) -> Option<String> {
    let mut any = false;
    let m: Vec<&str> = s
        .words
        .iter()
        .map(|w| {
            if is_number(w) {
                any = true;
                "#"
            } else {
                w.as_str()
            }
        })
        .collect();
    any.then(|| m.join(" "))
}

fn bigrams(s: &Sentence) -> HashSet<(&str, &str)> {
    s.words
        .windows(2)
        .map(|w| (w[0].as_str(), w[1].as_str()))
        .collect()
}

/// Dice's share of two-word runs in common.
pub fn similarity(a: &Sentence, b: &Sentence) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    2.0 * x.intersection(&y).count() as f64 / (x.len() + y.len()) as f64
}

/// Number words an edit may change, and what it changes them to.
const WORD_EDITS: &[(&str, &str)] = &[
    ("eight", "ten"),
    ("five", "eight"),
    ("four", "six"),
    ("nine", "eleven"),
    ("seven", "six"),
    ("six", "nine"),
    ("ten", "twelve"),
    ("three", "five"),
    ("two", "seven"),
];

/// Another number in place of one: a year the next year, else a larger number
/// of as many digits where it can (`27` → `37`, `1995` → `1996`), a number word
/// another (`two` → `seven`, case kept).
fn changed_number(w: &str) -> Option<String> {
    if !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()) {
        let n: u64 = w.parse().ok()?;
        let first = w.as_bytes()[0] - b'0';
        let out = if (1900..=2100).contains(&n) {
            n + 1
        } else if w.len() > 1 && first < 9 && first > 0 {
            n + 10u64.pow(w.len() as u32 - 1)
        } else {
            n + 1
        };
        return Some(out.to_string());
    }
    let lower = w.to_lowercase();
    let to = WORD_EDITS.iter().find(|(k, _)| *k == lower)?.1;
    Some(if w.starts_with(|c: char| c.is_uppercase()) {
        let mut cs = to.chars();
        cs.next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default()
    } else {
        to.to_string()
    })
}

/// The first word of `s` that [`changed_number`] changes, and its change.
fn first_number(s: &str) -> Option<(Range<usize>, String)> {
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take()
            && let Some(n) = changed_number(&s[st..i])
        {
            return Some((st..i, n));
        }
    }
    None
}

/// `b` with one number changed in every second sentence it shares word for
/// word with `a` that holds a number: the edit PolNeAR's revisions seldom make
/// on their own, made so the gold holds `conflict` pairs to find.
pub fn change_numbers(a: &str, b: &str) -> String {
    let g = gold(a, b);
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut js: Vec<usize> = g.same.iter().map(|p| p.1).collect();
    js.sort_unstable();
    let mut turn = false;
    for j in js {
        let r = g.sents[1][j].range.clone();
        let s = &b[r.clone()];
        let first = first_number(s).map(|(w, n)| (r.start + w.start..r.start + w.end, n));
        if let Some(e) = first {
            if turn {
                edits.push(e);
            }
            turn = !turn;
        }
    }
    let mut out = b.to_string();
    for (r, n) in edits.into_iter().rev() {
        out.replace_range(r, &n);
    }
    out
}

/// Derives the gold of a pair from its edit.
pub fn gold(a: &str, b: &str) -> Gold {
    let sents = [sentences(a), sentences(b)];
    let key = |s: &Sentence| s.words.join(" ");
    let mut count: HashMap<String, [Vec<usize>; 2]> = HashMap::new();
    for (side, ss) in sents.iter().enumerate() {
        for (i, s) in ss.iter().enumerate() {
            count.entry(key(s)).or_default()[side].push(i);
        }
    }
    let mut g = Gold::default();
    let mut paired = [vec![false; sents[0].len()], vec![false; sents[1].len()]];
    for v in count.values() {
        if !v[0].is_empty() && !v[1].is_empty() {
            for side in 0..2 {
                for &i in &v[side] {
                    paired[side][i] = true;
                }
            }
            if v[0].len() == 1 && v[1].len() == 1 && sents[0][v[0][0]].words.len() >= MIN_WORDS {
                g.same.push((v[0][0], v[1][0]));
            }
        }
    }
    let mut numbered: HashMap<String, [Vec<usize>; 2]> = HashMap::new();
    for (side, ss) in sents.iter().enumerate() {
        for (i, s) in ss.iter().enumerate() {
            if let Some(m) = masked(s).filter(|_| !paired[side][i]) {
                numbered.entry(m).or_default()[side].push(i);
            }
        }
    }
    for v in numbered.values() {
        if v[0].len() == 1 && v[1].len() == 1 && sents[0][v[0][0]].words.len() >= MIN_WORDS {
            g.conflict.push((v[0][0], v[1][0]));
            paired[0][v[0][0]] = true;
            paired[1][v[1][0]] = true;
        }
    }
    g.same.sort_unstable();
    g.conflict.sort_unstable();
    for side in 0..2 {
        let other = &sents[1 - side];
        g.nearest[side] = sents[side]
            .iter()
            .map(|s| {
                other
                    .iter()
                    .enumerate()
                    .map(|(j, o)| (j, similarity(s, o)))
                    .max_by(|p, q| p.1.total_cmp(&q.1).then(q.0.cmp(&p.0)))
            })
            .collect();
        g.only[side] = (0..sents[side].len())
            .filter(|&i| {
                !paired[side][i]
                    && sents[side][i].words.len() >= MIN_WORDS
                    && g.nearest[side][i].is_none_or(|n| n.1 < CUT)
            })
            .collect();
    }
    g.sents = sents;
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_gives_the_gold() {
        let a = "Body.\n\nThe council met for seven hours on Sunday in the capital city. \
                 The mayor opened the new bridge across the river today. \
                 Nobody expected the storm to close every school in the county.\n";
        let b = "Body.\n\nThe mayor opened the new bridge across the river today. \
                 The council met for six hours on Sunday in the capital city. \
                 A new fund will pay for repairs to the flooded library building.\n";
        let g = gold(a, b);
        let text = |side: usize, i: usize| {
            let t = [a, b][side];
            &t[g.sents[side][i].range.clone()]
        };
        assert_eq!(g.same.len(), 1);
        assert!(text(0, g.same[0].0).starts_with("The mayor"));
        assert_eq!(g.conflict.len(), 1);
        assert!(text(1, g.conflict[0].1).contains("six hours"));
        assert_eq!(g.only[0].len(), 1);
        assert!(text(0, g.only[0][0]).starts_with("Nobody"));
        assert!(text(1, g.only[1][0]).starts_with("A new fund"));
    }

    #[test]
    fn changed_numbers_make_conflicts() {
        let a = "Body.\n\nThe council met for seven hours on Sunday in the capital city. \
                 The board met for 27 minutes on Monday in the old town hall. \
                 The mayor said in 1995 that the bridge across the river would open.\n";
        let b = change_numbers(a, a);
        assert!(b.contains("seven hours"), "{b}");
        assert!(b.contains("37 minutes"), "{b}");
        assert!(b.contains("in 1995 that"), "{b}");
        assert_eq!(gold(a, &b).conflict.len(), 1);
        assert_eq!(changed_number("Two").as_deref(), Some("Seven"));
        assert_eq!(changed_number("9").as_deref(), Some("10"));
    }

    #[test]
    fn names_give_outlet_and_day() {
        let (o, d) = outlet_day("nyt_2016-03-04_x").unwrap();
        let (_, e) = outlet_day("nyt_2016-03-05_y").unwrap();
        assert_eq!((o, e - d), ("nyt", 1));
        assert!(outlet_day("readme").is_none());
    }
}
