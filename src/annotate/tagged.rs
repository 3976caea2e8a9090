//! From the tagger's tags to quotes, blended with the rules' quotes: each
//! content passage the filter keeps takes the cue and source nearest to it;
//! where the rules drafted the passage too, they name its speaker and cue
//! ([`find`] says how the spans are chosen); elsewhere the source is resolved
//! to a speaker through the registry (names, descriptions, pronouns), falling
//! back on the most recent speaker.

use std::ops::Range;

use super::lexicon as lx;
use super::model::features::Seq;
use super::model::filter::{self, Filter, Passage};
use super::model::{B_CONTENT, B_CUE, B_SOURCE, Model, O, role};
use super::quotes::Found;
use super::speakers::{Np, Registry, before_parenthesis, chunk_before, interpret};
use crate::story::QuoteKind;
use crate::text::{Tok, is_double_quote};

/// A run of tokens with one role: tokens `toks` of the paragraph.
#[derive(Debug, Clone)]
struct Part {
    role: u8,
    toks: Range<usize>,
}

fn parts(tags: &[u8]) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        if t == O {
            continue;
        }
        match out.last_mut() {
            Some(p) if t % 2 == 0 && p.role == role(t) && p.toks.end == i => p.toks.end = i + 1,
            _ => out.push(Part {
                role: role(t),
                toks: i..i + 1,
            }),
        }
    }
    out
}

/// The most tokens between two pieces of one content the tagger broke.
const MAX_GAP: usize = 6;
const SOURCE: u8 = role(B_SOURCE);
const CUE: u8 = role(B_CUE);
const CONTENT: u8 = role(B_CONTENT);

/// Parts cut where a sentence ends: a content runs on past its sentence
/// only when the tagger errs (a quotation of several sentences is one
/// sentence here, as sentences are never split inside quotation marks).
fn by_sentence(ps: Vec<Part>, seq: &Seq) -> Vec<Part> {
    let mut out = Vec::with_capacity(ps.len());
    for p in ps {
        let mut start = p.toks.start;
        for i in p.toks.start + 1..p.toks.end {
            if seq.sent[i] != seq.sent[i - 1] {
                out.push(Part {
                    role: p.role,
                    toks: start..i,
                });
                start = i;
            }
        }
        out.push(Part {
            role: p.role,
            toks: start..p.toks.end,
        });
    }
    out
}

/// One attribution read off a paragraph: content pieces, cue and source parts.
struct Reading {
    content: Vec<Range<usize>>,
    cue: Option<Range<usize>>,
    source: Option<Range<usize>>,
}

/// Groups a paragraph's parts into attributions. Contents separated only by
/// one cue, one source and punctuation are one content; each content takes
/// the nearest cue with no other content between, and the source nearest
/// that cue (or the content).
fn readings(seq: &Seq, tags: &[u8], text: &str) -> Vec<Reading> {
    let ps = by_sentence(parts(tags), seq);
    let punct_only = |r: Range<usize>| (r.start..r.end).all(|i| tags[i] != O || !seq.toks[i].word);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (k, p) in ps.iter().enumerate() {
        if p.role != CONTENT {
            continue;
        }
        if let Some(g) = groups.last_mut() {
            let prev = *g.last().unwrap();
            let between = &ps[prev + 1..k];
            let cues = between.iter().filter(|b| b.role == CUE).count();
            let sources = between.iter().filter(|b| b.role == SOURCE).count();
            let quoted = starts_quoted(seq, p, text)
                || (starts_quoted(seq, &ps[prev], text) && ends_quoted(seq, &ps[prev], text));
            let split =
                cues <= 1 && sources <= 1 && quoted && punct_only(ps[prev].toks.end..p.toks.start);
            // Pieces of one sentence with no cue between them are one content
            // the tagger broke (`that Americans [living in ...] Hillary Clinton`).
            let gap = p.toks.start - ps[prev].toks.end;
            let broken = cues == 0
                && sources == 0
                && gap <= MAX_GAP
                && seq.sent[ps[prev].toks.end - 1] == seq.sent[p.toks.start];
            if split || broken {
                g.push(k);
                continue;
            }
        }
        groups.push(vec![k]);
    }
    groups
        .into_iter()
        // A content of marks and punctuation alone (a quotation's closing
        // mark cut off at a sentence end) says nothing.
        .filter(|g| {
            g.iter()
                .any(|&k| seq.toks[ps[k].toks.clone()].iter().any(|t| t.word))
        })
        .map(|g| {
            let (first, last) = (g[0], *g.last().unwrap());
            let cue = nearest(&ps, first, last, CUE);
            let source = match cue {
                Some(c) => nearest(&ps, c, c, SOURCE).or_else(|| nearest(&ps, first, last, SOURCE)),
                None => nearest(&ps, first, last, SOURCE),
            };
            Reading {
                content: g.iter().map(|&k| ps[k].toks.clone()).collect(),
                cue: cue.map(|c| ps[c].toks.clone()),
                source: source.map(|s| ps[s].toks.clone()),
            }
        })
        .collect()
}

