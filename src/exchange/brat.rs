//! brat standoff files (<https://brat.nlplab.org/standoff.html>): an `.ann` file
//! of annotations on one text, offsets in code points.
//!
//! The mapping (README.md, "Exchange with annotation tools"); entity, relation
//! and attribute names are matched without regard to case:
//!
//! - text-bound annotations (`T1\tType START END\ttext`):
//!   - `Speaker`, `Person`, `Organization`, `Organisation`, `PER`, `ORG`: a
//!     *mention* of a speaker;
//!   - `Quote` (direct unless an attribute says otherwise), `Direct`,
//!     `Indirect`, `Mixed` (also `DirectQuote`, `IndirectQuote`, `MixedQuote`):
//!     a quote of that kind;
//!   - `Cue`: the attributing words of the quote a relation joins it to;
//!   - any other type is skipped with a note;
//!   - a discontinuous span (`0 5;9 12`) is read as its whole extent, with a
//!     problem; a span whose text differs from the `.ann` line's is a problem
//!     and skipped (offsets in bytes instead of characters, or the wrong text).
//! - relations (`R1\tSays Arg1:T2 Arg2:T1`), of any type, in either order:
//!   quote and mention: the quote is attributed to the mention's speaker
//!   (conventional types: `Says`, `Speaker`, `Said-by`, `Source`,
//!   `Attribution`); quote and cue: the cue; two mentions: the same speaker.
//! - equivalences (`*\tEquiv T1 T2`): the mentions name the same speaker.
//! - attributes (`A1\tKind T3 indirect`): `Kind` or `Type` with value
//!   `direct`, `indirect` or `mixed`, or a binary `Direct`/`Indirect`/`Mixed`,
//!   sets a quote's kind.
//! - events, normalisations and notes are skipped with a note.
//!
//! Speakers are groups of mentions: mentions with the same text, or joined by a
//! relation or equivalence, are one speaker, named by its longest mention (the
//! first of equal length), the other texts its aliases, in text order. Quotes get
//! ids `q1`, `q2`... in text order. A quote no relation attributes is a problem
//! and is given to a speaker `unknown`. The article's id is the text file's
//! stem.
//!
//! A file in the PARC style (PARC 3.0, PolNeAR: `Attribution` events joining
//! `Source`, `Cue` and `Content`) is read by [`super::parc_import`] instead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{CharMap, ImportError, Imported, read_input, unique_id};
use crate::story::format::{QuoteEntry, Selector, SpeakerEntry};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Mention,
    Quote(&'static str),
    Cue,
}

fn role(kind: &str) -> Option<Role> {
    Some(match kind.to_ascii_lowercase().as_str() {
        "speaker" | "person" | "organization" | "organisation" | "per" | "org" => Role::Mention,
        "quote" | "direct" | "directquote" => Role::Quote("direct"),
        "indirect" | "indirectquote" => Role::Quote("indirect"),
        "mixed" | "mixedquote" => Role::Quote("mixed"),
        "cue" => Role::Cue,
        _ => return None,
    })
}

#[derive(Debug)]
struct Span {
    id: String,
    role: Role,
    /// Code points.
    start: usize,
    text: String,
    kind: &'static str,
}

/// Reads a brat `.ann` file (`-`: standard input) and its text: the one
/// `--text` file, or the `.ann` path with `.txt` for `.ann`.
pub fn import(file: &Path, texts: &[PathBuf]) -> Result<Imported, ImportError> {
    let name = file.display().to_string();
    let txt = text_file(file, &name, texts)?;
    let ann = read_input(file)?;
    let text = crate::story::read_text(&txt)
        .map_err(|m| ImportError(format!("{}: {m}", txt.display())))?;
    if super::parc::is_parc(&ann) {
        return super::parc_import::import(&name, &ann, &txt, text);
    }
    let mut out = Imported::default();
    let mut read = Records::read(&ann, &text, &txt, &mut out);
    read.apply_attributes(&mut out);
    let speakers = Speakers::group(&read.spans, &read.pairs, &mut out);
    let stem = txt
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = unique_id(&stem, &mut Vec::new());
    let (speakers, quotes) = speakers.quotes(&read.spans, &article, &mut out);
    out.one_article(article, &txt, text, speakers, quotes);
    Ok(out)
}

