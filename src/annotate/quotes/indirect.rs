//! Indirect and mixed quotes: `X said (that) ...`, `X told NZPA ...`,
//! `..., X said.`, `according to X`, `..., saying ...`, and sentences carrying
//! a quoted fragment about their subject.

use std::ops::Range;

use super::{Ctx, is_verb, low};
use crate::annotate::lexicon as lx;
use crate::annotate::speakers::{Np, chunk_after, chunk_before, interpret, pronoun_np};
use crate::text::{QSpan, Sent, Tok, capitalised, strip_possessive};

/// The longest cue after a clause, in tokens (`..., said Sgt. Maria Delgado,
/// a spokeswoman for the Colorado State Patrol.`).
const MAX_CUE: usize = 30;

fn is_conjunction(w: &str) -> bool {
    matches!(
        w,
        "but" | "and" | "although" | "though" | "while" | "whereas"
    )
}
use crate::story::QuoteKind;

/// One sentence as the indirect rules see it: its tokens, the quotations
/// near it and which of them are direct quotes.
struct Clause<'s> {
    sent: &'s Sent,
    spans: &'s [QSpan],
    direct: &'s [QSpan],
}

impl Clause<'_> {
    fn toks(&self) -> &[Tok] {
        &self.sent.toks
    }

    /// Is token `k` inside a quotation (any, or a direct quote)?
    fn in_span(&self, k: usize) -> bool {
        let at = self.sent.toks[k].start;
        self.spans.iter().any(|q| q.start <= at && at < q.end)
    }

    fn in_direct(&self, k: usize) -> bool {
        let at = self.sent.toks[k].start;
        self.direct.iter().any(|q| q.start <= at && at < q.end)
    }

    /// Does a direct quote start in the sentence?
    fn has_direct(&self) -> bool {
        self.direct
            .iter()
            .any(|q| self.sent.range.contains(&q.start))
    }

    /// Does a quoted fragment (a quotation that is no direct quote) start in `r`?
    fn has_fragment(&self, r: &Range<usize>) -> bool {
        self.spans
            .iter()
            .any(|q| !self.direct.contains(q) && q.start >= r.start && q.start < r.end)
    }

    /// Mixed when a quoted fragment is inside, else indirect.
    fn kind(&self, r: &Range<usize>) -> QuoteKind {
        if self.has_fragment(r) {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        }
    }

    /// The clause of tokens `from..to` without closing punctuation, if it
    /// has three words or more.
    fn clause_end(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let toks = self.toks();
        let mut e = to;
        while e > from && !toks[e - 1].word && !self.in_span(e - 1) {
            e -= 1;
        }
        let words = (from..e).filter(|&k| toks[k].word).count();
        (words >= 3).then(|| toks[from].start..toks[e - 1].end)
    }

    /// Commas outside quotations.
    fn commas(&self, text: &str) -> Vec<usize> {
        (0..self.toks().len())
            .filter(|&k| self.toks()[k].text(text) == "," && !self.in_span(k))
            .collect()
    }
}