/// The part of `role` (a cue or source) nearest to parts `lo..=hi` with no
/// content part between.
fn nearest(ps: &[Part], lo: usize, hi: usize, role: u8) -> Option<usize> {
    let before = (0..lo)
        .rev()
        .take_while(|&k| ps[k].role != CONTENT)
        .find(|&k| ps[k].role == role);
    let after = (hi + 1..ps.len())
        .take_while(|&k| ps[k].role != CONTENT)
        .find(|&k| ps[k].role == role);
    match (before, after) {
        (Some(b), Some(a)) => {
            let db = ps[lo].toks.start - ps[b].toks.end;
            let da = ps[a].toks.start - ps[hi].toks.end;
            Some(if da < db { a } else { b })
        }
        (b, a) => b.or(a),
    }
}

/// The bytes of tokens `toks` of the paragraph.
fn byte_span(seq: &Seq, toks: &Range<usize>) -> Range<usize> {
    seq.toks[toks.start].start..seq.toks[toks.end - 1].end
}

fn is_mark(t: Tok, text: &str) -> bool {
    !t.word && t.text(text).chars().next().is_some_and(is_double_quote)
}

fn starts_quoted(seq: &Seq, p: &Part, text: &str) -> bool {
    is_mark(seq.toks[p.toks.start], text)
}

fn ends_quoted(seq: &Seq, p: &Part, text: &str) -> bool {
    seq.toks[p.toks.clone()]
        .iter()
        .rev()
        .take(3)
        .any(|&t| is_mark(t, text))
}

