//! Saving an edited story (the reader's Ctrl-s) so that a diff of the file
//! shows the edit and nothing else: [`patch`] rewrites only what changed in the
//! file's own text and copies every other byte.
//!
//! What changed is found by comparing two canonical forms
//! ([`canonical`](crate::exchange::canonical)): the story as loaded and the
//! story as edited. Speakers, quotes and links are matched by `id`, in those
//! forms and in the file (the first element of the file's array with that
//! `"id"`, the one the reader loaded). Then:
//!
//! - an element unchanged, and an element of the file that did not load (it
//!   had a problem, or no id), stays as it is, byte for byte;
//! - in an element that changed, only the keys whose canonical value changed
//!   are touched: the value replaced in place, the key removed with its comma,
//!   or the key inserted after the keys that come before it in FORMAT.md's
//!   order, in its neighbours' layout. When an anchor moved (`text`, `start`),
//!   `text` and `start` are written and `prefix` and `suffix` removed, since
//!   they would no longer fit; a link's passages are diffed one by one;
//! - an element deleted is removed with its comma and its line;
//! - new elements go at the end of their array, in the edited story's order,
//!   laid out like their neighbours (serde_json's pretty layout indented like
//!   the file, or on one line where the file has them on one line); an array
//!   the file leaves out is added;
//! - a changed `title` is rewritten the same way; the articles are never
//!   edited, so a change there is an error.
//!
//! An error means the file cannot be patched safely (it is not a JSON object,
//! an id cannot be matched, ...): the caller may offer to write the whole
//! story instead ([`StoryFile::to_json`]).

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};
use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::Value;

use super::format::{LinkEntry, PassageEntry, QuoteEntry, SpeakerEntry, StoryFile};
use super::spans::{self, Kind, Node};

/// The story file's text with the edits from `loaded` to `current` made in it.
///
/// `original`: the story file's text as read from disk. `loaded`:
/// `canonical(story as loaded from it)`. `current`: `canonical(story after the
/// user's edits)`.
pub fn patch(original: &str, loaded: &StoryFile, current: &StoryFile) -> Result<String, String> {
    let out = patch_unchecked(original, loaded, current)?;
    let json = out.strip_prefix('\u{feff}').unwrap_or(&out);
    if let Err(e) = spans::parse_shallow(json, 0) {
        return Err(format!(
            "the patched story file would not be JSON ({e}); this is a bug"
        ));
    }
    Ok(out)
}

/// [`patch`] without checking that the text it makes is JSON, for a caller
/// that checks it anyway.
pub(crate) fn patch_unchecked(
    original: &str,
    loaded: &StoryFile,
    current: &StoryFile,
) -> Result<String, String> {
    if loaded.version != current.version {
        return Err(format!(
            "the story's version changed from {} to {}: a story file cannot be patched to another version",
            loaded.version, current.version
        ));
    }
    if loaded.articles != current.articles {
        return Err(
            "the story's articles changed, and saving edits only speakers, quotes, links and the title"
                .into(),
        );
    }
    // The elements of the arrays are recorded only where they are edited.
    let root = spans::parse_shallow(original, 2)
        .map_err(|e| format!("the story file is not JSON: {e}"))?;
    if !matches!(root.kind, Kind::Object(_)) {
        return Err("the story file's top level is not a JSON object".into());
    }
    if loaded == current {
        return Ok(original.to_string());
    }
    let cx = Cx::new(original, &root);
    let mut edit = ObjEdit::default();
    if loaded.title != current.title {
        let title = current.title.clone().map(Value::String);
        settle(&cx, &root, &[("title", title)], &mut edit);
    }
    array(
        &cx,
        &root,
        "speakers",
        &loaded.speakers,
        &current.speakers,
        &mut edit,
    )?;
    array(
        &cx,
        &root,
        "quotes",
        &loaded.quotes,
        &current.quotes,
        &mut edit,
    )?;
    array(
        &cx,
        &root,
        "links",
        &loaded.links,
        &current.links,
        &mut edit,
    )?;
    if edit.delete.is_empty() && edit.insert.is_empty() {
        return Ok(splice(original, &root, edit.replace));
    }
    let body = rebuild_object(&cx, &root, &edit, &StoryFile::fields());
    Ok(format!(
        "{}{body}{}",
        &original[..root.span.start],
        &original[root.span.end..]
    ))
}

