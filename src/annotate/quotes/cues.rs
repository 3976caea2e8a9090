//! Cue parts shared by the direct and indirect rules: the subject of a
//! sentence, the speaker before a speech verb, and the listener or
//! circumstance after it.

use super::{Ctx, MAX_ASIDE, MAX_PARENTHESIS, low};
use crate::annotate::lexicon as lx;
use crate::annotate::speakers::{Np, chunk_after, chunk_before, interpret, pronoun, pronoun_np};
use crate::text::{Sent, Tok};

impl Ctx<'_> {
    /// The sentence's subject, when it names a person: it becomes salient.
    pub(super) fn subject(&mut self, sent: &Sent) -> Option<usize> {
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

    /// The subject right before token `v` (a verb), skipping adverbials between,
    /// and an appositive or relative clause after it: `Mr Lenz, a police
    /// spokesman, said`, `The town's mayor, Elif Demir, said`, `Ms Park, who
    /// runs the firm, said`.
    pub(super) fn subject_before(
        &mut self,
        toks: &[Tok],
        lo: usize,
        v: usize,
    ) -> Option<(usize, usize)> {
        let text = self.text;
        let mut e = v;
        while e > lo
            && toks[e - 1].word
            && lx::is_adverbial(&low(toks[e - 1], text))
            && !crate::text::capitalised(toks[e - 1].text(text))
        {
            e -= 1;
        }
        // `Rep. Gwen Moore (D-Wis.) said`
        if e > lo
            && toks[e - 1].text(text) == ")"
            && let Some(open) = (lo..e - 1)
                .rev()
                .take(MAX_PARENTHESIS)
                .find(|&k| toks[k].text(text) == "(")
        {
            e = open;
        }
        if e == lo {
            return None;
        }
        if toks[e - 1].text(text) == "," {
            return self.subject_before_aside(toks, lo, e - 1);
        }
        if let Some(np) = pronoun_np(toks[e - 1], text) {
            let id = self.reg.speaker(&np, &self.salient.0)?;
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
        let id = self.reg.speaker(&np, &self.salient.0)?;
        Some((s, id))
    }

    /// `NAME, ASIDE,` before a verb, where `close` is the second comma: the
    /// aside itself when it is the name (`The group's pastor, José Ibarra,`),
    /// else the subject before it (asides may follow one another:
    /// `Thomas Avery, 58, of El Paso,`).
    fn subject_before_aside(
        &mut self,
        toks: &[Tok],
        lo: usize,
        close: usize,
    ) -> Option<(usize, usize)> {
        let text = self.text;
        let open = (lo..close)
            .rev()
            .take(MAX_ASIDE)
            .find(|&k| toks[k].text(text) == ",")?;
        if open + 1 == close || open == lo {
            return None;
        }
        if chunk_after(toks, open + 1, text) == Some(close)
            && let Some(np @ Np::Person { .. }) = interpret(&toks[open + 1..close], text)
        {
            let id = self.reg.speaker(&np, &self.salient.0)?;
            let s = chunk_before(toks, lo, open, text)
                .or_else(|| {
                    // `The agency's chief people officer, Dr Grant Hollis,`
                    (lo..open)
                        .rev()
                        .take(MAX_ASIDE)
                        .find(|&k| !toks[k].word)
                        .map(|k| k + 1)
                })
                .unwrap_or(lo);
            return Some((s, id));
        }
        if toks[open - 1].text(text) == "," {
            return self.subject_before_aside(toks, lo, open - 1);
        }
        let s = chunk_before(toks, lo, open, text)?;
        if toks[open - 1].text(text).ends_with("'s") {
            return None;
        }
        let np = interpret(&toks[s..open], text)?;
        if matches!(np, Np::It | Np::They) {
            return None;
        }
        let id = self.reg.speaker(&np, &self.salient.0)?;
        Some((s, id))
    }

    /// The listener after a tell-verb and an optional `that`: where the clause starts.
    pub(super) fn skip_object(&self, toks: &[Tok], mut j: usize, end: usize) -> usize {
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
                && matches!(low(toks[j], text).as_str(), "on" | "to" | "in" | "at")
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
    pub(super) fn skip_circumstance(&self, toks: &[Tok], j: usize, end: usize) -> usize {
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
        // `in a statement that ...`, or `in a statement it ...`.
        (j + 1..end.min(j + 8))
            .take_while(|&k| toks[k].word)
            .find_map(|k| {
                if low(toks[k], text) == "that" {
                    Some(k + 1)
                } else if k > j + 1 && pronoun_np(toks[k], text).is_some() {
                    Some(k)
                } else {
                    None
                }
            })
            .unwrap_or(j)
    }

    /// The last token of a cue: the verb, or the listener after a tell-verb.
    pub(super) fn cue_end(&self, toks: &[Tok], v: usize, end: usize) -> usize {
        if !lx::takes_listener(&low(toks[v], self.text)) {
            return v;
        }
        let j = self.skip_object(toks, v + 1, end);
        let mut last = j.max(v + 1) - 1;
        while last > v && (!toks[last].word || low(toks[last], self.text) == "that") {
            last -= 1;
        }
        last
    }
}
