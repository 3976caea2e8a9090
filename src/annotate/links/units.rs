//! The units the links are drafted over: sentences (long ones cut into
//! overlapping windows) with each word's id, lemma, number value and role.

use std::collections::HashMap;

use super::super::lexicon as lx;
use super::numbers::time_unit;
use crate::text::{Doc, Sent, Tok, strip_possessive};

/// Longest unit aligned; longer sentences are cut into windows.
const WINDOW: usize = 60;

pub(super) struct Unit {
    pub(super) words: Vec<Tok>,
    pub(super) ids: Vec<u32>,
    pub(super) content: Vec<bool>,
    pub(super) nums: Vec<Option<u64>>,
    /// Each word's lemma (see [`lemma`]), for content words only.
    pub(super) lems: Vec<Option<u32>>,
    /// The unit's lemmas, sorted, each once.
    pub(super) bag: Vec<u32>,
    /// Words that tell who or when rather than what: titles, organisations,
    /// groups, and times (`spokesman`, `ministry`, `residents`, `Monday`).
    pub(super) who: Vec<bool>,
    /// Words that are units of time (`hour`, `week`).
    pub(super) time: Vec<bool>,
    /// Where the unit's sentence starts.
    pub(super) sent: usize,
}

pub(super) struct Article<'t> {
    pub(super) text: &'t str,
    pub(super) units: Vec<Unit>,
}

/// A light lemma: lower case, without a plural or verb ending and a final `e`,
/// cut to seven letters (`evacuated`, `evacuation` → `evacuat`); a number is its
/// value (`seven`, `7` → `#7`). `None` for words that say little: stop words
/// and verbs of saying.
fn lemma(norm: &str, num: Option<u64>) -> Option<String> {
    if let Some(v) = num {
        return Some(format!("#{v}"));
    }
    if lx::is_stop(norm)
        || lx::is_speech_verb(norm)
        || lx::is_tell_verb(norm)
        || lx::is_honorific(norm)
        || !norm.chars().any(char::is_alphanumeric)
    {
        return None;
    }
    let mut w = norm.to_string();
    let long = |w: &str, cut: usize| w.chars().count() >= cut + 3;
    if w.ends_with("ies") && long(&w, 3) {
        w.truncate(w.len() - 3);
        w.push('i');
    } else if w.ends_with("ing") && long(&w, 3) {
        w.truncate(w.len() - 3);
    } else if w.ends_with("ed") && long(&w, 2) {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && long(&w, 1) {
        w.truncate(w.len() - 1);
    }
    if (w.ends_with('e') || w.ends_with('y')) && long(&w, 1) {
        let y = w.ends_with('y');
        w.truncate(w.len() - 1);
        if y {
            w.push('i');
        }
    }
    Some(w.chars().take(7).collect())
}

/// The units of an article: each sentence of its body (headlines left out)
/// cut into pieces of words by `pieces`.
fn article<'t>(
    text: &'t str,
    doc: &Doc,
    (vocab, lemmas): (&mut HashMap<String, u32>, &mut HashMap<String, u32>),
    pieces: impl Fn(&str, &Sent) -> Vec<Vec<Tok>>,
) -> Article<'t> {
    let mut units = Vec::new();
    for sent in doc
        .pars
        .iter()
        .filter(|p| !p.headline)
        .flat_map(|p| &p.sents)
    {
        for w in pieces(text, sent) {
            units.extend(unit(text, w, sent.range.start, vocab, lemmas));
        }
    }
    Article { text, units }
}

/// The sentences of `doc`, long ones cut into overlapping windows.
pub(super) fn units<'t>(
    text: &'t str,
    doc: &Doc,
    vocab: &mut HashMap<String, u32>,
    lemmas: &mut HashMap<String, u32>,
) -> Article<'t> {
    article(text, doc, (vocab, lemmas), |_, sent| {
        let words: Vec<Tok> = sent.toks.iter().copied().filter(|t| t.word).collect();
        let mut out = Vec::new();
        let mut from = 0;
        loop {
            let to = (from + WINDOW).min(words.len());
            out.push(words[from..to].to_vec());
            if to >= words.len() {
                break out;
            }
            from += WINDOW * 2 / 3;
        }
    })
}

/// Words that open a clause of their own: conjunctions and the words that
/// start a reported or relative clause.
const OPENERS: &[&str] = &[
    "although", "and", "because", "but", "that", "though", "whereas", "which", "while", "who",
];

/// Least words of a clause; a shorter one joins the clause after it.
const CLAUSE_WORDS: usize = 3;

