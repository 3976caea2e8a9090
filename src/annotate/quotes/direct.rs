//! Direct quotes: which quotations are someone's own words, and the cue next
//! to them (`"...," Mr Little said.`, `he said: "..."`), or at the end of the
//! paragraph before (`Asked why, he said:`).

use super::{Ctx, MAX_ASIDE, MAX_PARENTHESIS, is_verb, low};
use crate::annotate::lexicon as lx;
use crate::annotate::speakers::{chunk_after, interpret, pronoun_np};
use crate::text::{Par, QSpan, Sent, Tok};

impl Ctx<'_> {
    /// `"...," Mr Little said` / `said Mr Little` after a quotation, or
    /// `Mr Little said: "..."` before it, within the sentence.
    pub(super) fn cue_next_to(
        &mut self,
        sent: &Sent,
        q: QSpan,
        direct: &[QSpan],
    ) -> Option<(usize, String)> {
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
                let np_end = if pronoun_np(toks[k], text).is_some() {
                    Some(k + 1)
                } else {
                    chunk_after(&toks[..end], k, text)
                };
                if let Some(e) = np_end {
                    let mut v = after_parenthesis(toks, e, end, text);
                    // `"...," Vann R. Newkirk II, a writer for The Atlantic, said`
                    if v < end
                        && toks[v].text(text) == ","
                        && let Some(c) =
                            (v + 1..end.min(v + 1 + MAX_ASIDE)).find(|&j| toks[j].text(text) == ",")
                        && toks.get(c + 1).is_some_and(|&t| is_verb(t, text))
                    {
                        v = c + 1;
                    }
                    while v < end && toks[v].word && lx::is_adverbial(&low(toks[v], text)) {
                        v += 1;
                    }
                    // A quotation that breaks off at a comma, a question or an
                    // exclamation and a name after it: any verb is the cue
                    // (`"Why not?" Vitter demanded`, `"...," Blige sings`).
                    let open_ended = ends_in(text, q, ",?!");
                    if v < end
                        && (is_verb(toks[v], text) || (open_ended && verb_like(toks[v], text)))
                        && let Some((s, id)) = self.subject_before(toks, k, v)
                    {
                        let ce = self.cue_end(toks, v, end);
                        return Some((id, text[toks[s].start..toks[ce].end].to_string()));
                    }
                }
                // verb NP
                if is_verb(toks[k], text)
                    && let Some(e) = chunk_after(&toks[..end], k + 1, text).or_else(|| {
                        (k + 1 < end && pronoun_np(toks[k + 1], text).is_some()).then_some(k + 2)
                    })
                    && let Some(np) = interpret(&toks[k + 1..e], text)
                    && let Some(id) = self.reg.speaker(&np, &self.salient.0)
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

    /// `"Why not?" Vitter asked.`: a question or exclamation ends its
    /// sentence, and the cue opens the next one.
    pub(super) fn cue_in_next(
        &mut self,
        par: &Par,
        si: usize,
        q: QSpan,
        direct: &[QSpan],
    ) -> Option<(usize, String)> {
        let (sent, next) = (&par.sents[si], par.sents.get(si + 1)?);
        if !q.closed || q.end != sent.range.end || !ends_in(self.text, q, "?!") {
            return None;
        }
        let joined = Sent {
            range: sent.range.start..next.range.end,
            toks: sent.toks.iter().chain(&next.toks).copied().collect(),
        };
        self.cue_next_to(&joined, q, direct)
    }

    /// `Asked ..., he said:` at the end of a paragraph: the cue for the next one.
    pub(super) fn cue_at_end(&mut self, sent: &Sent) -> Option<(usize, String)> {
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
}

/// Does quotation `q` end, inside its closing marks, in one of `marks`?
fn ends_in(text: &str, q: QSpan, marks: &str) -> bool {
    text[q.start..q.end]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !marks.contains(c))
        .ends_with(|c: char| marks.contains(c))
}

/// The token after a parenthesis at `i` (`Rep. Gwen Moore (D-Wis.) said`),
/// or `i` when none closes before `end`.
pub(super) fn after_parenthesis(toks: &[Tok], i: usize, end: usize, text: &str) -> usize {
    if toks.get(i).is_none_or(|t| t.text(text) != "(") {
        return i;
    }
    (i + 1..end.min(i + MAX_PARENTHESIS))
        .find(|&j| toks[j].text(text) == ")")
        .map_or(i, |j| j + 1)
}

/// A word in the form of a verb in the present or past (`sings`,
/// `demanded`): lower case, not a function word.
fn verb_like(t: Tok, text: &str) -> bool {
    let w = t.text(text);
    t.word
        && w.len() >= 4
        && w.chars().all(|c| c.is_ascii_lowercase())
        && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
        && !lx::is_stop(w)
        && !lx::is_adverbial(w)
}

/// Does the paragraph open with a quotation mark?
pub(super) fn par_starts_with_quote(text: &str, par: &Par) -> bool {
    par.spans
        .first()
        .is_some_and(|q| q.start == par.range.start)
        && !text[par.range.clone()].is_empty()
}

/// A quotation that is someone's own words, not a fragment of a sentence.
pub(super) fn is_direct(text: &str, par: &Par, q: QSpan) -> bool {
    if !q.closed {
        return true;
    }
    // Sentences are in order and do not overlap: find q's by binary search.
    let i = par.sents.partition_point(|s| s.range.end <= q.start);
    let sent_start = par
        .sents
        .get(i)
        .filter(|s| s.range.contains(&q.start))
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
    (before.ends_with(',') || lx::is_saying(&last_word)) && capital && words >= 3
}