/// The text a brat file annotates: the one `--text` file, else the `.ann`
/// path with `.txt`.
fn text_file(file: &Path, name: &str, texts: &[PathBuf]) -> Result<PathBuf, ImportError> {
    match texts {
        [] if file == Path::new("-") => Err(ImportError(
            "-: a brat file on standard input needs its text: --text FILE.txt".to_string(),
        )),
        [] => Ok(file.with_extension("txt")),
        [one] => Ok(one.clone()),
        _ => Err(ImportError(format!(
            "{name}: a brat file annotates one text; give one --text"
        ))),
    }
}

/// The records of an `.ann` file that verso reads.
#[derive(Default)]
struct Records {
    /// Text-bound annotations with a role, checked against the text.
    spans: Vec<Span>,
    /// Relations and equivalences: pairs of annotation ids.
    pairs: Vec<(String, String)>,
    /// Attributes: name, target id, value.
    attrs: Vec<(String, String, Option<String>)>,
}

impl Records {
    /// Reads every line; what cannot be read is a problem or a note in `out`.
    fn read(ann: &str, text: &str, txt: &Path, out: &mut Imported) -> Records {
        let map = CharMap::new(text);
        let mut r = Records::default();
        for (n, line) in ann.lines().enumerate() {
            let at = format!("line {}", n + 1);
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let mut cols = line.splitn(3, '\t');
            let id = cols.next().unwrap_or("");
            let body = cols.next().unwrap_or("");
            let rest = cols.next();
            let words: Vec<&str> = body.split_whitespace().collect();
            match id.chars().next() {
                Some('T') => {
                    let line = TextBound {
                        at: &at,
                        id,
                        body,
                        rest,
                    };
                    if let Some(span) = line.span(text, &map, txt, out) {
                        r.spans.push(span);
                    }
                }
                Some('R') => {
                    let args: Vec<&str> = words
                        .iter()
                        .skip(1)
                        .filter_map(|w| w.split_once(':').map(|(_, t)| t))
                        .collect();
                    match args.as_slice() {
                        [a, b] => r.pairs.push((a.to_string(), b.to_string())),
                        _ => out
                            .problems
                            .push(format!("{at}: {id}: a relation needs Arg1:ID Arg2:ID")),
                    }
                }
                Some('*') => {
                    let ids: Vec<&str> = words.iter().skip(1).copied().collect();
                    for w in ids.windows(2) {
                        r.pairs.push((w[0].to_string(), w[1].to_string()));
                    }
                }
                Some('A') | Some('M') => match words.as_slice() {
                    [name, target] => r.attrs.push((name.to_string(), target.to_string(), None)),
                    [name, target, value] => r.attrs.push((
                        name.to_string(),
                        target.to_string(),
                        Some(value.to_string()),
                    )),
                    _ => out
                        .problems
                        .push(format!("{at}: {id}: an attribute needs NAME ID [VALUE]")),
                },
                Some('E') | Some('N') | Some('#') => {
                    out.notes.push(format!("{at}: {id}: skipped"));
                }
                _ => out
                    .problems
                    .push(format!("{at}: not a brat annotation line: {line:?}")),
            }
        }
        r
    }

    /// Attributes set the kind of the quote they name.
    fn apply_attributes(&mut self, out: &mut Imported) {
        for (attr, target, value) in &self.attrs {
            let kind = match (attr.to_ascii_lowercase().as_str(), value.as_deref()) {
                ("kind" | "type", Some(v)) => v.to_ascii_lowercase(),
                (a, None) => a.to_string(),
                _ => String::new(),
            };
            let kind: &'static str = match kind.as_str() {
                "direct" => "direct",
                "indirect" => "indirect",
                "mixed" => "mixed",
                _ => {
                    out.notes
                        .push(format!("attribute {attr} on {target} skipped"));
                    continue;
                }
            };
            match self
                .spans
                .iter_mut()
                .find(|s| s.id == *target && matches!(s.role, Role::Quote(_)))
            {
                Some(s) => s.kind = kind,
                None => out.notes.push(format!(
                    "attribute {attr} on {target}: not a quote; skipped"
                )),
            }
        }
    }
}

