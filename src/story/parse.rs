//! Walks a story file's JSON by hand, field by field, so that every wrong value,
//! unknown field and duplicate id becomes a [`Problem`] with its JSON path, and only
//! what makes the whole file unreadable becomes a [`LoadError`].

use super::json::{Map, Value};

use super::format::{
    ArticleEntry, LinkEntry, PassageEntry, QuoteEntry, Selector, SpeakerEntry, StoryFile,
};
use super::{Color, LinkKind, LoadError, Problem, QuoteKind, format::VERSION};

/// The entries that passed the field checks, each with its index in the file.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub title: Option<String>,
    pub articles: Vec<(usize, ArticleEntry)>,
    pub speakers: Vec<(usize, SpeakerEntry)>,
    pub quotes: Vec<(usize, QuoteEntry)>,
    /// Each link with the file index of each of its remaining passages.
    pub links: Vec<(usize, LinkEntry, Vec<usize>)>,
}

pub(super) fn parse(source: &str, json: &str) -> Result<(Parsed, Vec<Problem>), LoadError> {
    let value: Value<'_> =
        serde_json::from_str(json).map_err(|e| LoadError::json(source, json, &e))?;
    let Value::Object(top) = value else {
        return Err(LoadError::new(
            source,
            format!(
                "not a story file: the top level is {}, where FORMAT.md has an object \
                 {{\"version\": 1, \"articles\": [...], ...}}",
                describe(&value)
            ),
        ));
    };
    match top.get("version") {
        None => {
            return Err(LoadError::new(
                source,
                format!(
                    "not a story file: no \"version\" field (this program reads version {VERSION})"
                ),
            ));
        }
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) => {
            return Err(LoadError::new(
                source,
                format!(
                    "story file version {v} is not supported: this program reads version {VERSION}"
                ),
            ));
        }
    }
    let mut p = Parser::default();
    let mut out = Parsed::default();
    p.unknown_fields(&top, "", None, &StoryFile::fields());
    {
        let mut o = Obj::new(&top, String::new(), None);
        out.title = p.string(&mut o, "title", false);
    }
    for (i, v) in p.array(&top, "articles", true) {
        if let Some(a) = p.article(i, v) {
            out.articles.push((i, a));
        }
    }
    for (i, v) in p.array(&top, "speakers", false) {
        if let Some(s) = p.speaker(i, v) {
            out.speakers.push((i, s));
        }
    }
    for (i, v) in p.array(&top, "quotes", false) {
        if let Some(q) = p.quote(i, v) {
            out.quotes.push((i, q));
        }
    }
    for (i, v) in p.array(&top, "links", false) {
        if let Some((l, idx)) = p.link(i, v) {
            out.links.push((i, l, idx));
        }
    }
    Ok((out, p.problems))
}

/// One JSON object being read, and where it is.
struct Obj<'a> {
    map: &'a Map<'a>,
    path: String,
    id: Option<String>,
}

impl<'a> Obj<'a> {
    fn new(map: &'a Map<'a>, path: String, id: Option<String>) -> Obj<'a> {
        Obj { map, path, id }
    }
    fn field_path(&self, name: &str) -> String {
        join_path(&self.path, name)
    }
}