/// `text` with the values of members of `obj` replaced (member index, new
/// value text), in one allocation.
fn splice(text: &str, obj: &Node, mut replace: Vec<(usize, String)>) -> String {
    replace.sort_by_key(|(i, _)| *i);
    let grow: usize = replace.iter().map(|(_, v)| v.len()).sum();
    let mut out = String::with_capacity(text.len() + grow);
    let mut at = 0;
    for (i, v) in &replace {
        let span = &obj.members()[*i].value.span;
        out.push_str(&text[at..span.start]);
        out.push_str(v);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// An element of `speakers`, `quotes` or `links`.
trait Entry: Serialize + PartialEq + Sized {
    fn id(&self) -> &str;
    /// Its fields in FORMAT.md's order.
    fn order() -> Vec<&'static str>;
    /// The new text of `node`, the element as the file has it, which loaded
    /// as `loaded` and is now `current`.
    fn patch(cx: &Cx, node: &Node, loaded: &Self, current: &Self) -> Result<String, String> {
        Ok(patch_fields(cx, node, loaded, current, &Self::order()))
    }
}

impl Entry for SpeakerEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn order() -> Vec<&'static str> {
        SpeakerEntry::fields()
    }
}

impl Entry for QuoteEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn order() -> Vec<&'static str> {
        QuoteEntry::fields()
    }
}

impl Entry for LinkEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn order() -> Vec<&'static str> {
        LinkEntry::fields()
    }
    fn patch(cx: &Cx, node: &Node, loaded: &Self, current: &Self) -> Result<String, String> {
        let order = LinkEntry::fields();
        let mut edit = ObjEdit::default();
        settle(cx, node, &settings(&order, loaded, current), &mut edit);
        if loaded.passages != current.passages {
            let (i, m) = node
                .get("passages")
                .ok_or_else(|| format!("link \"{}\" has no \"passages\" in the file", loaded.id))?;
            let text = patch_passages(cx, &m.value, &loaded.passages, &current.passages)
                .map_err(|e| format!("link \"{}\": {e}", loaded.id))?;
            edit.replace.push((i, text));
        }
        Ok(rebuild_object(cx, node, &edit, &order))
    }
}

/// The text, its line ending, and its indent unit.
struct Cx<'a> {
    text: &'a str,
    nl: &'static str,
    unit: String,
}

impl<'a> Cx<'a> {
    fn new(text: &'a str, root: &Node) -> Cx<'a> {
        let nl = match text.find('\n') {
            Some(i) if text[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        let mut cx = Cx {
            text,
            nl,
            unit: String::new(),
        };
        cx.unit = cx.detect_unit(root);
        cx
    }

    fn slice(&self, r: Range<usize>) -> &'a str {
        &self.text[r]
    }

    fn line_start(&self, pos: usize) -> usize {
        self.text[..pos].rfind('\n').map_or(0, |i| i + 1)
    }

    /// The spaces and tabs that begin the line `pos` is on.
    fn line_indent(&self, pos: usize) -> &'a str {
        let line = &self.text[self.line_start(pos)..];
        let w = line.len() - line.trim_start_matches([' ', '\t']).len();
        &line[..w]
    }

    /// Whether only spaces and tabs come before `pos` on its line.
    fn starts_line(&self, pos: usize) -> bool {
        self.text[self.line_start(pos)..pos]
            .bytes()
            .all(|b| b == b' ' || b == b'\t')
    }

    /// Between an object's or array's opening bracket and its first item.
    fn lead(&self, node: &Node) -> &'a str {
        let end = node
            .item_spans()
            .first()
            .map_or(node.span.end - 1, |s| s.start);
        self.slice(node.span.start + 1..end)
    }

