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
    let (top, items): (Option<&Value>, Vec<(String, &Value)>) = match &value {
        Value::Array(a) => (None, indexed("", a)),
        Value::Object(o) => match str_of(&value, "type") {
            Some("AnnotationCollection") => match o.get("first") {
                Some(first @ Value::Object(_)) => (
                    Some(&value),
                    indexed(
                        "first.items",
                        first
                            .get("items")
                            .and_then(Value::as_array)
                            .ok_or_else(|| {
                                ImportError(format!("{name}: first: no \"items\" list"))
                            })?,
                    ),
                ),
                Some(_) => {
                    return Err(ImportError(format!(
                        "{name}: first: the collection's pages are not in the file \
                         (only a collection with its first page embedded can be read)"
                    )));
                }
                None => (Some(&value), Vec::new()),
            },
            Some("AnnotationPage") => (
                Some(&value),
                indexed(
                    "items",
                    o.get("items")
                        .and_then(Value::as_array)
                        .ok_or_else(|| ImportError(format!("{name}: no \"items\" list")))?,
                ),
            ),
            Some("Annotation") => (None, vec![(String::new(), &value)]),
            _ => {
                return Err(ImportError(format!(
                    "{name}: not W3C Web Annotation: the top level is an object whose \
                     \"type\" is not AnnotationCollection, AnnotationPage or Annotation"
                )));
            }
        },
        _ => {
            return Err(ImportError(format!(
                "{name}: not W3C Web Annotation: the top level is neither an object nor a list"
            )));
        }
    };

    let mut out = Imported::default();
    let mut article_ids: Vec<String> = Vec::new();
    let mut arts: Vec<Art> = Vec::new();
    if let Some(list) = top
        .and_then(|t| t.get("verso:articles"))
        .and_then(Value::as_array)
    {
        for a in list {
            let (Some(id), Some(source)) = (str_of(a, "id"), str_of(a, "source")) else {
                out.problems
                    .push("verso:articles: an entry without id or source".to_string());
                continue;
            };
            article_ids.push(id.to_string());
            arts.push(Art {
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
    let mut speakers: Vec<SpeakerEntry> = Vec::new();
    let mut speaker_ids: Vec<String> = Vec::new();
    if let Some(list) = top
        .and_then(|t| t.get("verso:speakers"))
        .and_then(Value::as_array)
    {
        for s in list {
            let (Some(id), Some(nm)) = (str_of(s, "id"), str_of(s, "name")) else {
                out.problems
                    .push("verso:speakers: an entry without id or name".to_string());
                continue;
            };
            speaker_ids.push(id.to_string());
            speakers.push(SpeakerEntry {
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

    let mut quotes: Vec<QuoteEntry> = Vec::new();
    let mut quote_ids: Vec<String> = Vec::new();
    let mut links: Vec<LinkEntry> = Vec::new();
    let mut texts_read: Vec<(PathBuf, String)> = Vec::new();
    for (path, ann) in items {
        let tags: Vec<&str> = bodies(ann, "tagging");
        let role = str_of(ann, "verso:role").map(str::to_string).or_else(|| {
            if tags
                .iter()
                .any(|t| matches!(*t, "direct" | "indirect" | "mixed" | "quote"))
            {
                Some("quote".to_string())
            } else if str_of(ann, "verso:link").is_some() {
                Some("passage".to_string())
            } else {
                None
            }
        });
        if !matches!(role.as_deref(), Some("quote" | "passage")) {
            out.notes.push(format!(
                "{path}: skipped: neither a quote nor a link passage (no verso:role, and no \
                 tagging body direct, indirect, mixed or quote)"
            ));
            continue;
        }
        let target = match ann.get("target") {
            Some(Value::Array(a)) => a.first(),
            t => t,
        };
        let Some(source) = target.and_then(|t| match t {
            Value::String(s) => Some(s.as_str()),
            t => str_of(t, "source"),
        }) else {
            out.problems.push(format!("{path}: no target source"));
            continue;
        };
        // The article: by its source, else a new one named after the file.
        let a = match arts.iter().position(|a| a.source == source) {
            Some(i) => i,
            None => {
                let stem = Path::new(file_name(source))
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let id = unique_id(&stem, &mut article_ids);
                arts.push(Art {
                    id: id.clone(),
                    source: source.to_string(),
                    file: None,
                    entry: ArticleEntry {
                        id,
                        ..ArticleEntry::default()
                    },
                });
                arts.len() - 1
            }
        };
        if arts[a].entry.file.is_empty() {
            let only = arts.len() == 1 && texts.len() == 1;
            let p = text_path(&base, arts[a].text_at(), texts, only)
                .map_err(|m| ImportError(format!("{name}: {path}: {m}")))?;
            let text = crate::story::read_text(&p)
                .map_err(|m| ImportError(format!("{name}: {path}: {}: {m}", p.display())))?;
            arts[a].entry.file = p.display().to_string();
            texts_read.push((p, text));
        }
        let text = &texts_read
            .iter()
            .find(|(p, _)| p.display().to_string() == arts[a].entry.file)
            .expect("read above")
            .1;
        let Some(selector) = selector(target.expect("has a source"), text) else {
            out.problems.push(format!(
                "{path}: no TextQuoteSelector or TextPositionSelector that fits the text of {source}"
            ));
            continue;
        };
        let kind = str_of(ann, "verso:kind")
            .map(str::to_string)
            .or_else(|| tags.first().map(|t| t.to_string()));
        match role.as_deref() {
            Some("quote") => {
                let speaker = match str_of(ann, "verso:speaker") {
                    Some(s) => s.to_string(),
                    None => match bodies(ann, "identifying").first() {
                        Some(n) => speaker_named(n, &mut speakers, &mut speaker_ids),
                        None => {
                            out.problems.push(format!(
                                "{path}: a quote with no speaker (no verso:speaker, no \
                                 identifying body); attributed to \"unknown\""
                            ));
                            speaker_named("unknown", &mut speakers, &mut speaker_ids)
                        }
                    },
                };
                let id = match str_of(ann, "verso:id") {
                    Some(id) => {
                        quote_ids.push(id.to_string());
                        id.to_string()
                    }
                    None => unique_id(&format!("q{}", quotes.len() + 1), &mut quote_ids),
                };
                quotes.push(QuoteEntry {
                    id,
                    article: arts[a].id.clone(),
                    speaker,
                    kind: kind.filter(|k| k != "quote"),
                    cue: str_of(ann, "verso:cue")
                        .or_else(|| bodies(ann, "describing").first().copied())
                        .map(str::to_string),
                    selector,
                });
            }
            Some("passage") => {
                let link = str_of(ann, "verso:link").unwrap_or("").to_string();
                let passage = PassageEntry {
                    article: arts[a].id.clone(),
                    selector,
                };
                match links.iter_mut().find(|l| l.id == link) {
                    Some(l) => l.passages.push(passage),
                    None => links.push(LinkEntry {
                        id: link,
                        kind,
                        note: str_of(ann, "verso:note")
                            .or_else(|| bodies(ann, "describing").first().copied())
                            .map(str::to_string),
                        passages: vec![passage],
                    }),
                }
            }
            _ => unreachable!("checked above"),
        }
    }
    // Articles the collection lists but no annotation targets still belong to the story.
    for art in &mut arts {
        if art.entry.file.is_empty() {
            let p = text_path(&base, art.text_at(), texts, false)
                .map_err(|m| ImportError(format!("{name}: verso:articles: {m}")))?;
            let text = crate::story::read_text(&p)
                .map_err(|m| ImportError(format!("{name}: {}: {m}", p.display())))?;
            art.entry.file = p.display().to_string();
            texts_read.push((p, text));
        }
    }
    out.story = StoryFile {
        version: VERSION,
        title: top.and_then(|t| opt_str(t, "label")),
        articles: arts.into_iter().map(|a| a.entry).collect(),
        speakers,
        quotes,
        links,
    };
    out.texts = texts_read;
    Ok(out)
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
