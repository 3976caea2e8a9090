//! Words put on something by naming it: `Bush called Trump "unhinged."`,
//! `described his skills as a "work in progress"`, `what it calls "sensible
//! laws"`, `..., calling him "a total stiff."`. The quote is what follows
//! the verb of naming up to the end of the quotation; the speaker is who
//! names.

use super::{Ctx, low};
use crate::annotate::speakers::{Np, chunk_after, interpret, pronoun_np};
use crate::story::QuoteKind;
use crate::text::{QSpan, Sent};

/// Verbs of naming, in every form news uses.
fn is_naming(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "called"
            | "calling"
            | "dub"
            | "dubs"
            | "dubbed"
            | "dubbing"
            | "label"
            | "labels"
            | "labeled"
            | "labelled"
            | "labeling"
            | "labelling"
            | "brand"
            | "brands"
            | "branded"
            | "branding"
            | "term"
            | "terms"
            | "termed"
            | "describe"
            | "describes"
            | "described"
            | "describing"
            | "deride"
            | "derides"
            | "derided"
            | "deriding"
    )
}

/// The most tokens between a verb of naming and the quotation it names.
const MAX_REACH: usize = 12;

impl Ctx<'_> {
    /// Quotes named by a verb of naming in `sent`, whose quotations not
    /// drafted as direct quotes are `frags`; returns the last speaker found.
    pub(super) fn naming(&mut self, sent: &Sent, frags: &[QSpan]) -> Option<usize> {
        let text = self.text;
        let toks = &sent.toks;
        let n = toks.len();
        let mut found = None;
        let mut from = 0;
        for v in 0..n {
            let verb = low(toks[v], text);
            if v < from || !toks[v].word || !is_naming(&verb) {
                continue;
            }
            if frags
                .iter()
                .any(|q| q.start <= toks[v].start && toks[v].start < q.end)
            {
                continue;
            }
            // `called for`, `calls on`: asking, not naming; `was called`,
            // `a group called`: a name, no one naming.
            let next = toks.get(v + 1).map(|&t| low(t, text));
            if next.as_deref().is_some_and(|w| {
                matches!(
                    w,
                    "for" | "on" | "off" | "up" | "out" | "back" | "in" | "into"
                )
            }) {
                continue;
            }
            let before = v.checked_sub(1).map(|k| low(toks[k], text));
            if before.as_deref().is_some_and(|w| {
                matches!(w, "was" | "were" | "is" | "are" | "be" | "been" | "being")
            }) {
                continue;
            }
            // The quotation it names: it starts within reach, with no clause
            // break between.
            let Some(q) = frags.iter().find(|q| {
                q.start > toks[v].end && {
                    let between: Vec<usize> = (v + 1..n)
                        .take_while(|&k| toks[k].start < q.start)
                        .collect();
                    between.len() <= MAX_REACH
                        && between
                            .iter()
                            .all(|&k| !matches!(toks[k].text(text), "." | ";" | ":" | "?" | "!"))
                }
            }) else {
                continue;
            };
            let Some((start, id)) = self.naming_speaker(toks, v) else {
                continue;
            };
            let range = start..q.end;
            let kind = if range.start == q.start {
                QuoteKind::Direct
            } else {
                QuoteKind::Mixed
            };
            self.emit(range, kind, Some(toks[v].text(text).to_string()), id);
            self.salient.push(id);
            found = Some(id);
            from = (v..n).find(|&k| toks[k].start >= q.end).unwrap_or(n);
        }
        found
    }

    /// Who names with the verb at `v`, and where the quote starts: after
    /// the verb, or at `what` in `what it calls "..."`.
    fn naming_speaker(&mut self, toks: &[crate::text::Tok], v: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let after = toks.get(v + 1)?.start;
        // `what he called a "rant"`: the quote holds `what he called`.
        if let Some(w) = (v.saturating_sub(4)..v).find(|&k| low(toks[k], text) == "what")
            && w + 1 < v
        {
            let np = if v == w + 2 {
                pronoun_np(toks[w + 1], text)
            } else {
                None
            }
            .or_else(|| {
                (chunk_after(&toks[..v], w + 1, text) == Some(v))
                    .then(|| interpret(&toks[w + 1..v], text))
                    .flatten()
            });
            if let Some(np) = np
                && !matches!(np, Np::Descriptive(_))
            {
                let id = self.reg.resolve(&np, &self.salient.0)?;
                return Some((toks[w].start, id));
            }
        }
        // `..., calling him "a total stiff."`: the sentence's actor.
        if v > 0 && toks[v - 1].text(text) == "," && low(toks[v], text).ends_with("ing") {
            let id = self.actor_before(toks, v - 1)?;
            return Some((after, id));
        }
        let (_, id) = self.subject_before(toks, 0, v)?;
        Some((after, id))
    }
}
