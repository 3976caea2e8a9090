//! Links: passages of one article that tell the same thing in another.
//!
//! Each article is cut into sentences (long ones into overlapping windows). The
//! sentences of one article are indexed by word shingles (pairs of neighbouring
//! content words, and runs of three words of any kind); a shingle found in more
//! than [`CAP`] sentences is too common to say anything and is dropped. Each
//! sentence of the other article is compared only with the few sentences that
//! share the most shingles with it, by a local (Smith–Waterman) alignment of
//! their words, so reordered passages are found wherever they are and the work
//! grows with the text, not with its square. A pair is linked when it shares a
//! run of six words, or three content words in a well-scoring alignment; it is
//! `same` when the aligned words all agree, `conflict` when aligned words differ
//! in a number or a name, else `paraphrase`. An alignment that only says who
//! spoke (`police spokesman Jörg Lenz told`) is no link.
//!
//! Paraphrases that share no run of words are found by a second pass over the
//! content words two sentences share, lightly lemmatised (`evacuated`,
//! `evacuation` → `evacuat`) and weighted by how rare they are in the two
//! articles (IDF over their sentences), so names and rare words count more
//! than common ones. Sentences are indexed by their rarer words; a pair is
//! linked when each is the other's best-scoring partner, their similarity is
//! high enough, and they share at least two words that tell what happened
//! rather than who spoke or when (titles, organisations, times count half,
//! names nothing). Such a link is `conflict` when a number differs before the
//! same word (`two workers` vs `Three workers`), else `paraphrase`.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon as lx;
use super::text::{Doc, Tok, capitalised, strip_possessive};
use crate::story::LinkKind;

/// Shingles in more sentences than this are ignored.
const CAP: usize = 16;
/// Sentences compared with each sentence of the other article.
const CANDIDATES: usize = 4;
/// Longest unit aligned; longer sentences are cut into windows.
const WINDOW: usize = 60;

/// A drafted link between two articles.
#[derive(Debug, Clone)]
pub struct Found {
    pub a: (usize, Range<usize>),
    pub b: (usize, Range<usize>),
    pub kind: LinkKind,
    pub note: Option<String>,
}

struct Unit {
    words: Vec<Tok>,
    ids: Vec<u32>,
    content: Vec<bool>,
    nums: Vec<Option<u64>>,
    /// Each word's lemma (see [`lemma`]), for content words only.
    lems: Vec<Option<u32>>,
    /// The unit's lemmas, sorted, each once.
    bag: Vec<u32>,
    /// Words that tell who or when rather than what: titles, organisations,
    /// groups, and times (`spokesman`, `ministry`, `residents`, `Monday`).
    who: Vec<bool>,
}

struct Article<'t> {
    text: &'t str,
    units: Vec<Unit>,
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

fn units<'t>(
    text: &'t str,
    doc: &Doc,
    vocab: &mut HashMap<String, u32>,
    lemmas: &mut HashMap<String, u32>,
) -> Article<'t> {
    let mut units = Vec::new();
    for par in doc.pars.iter().filter(|p| !p.headline) {
        for sent in &par.sents {
            let words: Vec<Tok> = sent.toks.iter().copied().filter(|t| t.word).collect();
            let mut from = 0;
            loop {
                let to = (from + WINDOW).min(words.len());
                let w = words[from..to].to_vec();
                let norms: Vec<String> = w
                    .iter()
                    .map(|t| strip_possessive(t.text(text)).0.to_lowercase())
                    .collect();
                let content = norms.iter().map(|n| !lx::is_stop(n)).collect();
                let nums: Vec<Option<u64>> = norms.iter().map(|n| lx::number_value(n)).collect();
                let lems: Vec<Option<u32>> = norms
                    .iter()
                    .zip(&nums)
                    .map(|(n, v)| {
                        let l = lemma(n, *v)?;
                        let next = lemmas.len() as u32;
                        Some(*lemmas.entry(l).or_insert(next))
                    })
                    .collect();
                let speaker = |n: &String| {
                    lx::is_title(n) || lx::is_org(n) || lx::is_group(n) || lx::is_honorific(n)
                };
                // A word before a title is part of it (`freshwater ecologist`,
                // `chief people officer`).
                let who = (0..norms.len())
                    .map(|k| {
                        speaker(&norms[k])
                            || lx::is_adverbial(&norms[k])
                            || norms.get(k + 1).is_some_and(speaker)
                    })
                    .collect();
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
                if !w.is_empty() {
                    units.push(Unit {
                        words: w,
                        ids,
                        content,
                        nums,
                        lems,
                        bag,
                        who,
                    });
                }
                if to >= words.len() {
                    break;
                }
                from += WINDOW * 2 / 3;
            }
        }
    }
    Article { text, units }
}