/// Direct when every content piece is a quotation from mark to mark, mixed
/// when some quotation marks are inside, indirect otherwise.
fn kind(seq: &Seq, pieces: &[Range<usize>], text: &str) -> QuoteKind {
    let marks = |r: &Range<usize>| {
        seq.toks[r.clone()]
            .iter()
            .filter(|&&t| is_mark(t, text))
            .count()
    };
    let whole = |r: &Range<usize>| {
        let toks = &seq.toks[r.clone()];
        let first = toks.first().is_some_and(|&t| is_mark(t, text));
        let last_word = toks.iter().rposition(|t| t.word);
        let close = toks.iter().rposition(|&t| is_mark(t, text));
        first && close.is_some_and(|c| last_word.is_none_or(|w| c > w)) && marks(r) == 2
    };
    if pieces.iter().all(whole) {
        QuoteKind::Direct
    } else if pieces.iter().any(|r| marks(r) > 0) {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// A content passage the tagger found, with what the filter weighs.
pub struct Candidate {
    /// Bytes of the text, from the first piece's start to the last's end.
    pub range: Range<usize>,
    pub kind: QuoteKind,
    reading: Reading,
    pub feats: Vec<u32>,
}

/// The passages of paragraph `par` (`seq`, tagged `tags` with `margins`);
/// `rules` are the article's rule-drafted quotes (byte ranges and kinds,
/// sorted), whose kind over a passage the filter weighs.
pub fn candidates(
    text: &str,
    par: usize,
    seq: &Seq,
    (tags, margins): (&[u8], &[f32]),
    rules: &[(Range<usize>, QuoteKind)],
) -> Vec<Candidate> {
    readings(seq, tags, text)
        .into_iter()
        .map(|r| {
            let range =
                byte_span(seq, &r.content[0]).start..byte_span(seq, r.content.last().unwrap()).end;
            let kind = kind(seq, &r.content, text);
            let inside: Vec<f32> = r
                .content
                .iter()
                .flat_map(|t| margins[t.clone()].iter().copied())
                .collect();
            let mean = inside.iter().sum::<f32>() / inside.len().max(1) as f32;
            let least = inside.iter().copied().fold(f32::INFINITY, f32::min);
            let feats = filter::features(&Passage {
                confidence: (mean, least),
                seq,
                text,
                content: &r.content,
                cue: r.cue.clone(),
                source: r.source.clone(),
                kind,
                rule: rules
                    .iter()
                    .find(|(r, _)| overlaps(r, &range))
                    .map(|(_, k)| *k),
                par,
            });
            Candidate {
                range,
                kind,
                reading: r,
                feats,
            }
        })
        .collect()
}

/// What the tagger finds in one article's paragraphs and the filter keeps,
/// blended with `rules`, the rule-drafted quotes of the article (`marks`:
/// their ranges and kinds, sorted), attributed.
pub fn find(
    text: &str,
    article: usize,
    seqs: &[Seq],
    (model, filter): (&Model, &Filter),
    (rules, marks): (&[Found], &[(Range<usize>, QuoteKind)]),
    reg: &mut Registry,
) -> Vec<Found> {
    let mut out = Vec::new();
    // Who was talked about, most recent last.
    let mut salient: Vec<usize> = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    for (pi, seq) in seqs.iter().enumerate() {
        let (tags, margins) = model.tag_scored(seq);
        let mut last_in_par: Option<usize> = None;
        for c in candidates(text, pi, seq, (&tags, &margins), marks) {
            let score = filter.score(&c.feats);
            if c.kind != QuoteKind::Direct && score <= 0.0 {
                continue;
            }
            // Where the rules drafted the passage too, they name the speaker
            // and the cue (they tie cues to speakers closely); the tagger's span
            // stands where it differs much from theirs, unless it joins several
            // rule quotes (`"A," she said. "B"` stays two quotes, as the rules
            // and the story files have them).
            let ruled: Vec<usize> = (0..rules.len())
                .filter(|&k| overlaps(&rules[k].range, &c.range))
                .collect();
            if !ruled.is_empty() {
                let several = ruled.len() > 1;
                // Each rule quote makes one drafted quote at most.
                for k in ruled {
                    if !used.insert(k) {
                        continue;
                    }
                    let f = &rules[k];
                    last_in_par = Some(f.speaker);
                    let rules_span = several || roughly_same(&f.range, &c.range);
                    let range = if rules_span {
                        f.range.clone()
                    } else {
                        c.range.clone()
                    };
                    if !out.iter().any(|o: &Found| overlaps(&o.range, &range)) {
                        let kind = if rules_span { f.kind } else { c.kind };
                        out.push(Found {
                            range,
                            kind,
                            ..f.clone()
                        });
                    }
                }
                continue;
            }
            // Alone, the tagger drafts quotations, and reported speech where it
            // found who and the cue (a verb of saying, or a passage the filter
            // is sure of).
            let quoted = c.kind != QuoteKind::Indirect;
            let sure = says(seq, &c.reading, text) || score > ALONE_MARGIN;
            if !quoted && (c.reading.source.is_none() || c.reading.cue.is_none() || !sure) {
                continue;
            }
            let r = &c.reading;
            let speaker = r
                .source
                .as_ref()
                .map(|s| antecedent(seq, s.clone(), text))
                .and_then(|s| source_speaker(&seq.toks[s], text, reg, &salient))
                .or(last_in_par)
                .or_else(|| salient.last().copied());
            let Some(speaker) = speaker else { continue };
            last_in_par = Some(speaker);
            salient.retain(|&e| e != speaker);
            salient.push(speaker);
            out.push(Found {
                article,
                range: c.range,
                kind: c.kind,
                cue: r.cue.as_ref().map(|c| text[byte_span(seq, c)].to_string()),
                speaker,
            });
        }
    }
    // Rule-drafted quotes the tagger passed over.
    for f in rules {
        if !out.iter().any(|o| overlaps(&o.range, &f.range)) {
            out.push(f.clone());
        }
    }
    out.sort_by_key(|f| (f.range.start, f.range.end));
    out
}

/// The filter score above which the tagger alone drafts an indirect quote
/// whose cue is no verb of saying (`was skeptical of`, `declined`): chosen on
/// PolNeAR's dev split (0, 2, 4, 5, 6, 8 tried; 6 keeps precision and recall even).
const ALONE_MARGIN: f32 = 6.0;

/// Is the reading's cue a verb of saying (`said`, `declined to say`,
/// `according to`)?
fn says(seq: &Seq, r: &Reading, text: &str) -> bool {
    r.cue.as_ref().is_some_and(|c| {
        seq.toks[c.clone()].iter().any(|t| {
            let w = t.text(text).to_lowercase();
            t.word
                && (lx::is_saying(&w)
                    || lx::is_tell_verb(&w)
                    || matches!(w.as_str(), "say" | "according"))
        })
    })
}

/// Do two spans mostly cover the same text (half their union or more)? Then
/// they differ only in conventions (`that`, a full stop) and the rules' span,
/// the story files' convention, stands.
fn roughly_same(a: &Range<usize>, b: &Range<usize>) -> bool {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    2 * inter >= union
}

pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The most words a source may have to name a body or someone unnamed
/// (`the Roper Center for Public Opinion Research`); longer ones are clauses
/// the tagger took for a source.
const MAX_UNNAMED_WORDS: usize = 8;

/// The words a source stands for: a relative clause the tagger took for a
/// source (`Stumpf, [who was under] questioning`) stands for the name before
/// it, in its sentence; any other source for itself.
fn antecedent(seq: &Seq, src: Range<usize>, text: &str) -> Range<usize> {
    let relative =
        src.len() > 1 && matches!(seq.toks[src.start].text(text), "who" | "which" | "that");
    if !relative {
        return src;
    }
    let sent = seq.sent[src.start];
    let lo = seq.sent.partition_point(|&s| s < sent);
    let mut end = src.start;
    let is = |k: usize, w: &str| k >= lo && seq.toks[k].text(text) == w;
    if end > lo && is(end - 1, ",") {
        end -= 1;
        // `Woodrow Benford, 58, who`: past the age.
        let age = |k: usize| seq.toks[k].text(text).chars().all(|c| c.is_ascii_digit());
        if end >= lo + 2 && age(end - 1) && is(end - 2, ",") {
            end -= 2;
        }
    }
    match chunk_before(&seq.toks, lo, end, text) {
        Some(s) if s < end && interpret(&seq.toks[s..end], text).is_some() => s..end,
        _ => src,
    }
}

/// The speaker a source's words name.
fn source_speaker(
    toks: &[Tok],
    text: &str,
    reg: &mut Registry,
    salient: &[usize],
) -> Option<usize> {
    // `Marcia Price (D-Newport News)`: the parenthesis is an aside.
    let toks = before_parenthesis(toks, text);
    // `Alan Cole, an economist at the Tax Foundation,`: the name before the
    // apposition names the speaker.
    let toks = match toks.iter().position(|t| t.text(text) == ",") {
        Some(k) if k > 0 && matches!(interpret(&toks[..k], text), Some(Np::Person { .. })) => {
            &toks[..k]
        }
        _ => toks,
    };
    let toks = match toks.iter().rposition(|t| t.word) {
        Some(k) => &toks[..=k],
        None => return None,
    };
    let (first, last) = (toks.first()?, toks.last()?);
    let words = &text[first.start..last.end];
    // A relative pronoun, a possessive or a stray lowercase word names no one
    // by itself: the caller falls back on the rules and on who spoke last.
    if let [one] = toks {
        let w = one.text(text).to_lowercase();
        let known = lx::is_group(&w) || lx::is_org(&w) || lx::is_title(&w);
        if !one.text(text).starts_with(char::is_uppercase)
            && !known
            && !matches!(w.as_str(), "he" | "she" | "they" | "it")
        {
            return None;
        }
        if matches!(
            w.as_str(),
            "their"
                | "its"
                | "his"
                | "her"
                | "you"
                | "we"
                | "i"
                | "who"
                | "which"
                | "that"
                | "a"
                | "an"
                | "the"
        ) {
            return None;
        }
    }
    let source_words: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| t.text(text))
        .collect();
    // `HE'S BEEN CALLED OUT BY FELLOW DOCTORS`: a heading, no one.
    let caps = |w: &&str| !w.chars().any(char::is_lowercase);
    if source_words.len() > 1 && source_words.iter().all(caps) {
        return None;
    }
    // A source no rule reads as a name becomes a speaker named by its words
    // (`a senior aide`, `polls`), if it is short enough to be a name at all.
    let short = source_words.len() <= MAX_UNNAMED_WORDS;
    match interpret(toks, text) {
        Some(np @ (Np::Pronoun(_) | Np::It | Np::They)) => reg.resolve(&np, salient),
        Some(Np::Body(_) | Np::Descriptive(_)) if !short => None,
        Some(np) => reg
            .resolve(&np, salient)
            .or_else(|| short.then(|| reg.unnamed(words))),
        None if short && words.chars().any(char::is_alphabetic) => Some(reg.unnamed(words)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::model::features::{Cues, sequences};
    use crate::text::Doc;

    /// The words `antecedent` gives for the source `words` of `text`.
    fn stands_for(text: &str, words: &str) -> String {
        let seqs = sequences(text, &Doc::new(text), &[], Cues::bundled());
        let seq = &seqs[0];
        let at = text.find(words).unwrap();
        let a = seq.toks.iter().position(|t| t.start == at).unwrap();
        let b = seq
            .toks
            .iter()
            .rposition(|t| t.end <= at + words.len())
            .unwrap()
            + 1;
        let r = antecedent(seq, a..b, text);
        text[byte_span(seq, &r)].to_string()
    }

    #[test]
    fn a_relative_clause_stands_for_the_name_before_it() {
        let text = "The senator pressed John Stumpf, who was under questioning, to admit it.";
        assert_eq!(stands_for(text, "who was under"), "John Stumpf");
        let text = "The report by the Tax Foundation, which was released Monday, found gains.";
        assert_eq!(stands_for(text, "which was released"), "the Tax Foundation");
        // Anything else stands for itself.
        assert_eq!(stands_for(text, "The report by"), "The report by");
        // Past an age between commas.
        let text = "Voters like Woodrow Benford, 58, who lives outside Minneapolis, agree.";
        assert_eq!(stands_for(text, "who lives outside"), "Woodrow Benford");
        // Nothing to stand for at the sentence's start.
        let text = "Who was under questioning? Nobody said.";
        assert_eq!(stands_for(text, "Who was under"), "Who was under");
    }
}