    /// How much deeper a nested line is indented: the first container found
    /// (outside in) whose first item starts a line deeper than the container's.
    fn detect_unit(&self, root: &Node) -> String {
        let mut queue = VecDeque::from([Cow::Borrowed(root)]);
        while let Some(mut n) = queue.pop_front() {
            if matches!(n.kind, Kind::Unread) {
                match spans::expand(self.text, &n) {
                    Ok(full) => n = Cow::Owned(full),
                    Err(_) => continue,
                }
            }
            if let Some(first) = n.item_spans().first()
                && self.lead(&n).contains('\n')
            {
                let outer = self.line_indent(n.span.start);
                let inner = self.line_indent(first.start);
                if inner.len() > outer.len() && inner.starts_with(outer) {
                    return inner[outer.len()..].to_string();
                }
            }
            fn inner(n: &Node) -> Box<dyn Iterator<Item = &Node> + '_> {
                match &n.kind {
                    Kind::Object(ms) => Box::new(ms.iter().map(|m| &m.value)),
                    Kind::Array(items) => Box::new(items.iter()),
                    _ => Box::new(std::iter::empty()),
                }
            }
            match n {
                Cow::Borrowed(b) => queue.extend(inner(b).map(Cow::Borrowed)),
                Cow::Owned(o) => queue.extend(inner(&o).cloned().map(Cow::Owned)),
            }
        }
        "  ".to_string()
    }

    /// The separator between an object's keys and values (`": "`).
    fn colon(&self, obj: &Node) -> String {
        obj.members()
            .first()
            .map(|m| self.slice(m.key_span.end..m.value.span.start))
            .filter(|s| s.trim_matches([' ', '\t']) == ":")
            .unwrap_or(": ")
            .to_string()
    }

    /// The separator between items on one line (`", "`), if the container has one.
    fn comma(&self, node: &Node) -> Option<String> {
        let spans = node.item_spans();
        spans
            .windows(2)
            .map(|w| self.slice(w[0].end..w[1].start))
            .find(|g| !g.contains('\n'))
            .filter(|g| g.trim_matches([' ', '\t']) == ",")
            .map(str::to_string)
    }

    /// How to write a new member's value in `obj`.
    fn member_style(&self, obj: &Node) -> Style {
        match obj.members().first() {
            Some(m) if self.lead(obj).contains('\n') => Style::Pretty {
                base: self.line_indent(m.key_span.start).to_string(),
            },
            _ => Style::Inline {
                colon: self.colon(obj),
                comma: self.comma(obj).unwrap_or_else(|| ", ".into()),
            },
        }
    }

    /// How to write a new value for member `i` of `obj`: like the old value.
    fn value_style(&self, obj: &Node, i: usize) -> Style {
        let m = &obj.members()[i];
        if self.slice(m.value.span.clone()).contains('\n') {
            Style::Pretty {
                base: self.line_indent(m.key_span.start).to_string(),
            }
        } else {
            Style::Inline {
                colon: self.colon(obj),
                comma: self
                    .comma(&m.value)
                    .or_else(|| self.comma(obj))
                    .unwrap_or_else(|| ", ".into()),
            }
        }
    }

    /// How to write a new element like `sample`, an element of an array.
    fn element_style(&self, sample: &Node, base: String) -> Style {
        if self.lead(sample).contains('\n') {
            Style::Pretty { base }
        } else {
            Style::Inline {
                colon: self.colon(sample),
                comma: self.comma(sample).unwrap_or_else(|| ", ".into()),
            }
        }
    }

    /// How to write new elements in `own` (the array, or `None` where the
    /// file has none), whose key is indented by `key_indent`: like its own
    /// elements, else like those of the other arrays, else serde_json's pretty
    /// layout.
    fn array_style(&self, root: &Node, own: Option<&Node>, key_indent: &str) -> (Style, Layout) {
        let deeper = format!("{key_indent}{}", self.unit);
        let others = ["articles", "speakers", "quotes", "links"]
            .into_iter()
            .filter_map(|k| root.get(k).map(|(_, m)| &m.value));
        let sample = own.into_iter().chain(others).find_map(|arr| {
            let Kind::Array(items) = &arr.kind else {
                return None;
            };
            let objects = || {
                items
                    .iter()
                    .filter(|n| self.text.as_bytes().get(n.span.start) == Some(&b'{'))
            };
            let pick = objects()
                .find(|n| self.starts_line(n.span.start))
                .or_else(|| objects().next())?;
            Some((arr, spans::expand(self.text, pick).ok()?))
        });
        let Some((arr, el)) = sample else {
            let layout = Layout {
                multiline: true,
                base: deeper.clone(),
                close: key_indent.to_string(),
                comma: ", ".into(),
            };
            return (Style::Pretty { base: deeper }, layout);
        };
        let multiline = self.lead(arr).contains('\n');
        let base = if own.is_some_and(|o| std::ptr::eq(o, arr)) {
            self.line_indent(el.span.start).to_string()
        } else if multiline {
            deeper.clone()
        } else {
            key_indent.to_string()
        };
        let layout = Layout {
            multiline,
            base: deeper,
            close: key_indent.to_string(),
            comma: self.comma(arr).unwrap_or_else(|| ", ".into()),
        };
        (self.element_style(&el, base), layout)
    }

    fn render<T: Serialize + ?Sized>(&self, v: &T, style: &Style) -> String {
        let mut buf = Vec::new();
        let done = match style {
            Style::Pretty { .. } => {
                let f = serde_json::ser::PrettyFormatter::with_indent(self.unit.as_bytes());
                v.serialize(&mut serde_json::Serializer::with_formatter(&mut buf, f))
            }
            Style::Inline { colon, comma } => {
                let f = Inline { colon, comma };
                v.serialize(&mut serde_json::Serializer::with_formatter(&mut buf, f))
            }
        };
        done.expect("story entries always serialise");
        let s = String::from_utf8(buf).expect("serde_json writes UTF-8");
        match style {
            // JSON strings hold no raw line breaks: every one is the layout's.
            Style::Pretty { base } => s.replace('\n', &format!("{}{base}", self.nl)),
            Style::Inline { .. } => s,
        }
    }
}

