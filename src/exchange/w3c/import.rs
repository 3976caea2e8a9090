//! Reading W3C Web Annotation JSON-LD back into a story (see the parent
//! module for the vocabulary).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::super::{CharMap, ImportError, Imported, absolute, read_input, unique_id};
use crate::story::format::{
    ArticleEntry, LinkEntry, PassageEntry, QuoteEntry, Selector, SpeakerEntry, StoryFile, VERSION,
};

/// One article as the import sees it.
struct Art {
    id: String,
    source: String,
    /// Where its text is, when that is not `source` (a web address): verso's
    /// `verso:articles` entry's `file`.
    file: Option<String>,
    entry: ArticleEntry,
}

impl Art {
    /// The path or URL the article's text is read from.
    fn text_at(&self) -> &str {
        self.file.as_deref().unwrap_or(&self.source)
    }
}

/// Reads a W3C Web Annotation file (`-`: standard input); `texts` are article
/// files that stand in for the `target.source` with the same file name.
pub fn import(file: &Path, texts: &[PathBuf]) -> Result<Imported, ImportError> {
    let json = read_input(file)?;
    let name = file.display().to_string();
    let value: Value = serde_json::from_str(&json)
        .map_err(|e| ImportError(crate::story::LoadError::json(&name, &json, &e).to_string()))?;
    let base = if file == Path::new("-") {
        absolute(Path::new("."))
    } else {
        absolute(file)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| absolute(Path::new(".")))
    };
    let (top, items) = shape(&name, &value)?;
    let mut r = Reader {
        name: &name,
        base,
        texts,
        ..Reader::default()
    };
    if let Some(top) = top {
        r.articles(top);
        r.speakers(top);
    }
    for (path, ann) in items {
        r.annotation(&path, ann)?;
    }
    r.finish(top.and_then(|t| opt_str(t, "label")))
}

/// The collection (if the file has one, with its `verso:` lists) and its
/// annotations, each with its path in the file.
type Shape<'v> = (Option<&'v Value>, Vec<(String, &'v Value)>);

/// What the file holds: a collection with its first page, a page, a list or
/// one annotation.
fn shape<'v>(name: &str, value: &'v Value) -> Result<Shape<'v>, ImportError> {
    // A page's items, named by `path`; `at` places a missing list in its message.
    let items = |page: &'v Value, path: &str, at: &str| {
        page.get("items")
            .and_then(Value::as_array)
            .map(|a| indexed(path, a))
            .ok_or_else(|| ImportError(format!("{name}: {at}no \"items\" list")))
    };
    let Value::Object(o) = value else {
        return match value {
            Value::Array(a) => Ok((None, indexed("", a))),
            _ => Err(ImportError(format!(
                "{name}: not W3C Web Annotation: the top level is neither an object nor a list"
            ))),
        };
    };
    match str_of(value, "type") {
        Some("AnnotationCollection") => match o.get("first") {
            Some(first @ Value::Object(_)) => {
                Ok((Some(value), items(first, "first.items", "first: ")?))
            }
            Some(_) => Err(ImportError(format!(
                "{name}: first: the collection's pages are not in the file \
                 (only a collection with its first page embedded can be read)"
            ))),
            None => Ok((Some(value), Vec::new())),
        },
        Some("AnnotationPage") => Ok((Some(value), items(value, "items", "")?)),
        Some("Annotation") => Ok((None, vec![(String::new(), value)])),
        _ => Err(ImportError(format!(
            "{name}: not W3C Web Annotation: the top level is an object whose \
             \"type\" is not AnnotationCollection, AnnotationPage or Annotation"
        ))),
    }
}

/// The story as it is read, annotation by annotation.
#[derive(Default)]
struct Reader<'a> {
    /// The annotation file, as named.
    name: &'a str,
    /// Its folder: relative sources are read from there.
    base: PathBuf,
    /// The `--text` files.
    texts: &'a [PathBuf],
    out: Imported,
    arts: Vec<Art>,
    article_ids: Vec<String>,
    speakers: Vec<SpeakerEntry>,
    speaker_ids: Vec<String>,
    quotes: Vec<QuoteEntry>,
    quote_ids: Vec<String>,
    links: Vec<LinkEntry>,
    texts_read: Vec<(PathBuf, String)>,
}

