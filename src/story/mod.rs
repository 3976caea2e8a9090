//! Stories: a set of articles about one event, with speakers, quotes and links.
//!
//! [`open`] loads what a command names (a file, `-`, or the [`bundled`] story);
//! [`load`] reads a story file (FORMAT.md) and its article texts, checks every
//! field, anchors every selector in its article, and returns a [`Story`] that holds
//! everything sound plus the list of [`Problem`]s. Only errors that make the file
//! unreadable are a [`LoadError`]. Anchored ranges are byte ranges into the article
//! text that fall on grapheme-cluster boundaries, sorted where it matters, so the
//! reader can highlight without searching again. Nothing here knows about terminals.

mod anchor;
pub mod bundled;
mod color;
mod find;
pub mod format;
mod json;
mod mentions;
mod offsets;
mod parse;
mod problem;
pub mod save;
pub(crate) mod spans;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use color::Color;
pub use offsets::CharIndex;
pub use problem::{LoadError, Problem, is_bidi_control, quote_excerpt};

/// An article's text and what the story file says about it.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    /// The `file` field as written in the story.
    pub file: String,
    /// The title to show: the story's `title`, or the text's first line.
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Mentions of speakers' names and aliases, sorted by start, not overlapping.
    pub mentions: Vec<Mention>,
}

/// A whole-word occurrence of a speaker's name or alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub speaker: usize,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub aliases: Vec<String>,
    /// The colour the story asks for, if any; the reader picks one otherwise.
    pub color: Option<Color>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

impl QuoteKind {
    pub fn parse(s: &str) -> Option<QuoteKind> {
        match s {
            "direct" => Some(QuoteKind::Direct),
            "indirect" => Some(QuoteKind::Indirect),
            "mixed" => Some(QuoteKind::Mixed),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A quote anchored in its article.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    pub id: String,
    pub article: usize,
    pub speaker: usize,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    /// Byte range in the article's text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum LinkKind {
    Same,
    Paraphrase,
    Conflict,
}

impl LinkKind {
    pub fn parse(s: &str) -> Option<LinkKind> {
        match s {
            "same" => Some(LinkKind::Same),
            "paraphrase" => Some(LinkKind::Paraphrase),
            "conflict" => Some(LinkKind::Conflict),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Same => "same",
            LinkKind::Paraphrase => "paraphrase",
            LinkKind::Conflict => "conflict",
        }
    }
}

/// One article's side of a link.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Passage {
    pub article: usize,
    pub range: Range<usize>,
}

/// Passages in two or more articles that tell the same thing.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Link {
    pub id: String,
    pub kind: LinkKind,
    pub note: Option<String>,
    /// At least two passages, in at least two articles.
    pub passages: Vec<Passage>,
}

/// A loaded story: everything sound in the file, and what was not.
#[derive(Debug, Clone)]
pub struct Story {
    /// How to name the story file in messages (its path, `-`, or `(bundled) ...`).
    pub source: String,
    pub title: String,
    pub articles: Vec<Article>,
    pub speakers: Vec<Speaker>,
    /// Sorted by article, then by start.
    pub quotes: Vec<Quote>,
    /// In file order.
    pub links: Vec<Link>,
    pub problems: Vec<Problem>,
}

impl Story {
    /// The one-line summary `verso check` prints for a sound story.
    pub fn summary(&self) -> String {
        format!(
            "{} articles, {} speakers, {} quotes, {} links",
            self.articles.len(),
            self.speakers.len(),
            self.quotes.len(),
            self.links.len()
        )
    }

    /// Finds every speaker's mentions again (after a rename or a new alias).
    /// A name two speakers share goes to the first, as when loading.
    pub fn refresh_mentions(&mut self) {
        self.articles.iter_mut().for_each(|a| a.mentions.clear());
        mentions::find(&mut self.articles, &self.speakers, &mut Vec::new());
    }

    /// Quotes of one article, in text order.
    pub fn quotes_in(&self, article: usize) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.article == article)
    }
}

