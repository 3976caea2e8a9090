//! Drafting annotations from bare articles (`verso annotate`): speakers, quotes
//! and the passages two articles share or dispute, written as a story file.
//!
//! [`draft`] runs the passes in order: [`text`] cuts each article into
//! paragraphs, quotations, sentences and tokens; [`speakers`] learns the names
//! and descriptions the texts use; [`quotes`] finds and attributes quotes;
//! [`links`] aligns the articles. Every rule is a general one (word lists in
//! [`lexicon`]), and the output is deterministic: entities are numbered in text
//! order and everything written is sorted.

pub mod guard;
pub mod lexicon;
pub mod links;
pub mod model;
pub mod quotes;
pub mod speakers;
pub mod tagged;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::fsutil;
use crate::outcome::{Done, Error, Outcome};
use crate::story::CharIndex;
use crate::story::format::{
    ArticleEntry, LinkEntry, PassageEntry, QuoteEntry, Selector, SpeakerEntry, StoryFile, VERSION,
};
use crate::text::{self, Doc};

/// Drafts a story from `(file, text)` pairs: `file` is written as the article's
/// `file` field, and its stem gives the article's id.
pub fn draft(articles: &[(String, String)]) -> StoryFile {
    let texts: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
    // Read with plain quotation marks; every offset is the same in both.
    let plain: Vec<Cow<str>> = texts.iter().map(|t| plain(t)).collect();
    let read: Vec<&str> = plain.iter().map(|p| p.as_ref()).collect();
    let docs: Vec<Doc> = read.iter().map(|t| Doc::new(t)).collect();
    let (mut reg, ruled) = rule_pass(&read, &docs);
    let model = model::Model::bundled();
    let cues = model::features::Cues::bundled();
    let mut found = Vec::new();
    for (a, (t, d)) in read.iter().zip(&docs).enumerate() {
        let mine: Vec<quotes::Found> = ruled.iter().filter(|f| f.article == a).cloned().collect();
        let marks = rule_marks(&mine);
        let seqs = model::features::sequences(t, d, &marks, cues);
        found.extend(tagged::find(
            t,
            a,
            &seqs,
            (model, model::filter::Filter::bundled()),
            (&mine, &marks),
            &mut reg,
        ));
    }
    let mut linked = links::find(&read, &docs);
    let widen = |a: usize, r: &mut std::ops::Range<usize>| {
        *r = text::widen_quotes(texts[a], read[a], r.clone());
    };
    for q in &mut found {
        widen(q.article, &mut q.range);
    }
    for l in &mut linked {
        widen(l.a.0, &mut l.a.1);
        widen(l.b.0, &mut l.b.1);
    }

    let ids = unique_ids(articles.iter().map(|(f, _)| {
        Path::new(f)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }));
    let index: Vec<CharIndex> = texts.iter().map(|t| CharIndex::new(t)).collect();
    let selector = |a: usize, r: &std::ops::Range<usize>| Selector {
        text: texts[a][r.clone()].to_string(),
        prefix: None,
        suffix: None,
        start: Some(index[a].chars_before(r.start) as u64),
    };

    // Speakers: entities that say something, in order of their first quote.
    let mut quoted: Vec<usize> = Vec::new();
    for q in &found {
        if !quoted.contains(&q.speaker) {
            quoted.push(q.speaker);
        }
    }
    let speakers = speaker_entries(&reg, &quoted, &texts);
    let mut quotes: Vec<&quotes::Found> = found.iter().collect();
    quotes.sort_by_key(|q| (q.article, q.range.start, q.range.end));
    quotes.dedup_by_key(|q| (q.article, q.range.start, q.range.end));
    let story_quotes = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| QuoteEntry {
            id: format!("q{}", i + 1),
            article: ids[q.article].clone(),
            speaker: speakers[quoted.iter().position(|&s| s == q.speaker).unwrap()]
                .id
                .clone(),
            kind: Some(q.kind.as_str().to_string()),
            cue: q.cue.clone(),
            selector: selector(q.article, &q.range),
        })
        .collect();
    let story_links = linked
        .iter()
        .enumerate()
        .map(|(i, l)| LinkEntry {
            id: format!("l{}", i + 1),
            kind: Some(l.kind.as_str().to_string()),
            note: l.note.clone(),
            passages: [&l.a, &l.b]
                .iter()
                .map(|(a, r)| PassageEntry {
                    article: ids[*a].clone(),
                    selector: selector(*a, r),
                })
                .collect(),
        })
        .collect();
    StoryFile {
        version: VERSION,
        title: None,
        articles: articles
            .iter()
            .zip(&ids)
            .map(|((file, text), id)| ArticleEntry {
                id: id.clone(),
                file: file.clone(),
                title: first_line(text),
                ..ArticleEntry::default()
            })
            .collect(),
        speakers,
        quotes: story_quotes,
        links: story_links,
    }
}

/// The registry of names and the quotes the hand-written rules draft: what
/// the tagger's features and speaker resolution start from.
fn rule_pass(texts: &[&str], docs: &[Doc]) -> (speakers::Registry, Vec<quotes::Found>) {
    let mut reg = speakers::Registry::default();
    for (t, d) in texts.iter().zip(docs) {
        for p in &d.pars {
            for s in &p.sents {
                reg.note_case(&s.toks, t, p.headline);
            }
        }
    }
    for (t, d) in texts.iter().zip(docs) {
        for s in d.pars.iter().flat_map(|p| &p.sents) {
            reg.note_first_names(&s.toks, t);
        }
    }
    for (t, d) in texts.iter().zip(docs) {
        for s in d.pars.iter().flat_map(|p| &p.sents) {
            reg.harvest(&s.toks, t);
        }
    }
    let found = quotes::find(texts, docs, &mut reg);
    (reg, found)
}

