//! Quotes: direct quotations, mixed quotes (reported speech carrying quoted
//! fragments) and indirect quotes, each attributed to a speaker.
//!
//! Direct: a quotation that starts a sentence, follows a colon, or follows a
//! comma or speech verb and starts with a capital; other quotations are
//! fragments of the sentence around them. A direct quote takes the cue next to it
//! (`"...," Mr Little said.`, `he said: "..."`), else the cue of the paragraph
//! before if it ends in a colon, else the speaker of the paragraph's previous
//! quote, of the quotation it continues, or of the most recent speaker or subject.
//! Indirect: `X said (that) ...`, `X told NZPA ...`, `..., X said.`,
//! `according to X`, `..., saying ...`, and the paragraphs under a `... statement:`
//! line. A clause carrying a fragment is mixed. Spans follow the gold file's
//! convention: direct quotes with their marks, reported clauses without the cue
//! or the final full stop.

use std::ops::Range;

use super::lexicon as lx;
use super::speakers::{Np, Registry, chunk_after, chunk_before, interpret, pronoun};
use super::text::{Doc, Par, QSpan, Sent, Tok};
use crate::story::QuoteKind;

/// A drafted quote; `speaker` indexes the registry.
#[derive(Debug, Clone)]
pub struct Found {
    pub article: usize,
    pub range: Range<usize>,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub speaker: usize,
}

/// The speaker of a quote not attributed yet.
const UNKNOWN: usize = usize::MAX;

/// Who is talked about, most recent last: what `he` and cue-less quotes resolve to.
struct Salient(Vec<usize>);

impl Salient {
    fn push(&mut self, e: usize) {
        self.0.retain(|&x| x != e);
        self.0.push(e);
        if self.0.len() > 8 {
            self.0.remove(0);
        }
    }
}

struct Ctx<'a> {
    text: &'a str,
    article: usize,
    reg: &'a mut Registry,
    salient: Salient,
    out: Vec<Found>,
}

fn low(t: Tok, text: &str) -> String {
    t.text(text).to_lowercase()
}

fn is_verb(t: Tok, text: &str) -> bool {
    t.word && lx::is_speech_verb(&low(t, text))
}

/// Finds and attributes every quote of every article.
pub fn find(texts: &[&str], docs: &[Doc], reg: &mut Registry) -> Vec<Found> {
    let mut all = Vec::new();
    for (article, (text, doc)) in texts.iter().zip(docs).enumerate() {
        let mut cx = Ctx {
            text,
            article,
            reg,
            salient: Salient(Vec::new()),
            out: Vec::new(),
        };
        cx.article_quotes(doc);
        cx.out.retain(|f| f.speaker != UNKNOWN);
        all.append(&mut cx.out);
    }
    all
}