/// A text-bound line (`T1\tType START END\ttext`), where it is in the file.
struct TextBound<'a> {
    at: &'a str,
    id: &'a str,
    body: &'a str,
    /// The text the `.ann` says the span has.
    rest: Option<&'a str>,
}

impl TextBound<'_> {
    /// The span, if its type has a role and its offsets fit the text.
    fn span(&self, text: &str, map: &CharMap, txt: &Path, out: &mut Imported) -> Option<Span> {
        let (at, id) = (self.at, self.id);
        let Some(kind) = self.body.split_whitespace().next() else {
            out.problems.push(format!("{at}: {id}: no type"));
            return None;
        };
        let Some(r) = role(kind) else {
            out.notes
                .push(format!("{at}: {id}: entity type {kind} skipped"));
            return None;
        };
        let offsets = self.body[kind.len()..].trim();
        let mut ranges = Vec::new();
        for frag in offsets.split(';') {
            let nums: Vec<Option<usize>> =
                frag.split_whitespace().map(|x| x.parse().ok()).collect();
            match nums.as_slice() {
                [Some(s), Some(e)] if s <= e => ranges.push((*s, *e)),
                _ => {}
            }
        }
        if ranges.is_empty() || ranges.len() != offsets.split(';').count() {
            out.problems.push(format!(
                "{at}: {id}: offsets {offsets:?} are not START END pairs"
            ));
            return None;
        }
        if ranges.len() > 1 {
            out.problems.push(format!(
                "{at}: {id}: a discontinuous span ({offsets}) is read as its whole extent"
            ));
        }
        let s = ranges.iter().map(|r| r.0).min().unwrap_or(0);
        let e = ranges.iter().map(|r| r.1).max().unwrap_or(0);
        let (Some(bs), Some(be)) = (map.byte(s), map.byte(e)) else {
            out.problems.push(format!(
                "{at}: {id}: span {s}-{e} lies past the end of {} ({} characters)",
                txt.display(),
                map.len()
            ));
            return None;
        };
        if s == e {
            out.problems.push(format!("{at}: {id}: an empty span"));
            return None;
        }
        let span = &text[bs..be];
        if ranges.len() == 1
            && let Some(expected) = self.rest
            && expected != span
        {
            out.problems.push(format!(
                "{at}: {id}: the text at {s}-{e} is {:?}, the .ann says {:?} \
                 (offsets must count characters, not bytes); skipped",
                crate::story::quote_excerpt(span, 60),
                crate::story::quote_excerpt(expected, 60)
            ));
            return None;
        }
        let kind = match r {
            Role::Quote(k) => k,
            _ => "",
        };
        Some(Span {
            id: id.to_string(),
            role: r,
            start: s,
            text: span.to_string(),
            kind,
        })
    }
}

/// Who says what: mentions grouped into speakers (union-find, by text and by
/// relations between mentions), and what each quote's relations join it to.
struct Speakers {
    parent: Vec<usize>,
    /// Quote span → the mention that says it.
    said_by: BTreeMap<usize, usize>,
    /// Quote span → its cue span.
    cue_of: BTreeMap<usize, usize>,
    entries: Vec<SpeakerEntry>,
    ids: Vec<String>,
    /// A group's root mention → its speaker's id.
    of_root: BTreeMap<usize, String>,
}

fn find(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

fn join(p: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(p, a), find(p, b));
    p[ra.max(rb)] = ra.min(rb);
}