fn shingles(u: &Unit) -> Vec<u64> {
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

/// Links between every two articles.
pub fn find(texts: &[&str], docs: &[Doc]) -> Vec<Found> {
    let mut vocab = HashMap::new();
    let mut lemmas = HashMap::new();
    let arts: Vec<Article> = texts
        .iter()
        .zip(docs)
        .map(|(t, d)| units(t, d, &mut vocab, &mut lemmas))
        .collect();
    let mut out = Vec::new();
    for x in 0..arts.len() {
        for y in x + 1..arts.len() {
            let from = out.len();
            pair(&arts, x, y, &mut out);
            overlap_pass(&arts, x, y, lemmas.len(), from, &mut out);
        }
    }
    out.sort_by_key(|l| (l.a.0, l.a.1.start, l.b.0, l.b.1.start, l.a.1.end, l.b.1.end));
    out
}

fn pair(arts: &[Article], x: usize, y: usize, out: &mut Vec<Found>) {
    let (a, b) = (&arts[x], &arts[y]);
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, u) in a.units.iter().enumerate() {
        for s in shingles(u) {
            let v = index.entry(s).or_default();
            if v.len() <= CAP {
                v.push(i as u32);
            }
        }
    }
    let mut recent: Vec<Found> = Vec::new();
    for (j, ub) in b.units.iter().enumerate() {
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

fn overlaps(p: &Range<usize>, q: &Range<usize>) -> bool {
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
fn align(a: &Article, ua: &Unit, b: &Article, ub: &Unit) -> Option<Aligned> {
    let (n, m) = (ua.ids.len(), ub.ids.len());
    let sub = |i: usize, j: usize| -> i32 {
        if ua.ids[i] == ub.ids[j] {
            return if ua.content[i] { 3 } else { 1 };
        }
        match (ua.nums[i], ub.nums[j]) {
            (Some(p), Some(q)) if p != q => 0,
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
    let last = *steps.iter().rev().find(|s| s.0 == Step::Match)?;
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
        let numeric = ua.nums[s.1].is_some() && ub.nums[s.2].is_some();
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

/// Lemmas in more units of a pair than this propose no candidates.
const RARE: usize = 32;
/// Units each unit is compared with by the content words they share.
const OVERLAP_CANDIDATES: usize = 8;
/// The least similarity (shared weight over the mean weight) of a pair linked
/// for the content words they share.
const SIM: f64 = 0.3;
/// Shared words that tell what happened (see [`shared`]) a link needs.
const PLAIN: usize = 2;
/// Words that frame a report rather than tell its news (`said in a statement`,
/// `told reporters`): shared, they count for nothing.
const FRAMES: &[&str] = &[
    "briefing",
    "conference",
    "interview",
    "reporters",
    "statement",
];

/// What two units share: the weight of their shared lemmas, how much of it
/// tells what happened (two for each shared word that is not a name, one if it
/// tells who or when, none for a frame such as `statement`), and the shared
/// lemmas.
fn shared(ua: &Unit, ub: &Unit, idf: &[f64], a: &Article, b: &Article) -> (f64, usize, Vec<u32>) {
    let (mut i, mut j) = (0, 0);
    let mut w = 0.0;
    let mut plain = 0;
    let mut both = Vec::new();
    while i < ua.bag.len() && j < ub.bag.len() {
        match ua.bag[i].cmp(&ub.bag[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let l = ua.bag[i];
                w += idf[l as usize];
                let at = |u: &Unit| u.lems.iter().position(|&m| m == Some(l)).unwrap();
                let (ka, kb) = (at(ua), at(ub));
                // A name is capitalised on both sides, not only where a
                // sentence starts.
                let name = capitalised(ua.words[ka].text(a.text))
                    && capitalised(ub.words[kb].text(b.text))
                    && (ka > 0 || kb > 0);
                let frame = FRAMES.contains(&lx_norm(ua, ka, a).as_str());
                if !name && !frame {
                    plain += if ua.who[ka] || ub.who[kb] { 1 } else { 2 };
                }
                both.push(l);
                i += 1;
                j += 1;
            }
        }
    }
    (w, plain, both)
}

/// Links between units that share more rare content words with each other than
/// with any other unit (each is the other's best partner), weighted by how
/// rare each word is in the two articles: paraphrases that share no run of
/// words. A pair already linked is left alone.
fn overlap_pass(
    arts: &[Article],
    x: usize,
    y: usize,
    nlem: usize,
    from: usize,
    out: &mut Vec<Found>,
) {
    let (a, b) = (&arts[x], &arts[y]);
    let mut df = vec![0u32; nlem];
    for u in a.units.iter().chain(&b.units) {
        for &l in &u.bag {
            df[l as usize] += 1;
        }
    }
    let n = (a.units.len() + b.units.len()) as f64;
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| {
            if d == 0 {
                0.0
            } else {
                (1.0 + n / d as f64).ln()
            }
        })
        .collect();
    let weight = |u: &Unit| u.bag.iter().map(|&l| idf[l as usize]).sum::<f64>();
    let wa: Vec<f64> = a.units.iter().map(weight).collect();
    let wb: Vec<f64> = b.units.iter().map(weight).collect();
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); nlem];
    for (i, u) in a.units.iter().enumerate() {
        for &l in &u.bag {
            if df[l as usize] as usize <= RARE {
                index[l as usize].push(i as u32);
            }
        }
    }
    // The best partner of each unit, as (similarity, partner).
    let better = |p: Option<(f64, usize)>, q: (f64, usize)| match p {
        Some(p) => q.0 > p.0 || (q.0 == p.0 && q.1 < p.1),
        None => true,
    };
    let mut best_a: Vec<Option<(f64, usize)>> = vec![None; a.units.len()];
    let mut best_b: Vec<Option<(f64, usize)>> = vec![None; b.units.len()];
    let mut votes: Vec<(u32, f64)> = Vec::new();
    for (j, ub) in b.units.iter().enumerate() {
        votes.clear();
        for &l in &ub.bag {
            if df[l as usize] as usize <= RARE {
                votes.extend(index[l as usize].iter().map(|&i| (i, idf[l as usize])));
            }
        }
        votes.sort_unstable_by_key(|v| v.0);
        let mut summed: Vec<(f64, u32)> = votes
            .chunk_by(|p, q| p.0 == q.0)
            .map(|g| (g.iter().map(|v| v.1).sum(), g[0].0))
            .collect();
        summed.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        for &(_, i) in summed.iter().take(OVERLAP_CANDIDATES) {
            let i = i as usize;
            let (w, plain, _) = shared(&a.units[i], ub, &idf, a, b);
            if plain < 2 * PLAIN {
                continue;
            }
            let sim = 2.0 * w / (wa[i] + wb[j]);
            if better(best_b[j], (sim, i)) {
                best_b[j] = Some((sim, i));
            }
            if better(best_a[i], (sim, j)) {
                best_a[i] = Some((sim, j));
            }
        }
    }
    let mut have: Vec<(Range<usize>, Range<usize>)> = out[from..]
        .iter()
        .map(|f| (f.a.1.clone(), f.b.1.clone()))
        .collect();
    have.sort_by_key(|h| (h.0.start, h.0.end));
    let longest = have.iter().map(|h| h.0.len()).max().unwrap_or(0);
    let linked = |ra: &Range<usize>, rb: &Range<usize>| {
        let hi = have.partition_point(|h| h.0.start < ra.end);
        have[..hi]
            .iter()
            .rev()
            .take_while(|h| h.0.start + longest >= ra.start)
            .any(|h| overlaps(&h.0, ra) && overlaps(&h.1, rb))
    };
    for (j, ub) in b.units.iter().enumerate() {
        let Some((sim, i)) = best_b[j] else { continue };
        if sim < SIM || best_a[i].map(|p| p.1) != Some(j) {
            continue;
        }
        let ua = &a.units[i];
        let (_, _, both) = shared(ua, ub, &idf, a, b);
        let span = |u: &Unit| {
            let at: Vec<usize> = (0..u.words.len())
                .filter(|&k| u.lems[k].is_some_and(|l| both.binary_search(&l).is_ok()))
                .collect();
            u.words[at[0]].start..u.words[*at.last().unwrap()].end
        };
        let (ra, rb) = (span(ua), span(ub));
        if linked(&ra, &rb) {
            continue;
        }
        let note = number_conflict(ua, a, ub, b);
        let kind = if note.is_some() {
            LinkKind::Conflict
        } else if a.text[ra.clone()] == b.text[rb.clone()] {
            LinkKind::Same
        } else {
            LinkKind::Paraphrase
        };
        out.push(Found {
            a: (x, ra),
            b: (y, rb),
            kind,
            note,
        });
    }
}

/// A number, where it starts, and the content words (lemma, place) after it.
type Counted = (u64, usize, Vec<(u32, usize)>);

/// Numbers that differ before the same word (`two workers` vs `Three workers`,
/// `3,500 residents` vs `4,000 local residents`).
fn number_conflict(ua: &Unit, a: &Article, ub: &Unit, b: &Article) -> Option<String> {
    // Each number with the content words at most three words after it.
    let counted = |u: &Unit, t: &str| -> Vec<Counted> {
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
    };
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
fn lx_norm(u: &Unit, k: usize, art: &Article) -> String {
    strip_possessive(u.words[k].text(art.text)).0.to_lowercase()
}
