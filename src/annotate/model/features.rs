//! The features of each token that the attribution tagger weighs: the word and
//! its neighbours, its shape, where it stands in its sentence and quotation,
//! the nearest verb of saying, and what the hand-written rules of
//! [`crate::annotate::quotes`] made of it.
//!
//! A feature is a template number and a value, hashed (FNV-1a, a fixed
//! algorithm, so the committed weights stay valid) into one of [`BUCKETS`].

use std::hash::Hasher;

use fnv::FnvHasher;

use crate::annotate::lexicon as lx;
use crate::story::QuoteKind;
use crate::text::{Doc, Near, Par, Tok, is_double_quote};

/// Words that attribute (`said`, `believes`, `according`, `mocked`), learned
/// from the training data: one a line in `cues.txt`.
#[derive(Debug, Default, Clone)]
pub struct Cues(std::collections::HashSet<String>);

impl Cues {
    pub fn bundled() -> &'static Cues {
        static C: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
        C.get_or_init(|| Cues::parse(include_str!("cues.txt")))
    }

    pub fn parse(list: &str) -> Cues {
        Cues(
            list.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        )
    }

    /// Words tagged as part of a cue in at least `share` of their `min` or more
    /// occurrences.
    pub fn learn<'a>(words: impl Iterator<Item = (&'a str, bool)>, min: usize, share: f64) -> Cues {
        let mut n: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
        for (w, cue) in words {
            let e = n.entry(w.to_lowercase()).or_default();
            e.0 += 1;
            e.1 += usize::from(cue);
        }
        Cues(
            n.into_iter()
                .filter(|(w, (all, cue))| {
                    *all >= min
                        && *cue as f64 >= share * *all as f64
                        && w.chars().any(char::is_alphabetic)
                })
                .map(|(w, _)| w)
                .collect(),
        )
    }

    /// One word a line, sorted.
    pub fn to_text(&self) -> String {
        let mut v: Vec<&String> = self.0.iter().collect();
        v.sort();
        v.into_iter().map(|w| format!("{w}\n")).collect()
    }

    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// Feature buckets (a power of two).
pub const BUCKETS: usize = 1 << 19;

/// A paragraph's tokens with the feature buckets of each.
pub struct Seq {
    pub toks: Vec<Tok>,
    /// The sentence of each token (its index in the paragraph).
    pub sent: Vec<u32>,
    pub feats: Vec<Vec<u32>>,
}

/// What the rules drafted over a token: a quote of some kind, and where in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleMark {
    pub kind: Option<QuoteKind>,
    pub first: bool,
    pub last: bool,
}

/// Per-token facts computed once per paragraph, from which templates draw.
struct Tk<'a> {
    low: String,
    raw: &'a str,
    word: bool,
    /// 0 outside quotation marks, 1 inside, 2 an opening mark, 3 a closing mark.
    inq: u8,
    sent: usize,
    pos: usize,
    sent_len: usize,
    speech: bool,
    cue: bool,
}

fn shape(w: &str) -> &'static str {
    let mut cs = w.chars();
    let Some(c) = cs.next() else { return "e" };
    if c.is_numeric() {
        "d"
    } else if c.is_uppercase() {
        if w.chars().all(|c| !c.is_lowercase()) && w.chars().count() > 1 {
            "XX"
        } else {
            "Xx"
        }
    } else if c.is_alphabetic() {
        "x"
    } else if is_double_quote(c) {
        "q"
    } else {
        match c {
            '.' | '!' | '?' => ".",
            ',' => ",",
            ':' | ';' => ":",
            '—' | '–' | '-' => "-",
            '(' | ')' | '[' | ']' => "(",
            '‘' | '’' | '\'' => "'",
            _ => "p",
        }
    }
}

/// The bucket of feature `template` with value `parts`, among `buckets` (a
/// power of two): FNV-1a over the template number and each part, each part
/// closed by 0xff so that `("ab", "c")` and `("a", "bc")` differ.
pub fn hash(template: u8, parts: &[&str], buckets: usize) -> u32 {
    let mut h = FnvHasher::default();
    h.write_u8(template);
    for p in parts {
        h.write(p.as_bytes());
        h.write_u8(0xff);
    }
    (h.finish() as usize & (buckets - 1)) as u32
}

