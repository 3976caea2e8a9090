//! `verso links eval DATA`: the link drafter measured on revision pairs
//! ([`super::revisions`]), against the gold their edit implies.
//!
//! A drafted link sits on the pair of gold sentences its passages overlap
//! most. It is right when that pair is a gold `same` or `conflict` pair, or two
//! sentences with the same words, or (neither sentence having a gold
//! counterpart) a sentence and its reworded version (sharing at least
//! [`EDITED`] of their two-word runs); else wrong. A gold `same` pair is found
//! by a `same` link whose passages cover at least half of each sentence, a gold
//! `conflict` pair by a `conflict` link that does. Conflict precision counts
//! the conflict links the gold can judge (on a `same` or `conflict` pair, or
//! wrong). Only-here sentences are those no link covers ([`crate::only`]).
//!
//! PolNeAR's revisions seldom change a number and nothing else, so each pair
//! is measured with one number changed in every second sentence the two
//! articles share that holds one ([`change_numbers`]): gold `conflict` pairs.

use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use super::revisions::{EDITED, Gold, Pair, change_numbers, find_pairs, gold, similarity};
use crate::annotate::links::{Found, find};
use crate::outcome::{Done, Error, Outcome};
use crate::story::LinkKind;
use crate::text::Doc;

/// Counts over a set of pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub pairs: usize,
    pub same_gold: usize,
    pub same_found: usize,
    pub links: usize,
    pub links_right: usize,
    pub conflict_gold: usize,
    pub conflict_found: usize,
    /// Conflict links the gold can judge, and those right.
    pub conflict_judged: usize,
    pub conflict_right: usize,
    pub only_gold: usize,
    pub only_found: usize,
    /// Sentences drafted as only here that the gold can judge, and those right.
    pub only_judged: usize,
    pub only_right: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.pairs += o.pairs;
        self.same_gold += o.same_gold;
        self.same_found += o.same_found;
        self.links += o.links;
        self.links_right += o.links_right;
        self.conflict_gold += o.conflict_gold;
        self.conflict_found += o.conflict_found;
        self.conflict_judged += o.conflict_judged;
        self.conflict_right += o.conflict_right;
        self.only_gold += o.only_gold;
        self.only_found += o.only_found;
        self.only_judged += o.only_judged;
        self.only_right += o.only_right;
    }
}

/// The figures of a set of pairs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    pub counts: Counts,
    pub same_recall: f64,
    pub link_precision: f64,
    pub conflict_recall: f64,
    pub conflict_precision: f64,
    pub only_recall: f64,
    pub only_precision: f64,
}

impl Figures {
    pub fn new(c: Counts) -> Figures {
        let r = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
        Figures {
            counts: c,
            same_recall: r(c.same_found, c.same_gold),
            link_precision: r(c.links_right, c.links),
            conflict_recall: r(c.conflict_found, c.conflict_gold),
            conflict_precision: r(c.conflict_right, c.conflict_judged),
            only_recall: r(c.only_found, c.only_gold),
            only_precision: r(c.only_right, c.only_judged),
        }
    }
}

fn overlap(p: &Range<usize>, q: &Range<usize>) -> usize {
    p.end.min(q.end).saturating_sub(p.start.max(q.start))
}

/// The gold sentence a passage overlaps most.
fn main_sentence(g: &Gold, side: usize, r: &Range<usize>) -> Option<usize> {
    let ss = &g.sents[side];
    let from = ss.partition_point(|s| s.range.end <= r.start);
    ss[from..]
        .iter()
        .enumerate()
        .take_while(|(_, s)| s.range.start < r.end)
        .max_by_key(|(k, s)| (overlap(&s.range, r), std::cmp::Reverse(*k)))
        .map(|(k, _)| from + k)
}

/// Is a link between sentences `i` (side 0) and `j` (side 1) right, and
/// can the gold judge its kind (`Some(is a gold conflict)`)?
fn judge(g: &Gold, texts: [&str; 2], i: usize, j: usize) -> (bool, Option<bool>) {
    if g.conflict.contains(&(i, j)) {
        return (true, Some(true));
    }
    let (sa, sb) = (&g.sents[0][i], &g.sents[1][j]);
    if g.same.contains(&(i, j)) || texts[0][sa.range.clone()] == texts[1][sb.range.clone()] {
        return (true, Some(false));
    }
    let has = |side: usize, k: usize| {
        g.same
            .iter()
            .chain(&g.conflict)
            .any(|p| [p.0, p.1][side] == k)
    };
    if has(0, i) || has(1, j) || similarity(sa, sb) < EDITED {
        return (false, Some(false));
    }
    (true, None)
}

