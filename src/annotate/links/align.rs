//! Runs of words two units share: candidates by shingles, then a local
//! (Smith–Waterman) alignment of their words.

use std::collections::HashMap;
use std::ops::Range;

use super::super::lexicon as lx;
use super::units::{Article, Unit, shingles};
use super::{Done, FRAMES, Found};
use crate::story::LinkKind;
use crate::text::{Tok, capitalised, strip_possessive};

/// Shingles in more sentences than this are ignored.
const CAP: usize = 16;
/// A run of this many words is a link whatever else the sentences say.
const LONG_RUN: usize = 12;
/// Least words matched in a link between a clause and a sentence.
const CLAUSE: usize = 5;
/// Words that open a clause.
const OPENERS: &[&str] = &["and", "but", "that", "while", "because"];

/// Does word `k` of a unit begin (`start`) or end a clause: the unit's edge,
/// a punctuation mark (quotation marks, commas, dashes...) between it and the
/// word before or after, or (at a start) a word that opens a clause before it?
fn edge(t: &str, u: &Unit, k: usize, start: bool) -> bool {
    let (gap, near) = if start {
        if k == 0 {
            return true;
        }
        (
            &t[u.words[k - 1].end..u.words[k].start],
            u.words[k - 1].text(t),
        )
    } else {
        if k + 1 == u.words.len() {
            return true;
        }
        (&t[u.words[k].end..u.words[k + 1].start], "")
    };
    gap.chars().any(|c| !c.is_whitespace())
        || (start && OPENERS.contains(&near.to_lowercase().as_str()))
}

/// Does a run of matched words hold a whole clause of [`CLAUSE`] words or
/// more of either unit (`"a heartbreaking loss for families in two states"`)?
fn holds_clause(
    steps: &[(Step, usize, usize)],
    a: (&Article, &Unit),
    b: (&Article, &Unit),
) -> bool {
    for run in steps.split(|s| s.0 != Step::Match) {
        for (art, u, at) in [(a.0, a.1, 0), (b.0, b.1, 1)] {
            let k = |s: &(Step, usize, usize)| if at == 0 { s.1 } else { s.2 };
            let mut open = None;
            for s in run {
                if open.is_none() && edge(art.text, u, k(s), true) {
                    open = Some(k(s));
                }
                if let Some(o) = open
                    && k(s) + 1 - o >= CLAUSE
                    && edge(art.text, u, k(s), false)
                    && tells(art.text, u, o..k(s) + 1)
                {
                    return true;
                }
            }
        }
    }
    false
}

/// Does the clause of words `r` tell something (a verb: [`finite`]) or is it
/// quoted (`"a heartbreaking loss for families in two states"`), rather than
/// name a thing two sentences mention (`the cost of the new river bridge`)?
fn tells(t: &str, u: &Unit, r: Range<usize>) -> bool {
    let quote = |gap: &str| {
        gap.chars()
            .any(|c| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\''))
    };
    let before = if r.start == 0 {
        ""
    } else {
        &t[u.words[r.start - 1].end..u.words[r.start].start]
    };
    let after = match u.words.get(r.end) {
        Some(w) => &t[u.words[r.end - 1].end..w.start],
        None => "",
    };
    quote(before) || quote(after) || finite(&u.words[r], t)
}

/// Whether words tell something rather than name it: an auxiliary or a verb
/// in the past among them (`would stay open`, `was cooperating`, `invested
/// £30m`), unlike a phrase such as `winner of the Iowa caucuses`.
pub(super) fn finite(words: &[Tok], t: &str) -> bool {
    words.iter().any(|w| {
        let w = w.text(t).to_lowercase();
        lx::is_auxiliary(&w) || (w.ends_with("ed") && w.chars().count() >= 5)
    })
}

/// Sentences compared with each sentence of the other article.
const CANDIDATES: usize = 4;