impl Reader<'_> {
    /// The collection's `verso:articles`.
    fn articles(&mut self, top: &Value) {
        let Some(list) = top.get("verso:articles").and_then(Value::as_array) else {
            return;
        };
        for a in list {
            let (Some(id), Some(source)) = (str_of(a, "id"), str_of(a, "source")) else {
                self.out
                    .problems
                    .push("verso:articles: an entry without id or source".to_string());
                continue;
            };
            self.article_ids.push(id.to_string());
            self.arts.push(Art {
                id: id.to_string(),
                source: source.to_string(),
                file: opt_str(a, "file"),
                entry: ArticleEntry {
                    id: id.to_string(),
                    file: String::new(),
                    title: opt_str(a, "title"),
                    outlet: opt_str(a, "outlet"),
                    published: opt_str(a, "published"),
                    url: opt_str(a, "url"),
                },
            });
        }
    }

    /// The collection's `verso:speakers`.
    fn speakers(&mut self, top: &Value) {
        let Some(list) = top.get("verso:speakers").and_then(Value::as_array) else {
            return;
        };
        for s in list {
            let (Some(id), Some(nm)) = (str_of(s, "id"), str_of(s, "name")) else {
                self.out
                    .problems
                    .push("verso:speakers: an entry without id or name".to_string());
                continue;
            };
            self.speaker_ids.push(id.to_string());
            self.speakers.push(SpeakerEntry {
                id: id.to_string(),
                name: nm.to_string(),
                description: opt_str(s, "description"),
                aliases: s
                    .get("aliases")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
                color: opt_str(s, "color"),
            });
        }
    }

    /// One annotation: a quote or a link passage, anchored in its article's
    /// text; anything else is skipped with a note.
    fn annotation(&mut self, path: &str, ann: &Value) -> Result<(), ImportError> {
        let tags: Vec<&str> = bodies(ann, "tagging");
        let quote = match str_of(ann, "verso:role") {
            Some("quote") => true,
            Some("passage") => false,
            Some(_) => {
                self.skip(path);
                return Ok(());
            }
            None if tags
                .iter()
                .any(|t| matches!(*t, "direct" | "indirect" | "mixed" | "quote")) =>
            {
                true
            }
            None if str_of(ann, "verso:link").is_some() => false,
            None => {
                self.skip(path);
                return Ok(());
            }
        };
        let target = match ann.get("target") {
            Some(Value::Array(a)) => a.first(),
            t => t,
        };
        let Some((target, source)) = target.and_then(|t| match t {
            Value::String(s) => Some((t, s.as_str())),
            t => str_of(t, "source").map(|s| (t, s)),
        }) else {
            self.out.problems.push(format!("{path}: no target source"));
            return Ok(());
        };
        let a = self.article_of(path, source)?;
        let text = &self
            .texts_read
            .iter()
            .find(|(p, _)| p.display().to_string() == self.arts[a].entry.file)
            .expect("read by article_of")
            .1;
        let Some(selector) = selector(target, text) else {
            self.out.problems.push(format!(
                "{path}: no TextQuoteSelector or TextPositionSelector that fits the text of {source}"
            ));
            return Ok(());
        };
        let kind = str_of(ann, "verso:kind")
            .map(str::to_string)
            .or_else(|| tags.first().map(|t| t.to_string()));
        let article = self.arts[a].id.clone();
        if quote {
            self.quote(path, ann, article, kind, selector);
        } else {
            self.passage(ann, article, kind, selector);
        }
        Ok(())
    }

    fn skip(&mut self, path: &str) {
        self.out.notes.push(format!(
            "{path}: skipped: neither a quote nor a link passage (no verso:role, and no \
             tagging body direct, indirect, mixed or quote)"
        ));
    }

    /// The article a target's `source` names: one of the collection's, else a
    /// new one named after the file; its text read the first time.
    fn article_of(&mut self, path: &str, source: &str) -> Result<usize, ImportError> {
        let a = match self.arts.iter().position(|a| a.source == source) {
            Some(i) => i,
            None => {
                let stem = Path::new(file_name(source))
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let id = unique_id(&stem, &mut self.article_ids);
                self.arts.push(Art {
                    id: id.clone(),
                    source: source.to_string(),
                    file: None,
                    entry: ArticleEntry {
                        id,
                        ..ArticleEntry::default()
                    },
                });
                self.arts.len() - 1
            }
        };
        if self.arts[a].entry.file.is_empty() {
            let only = self.arts.len() == 1 && self.texts.len() == 1;
            let name = self.name;
            let p = text_path(&self.base, self.arts[a].text_at(), self.texts, only)
                .map_err(|m| ImportError(format!("{name}: {path}: {m}")))?;
            let text = crate::story::read_text(&p)
                .map_err(|m| ImportError(format!("{name}: {path}: {}: {m}", p.display())))?;
            self.arts[a].entry.file = p.display().to_string();
            self.texts_read.push((p, text));
        }
        Ok(a)
    }

    /// A quote: its speaker by `verso:speaker`, else by the name its
    /// identifying body gives.
    fn quote(
        &mut self,
        path: &str,
        ann: &Value,
        article: String,
        kind: Option<String>,
        selector: Selector,
    ) {
        let speaker = match str_of(ann, "verso:speaker") {
            Some(s) => s.to_string(),
            None => match bodies(ann, "identifying").first() {
                Some(n) => speaker_named(n, &mut self.speakers, &mut self.speaker_ids),
                None => {
                    self.out.problems.push(format!(
                        "{path}: a quote with no speaker (no verso:speaker, no \
                         identifying body); attributed to \"unknown\""
                    ));
                    speaker_named("unknown", &mut self.speakers, &mut self.speaker_ids)
                }
            },
        };
        let id = match str_of(ann, "verso:id") {
            Some(id) => {
                self.quote_ids.push(id.to_string());
                id.to_string()
            }
            None => unique_id(&format!("q{}", self.quotes.len() + 1), &mut self.quote_ids),
        };
        self.quotes.push(QuoteEntry {
            id,
            article,
            speaker,
            kind: kind.filter(|k| k != "quote"),
            cue: str_of(ann, "verso:cue")
                .or_else(|| bodies(ann, "describing").first().copied())
                .map(str::to_string),
            selector,
        });
    }

    /// A link passage: passages with the same `verso:link` make one link.
    fn passage(&mut self, ann: &Value, article: String, kind: Option<String>, selector: Selector) {
        let link = str_of(ann, "verso:link").unwrap_or("").to_string();
        let passage = PassageEntry { article, selector };
        match self.links.iter_mut().find(|l| l.id == link) {
            Some(l) => l.passages.push(passage),
            None => self.links.push(LinkEntry {
                id: link,
                kind,
                note: str_of(ann, "verso:note")
                    .or_else(|| bodies(ann, "describing").first().copied())
                    .map(str::to_string),
                passages: vec![passage],
            }),
        }
    }

    /// The story: with the articles the collection lists but no annotation
    /// targets (their texts read too).
    fn finish(mut self, title: Option<String>) -> Result<Imported, ImportError> {
        let name = self.name;
        for art in &mut self.arts {
            if art.entry.file.is_empty() {
                let p = text_path(&self.base, art.text_at(), self.texts, false)
                    .map_err(|m| ImportError(format!("{name}: verso:articles: {m}")))?;
                let text = crate::story::read_text(&p)
                    .map_err(|m| ImportError(format!("{name}: {}: {m}", p.display())))?;
                art.entry.file = p.display().to_string();
                self.texts_read.push((p, text));
            }
        }
        self.out.story = StoryFile {
            version: VERSION,
            title,
            articles: self.arts.into_iter().map(|a| a.entry).collect(),
            speakers: self.speakers,
            quotes: self.quotes,
            links: self.links,
        };
        self.out.texts = self.texts_read;
        Ok(self.out)
    }
}