impl Speakers {
    /// Groups the mentions and reads the relations.
    fn group(spans: &[Span], pairs: &[(String, String)], out: &mut Imported) -> Speakers {
        let idx = |id: &str| spans.iter().position(|s| s.id == id);
        let mut parent: Vec<usize> = (0..spans.len()).collect();
        let mentions: Vec<usize> = (0..spans.len())
            .filter(|&i| spans[i].role == Role::Mention)
            .collect();
        for (k, &i) in mentions.iter().enumerate() {
            if let Some(&j) = mentions[..k]
                .iter()
                .find(|&&j| spans[j].text == spans[i].text)
            {
                join(&mut parent, i, j);
            }
        }
        let mut said_by: BTreeMap<usize, usize> = BTreeMap::new();
        let mut cue_of: BTreeMap<usize, usize> = BTreeMap::new();
        for (a, b) in pairs {
            let (Some(a), Some(b)) = (idx(a), idx(b)) else {
                out.notes.push(format!(
                    "relation {a}-{b}: names an annotation that was skipped"
                ));
                continue;
            };
            match (spans[a].role, spans[b].role) {
                (Role::Mention, Role::Mention) => join(&mut parent, a, b),
                (Role::Quote(_), Role::Mention) => {
                    said_by.insert(a, b);
                }
                (Role::Mention, Role::Quote(_)) => {
                    said_by.insert(b, a);
                }
                (Role::Quote(_), Role::Cue) => {
                    cue_of.insert(a, b);
                }
                (Role::Cue, Role::Quote(_)) => {
                    cue_of.insert(b, a);
                }
                _ => out.notes.push(format!(
                    "relation {}-{}: no meaning in verso; skipped",
                    spans[a].id, spans[b].id
                )),
            }
        }
        let mut s = Speakers {
            parent,
            said_by,
            cue_of,
            entries: Vec::new(),
            ids: Vec::new(),
            of_root: BTreeMap::new(),
        };
        s.name_groups(spans, mentions);
        s
    }

    /// One speaker per group, in text order: named by its longest mention,
    /// the other texts its aliases.
    fn name_groups(&mut self, spans: &[Span], mut order: Vec<usize>) {
        order.sort_by_key(|&i| spans[i].start);
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for &i in &order {
            let r = find(&mut self.parent, i);
            match groups.iter_mut().find(|(root, _)| *root == r) {
                Some((_, g)) => g.push(i),
                None => groups.push((r, vec![i])),
            }
        }
        for (root, g) in &groups {
            let mut names: Vec<&str> = Vec::new();
            for &i in g {
                if !names.contains(&spans[i].text.as_str()) {
                    names.push(&spans[i].text);
                }
            }
            let longest = names.iter().copied().fold("", |m, n| {
                if n.chars().count() > m.chars().count() {
                    n
                } else {
                    m
                }
            });
            let id = unique_id(longest, &mut self.ids);
            self.of_root.insert(*root, id.clone());
            self.entries.push(SpeakerEntry {
                id,
                name: longest.to_string(),
                aliases: names
                    .into_iter()
                    .filter(|n| *n != longest)
                    .map(str::to_string)
                    .collect(),
                ..SpeakerEntry::default()
            });
        }
    }

    /// The quotes in text order (`q1`, `q2`...) with their speakers and cues;
    /// a quote no relation attributes goes to a speaker `unknown`.
    fn quotes(
        mut self,
        spans: &[Span],
        article: &str,
        out: &mut Imported,
    ) -> (Vec<SpeakerEntry>, Vec<QuoteEntry>) {
        let mut order: Vec<usize> = (0..spans.len())
            .filter(|&i| matches!(spans[i].role, Role::Quote(_)))
            .collect();
        order.sort_by_key(|&i| spans[i].start);
        let mut quotes = Vec::new();
        for (n, &i) in order.iter().enumerate() {
            let speaker = match self.said_by.get(&i) {
                Some(&m) => self.of_root[&find(&mut self.parent, m)].clone(),
                None => {
                    out.problems.push(format!(
                        "{}: a quote no relation attributes to a speaker; given to \"unknown\"",
                        spans[i].id
                    ));
                    self.unknown()
                }
            };
            quotes.push(QuoteEntry {
                id: format!("q{}", n + 1),
                article: article.to_string(),
                speaker,
                kind: Some(spans[i].kind.to_string()),
                cue: self.cue_of.get(&i).map(|&c| spans[c].text.clone()),
                selector: Selector {
                    text: spans[i].text.clone(),
                    prefix: None,
                    suffix: None,
                    start: Some(spans[i].start as u64),
                },
            });
        }
        (self.entries, quotes)
    }

    /// The id of the speaker `unknown`, made the first time.
    fn unknown(&mut self) -> String {
        if !self.entries.iter().any(|s| s.id == "unknown") {
            let id = unique_id("unknown", &mut self.ids);
            self.entries.push(SpeakerEntry {
                id,
                name: "Unknown speaker".to_string(),
                ..SpeakerEntry::default()
            });
        }
        self.entries
            .iter()
            .find(|s| s.name == "Unknown speaker")
            .map(|s| s.id.clone())
            .unwrap_or_default()
    }
}