struct Out<'v> {
    v: &'v mut Vec<u32>,
}

impl Out<'_> {
    fn add(&mut self, template: u8, parts: &[&str]) {
        self.v.push(hash(template, parts, BUCKETS));
    }
}

fn bucket_of(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// Each paragraph of `doc` as a sequence with its features; `rules` holds a
/// mark per byte-range drafted by the rules (sorted by start).
pub fn sequences(
    text: &str,
    doc: &Doc,
    rules: &[(std::ops::Range<usize>, QuoteKind)],
    cues: &Cues,
) -> Vec<Seq> {
    doc.pars
        .iter()
        .enumerate()
        .map(|(pi, par)| paragraph(text, par, pi, rules, cues))
        .collect()
}

fn rule_mark(
    rules: &[(std::ops::Range<usize>, QuoteKind)],
    t: Tok,
    prev: Option<Tok>,
    next: Option<Tok>,
) -> RuleMark {
    let i = rules.partition_point(|(r, _)| r.end <= t.start);
    let Some((r, k)) = rules.get(i).filter(|(r, _)| r.start < t.end) else {
        return RuleMark::default();
    };
    RuleMark {
        kind: Some(*k),
        first: prev.is_none_or(|p| p.end <= r.start),
        last: next.is_none_or(|n| n.start >= r.end),
    }
}

fn paragraph(
    text: &str,
    par: &Par,
    pi: usize,
    rules: &[(std::ops::Range<usize>, QuoteKind)],
    cues: &Cues,
) -> Seq {
    let near = Near::new(&par.spans);
    let mut tks: Vec<Tk> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    for (si, s) in par.sents.iter().enumerate() {
        for (k, &t) in s.toks.iter().enumerate() {
            let raw = t.text(text);
            let low = raw.to_lowercase();
            let inq = match near
                .around(&(t.start..t.end))
                .iter()
                .find(|q| q.start <= t.start && t.end <= q.end)
            {
                None => 0,
                Some(q) if q.start == t.start => 2,
                Some(q) if q.closed && q.end == t.end => 3,
                Some(_) => 1,
            };
            let cue = t.word && cues.contains(&low);
            tks.push(Tk {
                speech: t.word && (cue || lx::is_saying(&low)),
                cue,
                low,
                raw,
                word: t.word,
                inq,
                sent: si,
                pos: k,
                sent_len: s.toks.len(),
            });
            toks.push(t);
        }
    }
    let n = tks.len();
    // The nearest verb of saying in the same sentence, each side, and whether
    // each sentence holds a quotation mark: one pass each way.
    let sweep = |order: &mut dyn Iterator<Item = usize>| {
        let mut near = vec![None; n];
        let mut last: Option<usize> = None;
        for i in order {
            if last.is_some_and(|j| tks[j].sent != tks[i].sent) {
                last = None;
            }
            near[i] = last;
            if tks[i].speech {
                last = Some(i);
            }
        }
        near
    };
    let left = sweep(&mut (0..n));
    let right = sweep(&mut (0..n).rev());
    let mut sent_quotes = vec![false; par.sents.len()];
    for t in &tks {
        sent_quotes[t.sent] |= t.inq >= 2;
    }
    let par_quote = tks.first().is_some_and(|t| t.inq == 2);
    let mut feats = Vec::with_capacity(n);
    for i in 0..n {
        let mut v = Vec::with_capacity(40);
        let mut o = Out { v: &mut v };
        let t = &tks[i];
        let w = |d: isize| -> &str {
            let j = i as isize + d;
            if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                tks[j as usize].low.as_str()
            }
        };
        let sh = |d: isize| -> &str {
            let j = i as isize + d;
            if j < 0 || j as usize >= n {
                "_"
            } else {
                shape(tks[j as usize].raw)
            }
        };
        let inq = ["out", "in", "open", "close"][t.inq as usize];
        o.add(0, &[]);
        o.add(1, &[&t.low]);
        o.add(2, &[w(-1)]);
        o.add(3, &[w(1)]);
        o.add(4, &[w(-2)]);
        o.add(5, &[w(2)]);
        o.add(6, &[w(-1), &t.low]);
        o.add(7, &[&t.low, w(1)]);
        let suf: String = {
            let cs: Vec<char> = t.low.chars().collect();
            cs[cs.len().saturating_sub(3)..].iter().collect()
        };
        o.add(8, &[&suf]);
        o.add(9, &[sh(0)]);
        o.add(10, &[sh(-1), sh(0), sh(1)]);
        o.add(11, &[inq]);
        o.add(12, &[inq, sh(0)]);
        o.add(13, &[inq, &t.low]);
        // The nearest verb of saying in the sentence, each side.
        let (left, right) = (left[i], right[i]);
        let sp = if t.speech { "self" } else { "no" };
        o.add(14, &[sp]);
        match left {
            Some(j) => {
                o.add(15, &["L", bucket_of(i - j)]);
                o.add(16, &["L", bucket_of(i - j), inq]);
                o.add(17, &["L", &tks[j].low]);
            }
            None => o.add(15, &["L", "none"]),
        }
        match right {
            Some(j) => {
                o.add(15, &["R", bucket_of(j - i)]);
                o.add(16, &["R", bucket_of(j - i), inq]);
                o.add(17, &["R", &tks[j].low]);
            }
            None => o.add(15, &["R", "none"]),
        }
        o.add(
            18,
            &[
                if left.is_some() { "l" } else { "-" },
                if right.is_some() { "r" } else { "-" },
                inq,
            ],
        );
        // Place in the sentence and paragraph.
        let from_end = t.sent_len - 1 - t.pos;
        o.add(19, &[bucket_of(t.pos), bucket_of(from_end)]);
        o.add(
            20,
            &[
                if t.sent == 0 { "first" } else { "later" },
                if par_quote { "pq" } else { "-" },
            ],
        );
        o.add(21, &[bucket_of(pi)]);
        o.add(22, &[if sent_quotes[t.sent] { "sq" } else { "-" }, inq]);
        // Word classes from the lexicon.
        let mut class = String::new();
        for (c, yes) in [
            ('t', lx::is_title(&t.low)),
            ('h', lx::is_honorific(&t.low)),
            ('o', lx::is_org(&t.low)),
            ('g', lx::is_group(&t.low)),
            ('n', lx::is_noun_cue(&t.low)),
            ('p', lx::is_preposition(&t.low)),
            (
                'x',
                matches!(t.low.as_str(), "he" | "she" | "they" | "it" | "we" | "i"),
            ),
        ] {
            if yes {
                class.push(c);
            }
        }
        o.add(23, &[&class]);
        o.add(24, &[&class, w(1)]);
        // What the rules drafted here.
        let mark = rule_mark(
            rules,
            toks[i],
            i.checked_sub(1).map(|j| toks[j]),
            toks.get(i + 1).copied(),
        );
        let kind = mark.kind.map_or("none", |k| k.as_str());
        o.add(25, &[kind]);
        o.add(
            26,
            &[
                kind,
                if mark.first {
                    "B"
                } else if mark.last {
                    "E"
                } else {
                    "I"
                },
            ],
        );
        o.add(27, &[kind, inq]);
        o.add(28, &[kind, &t.low]);
        let cue_at = |d: isize| {
            let j = i as isize + d;
            j >= 0 && (j as usize) < n && tks[j as usize].cue
        };
        o.add(
            30,
            &[
                if cue_at(-1) { "c" } else { "-" },
                if t.cue { "c" } else { "-" },
                if cue_at(1) { "c" } else { "-" },
            ],
        );
        if !t.word {
            o.add(29, &[&t.low, inq, sh(1)]);
        }
        feats.push(v);
    }
    let sent = tks.iter().map(|t| t.sent as u32).collect();
    Seq { toks, sent, feats }
}