fn indexed<'v>(prefix: &str, list: &'v [Value]) -> Vec<(String, &'v Value)> {
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let id = str_of(v, "id")
                .map(|id| format!(" ({id})"))
                .unwrap_or_default();
            (format!("{prefix}[{i}]{id}"), v)
        })
        .collect()
}

fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn opt_str(v: &Value, key: &str) -> Option<String> {
    str_of(v, key).map(str::to_string)
}

/// The values of the annotation's textual bodies with this purpose.
fn bodies<'v>(ann: &'v Value, purpose: &str) -> Vec<&'v str> {
    let list: Vec<&Value> = match ann.get("body") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(b) => vec![b],
        None => vec![],
    };
    list.into_iter()
        .filter(|b| {
            str_of(b, "purpose") == Some(purpose)
                || (purpose == "tagging"
                    && str_of(b, "purpose").is_none()
                    && str_of(ann, "motivation") == Some("tagging"))
        })
        .filter_map(|b| str_of(b, "value"))
        .collect()
}

/// The id of the speaker with this name or alias, made anew if there is none.
fn speaker_named(name: &str, speakers: &mut Vec<SpeakerEntry>, ids: &mut Vec<String>) -> String {
    if let Some(s) = speakers
        .iter()
        .find(|s| s.name == name || s.aliases.iter().any(|a| a == name))
    {
        return s.id.clone();
    }
    let id = unique_id(name, ids);
    speakers.push(SpeakerEntry {
        id: id.clone(),
        name: name.to_string(),
        ..SpeakerEntry::default()
    });
    id
}