impl Ctx<'_> {
    fn article_quotes(&mut self, doc: &Doc) {
        let text = self.text;
        let mut colon: Option<(usize, String)> = None;
        // A statement quoted paragraph by paragraph: its issuer, the heading, and
        // how many paragraphs it has had. A headline after them, or a paragraph
        // with quotation marks, ends it.
        let mut statement: Option<(usize, String, usize)> = None;
        // A quotation running on into the next paragraph: its speaker (if known
        // yet) and the quotes of the run without a cue of their own.
        let mut chain: Option<(Option<usize>, Vec<usize>)> = None;
        for par in &doc.pars {
            let ptext = &text[par.range.clone()];
            if par.headline {
                if statement.as_ref().is_some_and(|s| s.2 > 0) {
                    statement = None;
                }
                continue;
            }
            if !par.spans.is_empty() {
                statement = None;
            }
            if let Some((speaker, cue, n)) = &mut statement {
                *n += 1;
                let (speaker, cue) = (*speaker, cue.clone());
                self.emit(par.range.clone(), QuoteKind::Indirect, Some(cue), speaker);
                continue;
            }
            if ptext.ends_with(':')
                && par.spans.is_empty()
                && ptext.to_lowercase().contains("statement")
            {
                statement = self
                    .statement_speaker(par)
                    .map(|s| (s, ptext.trim_end_matches(':').to_string(), 0));
                if statement.is_some() {
                    continue;
                }
            }
            let direct: Vec<QSpan> = par
                .spans
                .iter()
                .copied()
                .filter(|q| is_direct(text, par, *q))
                .collect();
            let mut last_in_par: Option<usize> = None;
            let mut first_quote = true;
            let unattributed_from = self.out.len();
            for sent in &par.sents {
                self.subject(sent);
                for q in direct.iter().filter(|q| sent.range.contains(&q.start)) {
                    let cue = self.cue_next_to(sent, *q, &direct);
                    let fallback = if first_quote { colon.take() } else { None };
                    let continues =
                        first_quote && chain.is_some() && par_starts_with_quote(text, par);
                    let (speaker, cue) = match (cue, fallback) {
                        (Some((s, c)), _) => (Some(s), Some(c)),
                        (None, Some((s, c))) => (Some(s), Some(c)),
                        (None, None) => (
                            last_in_par
                                .or_else(|| continues.then(|| chain.as_ref().unwrap().0).flatten())
                                .or_else(|| self.salient.0.last().copied()),
                            None,
                        ),
                    };
                    first_quote = false;
                    // A cue found later in a run-on quotation names its earlier paragraphs too.
                    if continues && let Some(s) = speaker.filter(|_| cue.is_some()) {
                        for &i in &chain.as_ref().unwrap().1 {
                            self.out[i].speaker = s;
                        }
                    }
                    let idx = self.emit(
                        q.start..q.end,
                        QuoteKind::Direct,
                        cue.clone(),
                        speaker.unwrap_or(UNKNOWN),
                    );
                    if let Some(s) = speaker {
                        last_in_par = Some(s);
                        self.salient.push(s);
                    }
                    if !q.closed {
                        let mut members = if continues {
                            chain.take().unwrap().1
                        } else {
                            Vec::new()
                        };
                        if cue.is_none() {
                            members.push(idx);
                        }
                        chain = Some((speaker, members));
                    } else if continues {
                        chain = None;
                    }
                }
                if let Some(s) = self.indirect(sent, par, &direct) {
                    last_in_par = Some(s);
                }
            }
            if par.spans.last().is_none_or(|q| q.closed) {
                chain = None;
            }
            // Quotes still without a speaker take the paragraph's later cue.
            if let Some(s) = last_in_par {
                for f in &mut self.out[unattributed_from..] {
                    if f.speaker == UNKNOWN {
                        f.speaker = s;
                    }
                }
            }
            colon = None;
            if ptext.ends_with(':')
                && let Some(sent) = par.sents.last()
            {
                colon = self.cue_at_end(sent);
            }
        }
    }

    fn emit(
        &mut self,
        range: Range<usize>,
        kind: QuoteKind,
        cue: Option<String>,
        speaker: usize,
    ) -> usize {
        self.out.push(Found {
            article: self.article,
            range,
            kind,
            cue,
            speaker,
        });
        self.out.len() - 1
    }

    /// The body a `... statement:` line names, or the current subject.
    fn statement_speaker(&mut self, par: &Par) -> Option<usize> {
        let toks = &par.sents.first()?.toks;
        let text = self.text;
        let e = chunk_after(toks, 0, text);
        match e.and_then(|e| interpret(&toks[..e], text)) {
            Some(np) if !matches!(np, Np::Pronoun(_)) => self.reg.resolve(&np, &self.salient.0),
            _ => self.salient.0.last().copied(),
        }
    }

    /// The sentence's subject, when it names a person: it becomes salient.
    fn subject(&mut self, sent: &Sent) -> Option<usize> {
        let text = self.text;
        let toks = &sent.toks;
        let mut i = 0;
        while i < toks.len()
            && (toks[i].text(text) == ","
                || (toks[i].word
                    && (lx::is_adverbial(&low(toks[i], text))
                        || matches!(
                            low(toks[i], text).as_str(),
                            "however" | "but" | "and" | "meanwhile"
                        ))))
        {
            i += 1;
        }
        let np = match toks.get(i) {
            Some(&t) if pronoun(t, text).is_some() => Np::Pronoun(pronoun(t, text).unwrap()),
            _ => {
                let e = chunk_after(toks, i, text)?;
                if toks[e - 1].text(text).ends_with("'s") {
                    return None;
                }
                interpret(&toks[i..e], text)?
            }
        };
        if !matches!(np, Np::Person { .. } | Np::Pronoun(_)) {
            return None;
        }
        let id = self.reg.resolve(&np, &self.salient.0)?;
        self.salient.push(id);
        Some(id)
    }

    /// The subject right before token `v` (a verb), skipping adverbials between.
    fn subject_before(&mut self, toks: &[Tok], lo: usize, v: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let mut e = v;
        while e > lo
            && toks[e - 1].word
            && lx::is_adverbial(&low(toks[e - 1], text))
            && !crate::annotate::text::capitalised(toks[e - 1].text(text))
        {
            e -= 1;
        }
        if e == lo {
            return None;
        }
        if let Some(g) = pronoun(toks[e - 1], text) {
            let id = self.reg.resolve(&Np::Pronoun(g), &self.salient.0)?;
            return Some((e - 1, id));
        }
        if low(toks[e - 1], text) == "and" {
            return None;
        }
        let s = chunk_before(toks, lo, e, text)?;
        if toks[e - 1].text(text).ends_with("'s") {
            return None;
        }
        let np = interpret(&toks[s..e], text)?;
        let id = self.reg.resolve(&np, &self.salient.0)?;
        Some((s, id))
    }

    /// The listener after a tell-verb and an optional `that`: where the clause starts.
    fn skip_object(&self, toks: &[Tok], mut j: usize, end: usize) -> usize {
        let text = self.text;
        if let Some(k) = (j..end.min(j + 12))
            .take_while(|&k| toks[k].word)
            .find(|&k| low(toks[k], text) == "that")
        {
            return k + 1;
        }
        if let Some(e) = chunk_after(&toks[..end], j, text) {
            j = e;
        } else if j < end
            && matches!(
                low(toks[j], text).as_str(),
                "him" | "her" | "them" | "me" | "us" | "reporters" | "journalists" | "media"
            )
        {
            j += 1;
        }
        loop {
            if j + 1 < end
                && matches!(low(toks[j], text).as_str(), "on" | "to" | "in")
                && let Some(e) = chunk_after(&toks[..end], j + 1, text)
            {
                j = e;
            } else if j < end && toks[j].word && lx::is_adverbial(&low(toks[j], text)) {
                j += 1;
            } else {
                return j;
            }
        }
    }

    /// `said in a statement that ...`: a prepositional phrase, then `that`.
    fn skip_circumstance(&self, toks: &[Tok], j: usize, end: usize) -> usize {
        let text = self.text;
        let prep = toks.get(j).is_some_and(|&t| {
            matches!(
                low(t, text).as_str(),
                "in" | "on" | "at" | "during" | "after" | "via" | "through" | "from" | "to"
            )
        });
        if !prep {
            return j;
        }
        (j + 1..end.min(j + 8))
            .take_while(|&k| toks[k].word)
            .find(|&k| low(toks[k], text) == "that")
            .map_or(j, |k| k + 1)
    }

    /// `"...," Mr Little said` / `said Mr Little` after a quotation, or
    /// `Mr Little said: "..."` before it, within the sentence.
    fn cue_next_to(&mut self, sent: &Sent, q: QSpan, direct: &[QSpan]) -> Option<(usize, String)> {
        let text = self.text;
        let toks = &sent.toks;
        let next_q = direct
            .iter()
            .map(|d| d.start)
            .filter(|&s| s >= q.end)
            .min()
            .unwrap_or(usize::MAX);
        let after: Vec<usize> = (0..toks.len())
            .filter(|&k| toks[k].start >= q.end && toks[k].start < next_q)
            .collect();
        if let Some(&k0) = after.first() {
            let k = if toks[k0].text(text) == "," {
                k0 + 1
            } else {
                k0
            };
            let end = after.last().unwrap() + 1;
            if k < end {
                // NP (adverbials) verb
                let np_end = if pronoun(toks[k], text).is_some() {
                    Some(k + 1)
                } else {
                    chunk_after(&toks[..end], k, text)
                };
                if let Some(e) = np_end {
                    let mut v = e;
                    while v < end && toks[v].word && lx::is_adverbial(&low(toks[v], text)) {
                        v += 1;
                    }
                    if v < end
                        && is_verb(toks[v], text)
                        && let Some((s, id)) = self.subject_before(toks, k, v)
                    {
                        let ce = self.cue_end(toks, v, end);
                        return Some((id, text[toks[s].start..toks[ce].end].to_string()));
                    }
                }
                // verb NP
                if is_verb(toks[k], text)
                    && let Some(e) = chunk_after(&toks[..end], k + 1, text).or_else(|| {
                        (k + 1 < end && pronoun(toks[k + 1], text).is_some()).then_some(k + 2)
                    })
                    && let Some(np) = interpret(&toks[k + 1..e], text)
                    && let Some(id) = self.reg.resolve(&np, &self.salient.0)
                {
                    return Some((id, text[toks[k].start..toks[e - 1].end].to_string()));
                }
            }
        }
        // Before: `... said:` / `... said,` / `... said "`
        let prev_q = direct
            .iter()
            .map(|d| d.end)
            .filter(|&e| e <= q.start)
            .max()
            .unwrap_or(0);
        let before: Vec<usize> = (0..toks.len())
            .filter(|&k| toks[k].end <= q.start && toks[k].start >= prev_q)
            .collect();
        let &last = before.last()?;
        let lo = *before.first()?;
        let lt = toks[last].text(text);
        if !(lt == ":" || lt == "," || is_verb(toks[last], text)) {
            return None;
        }
        let top = if toks[last].word { last + 1 } else { last };
        let v = (lo..top).rev().take(5).find(|&k| is_verb(toks[k], text))?;
        let (s, id) = self.subject_before(toks, lo, v)?;
        let ce = self.cue_end(toks, v, top);
        Some((id, text[toks[s].start..toks[ce].end].to_string()))
    }

    /// The last token of a cue: the verb, or the listener after a tell-verb.
    fn cue_end(&self, toks: &[Tok], v: usize, end: usize) -> usize {
        if !lx::is_tell_verb(&low(toks[v], self.text)) {
            return v;
        }
        let j = self.skip_object(toks, v + 1, end);
        let mut last = j.max(v + 1) - 1;
        while last > v && (!toks[last].word || low(toks[last], self.text) == "that") {
            last -= 1;
        }
        last
    }

    /// `Asked ..., he said:` at the end of a paragraph: the cue for the next one.
    fn cue_at_end(&mut self, sent: &Sent) -> Option<(usize, String)> {
        let toks = &sent.toks;
        let n = toks.len();
        let v = (0..n.saturating_sub(1))
            .rev()
            .take(5)
            .find(|&k| is_verb(toks[k], self.text))?;
        let (s, id) = self.subject_before(toks, 0, v)?;
        let ce = self.cue_end(toks, v, n - 1);
        Some((id, self.text[toks[s].start..toks[ce].end].to_string()))
    }

    /// Indirect and mixed quotes of a sentence; returns the speaker if any.
    fn indirect(&mut self, sent: &Sent, par: &Par, direct: &[QSpan]) -> Option<usize> {
        let text = self.text;
        let toks = &sent.toks;
        let in_span = |k: usize| {
            par.spans
                .iter()
                .any(|q| q.start <= toks[k].start && toks[k].start < q.end)
        };
        let in_direct = |k: usize| {
            direct
                .iter()
                .any(|q| q.start <= toks[k].start && toks[k].start < q.end)
        };
        let has_direct = direct.iter().any(|q| sent.range.contains(&q.start));
        let frag = |r: &Range<usize>| {
            par.spans
                .iter()
                .any(|q| !direct.contains(q) && q.start >= r.start && q.start < r.end)
        };
        let kind = |r: &Range<usize>| {
            if frag(r) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            }
        };
        let n = toks.len();
        // The clause's end: the sentence's end without closing punctuation.
        let clause_end = |from: usize, to: usize| -> Option<Range<usize>> {
            let mut e = to;
            while e > from && !toks[e - 1].word && !in_span(e - 1) {
                e -= 1;
            }
            let words = (from..e).filter(|&k| toks[k].word).count();
            (words >= 3).then(|| toks[from].start..toks[e - 1].end)
        };

        // `..., X said.` / `..., said X.`
        let colon_intro = toks.last().is_some_and(|t| t.text(text) == ":");
        if !has_direct
            && !colon_intro
            && let Some(c) = (0..n)
                .rev()
                .find(|&k| toks[k].text(text) == "," && !in_span(k))
            && let Some((id, cue)) = self.trailing_cue(toks, c + 1, n)
            && let Some(r) = clause_end(0, c + 1)
        {
            let k = kind(&r);
            self.emit(r, k, Some(cue), id);
            self.salient.push(id);
            return Some(id);
        }
        // `according to X`
        if let Some(a) = (0..n.saturating_sub(2)).find(|&k| {
            low(toks[k], text) == "according" && low(toks[k + 1], text) == "to" && !in_span(k)
        }) && let Some(e) = chunk_after(toks, a + 2, text)
            && let Some(np) = interpret(&toks[a + 2..e], text)
        {
            let clause = if a == 0 || (a == 1 && !toks[0].word) {
                (e < n && toks[e].text(text) == ",")
                    .then(|| clause_end(e + 1, n))
                    .flatten()
            } else if a > 0 && toks[a - 1].text(text) == "," {
                clause_end(0, a)
            } else {
                None
            };
            if let Some(r) = clause
                && let Some(id) = self.reg.resolve(&np, &self.salient.0)
            {
                let cue = text[toks[a].start..toks[e - 1].end].to_string();
                let k = kind(&r);
                self.emit(r, k, Some(cue), id);
                self.salient.push(id);
                return Some(id);
            }
        }
        // `X said (that) ...`, `X told NZPA ...`
        for v in 0..n {
            if !is_verb(toks[v], text) || in_span(v) {
                continue;
            }
            let verb = low(toks[v], text);
            let passive = v > 0
                && matches!(
                    low(toks[v - 1], text).as_str(),
                    "was" | "were" | "been" | "be" | "being" | "is" | "are"
                );
            if passive {
                continue;
            }
            let subj = if v > 0 && low(toks[v - 1], text) == "and" {
                self.salient.0.last().copied().map(|id| (v, id))
            } else {
                self.subject_before(toks, 0, v)
            };
            let Some((s, id)) = subj else { continue };
            let mut j = if lx::is_tell_verb(&verb) {
                self.skip_object(toks, v + 1, n)
            } else {
                self.skip_circumstance(toks, v + 1, n)
            };
            if lx::is_strict_verb(&verb) {
                let ok = toks.get(j).is_some_and(|&t| {
                    matches!(
                        low(t, text).as_str(),
                        "that" | "he" | "she" | "they" | "it" | "we" | "i"
                    )
                });
                if !ok {
                    continue;
                }
            }
            while j < n && toks[j].word && (low(toks[j], text) == "that" || is_verb(toks[j], text))
            {
                j = if lx::is_tell_verb(&low(toks[j], text)) {
                    self.skip_object(toks, j + 1, n)
                } else {
                    j + 1
                };
            }
            if j >= n || !toks[j].word && !in_span(j) || in_direct(j) {
                continue;
            }
            let stop = (j..n)
                .find(|&k| {
                    in_direct(k)
                        || (toks[k].text(text) == ","
                            && k + 1 < n
                            && lx::is_participle(&low(toks[k + 1], text)))
                })
                .unwrap_or(n);
            let cue = text[toks[s].start..toks[self.cue_end(toks, v, n)].end].to_string();
            if let Some(r) = clause_end(j, stop) {
                let k = kind(&r);
                self.emit(r, k, Some(cue), id);
            }
            if stop < n && toks[stop].text(text) == "," {
                let mut p = stop + 2;
                while p < n && low(toks[p], text) == "that" {
                    p += 1;
                }
                if let Some(r) = clause_end(p, n) {
                    let k = kind(&r);
                    self.emit(r, k, Some(low(toks[stop + 1], text)), id);
                }
            }
            self.salient.push(id);
            return Some(id);
        }
        // A sentence carrying a fragment, about its subject: `He was sorry ... "but ..."`.
        if !has_direct && frag(&sent.range) {
            let id = self.subject(sent)?;
            let r = clause_end(0, n)?;
            self.emit(r, QuoteKind::Mixed, None, id);
            return Some(id);
        }
        None
    }

    /// `X said` / `said X` / `X told NZPA` as the whole of `toks[from..to]`
    /// (closing punctuation aside).
    fn trailing_cue(&mut self, toks: &[Tok], from: usize, to: usize) -> Option<(usize, String)> {
        let text = self.text;
        let mut end = to;
        while end > from && !toks[end - 1].word {
            end -= 1;
        }
        if end <= from || end - from > 10 {
            return None;
        }
        let v = (from..end).find(|&k| is_verb(toks[k], text))?;
        if v == from {
            let e = chunk_after(&toks[..end], v + 1, text).or_else(|| {
                (v + 2 == end && pronoun(toks[v + 1], text).is_some()).then_some(end)
            })?;
            if e != end {
                return None;
            }
            let np = interpret(&toks[v + 1..e], text)?;
            let id = self.reg.resolve(&np, &self.salient.0)?;
            return Some((id, text[toks[from].start..toks[end - 1].end].to_string()));
        }
        let (s, id) = self.subject_before(toks, from, v)?;
        if s != from {
            return None;
        }
        let ce = self.cue_end(toks, v, end);
        let rest_ok = (ce + 1..end).all(|k| toks[k].word && lx::is_adverbial(&low(toks[k], text)));
        rest_ok.then(|| (id, text[toks[s].start..toks[ce].end].to_string()))
    }
}

/// Does the paragraph open with a quotation mark?
fn par_starts_with_quote(text: &str, par: &Par) -> bool {
    par.spans
        .first()
        .is_some_and(|q| q.start == par.range.start)
        && !text[par.range.clone()].is_empty()
}

/// A quotation that is someone's own words, not a fragment of a sentence.
fn is_direct(text: &str, par: &Par, q: QSpan) -> bool {
    if !q.closed {
        return true;
    }
    let sent_start = par
        .sents
        .iter()
        .find(|s| s.range.contains(&q.start))
        .map_or(par.range.start, |s| s.range.start);
    let before = text[sent_start..q.start].trim_end();
    let body = &text[q.start..q.end];
    let inner: &str = {
        let mut cs = body.chars();
        cs.next();
        cs.next_back();
        cs.as_str()
    };
    let words = inner.split_whitespace().count();
    let ends_punct = inner.trim_end().ends_with(['.', ',', '!', '?']);
    let capital = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if before.is_empty() {
        return words >= 4 || ends_punct;
    }
    if before.ends_with(':') {
        return true;
    }
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    (before.ends_with(',') || lx::is_speech_verb(&last_word)) && capital && words >= 3
}
