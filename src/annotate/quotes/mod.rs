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
//!
//! The passes live in `direct` (which quotations are direct and their cues),
//! `indirect` (reported speech) and `cues` (subjects, asides, listeners);
//! this module walks the paragraphs and carries speakers from one quote to the
//! next.

use std::ops::Range;

use super::lexicon as lx;
use super::speakers::{Np, Registry, chunk_after, interpret};
use crate::story::QuoteKind;
use crate::text::{Doc, Near, Par, QSpan, Tok, is_dash};
use direct::{is_direct, par_starts_with_quote};

mod cues;
mod direct;

/// The longest aside between a name and its verb, in tokens.
const MAX_ASIDE: usize = 25;
/// The most tokens a parenthesis between a name and its verb holds.
const MAX_PARENTHESIS: usize = 10;
mod indirect;
mod naming;

/// A drafted quote; `speaker` indexes the registry.
#[derive(Debug, Clone)]
pub struct Found {
    pub article: usize,
    pub range: Range<usize>,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub speaker: usize,
}

/// A quote as the rules draft it: its speaker may be found only later in the
/// paragraph, or never (then it is no quote).
struct Draft {
    range: Range<usize>,
    kind: QuoteKind,
    cue: Option<String>,
    speaker: Option<usize>,
}

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
    reg: &'a mut Registry,
    salient: Salient,
    out: Vec<Draft>,
}

fn low(t: Tok, text: &str) -> String {
    t.text(text).to_lowercase()
}

fn is_verb(t: Tok, text: &str) -> bool {
    t.word && lx::is_saying(&low(t, text))
}

/// Finds and attributes every quote of every article.
pub fn find(texts: &[&str], docs: &[Doc], reg: &mut Registry) -> Vec<Found> {
    let mut all = Vec::new();
    for (article, (text, doc)) in texts.iter().zip(docs).enumerate() {
        let mut cx = Ctx {
            text,
            reg,
            salient: Salient(Vec::new()),
            out: Vec::new(),
        };
        cx.article_quotes(doc);
        all.extend(cx.out.into_iter().filter_map(|d| {
            Some(Found {
                article,
                range: d.range,
                kind: d.kind,
                cue: d.cue,
                speaker: d.speaker?,
            })
        }));
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
            let byline = self.byline(par);
            let mut last_in_par: Option<usize> = None;
            let mut first_quote = true;
            let unattributed_from = self.out.len();
            // Each sentence looks only at the quotations near it.
            let (near_spans, near_direct) = (Near::new(&par.spans), Near::new(&direct));
            for (si, sent) in par.sents.iter().enumerate() {
                self.subject(sent);
                let (spans, direct) = (
                    near_spans.around(&sent.range),
                    near_direct.around(&sent.range),
                );
                for q in direct.iter().filter(|q| sent.range.contains(&q.start)) {
                    let cue = self
                        .cue_next_to(sent, *q, direct)
                        .or_else(|| self.cue_in_next(par, si, *q, direct))
                        .or_else(|| byline.clone());
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
                            self.out[i].speaker = Some(s);
                        }
                    }
                    let idx = self.emit(q.start..q.end, QuoteKind::Direct, cue.clone(), speaker);
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
                if let Some(s) = self.indirect(sent, spans, direct) {
                    last_in_par = Some(s);
                }
            }
            if par.spans.last().is_none_or(|q| q.closed) {
                chain = None;
            }
            // Quotes still without a speaker take the paragraph's later cue.
            if let Some(s) = last_in_par {
                for d in &mut self.out[unattributed_from..] {
                    d.speaker.get_or_insert(s);
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
        speaker: impl Into<Option<usize>>,
    ) -> usize {
        self.out.push(Draft {
            range,
            kind,
            cue,
            speaker: speaker.into(),
        });
        self.out.len() - 1
    }

    /// A paragraph that ends in a dash and a name after its last quotation
    /// (`"...," ― Carla Sanchez.`: letters, comments, lists of voices) names
    /// the speaker of its quotations.
    fn byline(&mut self, par: &Par) -> Option<(usize, String)> {
        let text = self.text;
        let last = par.spans.last().filter(|q| q.closed)?;
        let toks: Vec<Tok> = par
            .sents
            .iter()
            .flat_map(|s| &s.toks)
            .copied()
            .filter(|t| t.start >= last.end)
            .collect();
        let (dash, rest) = toks.split_first()?;
        let mut dash_chars = dash.text(text).chars();
        if !(dash_chars.next().is_some_and(is_dash) && dash_chars.next().is_none()) {
            return None;
        }
        let name_end = rest.iter().rposition(|t| t.word)? + 1;
        let name = &rest[..name_end];
        if rest[name_end..].iter().any(|t| t.text(text) != ".") || name.len() > 8 {
            return None;
        }
        let np = interpret(name, text)?;
        if matches!(np, Np::Pronoun(_) | Np::It | Np::They) {
            return None;
        }
        let id = self.reg.resolve(&np, &self.salient.0).or_else(|| {
            let Np::Person { full, .. } = &np else {
                return None;
            };
            Some(self.reg.unnamed(full))
        })?;
        Some((id, text[dash.start..name[name.len() - 1].end].to_string()))
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
}