/// The last segment of a path or URL, without query or fragment.
fn file_name(source: &str) -> &str {
    let s = source.split(['?', '#']).next().unwrap_or(source);
    s.rsplit(['/', '\\']).next().unwrap_or(s)
}

/// Where the text of `source` is: the `--text` file of the same name, the only
/// `--text` file when there is one article (`only`), or `source` itself (a path
/// relative to the annotation file's folder, or a `file://` URL).
fn text_path(base: &Path, source: &str, texts: &[PathBuf], only: bool) -> Result<PathBuf, String> {
    let name = file_name(source);
    if let Some(t) = texts
        .iter()
        .find(|t| t.file_name().is_some_and(|n| n.to_string_lossy() == name))
    {
        return Ok(absolute(t));
    }
    if only {
        return Ok(absolute(&texts[0]));
    }
    if let Some(p) = source.strip_prefix("file://") {
        return Ok(PathBuf::from(p));
    }
    if source.contains("://") || source.starts_with("urn:") {
        return Err(format!(
            "target source {source} is not a local file: give its text with --text {name}"
        ));
    }
    Ok(crate::fsutil::absolute(base, Path::new(source)))
}

/// A story selector from a W3C target's selectors, checked against the text:
/// the position when it fits (and agrees with `exact`), else the quote
/// selector with its prefix and suffix, left to anchoring.
fn selector(target: &Value, text: &str) -> Option<Selector> {
    let list: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(s) => vec![s],
        None => vec![],
    };
    let of = |kind: &str| {
        list.iter()
            .copied()
            .find(|s| str_of(s, "type") == Some(kind))
    };
    let quote = of("TextQuoteSelector");
    let exact = quote.and_then(|q| str_of(q, "exact"));
    let map = CharMap::new(text);
    if let Some(pos) = of("TextPositionSelector") {
        let start = pos.get("start").and_then(Value::as_u64);
        let end = pos.get("end").and_then(Value::as_u64);
        if let (Some(s), Some(e)) = (start, end)
            && s < e
            && let (Some(bs), Some(be)) = (map.byte(s as usize), map.byte(e as usize))
        {
            let at = &text[bs..be];
            if exact.is_none_or(|x| x == at) {
                return Some(Selector {
                    text: at.to_string(),
                    prefix: None,
                    suffix: None,
                    start: Some(s),
                });
            }
        }
    }
    let q = quote?;
    Some(Selector {
        text: exact?.to_string(),
        prefix: opt_str(q, "prefix").filter(|p| !p.is_empty()),
        suffix: opt_str(q, "suffix").filter(|p| !p.is_empty()),
        start: None,
    })
}