/// How a value is written.
enum Style {
    /// serde_json's pretty layout in the file's indent unit, its lines after
    /// the first indented by `base`.
    Pretty { base: String },
    /// On one line, with these separators.
    Inline { colon: String, comma: String },
}

/// serde_json's compact layout with the file's separators.
struct Inline<'s> {
    colon: &'s str,
    comma: &'s str,
}

impl serde_json::ser::Formatter for Inline<'_> {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(self.comma.as_bytes())
        }
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.begin_array_value(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(self.colon.as_bytes())
    }
}

/// How to fill a container that has no items yet.
struct Layout {
    /// Each item on its own line, indented by `base`, the closing bracket on
    /// a line indented by `close`; else all on one line, separated by `comma`.
    multiline: bool,
    base: String,
    close: String,
    comma: String,
}

/// An item of a rebuilt object or array.
enum Item {
    /// The original item `i`, verbatim or as the given text.
    Old(usize, Option<String>),
    New(String),
}

/// The new text between the brackets of `node` holding `items` (original
/// items in their order, new ones anywhere): the text before the first item
/// and after the last as they were, each original item followed by its own
/// separator (so that a deleted item goes with the separator after it, or the
/// one before it if it was last), new items separated like their neighbours.
fn rebuild(cx: &Cx, node: &Node, items: &[Item], empty: &Layout, brackets: [&str; 2]) -> String {
    let [open, close] = brackets;
    let spans = node.item_spans();
    let inner = node.span.start + 1..node.span.end - 1;
    fn item_text<'b>(text: &'b str, spans: &[Range<usize>], item: &'b Item) -> &'b str {
        match item {
            Item::Old(i, None) => &text[spans[*i].clone()],
            Item::Old(_, Some(t)) | Item::New(t) => t,
        }
    }
    let text = |item| item_text(cx.text, &spans, item);
    let n = spans.len();
    if n == 0 {
        if items.is_empty() {
            return format!("{open}{}{close}", cx.slice(inner));
        }
        let texts: Vec<&str> = items.iter().map(text).collect();
        return if empty.multiline {
            let (nl, base) = (cx.nl, &empty.base);
            let end = &empty.close;
            format!(
                "{open}{nl}{base}{}{nl}{end}{close}",
                texts.join(&format!(",{nl}{base}"))
            )
        } else {
            format!("{open}{}{close}", texts.join(&empty.comma))
        };
    }
    if items.is_empty() {
        return format!("{open}{close}");
    }
    let gap = |i: usize| cx.slice(spans[i].end..spans[i + 1].start);
    let lead = cx.slice(inner.start..spans[0].start);
    let typical = if n >= 2 {
        gap(n - 2).to_string()
    } else if lead.contains('\n') {
        format!(",{lead}")
    } else {
        empty.comma.clone()
    };
    // One allocation, however big the array: the old text and the new items.
    let new: usize = items
        .iter()
        .map(|i| match i {
            Item::Old(_, Some(t)) | Item::New(t) => t.len() + typical.len(),
            Item::Old(_, None) => 0,
        })
        .sum();
    let mut out = String::with_capacity(node.span.len() + new);
    out.push_str(open);
    out.push_str(lead);
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            let sep = match (&items[k - 1], item) {
                (Item::Old(i, _), _) if i + 1 < n => gap(*i),
                (_, Item::Old(j, _)) if *j > 0 => gap(j - 1),
                _ => &typical,
            };
            out.push_str(sep);
        }
        out.push_str(text(item));
    }
    out.push_str(cx.slice(spans[n - 1].end..inner.end));
    out.push_str(close);
    out
}