impl Ctx<'_> {
    /// Indirect and mixed quotes of a sentence; returns the speaker if any.
    /// `spans` and `direct`: the paragraph's quotations and direct quotes near
    /// the sentence (all that overlap it). The rules are tried in turn; the
    /// first that drafts a quote ends the sentence's turn.
    pub(super) fn indirect(
        &mut self,
        sent: &Sent,
        spans: &[QSpan],
        direct: &[QSpan],
    ) -> Option<usize> {
        let c = Clause {
            sent,
            spans,
            direct,
        };
        self.cue_after_clause(&c)
            .or_else(|| self.according_to(&c))
            .or_else(|| self.verb_then_clause(&c))
            .or_else(|| self.participle_after_subject(&c))
            .or_else(|| self.reporting_noun(&c))
            .or_else(|| {
                // `Bush called Trump "unhinged."`
                let frags: Vec<QSpan> = spans
                    .iter()
                    .copied()
                    .filter(|q| !direct.contains(q) && sent.range.contains(&q.start))
                    .collect();
                self.naming(sent, &frags)
            })
            .or_else(|| self.fragment_about_subject(&c))
    }

    /// `..., X said.` / `..., said X, a spokesman for ...` / `..., X said, but ...`
    fn cue_after_clause(&mut self, c: &Clause) -> Option<usize> {
        let text = self.text;
        let toks = c.toks();
        let n = toks.len();
        let colon_intro = toks.last().is_some_and(|t| t.text(text) == ":");
        if c.has_direct() || colon_intro {
            return None;
        }
        let commas = c.commas(text);
        for (ci, &comma) in commas.iter().enumerate().rev() {
            // The cue runs to the sentence's end, or to a comma before `but ...`.
            let ends = std::iter::once(n).chain(
                commas[ci + 1..]
                    .iter()
                    .copied()
                    .filter(|&k| k + 1 < n && is_conjunction(&low(toks[k + 1], text))),
            );
            for to in ends {
                let Some((id, cue)) = self.trailing_cue(toks, comma + 1, to) else {
                    continue;
                };
                let Some(r) = c.clause_end(0, comma + 1) else {
                    continue;
                };
                self.emit(r.clone(), c.kind(&r), Some(cue.clone()), id);
                if to < n
                    && let Some(r) = c.clause_end(to + 1, n)
                {
                    self.emit(r.clone(), c.kind(&r), Some(cue), id);
                }
                self.salient.push(id);
                return Some(id);
            }
        }
        None
    }

    /// `according to X, ...` / `..., according to X.`
    fn according_to(&mut self, c: &Clause) -> Option<usize> {
        let text = self.text;
        let toks = c.toks();
        let n = toks.len();
        let a = (0..n.saturating_sub(2)).find(|&k| {
            low(toks[k], text) == "according" && low(toks[k + 1], text) == "to" && !c.in_span(k)
        })?;
        let e = chunk_after(toks, a + 2, text)?;
        let np = interpret(&toks[a + 2..e], text)?;
        let clause = if a == 0 || (a == 1 && !toks[0].word) {
            (e < n && toks[e].text(text) == ",")
                .then(|| c.clause_end(e + 1, n))
                .flatten()
        } else if a > 0 && toks[a - 1].text(text) == "," {
            c.clause_end(0, a)
        } else {
            None
        };
        let r = clause?;
        let id = self.reg.resolve(&np, &self.salient.0)?;
        let cue = text[toks[a].start..toks[e - 1].end].to_string();
        self.emit(r.clone(), c.kind(&r), Some(cue), id);
        self.salient.push(id);
        Some(id)
    }

    /// `X said (that) ...`, `X told NZPA ...`, and a second cue after a
    /// comma: `X said ..., but she added that ...`.
    fn verb_then_clause(&mut self, c: &Clause) -> Option<usize> {
        let text = self.text;
        let toks = c.toks();
        let n = toks.len();
        let mut found = None;
        let mut next = 0;
        while next < n {
            let v = next;
            next += 1;
            if !is_verb(toks[v], text) || c.in_span(v) {
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
            // `The team thanked council and said ...`: the subject of the first verb.
            let subj = if v > 0 && low(toks[v - 1], text) == "and" {
                self.actor_before(toks, v - 1)
                    .or_else(|| self.salient.0.last().copied())
                    .map(|id| (v, id))
            } else {
                self.subject_before(toks, 0, v)
            };
            let Some((s, id)) = subj else { continue };
            let mut j = if lx::takes_listener(&verb) {
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
                j = if lx::takes_listener(&low(toks[j], text)) {
                    self.skip_object(toks, j + 1, n)
                } else {
                    j + 1
                };
            }
            if j >= n || !toks[j].word && !c.in_span(j) || c.in_direct(j) {
                continue;
            }
            // `said in a statement.`, `said by phone from Lubbock.`: no clause.
            if lx::is_preposition(&low(toks[j], text)) {
                continue;
            }
            let next_cue = (j..n).find_map(|k| self.second_cue(toks, k).map(|v2| (k, v2)));
            let stop = (j..n)
                .find(|&k| {
                    c.in_direct(k)
                        || next_cue.is_some_and(|(c, _)| c == k)
                        || (toks[k].text(text) == ","
                            && k + 1 < n
                            && lx::is_participle(&low(toks[k + 1], text)))
                })
                .unwrap_or(n);
            let cue = text[toks[s].start..toks[self.cue_end(toks, v, n)].end].to_string();
            if let Some(r) = c.clause_end(j, stop) {
                self.emit(r.clone(), c.kind(&r), Some(cue), id);
            }
            self.salient.push(id);
            if let Some((at, v2)) = next_cue
                && at == stop
            {
                found = Some(id);
                next = v2;
                continue;
            }
            if stop < n && toks[stop].text(text) == "," {
                let mut p = stop + 2;
                while p < n && low(toks[p], text) == "that" {
                    p += 1;
                }
                if let Some(r) = c.clause_end(p, n) {
                    self.emit(r.clone(), c.kind(&r), Some(low(toks[stop + 1], text)), id);
                }
            }
            return Some(id);
        }
        found
    }

    /// `X rejected that, saying ...`: a participle after the sentence's subject.
    fn participle_after_subject(&mut self, c: &Clause) -> Option<usize> {
        let text = self.text;
        let toks = c.toks();
        let n = toks.len();
        if c.has_direct() {
            return None;
        }
        let &comma = c
            .commas(text)
            .iter()
            .find(|&&k| k + 1 < n && lx::is_participle(&low(toks[k + 1], text)))?;
        let id = self.actor_before(toks, comma)?;
        let mut p = comma + 2;
        while p < n && low(toks[p], text) == "that" {
            p += 1;
        }
        let r = c.clause_end(p, n)?;
        self.emit(r.clone(), c.kind(&r), Some(low(toks[comma + 1], text)), id);
        self.salient.push(id);
        Some(id)
    }

    /// `his claims the party was ...`, `the company's assurance that ...`
    fn reporting_noun(&mut self, c: &Clause) -> Option<usize> {
        let (id, cue, j) = self.noun_cue(c.toks(), &|k| c.in_span(k))?;
        let r = c.clause_end(j, c.toks().len())?;
        self.emit(r.clone(), c.kind(&r), Some(cue), id);
        Some(id)
    }

    /// A sentence carrying a fragment, about its subject: `He was sorry ... "but ..."`.
    fn fragment_about_subject(&mut self, c: &Clause) -> Option<usize> {
        if c.has_direct() || !c.has_fragment(&c.sent.range) {
            return None;
        }
        let id = self.subject(c.sent)?;
        let r = c.clause_end(0, c.toks().len())?;
        self.emit(r, QuoteKind::Mixed, None, id);
        Some(id)
    }

    /// `X said` / `said X` / `X told NZPA` as the whole of `toks[from..to]`
    /// (closing punctuation aside).
    pub(super) fn trailing_cue(
        &mut self,
        toks: &[Tok],
        from: usize,
        to: usize,
    ) -> Option<(usize, String)> {
        let text = self.text;
        let mut end = to;
        while end > from && !toks[end - 1].word {
            end -= 1;
        }
        if end <= from || end - from > MAX_CUE {
            return None;
        }
        let v =
            (from..end).find(|&k| is_verb(toks[k], text) && !capitalised(toks[k].text(text)))?;
        // After the cue: nothing, adverbials, or a circumstance (`on Thursday`,
        // `in a statement`, `at a briefing in Pagosa Springs`).
        let rest_ok = |k: usize| {
            k >= end || {
                let w = low(toks[k], text);
                toks[k].word
                    && (lx::is_preposition(&w)
                        || (lx::is_adverbial(&w) && !matches!(w.as_str(), "had" | "has" | "have")))
            }
        };
        if v == from {
            let e = chunk_after(&toks[..end], v + 1, text).or_else(|| {
                (v + 1 < end && pronoun_np(toks[v + 1], text).is_some()).then_some(v + 2)
            })?;
            // `said Sgt. Maria Delgado, a spokeswoman for the patrol`
            let aside = e < end && toks[e].text(text) == ",";
            if !(aside || rest_ok(e)) {
                return None;
            }
            let np = interpret(&toks[v + 1..e], text)?;
            let id = self.reg.resolve(&np, &self.salient.0)?;
            return Some((id, text[toks[from].start..toks[e - 1].end].to_string()));
        }
        let (s, id) = self.subject_before(toks, from, v)?;
        if s != from {
            return None;
        }
        let ce = self.cue_end(toks, v, end);
        rest_ok(ce + 1).then(|| (id, text[toks[s].start..toks[ce].end].to_string()))
    }

    /// A second cue at `k`: `, (but) she added`, `, and Mr Lenz said`. Returns
    /// the verb's index.
    fn second_cue(&self, toks: &[Tok], k: usize) -> Option<usize> {
        let text = self.text;
        if toks[k].text(text) != "," {
            return None;
        }
        let mut m = k + 1;
        if toks.get(m).is_some_and(|&t| is_conjunction(&low(t, text))) {
            m += 1;
        }
        let e = if toks.get(m).is_some_and(|&t| pronoun_np(t, text).is_some()) {
            m + 1
        } else {
            chunk_after(toks, m, text)?
        };
        toks.get(e).is_some_and(|&t| is_verb(t, text)).then_some(e)
    }

    /// The person or body acting in `toks[..end]`: the first name followed by
    /// a lower-case word (its verb), or a leading he/she.
    pub(super) fn actor_before(&mut self, toks: &[Tok], end: usize) -> Option<usize> {
        let text = self.text;
        if let Some(&t) = toks.first()
            && let Some(np @ Np::Pronoun(_)) = pronoun_np(t, text)
        {
            return self.reg.resolve(&np, &self.salient.0);
        }
        let mut i = 0;
        while i < end {
            let Some(e) = chunk_after(&toks[..end], i, text) else {
                i += 1;
                continue;
            };
            let verb_next = toks
                .get(e)
                .is_some_and(|t| t.word && !capitalised(t.text(text)));
            if verb_next
                && let Some(np @ (Np::Person { .. } | Np::Body(_))) = interpret(&toks[i..e], text)
            {
                return self.reg.resolve(&np, &self.salient.0);
            }
            i = e;
        }
        None
    }

    /// `POSSESSOR NOUN (that) CLAUSE` with a reporting noun (`his claims`,
    /// `the company's claim that`): the speaker, the cue and where the clause
    /// starts.
    fn noun_cue(
        &mut self,
        toks: &[Tok],
        in_span: &dyn Fn(usize) -> bool,
    ) -> Option<(usize, String, usize)> {
        let text = self.text;
        let n = toks.len();
        let k = (1..n)
            .find(|&k| toks[k].word && lx::is_noun_cue(&low(toks[k], text)) && !in_span(k))?;
        let owner = toks[k - 1];
        let (stem, possessive) = strip_possessive(owner.text(text));
        let np = match stem.to_lowercase().as_str() {
            _ if possessive => {
                let l = stem.to_lowercase();
                let s = if lx::is_org(&l) || lx::is_group(&l) {
                    if k >= 2 && matches!(low(toks[k - 2], text).as_str(), "the" | "a" | "an") {
                        k - 2
                    } else {
                        k - 1
                    }
                } else {
                    chunk_before(toks, 0, k, text)?
                };
                interpret(&toks[s..k], text)?
            }
            // `his claims`: the person named last before it, else who is salient.
            "his" | "her" => {
                let male = stem.eq_ignore_ascii_case("his");
                let mut near = None;
                let mut i = 0;
                while i + 1 < k {
                    match chunk_after(&toks[..k - 1], i, text) {
                        Some(e) => {
                            if let Some(np @ Np::Person { gender, .. }) =
                                interpret(&toks[i..e], text)
                                && gender != Some(!male)
                            {
                                near = Some(np);
                            }
                            i = e;
                        }
                        None => i += 1,
                    }
                }
                near.unwrap_or(Np::Pronoun(male))
            }
            "its" => Np::It,
            "their" => Np::They,
            _ => return None,
        };
        let mut j = k + 1;
        let that = toks.get(j).is_some_and(|&t| low(t, text) == "that");
        if that {
            j += 1;
        }
        let start = *toks.get(j)?;
        let clause_like = that
            || (start.word
                && (matches!(
                    low(start, text).as_str(),
                    "the" | "a" | "an" | "he" | "she" | "it" | "they" | "we" | "i" | "there"
                ) || capitalised(start.text(text))));
        if !clause_like {
            return None;
        }
        let id = self.reg.resolve(&np, &self.salient.0)?;
        let cue = text[owner.start..toks[k].end].to_string();
        Some((id, cue, j))
    }
}