/// Links the units of articles `x` and `y` that share a run of words, but
/// none of a sentence already linked (`done`).
pub(super) fn pair(arts: &[Article], (x, y): (usize, usize), done: &Done, out: &mut Vec<Found>) {
    let (a, b) = (&arts[x], &arts[y]);
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, u) in a.units.iter().enumerate() {
        if done.0.contains(&u.sent) {
            continue;
        }
        for s in shingles(u) {
            let v = index.entry(s).or_default();
            if v.len() <= CAP {
                v.push(i as u32);
            }
        }
    }
    let mut recent: Vec<Found> = Vec::new();
    for (j, ub) in b.units.iter().enumerate() {
        if done.1.contains(&ub.sent) {
            continue;
        }
        let mut votes: Vec<u32> = Vec::new();
        for s in shingles(ub) {
            if let Some(v) = index.get(&s).filter(|v| v.len() <= CAP) {
                votes.extend(v);
            }
        }
        votes.sort_unstable();
        let mut counted: Vec<(usize, u32)> = Vec::new();
        for g in votes.chunk_by(|p, q| p == q) {
            counted.push((g.len(), g[0]));
        }
        counted.sort_by_key(|&(n, i)| (std::cmp::Reverse(n), i));
        for &(_, i) in counted.iter().take(CANDIDATES) {
            let Some(l) = align(a, &a.units[i as usize], b, ub) else {
                continue;
            };
            let found = Found {
                a: (x, l.0),
                b: (y, l.1),
                kind: l.2,
                note: l.3,
            };
            let dup = recent
                .iter()
                .any(|r| overlaps(&r.a.1, &found.a.1) && overlaps(&r.b.1, &found.b.1))
                || out.iter().rev().take(8).any(|r: &Found| {
                    r.a.0 == x
                        && r.b.0 == y
                        && overlaps(&r.a.1, &found.a.1)
                        && overlaps(&r.b.1, &found.b.1)
                });
            if !dup {
                recent.push(found.clone());
                out.push(found);
            }
        }
        if j % 4 == 0 {
            recent.clear();
        }
    }
}

pub(super) fn overlaps(p: &Range<usize>, q: &Range<usize>) -> bool {
    p.start < q.end && q.start < p.end
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Match,
    Swap,
    GapA,
    GapB,
}

type Aligned = (Range<usize>, Range<usize>, LinkKind, Option<String>);