/// The JSON path of field `name` in the object at `path` (`""`: the top level).
fn join_path(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

#[derive(Default)]
struct Parser {
    problems: Vec<Problem>,
    /// First index of each id, per kind ("articles", "speakers", ...).
    seen: super::FastMap<(&'static str, String), usize>,
}

impl Parser {
    fn problem(&mut self, path: String, id: Option<&str>, message: String) {
        self.problems.push(Problem::new(path, id, message));
    }

    fn unknown_fields(&mut self, map: &Map<'_>, path: &str, id: Option<&str>, known: &[&str]) {
        for key in map.repeated_keys() {
            self.problem(
                join_path(path, key),
                id,
                format!("field \"{key}\" is given more than once; only the last is read"),
            );
        }
        for key in map.keys() {
            if known.contains(&key) {
                continue;
            }
            let hint = closest_name(key, known)
                .map(|k| format!(" (did you mean \"{k}\"?)"))
                .unwrap_or_default();
            let at = if path.is_empty() {
                "the top level".to_string()
            } else {
                path.to_string()
            };
            self.problem(
                join_path(path, key),
                id,
                format!(
                    "unknown field \"{key}\"{hint}; fields allowed in {at}: {}",
                    known.join(", ")
                ),
            );
        }
    }

    /// The elements of a top-level array field, with their indices.
    fn array<'v>(
        &mut self,
        top: &'v Map<'v>,
        name: &str,
        required: bool,
    ) -> Vec<(usize, &'v Value<'v>)> {
        match top.get(name) {
            None if required => {
                self.problem(
                    name.into(),
                    None,
                    format!("required field \"{name}\" is missing"),
                );
                Vec::new()
            }
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items.iter().enumerate().collect(),
            Some(v) => {
                self.problem(
                    name.into(),
                    None,
                    format!("\"{name}\" must be an array, found {}", describe(v)),
                );
                Vec::new()
            }
        }
    }

    /// An array element that must be an object; reads its `id` when it has one.
    fn object<'v>(
        &mut self,
        v: &'v Value<'v>,
        path: String,
        known: &[&str],
        has_id: bool,
    ) -> Option<Obj<'v>> {
        let Value::Object(map) = v else {
            self.problem(
                path,
                None,
                format!("must be an object, found {}", describe(v)),
            );
            return None;
        };
        let id = if has_id {
            map.get("id").and_then(Value::as_str).map(str::to_string)
        } else {
            None
        };
        self.unknown_fields(map, &path, id.as_deref(), known);
        Some(Obj::new(map, path, id))
    }

    fn string(&mut self, o: &mut Obj, name: &str, required: bool) -> Option<String> {
        match o.map.get(name) {
            None | Some(Value::Null) => {
                if required {
                    let path = o.path.clone();
                    self.problem(
                        path,
                        o.id.as_deref(),
                        format!("required field \"{name}\" is missing"),
                    );
                }
                None
            }
            Some(Value::String(s)) => Some(s.to_string()),
            Some(v) => {
                self.problem(
                    o.field_path(name),
                    o.id.as_deref(),
                    format!("\"{name}\" must be a string, found {}", describe(v)),
                );
                None
            }
        }
    }

    /// The `id` field: required, a string, unique among its kind, and for
    /// articles also `[A-Za-z0-9_-]+`.
    fn id(
        &mut self,
        o: &mut Obj,
        kind: &'static str,
        index: usize,
        strict: bool,
    ) -> Option<String> {
        let id = self.string(o, "id", true)?;
        if id.is_empty()
            || (strict
                && !id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
        {
            self.problem(
                o.field_path("id"),
                Some(&id),
                format!(
                    "id {:?} may only use letters A-Z a-z, digits, \"_\" and \"-\"",
                    id
                ),
            );
            return None;
        }
        match self.seen.entry((kind, id)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let first = *e.get();
                let id = &e.key().1;
                let message = format!(
                    "duplicate id \"{id}\": {kind}[{first}] already has it; this one is ignored"
                );
                let id = id.clone();
                self.problem(o.path.clone(), Some(&id), message);
                None
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                let id = e.key().1.clone();
                e.insert(index);
                Some(id)
            }
        }
    }

    fn article(&mut self, i: usize, v: &Value) -> Option<ArticleEntry> {
        let mut o = self.object(v, format!("articles[{i}]"), &ArticleEntry::fields(), true)?;
        let id = self.id(&mut o, "articles", i, true);
        let file = self.string(&mut o, "file", true);
        let title = self.string(&mut o, "title", false);
        let outlet = self.string(&mut o, "outlet", false);
        let published = self.string(&mut o, "published", false);
        let url = self.string(&mut o, "url", false);
        if file.as_deref() == Some("") {
            self.problem(
                o.field_path("file"),
                o.id.as_deref(),
                "\"file\" is empty".into(),
            );
            return None;
        }
        Some(ArticleEntry {
            id: id?,
            file: file?,
            title,
            outlet,
            published,
            url,
        })
    }

    fn speaker(&mut self, i: usize, v: &Value) -> Option<SpeakerEntry> {
        let mut o = self.object(v, format!("speakers[{i}]"), &SpeakerEntry::fields(), true)?;
        let id = self.id(&mut o, "speakers", i, false);
        let name = self.string(&mut o, "name", true);
        if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            self.problem(
                o.field_path("name"),
                o.id.as_deref(),
                "\"name\" is empty".into(),
            );
            return None;
        }
        let description = self.string(&mut o, "description", false);
        let mut aliases = Vec::new();
        match o.map.get("aliases") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (j, a) in items.iter().enumerate() {
                    match a.as_str() {
                        Some(s) if !s.trim().is_empty() => aliases.push(s.to_string()),
                        Some(_) => self.problem(
                            format!("{}.aliases[{j}]", o.path),
                            o.id.as_deref(),
                            "alias is empty".into(),
                        ),
                        None => self.problem(
                            format!("{}.aliases[{j}]", o.path),
                            o.id.as_deref(),
                            format!("an alias must be a string, found {}", describe(a)),
                        ),
                    }
                }
            }
            Some(v) => self.problem(
                o.field_path("aliases"),
                o.id.as_deref(),
                format!(
                    "\"aliases\" must be an array of strings, found {}",
                    describe(v)
                ),
            ),
        }
        let color = match o.map.get("color") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::String(s)) => Some(s.to_string()),
            Some(v) => {
                self.problem(
                    o.field_path("color"),
                    o.id.as_deref(),
                    format!("\"color\" must be a string, found {}", describe(v)),
                );
                None
            }
        };
        let color = color.filter(|c| {
            let ok = Color::parse(c).is_some();
            if !ok {
                self.problem(
                    o.field_path("color"),
                    o.id.as_deref(),
                    format!(
                        "unknown colour {c:?}: use a name ({}), \"#rrggbb\", or an index 0-255",
                        Color::NAMES.join(", ")
                    ),
                );
            }
            ok
        });
        Some(SpeakerEntry {
            id: id?,
            name: name?,
            description,
            aliases,
            color,
        })
    }

    fn selector(&mut self, o: &mut Obj) -> Option<Selector> {
        let text = self.string(o, "text", true);
        if text.as_deref() == Some("") {
            self.problem(
                o.field_path("text"),
                o.id.as_deref(),
                "\"text\" is empty: a selector needs the exact text it marks".into(),
            );
            return None;
        }
        let prefix = self.string(o, "prefix", false);
        let suffix = self.string(o, "suffix", false);
        let start = match o.map.get("start") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(v) => {
                self.problem(
                    o.field_path("start"),
                    o.id.as_deref(),
                    format!(
                        "\"start\" must be a whole number of characters from 0 up, found {}",
                        describe_value(v)
                    ),
                );
                None
            }
        };
        Some(Selector {
            text: text?,
            prefix,
            suffix,
            start,
        })
    }

    fn quote(&mut self, i: usize, v: &Value) -> Option<QuoteEntry> {
        let mut o = self.object(v, format!("quotes[{i}]"), &QuoteEntry::fields(), true)?;
        let id = self.id(&mut o, "quotes", i, false);
        let article = self.string(&mut o, "article", true);
        let speaker = self.string(&mut o, "speaker", true);
        let kind = self.string(&mut o, "kind", false);
        if let Some(k) = &kind
            && QuoteKind::parse(k).is_none()
        {
            self.problem(
                o.field_path("kind"),
                o.id.as_deref(),
                format!("unknown quote kind {k:?}: use \"direct\", \"indirect\" or \"mixed\""),
            );
            return None;
        }
        let cue = self.string(&mut o, "cue", false);
        let selector = self.selector(&mut o);
        Some(QuoteEntry {
            id: id?,
            article: article?,
            speaker: speaker?,
            kind,
            cue,
            selector: selector?,
        })
    }

    fn link(&mut self, i: usize, v: &Value) -> Option<(LinkEntry, Vec<usize>)> {
        let mut o = self.object(v, format!("links[{i}]"), &LinkEntry::fields(), true)?;
        let id = self.id(&mut o, "links", i, false);
        let kind = self.string(&mut o, "kind", false);
        if let Some(k) = &kind
            && LinkKind::parse(k).is_none()
        {
            self.problem(
                o.field_path("kind"),
                o.id.as_deref(),
                format!("unknown link kind {k:?}: use \"same\", \"paraphrase\" or \"conflict\""),
            );
            return None;
        }
        let note = self.string(&mut o, "note", false);
        let items = match o.map.get("passages") {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => {
                self.problem(
                    o.path.clone(),
                    o.id.as_deref(),
                    "required field \"passages\" is missing".into(),
                );
                return None;
            }
            Some(v) => {
                self.problem(
                    o.field_path("passages"),
                    o.id.as_deref(),
                    format!("\"passages\" must be an array, found {}", describe(v)),
                );
                return None;
            }
        };
        if items.len() < 2 {
            self.problem(
                o.field_path("passages"),
                o.id.as_deref(),
                format!(
                    "a link needs two or more passages, in at least two articles; it has {}",
                    items.len()
                ),
            );
            return None;
        }
        let mut passages = Vec::new();
        let mut indices = Vec::new();
        for (j, pv) in items.iter().enumerate() {
            let Some(mut po) = self.object(
                pv,
                format!("{}.passages[{j}]", o.path),
                &PassageEntry::fields(),
                false,
            ) else {
                continue;
            };
            po.id = o.id.clone();
            let article = self.string(&mut po, "article", true);
            let selector = self.selector(&mut po);
            if let (Some(article), Some(selector)) = (article, selector) {
                passages.push(PassageEntry { article, selector });
                indices.push(j);
            }
        }
        Some((
            LinkEntry {
                id: id?,
                kind,
                note,
                passages,
            },
            indices,
        ))
    }
}

/// "a number", "an array", ... for messages about the wrong type.
fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Like [`describe`], but shows numbers and short strings themselves.
fn describe_value(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.chars().count() <= 20 => format!("the string {s:?}"),
        v => describe(v).to_string(),
    }
}

/// The known field name a misspelt one was most likely meant to be.
fn closest_name<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key = key.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::levenshtein(&key, k), *k))
        .filter(|&(d, k)| d <= 2.max(k.len() / 3) && d < k.len())
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_fields_get_a_suggestion() {
        assert_eq!(
            closest_name("speeker", &QuoteEntry::fields()),
            Some("speaker")
        );
        assert_eq!(closest_name("Text", &QuoteEntry::fields()), Some("text"));
        assert_eq!(
            closest_name("colour", &SpeakerEntry::fields()),
            Some("color")
        );
        assert_eq!(closest_name("zzzzzzzz", &QuoteEntry::fields()), None);
    }
}