/// The story a command names: the story file at `path`, standard input for
/// `-`, the bundled story for none. Every command loads its stories here.
pub fn open(path: Option<&Path>) -> Result<Story, LoadError> {
    match path {
        Some(p) => load(p),
        None => bundled::load(),
    }
}

/// Reads the story file at `path` (or standard input for `-`) and the articles it
/// names, relative to the story file's folder (the current folder for `-`).
pub fn load(path: &Path) -> Result<Story, LoadError> {
    let source = path.display().to_string();
    let json = if path == Path::new("-") {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| LoadError::new(&source, format!("cannot read standard input: {e}")))?;
        s
    } else {
        read_text(path).map_err(|msg| LoadError::new(&source, msg))?
    };
    let base: PathBuf = if path == Path::new("-") {
        PathBuf::from(".")
    } else {
        path.parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."))
    };
    // The story file's text is not needed once parsed: free it before the
    // articles are read and anchored.
    let (file, problems) = parse_json(&source, &json)?;
    drop(json);
    let read_article = |file: &str| {
        let p = base.join(file);
        if same_file(&p, path) {
            return Err(format!(
                "article file {} is the story file itself",
                p.display()
            ));
        }
        read_text(&p).map_err(|msg| format!("article file {}: {msg}", p.display()))
    };
    anchor_parsed(&source, &file, problems, read_article)
}

/// Builds a story from its JSON text; `read_article` returns the text of an
/// article's `file` field or a message saying why it cannot.
pub fn from_json(
    source: &str,
    json: &str,
    read_article: impl FnMut(&str) -> Result<String, String>,
) -> Result<Story, LoadError> {
    let (file, problems) = parse_json(source, json)?;
    anchor_parsed(source, &file, problems, read_article)
}

/// The first half of [`from_json`]: the story file's fields, checked.
fn parse_json(source: &str, json: &str) -> Result<(parse::Parsed, Vec<Problem>), LoadError> {
    // A byte-order mark before the JSON (editors on Windows add one) is no error.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    parse::parse(source, json)
}

/// The second half of [`from_json`]: the articles read, every selector anchored.
fn anchor_parsed(
    source: &str,
    file: &parse::Parsed,
    mut problems: Vec<Problem>,
    read_article: impl FnMut(&str) -> Result<String, String>,
) -> Result<Story, LoadError> {
    let mut story = anchor::build(source, file, read_article, &mut problems)?;
    story.problems = problems;
    Ok(story)
}

/// Texts longer than this (in bytes, all together) are worth a thread each.
pub(crate) const PARALLEL_BYTES: usize = 1 << 20;

/// A map with a fast hasher (FxHash, from `rustc-hash`) for the maps that
/// anchoring fills with the story's own ids and texts: several times cheaper
/// than SipHash on long keys, and only iteration order could tell them apart
/// (no map here is iterated).
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// `f(i, item)` for every item, on up to as many threads as there are cores
/// (one item per thread at a time), results in order. Without `big` (work
/// too small to pay for starting threads), on this thread.
pub(crate) fn par_map<T: Sync, R: Send>(
    big: bool,
    items: &[T],
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if !big || items.len() < 2 || threads < 2 {
        return items.iter().enumerate().map(|(i, x)| f(i, x)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let work = || {
            let mut out = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(x) = items.get(i) else { break out };
                out.push((i, f(i, x)));
            }
        };
        let helpers: Vec<_> = (1..threads.min(items.len()))
            .map(|_| s.spawn(work))
            .collect();
        let mut all = work();
        for h in helpers {
            all.extend(h.join().expect("a worker never panics"));
        }
        all
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Reads a whole file as UTF-8, with a message a person can act on if it fails.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = crate::fsutil::read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        format!(
            "not UTF-8: invalid byte 0x{:02x} at byte offset {at} (line {line}); \
             convert the file to UTF-8 (e.g. with iconv) and try again",
            e.as_bytes()[at]
        )
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