/// The best local alignment of two units, if it is worth a link.
pub(super) fn align(a: &Article, ua: &Unit, b: &Article, ub: &Unit) -> Option<Aligned> {
    let (n, m) = (ua.ids.len(), ub.ids.len());
    let sub = |i: usize, j: usize| -> i32 {
        if ua.ids[i] == ub.ids[j] {
            return if ua.content[i] { 3 } else { 1 };
        }
        match (ua.nums[i], ub.nums[j]) {
            (Some(p), Some(q)) if p != q => 0,
            _ if ua.time[i] && ub.time[j] => 0,
            _ => -2,
        }
    };
    const GAP: i32 = -2;
    let w = m + 1;
    let mut h = vec![0i32; (n + 1) * w];
    let mut best = (0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let v = (h[(i - 1) * w + j - 1] + sub(i - 1, j - 1))
                .max(h[(i - 1) * w + j] + GAP)
                .max(h[i * w + j - 1] + GAP)
                .max(0);
            h[i * w + j] = v;
            if v > best.0 {
                best = (v, i, j);
            }
        }
    }
    let (score, mut i, mut j) = best;
    // A number or time that differs right after the last match is part of
    // the passage (`every month` / `every week`).
    while i < n && j < m && sub(i, j) == 0 && h[(i + 1) * w + j + 1] == h[i * w + j] {
        i += 1;
        j += 1;
    }
    let mut steps = Vec::new();
    while i > 0 && j > 0 && h[i * w + j] > 0 {
        let v = h[i * w + j];
        if v == h[(i - 1) * w + j - 1] + sub(i - 1, j - 1) {
            steps.push((
                if ua.ids[i - 1] == ub.ids[j - 1] {
                    Step::Match
                } else {
                    Step::Swap
                },
                i - 1,
                j - 1,
            ));
            i -= 1;
            j -= 1;
        } else if v == h[(i - 1) * w + j] + GAP {
            steps.push((Step::GapA, i - 1, j));
            i -= 1;
        } else {
            steps.push((Step::GapB, i, j - 1));
            j -= 1;
        }
    }
    steps.reverse();
    while steps.first().is_some_and(|s| s.0 != Step::Match) {
        steps.remove(0);
    }
    let first = *steps.first()?;
    let last = *steps
        .iter()
        .rev()
        .find(|s| matches!(s.0, Step::Match | Step::Swap))?;
    // Content words that are not names: names alone (`told Radio New Zealand`)
    // say nothing about what happened.
    let content = steps
        .iter()
        .filter(|s| s.0 == Step::Match && ua.content[s.1])
        .filter(|s| {
            !capitalised(ua.words[s.1].text(a.text)) || !capitalised(ub.words[s.2].text(b.text))
        })
        .count();
    let mut run = 0;
    let mut longest = 0;
    for s in &steps {
        run = if s.0 == Step::Match { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    if !(longest >= 6 || (content >= 3 && score >= 10)) {
        return None;
    }
    // Most of both units agree, or a long run of words (a clause quoted
    // whole): a short phrase two different sentences share is no link.
    let matched = steps.iter().filter(|s| s.0 == Step::Match).count();
    let (short, long) = (
        ua.ids.len().min(ub.ids.len()),
        ua.ids.len().max(ub.ids.len()),
    );
    let whole = (matched * 2 >= short && matched * 4 >= long) || longest >= LONG_RUN;
    if !whole && !holds_clause(&steps, (a, ua), (b, ub)) {
        return None;
    }
    if only_who(&steps, a, ua, b, ub) {
        return None;
    }
    let mut notes = Vec::new();
    for (k, s) in steps.iter().enumerate() {
        if s.0 != Step::Swap {
            continue;
        }
        let (ta, tb) = (ua.words[s.1], ub.words[s.2]);
        let (wa, wb) = (ta.text(a.text), tb.text(b.text));
        let numeric =
            (ua.nums[s.1].is_some() && ub.nums[s.2].is_some()) || (ua.time[s.1] && ub.time[s.2]);
        let names = capitalised(wa)
            && capitalised(wb)
            && [wa, wb].iter().all(|x| {
                let l = x.to_lowercase();
                !lx::is_stop(&l) && !lx::is_honorific(&l) && !lx::is_title(&l)
            })
            && s.1 > 0
            && s.2 > 0;
        if numeric || names {
            let before = |side: Step| -> String {
                let mut q = Vec::new();
                for t in steps[..k].iter().rev().take_while(|t| t.0 == side).take(3) {
                    let word = if side == Step::GapA {
                        ua.words[t.1].text(a.text)
                    } else {
                        ub.words[t.2].text(b.text)
                    };
                    q.push(word);
                }
                q.reverse();
                q.iter().map(|w| format!("{w} ")).collect()
            };
            let tail = steps
                .get(k + 1)
                .filter(|t| t.0 == Step::Match && ua.content[t.1])
                .map(|t| format!(" {}", ua.words[t.1].text(a.text)))
                .unwrap_or_default();
            notes.push(format!(
                "{}{wa} vs {}{wb}{tail}",
                before(Step::GapA),
                before(Step::GapB)
            ));
        }
    }
    let kind = if !notes.is_empty() {
        LinkKind::Conflict
    } else if steps.iter().all(|s| s.0 == Step::Match) {
        LinkKind::Same
    } else {
        LinkKind::Paraphrase
    };
    let ra = ua.words[first.1].start..ua.words[last.1].end;
    let rb = ub.words[first.2].start..ub.words[last.2].end;
    Some((ra, rb, kind, (!notes.is_empty()).then(|| notes.join("; "))))
}

/// Does a short alignment say only who spoke (`police spokesman Jörg Lenz
/// told`, `the company said in a statement`, `the state environment ministry
/// said`)? A title, organisation or group in lower case, names and verbs of
/// saying, and at most two other content words.
fn only_who(
    steps: &[(Step, usize, usize)],
    a: &Article,
    ua: &Unit,
    b: &Article,
    ub: &Unit,
) -> bool {
    if steps.len() > 8 {
        return false;
    }
    let mut who = 0;
    let mut other = 0;
    for s in steps.iter().filter(|s| s.0 == Step::Match) {
        let (wa, wb) = (ua.words[s.1].text(a.text), ub.words[s.2].text(b.text));
        let name = capitalised(wa) && capitalised(wb);
        let norm = lx_norm(ua, s.1, a);
        let speaker = FRAMES.contains(&norm.as_str())
            || lx::is_title(&norm)
            || lx::is_org(&norm)
            || lx::is_group(&norm)
            || lx::is_honorific(&norm);
        if speaker && !name {
            who += 1;
        } else if ua.content[s.1] && !name && !lx::is_speech_verb(&norm) && !lx::is_tell_verb(&norm)
        {
            other += 1;
        }
    }
    who > 0 && other <= 2
}

/// A word as the word lists spell it: lower case, without a possessive.
pub(super) fn lx_norm(u: &Unit, k: usize, art: &Article) -> String {
    strip_possessive(u.words[k].text(art.text)).0.to_lowercase()
}