/// Measures drafted links on one pair.
/// `mistakes` gets a line for each wrong link and each gold pair missed.
pub fn measure(g: &Gold, texts: [&str; 2], links: &[Found], mistakes: &mut Vec<String>) -> Counts {
    let mut c = Counts {
        pairs: 1,
        same_gold: g.same.len(),
        conflict_gold: g.conflict.len(),
        links: links.len(),
        ..Counts::default()
    };
    let covers = |r: &Range<usize>, side: usize, k: usize| {
        let s = &g.sents[side][k].range;
        overlap(r, s) * 2 >= s.len()
    };
    let sent = |side: usize, k: usize| one_line(&texts[side][g.sents[side][k].range.clone()]);
    let mut found = |pairs: &[(usize, usize)], kind: LinkKind| {
        let mut n = 0;
        for &(i, j) in pairs {
            if links
                .iter()
                .any(|l| l.kind == kind && covers(&l.a.1, 0, i) && covers(&l.b.1, 1, j))
            {
                n += 1;
            } else {
                mistakes.push(format!(
                    "missed {}: {} | {}",
                    kind.as_str(),
                    sent(0, i),
                    sent(1, j)
                ));
            }
        }
        n
    };
    c.same_found = found(&g.same, LinkKind::Same);
    c.conflict_found = found(&g.conflict, LinkKind::Conflict);
    for l in links {
        let (Some(i), Some(j)) = (main_sentence(g, 0, &l.a.1), main_sentence(g, 1, &l.b.1)) else {
            continue;
        };
        let (right, conflict) = judge(g, texts, i, j);
        c.links_right += right as usize;
        if !right || (l.kind == LinkKind::Conflict && conflict == Some(false)) {
            mistakes.push(format!(
                "wrong {}: {} | {} [{}]",
                l.kind.as_str(),
                one_line(&texts[0][l.a.1.clone()]),
                one_line(&texts[1][l.b.1.clone()]),
                l.note.as_deref().unwrap_or("")
            ));
        }
        if l.kind == LinkKind::Conflict
            && let Some(is) = conflict
        {
            c.conflict_judged += 1;
            c.conflict_right += (right && is) as usize;
        }
    }
    for side in 0..2 {
        let passages: Vec<Range<usize>> = links
            .iter()
            .map(|l| if side == 0 { &l.a.1 } else { &l.b.1 })
            .cloned()
            .collect();
        let drafted = crate::only::only_here(texts[side], &passages);
        c.only_gold += g.only[side].len();
        let at = |r: &Range<usize>| g.sents[side].iter().position(|s| s.range == *r);
        for r in &drafted {
            let Some(k) = at(r) else { continue };
            if g.only[side].contains(&k) {
                c.only_found += 1;
                c.only_right += 1;
                c.only_judged += 1;
            } else if g
                .same
                .iter()
                .chain(&g.conflict)
                .any(|p| [p.0, p.1][side] == k)
            {
                c.only_judged += 1;
            }
        }
    }
    c
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drafts the links of two texts and measures them against the gold their
/// edit implies.
pub fn measure_texts(a: &str, b: &str, mistakes: &mut Vec<String>) -> Counts {
    let texts = [a, b];
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let links = find(&texts, &docs);
    measure(&gold(a, b), texts, &links, mistakes)
}

/// Measures one revision pair, with numbers changed ([`change_numbers`]).
pub fn measure_pair(p: &Pair, mistakes: &mut Vec<String>) -> Counts {
    measure_texts(&p.text_a, &change_numbers(&p.text_a, &p.text_b), mistakes)
}

/// Which pairs to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Half {
    /// The pairs rules may be tuned on.
    Tune,
    /// The pairs figures are reported on.
    Report,
    All,
}

pub type PerPair = Vec<(Pair, Counts, Vec<String>)>;

/// The figures on the revision pairs of `DATA/train/text`, per pair (with
/// its mistakes) and together.
pub fn evaluate(data: &Path, half: Half) -> Result<(PerPair, Figures), String> {
    let pairs = find_pairs(&data.join("train").join("text"))?;
    let chosen: Vec<Pair> = pairs
        .into_iter()
        .filter(|p| match half {
            Half::Tune => p.half() == 0,
            Half::Report => p.half() == 1,
            Half::All => true,
        })
        .collect();
    let mut total = Counts::default();
    let mut each = Vec::new();
    for p in chosen {
        let mut mistakes = Vec::new();
        let c = measure_pair(&p, &mut mistakes);
        total.add(&c);
        each.push((p, c, mistakes));
    }
    Ok((each, Figures::new(total)))
}

/// `verso links eval DATA`: the figures; with `errors`, each pair's figures
/// and mistakes as messages.
pub fn run(data: &Path, half: Half, json: bool, errors: bool) -> Outcome {
    let (each, f) = evaluate(data, half).map_err(Error::Input)?;
    let mut messages = Vec::new();
    let text = if json {
        serde_json::to_string_pretty(&f).unwrap_or_default() + "\n"
    } else {
        let c = &f.counts;
        let mut s = String::new();
        if errors {
            for (p, c, m) in &each {
                messages.push(format!(
                    "{} | {}: same {}/{} links {}/{} conflict {}/{} ({}/{})",
                    p.a,
                    p.b,
                    c.same_found,
                    c.same_gold,
                    c.links_right,
                    c.links,
                    c.conflict_found,
                    c.conflict_gold,
                    c.conflict_right,
                    c.conflict_judged
                ));
                for line in m {
                    messages.push(format!("  {line}"));
                }
            }
        }
        s.push_str(&format!(
            "revision pairs: {}\n\
             same-link recall    {:.3}  ({}/{})\n\
             link precision      {:.3}  ({}/{})\n\
             conflict recall     {:.3}  ({}/{})\n\
             conflict precision  {:.3}  ({}/{})\n\
             only-here recall    {:.3}  ({}/{})\n\
             only-here precision {:.3}  ({}/{})\n",
            c.pairs,
            f.same_recall,
            c.same_found,
            c.same_gold,
            f.link_precision,
            c.links_right,
            c.links,
            f.conflict_recall,
            c.conflict_found,
            c.conflict_gold,
            f.conflict_precision,
            c.conflict_right,
            c.conflict_judged,
            f.only_recall,
            c.only_found,
            c.only_gold,
            f.only_precision,
            c.only_right,
            c.only_judged,
        ));
        s
    };
    Ok(Done {
        messages,
        ..Done::printing(text)
    })
}