fn rule_marks(found: &[quotes::Found]) -> Vec<(std::ops::Range<usize>, crate::story::QuoteKind)> {
    let mut v: Vec<_> = found.iter().map(|f| (f.range.clone(), f.kind)).collect();
    v.sort_by_key(|(r, _)| (r.start, r.end));
    v
}

/// One article's paragraphs as the tagger sees them (for training).
pub fn tagger_input(
    text: &str,
    cues: &model::features::Cues,
) -> (
    Vec<model::features::Seq>,
    Vec<(std::ops::Range<usize>, crate::story::QuoteKind)>,
) {
    let plain = plain(text);
    let text = plain.as_ref();
    let doc = Doc::new(text);
    let (_, ruled) = rule_pass(&[text], std::slice::from_ref(&doc));
    let marks = rule_marks(&ruled);
    (model::features::sequences(text, &doc, &marks, cues), marks)
}

/// The text as the drafter reads it: [`text::plain_quotes`].
fn plain(text: &str) -> Cow<'_, str> {
    text::plain_quotes(text).map_or(Cow::Borrowed(text), Cow::Owned)
}

fn speaker_entries(
    reg: &speakers::Registry,
    quoted: &[usize],
    texts: &[&str],
) -> Vec<SpeakerEntry> {
    let names: Vec<String> = quoted.iter().map(|&e| reg.entities[e].name()).collect();
    // A string may name only one speaker: drop any claimed twice.
    let mut claims: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let cands: Vec<BTreeSet<String>> = quoted.iter().map(|&e| reg.alias_candidates(e)).collect();
    for (k, c) in cands.iter().enumerate() {
        for s in c.iter().chain(std::iter::once(&names[k])) {
            claims.entry(s.clone()).or_default().insert(k);
        }
    }
    let all: Vec<&String> = claims.keys().collect();
    let occurs = occurring(&all, texts);
    let ids = unique_ids(quoted.iter().zip(&names).map(|(&e, n)| {
        let e = &reg.entities[e];
        if e.person {
            e.surname.to_lowercase()
        } else {
            n.to_lowercase()
        }
    }));
    quoted
        .iter()
        .enumerate()
        .map(|(k, &e)| {
            let en = &reg.entities[e];
            let aliases = cands[k]
                .iter()
                .filter(|a| **a != names[k] && claims[*a].len() == 1 && occurs.contains(*a))
                .cloned()
                .collect();
            SpeakerEntry {
                id: ids[k].clone(),
                name: names[k].clone(),
                description: en
                    .descs
                    .iter()
                    .max_by_key(|d| (d.len(), std::cmp::Reverse(*d)))
                    .cloned(),
                aliases,
                color: None,
            }
        })
        .collect()
}

/// The strings of `pats` that occur in some text as whole words, in one pass each.
fn occurring(pats: &[&String], texts: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if pats.is_empty() {
        return out;
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(pats)
        .expect("names build");
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    for t in texts {
        for m in ac.find_overlapping_iter(t) {
            let before = t[..m.start()].chars().next_back();
            let after = t[m.end()..].chars().next();
            if !inner(before) && !inner(after) {
                out.insert(pats[m.pattern().as_usize()].clone());
            }
        }
    }
    out
}

/// Ids made of `[A-Za-z0-9_-]`, unique in order (`carter`, `carter-2`).
fn unique_ids(raw: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    raw.map(|r| {
        let mut base: String = r
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        base = base.trim_matches('-').to_string();
        while base.contains("--") {
            base = base.replace("--", "-");
        }
        if base.is_empty() {
            base = "x".into();
        }
        let mut id = base.clone();
        let mut n = 2;
        while !seen.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    })
    .collect()
}

fn first_line(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let cut: String = line.chars().take(120).collect();
    Some(if cut.len() < line.len() {
        format!("{cut}…")
    } else {
        cut
    })
}

/// `verso annotate FILES [-o OUT]`: the drafted story, to write to `out`
/// (standard output for `None`).
pub fn run(files: &[PathBuf], out: Option<&Path>) -> Outcome {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let base = fsutil::output_base(out);
    let mut articles = Vec::new();
    for f in files {
        let abs = fsutil::absolute(&cwd, f);
        let Some(rel) = fsutil::relative_utf8(&base, &abs) else {
            return Err(Error::Input(format!(
                "{}: the path is not UTF-8, so a story file cannot name it; rename the file or folder",
                f.display()
            )));
        };
        let text = crate::story::read_text(f)
            .map_err(|msg| Error::Input(format!("{}: {msg}", f.display())))?;
        articles.push((rel, text));
    }
    let story = guard::try_draft(&articles).map_err(|msg| {
        let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        Error::Input(format!("{}: drafting failed: {msg}", names.join(", ")))
    })?;
    Ok(Done {
        output: story.to_json(),
        to: out.map(Path::to_path_buf),
        ..Done::default()
    })
}