/// The sentences of `doc` cut into clauses: at punctuation inside the
/// sentence (`,` `;` `:` dashes, brackets) and before a word of [`OPENERS`].
/// Many sentences carry two facts (`killed two workers and forced the
/// evacuation of 4,000`), each of which another article may tell alone.
pub(super) fn clauses<'t>(
    text: &'t str,
    doc: &Doc,
    vocab: &mut HashMap<String, u32>,
    lemmas: &mut HashMap<String, u32>,
) -> Article<'t> {
    article(text, doc, (vocab, lemmas), |text, sent| {
        let mut out = Vec::new();
        let mut clause: Vec<Tok> = Vec::new();
        let cut = |clause: &mut Vec<Tok>, out: &mut Vec<Vec<Tok>>| {
            if clause.len() >= CLAUSE_WORDS {
                let c = std::mem::take(clause);
                if c.len() <= WINDOW {
                    out.push(c);
                }
            }
        };
        for &t in &sent.toks {
            let s = t.text(text);
            if !t.word {
                if matches!(s, "," | ";" | ":" | "—" | "–" | "(" | ")") {
                    cut(&mut clause, &mut out);
                }
                continue;
            }
            if clause.len() >= CLAUSE_WORDS && OPENERS.contains(&s.to_lowercase().as_str()) {
                cut(&mut clause, &mut out);
            }
            clause.push(t);
        }
        cut(&mut clause, &mut out);
        out
    })
}

/// One unit of the words `w` of the sentence starting at `sent`; `None` when
/// there are no words.
fn unit(
    text: &str,
    w: Vec<Tok>,
    sent: usize,
    vocab: &mut HashMap<String, u32>,
    lemmas: &mut HashMap<String, u32>,
) -> Option<Unit> {
    if w.is_empty() {
        return None;
    }
    let norms: Vec<String> = w
        .iter()
        .map(|t| strip_possessive(t.text(text)).0.to_lowercase())
        .collect();
    let content = norms.iter().map(|n| !lx::is_stop(n)).collect();
    let mut nums: Vec<Option<u64>> = norms.iter().map(|n| lx::number_value(n)).collect();
    // A time of day is its minute of the day, and what it counts is the clock
    // (`9 a.m.` is 540 and `10 am` 600, so the two disagree).
    // (`a.m.` is two words, `a` and `m`.)
    let mut clock = vec![None; norms.len()];
    for k in 1..norms.len() {
        let dotted =
            || norms.get(k + 1).is_some_and(|m| m == "m") && &text[w[k].end..w[k + 1].start] == ".";
        let pm = match norms[k].as_str() {
            "am" => Some((false, 1)),
            "pm" => Some((true, 1)),
            "a" if dotted() => Some((false, 2)),
            "p" if dotted() => Some((true, 2)),
            _ => None,
        };
        if let (Some(h), Some((pm, words))) = (nums[k - 1], pm)
            && (1..=12).contains(&h)
        {
            nums[k - 1] = Some((h % 12 + if pm { 12 } else { 0 }) * 60);
            // The clock is the last word (`m` of `a.m.`), so that the time
            // reads whole where it is quoted.
            clock[k] = Some(words == 1);
            if words == 2 {
                clock[k + 1] = Some(true);
            }
        }
    }
    let lems: Vec<Option<u32>> = norms
        .iter()
        .zip(&nums)
        .zip(&clock)
        .map(|((n, v), c)| {
            let l = match c {
                Some(true) => "clock".to_string(),
                Some(false) => return None,
                None => lemma(n, *v)?,
            };
            let next = lemmas.len() as u32;
            Some(*lemmas.entry(l).or_insert(next))
        })
        .collect();
    let speaker =
        |n: &String| lx::is_title(n) || lx::is_org(n) || lx::is_group(n) || lx::is_honorific(n);
    // A word before a title is part of it (`freshwater ecologist`,
    // `chief people officer`).
    let who = (0..norms.len())
        .map(|k| {
            speaker(&norms[k])
                || lx::is_adverbial(&norms[k])
                || norms.get(k + 1).is_some_and(speaker)
        })
        .collect();
    let time = norms.iter().map(|n| time_unit(n)).collect();
    let mut bag: Vec<u32> = lems.iter().flatten().copied().collect();
    bag.sort_unstable();
    bag.dedup();
    let ids = norms
        .into_iter()
        .map(|n| {
            let next = vocab.len() as u32;
            *vocab.entry(n).or_insert(next)
        })
        .collect();
    Some(Unit {
        words: w,
        ids,
        content,
        nums,
        lems,
        bag,
        who,
        time,
        sent,
    })
}

pub(super) fn shingles(u: &Unit) -> Vec<u64> {
    let mix = |a: u64, b: u32| (a ^ b as u64).wrapping_mul(0x100_0000_01b3);
    let mut out = Vec::new();
    let content: Vec<u32> = u
        .ids
        .iter()
        .zip(&u.content)
        .filter(|c| *c.1)
        .map(|c| *c.0)
        .collect();
    for w in content.windows(2) {
        out.push(mix(mix(0xcbf2_9ce4_8422_2325, w[0]), w[1]));
    }
    for w in u.ids.windows(3) {
        out.push(mix(mix(mix(0x8422_2325_cbf2_9ce4, w[0]), w[1]), w[2]));
    }
    out.sort_unstable();
    out.dedup();
    out
}