/// Changes to an object's members: new value texts by member index, members
/// deleted, and members added (key, value text).
#[derive(Default)]
struct ObjEdit {
    replace: Vec<(usize, String)>,
    delete: Vec<usize>,
    insert: Vec<(&'static str, String)>,
}

/// The object `node` with `edit` made; a new member goes after the last
/// remaining member that comes before it in `order`, or first.
fn rebuild_object(cx: &Cx, node: &Node, edit: &ObjEdit, order: &[&str]) -> String {
    let members = node.members();
    let rank = |k: &str| order.iter().position(|o| *o == k);
    let kept = |i: &usize| !edit.delete.contains(i);
    let colon = cx.colon(node);
    let mut inserts: Vec<(Option<usize>, usize, String)> = edit
        .insert
        .iter()
        .map(|(k, v)| {
            let r = rank(k).unwrap_or(order.len());
            let after = (0..members.len())
                .rfind(|i| kept(i) && rank(&members[*i].key).is_some_and(|ri| ri < r));
            let key = serde_json::to_string(k).expect("a key serialises");
            (after, r, format!("{key}{colon}{v}"))
        })
        .collect();
    inserts.sort_by_key(|(after, r, _)| (*after, *r));
    let mut items = Vec::new();
    let add_after = |items: &mut Vec<Item>, at: Option<usize>| {
        for (_, _, t) in inserts.iter().filter(|(a, _, _)| *a == at) {
            items.push(Item::New(t.clone()));
        }
    };
    add_after(&mut items, None);
    for (i, m) in members.iter().enumerate() {
        if !kept(&i) {
            continue;
        }
        let text = edit.replace.iter().find(|(j, _)| *j == i).map(|(_, v)| {
            let key = cx.slice(m.key_span.start..m.value.span.start);
            format!("{key}{v}")
        });
        items.push(Item::Old(i, text));
        add_after(&mut items, Some(i));
    }
    let empty = Layout {
        multiline: false,
        base: String::new(),
        close: String::new(),
        comma: ", ".into(),
    };
    rebuild(cx, node, &items, &empty, ["{", "}"])
}

/// `(key, new value or None to remove)` for every key of an entry whose value
/// changed from `loaded` to `current`; the selector's four keys go together.
fn settings<T: Serialize>(
    order: &[&'static str],
    loaded: &T,
    current: &T,
) -> Vec<(&'static str, Option<Value>)> {
    const SELECTOR: [&str; 4] = ["text", "prefix", "suffix", "start"];
    let map = |v: &T| match serde_json::to_value(v) {
        Ok(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    let (l, c) = (map(loaded), map(current));
    let moved = SELECTOR.iter().any(|k| l.get(*k) != c.get(*k));
    order
        .iter()
        .filter(|k| !["id", "passages"].contains(k))
        .filter(|k| {
            if SELECTOR.contains(k) {
                moved
            } else {
                l.get(**k) != c.get(**k)
            }
        })
        .map(|k| (*k, c.get(*k).cloned()))
        .collect()
}

/// Adds to `edit` what makes the object `node` say `settings`: a value that
/// differs replaced (the last of repeated keys, the one a reader keeps), a key
/// to remove removed wherever it appears, a missing key added.
fn settle(cx: &Cx, node: &Node, settings: &[(&'static str, Option<Value>)], edit: &mut ObjEdit) {
    for (k, v) in settings {
        let at: Vec<usize> = (0..node.members().len())
            .filter(|&i| node.members()[i].key == *k)
            .collect();
        match (v, at.last()) {
            (None, _) => edit.delete.extend(at),
            (Some(v), Some(&i)) => {
                let old = &node.members()[i].value.span;
                let same = serde_json::from_str::<Value>(cx.slice(old.clone())).ok();
                if same.as_ref() != Some(v) {
                    edit.replace
                        .push((i, cx.render(v, &cx.value_style(node, i))));
                }
            }
            (Some(v), None) => edit.insert.push((k, cx.render(v, &cx.member_style(node)))),
        }
    }
}

/// The new text of an entry's object `node`, which loaded as `loaded`.
fn patch_fields<T: Serialize>(
    cx: &Cx,
    node: &Node,
    loaded: &T,
    current: &T,
    order: &[&'static str],
) -> String {
    let mut edit = ObjEdit::default();
    settle(cx, node, &settings(order, loaded, current), &mut edit);
    rebuild_object(cx, node, &edit, order)
}

/// The `"id"` of an element of the file, if it is an object with a string id.
fn id_of<'a>(cx: &Cx<'a>, node: &Node) -> Option<Cow<'a, str>> {
    spans::member_str(cx.text, node, "id")
}

fn string_member(cx: &Cx, node: &Node, key: &str) -> Option<String> {
    let (_, m) = node.get(key)?;
    match m.value.kind {
        Kind::String => serde_json::from_str(cx.slice(m.value.span.clone())).ok(),
        _ => None,
    }
}

/// Adds to `edit` what makes the top-level array `name` go from `loaded` to
/// `current`.
fn array<'a, E: Entry>(
    cx: &Cx,
    root: &Node,
    name: &'static str,
    loaded: &'a [E],
    current: &'a [E],
    edit: &mut ObjEdit,
) -> Result<(), String> {
    if loaded == current {
        return Ok(());
    }
    let by_id = |list: &'a [E], which: &str| -> Result<FxHashMap<&'a str, usize>, String> {
        let mut m = FxHashMap::default();
        m.reserve(list.len());
        for (i, e) in list.iter().enumerate() {
            if m.insert(e.id(), i).is_some() {
                return Err(format!(
                    "two {name} of the {which} story have the id \"{}\"",
                    e.id()
                ));
            }
        }
        Ok(m)
    };
    let old = by_id(loaded, "loaded")?;
    let new = by_id(current, "edited")?;
    let added = || current.iter().filter(|e| !old.contains_key(e.id()));
    let member = root.get(name);
    let arr = match member {
        Some((_, m)) if matches!(m.value.kind, Kind::Array(_)) => &m.value,
        Some((_, m)) if cx.slice(m.value.span.clone()) != "null" => {
            return Err(format!("\"{name}\" in the story file is not an array"));
        }
        // Missing, or null: a new array, if it has anything in it.
        _ => {
            if !loaded.is_empty() {
                return Err(format!(
                    "the story file has no \"{name}\", but the loaded story has some; was the file changed since it was read?"
                ));
            }
            let key_indent = match member {
                Some((_, m)) => cx.line_indent(m.key_span.start),
                None => root
                    .members()
                    .iter()
                    .find(|m| cx.starts_line(m.key_span.start))
                    .map_or("", |m| cx.line_indent(m.key_span.start)),
            };
            let (style, layout) = cx.array_style(root, None, key_indent);
            let items: Vec<Item> = added().map(|e| Item::New(cx.render(e, &style))).collect();
            let empty = Node {
                span: 0..2,
                kind: Kind::Array(Vec::new()),
            };
            let text = rebuild(cx, &empty, &items, &layout, ["[", "]"]);
            match member {
                Some((i, _)) => edit.replace.push((i, text)),
                None => edit.insert.push((name, text)),
            }
            return Ok(());
        }
    };
    let Kind::Array(elements) = &arr.kind else {
        unreachable!("matched as an array above")
    };
    let ids: Vec<Option<Cow<str>>> = elements.iter().map(|n| id_of(cx, n)).collect();
    // Where the file holds exactly the loaded elements in their order (the
    // usual case), element i is loaded[i] and no id is repeated.
    let aligned = ids.len() == loaded.len()
        && ids
            .iter()
            .zip(loaded)
            .all(|(id, e)| id.as_deref() == Some(e.id()));
    // Per id in the file: its first element, and how many have it.
    let mut first: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    if !aligned {
        for (i, id) in ids.iter().enumerate() {
            if let Some(id) = id {
                first.entry(id).or_insert((i, 0)).1 += 1;
            }
        }
        for e in loaded {
            if !first.contains_key(e.id()) {
                return Err(format!(
                    "the story file's \"{name}\" have no id \"{}\", which the loaded story has; was the file changed since it was read?",
                    e.id()
                ));
            }
        }
    }
    let count = |id: &str| match aligned {
        true => usize::from(old.contains_key(id)),
        false => first.get(id).map_or(0, |f| f.1),
    };
    for e in added() {
        if count(e.id()) > 0 {
            return Err(format!(
                "the new id \"{}\" is already in the story file's \"{name}\", in an entry that did not load",
                e.id()
            ));
        }
    }
    let mut items = Vec::new();
    let mut shift = 0isize;
    for (i, el) in elements.iter().enumerate() {
        let mine = match aligned {
            true => Some((loaded[i].id(), i)),
            false => ids[i]
                .as_deref()
                .filter(|id| first[id].0 == i)
                .and_then(|id| old.get(id).map(|&l| (id, l))),
        };
        let Some((id, l)) = mine else {
            items.push(Item::Old(i, None));
            continue;
        };
        // Most elements keep their place, give or take the ones deleted or
        // added before them: look there before looking the id up.
        let guess = l.checked_add_signed(shift).and_then(|g| current.get(g));
        let c = match guess {
            Some(e) if e.id() == id => Some(l.saturating_add_signed(shift)),
            _ => new.get(id).copied(),
        };
        if let Some(c) = c {
            shift = c as isize - l as isize;
        }
        match c {
            Some(c) if loaded[l] == current[c] => items.push(Item::Old(i, None)),
            Some(c) => items.push(Item::Old(
                i,
                Some(E::patch(
                    cx,
                    &spans::expand(cx.text, el)?,
                    &loaded[l],
                    &current[c],
                )?),
            )),
            None if count(id) > 1 => {
                return Err(format!(
                    "\"{id}\" cannot be deleted: the story file's \"{name}\" have it more than once, and the next one would take its place"
                ));
            }
            None => {}
        }
    }
    let (i, m) = member.expect("the array is a member");
    let (style, layout) = cx.array_style(root, Some(arr), cx.line_indent(m.key_span.start));
    items.extend(added().map(|e| Item::New(cx.render(e, &style))));
    edit.replace
        .push((i, rebuild(cx, arr, &items, &layout, ["[", "]"])));
    Ok(())
}

/// The new text of a link's `passages` array `arr`, which loaded as `loaded`:
/// passages kept as they are, changed in place, removed or added, as a diff of
/// the two lists pairs them. Passages of the file that did not load stay.
fn patch_passages(
    cx: &Cx,
    arr: &Node,
    loaded: &[PassageEntry],
    current: &[PassageEntry],
) -> Result<String, String> {
    let Kind::Array(elements) = &arr.kind else {
        return Err("\"passages\" in the story file is not an array".into());
    };
    // The file's passage each loaded one came from: all of them in order, or
    // (where some did not load) those with its article and text.
    let origin: Vec<usize> = if elements.len() == loaded.len() {
        (0..loaded.len()).collect()
    } else {
        let keys: Vec<Option<(String, String)>> = elements
            .iter()
            .map(|n| {
                Some((
                    string_member(cx, n, "article")?,
                    string_member(cx, n, "text")?,
                ))
            })
            .collect();
        let mut out = Vec::new();
        let mut next = 0;
        for p in loaded {
            let key = Some((p.article.clone(), p.selector.text.clone()));
            let unclear = || {
                format!(
                    "cannot tell which passage of the file is {:?}",
                    p.selector.text
                )
            };
            if keys.iter().filter(|k| **k == key).count() != 1 {
                return Err(unclear());
            }
            let at = (next..elements.len())
                .find(|&j| keys[j] == key)
                .ok_or_else(unclear)?;
            out.push(at);
            next = at + 1;
        }
        out
    };
    let style = elements
        .iter()
        .find(|n| matches!(n.kind, Kind::Object(_)))
        .map(|el| {
            let base = cx.line_indent(el.span.start).to_string();
            cx.element_style(el, base)
        })
        .unwrap_or_else(|| Style::Pretty {
            base: format!("{}{}", cx.line_indent(arr.span.start), cx.unit),
        });
    let loaded_from: HashSet<usize> = origin.iter().copied().collect();
    let mut items = Vec::new();
    let mut next = 0;
    // The file's passages before `upto` that did not load, kept in place.
    let mut keep_until = |items: &mut Vec<Item>, upto: usize| {
        for j in next..upto {
            if !loaded_from.contains(&j) {
                items.push(Item::Old(j, None));
            }
        }
        next = next.max(upto + 1);
    };
    let order = PassageEntry::fields();
    for op in diff(loaded, current) {
        match op {
            Op::Same(l) => {
                keep_until(&mut items, origin[l]);
                items.push(Item::Old(origin[l], None));
            }
            Op::Change(l, c) => {
                let o = origin[l];
                keep_until(&mut items, o);
                let text = patch_fields(cx, &elements[o], &loaded[l], &current[c], &order);
                items.push(Item::Old(o, Some(text)));
            }
            Op::Delete(l) => keep_until(&mut items, origin[l]),
            Op::Insert(c) => items.push(Item::New(cx.render(&current[c], &style))),
        }
    }
    keep_until(&mut items, elements.len());
    let layout = Layout {
        multiline: cx.lead(arr).contains('\n'),
        base: format!("{}{}", cx.line_indent(arr.span.start), cx.unit),
        close: cx.line_indent(arr.span.start).to_string(),
        comma: cx.comma(arr).unwrap_or_else(|| ", ".into()),
    };
    Ok(rebuild(cx, arr, &items, &layout, ["[", "]"]))
}

/// A step from one list to another: `Same(a)`, `Change(a, b)` (an element
/// replaced by another in the same place), `Delete(a)`, `Insert(b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same(usize),
    Change(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// The steps from `a` to `b` along a longest common subsequence; between two
/// kept elements, deletions and insertions pair up as changes.
fn diff<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops = Vec::new();
    let (mut dels, mut ins) = (Vec::new(), Vec::new());
    let flush = |ops: &mut Vec<Op>, dels: &mut Vec<usize>, ins: &mut Vec<usize>| {
        let paired = dels.len().min(ins.len());
        ops.extend((0..paired).map(|k| Op::Change(dels[k], ins[k])));
        ops.extend(dels[paired..].iter().map(|&d| Op::Delete(d)));
        ops.extend(ins[paired..].iter().map(|&i| Op::Insert(i)));
        dels.clear();
        ins.clear();
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            flush(&mut ops, &mut dels, &mut ins);
            ops.push(Op::Same(i));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ins.push(j);
            j += 1;
        } else {
            dels.push(i);
            i += 1;
        }
    }
    flush(&mut ops, &mut dels, &mut ins);
    ops
}

#[cfg(test)]
mod tests;
